// Issue 3 in the browser, with real clicks and typing on the canvas: create a Customer-owned
// organization (first with a missing billing field, shown at the field), find it by customer
// reference, approve it, edit its buyer tags, switch it to Service Provider demoting the owner to
// Admin, suspend it keeping subscriptions, resume it, see the history; and try to delete an
// organization with an active subscription.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, findItem, hasItem, clickItem, typeInto, api,
         ensureArtifactsDir } from './harness.mjs';

let server;
let chromium;
let page;

before(async () => {
  server = await startServer();
  chromium = await launchBrowser();
  page = await chromium.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(server.url);
  await findItem(page, 'Sign in to Orgdesk');
  await typeInto(page, 'Username', 'seller@demo.test');
  await typeInto(page, 'Password', 'orgdesk-demo');
  await page.keyboard.press('Enter');
  await findItem(page, 'Organizations');
});

after(async () => {
  await chromium?.close();
  await server?.stop();
});

async function signIn(username) {
  const login = await api(server.url, 'POST', '/api/v1/auth/login',
                          { body: { username, password: 'orgdesk-demo' } });
  return login.json.token;
}

async function waitGone(label) {
  await page.waitForFunction((wanted) => !(window.orgdeskItems ?? []).some((i) => i.label === wanted),
                             label, { timeout: 15000, polling: 50 });
}

const name = 'Harbor Lights GmbH';
const reference = 'CR-E2E-4711';

test('create with a missing billing field, fix it, create', async () => {
  await clickItem(page, '+ New organization');
  await findItem(page, 'New organization');
  await typeInto(page, 'Organization name', name);
  await typeInto(page, 'Customer segment', 'SMB');
  await typeInto(page, 'Customer reference', reference);
  await typeInto(page, 'Owner name', 'Greta Hansen');
  await typeInto(page, 'Owner email', 'greta@harborlights.example');
  await typeInto(page, 'Billing company', name);
  await typeInto(page, 'Country code', 'DE');
  await clickItem(page, 'Create');

  await findItem(page, 'Organization is invalid.');
  const error = await findItem(page, 'Enter the billing address.');
  const field = await findItem(page, 'Billing address');
  assert.ok(error.y > field.y && error.y - field.y < 80, 'the error sits right under its field');

  await typeInto(page, 'Billing address', 'Hafenstrasse 1, Hamburg');
  await waitGone('Enter the billing address.');
  await clickItem(page, 'Create');
  await findItem(page, `${name} was created. It waits for approval as New.`);
  await findItem(page, 'Status: New');
});

test('find it by customer reference and approve it', async () => {
  await clickItem(page, '< Organizations');
  await typeInto(page, 'Search', reference);
  await page.waitForFunction((wanted) => {
    const rows = (window.orgdeskItems ?? []).filter((i) => i.label === 'New' || i.label === 'Active');
    return rows.length === 1 && (window.orgdeskItems ?? []).some((i) => i.label === wanted);
  }, name, { timeout: 15000, polling: 50 });
  await clickItem(page, name);
  await findItem(page, 'Status: New');
  await clickItem(page, 'Approve');
  await findItem(page, 'Status: Active');
});

test('edit its buyer tags', async () => {
  await clickItem(page, 'Edit Buyer tags');
  await findItem(page, 'Edit buyer tags');
  await typeInto(page, 'Buyer tags', 'vip, north');
  await clickItem(page, 'Save');
  await findItem(page, 'Tags: vip, north');
});

test('switch it to Service Provider, demoting the owner to Admin', async () => {
  await clickItem(page, 'Change managed type');
  await findItem(page, 'Switch');
  await clickItem(page, 'Admin');
  await clickItem(page, 'Switch');
  await waitGone('Switch');  // the dialog closed
  await findItem(page, `${name} was saved.`);
  await clickItem(page, 'Members');
  await findItem(page, 'Greta Hansen: Admin');
});

test('suspend it keeping subscriptions, then resume it', async () => {
  await clickItem(page, 'Overview');
  await clickItem(page, 'Suspend...');
  await findItem(page, 'Suspend organization');
  await clickItem(page, 'Keep subscriptions');
  await clickItem(page, 'Suspend');
  await findItem(page, 'Status: Blocked');
  await clickItem(page, 'Resume');
  await findItem(page, 'Status: Active');
});

test('the history tab shows every change', async () => {
  await clickItem(page, 'History');
  for (const action of ['create', 'approve', 'edit', 'ownership', 'suspend', 'resume']) {
    await findItem(page, `History: ${action}`);
  }
  await page.screenshot({ path: path.join(ensureArtifactsDir(), 'organization-history.png') });

  const token = await signIn('seller@demo.test');
  const found = await api(server.url, 'GET', `/api/v1/customers?q=${reference}`, { token });
  const org = found.json.items[0];
  assert.equal(org.status, 'Active');
  assert.equal(org.ownershipType, 'ServiceProvider');
  assert.deepEqual(org.buyerTags, ['vip', 'north']);
});

test('deleting an organization with an active subscription is refused with the seed message', async () => {
  const token = await signIn('seller@demo.test');
  const active = await api(server.url, 'GET', '/api/v1/customers?status=Active&limit=50', { token });
  const subscribed = active.json.items.find((c) => c.subscriptionCount > 0 && c.actions.includes('delete'));
  assert.ok(subscribed, 'the demo data has an Active organization with subscriptions');

  await clickItem(page, '< Organizations');
  await clickItem(page, 'All');
  await typeInto(page, 'Search', '');  // keep the search box as it is; it is cleared below
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(subscribed.customerReference, { delay: 5 });
  await clickItem(page, subscribed.name);
  await clickItem(page, 'Delete...');
  await findItem(page, 'Delete organization');
  await typeInto(page, 'Confirm name', subscribed.name);
  await clickItem(page, 'Delete');
  await findItem(page, 'Cancel all active subscriptions and try again.');
  assert.equal(await hasItem(page, 'Status: Active'), true);
  const still = await api(server.url, 'GET', `/api/v1/customers/${subscribed.id}`, { token });
  assert.equal(still.json.status, 'Active');
});
