// Runs every benchmark and prints one table (figure, budget, pass/fail), also written as JSON.
// Usage: node bench/run.mjs --mode full|reduced --server BIN --data BIN --web-root DIR
//                           [--bare-root DIR] --out FILE [--only server|web]
// scripts/bench.sh builds the release trees and calls this; see the README.
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { serverBenchmarks } from './server.mjs';
import { webBenchmarks } from './web.mjs';
import { printTable, writeJson } from './report.mjs';

const { values: options } = parseArgs({
  options: {
    mode: { type: 'string', default: 'full' },
    server: { type: 'string' },
    data: { type: 'string' },
    'web-root': { type: 'string' },
    'bare-root': { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string' },  // one part, when working on it
  },
});

// Reduced: small sizes and short runs, so CI keeps the command working; full: the sizes.
const modes = {
  reduced: { sizes: [2000, 20000], approvable: 24000, runs: 3, seconds: 1, approvals: 3, listOrgs: 1000, keystrokes: 3 },
  full: { sizes: [10000, 100000, 1000000], approvable: 200000, runs: 3, seconds: 4, approvals: 7, listOrgs: 100000, keystrokes: 7 },
};
const config = modes[options.mode];
if (!config) throw new Error(`--mode is full or reduced, not ${options.mode}`);
for (const name of ['server', 'data', 'web-root', 'out']) {
  if (!options[name]) throw new Error(`--${name} is required`);
}

const started = Date.now();
const tools = {
  server: options.server, data: options.data, webRoot: options['web-root'], bareRoot: options['bare-root'],
};
// A part that fails is one failed row in the table (with its error), not the end of the run.
const figures = [];
const parts = [['server', serverBenchmarks], ['web', webBenchmarks]].filter(([name]) => !options.only || name === options.only);
if (!parts.length) throw new Error(`--only is server or web, not ${options.only}`);
for (const [name, part] of parts) {
  try {
    figures.push(...await part(tools, config));
  } catch (error) {
    console.error(error);
    figures.push({ name: `${name}: benchmarks did not complete`, value: NaN, budget: '-', pass: false, detail: String(error.message).split('\n')[0] });
  }
}
printTable(figures, { mode: options.mode });
writeJson(options.out, figures, {
  mode: options.mode,
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30) },
  seconds: Math.round((Date.now() - started) / 1000),
});
console.log(`written to ${options.out}`);
const failed = figures.filter((f) => !f.pass);
// Reduced mode enforces only that every benchmark ran; full mode enforces the budgets.
if (failed.some((f) => Number.isNaN(f.value)) || (failed.length && options.mode === 'full')) process.exitCode = 1;
