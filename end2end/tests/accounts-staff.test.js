// Reading-room staff with two-step verification (reader-services.md §1): a staff member turns on
// TOTP, signs in again with a code computed here (a used code is refused), activates one new
// reader from the queue and refuses another with a reason, which the applicant then sees.
// The staff account keeps its second factor for the rest of the run: its secret is kept below.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, open, waitForHydration } from '../support/browser.js';
import {
  ADMIN, STAFF, withPage, pageErrors, submit, where, doneKey, fieldError, signIn, signOut, queueLink, totp,
  freshCode, assertAxeClean,
} from '../support/accounts.js';
import { findMail } from '../support/mail.js';
import { PNG, registerAndVerify } from '../support/register.js';

let browser;
/** The staff member's page (JavaScript on), signed in from the second test on. */
let staff;
before(async () => {
  browser = await launchBrowser();
  // bypassCSP: for the axe scans of the enrolment pages.
  staff = await newPage(browser, { bypassCSP: true });
});
after(async () => {
  await browser?.close();
});

/** The staff member's second factor, once enrolled: { secret, lastStep }. */
const factor = {};
const run = Date.now();
const accepted = { name: 'Đỗ Minh Tra Cứu', cccd: '001199054321', email: `accepted-${run}@example.vn`, password: `tra-cuu-ho-so-${run}` };
const refused = { name: 'Hoàng Văn Thử Nghiệm', cccd: '079199054321', email: `refused-${run}@example.vn`, password: `ho-so-ca-nhan-${run}` };
const REASON = 'Ảnh thẻ sinh viên không đọc được; xin gửi lại bản rõ hơn.';

/** Checks and forgets the staff page's errors (the page lives across tests). */
function staffErrors() {
  const errors = pageErrors(staff);
  staff.errors.length = 0;
  assert.deepEqual(errors, [], 'no errors in the staff member\'s page');
}

/** On the second-factor page: types a code not used yet and checks that it is accepted. */
async function typeFreshCode(page) {
  const form = page.locator('form[data-testid=second-factor-form]');
  await form.locator('#code').fill(await freshCode(factor));
  await submit(page, form);
  assert.equal(where(page), '/account');
}

test('the TOTP code of the RFC 6238 test vector', () => {
  // The ASCII secret "12345678901234567890" at T = 59 s: 94287082, of which 6 digits.
  assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1), '287082');
});

test('staff turn on two-step verification and get recovery codes', async () => {
  await signIn(staff, STAFF);
  assert.equal(where(staff), '/account', 'in demo mode staff are not forced to enrol');
  assert.equal(await staff.locator('[data-testid=totp-status]').getAttribute('data-enrolled'), 'false');
  await Promise.all([staff.waitForNavigation(), staff.locator('a[data-testid=totp-setup-link]').click()]);
  assert.equal(where(staff), '/account/2fa/setup');
  await waitForHydration(staff);
  await assertAxeClean(staff);
  assert.equal(await staff.locator('[data-testid=totp-qr][role=img] svg').count(), 1, 'the QR code is an inline SVG image');
  assert.match(await staff.locator('a[data-testid=totp-uri]').getAttribute('href'), /^otpauth:\/\/totp\/.*secret=/);
  factor.secret = (await staff.locator('[data-testid=totp-secret]').innerText()).replace(/\s/g, '');

  const setup = staff.locator('form[data-testid=totp-setup-form]');
  factor.first = await freshCode(factor);
  await setup.locator('#code').fill(factor.first);
  await submit(staff, setup);
  assert.equal(where(staff), '/account/2fa/recovery-codes');
  const codes = await staff.locator('[data-testid=recovery-codes] li').allInnerTexts();
  assert.equal(codes.length, 10, `ten recovery codes: ${codes}`);
  await waitForHydration(staff);
  await assertAxeClean(staff);
  await Promise.all([staff.waitForNavigation(), staff.locator('a[data-testid=continue-link]').click()]);
  assert.equal(where(staff), '/account');
  assert.equal(await staff.locator('[data-testid=totp-status]').getAttribute('data-enrolled'), 'true');
  await signOut(staff);
  staffErrors();
});

