// The portal's IIIF manifests in other institutions' viewers: Mirador and Universal Viewer, both
// from npm (end2end/node_modules), are served by a small static server inside this test on another
// origin than the portal, so every manifest, info.json and image request crosses origins as it
// would from a viewer on another site (the portal must send CORS headers on /iiif/). A viewer
// passes when it shows the manifest's label and loads an image from the portal's /iiif/3/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, launchBrowser, newPage } from '../support/browser.js';

const MODULES = fileURLToPath(new URL('../node_modules/', import.meta.url));
/** URL prefix on the static server → folder it serves. */
const ROOTS = {
  '/mirador/': path.join(MODULES, 'mirador/dist'),
  '/uv/': path.join(MODULES, 'universalviewer/dist'),
};
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};
/** Viewers load big bundles and then tiles: more time than a portal page. */
const VIEWER_TIMEOUT = 60_000;

// Mirador 4's UMD bundle defines window.Mirador; the manifest comes from the query string.
const MIRADOR_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Mirador</title></head>
<body style="margin:0">
<div id="viewer" style="position:absolute;inset:0"></div>
<script src="/mirador/mirador.min.js"></script>
<script>
  const manifest = new URLSearchParams(location.search).get('manifest');
  Mirador.viewer({
    id: 'viewer',
    windows: [{ manifestId: manifest, thumbnailNavigationPosition: 'far-bottom' }],
    workspaceControlPanel: { enabled: false },
  });
