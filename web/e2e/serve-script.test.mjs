// The README's serve command as a person types it, with flags of their own: `scripts/serve.sh
// --port <port>` once stopped at once ("--port: At Most 1 required but received 2"), because the
// script passed its own --port before the person's. Here the person's --port and --db win over
// the script's defaults, and the portal answers on that port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

// A port nothing listens on right now.
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

test('scripts/serve.sh --port <port> --db <file> serves the portal on that port from that file', async () => {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'orgdesk-serve-'));
  const database = path.join(dir, 'mine.db');
  const child = spawn(path.join(root, 'scripts/serve.sh'), ['--port', String(port), '--db', database],
                      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    // The script first checks the setup and the build, which are done by now: seconds, not minutes.
    const served = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve.sh did not serve:\n${output}`)), 300000);
      const read = (chunk) => {
        output += chunk;
        const match = output.match(/serving on (http:\/\/[^/\s]+\/) \(database: ([^)]+)\)/);
        // The sandboxes' line is the last of the start.
        if (match && output.includes('Demo sandboxes')) {
          clearTimeout(timer);
          resolve({ url: match[1], database: match[2] });
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => reject(new Error(`serve.sh exited (${code}):\n${output}`)));
    });
    assert.equal(new URL(served.url).port, String(port), output);
    assert.equal(served.database, database, output);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200);
    const page = await fetch(`http://127.0.0.1:${port}/`);  // the web app, from the default web root
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /text\/html/);
    assert.match(output, /seller@demo\.test/, 'the demo sign-ins are printed, as by default');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)));
    rmSync(dir, { recursive: true, force: true });
  }
});
