// A Seller Admin signs in by typing into the canvas, finds a New organization, opens it, clicks
// Approve at its real coordinates, and sees it become Active, in the UI and on the server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, findItem, hasItem, clickItem, typeInto, api, pixelAt,
         ensureArtifactsDir } from './harness.mjs';

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

test('a Seller Admin approves a New organization in the browser', async () => {
  const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));

  // The server's own view of the newest New organization, read with the API.
  const login = await api(server.url, 'POST', '/api/v1/auth/login',
                          { body: { username: 'seller@demo.test', password: 'orgdesk-demo' } });
  assert.equal(login.status, 200);
  const token = login.json.token;
  const pending = await api(server.url, 'GET', '/api/v1/customers?status=New&limit=1', { token });
  const target = pending.json.items[0];
  const newCount = pending.json.counts.New;
  assert.equal(target.status, 'New');

  await page.goto(server.url);
  await findItem(page, 'Sign in to Orgdesk');
  assert.equal(await page.title(), 'Sign in · Orgdesk');
  await typeInto(page, 'Username', 'seller@demo.test');
  await typeInto(page, 'Password', 'orgdesk-demo');
  await page.keyboard.press('Enter');

  await findItem(page, 'Organizations');
  await clickItem(page, `New (${newCount})`);  // the filter chip shows the server's New count
  // Wait, as a person would, for the list to show only New organizations.
  await page.waitForFunction(() => {
    const chips = (window.orgdeskItems ?? []).filter((i) => ['New', 'Active', 'Blocked', 'Rejected'].includes(i.label));
    return chips.length > 0 && chips.every((i) => i.label === 'New');
  }, null, { timeout: 15000, polling: 50 });

  await clickItem(page, target.name);
  await findItem(page, 'Status: New');
  const approve = await findItem(page, 'Approve');
  assert.equal(approve.disabled, false, 'Approve is enabled for a Seller Admin on a New organization');

  await clickItem(page, 'Approve');
  await findItem(page, 'Status: Active');
  await findItem(page, `${target.name} was approved and is now Active.`);
  assert.equal(await hasItem(page, 'Status: New'), false);
  // Approve is greyed out now: the policy no longer allows it.
  assert.equal((await findItem(page, 'Approve')).disabled, true);
  assert.equal(await page.title(), `${target.name} · Orgdesk`);

  // The header really turned green: a pixel just right of the status line is Active's green.
  const status = await findItem(page, 'Status: Active');
  assert.deepEqual(await pixelAt(page, status.x + status.w + 40, status.y + status.h / 2), [22, 163, 74]);
  await page.screenshot({ path: path.join(ensureArtifactsDir(), 'organization-profile-approved.png') });

  const after = await api(server.url, 'GET', `/api/v1/customers/${target.id}`, { token });
  assert.equal(after.status, 200);
  assert.equal(after.json.status, 'Active');
  assert.equal(after.json.version, target.version + 1);
  assert.deepEqual(problems, []);
});
