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
  // The addresses come from a walk with JavaScript on; the file page is the item's parent.
  const js = await newPage(browser);
  const path = await walkToItem(js);
  const file = path[path.length - 2];
  await open(js, file);
  await waitForHydration(js);
  const withJs = await content(js);
  await js.context().close();

  const page = await newPage(browser, { javaScriptEnabled: false });
  await open(page, file);
  // Playwright's own evaluate still works; the page's scripts do not run.
  assert.notEqual(await page.evaluate(() => window.__hydrated), true, 'the page did not hydrate');
  const withoutJs = await content(page);
  assert.deepEqual(withoutJs, withJs, 'the same content with and without JavaScript');
  assert.ok(withoutJs.metadata.length > 0 && withoutJs.metadata[0].length > 0, 'the file shows its metadata');
  assert.ok(withoutJs.children.length > 0, 'the file lists its items');

  // Links are plain links: an item, then back up through the breadcrumb.
  await follow(page, withoutJs.children[0]);
  assert.ok((await page.locator('dl[data-testid=metadata] dt').count()) > 0, 'the item page shows its metadata');
  const up = (await content(page)).breadcrumb;
  assert.ok(up.length > 0, 'the item page has a breadcrumb');
  await follow(page, up[up.length - 1]);
  assert.equal(new URL(page.url()).pathname, new URL(up[up.length - 1], page.url()).pathname);

  // The language switch is a plain link too.
  await page.locator('a[data-testid=lang-switch]').first().click();
  await page.waitForSelector('html[lang=en]');
  await page.context().close();
});
