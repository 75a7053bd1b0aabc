// An automated accessibility scan (axe-core) of the main pages: no serious or critical violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser, newPage, open, waitForHydration, walkToItem } from '../support/browser.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
let walk;
before(async () => {
  browser = await launchBrowser();
});

// The addresses of a file and one of its items, found once by following plain links (JavaScript
// off, so finding them depends on nothing but the server-rendered pages).
function fileAndItem() {
  walk ??= (async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    const path = await walkToItem(page);
    await page.context().close();
    return path.slice(-2);
  })();
  return walk;
}
after(async () => {
  await browser?.close();
});

async function scan(path) {
  // bypassCSP: the portal's Content-Security-Policy rightly refuses injected scripts.
  const page = await newPage(browser, { bypassCSP: true });
  await open(page, path);
  await waitForHydration(page);
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  await page.context().close();
  const report = (v) =>
    `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
    v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n');
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !blocking.includes(v));
  if (minor.length > 0) console.log(`# axe ${path}: minor or moderate findings:\n${minor.map(report).join('\n')}`);
  assert.equal(
    blocking.length,
    0,
    `axe found serious or critical violations on ${path}:\n${blocking.map(report).join('\n')}`,
  );
}

test('axe: home page', () => scan('/'));
test('axe: list of fonds', () => scan('/fonds'));
test('axe: file record page', async () => scan((await fileAndItem())[0]));
test('axe: item record page', async () => scan((await fileAndItem())[1]));
test('axe: search results with facets', () => scan(`/search?q=${encodeURIComponent('quyết định')}&level=item`));
test('axe: search that finds nothing', () => scan(`/search?q=${encodeURIComponent('quyết định zzqxw')}&level=item`));