</script>
</body></html>`;

let browser;
let server;
let viewerOrigin;
let found;

before(async () => {
  server = http.createServer(serveStatic);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  viewerOrigin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** The static server: the Mirador page and the viewers' dist folders, nothing else. */
async function serveStatic(req, res) {
  const { pathname } = new URL(req.url, 'http://x');
  if (pathname === '/mirador.html') {
    res.writeHead(200, { 'content-type': TYPES['.html'] }).end(MIRADOR_PAGE);
    return;
  }
  const prefix = Object.keys(ROOTS).find((p) => pathname.startsWith(p));
  const root = prefix && ROOTS[prefix];
  const file = root && path.resolve(root, '.' + decodeURIComponent(pathname.slice(prefix.length - 1)));
  if (!file || !file.startsWith(root + path.sep)) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}

async function getJson(url) {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  assert.equal(response.status, 200, `GET ${url} answered ${response.status}`);
  return response.json();
}

/** The strings of a IIIF language map ({"vi": [...], "en": [...]}). */
function texts(languageMap) {
  return Object.values(languageMap || {}).flat().filter((t) => typeof t === 'string' && t.trim());
}

/**
 * A public digitised record with a manifest: from the search API (digitised, public), else from
 * the IIIF collections of the fonds the search found. Cached: every test uses the same record.
 */
async function findManifest() {
  if (found) return found;
  const tried = [];
  const search = await getJson(`${BASE_URL}/api/v1/search?digitized=yes&access=public&per_page=50`);
  const candidates = (search.hits || [])
    .filter((hit) => hit.digitized && hit.access === 'public')
    .map((hit) => `${BASE_URL}/iiif/3/manifests/${encodeURIComponent(hit.code)}`);
  for (const fonds of search.facets?.fonds || []) {
    if (candidates.length >= 60) break;
    const url = `${BASE_URL}/iiif/3/collections/${encodeURIComponent(fonds.value)}`;
    const response = await fetch(url);
    tried.push(`${url}: ${response.status}`);
    if (response.ok) {
      const collection = await response.json();
      candidates.push(...(collection.items || []).filter((i) => i.type === 'Manifest').map((i) => i.id).slice(0, 5));
    }
  }
  for (const url of candidates.slice(0, 60)) {
    const response = await fetch(url);
    tried.push(`${url}: ${response.status}`);
    if (!response.ok) continue;
    const manifest = await response.json();
    if (manifest.type === 'Manifest' && manifest.items?.length > 0 && texts(manifest.label).length > 0) {
      found = { url, manifest, labels: texts(manifest.label) };
      return found;
    }
  }
  assert.fail(`no public digitised record with a manifest of at least one canvas; tried ${JSON.stringify(tried)}`);
}

/**
 * Opens `address` and waits until the page shows one of `labels` and has loaded an image from the
 * portal's Image API. Fails with what went wrong between the viewer and the portal.
 */
async function expectViewerShows(address, { labels }) {
  const page = await newPage(browser);
  const images = [];
  const portalFailures = [];
  const iiifPrefix = `${BASE_URL}/iiif/3/`;
  page.on('response', (response) => {
    const url = response.url();
    const type = response.headers()['content-type'] || '';
    if (url.startsWith(iiifPrefix) && response.status() === 200 && type.startsWith('image/')) {
      images.push(url);
    }
    if (url.startsWith(BASE_URL) && response.status() >= 400) {
      portalFailures.push(`${url} answered ${response.status()}`);
    }
  });
  page.on('requestfailed', (request) => {
    // A blocked cross-origin answer (no CORS headers) shows up here as net::ERR_FAILED.
    if (request.url().startsWith(BASE_URL)) {
      portalFailures.push(`${request.url()} failed: ${request.failure()?.errorText}`);
    }
  });
  try {
    const response = await page.goto(address, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, `the viewer page ${address} did not load`);
    const why = () =>
      `portal requests that failed: ${JSON.stringify(portalFailures)}; page errors: ${JSON.stringify(page.errors)}`;
    try {
      await page.waitForFunction(
        (labels) => labels.some((label) => document.body.innerText.includes(label)),
        labels,
        { timeout: VIEWER_TIMEOUT, polling: 250 },
      );
    } catch (err) {
      assert.fail(`the viewer never showed the label ${JSON.stringify(labels)}: ${err.message}; ${why()}`);
    }
    const deadline = Date.now() + VIEWER_TIMEOUT;
    while (images.length === 0 && Date.now() < deadline) {
      await page.waitForTimeout(250);
    }
    assert.ok(images.length > 0, `the viewer loaded no image from ${iiifPrefix}; ${why()}`);
    assert.ok(
      images.every((url) => !/\/iiif\/3\/(manifests|collections)\//.test(url)),
      `images come from the Image API: ${JSON.stringify(images)}`,
    );
    return { images, portalFailures };
  } finally {
    await page.context().close();
  }
}

test('a manifest of the portal is served to other sites with CORS headers', async () => {
  const { url, manifest } = await findManifest();
  assert.equal(manifest.id, url, 'the manifest is served at its own id');
  const response = await fetch(url, { headers: { origin: viewerOrigin } });
  assert.equal(response.status, 200);
  const allowed = response.headers.get('access-control-allow-origin');
  assert.ok(allowed === '*' || allowed === viewerOrigin, `Access-Control-Allow-Origin is ${allowed}`);
  const service = manifest.items[0].items[0].items[0].body.service[0];
  const info = await fetch(`${service.id}/info.json`, { headers: { origin: viewerOrigin } });
  assert.equal(info.status, 200, `${service.id}/info.json answered ${info.status}`);
  assert.ok(info.headers.get('access-control-allow-origin'), 'info.json has CORS headers too');
});

test('Mirador shows a manifest of the portal and its images', async () => {
  const { url, labels } = await findManifest();
  const { images } = await expectViewerShows(
    `${viewerOrigin}/mirador.html?manifest=${encodeURIComponent(url)}`,
    { labels },
  );
  assert.ok(images.length > 0);
});

test('Universal Viewer shows a manifest of the portal and its images', async () => {
  const { url, labels } = await findManifest();
  // uv.html is UV's own embedding page; it reads the manifest from the hash.
  const { images } = await expectViewerShows(
    `${viewerOrigin}/uv/uv.html#?manifest=${encodeURIComponent(url)}`,
    { labels },
  );
  assert.ok(images.length > 0);
});
