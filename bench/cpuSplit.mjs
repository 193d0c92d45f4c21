#!/usr/bin/env node
// Where the relay's CPU goes, Penholder beside the reference server: the relay load of
// bench/run-floor.sh (20 raw clients typing 10 chars/s each, 200 edits/s into one draft) on each
// server in turn, while `perf record` samples the server's every thread (kernel time included:
// an fsync's work in the kernel is CPU the server pays, on a thread-pool thread). Each sample is
// put under one heading by its stack, and each heading is printed as µs of CPU per edit.
//   node bench/cpuSplit.mjs [--seconds 14] [--rounds 2]
// Needs `perf` (Debian's linux-perf) and a kernel that lets it sample; says so and stops without.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from './args.mjs';

const args = parseArgs(process.argv.slice(2));
const seconds = Number(args.seconds ?? 14);
const rounds = Number(args.rounds ?? 2);
const HZ = 1999;
const here = path.dirname(new URL(import.meta.url).pathname);
const token = 'benchbenchbenchbench0123';

try {
  execFileSync('perf', ['stat', '-e', 'cpu-clock', 'true'], { stdio: 'ignore' });
} catch {
  console.log('cpuSplit: `perf` is not available here (apt-get install -y linux-perf); nothing measured.');
  process.exit(0);
}

/**
 * The headings. A sample goes under the first of the first four that any of its frames matches
 * (work the durable commit or the proof causes is theirs, whatever code does it: the proof's
 * Yjs apply is the proof's); otherwise under the one its innermost recognised frame matches.
 */
