// The viewer of digitised pages on record pages: OpenSeadragon once hydrated (page status, keys,
// the address's ?page=, deep zoom), plain <img> pages without JavaScript, thumbnails in search
// results, and an axe scan of a record page with the viewer mounted.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser, newPage, open, waitForHydration, follow } from '../support/browser.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
let found;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * A digitised record with at least two pages the public may see, found by following the search
 * facet for digitised records with JavaScript off: { path, pages, hits } (hits: the result list's
 * thumbnails as { src, alt, loading }).
 */
function digitisedRecord() {
  found ??= (async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await open(page, '/search?digitized=yes&per_page=50');
    const hits = await page.$$eval('li[data-testid=hit]', (items) =>
      items.map((li) => {
        const img = li.querySelector('img[data-testid=hit-thumb]');
        return {
          href: li.querySelector('a.hit-link').getAttribute('href'),
          access: li.getAttribute('data-access'),
          thumb: img && { src: img.getAttribute('src'), alt: img.getAttribute('alt'), loading: img.getAttribute('loading') },
        };
      }),
    );
    assert.ok(hits.length > 0, 'the search for digitised records finds nothing (is the demo catalogue digitised?)');
    for (const hit of hits.filter((h) => h.access === 'public').slice(0, 20)) {
      await open(page, hit.href);
      const pages = Number(await page.locator('section[data-testid=viewer]').first().getAttribute('data-pages').catch(() => 0));
      if (pages >= 2) {
        await page.context().close();
        return { path: new URL(hit.href, page.url()).pathname, pages, hits };
      }
    }
    await page.context().close();
    throw new Error(`none of the first public digitised hits has two pages: ${JSON.stringify(hits.map((h) => h.href))}`);
  })();
  return found;
}

/** The scale factor of a IIIF tile request (region width / output width), or null for whole-image requests. */
function scaleFactor(url) {
  const m = new URL(url).pathname.match(/^\/iiif\/3\/[^/]+\/(\d+),(\d+),(\d+),(\d+)\/(\d*),(\d*)\/0\/default\.jpg$/);
  if (!m) return null;
  const [regionW, regionH, sizeW, sizeH] = [m[3], m[4], m[5], m[6]].map(Number);
  const sf = sizeW ? regionW / sizeW : regionH / sizeH;
  return 2 ** Math.round(Math.log2(sf));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until no new request joined `list` for 700 ms (at most 15 s). */
async function settle(list) {
  for (let waited = 0; waited < 15_000; waited += 700) {
    const n = list.length;
    await sleep(700);
    if (list.length === n) return;
  }
}

/** Polls `check` every 100 ms until it is true (at most 15 s); returns whether it became true. */
async function eventually(check) {
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (check()) return true;
    await sleep(100);
  }
  return check();
}

async function status(page) {
  return (await page.locator('[data-testid=viewer-status]').innerText()).trim();
}

