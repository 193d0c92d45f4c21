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
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createInterface } from 'node:readline'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { haproxyInstalled, startLoadBalancer } from '../scripts/loadBalancer.ts'

const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => a.startsWith('--') ? [a.slice(2), all[i + 1]] : null).filter(Boolean))
const clientsList = (args.clients ?? '2,20').split(',').map(Number)
const EDITS = Number(args.edits ?? 200); const WARM = Number(args.warmup ?? 20); const RATE = Number(args.rate ?? 20); const RUNS = Number(args.runs ?? 1)
const ADMIN = process.env.PENHOLDER_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const TOKEN = 'benchbenchbenchbench0123'
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
process.setMaxListeners(0)

const pct = (s, p) => s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p / 100 * s.length) - 1))] : NaN
const stats = (a) => { const s = Float64Array.from(a).sort(); return { n: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s[s.length - 1] } }
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2 }

async function admin (sql) {
  const c = new pg.Client({ connectionString: ADMIN }); await c.connect()
  try { await c.query(sql) } finally { await c.end() }
}

function startServer (port, env) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/clusterServer.ts'], { env: { ...process.env, PORT: String(port), BENCH_TOKEN: TOKEN, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('server did not start')), 30000)
    createInterface({ input: proc.stdout }).on('line', (l) => { if (l === 'listening') { clearTimeout(t); resolve({ proc, url: `ws://127.0.0.1:${port}/collab` }) } })
    proc.once('exit', (c) => reject(new Error('server exited ' + c)))
  })
}
const stop = (s) => new Promise((r) => { if (s.proc.exitCode !== null) return r(); s.proc.once('exit', r); s.proc.kill('SIGTERM') })

// The y-prosemirror shape of yws-bench.mjs --shape prosemirror: one shared seed, edits in an operative paragraph.
const SEED = (() => {
  const d = new Y.Doc(); d.clientID = 1
  const title = new Y.XmlElement('title'); title.insert(0, [new Y.XmlText('Benchmark')])
  const op = new Y.XmlElement('operative'); op.setAttribute('id', 'p1'); op.insert(0, [new Y.XmlText()])
  d.getXmlFragment('prosemirror').insert(0, [title, op])
  return Y.encodeStateAsUpdate(d)
})()

function client (url, room, instance) {
  const doc = new Y.Doc(); Y.applyUpdate(doc, SEED)
  const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: WebSocket, disableBc: true, params: { token: TOKEN } })
  return { doc, provider, instance, text: doc.getXmlFragment('prosemirror').get(1).get(0), seen: new Set() }
}
const synced = (c) => c.provider.synced ? Promise.resolve() : new Promise((r) => c.provider.on('sync', (s) => s && r()))

/** One run: N clients, client i on urls[i % urls.length]; latencies split by same or other instance. */
async function run (N, urls, tag) {
  const room = `cl-${tag}-${N}-${Date.now()}`
  const clients = []
  for (let i = 0; i < N; i++) { clients.push(client(urls[i % urls.length], room, i % urls.length)); if (i === 0) await synced(clients[0]) }
  await Promise.all(clients.map(synced))
  await sleep(500)
  const sent = new Map(); const same = []; const cross = []
  for (const c of clients) {
    c.doc.on('update', (_u, origin) => {
      if (origin !== c.provider) return
      const t = performance.now()
      for (const m of c.text.toString().matchAll(/\[L(\d+)\]/g)) {
        const i = Number(m[1]); if (c.seen.has(i)) continue
        c.seen.add(i); const s = sent.get(i); if (!s || !s.measured) continue
        ;(s.instance === c.instance ? same : cross).push(t - s.t)
      }
    })
  }
  const t0 = performance.now()
  for (let i = 0; i < WARM + EDITS; i++) {
    const d = t0 + i * 1000 / RATE - performance.now(); if (d > 1) await sleep(d)
    const w = clients[i % N]
    sent.set(i, { t: performance.now(), instance: w.instance, measured: i >= WARM })
    w.seen.add(i); w.text.insert(w.text.length, `[L${i}]`)
  }
  const end = performance.now() + 10000
  while (performance.now() < end && clients.some((c) => c.seen.size < WARM + EDITS)) await sleep(20)
  const lost = clients.reduce((n, c) => n + (WARM + EDITS - c.seen.size), 0)
  const ref = c0text(clients); const converged = clients.every((c) => c.text.toString() === ref)
  // Destroying the doc also stops its awareness timer, which would keep this process alive.
  for (const c of clients) { c.provider.destroy(); c.doc.destroy() }
  return { same: stats(same), cross: stats(cross), lost, converged }
}
const c0text = (cs) => cs[0].text.toString()

