#!/usr/bin/env node
// A day of action at scale: three Penholder instances behind HAProxy (scripts/loadBalancer.ts), on
// one PostgreSQL database and Redis, a hundred and ninety-three delegations spread over a dozen
// drafts, every delegation typing in turn for a minute — and, half way, one instance killed with
// SIGKILL. The clients know only the balancer's address; the dead instance's clients reconnect
// through it by themselves (stock WebsocketProvider, its own back-off) and keep typing throughout.
// With --kills and --restart-after, a rolling series: each instance in turn is killed and started
// again on its port, as a careless deployment would do it.
//
// It prints, per phase, the propagation latency from an edit to each other client of its draft
// (before the first kill; after it between connected clients; to a receiver, and from a writer,
// cut off by a kill, which wait for its reconnection), how long the cut-off clients took to be
// synced again, how HAProxy spread the connections, and the checks: every edit reached every client
// of its draft, every draft's texts are identical, and a fresh client of each draft loads every
// edit from the log (nothing lost).
//   node --import tsx bench/session.bench.mjs [--drafts 12] [--clients 193] [--rate 40] [--seconds 60]
//     [--kill-at 30] [--kills 1] [--kill-every 60] [--restart-after 0]
// --kill-at 0: no kill; --restart-after 0: a killed instance stays dead. Env as bench/cluster.bench.mjs. Needs HAProxy (apt-get install haproxy).
import { performance } from 'node:perf_hooks';
import { backendStats, haproxyInstalled, startLoadBalancer } from '../scripts/loadBalancer.ts';
import { REDIS, channelPrefix, client, closeClient, markers, parseArgs, scratchDatabase, sleep, startServer, stats, stopServer, synced } from './clusterHarness.mjs';

const args = parseArgs(process.argv.slice(2));
const DRAFTS = Number(args.drafts ?? 12);
const CLIENTS = Number(args.clients ?? 193);
const RATE = Number(args.rate ?? 40);
const SECONDS = Number(args.seconds ?? 60);
const KILL_AT = Number(args['kill-at'] ?? 30);
const KILLS = KILL_AT > 0 ? Number(args.kills ?? 1) : 0;
const KILL_EVERY = Number(args['kill-every'] ?? 60);
const RESTART_AFTER = Number(args['restart-after'] ?? 0);
const PORTS = [1321, 1322, 1323];
const LB = 1330;
const LB_STATS = 1331;
process.setMaxListeners(0);

if (!haproxyInstalled()) {
  console.log('Session-scale run behind HAProxy: not measured (HAProxy is not installed: apt-get install haproxy).');
  process.exit(0);
}

const f = (x) => (Number.isNaN(x) ? '—' : x.toFixed(1));
const row = (name, s) => `| ${name} | ${s.n} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${f(s.max)} |`;

