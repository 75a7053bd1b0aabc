// Words found inside a scanned page: the demo's two-layer PDF has a phrase on its third page
// only (server/src/cli/demo_scans.rs, PAGE_THREE_PHRASE). Searching for it gives a hit that
// says which page, and following the hit opens the viewer at that page — with and without
// JavaScript.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, open, waitForHydration } from '../support/browser.js';

const PHRASE = 'biên bản nghiệm thu kè sông Pô Kô';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The first hit that was found inside a page: { href, text }. */
async function pageHit(page) {
  await open(page, `/search?q=${encodeURIComponent(`"${PHRASE}"`)}`);
  const hits = await page.$$eval('li[data-testid=hit]', (items) =>
    items.map((li) => ({ href: li.querySelector('a.hit-link').getAttribute('href'), text: li.textContent })),
  );
  const hit = hits.find((h) => /[?&]page=3\b/.test(h.href));
  assert.ok(hit, `a hit linking to page 3: ${JSON.stringify(hits)}`);
  assert.match(hit.text, /trang 3/i, 'the hit says on which page the words are');
  return hit;
}

test('a search hit inside a scanned page opens the plain page view at that page (no JavaScript)', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  try {
    const hit = await pageHit(page);
    await open(page, hit.href);
    const img = page.locator('[data-testid=viewer-plain] img').first();
    assert.match(await img.getAttribute('alt'), /^Trang 3 \//, 'the third page is shown');
  } finally {
    await page.context().close();
  }
});

test('a search hit inside a scanned page opens the viewer at that page', async () => {
  const page = await newPage(browser);
  try {
    const hit = await pageHit(page);
    await open(page, hit.href);
    await waitForHydration(page);
    await page.locator('[data-testid=viewer-status]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForFunction(
      () => /^Trang 3 \//.test(document.querySelector('[data-testid=viewer-status]')?.textContent || ''),
      null,
      { timeout: 30_000 },
    );
    assert.match(page.url(), /[?&]page=3\b/);
  } finally {
    await page.context().close();
  }
});
