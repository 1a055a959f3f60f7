// Issue 6's offline sandbox in the browser: the web build served as plain static files, with no
// Orgdesk server anywhere. The page finds no server and reloads itself as the offline sandbox,
// whose module runs the platform inside the page; a visitor starts a sandbox there, approves a New
// organization as the Seller Admin and rejects a pending order with a reason, and sees each
// result on screen. Every answer comes from the WebAssembly platform: the static server below
// knows no API, and the test fails if the page asks it for one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, findItem, clickItem, typeInto, ensureArtifactsDir } from './harness.mjs';

const dist = process.env.ORGDESK_WEB_ROOT ??
  path.resolve(import.meta.dirname, '..', '..', 'build', 'web', 'dist');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css',
                '.wasm': 'application/wasm', '.data': 'application/octet-stream',
                '.ttf': 'font/ttf' };

let site;
let chromium;
const asked = [];  // every path the page asked the static server for

// A static file host: the files of build/web/dist. Like many hosts of single-page apps, it answers
// any other path with the page itself (so /healthz gets 200 and HTML, not a 404).
async function serveStatically() {
  const server = createServer(async (request, response) => {
    const requested = new URL(request.url, 'http://x').pathname.replace(/^\/$/, '/index.html');
    asked.push(requested);
    const name = types[path.extname(requested)] ? requested : '/index.html';
    const type = types[path.extname(name)];
    try {
      if (name.includes('..')) throw new Error('not a file of the build');
      const body = await readFile(path.join(dist, name));
      response.writeHead(200, { 'Content-Type': type });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end('<h1>Not found</h1>');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

before(async () => {
  site = await serveStatically();
  chromium = await launchBrowser();
});

after(async () => {
  await chromium?.close();
  site?.close();
});

// The first drawn item whose label matches `pattern`.
async function findMatching(page, pattern, what) {
  try {
    const handle = await page.waitForFunction(
      (source) => (window.orgdeskItems ?? []).find((i) => new RegExp(source).test(i.label)),
      pattern.source, { timeout: 15000, polling: 50 });
    return await handle.jsonValue();
  } catch {
    throw new Error(`${what} was not drawn`);
  }
}

// The label drawn farthest left on the row of `chip` (a list row's name or number).
async function rowTitle(page, chip) {
  return page.evaluate((c) => (window.orgdeskItems ?? [])
    .filter((i) => Math.abs(i.y + i.h / 2 - (c.y + c.h / 2)) < c.h && i.label !== c.label)
    .sort((a, b) => a.x - b.x)[0]?.label, chip);
}

test('with no server, the static build runs the sandbox itself: approve an organization, reject an order', async () => {
  const page = await chromium.browser.newPage({ viewport: { width: 1366, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));

  // No server behind the page: it reloads itself as the offline sandbox.
  const started = Date.now();
  const mark = (what) => console.log(`${what}: ${Date.now() - started} ms`);
  await page.goto(site.url);
  await page.waitForURL(/\?sandbox=local/, { timeout: 15000 });
  await findItem(page, 'Sign in to Orgdesk');
  mark('sign-in drawn');
  await clickItem(page, 'Try a sandbox');
  await findItem(page, 'Dana Distributor  ·  Distributor Admin', { timeout: 30000 });
  await findMatching(page, /^Demo sandbox {2}· {2}(60|59) minutes left$/, 'the countdown');

  mark('sandbox entered');
  // A New organization, approved by the Seller Admin.
  await clickItem(page, 'Seller Admin');
  await findMatching(page, /  ·  Seller Admin$/, 'the Seller Admin signed in');
  const newChip = await findMatching(page, /^New \(\d+\)$/, 'the New filter');
  await clickItem(page, newChip.label);
  await page.waitForFunction(() => {
    const chips = (window.orgdeskItems ?? []).filter((i) => ['New', 'Active', 'Blocked', 'Rejected'].includes(i.label));
    return chips.length > 0 && chips.every((i) => i.label === 'New');
  }, null, { timeout: 15000, polling: 50 });
  const name = await rowTitle(page, await findItem(page, 'New'));
  assert.ok(name, 'a New organization is listed');
  await clickItem(page, name);
  await findItem(page, 'Status: New');
  await clickItem(page, 'Approve');
  await findItem(page, 'Status: Active');
  await findItem(page, `${name} was approved and is now Active.`);

  mark('organization approved');
  // A pending order, rejected with a reason.
  await clickItem(page, 'Orders');
  const pending = await findMatching(page, /^Pending approval: \d+$/, 'the pending count');
  await clickItem(page, pending.label);
  const number = await findMatching(page, /^[0-9a-f]{8}$/, 'a pending order');
  await clickItem(page, number.label);
  await findItem(page, 'Status: Pending approval');
  await clickItem(page, 'Reject...');
  await findItem(page, 'Reject order');
  await typeInto(page, 'Reason', 'No PO number.');
  await clickItem(page, 'Reject');
  await findItem(page, 'Status: Rejected by reseller');
  await findMatching(page, /^The order of .+ was rejected\.$/, 'the rejection');
  mark('order rejected');
  await page.screenshot({ path: path.join(ensureArtifactsDir(), 'offline-sandbox-order-rejected.png') });

  assert.deepEqual(problems, []);
  // Only files were asked for (and the one look for a server, which found none).
  assert.deepEqual(asked.filter((p) => !/\.(html|js|css|wasm|data)$/.test(p)), ['/healthz']);
  await page.close();
});
