// Issue 6 in the browser: a visitor without an account clicks "Try a sandbox" on the sign-in
// screen, lands in a private demo tenant as its Distributor Admin with the banner counting down,
// switches to the Account Manager without signing in again, approves a pending order of the
// sandbox, and resets the sandbox. Checked on screen and through the API. And the same server's
// page opened with ?sandbox=local runs the offline sandbox, without asking the server anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, findItem, clickItem, api, ensureArtifactsDir } from './harness.mjs';

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

// The sandboxes the page was given, newest last, as the server answered them.
function watchSandboxes(page) {
  const sandboxes = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('/api/v1/sandbox/sessions') || response.status() !== 201) return;
    sandboxes.push(await response.json());
  });
  return sandboxes;
}

async function waitForLabel(page, test, what) {
  try {
    const handle = await page.waitForFunction(
      (source) => (window.orgdeskItems ?? []).find((i) => new RegExp(source).test(i.label)),
      test.source, { timeout: 15000, polling: 50 });
    return (await handle.jsonValue()).label;
  } catch {
    throw new Error(`${what} was not drawn`);
  }
}

const numberOf = (id) => id.slice(-8);

test('a visitor tries a sandbox, switches role and approves an order', async () => {
  const page = await chromium.browser.newPage({ viewport: { width: 1366, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const sandboxes = watchSandboxes(page);

  await page.goto(server.url);
  await findItem(page, 'Sign in to Orgdesk');
  await clickItem(page, 'Try a sandbox');
  await findItem(page, 'Dana Distributor  ·  Distributor Admin');
  const banner = await waitForLabel(page, /^Demo sandbox {2}· {2}(60|59) minutes left$/, 'the countdown');
  assert.ok(banner);
  assert.equal(sandboxes.length, 1);
  const sandbox = sandboxes[0];
  const manager = sandbox.signIns[2];
  assert.equal(manager.user.roles[0], 'AccountManager');

  // Another role, without signing in again.
  await clickItem(page, 'Account Manager');
  await findItem(page, 'Max Manager  ·  Account Manager');

  // A pending order of the sandbox, approved on screen.
  const pending = await api(server.url, 'GET', '/api/v1/orders?status=PendingApproval&limit=1',
                            { token: manager.token });
  assert.equal(pending.status, 200);
  const order = pending.json.items[0];
  await clickItem(page, 'Orders');
  await clickItem(page, numberOf(order.id));
  await findItem(page, `Order ${numberOf(order.id)}`);
  await findItem(page, 'Status: Pending approval');
  await clickItem(page, 'Approve');
  await findItem(page, `The order of ${order.customer.name} was approved; provisioning starts now.`);
  await page.screenshot({ path: path.join(ensureArtifactsDir(), 'sandbox-order-approved.png') });

  const decided = await api(server.url, 'GET', `/api/v1/orders/${order.id}`, { token: manager.token });
  assert.notEqual(decided.json.status, 'PendingApproval');
  assert.equal(decided.json.decidedBy.name, 'Max Manager');
  // The sandbox is its own tenant: the demo's seller cannot see its order.
  const demo = await api(server.url, 'POST', '/api/v1/auth/login',
                         { body: { username: 'distributor@demo.test', password: 'orgdesk-demo' } });
  const outside = await api(server.url, 'GET', `/api/v1/orders/${order.id}`, { token: demo.json.token });
  assert.equal(outside.status, 404);

  // Starting over: a fresh sandbox, back as its Distributor Admin.
  await clickItem(page, 'Reset sandbox');
  await findItem(page, 'Dana Distributor  ·  Distributor Admin');
  for (let i = 0; i < 100 && sandboxes.length < 2; i += 1) await page.waitForTimeout(50);
  assert.equal(sandboxes.length, 2);
  assert.notEqual(sandboxes[1].sandboxId, sandbox.sandboxId);
  assert.deepEqual(problems, []);
});

test('?sandbox=local on a real server runs the sandbox inside the page: nothing reaches the server', async () => {
  const page = await chromium.browser.newPage({ viewport: { width: 1366, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));

  await page.goto(`${server.url}?sandbox=local`);
  await findItem(page, 'Sign in to Orgdesk');
  await clickItem(page, 'Try a sandbox');
  await findItem(page, 'Dana Distributor  ·  Distributor Admin', { timeout: 30000 });
  await waitForLabel(page, /^Demo sandbox {2}· {2}(60|59) minutes left$/, 'the countdown');
  await clickItem(page, 'Account Manager');
  await waitForLabel(page, / {2}· {2}Account Manager$/, 'the Account Manager signed in');

  assert.deepEqual(problems, []);
  // The server served the files; the offline module asked it nothing else, not even /healthz.
  assert.deepEqual(asked.filter((p) => !/(^\/$|\.(html|js|css|wasm|data)$)/.test(p)), []);
  assert.ok(asked.includes('/orgdesk-local.wasm'), 'the offline module was loaded');
  assert.ok(!asked.includes('/orgdesk.wasm'), 'the normal module was not');
  await page.close();
});
