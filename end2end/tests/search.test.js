// Searching: from the header's box to results, facets, a date range, a record and back, and the
// next page, once with JavaScript (client-side navigation) and once without; completions while
// typing; search within a fonds; a bad parameter; the English page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, open, waitForHydration, fondsLinks } from '../support/browser.js';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// Item titles of the generated catalogue name their document type ("Quyết định số 539/QĐ-SXD
// về việc …"), so this finds hundreds of items in any demo corpus.
const QUERY = 'quyết định';

/**
 * Waits until the page shows the results of the search in the address bar (with JavaScript the
 * router updates the page after the address changes; the page names what it shows in
 * `data-search`).
 */
async function untilShown(page) {
  await page
    .waitForFunction(() => {
      const shown = document.querySelector('[data-testid=search-page]')?.dataset.search;
      if (shown === undefined) return false;
      const norm = (s) =>
        [...new URLSearchParams(s)]
          .filter(([, v]) => v !== '')
          .map(([k, v]) => `${k}=${v}`)
          .sort()
          .join('&');
      return norm(shown.split('?')[1] || '') === norm(location.search);
    })
    .catch((err) => {
      throw new Error(`the results of ${page.url()} never showed; page errors: ${JSON.stringify(page.errors)}; ${err.message}`);
    });
}

/** Clicks `locator` and waits for an address whose query satisfies `want`, then for its results. */
async function go(page, locator, want) {
  await Promise.all([page.waitForURL((url) => url.pathname === '/search' && want(url.searchParams)), locator.click()]);
  await untilShown(page);
}

/** The number in "Tìm thấy 1.234 kết quả". */
async function total(page) {
  const text = await page.locator('[data-testid=total]').innerText();
  assert.match(text, /^Tìm thấy [\d.]+ kết quả$/, `the total reads like Vietnamese: ${text}`);
  return Number(text.replace(/[^\d]/g, ''));
}

async function hits(page) {
  return page.$$eval('[data-testid=hit]', (items) =>
    items.map((li) => ({
      code: li.dataset.code,
      level: li.dataset.level,
      title: li.querySelector('a.hit-link').textContent.trim(),
      href: li.querySelector('a.hit-link').getAttribute('href'),
      years: (li.querySelector('.unit-date')?.textContent.match(/\d{4}/g) || []).map(Number),
      marks: [...li.querySelectorAll('[data-testid=snippet] mark')].map((m) => m.textContent),
    })),
  );
}

async function chips(page) {
  return page.$$eval('[data-testid=chip]', (as) => as.map((a) => a.dataset.param));
}

/** The facet links of `facet` as { value, count, selected }, in the order shown. */
async function facet(page, name) {
  return page.$$eval(`a[data-facet="${name}"]`, (as) =>
    as.map((a) => ({
      value: a.dataset.value,
      count: Number(a.querySelector('.facet-count').textContent.replace(/[^\d]/g, '')),
      selected: a.getAttribute('aria-current') === 'true',
    })),
  );
}

/**
 * The whole journey: search from the home page's box, two facets, a date range, a result and
 * back, then page 2. With `js`, every step after the first load must stay in the same document.
 */