test('search results show thumbnails of digitised records', async () => {
  const { hits } = await digitisedRecord();
  const thumbs = hits.filter((h) => h.thumb);
  assert.ok(thumbs.length > 0, 'no digitised hit has a thumbnail');
  for (const { thumb } of thumbs) {
    assert.equal(thumb.alt, '', 'a hit thumbnail is decorative (alt="")');
    assert.equal(thumb.loading, 'lazy', 'hit thumbnails load lazily');
  }
  // The thumbnail itself answers with an image.
  const page = await newPage(browser);
  const response = await page.request.get(thumbs[0].thumb.src);
  assert.equal(response.status(), 200, `GET ${thumbs[0].thumb.src}`);
  assert.match(response.headers()['content-type'] ?? '', /^image\//);
  await page.context().close();
});

test('without JavaScript the pages are plain images with page links', async () => {
  const { path, pages } = await digitisedRecord();
  const page = await newPage(browser, { javaScriptEnabled: false });
  await open(page, path);
  const image = page.locator('img[data-testid=viewer-image]');
  assert.equal(await image.count(), 1, 'the record shows its current page as an <img>');
  assert.match(await image.getAttribute('alt'), new RegExp(`^Trang 1 / ${pages} — .+`));
  assert.ok(await image.evaluate((img) => img.complete && img.naturalWidth > 0), 'the page image loads');
  // Never hundreds of thumbnails.
  assert.ok((await page.locator('.viewer-thumbs img').count()) <= 8, 'a window of thumbnails');
  await follow(page, `${path}?page=2`);
  assert.match(await page.locator('img[data-testid=viewer-image]').getAttribute('alt'), new RegExp(`^Trang 2 / ${pages} — `));
  const current = await page.locator('.viewer-thumb a[aria-current=page]').textContent();
  assert.equal(current.replace(/\s+/g, ' ').trim(), 'Trang 2');
  await page.context().close();
});

test('with JavaScript: deep zoom, page status, keys and the address', async () => {
  const { path, pages } = await digitisedRecord();
  const page = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const tiles = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/iiif/3/')) tiles.push(request.url());
  });
  await open(page, path);
  await waitForHydration(page);
  // OpenSeadragon's canvas appears and replaces the plain version.
  await page.locator('[data-testid=viewer-canvas] canvas').first().waitFor();
  assert.equal(await page.locator('[data-testid=viewer-plain]').isVisible(), false, 'the plain version is hidden');
  assert.equal(await status(page), `Trang 1 / ${pages}`);
  assert.equal(await page.locator('[data-testid=viewer-status]').getAttribute('aria-live'), 'polite');
  assert.ok(tiles.some((url) => url.endsWith('/info.json')), 'the viewer reads info.json');
  assert.equal(await page.locator('.pv-strip button').count(), pages, 'one strip button per page');

  // → goes to page 2 and the address follows.
  await page.locator('.openseadragon-canvas').first().focus();
  const pageTwo = tiles.length;
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
  assert.equal(await status(page), `Trang 2 / ${pages}`);
  assert.equal(await page.locator('.pv-strip button[aria-current=page]').getAttribute('aria-label'), `Trang 2 / ${pages}`);
  assert.match(await page.locator('.openseadragon-canvas').first().getAttribute('aria-label'), new RegExp(`Trang 2 / ${pages}`));

  // Zooming in asks for tiles at a deeper level (a smaller scale factor) than the whole page did.
  await settle(tiles);
  const seen = tiles.length;
  const coarse = Math.min(...tiles.slice(pageTwo).map(scaleFactor).filter((sf) => sf !== null));
  assert.ok(coarse > 1, `page 2 is already shown at full resolution (scale factor ${coarse})`);
  for (let i = 0; i < 4; i++) await page.locator('button.pv-zoom-in').click();
  const deeper = () => tiles.slice(seen).map(scaleFactor).filter((sf) => sf !== null && sf < coarse);
  assert.ok(await eventually(() => deeper().length > 0), `no tile below scale factor ${coarse} after zooming in: ${tiles.slice(seen).join(' ')}`);

  // Rotation and the page buttons.
  await page.locator('button.pv-rotate-right').click();
  await page.locator('button.pv-prev').click();
  assert.equal(await status(page), `Trang 1 / ${pages}`);
  assert.equal(await page.locator('button.pv-prev').isDisabled(), true, 'no page before the first');

  // The manifest address is copied with a visible confirmation.
  const manifest = page.locator('[data-testid=viewer-manifest]');
  if ((await manifest.count()) > 0) {
    await manifest.locator('button').click();
    await manifest.getByText('Đã chép').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^https?:\/\/[^/]+\/iiif\/3\/manifests\//);
  }
  assert.deepEqual(page.errors, [], 'no errors in the page');
  await page.context().close();
});

test('axe: record page with the viewer mounted', async () => {
  const { path } = await digitisedRecord();
  // bypassCSP: the portal's Content-Security-Policy rightly refuses injected scripts.
  const page = await newPage(browser, { bypassCSP: true });
  await open(page, path);
  await waitForHydration(page);
  await page.locator('[data-testid=viewer-canvas] canvas').first().waitFor();
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  await page.context().close();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = (v) =>
    `  [${v.impact}] ${v.id}: ${v.help}\n` +
    v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n');
  assert.equal(blocking.length, 0, `axe found serious or critical violations on ${path}:\n${blocking.map(report).join('\n')}`);
});
