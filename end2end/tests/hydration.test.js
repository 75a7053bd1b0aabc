// The WebAssembly bundle hydrates the server-rendered page: after that, following a link is a
// client-side navigation that keeps the same document.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, open, waitForHydration, fondsLinks, follow } from '../support/browser.js';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the page hydrates and links navigate without reloading the document', async () => {
  const page = await newPage(browser);
  const wasm = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('.wasm'));
  await open(page, '/');
  const wasmResponse = await wasm;
  assert.equal(wasmResponse.status(), 200, `the WebAssembly bundle ${wasmResponse.url()} is served`);
  await waitForHydration(page);
  const homeH1 = (await page.locator('main h1').first().innerText()).trim();

  // Mark this document; a full page load would lose the mark and fire a new document request.
  await page.evaluate(() => {
    window.__e2eSameDocument = true;
  });
  const documentLoads = [];
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.resourceType() === 'document') documentLoads.push(r.url());
  });

  const [fonds] = await fondsLinks(page);
  await follow(page, fonds);
  const fondsH1 = (await page.locator('main h1').first().innerText()).trim();
  assert.ok(fondsH1 !== '' && fondsH1 !== homeH1, `the fonds page has its own heading: ${fondsH1}`);
  assert.equal(await page.evaluate(() => window.__e2eSameDocument), true, 'the document was not reloaded');
  assert.deepEqual(documentLoads, [], 'no new document was requested');
  assert.ok((await page.locator('ol[data-testid=children] a, dl[data-testid=metadata]').count()) > 0, 'the fonds page rendered in the client');

  await page.goBack();
  await page.waitForFunction((want) => document.querySelector('main h1')?.innerText.trim() === want, homeH1);
  assert.equal(await page.evaluate(() => window.__e2eSameDocument), true, 'back is client-side too');
  assert.deepEqual(page.errors, [], 'no errors while hydrating or navigating');
  await page.context().close();
});