test('two visitors register and confirm their addresses', async () => {
  // Meanwhile the time step of the code used to enrol passes.
  await withPage(browser, (page) => registerAndVerify(browser, page, accepted));
  await withPage(browser, (page) =>
    registerAndVerify(browser, page, refused, {
      values: { fee_object_type: '01' },
      evidence: { name: 'the-sinh-vien.png', mimeType: 'image/png', buffer: PNG },
    }),
  );
});

test('staff sign in with a code: a used code is refused, the next one accepted', async () => {
  await signIn(staff, STAFF);
  assert.equal(where(staff), '/account/2fa', 'the staff member is asked for a code');
  const challenge = staff.locator('form[data-testid=second-factor-form]');
  await challenge.locator('#code').fill(factor.first);
  assert.equal((await submit(staff, challenge)).status(), 422, 'the code used to enrol is refused');
  assert.match(await fieldError(staff, 'code'), /đã dùng/);
  await waitForHydration(staff);
  await assertAxeClean(staff);
  await typeFreshCode(staff);
  staffErrors();
});

test('staff activate a registration from the queue; the reader is told by e-mail', async () => {
  await open(staff, await queueLink(staff, accepted.email));
  await waitForHydration(staff);
  assert.match(await staff.locator('[data-testid=reader-detail]').innerText(), new RegExp(accepted.cccd));
  await submit(staff, staff.locator('form[data-testid=activate-form]'));
  assert.equal(where(staff), '/staff/readers?done=activated');
  assert.equal(await doneKey(staff), 'activated');
  staffErrors();

  const mail = await findMail(browser, { to: accepted.email, subject: 'Your account is active' });
  assert.match(mail.text, /đã được kích hoạt/);
});

test('staff refuse a registration with a reason, which the applicant sees', async () => {
  // Without JavaScript (the form with JavaScript is covered in accounts-access.test.js).
  // A second sign-in, with a new code.
  await withPage(browser, async (page) => {
    await signIn(page, STAFF);
    await typeFreshCode(page);
    refused.href = await queueLink(page, refused.email);
    await open(page, refused.href);
    assert.match(await page.locator('a[data-testid=evidence-link]').innerText(), /the-sinh-vien\.png/);
    const form = page.locator('form[data-testid=refuse-form]');
    await form.evaluate((f) => { f.noValidate = true; });
    assert.equal((await submit(page, form)).status(), 422, 'a refusal needs a reason');
    assert.ok((await fieldError(page, 'reason')).length > 0, 'the message is beside the reason');
    await form.locator('#reason').fill(REASON);
    await submit(page, form);
    assert.equal(where(page), '/staff/readers?done=refused');
    assert.equal(await doneKey(page), 'refused');
  }, { javaScriptEnabled: false });

  await withPage(browser, async (page) => {
    await signIn(page, refused.email, refused.password);
    assert.equal(where(page), '/account');
    await waitForHydration(page);
    assert.equal(await page.locator('[data-testid=account-state]').getAttribute('data-state'), 'refused');
    assert.ok((await page.locator('[data-testid=account-state-text]').innerText()).includes(REASON), 'the reason is shown');
  });
  const mail = await findMail(browser, { to: refused.email, subject: 'Registration not accepted' });
  assert.ok(mail.text.includes(REASON), 'the mail gives the reason');
});

test('staff open the evidence file of a registration', () =>
  withPage(browser, async (page) => {
    assert.ok(refused.href, 'the refusal test ran first');
    await signIn(page, ADMIN);
    await open(page, refused.href);
    const evidence = await page.request.get(await page.locator('a[data-testid=evidence-link]').getAttribute('href'));
    assert.equal(evidence.status(), 200);
    assert.equal(evidence.headers()['content-type'], 'image/png');
    assert.deepEqual(await evidence.body(), PNG, 'the evidence file is the one uploaded');
  }));
