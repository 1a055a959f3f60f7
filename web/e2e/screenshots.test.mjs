// Sharp at any scale: the sign-in screen drawn at devicePixelRatio 1 and 2, compared with the
// committed references in web/e2e/reference/ (made with ORGDESK_UPDATE_REFERENCES=1; see
// screenshot-compare.mjs for the tolerance). It shows no date or generated id, so the images do
// not depend on the day of the run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, findItem } from './harness.mjs';
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

for (const ratio of [1, 2]) {
  test(`the sign-in screen at devicePixelRatio ${ratio} matches its reference`, async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 900, height: 600 }, deviceScaleFactor: ratio });
    await page.goto(server.url);
    await findItem(page, 'Sign in to Orgdesk');
    await page.mouse.move(0, 599);
    await quiet(page);
    const signIn = await page.screenshot();
    const { width } = decodePng(signIn);
    assert.equal(width, 900 * ratio, 'the screenshot has one pixel per device pixel');
    compareWithReference(signIn, `sign-in@${ratio}x`);

    await page.close();
  });
}
