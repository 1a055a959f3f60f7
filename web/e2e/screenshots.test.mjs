// Sharp at any scale: the sign-in screen drawn at devicePixelRatio 1, 1.5, 2 and 3, compared with
// the committed references in web/e2e/reference/ (made with ORGDESK_UPDATE_REFERENCES=1; see
// screenshot-compare.mjs for the tolerance). It shows no date or generated id, so the images do
// not depend on the day of the run. And the layout reflows: the organizations list keeps its main
// actions whole on a 360 px phone and on a 3840 px monitor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, findItem, clickItem } from './harness.mjs';
import { compareWithReference, decodePng } from './screenshot-compare.mjs';

let server;
let chromium;

before(async () => {
  server = await startServer();
  chromium = await launchBrowser();
});

after(async () => {
  await chromium?.close();
  await server?.stop();
});

async function quiet(page) {
  await page.waitForFunction(() => window.orgdeskAsleep === true, null, { timeout: 15000, polling: 100 });
}

for (const ratio of [1, 1.5, 2, 3]) {
  test(`the sign-in screen at devicePixelRatio ${ratio} matches its reference`, async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 900, height: 600 }, deviceScaleFactor: ratio });
    await page.goto(server.url);
    await findItem(page, 'Sign in to Orgdesk');
    await page.mouse.move(0, 599);
    await quiet(page);
    const signIn = await page.screenshot();
    const { width } = decodePng(signIn);
    assert.equal(width, Math.round(900 * ratio), 'the screenshot has one pixel per device pixel');
    compareWithReference(signIn, `sign-in@${ratio}x`);

    await page.close();
  });
}

// 3840 x 720: the width is what reflows; a full 4K height only makes software GL slower.
for (const [width, height] of [[360, 740], [3840, 720]]) {
  test(`the organizations list is whole and usable ${width} px wide`, async () => {
    const page = await chromium.browser.newPage({ viewport: { width, height } });
    await page.goto(server.url);
    await clickItem(page, 'Username');
    await page.keyboard.type('seller@demo.test', { delay: 5 });
    await page.keyboard.press('Tab');
    await page.keyboard.type('orgdesk-demo', { delay: 5 });
    await page.keyboard.press('Enter');
    await findItem(page, 'Northwind Traders');
    await quiet(page);
    const items = await page.evaluate(() => window.orgdeskItems);
    // Every main action is drawn whole inside the window, none on top of another.
    const actions = ['Theme', 'Sign out', 'Orders', '+ New organization', 'Search', 'All']
      .map((label) => items.findLast((i) => i.label === label) ?? assert.fail(`"${label}" is not drawn`));
    actions.push(items.find((i) => i.label.startsWith('Rejected (')));
    for (const item of actions) {
      assert.ok(item.x >= 0 && item.x + item.w <= width + 0.5 && item.y + item.h <= height,
                `"${item.label}" is clipped: ${JSON.stringify(item)}`);
    }
    for (const [i, a] of actions.entries()) {
      for (const b of actions.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        assert.ok(!overlap, `"${a.label}" covers "${b.label}"`);
      }
    }
    // The first row is readable: its name is drawn at its full width, and opens the profile.
    await clickItem(page, 'Northwind Traders');
    await findItem(page, 'Status: Active');
    await page.close();
  });
}
