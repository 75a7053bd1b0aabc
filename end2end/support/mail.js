// The demo outbox: mail is not sent in demo mode but written to a folder. Reads it directly
// (PORTAL_OUTBOX, the folder scripts/test passes) or else through the admin outbox page.

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newPage, open } from './browser.js';
import { ADMIN, signIn } from './accounts.js';

/** Decodes RFC 2047 encoded words of a header value (adjacent words may split a character). */
function decodeWords(value) {
  const latin1 = value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, _charset, kind, text) =>
      (kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintable(text.replace(/_/g, ' '))).toString('latin1'),
    );
  return Buffer.from(latin1, 'latin1').toString('utf8');
}

/** The bytes of a quoted-printable text (soft line breaks removed). */
function quotedPrintable(text) {
  const soft = text.replace(/=\r?\n/g, '');
  const out = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      out.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(out);
}

/** A raw RFC 5322 message: { to, subject, text, links }. */
export function parseMail(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const header = (name) => {
    const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
    return line ? decodeWords(line.slice(name.length + 1).trim()) : '';
  };
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  let text = body;
  if (encoding === 'base64') text = Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  else if (encoding === 'quoted-printable') text = quotedPrintable(body).toString('utf8');
  text = text.replace(/\r\n/g, '\n');
  return { to: header('To'), subject: header('Subject'), text, links: linksIn(text) };
}

/** The distinct http(s) links of a text, without the punctuation that ends a sentence. */
function linksIn(text) {
  const found = (text.match(/https?:\/\/[^\s<>"']+/g) ?? []).map((l) => l.replace(/[.,;:!?)\]]+$/, ''));
  return [...new Set(found)];
}

/**
 * The newest mail to `to` whose subject contains `subject`: { to, subject, text, links }. Reads
 * the folder in PORTAL_OUTBOX, or else the admin outbox page with `browser`; waits a little for
 * the mail to be written.
 */
export async function findMail(browser, { to, subject }) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mail = process.env.PORTAL_OUTBOX
      ? await fromFolder(process.env.PORTAL_OUTBOX, to, subject)
      : await fromAdminPage(browser, to, subject);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} about "${subject}" in the outbox`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function fromFolder(dir, to, subject) {
  const names = (await readdir(dir).catch(() => []))
    .filter((n) => n.endsWith('.eml') && !n.startsWith('.'))
    .sort()
    .reverse();
  for (const name of names) {
    const mail = parseMail(await readFile(join(dir, name), 'utf8'));
    if (mail.to.includes(to) && mail.subject.includes(subject)) return mail;
  }
  return undefined;
}

async function fromAdminPage(browser, to, subject) {
  const page = await newPage(browser, { javaScriptEnabled: false });
  try {
    await signIn(page, ADMIN);
    return await outboxMessage(page, to, subject);
  } finally {
    await page.context().close();
  }
}

/**
 * Through the admin outbox page (`page` signed in as an admin): the newest message to `to`
 * whose subject contains `subject`, as { to, subject, text, links } (links: the page's links),
 * or undefined.
 */
export async function outboxMessage(page, to, subject) {
  await open(page, '/admin/outbox');
  const rows = page.locator('tr[data-testid=outbox-row]');
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const cells = await row.locator('td, th').allInnerTexts();
    if (!cells[1].includes(to) || !cells[2].includes(subject)) continue;
    await open(page, await row.locator('a').getAttribute('href'));
    const message = page.locator('pre[data-testid=outbox-message]');
    return {
      to: cells[1],
      subject: cells[2],
      text: await message.innerText(),
      links: await message.locator('a[data-testid=outbox-link]').evaluateAll((as) => as.map((a) => a.href)),
    };
  }
  return undefined;
}

/** The first link of `mail` whose path is `path`. */
export function mailLink(mail, path) {
  const link = mail.links.find((l) => new URL(l).pathname === path);
  assert.ok(link, `the mail "${mail.subject}" has a link to ${path}: ${mail.text}`);
  return link;
}