const ANYWHERE = [
  ['garbage collection', /Heap::|Scavenge|MarkCompact|ConcurrentMarking|Sweeper|GCTracer|MinorGC/],
  ['JIT compiler threads', /compiler::|OptimizingCompileDispatcher|Compiler::|Maglev/],
  ['durable commit: SQLite, the store, the log flush', /better_sqlite3|server\/storage\/|collab\/persistence\.ts|uv_fs_fsync|fdatasync|fsync|uv__fs_work/],
  ['proof and inspection', /collab\/(textProof|inspect|agreedGuard)\.ts/],
];
const INNERMOST = [
  ['send: framing and socket writes', /writev|__libc_write|__GI___write|uv__write|lib\/sender\.js|collab\/broadcast\.ts|Socket\._write|writeGeneric/],
  ['Yjs (apply, encode, merge)', /yjs\.mjs|lib0\//],
  ['receive: socket reads, WebSocket parsing', /uv__read|__libc_read|__GI___read|lib\/receiver\.js|onStreamRead/],
  ['collaboration code (rooms, connections, presence)', /server\/collab\/|y-protocols|@y\/websocket-server/],
];
const HEADINGS = [...ANYWHERE, ...INNERMOST];
const OTHER = 'event loop and runtime (epoll, promises, timers, idle threads)';

function headingOf(frames) {
  for (const [heading, re] of ANYWHERE) if (frames.some((f) => re.test(f))) return heading;
  for (const f of frames) for (const [heading, re] of INNERMOST) if (re.test(f)) return heading;
  return OTHER;
}

/** The durable commit's share, split: by thread, and SQLite's own code from the store's JavaScript. */
const DURABLE = ANYWHERE[2][0];
const FLUSH = '  of which: the flush, on the thread pool (kernel)';
const SQLITE = '  of which: SQLite, its code and its system calls';
const STORE_JS = "  of which: the store's and the group commit's JavaScript";

function classify(script, mainTid) {
  const totals = new Map([...HEADINGS.map(([h]) => [h, 0]), [OTHER, 0], [FLUSH, 0], [SQLITE, 0], [STORE_JS, 0]]);
  let samples = 0;
  for (const block of script.split(/\n(?=\s*\d+ *\n)/)) {
    const lines = block.split('\n').filter(Boolean);
    const frames = lines.slice(1);
    if (frames.length === 0) continue;
    samples++;
    const heading = headingOf(frames);
    totals.set(heading, totals.get(heading) + 1);
    if (heading !== DURABLE) continue;
    const part = lines[0].trim() !== String(mainTid) ? FLUSH : frames.some((f) => /better_sqlite3/.test(f)) ? SQLITE : STORE_JS;
    totals.set(part, totals.get(part) + 1);
  }
  return { samples, totals };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function measure(side) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-cpusplit-'));
  const port = side === 'penholder' ? 1235 : 1234;
  const server =
    side === 'penholder'
      ? // The sources through tsx, not the bundle npm start runs: the headings know code by its module's path.
        spawn('node', ['--perf-basic-prof', '--import', 'tsx', 'penholderServer.ts'], {
          cwd: here,
          env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dir, BENCH_TOKEN: token },
          stdio: 'ignore',
        })
      : spawn('node', ['--perf-basic-prof', '../node_modules/@y/websocket-server/src/server.js'], {
          cwd: here,
          env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
          stdio: 'ignore',
        });
  try {
    await sleep(4000);
    const url = side === 'penholder' ? ['--url', `ws://127.0.0.1:${port}/collab`, '--query', `token=${token}`] : ['--url', `ws://127.0.0.1:${port}`];
    const json = path.join(dir, 'relay.json');
    // The load runs longer than the sampling, which starts once every client is in and typing.
    const load = spawn(
      'node',
      [
        'yws-bench.mjs',
        'throughput',
        ...url,
        '--shape',
        'prosemirror',
        '--observers',
        'raw',
        '--clients',
        '20',
        '--rate',
        '10',
        '--duration',
        String(seconds + 6),
        '--quiet',
        '--json',
        json,
      ],
      { cwd: here, stdio: 'ignore' },
    );
    const loaded = new Promise((resolve) => load.on('exit', resolve));
    await sleep(6000);
    const data = path.join(dir, 'perf.data');
    execFileSync('perf', ['record', '-e', 'cpu-clock', '-F', String(HZ), '-g', '-p', String(server.pid), '-o', data, '--', 'sleep', String(seconds)], { stdio: 'ignore' });
    await loaded;
    const script = execFileSync('perf', ['script', '-i', data, '-F', 'tid,ip,sym,dso'], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    const editsPerSec = JSON.parse(fs.readFileSync(json, 'utf8')).median.updatesSentPerSec;
    return { ...classify(script, server.pid), edits: editsPerSec * seconds };
  } finally {
    server.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const sum = { penholder: [], reference: [] };
for (let r = 1; r <= rounds; r++) {
  for (const side of ['penholder', 'reference']) {
    const m = await measure(side);
    sum[side].push(m);
    console.error(`round ${r} ${side}: ${((m.samples / HZ / seconds) * 100).toFixed(1)} % of a core, ${Math.round(m.edits)} edits sampled`);
  }
}
/** µs of CPU per edit under a heading, over every round of a side. */
const perEdit = (side, heading) => {
  const us = (sum[side].reduce((n, m) => n + (heading ? m.totals.get(heading) : m.samples), 0) / HZ) * 1e6;
  return us / sum[side].reduce((n, m) => n + m.edits, 0);
};
console.log(`CPU per edit, relay of 20 clients × 10 chars/s, ${rounds} round(s) of ${seconds} s each side (perf, all threads, kernel included)\n`);
console.log('| where | Penholder µs/edit | reference µs/edit |');
console.log('| --- | --- | --- |');
for (const heading of [...HEADINGS.slice(0, 3).map(([h]) => h), FLUSH, SQLITE, STORE_JS, ...HEADINGS.slice(3).map(([h]) => h), OTHER])
  console.log(`| ${heading} | ${perEdit('penholder', heading).toFixed(0)} | ${perEdit('reference', heading).toFixed(0)} |`);
console.log(`| **all** | **${perEdit('penholder').toFixed(0)}** | **${perEdit('reference').toFixed(0)}** |`);
