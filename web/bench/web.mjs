// The web app benchmarks, in headless Chromium against a real orgdesk-server on localhost: what
// the first load transfers, how soon the first frame and the first page of organizations are
// drawn, how long an approval takes to turn the header green, whether an idle tab stops drawing,
// and the Wasm heap. Times are read in the page's own clock (performance.now(), from navigation
// start): a setter on window.orgdeskItems notes when each watched label is first published.
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../e2e/harness.mjs';
import { startOrgdesk, makeTenant } from './server.mjs';
import { median, figure } from './report.mjs';

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

const password = 'orgdesk-demo';

// Runs in the page before its scripts: window.orgdeskMarks[label] = when `label` was first drawn
// (for the labels in window.orgdeskWatch), firstFrame = when the first frame was published.
function installMarks() {
  const marks = { firstFrame: null };
  window.orgdeskMarks = marks;
  window.orgdeskWatch = window.orgdeskWatch ?? [];
  let items;
  Object.defineProperty(window, 'orgdeskItems', {
    configurable: true,
    get: () => items,
    set: (value) => {
      items = value;
      const now = performance.now();
      marks.firstFrame ??= now;
      window.orgdeskOnItems?.(value, now);
      for (const label of window.orgdeskWatch) {
        if (marks[label] === undefined && value.some((i) => i.label === label)) marks[label] = now;
      }
    },
  });
  addEventListener('pointerdown', (e) => { marks.pointerdown = e.timeStamp; }, { capture: true });
}

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(installMarks);
  return { page, close: () => context.close() };
}

const watch = (page, label) => page.evaluate((l) => { window.orgdeskWatch.push(l); delete window.orgdeskMarks[l]; }, label);
async function markOf(page, label, timeout = 15000) {
  const handle = await page.waitForFunction((l) => window.orgdeskMarks[l], label, { timeout, polling: 20 });
  return handle.jsonValue();
}
async function itemOf(page, label, timeout = 15000) {
  try {
    const handle = await page.waitForFunction(
      (l) => (window.orgdeskItems ?? []).findLast((i) => i.label === l), label, { timeout, polling: 20 });
    return await handle.jsonValue();
  } catch (error) {
    const drawn = await page.evaluate(() => (window.orgdeskItems ?? []).map((i) => i.label));
    throw new Error(`"${label}" was not drawn within ${timeout} ms; the screen shows: ${JSON.stringify(drawn)}`);
  }
}
async function click(page, label) {
  const item = await itemOf(page, label);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
}

// Loads the page once and returns {transfer: {file: gzip bytes}, firstFrameMs}.
export async function firstLoad(browser, url, { firstFrame = () => window.orgdeskMarks?.firstFrame } = {}) {
  const { page, close } = await newPage(browser);
  try {
    const bodies = [];
    page.on('response', (response) => bodies.push(response));
    await page.goto(url);
    const handle = await page.waitForFunction(firstFrame, null, { timeout: 30000, polling: 10 });
    const firstFrameMs = await handle.jsonValue();
    const transfer = {};
    for (const response of bodies) {
      const body = await response.body().catch(() => null);
      if (body) transfer[new URL(response.url()).pathname] = gzipSync(body, { level: 9 }).length;
    }
    return { transfer, firstFrameMs };
  } finally {
    await close();
  }
}

async function api(url, method, pathname, token) {
  const response = await fetch(`${url}${pathname}`, { method, headers: { Authorization: `Bearer ${token}` } });
  return response.json();
}