async function journey(page, { js }) {
  await open(page, '/');
  if (js) {
    await waitForHydration(page);
    await page.evaluate(() => {
      window.__e2eSameDocument = true;
    });
  }
  const sameDocument = async (step) => {
    if (js) assert.equal(await page.evaluate(() => window.__e2eSameDocument), true, `${step} reloaded the document`);
  };

  // 1. The header's box, on the home page.
  const box = page.locator('form[role=search][data-testid=site-search] input[name=q]');
  assert.equal(await box.count(), 1, 'the header has a search box');
  const label = await page.locator(`label[for="${await box.getAttribute('id')}"]`).innerText();
  assert.ok(label.trim().length > 0, 'the search box is labelled');
  await box.fill(QUERY);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === QUERY),
    box.press('Enter'),
  ]);
  await untilShown(page);
  await sameDocument('the search');
  assert.match(await page.title(), new RegExp(`^Tìm kiếm: ${QUERY} — `), 'the title names the search');
  const all = await total(page);
  assert.ok(all > 20, `"${QUERY}" finds more than a page of results, found ${all}`);
  const first = await hits(page);
  assert.equal(first.length, 20, 'a page holds 20 results');
  assert.ok(first.every((h) => h.href.startsWith('/records/')), 'every result links to its record');
  assert.ok(
    first.some((h) => h.marks.some((m) => /quyết|định/i.test(m))),
    `some result highlights the words: ${JSON.stringify(first.map((h) => h.marks))}`,
  );

  // 2. Two facets: the item level, then the most frequent document type.
  const levels = await facet(page, 'level');
  const item = levels.find((v) => v.value === 'item');
  assert.ok(item && item.count > 0, `the level facet offers items: ${JSON.stringify(levels)}`);
  await go(page, page.locator('a[data-facet=level][data-value=item]'), (p) => p.get('level') === 'item' && p.get('q') === QUERY);
  await sameDocument('the level facet');
  assert.equal(await total(page), item.count, 'the facet count was the number of results');
  assert.deepEqual(await chips(page), ['level']);
  assert.ok((await hits(page)).every((h) => h.level === 'item'), 'only items are left');
  assert.ok((await facet(page, 'level')).find((v) => v.value === 'item').selected, 'the chosen level is marked');

  const [type] = await facet(page, 'type');
  assert.ok(type && type.count > 20, `the commonest document type has more than a page: ${JSON.stringify(type)}`);
  await go(page, page.locator(`a[data-facet=type][data-value="${type.value}"]`), (p) => p.get('type') === type.value && p.get('level') === 'item');
  await sameDocument('the type facet');
  assert.equal(await total(page), type.count);
  assert.deepEqual(await chips(page), ['level', 'type']);

  // 3. A date range: the decade with the most results, typed into the form.
  const decades = await facet(page, 'from');
  assert.ok(decades.length > 0, 'the results are counted by decade');
  const decade = decades.reduce((a, b) => (b.count > a.count ? b : a));
  assert.ok(decade.count > 20, `the busiest decade has more than a page: ${JSON.stringify(decades)}`);
  const from = Number(decade.value);
  await page.locator('[data-testid=date-form] input[name=from]').fill(String(from));
  await page.locator('[data-testid=date-form] input[name=to]').fill(String(from + 9));
  await go(page, page.locator('[data-testid=date-form] button[type=submit]'), (p) => p.get('from') === String(from) && p.get('to') === String(from + 9));
  await sameDocument('the date range');
  const narrowed = await total(page);
  assert.equal(narrowed, decade.count, 'the date range finds what its decade counted');
  assert.deepEqual(await chips(page), ['level', 'type', 'from,to']);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('q'), QUERY, 'the words are kept');
  assert.equal(url.searchParams.get('type'), type.value, 'the facets are kept');
  const page1 = await hits(page);
  for (const h of page1) {
    assert.ok(h.years.length > 0, `${h.code} shows its dates`);
    const [lo, hi] = [Math.min(...h.years), Math.max(...h.years)];
    assert.ok(lo <= from + 9 && hi >= from, `${h.code} (${h.years}) overlaps ${from}–${from + 9}`);
  }

  // 4. A result, and back to the same results.
  const searchUrl = page.url();
  const [top] = page1;
  await Promise.all([page.waitForURL((u) => u.pathname === top.href), page.locator('a.hit-link').first().click()]);
  await page.waitForFunction((title) => document.querySelector('main h1')?.innerText.trim() === title, top.title);
  await sameDocument('opening a result');
  await page.goBack();
  await page.waitForURL(searchUrl);
  await untilShown(page);
  await sameDocument('going back');
  assert.deepEqual(await hits(page), page1, 'back shows the same results');
  assert.deepEqual(await chips(page), ['level', 'type', 'from,to']);

  // 5. The next page.
  await go(page, page.locator('[data-testid=search-pager] a[data-testid=next-page]'), (p) => p.get('page') === '2' && p.get('from') === String(from));
  await sameDocument('the next page');
  const page2 = await hits(page);
  assert.ok(page2.length > 0, 'page 2 lists results');
  assert.ok(page2.every((h) => !page1.some((o) => o.code === h.code)), 'page 2 repeats nothing of page 1');
  assert.equal(await page.locator('[data-testid=hits]').getAttribute('start'), '21', 'page 2 numbers from 21');
  assert.equal(
    (await page.locator('[data-testid=search-pager] a[aria-current=page]').innerText()).replace(/\D/g, ''),
    '2',
    'the pager marks page 2',
  );
  assert.equal(await total(page), narrowed, 'paging keeps the total');
  // Without JavaScript Chromium reports the refused scripts as failed requests.
  if (js) assert.deepEqual(page.errors, [], 'no errors in the page');
}

