// The server benchmarks: orgdesk-server under wrk on loopback (keep-alive, 2 threads, 64
// connections), each figure a ratio to a reference measured in the same run, the median of
// several runs. Returns figures for the table (see report.mjs).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, readFileSync, chmodSync, openSync, closeSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median, figure } from './report.mjs';

const here = import.meta.dirname;
const password = 'orgdesk-demo';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

// Starts orgdesk-server on a free port. Its log (a line per request) goes to a file next to the
// database, as a deployment's would: a pipe to this process would stall the server while wrk
// runs, and nginx too writes its access log to a file.
export async function startOrgdesk(binary, db, extraArgs = []) {
  const logFile = `${db}.log`;
  const log = openSync(logFile, 'a');
  const start = statSync(logFile).size;
  const child = spawn(binary, ['--port', '0', '--db', db, ...extraArgs], { stdio: ['ignore', log, log] });
  closeSync(log);
  const output = () => readFileSync(logFile, 'utf8').slice(start);
  for (let waited = 0; ; waited += 50) {
    const match = output().match(/serving on (http:\/\/[^/\s]+)\//);
    if (match) return { url: match[1], pid: child.pid, stop: () => stopProcess(child) };
    if (child.exitCode !== null || waited > 60000) throw new Error(`orgdesk-server did not start:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function signIn(url, username) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${username} answered ${response.status}`);
  return (await response.json()).token;
}

// One wrk run; its requests per second, successful requests per second and p99 latency (ms).
export function wrk(url, { seconds, token, script, scriptArgs = [] }) {
  const args = ['-t2', '-c64', `-d${seconds}s`, '--latency', '--timeout', '10s'];
  if (token) args.push('-H', `Authorization: Bearer ${token}`);
  if (script) args.push('-s', script);
  args.push(url);
  if (scriptArgs.length) args.push('--', ...scriptArgs);
  const out = execFileSync('wrk', args, { encoding: 'utf8' });
  const number = (re) => { const m = out.match(re); if (!m) throw new Error(`wrk output without ${re}:\n${out}`); return m; };
  const [, count, took, unit] = number(/(\d+) requests in ([\d.]+)(us|ms|s|m)\b/);
  const scale = { us: 1e-6, ms: 1e-3, s: 1, m: 60 };
  const seconds_ = Number(took) * scale[unit];
  const failed = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
  const errors = out.match(/Socket errors: (.*)/)?.[1];
  const [, p99, p99Unit] = number(/\s99%\s+([\d.]+)(us|ms|s)/);
  return {
    rps: Number(number(/Requests\/sec:\s+([\d.]+)/)[1]),
    okPerSecond: (Number(count) - failed) / seconds_,
    failed,
    errors,
    p99Ms: Number(p99) * scale[p99Unit] * 1000,
  };
}

// nginx serving `files` ({urlPath: bytes}) as static files, unprivileged, from a temp dir.
async function startNginx(files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'orgdesk-bench-nginx-'));
  chmodSync(dir, 0o755);  // nginx started as root reads the files as its worker user (nobody)
  for (const [urlPath, bytes] of Object.entries(files)) {
    const file = path.join(dir, 'www', urlPath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  const port = await freePort();
  const temp = (name) => `${name} ${path.join(dir, name)};`;
  writeFileSync(path.join(dir, 'nginx.conf'), `
daemon off;
worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  keepalive_requests 1000000;
  ${temp('client_body_temp_path')} ${temp('proxy_temp_path')} ${temp('fastcgi_temp_path')}
  ${temp('uwsgi_temp_path')} ${temp('scgi_temp_path')}
  default_type application/json;
  server { listen 127.0.0.1:${port}; root ${dir}/www; }
}
`);
  const child = spawn('nginx', ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`],
                      { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    try { await fetch(`${url}/`); break; } catch (error) {
      if (i > 100 || child.exitCode !== null) throw new Error(`nginx did not start: ${readFileSync(`${dir}/error.log`, 'utf8')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { url, stop: async () => { await stopProcess(child); rmSync(dir, { recursive: true, force: true }); } };
}

// A fresh database with the demo data plus `orgs` organizations in seller one's tenant and
// `approvable` New ones in seller two's.
export async function makeTenant(tools, orgs, approvable) {
  const dir = mkdtempSync(path.join(tmpdir(), 'orgdesk-bench-'));
  const db = path.join(dir, 'orgdesk.db');
  const demo = await startOrgdesk(tools.server, db, ['--demo']);
  await demo.stop();
  const started = Date.now();
  execFileSync(tools.data, ['seed', db, String(orgs), String(approvable),
                            path.join(dir, 'samples.json'), path.join(dir, 'approvable.txt')]);
  const seedSeconds = (Date.now() - started) / 1000;
  return {
    dir, db, seedSeconds,
    samples: JSON.parse(readFileSync(path.join(dir, 'samples.json'), 'utf8')),
    approvable: readFileSync(path.join(dir, 'approvable.txt'), 'utf8').split('\n').filter(Boolean),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// Every list the benchmark asks for: a page of 50 filtered by status, alone and searched by each
// of the five search keys of a sample organization. The name search is the run of the sample
// name's first words that fills the page at this size (orgdesk-bench-data chose it).
function listPaths(samples) {
  const paths = [];
  for (const s of samples) {
    const list = `/api/v1/customers?limit=50&status=${s.status}`;
    paths.push(list);
    for (const q of [s.id.slice(0, 13), s.nameQuery, s.purchasedNumber,
                     s.customerReference, s.externalContract]) {
      paths.push(`${list}&q=${encodeURIComponent(q)}`);
    }
  }
  return paths;
}

// The tenant's list paths, one a line, in a file for list.lua; returns its path.
export function writeListPaths(tenant) {
  const pathsFile = path.join(tenant.dir, 'lists.txt');
  writeFileSync(pathsFile, listPaths(tenant.samples).join('\n') + '\n');
  return pathsFile;
}

// What the read benchmarks ask for: the tenant's first sample organization.
export const readPath = (tenant) => `/api/v1/customers/${tenant.samples[0].id}`;

// The read and the list load on each side in turn, `runs` rounds, so the machine's drift falls
// on every side alike. sides: [{server, token, tenant}]; returns, per side in order, its rounds'
// wrk runs: {read: [...], list: [...]}.
export function alternateLoads(sides, { runs, seconds }) {
  const pathsFiles = sides.map(({ tenant }) => writeListPaths(tenant));
  const results = sides.map(() => ({ read: [], list: [] }));
  for (let r = 0; r < runs; r += 1) {
    sides.forEach(({ server, token, tenant }, k) => {
      const read = wrk(`${server.url}${readPath(tenant)}`, { seconds, token });
      const list = wrkLists(server.url, { seconds, token, pathsFile: pathsFiles[k] });
      if (read.failed || list.failed) throw new Error(`the alternating runs answered errors: read ${read.failed}, list ${list.failed}`);
      results[k].read.push(read);
      results[k].list.push(list);
    });
  }
  return results;
}

// wrk asking for each list path of `pathsFile` in turn.
export function wrkLists(url, { seconds, token, pathsFile }) {
  return wrk(url, { seconds, token, script: path.join(here, 'list.lua'), scriptArgs: [pathsFile] });
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(status.match(new RegExp(`${name}:\\s+(\\d+) kB`))[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

// Read and search at one tenant size: {readRatio, serverRps, nginxRps, p99Ms, rssMb}.
async function measureSize(tools, tenant, { runs, seconds }) {
  const server = await startOrgdesk(tools.server, tenant.db);
  try {
    const token = await signIn(server.url, 'seller@demo.test');
    const customerPath = readPath(tenant);
    const answer = await fetch(`${server.url}${customerPath}`, { headers: { Authorization: `Bearer ${token}` } });
    if (answer.status !== 200) throw new Error(`GET ${customerPath} answered ${answer.status}`);
    const nginx = await startNginx({ [customerPath]: Buffer.from(await answer.arrayBuffer()) });
    const ratios = [];
    const serverRps = [];
    const nginxRps = [];
    try {
      for (let r = 0; r < runs; r += 1) {
        const reference = wrk(`${nginx.url}${customerPath}`, { seconds, token });
        const measured = wrk(`${server.url}${customerPath}`, { seconds, token });
        if (measured.failed || reference.failed) throw new Error(`read answered errors: orgdesk ${measured.failed}, nginx ${reference.failed}`);
        nginxRps.push(reference.rps);
        serverRps.push(measured.rps);
        ratios.push(measured.rps / reference.rps);
      }
    } finally {
      await nginx.stop();
    }
    const pathsFile = writeListPaths(tenant);
    const p99 = [];
    for (let r = 0; r < runs; r += 1) {
      const run = wrkLists(server.url, { seconds, token, pathsFile });
      if (run.failed) throw new Error(`list and search answered ${run.failed} errors`);
      p99.push(run.p99Ms);
    }
    return {
      readRatio: median(ratios), serverRps: median(serverRps), nginxRps: median(nginxRps),
      p99Ms: median(p99), memory: rssMb(server.pid),
    };
  } finally {
    await server.stop();
  }
}

// How cost grows with the tenant: the read and the list load on the smallest and the largest
// tenant, served at once and loaded in turn, each round's ratio taken between runs seconds apart.
// The sizes' own figures are minutes apart, and a machine that slows in between would count as
// growth. {read, search}: the medians of the rounds' small/large read req/s and large/small p99.
async function measureGrowth(tools, small, large, config) {
  const sides = [];
  try {
    for (const tenant of [small, large]) {
      const server = await startOrgdesk(tools.server, tenant.db);
      sides.push({ server, tenant, token: await signIn(server.url, 'seller@demo.test') });
    }
    const [smallRuns, largeRuns] = alternateLoads(sides, config);
    return {
      read: median(smallRuns.read.map((run, r) => run.rps / largeRuns.read[r].rps)),
      search: median(largeRuns.list.map((run, r) => run.p99Ms / smallRuns.list[r].p99Ms)),
    };
  } finally {
    for (const { server } of sides) await server.stop();
  }
}

// Approvals over HTTP against the same service call in-process, on alternating slices of the
// tenant's New organizations: {ratio, httpPerSecond, inProcessPerSecond}.
async function measureApprove(tools, tenant, { runs, seconds }) {
  const slices = 2 * runs;
  const size = Math.floor(tenant.approvable.length / slices);
  const slice = (k) => {
    const file = path.join(tenant.dir, `approve-${k}.txt`);
    writeFileSync(file, tenant.approvable.slice(k * size, (k + 1) * size).join('\n') + '\n');
    return file;
  };
  const ratios = [];
  const http = [];
  const local = [];
  for (let r = 0; r < runs; r += 1) {
    const server = await startOrgdesk(tools.server, tenant.db);
    let overHttp;
    try {
      const token = await signIn(server.url, 'seller2@demo.test');
      overHttp = wrk(server.url, { seconds, token, script: path.join(here, 'approve.lua'), scriptArgs: [slice(2 * r)] });
    } finally {
      await server.stop();
    }
    const inProcess = JSON.parse(execFileSync(tools.data, ['approve', tenant.db, slice(2 * r + 1), String(seconds)], { encoding: 'utf8' }));
    if (overHttp.failed > 0.05 * overHttp.rps * seconds) {
      throw new Error(`the approve slice of ${size} ran out: ${overHttp.failed} answers were not 2xx; seed more approvable organizations`);
    }
    if (inProcess.approved >= size) throw new Error(`the in-process approve slice of ${size} ran out; seed more`);
    http.push(overHttp.okPerSecond);
    local.push(inProcess.perSecond);
    ratios.push(overHttp.okPerSecond / inProcess.perSecond);
  }
  return { ratio: median(ratios), httpPerSecond: median(http), inProcessPerSecond: median(local) };
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function serverBenchmarks(tools, config) {
  const figures = [];
  const sizes = config.sizes;
  let smallest;  // kept until the growth is measured against the largest
  let growth;
  try {
    for (const [index, orgs] of sizes.entries()) {
      const last = index === sizes.length - 1;
      const tenant = await makeTenant(tools, orgs, last ? config.approvable : 0);
      if (index === 0) smallest = tenant;
      try {
        const size = await measureSize(tools, tenant, config);
        const label = fmt(orgs);
        figures.push(figure(`server: read one customer, req/s vs nginx (${label} orgs)`, size.readRatio, {
          atLeast: 0.6, digits: 2,
          detail: `orgdesk ${fmt(size.serverRps)} req/s, nginx ${fmt(size.nginxRps)} req/s; seeded in ${fmt(tenant.seedSeconds, 1)} s`,
        }));
        const nameMatches = tenant.samples.map((s) => s.nameQueryMatches);
        figures.push(figure(`server: list+search page of 50, p99 ms (${label} orgs)`, size.p99Ms, {
          below: 20, digits: 1,
          detail: `name searches match ${fmt(Math.min(...nameMatches))}-${fmt(Math.max(...nameMatches))} orgs in their status`,
        }));
        if (last) {
          figures.push(figure(`server: RSS MB under load (${label} orgs)`, size.memory.peak, {
            below: 300, digits: 0, detail: `peak ${fmt(size.memory.peak)} MB, now ${fmt(size.memory.rss)} MB`,
          }));
          growth = { ...(await measureGrowth(tools, smallest, tenant, config)), label: `${label} vs ${fmt(sizes[0])} orgs` };
          const approve = await measureApprove(tools, tenant, config);
          figures.push(figure(`server: approve over HTTP vs in-process (${label} orgs)`, approve.ratio, {
            atLeast: 0.5, digits: 2,
            detail: `HTTP ${fmt(approve.httpPerSecond)}/s, in-process ${fmt(approve.inProcessPerSecond)}/s`,
          }));
        }
      } finally {
        if (tenant !== smallest) tenant.remove();
      }
    }
  } finally {
    smallest?.remove();
  }
  const alternating = { detail: `both sizes served at once, measured alternately, median of ${config.runs} rounds' ratios` };
  figures.push(figure(`server: read req/s growth, ${growth.label}`, growth.read, { atMost: 1.5, digits: 2, ...alternating }));
  figures.push(figure(`server: search p99 growth, ${growth.label}`, growth.search, { atMost: 1.5, digits: 2, ...alternating }));
  return figures;
}
