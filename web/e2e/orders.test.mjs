// Issue 4 in the browser, with real clicks and typing on the canvas, in two browser contexts at
// once: a customer Owner places an order; a Seller Admin, already on the Orders screen, sees the
// Pending approval badge rise without reloading, opens the order, approves it and watches it reach
// Provisioned; a second order is rejected with a reason, and the customer sees "Rejected by
// reseller" with it, again without reloading. Then a decision on a selection, and a subscription
// the order created is suspended. Every step is checked on screen and through the API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, findItem, hasItem, clickItem, typeInto, api,
         ensureArtifactsDir, watchToken } from './harness.mjs';

// Each provisioning step takes this long, so "Provisioning" stays on screen for longer than an
// idle page takes to fall asleep (30 frames; a few seconds in headless Chromium's software GL).
const stepMs = 20000;

let server;
let chromium;
let seller;  // the Seller Admin's page
let owner;   // the customer Owner's page, in a browser context of its own
const tokens = {};

// Counts the frames the page draws (each a requestAnimationFrame), to see the frame loop sleep.
function countFrames() {
  window.orgdeskFrames = 0;
  const request = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => request((time) => {
    window.orgdeskFrames += 1;
    callback(time);
  });
}

async function openPage(username) {
  const context = await chromium.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  // The requests still waiting for their answer: the change feed's polls, and the others.
  page.openPolls = new Set();
  page.openRequests = new Set();
  const opened = (r) => (r.url().includes('/api/v1/changes') ? page.openPolls : page.openRequests);
  page.on('request', (r) => opened(r).add(r));
  page.on('requestfinished', (r) => opened(r).delete(r));
  page.on('requestfailed', (r) => opened(r).delete(r));
  page.tokenWatch = watchToken(page);
  await page.addInitScript(countFrames);
  await page.goto(server.url);
  await findItem(page, 'Sign in to Orgdesk');
  await typeInto(page, 'Username', username);
  await typeInto(page, 'Password', 'orgdesk-demo');
  await page.keyboard.press('Enter');
  await findItem(page, 'Organizations');
  return page;
}

async function signIn(username) {
  const login = await api(server.url, 'POST', '/api/v1/auth/login',
                          { body: { username, password: 'orgdesk-demo' } });
  assert.equal(login.status, 200);
  return login.json;
}

async function pendingCount() {
  const list = await api(server.url, 'GET', '/api/v1/orders?status=PendingApproval&limit=1',
                         { token: tokens.seller });
  return list.json.counts.PendingApproval;
}

async function newestOrder() {
  const list = await api(server.url, 'GET', '/api/v1/orders?limit=1', { token: tokens.owner });
  return list.json.items[0];
}

// The short number the app shows for an order.
const numberOf = (id) => id.slice(-8);

async function frames(page) {
  return page.evaluate(() => window.orgdeskFrames);
}

// Waits until the app's frame loop has paused (it publishes window.orgdeskAsleep).
async function waitAsleep(page, what) {
  try {
    await page.waitForFunction(() => window.orgdeskAsleep === true, null,
                               { timeout: 30000, polling: 100 });
  } catch {
    throw new Error(`the frame loop never paused: ${what}`);
  }
}

// Whether something on screen keeps the frame loop drawing by itself. Once every request is
// answered, an idle loop draws at most 31 more frames and pauses (kFramesBeforeIdle is 30); an
// animated one goes on. Counted in frames, not seconds: headless software GL is slow.
async function keepsDrawing(page, timeout) {
  const quiet = Date.now() + timeout;
  while (page.openRequests.size > 0 && Date.now() < quiet) await page.waitForTimeout(50);
  const start = await frames(page);
  await page.waitForFunction((from) => window.orgdeskAsleep || window.orgdeskFrames >= from + 40,
                             start, { timeout, polling: 50 });
  return page.evaluate(() => !window.orgdeskAsleep);
}