const db = `penholder_bench_${randomBytes(4).toString('hex')}`
await admin(`CREATE DATABASE "${db}"`)
const url = new URL(ADMIN); url.pathname = '/' + db
const prefix = `penholder-bench-${randomBytes(4).toString('hex')}:`
const servers = []
let balancer = null
try {
  const single = await startServer(1301, { DATABASE_URL: url.toString() }); servers.push(single)
  const a = await startServer(1302, { DATABASE_URL: url.toString(), REDIS_URL: REDIS, CHANNEL_PREFIX: prefix }); servers.push(a)
  const b = await startServer(1303, { DATABASE_URL: url.toString(), REDIS_URL: REDIS, CHANNEL_PREFIX: prefix }); servers.push(b)
  if (haproxyInstalled()) {
    const c3 = await startServer(1304, { DATABASE_URL: url.toString(), REDIS_URL: REDIS, CHANNEL_PREFIX: prefix }); servers.push(c3)
    balancer = await startLoadBalancer({ port: 1310, backends: [1302, 1303, 1304] })
  }
  const viaLb = balancer ? 'ws://127.0.0.1:1310/collab' : null
  const rows = []
  for (const N of clientsList) {
    const s = []; const c = []; const l = []
    for (let r = 0; r < RUNS; r++) {
      s.push(await run(N, [single.url], `s${r}`))
      c.push(await run(N, [a.url, b.url], `c${r}`))
      // Through the balancer nobody knows which instance a client reached: every latency is in `same`.
      if (viaLb) l.push(await run(N, [viaLb], `l${r}`))
    }
    const m = (xs, k, f) => median(xs.map((x) => x[k][f]))
    const row = {
      N, singleP50: m(s, 'same', 'p50'), singleP99: m(s, 'same', 'p99'),
      crossP50: m(c, 'cross', 'p50'), crossP99: m(c, 'cross', 'p99'), sameInClusterP99: N > 2 ? m(c, 'same', 'p99') : NaN,
      lbP50: viaLb ? m(l, 'same', 'p50') : NaN, lbP99: viaLb ? m(l, 'same', 'p99') : NaN,
      lost: [...s, ...c, ...l].reduce((n, x) => n + x.lost, 0), converged: [...s, ...c, ...l].every((x) => x.converged)
    }
    row.ratioP99 = row.crossP99 / row.singleP99
    rows.push(row)
    console.error(`N=${N}: single p50 ${row.singleP50.toFixed(2)} p99 ${row.singleP99.toFixed(2)} ms | cross-instance p50 ${row.crossP50.toFixed(2)} p99 ${row.crossP99.toFixed(2)} ms | ratio ${row.ratioP99.toFixed(2)} | 3 behind HAProxy p50 ${row.lbP50.toFixed(2)} p99 ${row.lbP99.toFixed(2)} ms | lost ${row.lost} converged ${row.converged}`)
  }
  console.log(`# Cross-instance propagation (${RATE} edits/s, ${EDITS} measured edits, runs=${RUNS}, PostgreSQL + Redis on 127.0.0.1)\n`)
  console.log('| clients | single p50 | single p99 | cross p50 | cross p99 | cross/single p99 | same-instance p99 (cluster) | 3 behind HAProxy p50 / p99 | lost | converged |')
  console.log('|---|---|---|---|---|---|---|---|---|---|')
  const f = (x) => Number.isNaN(x) ? '—' : x.toFixed(2)
  for (const r of rows) console.log(`| ${r.N} | ${f(r.singleP50)} | ${f(r.singleP99)} | ${f(r.crossP50)} | ${f(r.crossP99)} | ${f(r.ratioP99)}${r.ratioP99 <= 1.5 ? ' ✓' : ' ✗'} | ${f(r.sameInClusterP99)} | ${f(r.lbP50)} / ${f(r.lbP99)} | ${r.lost} | ${r.converged} |`)
  if (!viaLb) console.log('\nThree instances behind HAProxy: not measured (HAProxy is not installed: apt-get install haproxy).')
} finally {
  await balancer?.stop()
  for (const s of servers) await stop(s)
  await admin(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`)
}
