// Browsing the catalogue: the home page, walking down the archival tree, paging a long list of
// children, and the 404 page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser,
  newPage,
  open,
  fondsLinks,
  childLinks,
  walkToItem,
  findPagedRecord,
  recordLevel,
  waitForHydration,
  findConditional,
} from '../support/browser.js';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the home page shows the archive, its counts and its fonds', async () => {
  const page = await newPage(browser);
  await open(page, '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi', 'Vietnamese is the default language');
  assert.ok((await page.title()).trim().length > 0, 'the page has a title');
  const h1 = (await page.locator('main h1').first().textContent()).trim();
  assert.ok(h1.length > 0, 'the h1 names the archive');

  const counts = await page.$$eval('dl[data-testid=counts] dd', (dds) =>
    dds.map((dd) => Number(dd.textContent.replace(/[^0-9]/g, ''))),
  );
  assert.ok(counts.length >= 2, `the counts list has several numbers, got ${JSON.stringify(counts)}`);
  assert.ok(counts.every((n) => Number.isInteger(n)), `counts are numbers: ${JSON.stringify(counts)}`);
  assert.ok(Math.max(...counts) > 0, 'the demo catalogue is not empty');

  const fonds = await fondsLinks(page);
  assert.ok(fonds.length > 0, 'the home page lists the fonds');
  const names = await page.$$eval('ol[data-testid=fonds-list] a', (as) => as.map((a) => a.textContent.trim()));
  assert.ok(names.every((n) => n.length > 0), `every fonds link has a name: ${JSON.stringify(names)}`);
  await page.context().close();
});

test('a visitor walks from a fonds down to an item by clicking', async () => {
  const page = await newPage(browser);
  const path = await walkToItem(page, { hydrated: true });
  assert.ok(path.length >= 3, `fonds → file → item, got ${path.join(' → ')}`);
  assert.ok(path.every((p) => p.startsWith('/records/')), `record addresses: ${path.join(' → ')}`);

  // The item page: a title, its metadata and a breadcrumb back up the tree.
  assert.equal(await recordLevel(page), 'item', `the walk ends on an item page: ${path.at(-1)}`);
  assert.ok((await page.locator('main h1').first().textContent()).trim().length > 0);
  const fields = await page.$$eval('dl[data-testid=metadata] dt', (dts) => dts.map((dt) => dt.textContent.trim()));
  assert.ok(fields.length >= 3, `the item shows its metadata, got ${JSON.stringify(fields)}`);
  const crumbs = await page.$$eval('nav[data-testid=breadcrumb] a[href]', (as) => as.map((a) => a.getAttribute('href')));
  for (const ancestor of path.slice(0, -1)) {
    assert.ok(
      crumbs.some((href) => new URL(href, 'http://x').pathname === ancestor),
      `the breadcrumb ${JSON.stringify(crumbs)} links to ${ancestor}`,
    );
  }
  assert.deepEqual(page.errors, [], 'no errors in the page');
  await page.context().close();
});

test('a long list of children pages forward and back', async () => {
  const page = await newPage(browser);
  const record = await findPagedRecord(page);
  await waitForHydration(page);
  const first = await childLinks(page);
  assert.ok(first.length > 0, `${record} lists children`);

  await Promise.all([
    page.waitForURL((url) => url.pathname === new URL(record, 'http://x').pathname && url.search !== ''),
    page.locator('a[data-testid=next-page]').first().click(),
  ]);
  await page
    .waitForFunction(
      (before) => {
        const first = document.querySelector('ol[data-testid=children] a');
        return first !== null && first.getAttribute('href') !== before;
      },
      first[0],
    )
    .catch((err) => {
      throw new Error(`after next-page the children list of ${record} still starts with ${first[0]}: ${err.message}`);
    });
  const second = await childLinks(page);
  assert.ok(second.length > 0, 'the second page lists children');
  assert.ok(
    second.every((href) => !first.includes(href)),
    `the second page repeats none of the first: ${second.filter((h) => first.includes(h)).join(', ')}`,
  );

  await page.locator('a[data-testid=prev-page]').first().click();
  await page
    .waitForFunction(
      (want) => document.querySelector('ol[data-testid=children] a')?.getAttribute('href') === want,
      first[0],
    )
    .catch((err) => {
      throw new Error(`after prev-page the children list of ${record} does not start with ${first[0]} again: ${err.message}`);
    });
  assert.deepEqual(await childLinks(page), first, 'going back shows the first page again');
  assert.deepEqual(page.errors, [], 'no errors in the page');
  await page.context().close();
});

test('a conditional unit shows a stub with the access notice and no description', async () => {
  const finder = await newPage(browser, { javaScriptEnabled: false });
  const stub = await findConditional(finder);
  await finder.context().close();

  const page = await newPage(browser);
  await open(page, stub);
  await waitForHydration(page);
  const code = decodeURIComponent(stub.split('/').pop());
  assert.ok((await page.locator('main h1').first().innerText()).includes(code), `the stub is headed by its code ${code}`);
  assert.ok((await page.locator('p[data-testid=access-notice]').first().innerText()).trim().length > 0, 'the access notice says how to ask for it');
  assert.equal(await page.locator('dl[data-testid=metadata]').count(), 0, 'a stub shows no description');
  assert.deepEqual(page.errors, [], 'no errors in the page');
  await page.context().close();
});

test('an unknown record code answers 404 with a page that says so', async () => {
  const page = await newPage(browser);
  for (const path of ['/records/KHONG-CO-MA-NAY.0000', '/khong-co-trang-nay']) {
    const response = await page.goto(path);
    assert.equal(response.status(), 404, `GET ${path}`);
    const h1 = (await page.locator('main h1').first().textContent()).trim();
    assert.match(h1, /không tìm thấy|404/i, `the 404 page of ${path} says so`);
    assert.equal(await page.locator('dl[data-testid=metadata]').count(), 0, 'no record is shown');
  }
  await page.context().close();
});