// The customer's order form: types each quantity, checks the preview against the catalog and
// the 25 % Swedish VAT, and places the order.
async function placeOrder(page, quantities) {
  await clickItem(page, 'Orders');
  await clickItem(page, '+ New order');
  await findItem(page, 'New order');
  const products = await api(server.url, 'GET', `/api/v1/products?customerId=${tokens.ownerOrg}`,
                             { token: tokens.owner });
  let net = 0;
  for (const [name, quantity] of Object.entries(quantities)) {
    await typeInto(page, `Quantity of ${name}`, String(quantity));
    const product = products.json.items.find((p) => p.name === name);
    net += Math.round(Number(product.unitPrice) * 100) * quantity;
  }
  const tax = Math.round(net * 0.25);
  const eur = (cents) => `${(cents / 100).toFixed(2)} EUR`;
  await findItem(page, `Net: ${eur(net)}`);
  await findItem(page, `Tax (25 %): ${eur(tax)}`);
  await findItem(page, `Total: ${eur(net + tax)}`);
  await clickItem(page, 'Place order');
  await findItem(page, "Your order was placed. It waits for your reseller's approval.");
  await findItem(page, 'Status: Pending approval');
  const order = await newestOrder();
  await findItem(page, `Order ${numberOf(order.id)}`);
  assert.equal(order.status, 'PendingApproval');
  assert.equal(order.price.total, ((net + tax) / 100).toFixed(2));
  return order;
}

before(async () => {
  server = await startServer({ extraArgs: ['--provisioning-delay-ms', String(stepMs)] });
  chromium = await launchBrowser();
  const sellerLogin = await signIn('seller@demo.test');
  const ownerLogin = await signIn('owner@demo.test');
  tokens.seller = sellerLogin.token;
  tokens.owner = ownerLogin.token;
  tokens.ownerOrg = ownerLogin.user.customerId;
  seller = await openPage('seller@demo.test');
  owner = await openPage('owner@demo.test');
});

after(async () => {
  await chromium?.close();
  await server?.stop();
});

test('the Seller Admin waits on the Orders screen; the frame loop sleeps though the feed is open', async () => {
  const count = await pendingCount();
  await clickItem(seller, 'Orders');
  await findItem(seller, `Pending approval (${count})`);
  await findItem(seller, `Pending approval: ${count}`);  // the rail's badge
  // Nothing moves on this screen: once it settles the frame loop sleeps and no frames are drawn,
  // although the change feed's long-poll is open the whole time.
  await seller.mouse.move(5, 880);
  await waitAsleep(seller, 'on an idle Orders screen');
  assert.equal(seller.openPolls.size, 1, 'one long-poll is open while the page sleeps');
  const before = await frames(seller);
  await seller.waitForTimeout(1500);
  assert.equal(await frames(seller), before, 'an idle Orders screen draws no frames');
});

test('a customer Owner places an order, after a quantity the core refuses', async () => {
  await clickItem(owner, 'Orders');
  await findItem(owner, 'Your orders');
  assert.equal(await hasItem(owner, 'Approve selected (0)'), false, 'customers decide nothing');
  await clickItem(owner, '+ New order');
  await typeInto(owner, 'Quantity of Acronis Cyber Protect', '20000');
  await findItem(owner, 'Quantity must be from 1 to 10000.');
  await clickItem(owner, '< Orders');
});

let approved;

test('the Seller Admin sees the badge rise without reloading, approves, and watches it provision', async () => {
  const count = await pendingCount();
  approved = await placeOrder(owner, { 'Acronis Cyber Protect': 3, 'Dropbox Business': 2 });
  // The seller's page was not touched: the change feed brought the new count and the new row.
  await findItem(seller, `Pending approval: ${count + 1}`);
  await findItem(seller, `Pending approval (${count + 1})`);
  await clickItem(seller, numberOf(approved.id));
  await findItem(seller, `Order ${numberOf(approved.id)}`);
  await findItem(seller, 'Status: Pending approval');
  await findItem(seller, 'Acronis Cyber Protect × 3');
  await findItem(seller, `Total: ${approved.price.total} EUR`);
  await clickItem(seller, 'Approve');
  await findItem(seller, 'The order of Northwind Traders was approved; provisioning starts now.');
  // The worker moves it on by itself; the open order follows without a reload.
  await findItem(seller, 'Status: Provisioning', { timeout: 4 * stepMs });
  // The Provisioning chip pulses: the frame loop keeps drawing while it is on screen ...
  const shown = Date.now();
  assert.equal(await keepsDrawing(seller, stepMs), true, 'the Provisioning chip animates');
  assert.ok(await hasItem(seller, 'Status: Provisioning'), 'measured while Provisioning showed');
  console.log(`40 frames of Provisioning in ${Date.now() - shown} ms`);
  await findItem(seller, 'Status: Provisioned', { timeout: 4 * stepMs });
  // ... and sleeps again once it is gone.
  await waitAsleep(seller, 'after the order reached Provisioned');
  assert.equal((await findItem(seller, 'Approve')).disabled, true, 'Approve is greyed out now');
  await seller.screenshot({ path: path.join(ensureArtifactsDir(), 'order-provisioned.png') });

  const after = await api(server.url, 'GET', `/api/v1/orders/${approved.id}`, { token: tokens.seller });
  assert.equal(after.json.status, 'Provisioned');
  assert.equal(after.json.decidedBy.name, 'Sam Seller');
  assert.equal(after.json.links.approve, undefined);
  assert.equal(await pendingCount(), count);
  await findItem(seller, `Pending approval: ${count}`);
});

