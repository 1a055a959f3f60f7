// Measures what an idle Orgdesk tab costs: signs in, waits until the frame loop sleeps, then
// counts the CPU time (user + system, from /proc) of every Chromium process and the frames
// drawn over a quiet period. The same browser with an empty page open instead is measured
// first, over the same period: Chromium's own background work is the baseline. Each figure is also
// split by Chromium process (the page's renderer, the GPU process, the browser process). By hand,
// not in CI:
//   (cd web && node measure-idle-cpu.mjs [seconds])     # 10 s by default
import { readdirSync, readFileSync } from 'node:fs';
import { startServer, launchBrowser, findItem, typeInto } from './e2e/harness.mjs';

const seconds = Number(process.argv[2] ?? 10);
const ticksPerSecond = 100;  // USER_HZ on Linux

function processes() {
  const all = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      all.set(Number(name), { comm, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch { /* gone meanwhile */ }
  }
  return all;
}

// CPU ticks of the Chromium processes this script started (not the server, also a child), by
// process type: the page's renderer, the GPU process, the browser process, utilities.
function chromiumTicks() {
  const all = processes();
  const byType = {};
  const pending = [process.pid];
  while (pending.length > 0) {
    const pid = pending.pop();
    const info = all.get(pid);
    if (info && /chrom/i.test(info.comm)) {
      let type = 'browser';
      try {
        type = readFileSync(`/proc/${pid}/cmdline`, 'utf8').match(/--type=([a-z-]+)/)?.[1] ?? type;
      } catch { /* gone meanwhile */ }
      byType[type] = (byType[type] ?? 0) + info.ticks;
    }
    for (const [child, c] of all) if (c.ppid === pid) pending.push(child);
  }
  return byType;
}

// Chromium's CPU over `seconds`: in all, as seconds and per cent of one core, and by process type.
async function cpuOver(seconds) {
  const before = chromiumTicks();
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = chromiumTicks();
  const elapsed = (Date.now() - started) / 1000;
  const byType = Object.fromEntries(Object.keys(after).map(
    (type) => [type, (after[type] - (before[type] ?? 0)) / ticksPerSecond]));
  const cpuSeconds = Object.values(byType).reduce((sum, s) => sum + s, 0);
  return { elapsed, cpuSeconds, percent: (cpuSeconds / elapsed) * 100, byType };
}

const describe = ({ elapsed, cpuSeconds, percent, byType }) =>
  `${cpuSeconds.toFixed(2)} s of CPU in ${elapsed.toFixed(1)} s = ${percent.toFixed(2)} % of one core (` +
  Object.entries(byType).map(([type, s]) => `${type} ${s.toFixed(2)} s`).join(', ') + ')';

const server = await startServer();
const chromium = await launchBrowser();
try {
  const blank = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
  await blank.goto('about:blank');
  await blank.waitForTimeout(1000);
  const baseline = await cpuOver(seconds);
  await blank.close();
  console.log(`baseline, an empty page: Chromium (all processes) used ${describe(baseline)}`);

  const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
  await page.addInitScript(() => {
    window.orgdeskFrames = 0;
    const request = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => request((time) => { window.orgdeskFrames += 1; callback(time); });
  });
  await page.goto(server.url);
  await findItem(page, 'Sign in to Orgdesk');
  await typeInto(page, 'Username', 'seller@demo.test');
  await typeInto(page, 'Password', 'orgdesk-demo');
  await page.keyboard.press('Enter');
  await findItem(page, 'Organizations');
  await page.waitForFunction(() => window.orgdeskAsleep === true, null, { timeout: 30000, polling: 100 });
  await page.waitForTimeout(1000);  // let the last paint and any GC settle

  const framesBefore = await page.evaluate(() => window.orgdeskFrames);
  const idle = await cpuOver(seconds);
  const frames = (await page.evaluate(() => window.orgdeskFrames)) - framesBefore;
  console.log(`idle Orgdesk tab: ${frames} frames drawn; Chromium (all processes) used ${describe(idle)}`);
  console.log(`above the empty page: ${(idle.cpuSeconds - baseline.cpuSeconds).toFixed(2)} s of CPU`);
} finally {
  await chromium.close();
  await server.stop();
}