async function signIn(page) {
  await click(page, 'Username');
  await page.keyboard.type('seller@demo.test');
  await click(page, 'Password');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

// The sign-in answer to the first page of organizations drawn, and approvals in the browser.
async function session(browser, url, token, { approvals }) {
  const newest = (await api(url, 'GET', '/api/v1/customers?limit=1', token)).items[0];
  const { page, close } = await newPage(browser);
  try {
    await page.goto(url);
    await itemOf(page, 'Sign in to Orgdesk');
    await watch(page, newest.name);
    await signIn(page);
    const drawnAt = await markOf(page, newest.name);
    const signedInAt = await page.evaluate(() => performance.getEntriesByType('resource')
      .find((e) => e.name.endsWith('/api/v1/auth/login'))?.responseEnd);
    const firstPageMs = drawnAt - signedInAt;

    const latencies = [];
    const newOnes = await api(url, 'GET', `/api/v1/customers?status=New&limit=${approvals}`, token);
    await click(page, `New (${newOnes.counts.New})`);  // the list's New filter chip
    // Wait for the filtered list (every row's chip New), so no click lands on a stale row.
    const onlyNew = () => page.waitForFunction(() => {
      const chips = (window.orgdeskItems ?? []).filter((i) => ['Active', 'Blocked', 'Rejected', 'New'].includes(i.label));
      return chips.length > 0 && chips.every((i) => i.label === 'New');
    }, null, { timeout: 15000, polling: 20 });
    await onlyNew();
    const pending = newOnes.items;
    for (const target of pending) {
      await click(page, target.name);
      await page.waitForFunction((title) => document.title === title, `${target.name} · Orgdesk`, { timeout: 15000, polling: 20 });
      await itemOf(page, 'Status: New');
      await watch(page, 'Status: Active');
      await click(page, 'Approve');
      const activeAt = await markOf(page, 'Status: Active');
      latencies.push(activeAt - await page.evaluate(() => window.orgdeskMarks.pointerdown));
      // Back to the list through the rail.
      const rail = await page.evaluate(() => window.orgdeskItems.find((i) => i.label.startsWith('Organizations') && i.x < 200));
      await page.mouse.click(rail.x + rail.w / 2, rail.y + rail.h / 2);
      // The list is fresh once its New chip counts this approval.
      await itemOf(page, `New (${newOnes.counts.New - latencies.length})`);
      await onlyNew();
    }

    // Idle: no input from here on; frames drawn between 1 s and 5 s.
    await page.mouse.move(1279, 799);
    const count = () => page.evaluate(() => window.orgdeskFrameStats?.count ?? 0);
    await page.waitForTimeout(1000);
    const afterOne = await count();
    await page.waitForTimeout(4000);
    const idleFrames = (await count()) - afterOne;
    const heapMb = await page.evaluate(() => (window.wasmMemory ?? { buffer: window.HEAP8.buffer }).buffer.byteLength / 2 ** 20);
    return { firstPageMs, latencies, idleFrames, heapMb };
  } finally {
    await close();
  }
}

// With a tenant of `orgs` organizations, scrolls the list to its end so every one is loaded, then
// measures the CPU time of the frames drawn while scrolling back up, the time from the last
// keystroke of a search to the narrowed list drawn, and the Wasm heap.
async function bigList(browser, tools, orgs, keystrokes) {
  const tenant = await makeTenant(tools, orgs, 0);
  const server = await startOrgdesk(tools.server, tenant.db, ['--web-root', tools.webRoot]);
  const { page, close } = await newPage(browser);
  try {
    let loaded = 0;
    let lastPageAt = Date.now();
    page.on('response', async (response) => {
      if (!/\/api\/v1\/customers\?/.test(response.url())) return;
      loaded += ((await response.json().catch(() => null))?.items ?? []).length;
      lastPageAt = Date.now();
    });
    await page.goto(`${server.url}/`);
    await itemOf(page, 'Sign in to Orgdesk');
    await signIn(page);
    await itemOf(page, 'Search');
    await page.mouse.move(700, 500);
    const started = Date.now();
    lastPageAt = started;  // signing in may have taken longer than the wait below
    // The list asks for the next page when its end is drawn; the end of the list is reached when
    // no page has come for two seconds.
    while (Date.now() - lastPageAt < 2000) {
      await page.mouse.wheel(0, 100000);
      await page.waitForTimeout(5);
    }
    const loadSeconds = (Date.now() - started) / 1000;
    if (loaded < orgs / 2) throw new Error(`the list loaded only ${loaded} of ${orgs} organizations while scrolling`);

    await page.evaluate(() => { window.orgdeskFrameStats.times.length = 0; });
    for (let i = 0; i < 120; i += 1) {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(16);
    }
    const scrollTimes = await page.evaluate(() => [...window.orgdeskFrameStats.times]);
    const heapMb = await page.evaluate(() => (window.wasmMemory ?? { buffer: window.HEAP8.buffer }).buffer.byteLength / 2 ** 20);

    // Search: type a customer reference but its last digit (ten organizations match), let the
    // list settle, then the last digit: from its keydown to the first frame the app publishes
    // with other rows. Backspace brings the ten back, and again, `keystrokes` times.
    const reference = tenant.samples[1].customerReference;
    await click(page, 'Search');
    await page.keyboard.type(reference.slice(0, -1), { delay: 20 });
    const typing = [];
    for (let k = 0; k < keystrokes; k += 1) {
      await page.waitForTimeout(1000);
      await page.evaluate(() => {
        const labelsOf = (items) => JSON.stringify(items.map((i) => i.label));
        const marks = window.orgdeskMarks;
        const before = labelsOf(window.orgdeskItems ?? []);
        marks.keydown = null;
        marks.changed = null;
        addEventListener('keydown', (e) => { marks.keydown ??= e.timeStamp; }, { capture: true, once: true });
        window.orgdeskOnItems = (items, now) => {
          if (marks.keydown !== null && marks.changed === null && labelsOf(items) !== before) marks.changed = now;
        };
      });
      await page.keyboard.press(reference.at(-1));
      const changedAt = await markOf(page, 'changed');
      typing.push(changedAt - await page.evaluate(() => window.orgdeskMarks.keydown));
      await page.keyboard.press('Backspace');
    }
    return { loaded, loadSeconds, scrollTimes, heapMb, typing };
  } finally {
    await close();
    await server.stop();
    tenant.remove();
  }
}

export async function webBenchmarks(tools, config) {
  const dir = mkdtempSync(path.join(tmpdir(), 'orgdesk-bench-web-'));
  const server = await startOrgdesk(tools.server, path.join(dir, 'orgdesk.db'), ['--demo', '--web-root', tools.webRoot]);
  const chromium = await launchBrowser();
  const figures = [];
  try {
    const loads = [];
    for (let r = 0; r < config.runs; r += 1) loads.push(await firstLoad(chromium.browser, `${server.url}/`));
    const bytes = Object.values(loads[0].transfer).reduce((a, b) => a + b, 0);
    const detail = Object.entries(loads[0].transfer).map(([f, b]) => `${f} ${Math.round(b / 1024)} KiB`).join(', ');
    figures.push(figure('web: first load transfer, MB gzip', bytes / 2 ** 20, { atMost: 1, digits: 2, detail }));
    const firstFrame = median(loads.map((l) => l.firstFrameMs));

    if (tools.bareRoot) {
      const bare = await startOrgdesk(tools.server, path.join(dir, 'bare.db'), ['--web-root', tools.bareRoot]);
      try {
        const bareLoads = [];
        for (let r = 0; r < config.runs; r += 1) {
          bareLoads.push(await firstLoad(chromium.browser, `${bare.url}/`, { firstFrame: () => window.bareFirstFrame }));
        }
        const bareFrame = median(bareLoads.map((l) => l.firstFrameMs));
        const bareBytes = Object.values(bareLoads[0].transfer).reduce((a, b) => a + b, 0);
        figures.push(figure('web: first frame vs bare Dear ImGui build', firstFrame / bareFrame, {
          atMost: 1.5, digits: 2,
          detail: `orgdesk ${Math.round(firstFrame)} ms, bare ${Math.round(bareFrame)} ms; bare transfer ${Math.round(bareBytes / 1024)} KiB gzip`,
        }));
      } finally {
        await bare.stop();
      }
    } else {
      figures.push(figure('web: navigation to first frame, ms', firstFrame, {
        below: 1000, digits: 0, detail: 'reduced mode: no bare build, absolute only',
      }));
    }

    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'seller@demo.test', password }),
    });
    const token = (await login.json()).token;
    const measured = await session(chromium.browser, server.url, token, config);
    figures.push(figure('web: sign-in answer to first page drawn, ms', measured.firstPageMs, { below: 400, digits: 0 }));
    figures.push(figure('web: Approve click to green Active header, p50 ms', median(measured.latencies), {
      below: 50, digits: 1, detail: `${measured.latencies.length} approvals: ${measured.latencies.map((l) => Math.round(l)).join(', ')} ms`,
    }));
    figures.push(figure('web: frames drawn idle, 1 s to 5 s', measured.idleFrames, { atMost: 0, digits: 0 }));
    figures.push(figure('web: Wasm heap, MB (demo data)', measured.heapMb, { below: 128, digits: 0 }));

    const big = await bigList(chromium.browser, tools, config.listOrgs, config.keystrokes);
    const label = `${big.loaded.toLocaleString('en-US')} orgs loaded`;
    figures.push(figure(`web: frame CPU while scrolling, p95 ms (${label})`, percentile(big.scrollTimes, 0.95), {
      below: 4, digits: 2, detail: `${big.scrollTimes.length} frames; loading the list took ${Math.round(big.loadSeconds)} s`,
    }));
    figures.push(figure(`web: keystroke to narrowed list, p50 ms (${label})`, median(big.typing), {
      below: 16, digits: 1, detail: `${big.typing.length} keystrokes: ${big.typing.map((t) => Math.round(t)).join(', ')} ms`,
    }));
    figures.push(figure(`web: Wasm heap, MB (${label})`, big.heapMb, { below: 128, digits: 0 }));
  } finally {
    await chromium.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
