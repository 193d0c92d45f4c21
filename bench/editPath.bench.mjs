#!/usr/bin/env node
// Where one edit's time goes inside Penholder's server: two y-websocket clients, one edit every
// 50 ms (each edit alone on the path), the bench server started with TRACE_EDITS so that it
// records the steps of server/collab/trace.ts and the SQLite store's flushes. Prints, per step,
// the time since the step before it (p50 / p95 / p99, ms), then the end-to-end latency the
// harness measured (sender's edit to the other client's document), for the same edits.
//   node bench/editPath.bench.mjs [--edits 300] [--rate 20]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from './args.mjs';

const args = parseArgs(process.argv.slice(2));
const edits = Number(args.edits ?? 300);
const rate = Number(args.rate ?? 20);
const here = path.dirname(new URL(import.meta.url).pathname);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-editpath-'));
const trace = path.join(tmp, 'trace.json');
const out = path.join(tmp, 'latency.json');
const token = 'benchbenchbenchbench0123';

try {
  // The server as npm start runs it: bundled into one file (scripts/build-server.mjs).
  execFileSync('node', ['../scripts/build-server.mjs', 'bench/penholderServer.ts', 'bench/.build/penholderServer.mjs'], { cwd: here, stdio: 'inherit' });
  execFileSync(
    'node',
    [
      'yws-bench.mjs',
      'latency',
      ...['--spawn', 'node .build/penholderServer.mjs', '--env', 'HOST=127.0.0.1', '--env', 'PORT=1238', '--env', 'DATA_DIR={dir}'],
      ...['--env', `BENCH_TOKEN=${token}`, '--env', `TRACE_EDITS=${trace}`, '--url', 'ws://127.0.0.1:1238/collab', '--query', `token=${token}`],
      ...['--shape', 'prosemirror', '--clients', '2', '--edits', String(edits), '--warmup', '20', '--rate', String(rate), '--quiet', '--json', out],
    ],
    { cwd: here, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const profile = JSON.parse(fs.readFileSync(trace, 'utf8'));
  const latency = JSON.parse(fs.readFileSync(out, 'utf8')).results[0].median.perReceiver;
  const ms = (v) => (v === null || Number.isNaN(v) ? '–' : v.toFixed(3));
  console.log(`One edit's path through the server: ${profile.edits} edits one at a time (${profile.skipped} left out), ${rate} edits/s, 2 y-websocket clients`);
  console.log('');
  console.log('| step | p50 ms | p95 ms | p99 ms |');
  console.log('|---|---|---|---|');
  for (const r of profile.rows) console.log(`| ${r.name} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} |`);
  console.log(`| end to end, as the harness measured it (client to client) | ${ms(latency.p50)} | ${ms(latency.p95)} | ${ms(latency.p99)} |`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
