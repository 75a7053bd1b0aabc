// Registration as a visitor does it: the form at /account/register, then the confirmation link
// of the e-mail.

import assert from 'node:assert/strict';
import { open, waitForHydration } from './browser.js';
import { submit, where, doneKey } from './accounts.js';
import { findMail, mailLink } from './mail.js';

/** A 1×1 PNG image, for an evidence file. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Fills the registration form with `values` (field name → value) and ticks the rules. */
export async function fillRegistration(page, values) {
  const form = page.locator('form[data-testid=register-form]');
  for (const [name, value] of Object.entries(values)) {
    const field = form.locator(`[name="${name}"]`);
    const tag = await field.evaluate((el) => el.tagName.toLowerCase());
    if (tag === 'select') await field.selectOption(value);
    else await field.fill(value);
  }
  await form.locator('#accept_rules').check();
  return form;
}

/**
 * Registers `person` ({ name, cccd, email, password }) at /account/register, with `values`
 * overriding fields and an optional `evidence` file, and confirms the address from the e-mail.
 */
export async function registerAndVerify(browser, page, person, { values = {}, evidence } = {}) {
  await open(page, '/account/register');
  await waitForHydration(page);
  const form = await fillRegistration(page, {
    full_name: person.name, identity_kind: 'cccd', identity_number: person.cccd, email: person.email,
    phone: '0912345678', fee_object_type: '10', password: person.password, ...values,
  });
  if (evidence) await form.locator('#evidence').setInputFiles(evidence);
  await submit(page, form);
  assert.equal(where(page), '/account/register/sent');
  await verifyFromMail(browser, page, person.email);
}

/** Opens the verification link of the newest mail to `email` and confirms; returns the link. */
export async function verifyFromMail(browser, page, email) {
  const mail = await findMail(browser, { to: email, subject: 'Confirm your e-mail address' });
  assert.match(mail.text, /24 giờ/, 'the mail says the link is valid 24 hours');
  const link = mailLink(mail, '/account/verify');
  await open(page, link);
  await waitForHydration(page);
  await submit(page, page.locator('form[data-testid=verify-form]'));
  assert.equal(where(page), '/account/sign-in?done=verified');
  assert.equal(await doneKey(page), 'verified');
  return link;
}
