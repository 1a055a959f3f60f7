// By hand: how often the browser gives the page an animation frame while the app draws, under a
// moving mouse, on an empty page, the sign-in screen and the organizations list (p50 and p90 of
// 60 intervals). In headless Chromium without a GPU this is bound by the pixels the app fills,
// not by the app's own frame CPU (window.orgdeskFrameStats).
// Usage: node bench/frame-interval.mjs [--server BIN] [--web-root DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, findItem, typeInto } from '../e2e/harness.mjs';
import { startOrgdesk } from './server.mjs';

const { values: options } = parseArgs({
  options: { server: { type: 'string', default: '../build/native/src/server/orgdesk-server' },
             'web-root': { type: 'string', default: '../build/web/dist' } },
});
const dir = mkdtempSync(path.join(tmpdir(), 'orgdesk-frames-'));
const server = await startOrgdesk(options.server, path.join(dir, 'orgdesk.db'), ['--demo', '--web-root', options['web-root']]);
const { browser, close } = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const measure = async (label, at) => {
    let moving = true;
    const mover = (async () => {
      for (let i = 0; moving; i += 1) {
        await page.mouse.move(at.x + (i % 400), at.y);
        await page.waitForTimeout(5);
      }
    })();
    const intervals = await page.evaluate(() => new Promise((resolve) => {
      const seen = [];
      let last = performance.now();
      const next = (now) => {
        seen.push(now - last);
        last = now;
        if (seen.length < 60) requestAnimationFrame(next); else resolve(seen);
      };
      requestAnimationFrame(next);
    }));
    moving = false;
    await mover;
    intervals.sort((a, b) => a - b);
    console.log(`${label}: animation frame every ${intervals[30].toFixed(1)} ms (p50), ${intervals[54].toFixed(1)} ms (p90)`);
  };
  await page.goto('about:blank');
  await measure('empty page', { x: 300, y: 300 });
  await page.goto(`${server.url}/`);
  await findItem(page, 'Sign in to Orgdesk');
  await measure('sign-in screen', { x: 300, y: 300 });
  await typeInto(page, 'Username', 'seller@demo.test');
  await typeInto(page, 'Password', 'orgdesk-demo');
  await page.keyboard.press('Enter');
  await findItem(page, 'Search');
  await measure('organizations list', { x: 500, y: 400 });
} finally {
  await close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
