// Helpers for the account tests: the demo accounts, pages in their own context, plain HTML form
// submissions, sign-in and sign-out, the staff's queue, TOTP codes (RFC 6238) computed here, and
// an axe-core scan of the page shown. The outbox is in mail.js, registration in register.js.

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { newPage, open } from './browser.js';

/** The password of the accounts `portal demo` makes. */
export const DEMO_PASSWORD = 'phong-doc-truc-tuyen';
/** The demo's administrator (also reading-room staff), staff member and reader. */
export const ADMIN = 'quantri@demo.invalid';
export const STAFF = 'canbo@demo.invalid';
export const READER = 'docgia@demo.invalid';

/**
 * The errors `newPage` collected, but for the page's own scripts, which Chromium reports as
 * blocked ("csp") when the context has JavaScript off.
 */
export function pageErrors(page) {
  return page.errors.filter((e) => !/^script \S+ failed: csp$/.test(e));
}

/**
 * Runs `fn(page)` with a page of a new browser context (own cookies, `options` as for newPage),
 * then checks that the page had no errors, and closes the context.
 */
export async function withPage(browser, fn, options = {}) {
  const page = await newPage(browser, options);
  try {
    const result = await fn(page);
    assert.deepEqual(pageErrors(page), [], 'no errors in the page');
    return result;
  } finally {
    await page.context().close();
  }
}

/**
 * Submits `form` (a locator) with its submit button, or `button` when given, and waits for the
 * next document. Returns the final response: the page after a 303 redirect, or the page rendered
 * again with its messages (422).
 */
export async function submit(page, form, button = form.locator('button[type=submit]')) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.first().click()]);
  assert.ok(response, `no response after submitting the form on ${page.url()}`);
  return response;
}

/** The address shown, as path and query (e.g. "/account?done=password"). */
export function where(page) {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

/** The `data-done` key of the confirmation shown (undefined when there is none). */
export async function doneKey(page) {
  const notice = page.locator('[data-testid=done-notice][role=status]');
  if ((await notice.count()) === 0) return undefined;
  return notice.first().getAttribute('data-done');
}

/** The message beside field `name`, after checking that the field points to it. */
export async function fieldError(page, name, id = name) {
  const input = page.locator(`#${id}`);
  assert.equal(await input.getAttribute('aria-invalid'), 'true', `#${id} is marked invalid`);
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  assert.ok(describedBy.split(' ').includes(`${id}-error`), `#${id} is described by its message: "${describedBy}"`);
  return (await page.locator(`#${id}-error`).innerText()).trim();
}

/** Signs in with e-mail and password; returns the response (the next page or the form again). */
export async function signIn(page, email, password = DEMO_PASSWORD) {
  await open(page, '/account/sign-in');
  const form = page.locator('form[data-testid=sign-in-form]');
  await form.locator('#email').fill(email);
  await form.locator('#password').fill(password);
  return submit(page, form);
}

/** Signs out with the header's button and checks the sign-in page's notice. */
export async function signOut(page) {
  await submit(page, page.locator('form[data-testid=sign-out-form]').first());
  assert.equal(where(page), '/account/sign-in?done=signed-out');
  assert.equal(await doneKey(page), 'signed-out');
}

/** On /staff/readers: the href of the row of `email` (after checking the order and deadlines). */
export async function queueLink(page, email) {
  await open(page, '/staff/readers');
  const rows = await page.locator('tr[data-testid=queue-row]').evaluateAll((trs) =>
    trs.map((tr) => ({
      href: tr.querySelector('th a').getAttribute('href'),
      cells: [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()),
    })),
  );
  const stamp = (text) => {
    const [, d, m, y, hh, mm] = text.match(/(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})/);
    return `${y}${m}${d}${hh}${mm}`;
  };
  const received = rows.map((r) => stamp(r.cells[2]));
  assert.deepEqual(received, [...received].sort(), 'the queue lists the oldest registration first');
  const row = rows.find((r) => r.cells[0] === email);
  assert.ok(row, `${email} is in the verification queue`);
  assert.ok(stamp(row.cells[3]) >= stamp(row.cells[2]), `the deadline ${row.cells[3]} follows the receipt ${row.cells[2]}`);
  return row.href;
}

// --- TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) -----------------------------------

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes RFC 4648 base32 (spaces, padding and case ignored). */
export function base32Decode(text) {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const out = [];
  let acc = 0;
  let bits = 0;
  for (const c of clean) {
    const v = BASE32.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${JSON.stringify(c)} in ${JSON.stringify(text)}`);
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** The 6-digit code of a base32 `secret` for time step `step`. */
export function totp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const at = mac[mac.length - 1] & 0x0f;
  const value =
    ((mac[at] & 0x7f) << 24) | (mac[at + 1] << 16) | (mac[at + 2] << 8) | mac[at + 3];
  return String(value % 1_000_000).padStart(6, '0');
}

/** The current 30-second time step. */
export function currentStep() {
  return Math.floor(Date.now() / 30_000);
}

/**
 * A code the server has not seen yet for `factor` ({ secret, lastStep }): the current step's,
 * after waiting for the next step when this one's code was already used (replay protection).
 */
export async function freshCode(factor) {
  let step = currentStep();
  if (factor.lastStep !== undefined && step <= factor.lastStep) {
    step = factor.lastStep + 1;
    await new Promise((resolve) => setTimeout(resolve, step * 30_000 - Date.now() + 250));
  }
  factor.lastStep = step;
  return totp(factor.secret, step);
}

// --- accessibility -----------------------------------------------------------------------------

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page shown (its context needs JavaScript and `bypassCSP: true`): no violations. */
export async function assertAxeClean(page) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const report = (v) =>
    `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
    v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n');
  assert.equal(results.violations.length, 0, `axe found violations on ${where(page)}:\n${results.violations.map(report).join('\n')}`);
}
