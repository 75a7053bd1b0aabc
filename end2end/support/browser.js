// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core, the portal
// under test at BASE_URL, and helpers that find their way through the catalogue by following links.

import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';

/** Address of the running portal, e.g. http://127.0.0.1:41234 (no trailing slash). */
export const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
if (!BASE_URL) {
  throw new Error('BASE_URL is not set: start a portal and run e.g. BASE_URL=http://127.0.0.1:3000 npm test');
}

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// machine's closed network refuses; QUIC is off for the same reason.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Time allowed for one navigation or wait, in ms. Debug WebAssembly bundles are large. */
export const TIMEOUT = 30_000;

/**
 * Launches Chromium. `launch()` (not `launchPersistentContext`) gives every run a fresh,
 * throw-away user-data directory that Playwright creates and deletes itself.
 */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Opens a new context (own cookies) and page. Page errors are collected in `page.errors`
 * so tests can assert that none happened.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'vi-VN', ...options });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // Failed loads are reported below with their address.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      page.errors.push(`console.error: ${msg.text()}`);
    }
  });
  page.on('response', (response) => {
    const request = response.request();
    if (response.status() >= 400 && !request.isNavigationRequest()) {
      page.errors.push(`${request.resourceType()} ${response.url()} answered ${response.status()}`);
    }
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    // Leaving a page cancels what it was still loading; that is not the page's fault.
    if (reason === 'net::ERR_ABORTED') return;
    page.errors.push(`${request.resourceType()} ${request.url()} failed: ${reason}`);
  });
  return page;
}

/** Loads `path` and asserts a 200 answer. Returns the response. */
export async function open(page, path) {
  const response = await page.goto(path, { waitUntil: 'load' });
  assert.ok(response, `no response for ${path}`);
  assert.equal(response.status(), 200, `GET ${path} returned ${response.status()}`);
  return response;
}

/** Waits until the WebAssembly bundle has hydrated the page (frontend's hydrate() marks <html data-hydrated>). */
export async function waitForHydration(page) {
  const earlier = page.errors.filter((e) => e.startsWith('pageerror:'));
  if (earlier.length > 0) {
    throw new Error(`the page at ${page.url()} cannot hydrate: ${JSON.stringify(page.errors)}`);
  }
  let onError;
  const crashed = new Promise((_, reject) => {
    onError = (err) => reject(new Error(`uncaught error in the page: ${err.message}`));
    page.on('pageerror', onError);
  });
  try {
    await Promise.race([
      page.waitForFunction(
        () => window.__hydrated === true || document.documentElement.hasAttribute('data-hydrated'),
        null,
        { timeout: TIMEOUT },
      ),
      crashed,
    ]);
  } catch (err) {
    throw new Error(
      `the page at ${page.url()} never hydrated (no html[data-hydrated] or window.__hydrated); ` +
        `page errors: ${JSON.stringify(page.errors)}; ${err.message}`,
    );
  } finally {
    page.off('pageerror', onError);
    crashed.catch(() => {});
  }
}

/** The hrefs of the links in the children list, in order ([] when the page has none). */
export async function childLinks(page) {
  return page.$$eval('ol[data-testid=children] a[href]', (links) =>
    links.map((a) => a.getAttribute('href')),
  );
}

/** The hrefs of the fonds links on the home page or /fonds. */
export async function fondsLinks(page) {
  return page.$$eval('ol[data-testid=fonds-list] a[href]', (links) =>
    links.map((a) => a.getAttribute('href')),
  );
}

/** The `href` of the first link of each child that is not a conditional stub. */
export async function openChildLinks(page) {
  return page.$$eval('ol[data-testid=children] > li', (items) =>
    items
      .filter((li) => li.getAttribute('data-access') !== 'conditional')
      .map((li) => li.querySelector('a[href]'))
      .filter(Boolean)
      .map((a) => a.getAttribute('href')),
  );
}

