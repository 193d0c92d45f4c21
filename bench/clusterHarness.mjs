// What the multi-instance benchmarks share (bench/cluster.bench.mjs, bench/session.bench.mjs):
// a PostgreSQL database of their own, Penholder instances as child processes (bench/clusterServer.ts),
// stock y-websocket clients on the y-prosemirror shape of yws-bench.mjs --shape prosemirror, and
// percentiles. Everything runs on 127.0.0.1.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

export const ADMIN = process.env.PENHOLDER_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TOKEN = 'benchbenchbenchbench0123';
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export { parseArgs } from './args.mjs';

const pct = (s, p) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN);
/** n, p50, p95, p99 and max of a list of milliseconds. */
export const stats = (a) => {
  const s = Float64Array.from(a).sort();
  return { n: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s.length ? s[s.length - 1] : NaN };
};
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function admin(sql) {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A fresh database on the local PostgreSQL; `drop()` removes it. */
export async function scratchDatabase() {
  const name = `penholder_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A Redis channel prefix of this run's own, so that runs never hear each other. */
export const channelPrefix = () => `penholder-bench-${randomBytes(4).toString('hex')}:`;

/** Start one instance on `port`; resolves once it listens. */
export function startServer(port, env) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/clusterServer.ts'], {
    env: { ...process.env, PORT: String(port), BENCH_TOKEN: TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('server did not start')), 30000);
    createInterface({ input: proc.stdout }).on('line', (l) => {
      if (l === 'listening') {
        clearTimeout(t);
        resolve({ proc, port, url: `ws://127.0.0.1:${port}/collab` });
      }
    });
    proc.once('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
}
/** Stop an instance (SIGTERM, so it closes as `npm start` does). */
export const stopServer = (s) =>
  new Promise((r) => {
    if (s.proc.exitCode !== null || s.proc.signalCode !== null) return r();
    s.proc.once('exit', r);
    s.proc.kill('SIGTERM');
  });

// One shared seed, edits in an operative paragraph.
const SEED = (() => {
  const d = new Y.Doc();
  d.clientID = 1;
  const title = new Y.XmlElement('title');
  title.insert(0, [new Y.XmlText('Benchmark')]);
  const op = new Y.XmlElement('operative');
  op.setAttribute('id', 'p1');
  op.insert(0, [new Y.XmlText()]);
  d.getXmlFragment('prosemirror').insert(0, [title, op]);
  return Y.encodeStateAsUpdate(d);
})();

/** A stock WebsocketProvider client of `room` at `url`; `text` is the operative paragraph edits go to. */
export function client(url, room, extra = {}) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, SEED);
  const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: WebSocket, disableBc: true, params: { token: TOKEN } });
  return { doc, provider, text: doc.getXmlFragment('prosemirror').get(1).get(0), seen: new Set(), ...extra };
}
export const synced = (c) => (c.provider.synced ? Promise.resolve() : new Promise((r) => c.provider.on('sync', (s) => s && r())));
/** Close a client; destroying the doc also stops its awareness timer, which would keep the process alive. */
export const closeClient = (c) => {
  c.provider.destroy();
  c.doc.destroy();
};
/** The edit markers `[L<i>]` in a text. */
export const markers = (text) => [...text.matchAll(/\[L(\d+)\]/g)].map((m) => Number(m[1]));
