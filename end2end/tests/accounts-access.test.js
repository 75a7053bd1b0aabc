// The account pages without JavaScript (plain forms, server messages) and under an axe-core scan,
// signed out, as a reader and as an administrator. Uses only the demo's own accounts, unchanged.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, open, waitForHydration } from '../support/browser.js';
import {
  ADMIN, READER, DEMO_PASSWORD, pageErrors, submit, where, signIn, signOut, assertAxeClean,
} from '../support/accounts.js';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('without JavaScript: a wrong password is reported, then signing in returns to the page asked for', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  const closed = await page.goto('/account');
  assert.equal(closed.status(), 401, 'the account page needs a sign-in');
  assert.equal(await page.locator('[data-testid=error-page]').getAttribute('data-status'), '401');
  await Promise.all([page.waitForNavigation(), page.locator('a[data-testid=sign-in-link]').click()]);
  assert.equal(where(page), '/account/sign-in?next=/account');
  assert.equal(await page.locator('input[name=next]').inputValue(), '/account');

  const form = page.locator('form[data-testid=sign-in-form]');
  await form.locator('#email').fill(READER);
  await form.locator('#password').fill('mat-khau-sai-hoan-toan');
  const wrong = await submit(page, form);
  assert.equal(wrong.status(), 422);
  assert.match(await page.locator('[role=alert] [data-testid=form-error]').innerText(), /không đúng/);
  assert.equal(await form.locator('#email').inputValue(), READER, 'the address typed is kept');
  assert.equal(await form.locator('#password').inputValue(), '', 'the password is not sent back');
  assert.equal(await page.locator('input[name=next]').inputValue(), '/account', 'where to go is kept');

  await form.locator('#password').fill(DEMO_PASSWORD);
  await submit(page, form);
  assert.equal(where(page), '/account');
  assert.equal(await page.locator('[data-testid=account-state]').getAttribute('data-state'), 'active');
  await signOut(page);
  assert.deepEqual(pageErrors(page), []);
  await page.context().close();
});

/** Opens `path` on `page`, waits for hydration and runs axe. */
async function scan(page, path) {
  await open(page, path);
  await waitForHydration(page);
  await assertAxeClean(page);
}

test('axe: registration and sign-in, also with messages', async () => {
  // bypassCSP: the portal's Content-Security-Policy rightly refuses injected scripts.
  const page = await newPage(browser, { bypassCSP: true });
  await scan(page, '/account/register');
  await scan(page, '/account/sign-in?done=signed-out');
  await scan(page, '/account/forgot');

  // The registration page rendered again with a message beside each wrong field.
  await open(page, '/account/register');
  const form = page.locator('form[data-testid=register-form]');
  await form.evaluate((f) => { f.noValidate = true; });
  assert.equal((await submit(page, form)).status(), 422);
  assert.ok((await page.locator('[aria-invalid=true]').count()) > 1, 'several fields are marked invalid');
  await waitForHydration(page);
  await assertAxeClean(page);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('axe: the reader\'s account page', async () => {
  const page = await newPage(browser, { bypassCSP: true });
  await signIn(page, READER);
  await scan(page, '/account');
  await scan(page, '/account?done=password');
  await signOut(page);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('axe: the staff and admin pages', async () => {
  const page = await newPage(browser, { bypassCSP: true });
  await signIn(page, ADMIN);
  assert.equal(where(page), '/account');
  for (const path of ['/staff/readers', '/admin/users', '/admin/audit', '/admin/outbox', '/account/2fa/setup']) {
    await scan(page, path);
  }
  await signOut(page);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a form posted to another address than its page\'s hydrates when shown again with a message', async () => {
  const page = await newPage(browser);
  await signIn(page, READER);
  await open(page, '/account');
  await waitForHydration(page);
  const form = page.locator('form[data-testid=password-form]');
  await form.locator('#password-current').fill('mat-khau-sai-hoan-toan');
  await form.locator('#password-new').fill('mat-khau-moi-dai-du');
  assert.equal((await submit(page, form)).status(), 422);
  await waitForHydration(page);
  assert.match(await page.locator('#password-current-error').innerText(), /không đúng/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
