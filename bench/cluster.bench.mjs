#!/usr/bin/env node
// Cross-instance propagation latency: the same drafts served by two Penholder instances on one
// PostgreSQL database and Redis, clients split evenly between them, against one instance on the
// same database (no Redis). Stock WebsocketProvider clients, edits in the y-prosemirror shape,
// the same pacing as yws-bench.mjs latency (--rate edits/s, --warmup, --edits), per-receiver
// latency from the writer's edit to each other client seeing it. Target: cross-instance p99 ≤
// 1.5 × single-instance p99. When HAProxy is installed, also three instances behind it (the
// configuration of scripts/loadBalancer.ts, as `npm run start:cluster` runs it): the clients know
// only the balancer's address, and round robin spreads them over the three.
//   node --import tsx bench/cluster.bench.mjs [--clients 2,20] [--edits 200] [--warmup 20] [--rate 20] [--runs 3]
// Env: PENHOLDER_BENCH_POSTGRES_URL (maintenance db, default postgres://postgres@127.0.0.1:5432/postgres),
//      REDIS_URL (default redis://127.0.0.1:6379). A database of its own is created and dropped.
import { performance } from 'node:perf_hooks';
import { haproxyInstalled, startLoadBalancer } from '../scripts/loadBalancer.ts';
import {
  REDIS,
  channelPrefix,
  client as makeClient,
  closeClient,
  markers,
  median,
  parseArgs,
  scratchDatabase,
  sleep,
  startServer,
  stats,
  stopServer as stop,
  synced,
} from './clusterHarness.mjs';

const args = parseArgs(process.argv.slice(2));
const clientsList = (args.clients ?? '2,20').split(',').map(Number);
const EDITS = Number(args.edits ?? 200);
const WARM = Number(args.warmup ?? 20);
const RATE = Number(args.rate ?? 20);
const RUNS = Number(args.runs ?? 1);
process.setMaxListeners(0);

const client = (url, room, instance) => makeClient(url, room, { instance });

/** One run: N clients, client i on urls[i % urls.length]; latencies split by same or other instance. */
async function run(N, urls, tag) {
  const room = `cl-${tag}-${N}-${Date.now()}`;
  const clients = [];
  for (let i = 0; i < N; i++) {
    clients.push(client(urls[i % urls.length], room, i % urls.length));
    if (i === 0) await synced(clients[0]);
  }
  await Promise.all(clients.map(synced));
  await sleep(500);
  const sent = new Map();
  const same = [];
  const cross = [];
  for (const c of clients) {
    c.doc.on('update', (_u, origin) => {
      if (origin !== c.provider) return;
      const t = performance.now();
      for (const i of markers(c.text.toString())) {
        if (c.seen.has(i)) continue;
        c.seen.add(i);
        const s = sent.get(i);
        if (!s?.measured) continue;
        (s.instance === c.instance ? same : cross).push(t - s.t);
      }
    });
  }
  const t0 = performance.now();
  for (let i = 0; i < WARM + EDITS; i++) {
    const d = t0 + (i * 1000) / RATE - performance.now();
    if (d > 1) await sleep(d);
    const w = clients[i % N];
    sent.set(i, { t: performance.now(), instance: w.instance, measured: i >= WARM });
    w.seen.add(i);
    w.text.insert(w.text.length, `[L${i}]`);
  }
  const end = performance.now() + 10000;
  while (performance.now() < end && clients.some((c) => c.seen.size < WARM + EDITS)) await sleep(20);
  const lost = clients.reduce((n, c) => n + (WARM + EDITS - c.seen.size), 0);
  const ref = c0text(clients);
  const converged = clients.every((c) => c.text.toString() === ref);
  for (const c of clients) closeClient(c);
  return { same: stats(same), cross: stats(cross), lost, converged };
}
const c0text = (cs) => cs[0].text.toString();