test('a search with JavaScript: facets, a date range, a record and back, page 2, all in the page', async () => {
  const page = await newPage(browser);
  await journey(page, { js: true });
  await page.context().close();
});

test('the same search without JavaScript: plain links and GET forms', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await journey(page, { js: false });
  assert.notEqual(await page.evaluate(() => window.__hydrated), true, 'the page did not hydrate');
  await page.context().close();
});

test('completions appear while typing once the page is hydrated', async () => {
  const page = await newPage(browser);
  await open(page, '/fonds');
  await waitForHydration(page);
  const box = page.locator('[data-testid=site-search] input[name=q]');
  await box.click();

  // What the page asks the server for while typing.
  const asked = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/sfn/suggest') {
      asked.push(new URLSearchParams(r.postData() || new URL(r.url()).search).get('q'));
    }
  });
  await box.pressSequentially('quyết', { delay: 30 });
  await page.waitForSelector('[data-testid=suggestion]');
  assert.ok(asked.length > 0, 'completions come from the server');
  assert.ok(asked.every((q) => [...q.trim()].length >= 2), `nothing is asked for one character: ${JSON.stringify(asked)}`);
  const suggestions = await page.$$eval('[data-testid=suggestion]', (as) =>
    as.map((a) => ({ href: a.getAttribute('href'), title: a.textContent.trim() })),
  );
  assert.ok(suggestions.length > 0 && suggestions.length <= 10, `a few completions: ${suggestions.length}`);
  assert.ok(suggestions.every((s) => s.href.startsWith('/records/') && s.title.length > 0), JSON.stringify(suggestions));
  assert.ok(
    suggestions.some((s) => /quyết/i.test(s.title)),
    `the completions match what was typed: ${JSON.stringify(suggestions.map((s) => s.title))}`,
  );
  assert.match(await page.locator('#site-search-status').innerText(), /\d+ gợi ý/, 'screen readers hear how many');

  // The keyboard: down into the list, Escape closes it and returns to the box.
  await box.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'suggestion', 'down arrow focuses the first completion');
  await page.keyboard.press('ArrowDown');
  assert.equal(
    await page.evaluate(() => document.activeElement.getAttribute('href')),
    suggestions[1]?.href ?? suggestions[0].href,
    'down arrow moves to the next completion',
  );
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-testid=suggestion]').count(), 0, 'Escape closes the list');
  assert.equal(await page.evaluate(() => document.activeElement.id), await box.getAttribute('id'), 'the focus is back in the box');

  // A completion leads to its record.
  await box.pressSequentially(' ');
  await page.waitForSelector('[data-testid=suggestion]');
  const chosen = page.locator('[data-testid=suggestion]').first();
  const href = await chosen.getAttribute('href');
  const title = (await chosen.innerText()).trim();
  await Promise.all([page.waitForURL((u) => u.pathname === href), chosen.click()]);
  await page.waitForFunction((t) => document.querySelector('main h1')?.innerText.trim() === t, title);
  assert.equal(await page.locator('[data-testid=suggestion]').count(), 0, 'the list closes after a choice');
  assert.deepEqual(page.errors, [], 'no errors in the page');
  await page.context().close();
});

