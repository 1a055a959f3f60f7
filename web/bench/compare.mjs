// Server builds side by side, by hand, while working on one: read one customer and list+search
// under the benchmark's wrk load (2 threads, 64 connections) on one tenant size. Each build
// seeds its own tenant with its own data tool (builds may differ in schema), and the runs
// alternate between builds so the machine's drift falls on all of them alike.
// Usage: node bench/compare.mjs --orgs 1000000 --runs 3 ../build/native ../build/before
//        (each argument a native build tree: src/server/orgdesk-server, tests/bench/orgdesk-bench-data)
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeTenant, startOrgdesk, signIn, alternateLoads } from './server.mjs';
import { median } from './report.mjs';

const { values: options, positionals: trees } = parseArgs({
  options: { orgs: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' },
             seconds: { type: 'string', default: '4' } },
  allowPositionals: true,
});
if (!trees.length) throw new Error('name one or more native build trees, e.g. ../build/native');
const seconds = Number(options.seconds);

const builds = [];
try {
  for (const tree of trees) {
    const tools = { server: path.join(tree, 'src/server/orgdesk-server'),
                    data: path.join(tree, 'tests/bench/orgdesk-bench-data') };
    const tenant = await makeTenant(tools, Number(options.orgs), 0);
    const server = await startOrgdesk(tools.server, tenant.db);
    const token = await signIn(server.url, 'seller@demo.test');
    builds.push({ tree, tenant, server, token });
  }
  const runs = alternateLoads(builds, { runs: Number(options.runs), seconds });
  const show = (values, digits) => values.map((v) => v.toFixed(digits)).join(', ');
  for (const [k, b] of builds.entries()) {
    const read = runs[k].read.map((run) => run.rps);
    const listRps = runs[k].list.map((run) => run.rps);
    const p99 = runs[k].list.map((run) => run.p99Ms);
    console.log(`${b.tree} (${options.orgs} orgs): read ${median(read).toFixed(0)} req/s [${show(read, 0)}]; ` +
                `list ${median(listRps).toFixed(0)} req/s [${show(listRps, 0)}], p99 ${median(p99).toFixed(1)} ms [${show(p99, 1)}]`);
  }
} finally {
  for (const b of builds) {
    await b.server.stop();
    b.tenant.remove();
  }
}
