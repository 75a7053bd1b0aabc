// Every page works as plain HTML: the same content with JavaScript off, and links still work.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, open, waitForHydration, walkToItem, follow, childLinks } from '../support/browser.js';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function content(page) {
  return {
    h1: (await page.locator('main h1').first().innerText()).trim(),
    metadata: await page.$$eval('dl[data-testid=metadata]', (dls) => dls.map((dl) => dl.innerText.trim())),
    children: await childLinks(page),
    breadcrumb: await page.$$eval('nav[data-testid=breadcrumb] a', (as) => as.map((a) => a.getAttribute('href'))),
  };
}

test('a record page renders the same without JavaScript, and its links work', async () => {
  // Down the tree by plain links: fonds, (series), file, item.
  const page = await newPage(browser, { javaScriptEnabled: false });
  const path = await walkToItem(page);
  // Playwright's own evaluate still works; the page's scripts do not run.
  assert.notEqual(await page.evaluate(() => window.__hydrated), true, 'the page did not hydrate');
  assert.ok((await page.locator('dl[data-testid=metadata] dt').count()) > 0, 'the item page shows its metadata');

  // Back up through the breadcrumb to the file.
  const file = path.at(-2);
  const up = (await content(page)).breadcrumb;
  assert.ok(up.length > 0, 'the item page has a breadcrumb');
  await follow(page, up.at(-1));
  assert.equal(new URL(page.url()).pathname, file, 'the breadcrumb leads to the file');
  const withoutJs = await content(page);
  assert.ok(withoutJs.metadata.length > 0 && withoutJs.metadata[0].length > 0, 'the file shows its metadata');
  assert.ok(withoutJs.children.length > 0, 'the file lists its items');

  // The same page with JavaScript, once hydrated, shows the same content.
  const js = await newPage(browser);
  await open(js, file);
  await waitForHydration(js);
  assert.deepEqual(await content(js), withoutJs, 'the same content with and without JavaScript');
  assert.deepEqual(js.errors, [], 'no errors in the page with JavaScript');
  await js.context().close();

  // The language switch is a plain link too.
  await page.locator('a[data-testid=lang-switch]').first().click();
  await page.waitForSelector('html[lang=en]');
  await page.context().close();
});
