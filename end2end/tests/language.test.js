// The interface language: Vietnamese by default, English on request, remembered in a cookie.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, open, waitForHydration } from '../support/browser.js';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// Letters that only Vietnamese text has; the English interface shows none of them in its navigation.
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

// The site navigation's text, leaving out the language switch (it names the other language).
async function navText(page) {
  return page.locator('header nav, nav:not([data-testid=breadcrumb])').first().evaluate((nav) => {
    const copy = nav.cloneNode(true);
    copy.querySelectorAll('[data-testid=lang-switch], [lang]').forEach((e) => e.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  });
}

async function switchLanguage(page, want) {
  await page.locator('a[data-testid=lang-switch]').first().click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, want);
}

test('switching to English and back is remembered across pages', async () => {
  const page = await newPage(browser);
  await open(page, '/');
  await waitForHydration(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  const viNav = await navText(page);
  assert.match(viNav, VIETNAMESE, `the Vietnamese navigation is in Vietnamese: ${viNav}`);

  await switchLanguage(page, 'en');
  const enNav = await navText(page);
  assert.doesNotMatch(enNav, VIETNAMESE, `the English navigation is in English: ${enNav}`);
  assert.match(enNav, /[A-Za-z]{3}/, `the English navigation has words: ${enNav}`);
  assert.notEqual(enNav, viNav);

  // A new document load without ?lang: the choice came back from the cookie.
  await open(page, '/fonds');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'English is remembered on the next page');
  assert.equal(await navText(page), enNav);
  const cookies = await page.context().cookies();
  assert.ok(cookies.some((c) => /(^|[^a-z])en([^a-z]|$)/i.test(c.value)), `a cookie keeps the choice: ${JSON.stringify(cookies)}`);

  await waitForHydration(page);
  await switchLanguage(page, 'vi');
  assert.equal(await navText(page), viNav);
  await open(page, '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi', 'Vietnamese is remembered too');
  assert.deepEqual(page.errors, [], 'no errors in the page');
  await page.context().close();
});