test('a fonds page searches within the fonds', async () => {
  const page = await newPage(browser);
  await open(page, '/fonds');
  const [fonds] = await fondsLinks(page);
  await open(page, fonds);
  await waitForHydration(page);
  const code = decodeURIComponent(fonds.split('/').pop());
  const form = page.locator('form[data-testid=search-within]');
  assert.equal(await form.count(), 1, 'a fonds page has a search-within form');
  await form.locator('input[name=q]').fill(QUERY);
  await go(page, form.locator('button[type=submit]'), (p) => p.get('within') === code && p.get('q') === QUERY);
  assert.ok((await total(page)) > 0, 'the fonds holds matches');
  assert.deepEqual(await chips(page), ['within'], 'the limit shows as a filter');
  const trails = await page.$$eval('[data-testid=hit]', (items) =>
    items.map((li) => [...li.querySelectorAll('[data-testid=hit-trail] a')].map((a) => a.getAttribute('href'))),
  );
  assert.ok(
    trails.every((t) => t.includes(fonds)),
    `every result lies in ${fonds}: ${JSON.stringify(trails.slice(0, 3))}`,
  );

  // Removing the chip searches everything again.
  const inFonds = await total(page);
  await go(page, page.locator('a[data-testid=chip]'), (p) => !p.has('within'));
  assert.ok((await total(page)) >= inFonds, 'without the limit there are at least as many');
  assert.deepEqual(page.errors, [], 'no errors in the page');
  await page.context().close();
});

test('nothing found: hints that find something', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await open(page, `/search?q=${encodeURIComponent(`${QUERY} zzqxw`)}&level=item`);
  assert.equal(await total(page), 0);
  assert.equal(await page.locator('[data-testid=no-results]').count(), 1, 'the page says nothing was found');
  const hint = page.locator('a[data-testid=hint][data-kind=drop-word]', { hasText: 'zzqxw' });
  assert.equal(await hint.count(), 1, 'leaving out the unknown word is offered');
  await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === QUERY), hint.first().click()]);
  assert.ok((await total(page)) > 0, 'the hint finds something');
  assert.equal(new URL(page.url()).searchParams.get('level'), 'item', 'the filters are kept');
  await page.context().close();
});

test('a bad parameter answers 400 with a page that names it', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  const response = await page.goto('/search?q=a&level=tap-ho-so');
  assert.equal(response.status(), 400);
  const error = page.locator('[data-testid=search-error]');
  assert.equal(await error.getAttribute('data-parameter'), 'level');
  assert.match(await error.innerText(), /level/, 'the message names the parameter');
  const back = error.locator('a', { hasText: /không có tham số/ });
  await Promise.all([page.waitForURL((u) => !u.searchParams.has('level')), back.click()]);
  assert.equal(await page.locator('[data-testid=search-page]').count(), 1, 'without it the search works');
  await page.context().close();
});

test('the search page in English', async () => {
  const page = await newPage(browser);
  await open(page, `/search?q=${encodeURIComponent(QUERY)}&lang=en`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.locator('[data-testid=total]').innerText(), /^Found [\d,]+ results?$/);
  assert.match(await page.title(), new RegExp(`^Search: ${QUERY} — `));
  // The language switch is not the documents' language filter.
  assert.deepEqual(await chips(page), [], 'lang=en selects no filter');
  await waitForHydration(page);
  assert.deepEqual(page.errors, [], 'no errors in the page');
  await page.context().close();
});
