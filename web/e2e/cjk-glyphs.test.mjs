// Issue 5: CJK glyphs are not part of the first load; the app fetches its CJK font the first time
// a screen shows such text, once, and then really draws the glyphs (not the missing-glyph '?').
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, findItem, clickItem, api } from './harness.mjs';

const fontPath = '/fonts/DroidSansFallback-CJK.ttf';
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

// The dark pixels of the item's area in a real screenshot: the ink of its text.
async function inkOf(page, item) {
  const png = await page.screenshot({ clip: { x: item.x, y: item.y, width: item.w, height: item.h } });
  return page.evaluate(async (bytes) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 3 * 128) ink += 1;
    return ink;
  }, [...png]);
}

test('the CJK font is fetched once, when a name needs it, and its glyphs are drawn', async () => {
  const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const fontRequests = [];
  let holdFont;
  const fontHeld = new Promise((resolve) => { holdFont = resolve; });
  // The font's answer waits until the test has seen the name drawn without it.
  await page.route(`**${fontPath}`, async (route) => {
    fontRequests.push(route.request().url());
    await fontHeld;
    await route.continue();
  });
  await page.goto(server.url);
  await clickItem(page, 'Username');
  await page.keyboard.type('seller@demo.test', { delay: 5 });
  await page.keyboard.press('Tab');
  await page.keyboard.type('orgdesk-demo', { delay: 5 });
  await page.keyboard.press('Enter');
  await findItem(page, 'Organizations');
  await page.waitForFunction(() => window.orgdeskAsleep === true, null, { timeout: 15000, polling: 100 });
  assert.deepEqual(fontRequests, [], 'the first load does not carry the CJK font');

  // Someone creates a Japanese organization; the list shows it as the change arrives.
  const name = '株式会社 テスト';
  const login = await api(server.url, 'POST', '/api/v1/auth/login',
                          { body: { username: 'seller@demo.test', password: 'orgdesk-demo' } });
  const created = await api(server.url, 'POST', '/api/v1/customers', {
    token: login.json.token, body: { name, segment: 'SMB', ownershipType: 'ServiceProvider' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const row = await findItem(page, name);
  await page.waitForFunction(() => window.orgdeskGlyphs?.missing === 7, null, { timeout: 5000, polling: 50 });
  assert.equal(fontRequests.length, 1);
  await page.mouse.move(5, 790);
  await page.waitForFunction(() => window.orgdeskAsleep === true, null, { timeout: 15000, polling: 100 });
  const inkWithout = await inkOf(page, row);

  holdFont();
  await page.waitForFunction(() => window.orgdeskGlyphs?.missing === 0 && window.orgdeskGlyphs.inAtlas === 7,
                             null, { timeout: 10000, polling: 50 });
  const { rebuildMs }
 = await page.evaluate(() => window.orgdeskGlyphs);
  console.log(`font atlas rebuilt with the 7 glyphs in ${rebuildMs.toFixed(1)} ms`);
  await page.waitForFunction(() => window.orgdeskAsleep === true, null, { timeout: 15000, polling: 100 });
  const inkWith = await inkOf(page, row);
  // Seven '?' boxes against seven ideographs and kana: far more strokes once really drawn.
  assert.ok(inkWith > 1.5 * inkWithout, `ink of the name: ${inkWithout} before the font, ${inkWith} after`);

  // Found by search, typed as an IME commits it; the font is not fetched again.
  await clickItem(page, 'Search');
  await page.waitForFunction(() => document.activeElement?.id === 'text-input', null, { timeout: 5000 });
  await page.keyboard.insertText('株式会社');
  await page.waitForFunction((wanted) => {
    const items = window.orgdeskItems ?? [];
    const rows = items.filter((i) => ['New', 'Active', 'Blocked', 'Rejected'].includes(i.label));
    return rows.length === 1 && items.some((i) => i.label === wanted);
  }, name, { timeout: 15000, polling: 50 });
  assert.equal(fontRequests.length, 1, 'fetched once');
  assert.deepEqual(problems, []);
  await page.close();
});
