// The benchmark table: each figure, its budget, pass or fail; printed and written as JSON.
import { writeFileSync } from 'node:fs';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// A figure and its budget: one of atLeast, atMost, below.
export function figure(name, value, { atLeast, atMost, below, digits = 1, detail = '' }) {
  let budget;
  let pass;
  if (atLeast !== undefined) { budget = `>= ${atLeast}`; pass = value >= atLeast; }
  if (atMost !== undefined) { budget = `<= ${atMost}`; pass = value <= atMost; }
  if (below !== undefined) { budget = `< ${below}`; pass = value < below; }
  const result = { name, value: Number(value.toFixed(digits)), budget, pass, detail };
  console.log(`bench: ${name}: ${result.value} (${budget}: ${pass ? 'pass' : 'FAIL'}) ${detail}`);
  return result;
}

export function printTable(figures, { mode }) {
  const rows = figures.map((f) => [f.name, String(f.value), f.budget, f.pass ? 'pass' : 'FAIL', f.detail]);
  const header = ['figure', 'value', 'budget', 'result', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`benchmarks (${mode} mode)`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

export function writeJson(file, figures, meta) {
  writeFileSync(file, `${JSON.stringify({ ...meta, figures }, null, 2)}\n`);
}
