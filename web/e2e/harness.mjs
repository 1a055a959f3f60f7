// What every browser test needs: a real orgdesk-server on a free port with a fresh SQLite file
// and demo data, a headless Chromium (Debian's, driven by playwright-core), and helpers that find
// widgets by label in the frame the app published (window.orgdeskItems) and click them there.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..', '..');
export const artifactsDir = path.join(root, 'build', 'test-artifacts');

// `extraArgs` adds server flags, e.g. ['--provisioning-delay-ms', '3000'].
export async function startServer({ extraArgs = [] } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'orgdesk-e2e-'));
  const binary = process.env.ORGDESK_SERVER ?? path.join(root, 'build/native/src/server/orgdesk-server');
  const webRoot = process.env.ORGDESK_WEB_ROOT ?? path.join(root, 'build/web/dist');
  const child = spawn(binary, ['--port', '0', '--db', path.join(dir, 'orgdesk.db'),
                               '--web-root', webRoot, '--demo', ...extraArgs],
                      { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 30000);
    const read = (chunk) => {
      output += chunk;
      const match = output.match(/serving on (http:\/\/[^/\s]+\/)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  return {
    url,
    // Everything the server has written so far (its log: one line per answered request).
    log: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// playwright's launch() gives Chromium a fresh, empty profile of its own each time.
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.ORGDESK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  return { browser, close: () => browser.close() };
}

// The item with this label in the latest published frame, waiting until it is drawn. With several,
// the one drawn last: it is on top (a dialog's field over the card behind it).
export async function findItem(page, label, { timeout = 15000 } = {}) {
  try {
    const handle = await page.waitForFunction(
      (wanted) => (window.orgdeskItems ?? []).findLast((item) => item.label === wanted),
      label, { timeout, polling: 50 });
    return await handle.jsonValue();
  } catch (error) {
    const drawn = await page.evaluate(() => (window.orgdeskItems ?? []).map((i) => i.label));
    throw new Error(`"${label}" was not drawn within ${timeout} ms; the screen shows: ${JSON.stringify(drawn)}`);
  }
}

// Scrolls the area under the mouse, as a person would with the wheel, until `label` is drawn.
export async function scrollTo(page, label, { at = { x: 700, y: 600 }, step = 240, tries = 20 } = {}) {
  await page.mouse.move(at.x, at.y);
  for (let i = 0; i < tries; i += 1) {
    if (await hasItem(page, label)) return findItem(page, label);
    await page.mouse.wheel(0, step);
    await page.waitForTimeout(120);
  }
  return findItem(page, label, { timeout: 1000 });
}

export async function hasItem(page, label) {
  return page.evaluate((wanted) => (window.orgdeskItems ?? []).some((i) => i.label === wanted), label);
}

// A real mouse click at the middle of the item, in CSS pixels.
export async function clickItem(page, label) {
  // Wait for it to be drawn; if it still is not, it may be below the fold: scroll to it.
  let item;
  try {
    item = await findItem(page, label, { timeout: 8000 });
  } catch {
    item = await scrollTo(page, label);
  }
  if (item.disabled) throw new Error(`"${label}" is disabled`);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  return item;
}

// Clicks the field, waits until the app says that field has the keyboard (the screen reader's
// "focused" line), then types. A click on a dialog's first frame, before ImGui has placed it, can
// miss the field; the keys would then go nowhere, so the click is tried again, as a person would.
export async function typeInto(page, label, text) {
  for (let attempt = 1; ; attempt += 1) {
    await clickItem(page, label);
    try {
      await page.waitForFunction(
        (wanted) => document.getElementById('a11y-focused')?.textContent === wanted,
        label, { timeout: 2000, polling: 50 });
      break;
    } catch {
      if (attempt === 3) throw new Error(`"${label}" did not take the keyboard after ${attempt} clicks`);
    }
  }
  await page.keyboard.type(text, { delay: 5 });
}

export async function api(url, method, pathname, { token, body } = {}) {
  const response = await fetch(new URL(pathname, url), {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, json: await response.json().catch(() => null) };
}

export function ensureArtifactsDir() {
  mkdirSync(artifactsDir, { recursive: true });
  return artifactsDir;
}

// The color the person sees at one CSS pixel, read from a real screenshot: [r, g, b].
export async function pixelAt(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 }, scale: 'css' });
  const chunks = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  // The first pixel of the first row is stored as it is, whatever the row's filter.
  const row = inflateSync(Buffer.concat(chunks));
  return [row[1], row[2], row[3]];
}

// Watches where the session token goes: the tokens the app received at sign-in, every URL it
// requested and every line it logged. `exposures()` lists a token found in a URL or a log line
// (it belongs in the Authorization header only); `tokens` shows the watch saw a sign-in at all.
export function watchToken(page) {
  const tokens = new Set();
  const urls = [];
  const logs = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('/api/v1/auth/login') || response.status() !== 200) return;
    const answer = await response.json().catch(() => null);
    if (answer?.token) tokens.add(answer.token);
  });
  page.on('request', (request) => urls.push(request.url()));
  page.on('console', (message) => logs.push(message.text()));
  return {
    tokens,
    exposures() {
      const found = [];
      for (const token of tokens) {
        const secret = token.slice(token.indexOf('.') + 1);
        for (const url of urls) if (url.includes(secret)) found.push(`URL ${url}`);
        for (const line of logs) if (line.includes(secret)) found.push(`log line ${line}`);
      }
      return found;
    },
  };
}
