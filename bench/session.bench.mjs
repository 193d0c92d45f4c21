#!/usr/bin/env node
// A day of action at scale: three Penholder instances behind HAProxy (scripts/loadBalancer.ts), on
// one PostgreSQL database and Redis, a hundred and ninety-three delegations spread over a dozen
// drafts, every delegation typing in turn for a minute — and, half way, one instance killed with
// SIGKILL. The clients know only the balancer's address; the dead instance's clients reconnect
// through it by themselves (stock WebsocketProvider, its own back-off) and keep typing throughout.
//
// It prints, per phase, the propagation latency from an edit to each other client of its draft
// (before the kill; after it between connected clients; to a receiver, and from a writer, cut off
// by the kill, which wait for its reconnection), how long the dead instance's clients took to be
// synced again, how HAProxy spread the connections, and the checks: every edit reached every client
// of its draft, every draft's texts are identical, and a fresh client of each draft loads every
// edit from the log (nothing lost).
//   node --import tsx bench/session.bench.mjs [--drafts 12] [--clients 193] [--rate 40] [--seconds 60] [--kill-at 30]
// --kill-at 0: no kill. Env as bench/cluster.bench.mjs. Needs HAProxy (apt-get install haproxy).
import { performance } from 'node:perf_hooks'
import { backendStats, haproxyInstalled, startLoadBalancer } from '../scripts/loadBalancer.ts'
import { REDIS, channelPrefix, client, closeClient, markers, parseArgs, scratchDatabase, sleep, startServer, stats, stopServer, synced } from './clusterHarness.mjs'

const args = parseArgs(process.argv.slice(2))
const DRAFTS = Number(args.drafts ?? 12); const CLIENTS = Number(args.clients ?? 193)
const RATE = Number(args.rate ?? 40); const SECONDS = Number(args.seconds ?? 60); const KILL_AT = Number(args['kill-at'] ?? 30)
const PORTS = [1321, 1322, 1323]; const LB = 1330; const LB_STATS = 1331
process.setMaxListeners(0)

if (!haproxyInstalled()) {
  console.log('Session-scale run behind HAProxy: not measured (HAProxy is not installed: apt-get install haproxy).')
  process.exit(0)
}

const f = (x) => Number.isNaN(x) ? '—' : x.toFixed(1)
const row = (name, s) => `| ${name} | ${s.n} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${f(s.max)} |`