const db = await scratchDatabase();
const url = db.url;
const prefix = channelPrefix();
const servers = [];
let balancer = null;
try {
  const single = await startServer(1301, { DATABASE_URL: url });
  servers.push(single);
  const a = await startServer(1302, { DATABASE_URL: url, REDIS_URL: REDIS, CHANNEL_PREFIX: prefix });
  servers.push(a);
  const b = await startServer(1303, { DATABASE_URL: url, REDIS_URL: REDIS, CHANNEL_PREFIX: prefix });
  servers.push(b);
  if (haproxyInstalled()) {
    const c3 = await startServer(1304, { DATABASE_URL: url, REDIS_URL: REDIS, CHANNEL_PREFIX: prefix });
    servers.push(c3);
    balancer = await startLoadBalancer({ port: 1310, backends: [1302, 1303, 1304] });
  }
  const viaLb = balancer ? 'ws://127.0.0.1:1310/collab' : null;
  const rows = [];
  for (const N of clientsList) {
    const s = [];
    const c = [];
    const l = [];
    for (let r = 0; r < RUNS; r++) {
      s.push(await run(N, [single.url], `s${r}`));
      c.push(await run(N, [a.url, b.url], `c${r}`));
      // Through the balancer nobody knows which instance a client reached: every latency is in `same`.
      if (viaLb) l.push(await run(N, [viaLb], `l${r}`));
    }
    const m = (xs, k, f) => median(xs.map((x) => x[k][f]));
    const row = {
      N,
      singleP50: m(s, 'same', 'p50'),
      singleP99: m(s, 'same', 'p99'),
      crossP50: m(c, 'cross', 'p50'),
      crossP99: m(c, 'cross', 'p99'),
      sameInClusterP99: N > 2 ? m(c, 'same', 'p99') : NaN,
      lbP50: viaLb ? m(l, 'same', 'p50') : NaN,
      lbP99: viaLb ? m(l, 'same', 'p99') : NaN,
      lost: [...s, ...c, ...l].reduce((n, x) => n + x.lost, 0),
      converged: [...s, ...c, ...l].every((x) => x.converged),
    };
    row.ratioP99 = row.crossP99 / row.singleP99;
    rows.push(row);
    console.error(
      `N=${N}: single p50 ${row.singleP50.toFixed(2)} p99 ${row.singleP99.toFixed(2)} ms | cross-instance p50 ${row.crossP50.toFixed(2)} p99 ${row.crossP99.toFixed(2)} ms | ratio ${row.ratioP99.toFixed(2)} | 3 behind HAProxy p50 ${row.lbP50.toFixed(2)} p99 ${row.lbP99.toFixed(2)} ms | lost ${row.lost} converged ${row.converged}`,
    );
  }
  console.log(`# Cross-instance propagation (${RATE} edits/s, ${EDITS} measured edits, runs=${RUNS}, PostgreSQL + Redis on 127.0.0.1)\n`);
  console.log('| clients | single p50 | single p99 | cross p50 | cross p99 | cross/single p99 | same-instance p99 (cluster) | 3 behind HAProxy p50 / p99 | lost | converged |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const f = (x) => (Number.isNaN(x) ? '—' : x.toFixed(2));
  for (const r of rows)
    console.log(
      `| ${r.N} | ${f(r.singleP50)} | ${f(r.singleP99)} | ${f(r.crossP50)} | ${f(r.crossP99)} | ${f(r.ratioP99)}${r.ratioP99 <= 1.5 ? ' ✓' : ' ✗'} | ${f(r.sameInClusterP99)} | ${f(r.lbP50)} / ${f(r.lbP99)} | ${r.lost} | ${r.converged} |`,
    );
  if (!viaLb) console.log('\nThree instances behind HAProxy: not measured (HAProxy is not installed: apt-get install haproxy).');
} finally {
  await balancer?.stop();
  for (const s of servers) await stop(s);
  await db.drop();
}
