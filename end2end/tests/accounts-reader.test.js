// A reader's account from end to end (reader-services.md §1), in a browser with JavaScript: a
// visitor registers (first with a mistake), confirms the address from the e-mail and waits; the
// administrator, also reading-room staff, activates the account from the verification queue; the
// reader changes the password, then resets it with the e-mailed link. The tests run in order
// and share the reader they make. (Staff with two-step verification: accounts-staff.test.js.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, open, waitForHydration } from '../support/browser.js';
import {
  ADMIN, withPage, submit, where, doneKey, fieldError, signIn, signOut, queueLink,
} from '../support/accounts.js';
import { findMail, outboxMessage, mailLink } from '../support/mail.js';
import { fillRegistration, verifyFromMail } from '../support/register.js';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const run = Date.now();
const reader = { email: `reader-${run}@example.vn`, password: `so-tay-luu-tru-${run}` };

test('a visitor registers: a mistake is shown beside its field, what was typed is kept', () =>
  withPage(browser, async (page) => {
    await open(page, '/account/register');
    await waitForHydration(page);
    const form = await fillRegistration(page, {
      full_name: 'Phạm Thị Nghiên Cứu', identity_kind: 'cccd', identity_number: '12345',
      email: reader.email, phone: '0912345678', employer: 'Trường Đại học Khoa học Xã hội và Nhân văn',
      fee_object_type: '10', notes: 'Nghiên cứu lịch sử địa phương', password: reader.password,
    });
    const again = await submit(page, form);
    assert.equal(again.status(), 422, 'an invalid registration is answered 422');
    await waitForHydration(page);
    assert.match(await fieldError(page, 'identity_number'), /12 chữ số/);
    assert.ok(await page.locator('[role=alert] [data-testid=form-error-summary]').isVisible(), 'a summary at the top');
    const kept = await page.$$eval('form[data-testid=register-form] [name]', (els) =>
      Object.fromEntries(els.filter((e) => e.type !== 'file' && e.type !== 'hidden').map((e) => [e.name, e.type === 'checkbox' ? e.checked : e.value])),
    );
    assert.deepEqual(kept, {
      full_name: 'Phạm Thị Nghiên Cứu', identity_kind: 'cccd', identity_number: '12345', email: reader.email,
      phone: '0912345678', employer: 'Trường Đại học Khoa học Xã hội và Nhân văn', fee_object_type: '10',
      notes: 'Nghiên cứu lịch sử địa phương', password: '', accept_rules: true,
    }, 'every value but the password is shown again');

    await form.locator('#identity_number').fill('001099012345');
    await form.locator('#password').fill(reader.password);
    await submit(page, form);
    assert.equal(where(page), '/account/register/sent');
    const sent = await page.locator('[data-testid=register-sent]').innerText();
    assert.match(sent, /24 giờ/);
    assert.match(await page.locator('main').innerText(), /thư rác/, 'the page mentions the spam folder');
  }));

test('the reader confirms the address from the e-mail and waits for the staff', () =>
  withPage(browser, async (page) => {
    const link = await verifyFromMail(browser, page, reader.email);
    // The link works once.
    await open(page, link);
    const used = await submit(page, page.locator('form[data-testid=verify-form]'));
    assert.equal(used.status(), 422);
    assert.match(await page.locator('[role=alert] [data-testid=form-error]').innerText(), /đã được dùng/);

    await signIn(page, reader.email, reader.password);
    assert.equal(where(page), '/account');
    await waitForHydration(page);
    assert.equal(await page.locator('[data-testid=account-state]').getAttribute('data-state'), 'pending');
    assert.match(await page.locator('[data-testid=account-state-text]').innerText(), /một ngày làm việc/);
    const details = await page.locator('[data-testid=account-details]').innerText();
    assert.ok(!details.includes('001099012345') && details.includes('2345'), `the identity number is masked: ${details}`);
  }));

test('the administrator, also staff, activates the reader; the "activated" mail is in the outbox', () =>
  withPage(browser, async (page) => {
    // Demo mode asks no second factor of staff who have not enrolled one.
    await signIn(page, ADMIN);
    assert.equal(where(page), '/account');
    await open(page, await queueLink(page, reader.email));
    await waitForHydration(page);
    assert.match(await page.locator('[data-testid=reader-detail]').innerText(), /001099012345/, 'staff see the whole identity number');
    await submit(page, page.locator('form[data-testid=activate-form]'));
    assert.equal(where(page), '/staff/readers?done=activated');
    assert.equal(await doneKey(page), 'activated');
    assert.ok(!(await page.locator('[data-testid=reader-queue]').innerText()).includes(reader.email), 'the reader left the queue');

    const mail = await outboxMessage(page, reader.email, 'Your account is active');
    assert.ok(mail, 'the admin outbox lists the mail');
    assert.match(mail.text, /đã được kích hoạt/);
    assert.ok(mail.links.some((l) => new URL(l).pathname === '/account/sign-in'), `a link to sign in: ${mail.links}`);
  }));

test('the active reader changes the password and signs in with it; staff pages stay closed', () =>
  withPage(browser, async (page) => {
    await signIn(page, reader.email, reader.password);
    assert.equal(where(page), '/account');
    assert.equal(await page.locator('[data-testid=account-state]').getAttribute('data-state'), 'active');
    assert.match(await page.locator('[data-testid=account-state-text]').innerText(), /\d{2}\/\d{2}\/\d{4}/, 'the expiry date');

    const denied = await page.goto('/staff/readers');
    assert.equal(denied.status(), 403, 'a reader may not open the verification queue');
    assert.equal(await page.locator('[data-testid=error-page]').getAttribute('data-status'), '403');

    await open(page, '/account');
    await waitForHydration(page);
    const form = page.locator('form[data-testid=password-form]');
    const changed = `${reader.password}-moi`;
    await form.locator('#password-current').fill(reader.password);
    await form.locator('#password-new').fill(changed);
    await submit(page, form);
    assert.equal(where(page), '/account?done=password');
    assert.equal(await doneKey(page), 'password');
    await signOut(page);

    const refusedOld = await signIn(page, reader.email, reader.password);
    assert.equal(refusedOld.status(), 422, 'the old password no longer works');
    assert.match(await page.locator('[data-testid=form-error]').innerText(), /không đúng/);
    reader.password = changed;
    await signIn(page, reader.email, reader.password);
    assert.equal(where(page), '/account');
    await signOut(page);
  }));

test('a forgotten password is reset with the e-mailed link', () =>
  withPage(browser, async (page) => {
    const ask = async (email) => {
      await open(page, '/account/forgot');
      const form = page.locator('form[data-testid=forgot-form]');
      await form.locator('#email').fill(email);
      await submit(page, form);
      assert.equal(where(page), '/account/forgot?done=sent');
      return page.locator('[data-testid=done-notice]').innerText();
    };
    const unknown = await ask(`nobody-${run}@example.vn`);
    assert.equal(await ask(reader.email), unknown, 'the same notice whether or not the address has an account');

    const mail = await findMail(browser, { to: reader.email, subject: 'Reset your password' });
    await open(page, mailLink(mail, '/account/reset'));
    await waitForHydration(page);
    const form = page.locator('form[data-testid=reset-form]');
    reader.password = `dat-lai-mat-khau-${run}`;
    await form.locator('#password').fill(reader.password);
    await submit(page, form);
    assert.equal(where(page), '/account/sign-in?done=reset');
    assert.equal(await doneKey(page), 'reset');

    await signIn(page, reader.email, reader.password);
    assert.equal(where(page), '/account');
    await signOut(page);
  }));