const db = await scratchDatabase()
const prefix = channelPrefix()
const servers = []
let balancer = null
const clients = []
try {
  for (const port of PORTS) servers.push(await startServer(port, { DATABASE_URL: db.url, REDIS_URL: REDIS, CHANNEL_PREFIX: prefix }))
  balancer = await startLoadBalancer({ port: LB, backends: PORTS, statsPort: LB_STATS })
  const url = `ws://127.0.0.1:${LB}/collab`
  const stamp = Date.now()
  const room = (d) => `session-${stamp}-draft-${d}`

  // Delegation i works on draft i % DRAFTS. The first of each draft opens it alone (the bench
  // store creates a draft on first open, in two steps another instance must not see half of);
  // the others arrive twenty at a time, as a room fills.
  const connectStart = performance.now()
  for (let i = 0; i < CLIENTS;) {
    const batch = []
    for (const end = i < DRAFTS ? Math.min(CLIENTS, DRAFTS) : Math.min(CLIENTS, i + 20); i < end; i++) batch.push(client(url, room(i % DRAFTS), { draft: i % DRAFTS, cutAt: null, backAt: null }))
    clients.push(...batch)
    await Promise.all(batch.map(synced))
  }
  const connectMs = performance.now() - connectStart
  const spread = (await backendStats(LB_STATS)).map((b) => `${b.name} ${b.sessions}`).join(', ')

  // Which edits each draft gets, and when each was typed.
  const sent = new Map()
  const perDraft = Array.from({ length: DRAFTS }, () => 0)
  const lat = { before: [], after: [], receiverCut: [], offline: [] }
  let killedAt = null
  for (const c of clients) {
    c.provider.on('status', ({ status }) => {
      if (killedAt === null) return
      if (status !== 'connected' && c.cutAt === null) c.cutAt = performance.now()
    })
    c.provider.on('sync', (s) => { if (s && c.cutAt !== null && c.backAt === null) c.backAt = performance.now() })
    c.doc.on('update', (_u, origin) => {
      if (origin !== c.provider) return
      const t = performance.now()
      for (const i of markers(c.text.toString())) {
        if (c.seen.has(i)) continue
        c.seen.add(i)
        const s = sent.get(i)
        if (!s) continue
        // An edit that reaches a client of the dead instance only when it is back is counted apart.
        const cutOff = s.phase === 'after' && c.cutAt !== null && (c.backAt ?? Infinity) > s.t
        lat[cutOff ? 'receiverCut' : s.phase].push(t - s.t)
      }
    })
  }

  // Everyone types in turn at RATE edits/s across the session; at KILL_AT s one instance dies.
  const total = RATE * SECONDS
  const t0 = performance.now()
  for (let i = 0; i < total; i++) {
    const due = t0 + i * 1000 / RATE - performance.now(); if (due > 1) await sleep(due)
    if (KILL_AT > 0 && killedAt === null && performance.now() - t0 >= KILL_AT * 1000) {
      killedAt = performance.now()
      servers[1].proc.kill('SIGKILL')
    }
    const w = clients[i % CLIENTS]
    const phase = killedAt === null ? 'before' : (w.provider.wsconnected && w.provider.synced ? 'after' : 'offline')
    sent.set(i, { t: performance.now(), phase })
    perDraft[w.draft]++
    w.seen.add(i); w.text.insert(w.text.length, `[L${i}]`)
  }
  const typingMs = performance.now() - t0

  // Every client should see every edit of its draft; give stragglers 30 s.
  const complete = (c) => c.seen.size >= perDraft[c.draft]
  const deadline = performance.now() + 30_000
  while (performance.now() < deadline && !clients.every(complete)) await sleep(50)
  const missing = clients.reduce((n, c) => n + Math.max(0, perDraft[c.draft] - c.seen.size), 0)
  const diverged = []
  for (let d = 0; d < DRAFTS; d++) {
    const texts = new Set(clients.filter((c) => c.draft === d).map((c) => c.text.toString()))
    if (texts.size !== 1) diverged.push(d)
  }
  const cut = clients.filter((c) => c.cutAt !== null)
  const back = cut.filter((c) => c.backAt !== null).map((c) => c.backAt - killedAt)

  // The log is the authority: a newcomer to each draft must load every edit typed in it.
  let storedMissing = 0
  for (let d = 0; d < DRAFTS; d++) {
    const fresh = client(url, room(d))
    await synced(fresh)
    storedMissing += perDraft[d] - new Set(markers(fresh.text.toString())).size
    closeClient(fresh)
  }

  const all = Object.values(lat).flat()
  console.log(`# A session behind HAProxy: ${CLIENTS} delegations on ${DRAFTS} drafts, 3 instances, ${RATE} edits/s for ${SECONDS} s${KILL_AT > 0 ? `, one instance killed (SIGKILL) at ${KILL_AT} s` : ''}\n`)
  console.log(`Connections through HAProxy: ${spread} (all ${CLIENTS} synced in ${(connectMs / 1000).toFixed(1)} s). ${total} edits typed in ${(typingMs / 1000).toFixed(1)} s.\n`)
  console.log('| edits | latencies (edit × receiver) | p50 ms | p95 ms | p99 ms | max ms |')
  console.log('|---|---|---|---|---|---|')
  console.log(row(KILL_AT > 0 ? 'before the kill' : 'all', stats(lat.before)))
  if (KILL_AT > 0) {
    console.log(row('after it, writer and receiver connected', stats(lat.after)))
    console.log(row('after it, receiver cut off by the kill', stats(lat.receiverCut)))
    console.log(row('typed while the writer was cut off', stats(lat.offline)))
    console.log(row('all', stats(all)))
    const b = stats(back)
    console.log(`\nCut off by the kill: ${cut.length} clients; synced again through the balancer: ${back.length}, after p50 ${f(b.p50)} / max ${f(b.max)} ms.`)
  }
  console.log(`\nChecks: edits missing at some client ${missing}; drafts whose texts differ ${diverged.length}; edits missing from the stored log ${storedMissing}.`)
  if (missing > 0 || diverged.length > 0 || storedMissing > 0) process.exitCode = 1
} finally {
  for (const c of clients) closeClient(c)
  await balancer?.stop()
  for (const s of servers) await stopServer(s)
  await db.drop()
}
