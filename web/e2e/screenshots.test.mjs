// Sharp at any scale: the sign-in screen and an empty organization list, drawn at
// devicePixelRatio 1 and 2, compared with the committed references in web/e2e/reference/
// (made with ORGDESK_UPDATE_REFERENCES=1; see screenshot-compare.mjs for the tolerance). Neither
// screen shows a date or a generated id, so the images do not depend on the day of the run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, findItem, typeInto } from './harness.mjs';
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
  test(`the sign-in screen and an empty list at devicePixelRatio ${ratio} match their references`, async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 900, height: 600 }, deviceScaleFactor: ratio });
    await page.goto(server.url);
    await findItem(page, 'Sign in to Orgdesk');
    await page.mouse.move(0, 599);
    await quiet(page);
    const signIn = await page.screenshot();
    const { width } = decodePng(signIn);
    assert.equal(width, 900 * ratio, 'the screenshot has one pixel per device pixel');
    compareWithReference(signIn, `sign-in@${ratio}x`);

    await typeInto(page, 'Username', 'seller@demo.test');
    await typeInto(page, 'Password', 'orgdesk-demo');
    await page.keyboard.press('Enter');
    await typeInto(page, 'Search', 'no such organization');
    await page.keyboard.press('Enter');
    await findItem(page, 'No organization matches. Try another search or the All filter.');
    await page.mouse.move(0, 599);
    await quiet(page);
    compareWithReference(await page.screenshot(), `empty-list@${ratio}x`);
    await page.close();
  });
}