const db = await scratchDatabase();
const prefix = channelPrefix();
const servers = [];
let balancer = null;
const clients = [];
try {
  const env = { DATABASE_URL: db.url, REDIS_URL: REDIS, CHANNEL_PREFIX: prefix };
  for (const port of PORTS) servers.push(await startServer(port, env));
  balancer = await startLoadBalancer({ port: LB, backends: PORTS, statsPort: LB_STATS });
  const url = `ws://127.0.0.1:${LB}/collab`;
  const stamp = Date.now();
  const room = (d) => `session-${stamp}-draft-${d}`;

  // Delegation i works on draft i % DRAFTS. The first of each draft opens it alone (the bench
  // store creates a draft on first open, in two steps another instance must not see half of);
  // the others arrive twenty at a time, as a room fills.
  const connectStart = performance.now();
  for (let i = 0; i < CLIENTS; ) {
    const batch = [];
    for (const end = i < DRAFTS ? Math.min(CLIENTS, DRAFTS) : Math.min(CLIENTS, i + 20); i < end; i++) batch.push(client(url, room(i % DRAFTS), { draft: i % DRAFTS, cuts: [] }));
    clients.push(...batch);
    await Promise.all(batch.map(synced));
  }
  const connectMs = performance.now() - connectStart;
  const spread = (await backendStats(LB_STATS)).map((b) => `${b.name} ${b.sessions}`).join(', ');

  // Which edits each draft gets, and when each was typed.
  const sent = new Map();
  const perDraft = Array.from({ length: DRAFTS }, () => 0);
  const lat = { before: [], after: [], receiverCut: [], writerCut: [] };
  // When each kill happened; per client, the spans it was cut off (from the kill that cut it to
  // its next sync); how long each took to be synced again.
  const kills = [];
  const reconnects = [];
  const cutOffAt = (c, t) => c.cuts.some((k) => k.from <= t && (k.to === null || k.to > t));
  for (const c of clients) {
    c.provider.on('status', ({ status }) => {
      const kill = kills.at(-1);
      const open = c.cuts.at(-1);
      if (kill === undefined || status === 'connected' || (open && open.to === null)) return;
      // Its socket closes a moment after the kill: the span starts at the kill.
      const now = performance.now();
      c.cuts.push({ from: now - kill < 5_000 ? kill : now, to: null });
    });
    c.provider.on('sync', (isSynced) => {
      const open = c.cuts.at(-1);
      if (!isSynced || !open || open.to !== null) return;
      open.to = performance.now();
      reconnects.push(open.to - open.from);
    });
    c.doc.on('update', (_u, origin) => {
      if (origin !== c.provider) return;
      const t = performance.now();
      for (const i of markers(c.text.toString())) {
        if (c.seen.has(i)) continue;
        c.seen.add(i);
        const s = sent.get(i);
        if (!s) continue;
        // An edit whose writer or receiver was cut off waits for a reconnection: counted apart.
        const bucket = cutOffAt(clients[s.w], s.t) ? 'writerCut' : cutOffAt(c, s.t) ? 'receiverCut' : kills.length === 0 || s.t < kills[0] ? 'before' : 'after';
        lat[bucket].push(t - s.t);
      }
    });
  }

  // Everyone types in turn at RATE edits/s across the session. From KILL_AT s, every KILL_EVERY s,
  // the next instance dies (the second, the third, the first, …) and, with RESTART_AFTER, starts
  // again on its port that many seconds later, while the typing goes on.
  const total = RATE * SECONDS;
  const t0 = performance.now();
  const restarts = [];
  const events = [];
  const at = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / RATE - performance.now();
    if (due > 1) await sleep(due);
    if (kills.length < KILLS && performance.now() - t0 >= (KILL_AT + kills.length * KILL_EVERY) * 1000) {
      const k = (1 + kills.length) % servers.length;
      kills.push(performance.now());
      servers[k].proc.kill('SIGKILL');
      events.push(`i${k} killed at ${at()}`);
      if (RESTART_AFTER > 0) {
        restarts.push(
          sleep(RESTART_AFTER * 1000)
            .then(() => startServer(PORTS[k], env))
            .then((started) => {
              servers[k] = started;
              events.push(`i${k} up again at ${at()}`);
            }),
        );
      }
    }
    const w = i % CLIENTS;
    sent.set(i, { t: performance.now(), w });
    perDraft[clients[w].draft]++;
    clients[w].seen.add(i);
    clients[w].text.insert(clients[w].text.length, `[L${i}]`);
  }
  const typingMs = performance.now() - t0;
  await Promise.all(restarts);

  // Every client should see every edit of its draft; give stragglers 30 s.
  const complete = (c) => c.seen.size >= perDraft[c.draft];
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline && !clients.every(complete)) await sleep(50);
  const missing = clients.reduce((n, c) => n + Math.max(0, perDraft[c.draft] - c.seen.size), 0);
  const diverged = [];
  for (let d = 0; d < DRAFTS; d++) {
    const texts = new Set(clients.filter((c) => c.draft === d).map((c) => c.text.toString()));
    if (texts.size !== 1) diverged.push(d);
  }
  const cutSpans = clients.reduce((n, c) => n + c.cuts.length, 0);

  // The log is the authority: a newcomer to each draft must load every edit typed in it.
  let storedMissing = 0;
  for (let d = 0; d < DRAFTS; d++) {
    const fresh = client(url, room(d));
    await synced(fresh);
    storedMissing += perDraft[d] - new Set(markers(fresh.text.toString())).size;
    closeClient(fresh);
  }

  const all = Object.values(lat).flat();
  const faults =
    KILLS === 0
      ? ''
      : KILLS === 1 && RESTART_AFTER === 0
        ? `, one instance killed (SIGKILL) at ${KILL_AT} s`
        : `, ${KILLS} kills (SIGKILL) from ${KILL_AT} s every ${KILL_EVERY} s${RESTART_AFTER > 0 ? `, each instance up again ${RESTART_AFTER} s after its kill` : ''}`;
  console.log(`# A session behind HAProxy: ${CLIENTS} delegations on ${DRAFTS} drafts, 3 instances, ${RATE} edits/s for ${SECONDS} s${faults}\n`);
  console.log(
    `Connections through HAProxy: ${spread} (all ${CLIENTS} synced in ${(connectMs / 1000).toFixed(1)} s). ${total} edits typed in ${(typingMs / 1000).toFixed(1)} s.${events.length ? ` ${events.join('; ')}.` : ''}\n`,
  );
  console.log('| edits | latencies (edit × receiver) | p50 ms | p95 ms | p99 ms | max ms |');
  console.log('|---|---|---|---|---|---|');
  console.log(row(KILLS > 0 ? 'before the first kill' : 'all', stats(lat.before)));
  if (KILLS > 0) {
    console.log(row('after it, writer and receiver connected', stats(lat.after)));
    console.log(row('to a receiver cut off by a kill', stats(lat.receiverCut)));
    console.log(row('typed while the writer was cut off', stats(lat.writerCut)));
    console.log(row('all', stats(all)));
    const b = stats(reconnects);
    console.log(`\nClients cut off by the kills: ${cutSpans} times; synced again through the balancer: ${reconnects.length}, after p50 ${f(b.p50)} / max ${f(b.max)} ms.`);
  }
  console.log(`\nChecks: edits missing at some client ${missing}; drafts whose texts differ ${diverged.length}; edits missing from the stored log ${storedMissing}.`);
  if (missing > 0 || diverged.length > 0 || storedMissing > 0) process.exitCode = 1;
} finally {
  for (const c of clients) closeClient(c);
  await balancer?.stop();
  for (const s of servers) await stopServer(s);
  await db.drop();
}