test('a second order is rejected with a reason; the customer sees it without reloading', async () => {
  const count = await pendingCount();
  const order = await placeOrder(owner, { 'Zoom Workplace Pro': 5 });
  await clickItem(seller, '< Orders');
  await findItem(seller, `Pending approval: ${count + 1}`);
  await clickItem(seller, numberOf(order.id));
  await findItem(seller, 'Status: Pending approval');
  await clickItem(seller, 'Reject...');
  await findItem(seller, 'Reject order');
  await clickItem(seller, 'Reject');
  await findItem(seller, 'Enter the reason for the rejection.');  // checked before sending
  const reason = 'No purchase order number was given.';
  await typeInto(seller, 'Reason', reason);
  await clickItem(seller, 'Reject');
  await findItem(seller, 'Status: Rejected by reseller');
  await findItem(seller, 'The order of Northwind Traders was rejected.');

  // The Owner still has the order open from placing it: it changes before their eyes.
  await findItem(owner, 'Status: Rejected by reseller');
  await findItem(owner, `Rejected by reseller: ${reason}`);
  assert.equal(await hasItem(owner, 'Approve'), false, 'customers never decide');
  await owner.screenshot({ path: path.join(ensureArtifactsDir(), 'order-rejected-customer-view.png') });

  const after = await api(server.url, 'GET', `/api/v1/orders/${order.id}`, { token: tokens.owner });
  assert.equal(after.json.status, 'Rejected');
  assert.equal(after.json.statusText, 'Rejected by reseller');
  assert.equal(after.json.rejectionReason, reason);
});

test('the Seller Admin approves two orders at once and reads the result', async () => {
  await clickItem(seller, '< Orders');
  const queue = await api(server.url, 'GET', '/api/v1/orders?status=PendingApproval&limit=2',
                          { token: tokens.seller });
  assert.equal(queue.json.items.length, 2);
  for (const order of queue.json.items) await clickItem(seller, `Select order ${numberOf(order.id)}`);
  await clickItem(seller, 'Approve selected (2)');
  await findItem(seller, '2 approved.');
  for (const order of queue.json.items) {
    const after = await api(server.url, 'GET', `/api/v1/orders/${order.id}`, { token: tokens.seller });
    assert.notEqual(after.json.status, 'PendingApproval');
    assert.equal(after.json.decidedBy.name, 'Sam Seller');
  }
});

test('the customer suspends a subscription the approved order created', async () => {
  await clickItem(owner, 'Organizations');
  await clickItem(owner, 'Northwind Traders');
  await clickItem(owner, 'Subscriptions');
  await findItem(owner, 'Acronis Cyber Protect: Active');
  await clickItem(owner, 'Suspend Acronis Cyber Protect');
  await findItem(owner, 'Acronis Cyber Protect was suspended.');
  await findItem(owner, 'Acronis Cyber Protect: Suspended');
  const subscriptions = await api(server.url, 'GET',
                                  `/api/v1/customers/${tokens.ownerOrg}/subscriptions`,
                                  { token: tokens.owner });
  const suspended = subscriptions.json.items.find((s) => s.name === 'Acronis Cyber Protect');
  assert.equal(suspended.status, 'Suspended');
  assert.equal(suspended.orderId, approved.id);
  assert.deepEqual(seller.problems, []);
  assert.deepEqual(owner.problems, []);
});

test('the session token never appears in a URL or a log line of the app', async () => {
  for (const page of [seller, owner]) {
    assert.equal(page.tokenWatch.tokens.size, 1, 'the watch saw the sign-in and its token');
    assert.deepEqual(page.tokenWatch.exposures(), []);
  }
});