/**
 * Clicks the link with `href` and waits until the browser shows that address and its content,
 * whether the router handles the click in the page (where it may update the same elements in
 * place) or the browser loads a new document. Fails when the new page is the error page.
 */
export async function follow(page, href) {
  const target = new URL(href, page.url());
  const before = await page.locator('main').first().innerText();
  await Promise.all([
    page.waitForURL((url) => url.pathname === target.pathname && url.search === target.search),
    page.locator(`a[href="${cssEscape(href)}"]`).first().click(),
  ]);
  // The new content is in place once main shows something else, with a heading (a loading
  // placeholder has none).
  await page
    .waitForFunction((old) => {
      const main = document.querySelector('main');
      return main !== null && main.querySelector('h1') !== null && main.innerText !== old;
    }, before)
    .catch((err) => {
      throw new Error(`after following ${href} the page content did not change; page errors: ${JSON.stringify(page.errors)}; ${err.message}`);
    });
  const error = page.locator('[data-testid=error-page]');
  if ((await error.count()) > 0) {
    throw new Error(
      `following ${href} showed the error page (status ${await error.first().getAttribute('data-status')}); ` +
        `page errors: ${JSON.stringify(page.errors)}`,
    );
  }
}

function cssEscape(s) {
  return s.replace(/["\\]/g, '\\$&');
}

/** The level of the record shown (fonds, series, file, item), from `article[data-level]`. */
export async function recordLevel(page) {
  return page.locator('main article[data-level]').first().getAttribute('data-level');
}

/**
 * Walks from the home page down the first public link of each children list until an item.
 * Returns the addresses visited: [fonds, (series…), file, item]. With `hydrated`, waits for the
 * home page to hydrate first, so that every click is a client-side navigation.
 */
export async function walkToItem(page, { hydrated = false } = {}) {
  await open(page, '/');
  if (hydrated) await waitForHydration(page);
  const fonds = await fondsLinks(page);
  assert.ok(fonds.length > 0, 'the home page lists no fonds');
  const path = [];
  let href = fonds[0];
  for (let depth = 0; depth < 6; depth++) {
    await follow(page, href);
    path.push(new URL(page.url()).pathname);
    const next = await openChildLinks(page);
    if (next.length === 0) {
      const level = await recordLevel(page);
      assert.equal(level, 'item', `the walk ${path.join(' → ')} stopped at a ${level} with no public children`);
      assert.ok(path.length >= 3, `an item is at least two levels below its fonds: ${path.join(' → ')}`);
      return path;
    }
    href = next[0];
  }
  throw new Error(`no item page within 6 levels below ${fonds[0]}: ${path.join(' → ')}`);
}

/**
 * Reads record pages breadth first from the fonds list (at most `limit` pages) until `found`
 * returns a path for the page just opened; returns that path, or throws naming `what`.
 */
async function searchRecords(page, limit, what, found) {
  await open(page, '/fonds');
  const queue = await fondsLinks(page);
  const seen = new Set();
  while (queue.length > 0 && seen.size < limit) {
    const href = queue.shift();
    if (seen.has(href)) continue;
    seen.add(href);
    await open(page, href);
    const hit = await found(href);
    if (hit) return hit;
    queue.push(...(await childLinks(page)));
  }
  throw new Error(`none of the ${seen.size} record pages read ${what}`);
}

/** Finds a unit the public sees as a conditional stub (at most `limit` pages read); its path. */
export async function findConditional(page, limit = 200) {
  return searchRecords(page, limit, 'lists a conditional unit', async () => {
    const stubs = await page.$$eval('ol[data-testid=children] > li[data-access=conditional] a[href]', (as) =>
      as.map((a) => a.getAttribute('href')),
    );
    return stubs[0];
  });
}

/** Finds a record whose children list has more than one page (at most `limit` pages read). */
export async function findPagedRecord(page, limit = 60) {
  return searchRecords(page, limit, 'has a second page of children', async (href) =>
    (await page.locator('a[data-testid=next-page]').count()) > 0 ? href : undefined,
  );
}
