#!/usr/bin/env node
// yws-bench.mjs (copied from a harness kept outside this repository, adapted: --shape prosemirror) — target-agnostic load/latency harness for Yjs WebSocket servers
// that speak the standard y-websocket protocol (y-protocols sync + awareness over
// ws://HOST:PORT/<docName>).
//
// Subcommands:  latency | memory | coldsync | throughput | durability | trace
// Common flags: --url ws://127.0.0.1:1234   base URL (doc name is appended)
//               --spawn "<cmd>"   start the server under test (via `sh -c "exec <cmd>"`),
//                                 fresh for every run; `{dir}` in cmd/env is replaced by a
//                                 fresh data dir; killed when the harness exits
//               --env K=V         extra env for --spawn (repeatable)
//               --pid PID         pid of an already running server (for RSS / CPU%)
//               --runs R          repeat and report medians (default 1)
//               --json FILE       write all results as JSON
//               --max-time S      hard watchdog; the harness exits after S seconds (default 900)
//               --query K=V       extra query parameter on every connection (repeatable), e.g. a token
// All traffic goes to loopback only (non-loopback URLs are refused).
// Run `node yws-bench.mjs help` for per-command flags.

import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { spawn, execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import net from 'node:net'
import { performance } from 'node:perf_hooks'

// ---------------------------------------------------------------- CLI parsing
const argv = process.argv.slice(2)
const cmd = argv[0] && !argv[0].startsWith('--') ? argv.shift() : 'help'
const opts = {}
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]
  if (!a.startsWith('--')) throw new Error('unexpected argument ' + a)
  const k = a.slice(2)
  const v = (i + 1 < argv.length && !argv[i + 1].startsWith('--')) ? argv[++i] : 'true'
  if (k in opts) opts[k] = [].concat(opts[k], v)
  else opts[k] = v
}
const num = (k, d) => opts[k] === undefined ? d : Number(opts[k])
const str = (k, d) => opts[k] === undefined ? d : String(opts[k])
const list = (k, d) => (opts[k] === undefined ? d : String(opts[k])).split(',').map(Number)
const url = str('url', 'ws://127.0.0.1:1234').replace(/\/+$/, '')
// --query k=v (repeatable): extra query parameters for every connection, e.g. an access token
const queryPairs = [].concat(opts.query ?? []).map(q => { const i = String(q).indexOf('='); return [String(q).slice(0, i), String(q).slice(i + 1)] })
const queryParams = Object.fromEntries(queryPairs)
const qs = queryPairs.length ? '?' + new URLSearchParams(queryPairs).toString() : ''
const runs = num('runs', 1)
const maxTime = num('max-time', 900)
const quiet = opts.quiet === 'true'

{ // loopback-only guard
  const h = new URL(url).hostname.replace(/^\[|\]$/g, '')
  if (!(h === 'localhost' || h === '::1' || /^127\./.test(h))) {
    console.error(`refusing non-loopback target ${h}`); process.exit(2)
  }
}

process.setMaxListeners(0) // each WebsocketProvider adds a process 'exit' listener
const log = (...a) => { if (!quiet) console.error('[' + new Date().toISOString().slice(11, 23) + ']', ...a) }
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))
const now = () => performance.now()

// ---------------------------------------------------------------- stats helpers
const pct = (sorted, p) => sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))]
const summarize = arr => {
  const s = Float64Array.from(arr).sort()
  return { n: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s.length ? s[s.length - 1] : NaN, mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN }
}
const median = arr => { const s = [...arr].filter(x => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b); return s.length ? (s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN }
// median across runs of every numeric leaf of a list of same-shaped objects
const medianOf = objs => {
  const out = {}
  for (const k of Object.keys(objs[0])) {
    const vals = objs.map(o => o[k])
    if (typeof vals[0] === 'number') out[k] = median(vals)
    else if (vals[0] && typeof vals[0] === 'object' && !Array.isArray(vals[0])) out[k] = medianOf(vals)
    else out[k] = vals[0]
  }
  return out
}
const r2 = x => typeof x === 'number' ? Math.round(x * 100) / 100 : x

// deterministic PRNG (mulberry32)
const prng = seed => () => { seed |= 0; seed = seed + 0x6D2B79F5 | 0; let t = Math.imul(seed ^ seed >>> 15, 1 | seed); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296 }

// ---------------------------------------------------------------- /proc helpers
const CLK_TCK = (() => { try { return Number(execSync('getconf CLK_TCK').toString().trim()) || 100 } catch { return 100 } })()
const procTree = root => {
  const kids = new Map()
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8')
      const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1])
      if (!kids.has(ppid)) kids.set(ppid, [])
      kids.get(ppid).push(Number(d))
    } catch {}
  }
  const out = []; const q = [root]
  while (q.length) { const p = q.pop(); out.push(p); for (const c of kids.get(p) || []) q.push(c) }
  return out
}
const rssKB = root => procTree(root).reduce((sum, p) => {
  try { const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8')); return sum + (m ? Number(m[1]) : 0) } catch { return sum }
}, 0)
const cpuTicks = root => procTree(root).reduce((sum, p) => {
  try { const st = fs.readFileSync(`/proc/${p}/stat`, 'utf8'); const f = st.slice(st.lastIndexOf(')') + 2).split(' '); return sum + Number(f[11]) + Number(f[12]) } catch { return sum }
}, 0)
const cpuMeter = pid => {
  const t0 = now(); const c0 = pid ? cpuTicks(pid) : 0; const h0 = process.cpuUsage()
  return () => {
    const dt = (now() - t0) / 1000; const h = process.cpuUsage(h0)
    return { serverCpuPct: pid ? (cpuTicks(pid) - c0) / CLK_TCK / dt * 100 : NaN, harnessCpuPct: (h.user + h.system) / 1e6 / dt * 100, seconds: dt }
  }
}
const rssSample = async (pid, n = 5, gap = 200) => { const v = []; for (let i = 0; i < n; i++) { v.push(rssKB(pid)); if (i < n - 1) await sleep(gap) } return median(v) }

// ---------------------------------------------------------------- server under test
const target = new URL(url)
const waitPort = async (ms = 15000) => {
  const deadline = now() + ms
  while (now() < deadline) {
    const ok = await new Promise(resolve => {
      const s = net.connect({ host: target.hostname.replace(/^\[|\]$/g, ''), port: Number(target.port || 80) })
      s.once('connect', () => { s.destroy(); resolve(true) }); s.once('error', () => resolve(false))
    })
    if (ok) return
    await sleep(50)
  }
  throw new Error('server port did not open')
}
let liveChild = null
class Server {
  constructor (dir) { this.dir = dir; this.child = null; this.pid = opts.pid ? Number(opts.pid) : null }
  static fresh () {
    const root = str('data-root', path.join(process.cwd(), 'data')); fs.mkdirSync(root, { recursive: true })
    const dir = fs.mkdtempSync(path.join(root, 'run-'))
    return new Server(dir)
  }
  async start () {
    if (!opts.spawn) { if (!this.pid) log('no --spawn/--pid: RSS and CPU% unavailable'); await waitPort(); return this }
    const sub = s => s.replaceAll('{dir}', this.dir)
    const env = { ...process.env }
    for (const kv of [].concat(opts.env || [])) { const i = kv.indexOf('='); env[kv.slice(0, i)] = sub(kv.slice(i + 1)) }
    const logFile = fs.openSync(path.join(this.dir, 'server.log'), 'a')
    this.child = spawn('/bin/sh', ['-c', 'exec ' + sub(opts.spawn)], { env, stdio: ['ignore', logFile, logFile] })
    liveChild = this.child
    this.pid = this.child.pid
    this.exited = new Promise(resolve => this.child.once('exit', (code, sig) => resolve({ code, sig })))
    await waitPort()
    await sleep(num('settle-ms', 300))
    return this
  }
  async stop (sig = 'SIGTERM') {
    if (!this.child) return
    const c = this.child; this.child = null
    if (c.exitCode === null && c.signalCode === null) c.kill(sig)
    await Promise.race([this.exited, sleep(5000)])
    if (c.exitCode === null && c.signalCode === null) { c.kill('SIGKILL'); await this.exited }
    liveChild = null
    if (opts['keep-data'] !== 'true') fs.rmSync(this.dir, { recursive: true, force: true })
  }
}
process.on('exit', () => { if (liveChild && liveChild.exitCode === null) try { liveChild.kill('SIGKILL') } catch {} })
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => process.exit(130))
setTimeout(() => { console.error(`watchdog: --max-time ${maxTime}s exceeded, exiting`); process.exit(3) }, maxTime * 1000).unref()

// ---------------------------------------------------------------- client side
// wire counters via a ws subclass handed to WebsocketProvider as WebSocketPolyfill
const wire = { inMsgs: 0, inBytes: 0, inUpdate: 0, inStep1: 0, inStep2: 0, inAwareness: 0, outMsgs: 0, outBytes: 0, outUpdate: 0 }
const wireSnap = () => ({ ...wire })
const wireDiff = (a, b) => Object.fromEntries(Object.keys(a).map(k => [k, b[k] - a[k]]))
class CountingWS extends WebSocket {
  constructor (u, protocols) {
    super(u, protocols)
    this.on('message', data => {
      const u8 = data instanceof ArrayBuffer ? new Uint8Array(data, 0, Math.min(2, data.byteLength)) : data
      wire.inMsgs++; wire.inBytes += data.byteLength
      if (u8[0] === 0) { if (u8[1] === 2) wire.inUpdate++; else if (u8[1] === 1) wire.inStep2++; else wire.inStep1++ } else if (u8[0] === 1) wire.inAwareness++
    })
  }

  send (data, ...rest) {
    wire.outMsgs++; wire.outBytes += data.byteLength
    if (data[0] === 0 && data[1] === 2) wire.outUpdate++
    return super.send(data, ...rest)
  }
}

const TEXT = str('type-name', 't')
// Penholder adaptation: --shape prosemirror puts the edits where y-prosemirror keeps the text of
// a resolution (Y.XmlFragment 'prosemirror' > title, operative > Y.XmlText). Every client applies
// the same seed update (fixed client id, fixed content) before editing, so all of them share one
// XmlText without racing to create it; the seed is idempotent. --shape text keeps the original Y.Text.
const SHAPE = str('shape', 'text')
const SEED = (() => {
  const d = new Y.Doc(); d.clientID = 1
  const frag = d.getXmlFragment('prosemirror')
  const title = new Y.XmlElement('title'); title.insert(0, [new Y.XmlText('Benchmark')])
  const op = new Y.XmlElement('operative'); op.setAttribute('id', 'p1'); op.insert(0, [new Y.XmlText()])
  frag.insert(0, [title, op])
  return Y.encodeStateAsUpdate(d)
})()
const bodyOf = (doc) => {
  if (SHAPE === 'text') return doc.getText(TEXT)
  Y.applyUpdate(doc, SEED)
  return doc.getXmlFragment('prosemirror').get(1).get(0)
}
const makeClient = (room, doc = new Y.Doc()) => {
  const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: CountingWS, disableBc: true, maxBackoffTime: 1000, params: queryParams })
  return { doc, provider, text: bodyOf(doc) }
}
const waitSynced = (c, ms = 30000) => c.provider.synced
  ? Promise.resolve()
  : new Promise((resolve, reject) => {
    const t = setTimeout(() => { c.provider.off('sync', h); reject(new Error('sync timeout ' + c.provider.roomname)) }, ms)
    const h = s => { if (s) { clearTimeout(t); c.provider.off('sync', h); resolve() } }
    c.provider.on('sync', h)
  })
const destroyAll = clients => { for (const c of clients) { c.provider.destroy(); c.doc.destroy() } }
const pool = async (n, conc, fn) => { let i = 0; await Promise.all(Array.from({ length: Math.min(conc, n) }, async () => { while (i < n) await fn(i++) })) }

// raw protocol probe: open ws, send SyncStep1 with an empty state vector, wait for the
// server's SyncStep2 (= full document state). Proves what the *server* holds.
// lingerMs > 0: keep listening that long after SyncStep2 and apply later updates too
// (some servers answer SyncStep1 before their persisted state is loaded).
const probe = (room, ms = 30000, lingerMs = 0) => new Promise((resolve, reject) => {
  const t0 = now(); let tOpen = 0; let res = null
  const ws = new WebSocket(`${url}/${room}${qs}`); ws.binaryType = 'arraybuffer'
  const timer = setTimeout(() => { ws.terminate(); reject(new Error('probe timeout ' + room)) }, ms)
  const finish = () => { clearTimeout(timer); ws.terminate(); res.text = bodyOf(res.doc).toString(); resolve(res) }
  ws.on('open', () => {
    tOpen = now()
    const e = encoding.createEncoder(); encoding.writeVarUint(e, 0); syncProtocol.writeSyncStep1(e, new Y.Doc())
    ws.send(encoding.toUint8Array(e))
  })
  ws.on('message', data => {
    const d = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(d) !== 0) return
    const st = decoding.readVarUint(d)
    if (st === 0) return
    const update = decoding.readVarUint8Array(d)
    if (res) { Y.applyUpdate(res.doc, update); res.laterUpdates++; return }
    if (st !== 1) return // wait for SyncStep2
    const tMsg = now()
    const doc = new Y.Doc(); Y.applyUpdate(doc, update)
    const tApplied = now()
    res = { doc, bytes: data.byteLength, openMs: tOpen - t0, firstStateMs: tMsg - t0, appliedMs: tApplied - t0, step2TextLen: bodyOf(doc).length, laterUpdates: 0 }
    if (lingerMs > 0) setTimeout(finish, lingerMs); else finish()
  })
  ws.on('error', e => { clearTimeout(timer); reject(e) })
})
const probeUntil = async (room, pred, ms = 15000) => {
  const deadline = now() + ms; let p
  while (now() < deadline) { p = await probe(room); if (pred(p)) return p; await sleep(100) }
  throw new Error('server never reached expected state for ' + room + ' (len ' + (p && p.text.length) + ')')
}

// latency bookkeeping: the writer records (clientID, clock) -> send time before the edit;
// receivers decode the clock ranges of each remote update (Y.parseUpdateMeta) and look them up.
const makeTracker = () => {
  const pending = new Map()
  const samples = []
  return {
    pending,
    samples,
    markSend (c, info) {
      const key = c.doc.clientID + ':' + Y.getState(c.doc.store, c.doc.clientID)
      const rec = { t: now(), got: 0, last: 0, ...info }
      pending.set(key, rec); return rec
    },
    attach (c, onHit) {
      c.doc.on('update', (u, origin) => {
        if (origin !== c.provider) return
        const tRecv = now()
        const meta = Y.parseUpdateMeta(u)
        for (const [client, from] of meta.from) {
          const to = meta.to.get(client)
          if (to - from > 4096) continue
          for (let k = from; k < to; k++) {
            const rec = pending.get(client + ':' + k)
            if (rec) { const l = tRecv - rec.t; rec.got++; if (l > rec.last) rec.last = l; if (onHit) onHit(rec, l) }
          }
        }
      })
    }
  }
}

// ---------------------------------------------------------------- a) propagation latency
// lightweight wire-level listener (observers=raw): completes the sync handshake, then only
// timestamps incoming update messages by scanning their bytes for the ASCII edit marker
// "[L<i>@" (Y.Text content is carried verbatim in the update). No Y.Doc, no awareness.
const MARK = Buffer.from('[L')
const rawListener = (room, onEdit) => new Promise((resolve, reject) => {
  const ws = new WebSocket(`${url}/${room}${qs}`)
  const l = { ws, synced: false }
  const timer = setTimeout(() => reject(new Error('raw listener sync timeout')), 60000)
  ws.on('open', () => {
    const e = encoding.createEncoder(); encoding.writeVarUint(e, 0); syncProtocol.writeSyncStep1(e, new Y.Doc())
    ws.send(encoding.toUint8Array(e))
  })
  ws.on('message', buf => {
    const tRecv = now()
    wire.inMsgs++; wire.inBytes += buf.length
    if (buf[0] !== 0) { if (buf[0] === 1) wire.inAwareness++; return }
    if (buf[1] === 0) { // server SyncStep1 -> answer with our (empty) state
      wire.inStep1++
      const e = encoding.createEncoder(); encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(new Y.Doc()))
      ws.send(encoding.toUint8Array(e)); return
    }
    if (buf[1] === 1) { wire.inStep2++; if (!l.synced) { l.synced = true; clearTimeout(timer); resolve(l) } return }
    wire.inUpdate++
    for (let at = buf.indexOf(MARK); at !== -1; at = buf.indexOf(MARK, at + 2)) {
      let i = 0; let k = at + 2; let digits = 0
      while (k < buf.length && buf[k] >= 48 && buf[k] <= 57) { i = i * 10 + buf[k] - 48; k++; digits++ }
      if (digits && buf[k] === 64) onEdit(i, tRecv)
    }
  })
  ws.on('error', e => { clearTimeout(timer); reject(e) })
})

async function latencyRun (N, run) {
  const server = await (Server.fresh()).start()
  const room = `lat-${N}-${Date.now()}-${run}`
  const K = num('edits', 200); const warm = num('warmup', 20); const rate = num('rate', 20)
  const mode = str('observers', 'provider')
  const W = mode === 'raw' ? Math.min(N, num('writers', 4)) : N // full Yjs clients; the rest are raw listeners
  const clients = []; const raws = []
  const recs = []; const lat = []
  const tc = now()
  for (let i = 0; i < W; i++) clients.push(makeClient(room))
  await Promise.all(clients.map(c => waitSynced(c, 60000)))
  const onRawEdit = (i, tRecv) => { const r = recs[i]; if (!r) return; const l = tRecv - r.t; r.got++; if (l > r.last) r.last = l; if (r.measured) lat.push(l) }
  for (let i = W; i < N; i += 50) { // connect raw listeners in batches of 50
    const batch = []; for (let j = i; j < Math.min(N, i + 50); j++) batch.push(rawListener(room, onRawEdit))
    raws.push(...await Promise.all(batch))
  }
  const connectMs = now() - tc
  await sleep(500)
  const tr = makeTracker()
  for (const c of clients) tr.attach(c, (rec, l) => { if (rec.measured) lat.push(l) })
  const w0 = wireSnap(); const meter = cpuMeter(server.pid)
  const deadline = now() + num('duration', 120) * 1000
  const t0 = now()
  for (let i = 0; i < warm + K && now() < deadline; i++) {
    const d = t0 + i * 1000 / rate - now(); if (d > 1) await sleep(d)
    const c = clients[i % W]
    const rec = tr.markSend(c, { i, measured: i >= warm }); recs[i] = rec
    c.text.insert(c.text.length, `[L${i}@${rec.t.toFixed(1)}]`)
  }
  const drainDeadline = now() + 5000
  while (now() < drainDeadline && recs.some(r => r.got < N - 1)) await sleep(20)
  const cpu = meter(); const w = wireDiff(w0, wireSnap())
  const measured = recs.filter(r => r.measured)
  const lost = measured.reduce((s, r) => s + Math.max(0, N - 1 - r.got), 0)
  const ref = clients[0].text.toString()
  const converged = clients.every(c => c.text.toString() === ref)
  const markers = (ref.match(/\[L\d+@/g) || []).length
  destroyAll(clients); for (const r of raws) r.ws.terminate()
  await server.stop()
  return {
    N,
    observers: mode,
    yjsClients: W,
    edits: measured.length,
    connectAllMs: connectMs,
    perReceiver: summarize(lat),
    allReceivers: summarize(measured.map(r => r.last)),
    lostDeliveries: lost,
    converged: converged ? 1 : 0,
    markersInText: markers,
    ...cpu,
    wireInMsgsPerSec: w.inMsgs / cpu.seconds
  }
}
async function cmdLatency () {
  const out = []
  for (const N of list('clients', '2,20,100,200')) {
    const rs = []
    for (let r = 0; r < runs; r++) {
      const res = await latencyRun(N, r); rs.push(res)
      log(`latency N=${N} run ${r + 1}/${runs}: p50 ${r2(res.perReceiver.p50)} p95 ${r2(res.perReceiver.p95)} p99 ${r2(res.perReceiver.p99)} max ${r2(res.perReceiver.max)} ms, lost ${res.lostDeliveries}, converged ${res.converged}, server CPU ${r2(res.serverCpuPct)}%, harness CPU ${r2(res.harnessCpuPct)}%`)
    }
    out.push({ N, median: medianOf(rs), runs: rs })
  }
  const ok = out.filter(o => o.median.perReceiver.p99 < 100 && o.median.lostDeliveries === 0).map(o => o.N)
  return { test: 'latency', rate: num('rate', 20), observers: str('observers', 'provider'), results: out, maxNWithP99Under100ms: ok.length ? Math.max(...ok) : null }
}

// ---------------------------------------------------------------- b) memory per doc
const filler = (bytes, seed) => {
  const rnd = prng(seed); const words = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit', 'sed', 'do', 'eiusmod', 'tempor', 'incididunt', 'ut', 'labore', 'et', 'dolore', 'magna', 'aliqua']
  let s = ''; while (s.length < bytes) s += words[Math.floor(rnd() * words.length)] + (rnd() < 0.1 ? '.\n' : ' ')
  return s.slice(0, bytes)
}
async function memoryRun (M, run) {
  const server = await (Server.fresh()).start()
  if (!server.pid) throw new Error('memory needs --spawn or --pid')
  await sleep(700)
  const rss0 = await rssSample(server.pid)
  const size = num('doc-bytes', 5120); const chunks = num('chunks', 10)
  const prefix = `mem-${Date.now()}-${run}-`
  const clients = new Array(M)
  const t0 = now()
  await pool(M, num('concurrency', 50), async i => {
    const c = makeClient(prefix + i); clients[i] = c
    await waitSynced(c, 60000)
    const txt = filler(size, i + 1); const step = Math.ceil(size / chunks)
    for (let k = 0; k < size; k += step) c.text.insert(c.text.length, txt.slice(k, k + step))
  })
  const loadMs = now() - t0
  // barrier: the server must hold every doc in full
  let verified = 0
  await pool(M, 20, async i => { await probeUntil(prefix + i, p => p.text.length === size); verified++ })
  await sleep(2000)
  const rss1 = await rssSample(server.pid)
  destroyAll(clients)
  await sleep(3000)
  const rss2 = await rssSample(server.pid)
  await server.stop()
  return { M, docBytes: size, loadMs, verified, rssBaselineMB: rss0 / 1024, rssLoadedMB: rss1 / 1024, rssAfterDisconnectMB: rss2 / 1024, kbPerDocConnected: (rss1 - rss0) / M, kbPerDocAfterDisconnect: (rss2 - rss0) / M }
}
async function cmdMemory () {
  const out = []
  for (const M of list('docs', '100,1000')) {
    const rs = []
    for (let r = 0; r < runs; r++) {
      const res = await memoryRun(M, r); rs.push(res)
      log(`memory M=${M} run ${r + 1}/${runs}: baseline ${r2(res.rssBaselineMB)} MB, loaded ${r2(res.rssLoadedMB)} MB -> ${r2(res.kbPerDocConnected)} KB/doc (connected), ${r2(res.kbPerDocAfterDisconnect)} KB/doc after clients left`)
    }
    out.push({ M, median: medianOf(rs), runs: rs })
  }
  return { test: 'memory', results: out }
}

// ---------------------------------------------------------------- c) large-doc cold sync
async function coldRun (order, run) {
  const file = str('file', new URL('../fixtures/cop11-report.zh.txt', import.meta.url).pathname)
  const raw = fs.readFileSync(file, 'utf8')
  const paras = raw.split(/(?<=\n)/) // keep '\n' on each paragraph
  const server = await (Server.fresh()).start()
  const room = `cold-${order}-${Date.now()}-${run}`
  const w = makeClient(room); await waitSynced(w)
  const tw = now()
  if (order === 'append') {
    for (let i = 0; i < paras.length; i++) { w.text.insert(w.text.length, paras[i]); if (i % 50 === 49) await sleep(0) }
  } else { // paragraphs typed into their final positions in a seeded random order
    const rnd = prng(42); const idx = paras.map((_, i) => i)
    for (let i = idx.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [idx[i], idx[j]] = [idx[j], idx[i]] }
    const present = new Uint8Array(paras.length)
    for (let n = 0; n < idx.length; n++) {
      const p = idx[n]; let pos = 0
      for (let q = 0; q < p; q++) if (present[q]) pos += paras[q].length
      w.text.insert(pos, paras[p]); present[p] = 1
      if (n % 50 === 49) await sleep(0)
    }
  }
  const writeMs = now() - tw
  if (w.text.toString() !== raw) throw new Error('local build mismatch')
  const srv = await probeUntil(room, p => p.text.length === raw.length, 30000)
  const serverHoldsExact = srv.text === raw
  const upd1 = Y.encodeStateAsUpdate(w.doc); const upd2 = Y.encodeStateAsUpdateV2(w.doc)
  const R = num('joins', 5); const joins = []; const probes = []
  for (let r = 0; r < R; r++) {
    await sleep(300)
    const t0 = now(); const c = makeClient(room); await waitSynced(c)
    const ms = now() - t0
    if (c.text.length !== raw.length) throw new Error('joiner got wrong length')
    joins.push(ms); destroyAll([c])
    await sleep(300)
    probes.push((await probe(room)).appliedMs)
  }
  destroyAll([w])
  await server.stop()
  return {
    order,
    paragraphs: paras.length,
    rawUtf8Bytes: Buffer.byteLength(raw),
    jsChars: raw.length,
    encodedV1Bytes: upd1.length,
    encodedV2Bytes: upd2.length,
    v1OverRaw: upd1.length / Buffer.byteLength(raw),
    serverStep2Bytes: srv.bytes,
    serverHoldsExact: serverHoldsExact ? 1 : 0,
    writerInsertMs: writeMs,
    joinConnectToSyncedMs: summarize(joins),
    rawProbeMs: summarize(probes)
  }
}
async function cmdColdsync () {
  const out = []
  for (const order of str('order', 'append,shuffle').split(',')) {
    const rs = []
    for (let r = 0; r < runs; r++) {
      const res = await coldRun(order, r); rs.push(res)
      log(`coldsync ${order} run ${r + 1}/${runs}: raw ${res.rawUtf8Bytes} B, V1 ${res.encodedV1Bytes} B, V2 ${res.encodedV2Bytes} B; join p50 ${r2(res.joinConnectToSyncedMs.p50)} ms (min ${r2(Math.min(...[res.joinConnectToSyncedMs.p50]))}), raw probe p50 ${r2(res.rawProbeMs.p50)} ms`)
    }
    out.push({ order, median: medianOf(rs), runs: rs })
  }
  return { test: 'coldsync', results: out }
}

// ---------------------------------------------------------------- d) throughput
async function throughputRun (run) {
  const N = num('clients', 20); const cps = num('rate', 10); const dur = num('duration', 30); const warmS = num('warmup-s', 3)
  const server = await (Server.fresh()).start()
  const room = `tp-${Date.now()}-${run}`
  const clients = Array.from({ length: N }, () => makeClient(room))
  await Promise.all(clients.map(c => waitSynced(c)))
  await sleep(500)
  const tr = makeTracker(); const lat = []
  for (const c of clients) tr.attach(c, (rec, l) => { if (rec.measured) lat.push(l) })
  const rnd = prng(7 + run); const chars = 'abcdefghijklmnopqrstuvwxyz '
  const tStart = now(); const tMeasure = tStart + warmS * 1000; const tEnd = tMeasure + dur * 1000
  let w0, meter, sentMeasured = 0; const recs = []
  const snapAt = (async () => { await sleep(tMeasure - now()); w0 = wireSnap(); meter = cpuMeter(server.pid) })()
  await Promise.all(clients.map(async (c, ci) => {
    const phase = rnd() * 1000 / cps
    for (let i = 0; ; i++) {
      const at = tStart + phase + i * 1000 / cps; if (at >= tEnd) break
      const d = at - now(); if (d > 1) await sleep(d)
      const measured = now() >= tMeasure
      const rec = tr.markSend(c, { measured }); if (measured) { recs.push(rec); sentMeasured++ }
      c.text.insert(Math.floor(rnd() * (c.text.length + 1)), chars[Math.floor(rnd() * chars.length)])
    }
  }))
  await snapAt
  const cpu = meter(); const w = wireDiff(w0, wireSnap())
  const drainDeadline = now() + 5000
  while (now() < drainDeadline && recs.some(r => r.got < N - 1)) await sleep(20)
  await sleep(300)
  const lost = recs.reduce((s, r) => s + Math.max(0, N - 1 - r.got), 0)
  const ref = clients[0].text.toString(); const converged = clients.every(c => c.text.toString() === ref)
  destroyAll(clients)
  await server.stop()
  return {
    clients: N,
    charsPerSecPerClient: cps,
    seconds: cpu.seconds,
    updatesSentPerSec: sentMeasured / cpu.seconds,
    updateMsgsRelayedPerSec: w.inUpdate / cpu.seconds,
    remoteUpdatesAppliedPerSec: lat.length / cpu.seconds,
    awarenessMsgsPerSec: w.inAwareness / cpu.seconds,
    wireInKBPerSec: w.inBytes / 1024 / cpu.seconds,
    serverCpuPct: cpu.serverCpuPct,
    harnessCpuPct: cpu.harnessCpuPct,
    latency: summarize(lat),
    lostDeliveries: lost,
    converged: converged ? 1 : 0,
    finalTextLen: ref.length
  }
}

// observers=raw: N wire-level clients, each with a private Y.Doc that only holds its own edits
// (remote updates are counted and timestamped via Y.parseUpdateMeta but never applied), so the
// harness spends ~1 Yjs transaction per *sent* update and no Yjs work per relayed update.
async function throughputRawRun (run) {
  const N = num('clients', 20); const cps = num('rate', 10); const dur = num('duration', 30); const warmS = num('warmup-s', 3)
  const server = await (Server.fresh()).start()
  const room = `tpraw-${Date.now()}-${run}`
  const pending = new Map(); const lat = []; let sentMeasured = 0; let relayed = 0; const recs = []
  const rnd = prng(7 + run); const chars = 'abcdefghijklmnopqrstuvwxyz '
  const mk = () => new Promise((resolve, reject) => {
    const doc = new Y.Doc(); const text = bodyOf(doc); const ws = new WebSocket(`${url}/${room}${qs}`)
    const c = { doc, text, ws, synced: false }
    const timer = setTimeout(() => reject(new Error('raw client sync timeout')), 60000)
    doc.on('update', u => {
      const e = encoding.createEncoder(); encoding.writeVarUint(e, 0); syncProtocol.writeUpdate(e, u)
      const m = encoding.toUint8Array(e); wire.outMsgs++; wire.outBytes += m.length; wire.outUpdate++; ws.send(m)
    })
    ws.on('open', () => { const e = encoding.createEncoder(); encoding.writeVarUint(e, 0); syncProtocol.writeSyncStep1(e, new Y.Doc()); ws.send(encoding.toUint8Array(e)) })
    ws.on('message', buf => {
      const tRecv = now(); wire.inMsgs++; wire.inBytes += buf.length
      if (buf[0] !== 0) { wire.inAwareness++; return }
      const d = decoding.createDecoder(buf); decoding.readVarUint(d); const st = decoding.readVarUint(d)
      if (st === 0) { wire.inStep1++; const e = encoding.createEncoder(); encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc)); ws.send(encoding.toUint8Array(e)); return }
      if (st === 1) { wire.inStep2++; if (!c.synced) { c.synced = true; clearTimeout(timer); resolve(c) } return }
      wire.inUpdate++; relayed++
      const meta = Y.parseUpdateMeta(decoding.readVarUint8Array(d))
      for (const [client, from] of meta.from) {
        const to = meta.to.get(client); if (to - from > 4096) continue
        for (let k = from; k < to; k++) { const rec = pending.get(client + ':' + k); if (rec) { rec.got++; if (rec.measured) lat.push(tRecv - rec.t) } }
      }
    })
    ws.on('error', e => { clearTimeout(timer); reject(e) })
  })
  const clients = []; for (let i = 0; i < N; i += 50) clients.push(...await Promise.all(Array.from({ length: Math.min(50, N - i) }, mk)))
  await sleep(500)
  const tStart = now(); const tMeasure = tStart + warmS * 1000; const tEnd = tMeasure + dur * 1000
  let w0, meter, relayed0
  const snapAt = (async () => { await sleep(tMeasure - now()); w0 = wireSnap(); meter = cpuMeter(server.pid); relayed0 = relayed })()
  let totalSent = 0
  await Promise.all(clients.map(async c => {
    const phase = rnd() * 1000 / cps
    for (let i = 0; ; i++) {
      const at = tStart + phase + i * 1000 / cps; if (at >= tEnd) break
      const d = at - now(); if (d > 1) await sleep(d)
      const measured = now() >= tMeasure
      const rec = { t: now(), got: 0, measured }; pending.set(c.doc.clientID + ':' + Y.getState(c.doc.store, c.doc.clientID), rec)
      if (measured) { recs.push(rec); sentMeasured++ }
      c.text.insert(Math.floor(rnd() * (c.text.length + 1)), chars[Math.floor(rnd() * chars.length)]); totalSent++
    }
  }))
  await snapAt
  const cpu = meter(); const w = wireDiff(w0, wireSnap()); const relayedMeasured = relayed - relayed0
  const drainDeadline = now() + 10000
  while (now() < drainDeadline && recs.some(r => r.got < N - 1)) await sleep(20)
  const lost = recs.reduce((s, r) => s + Math.max(0, N - 1 - r.got), 0)
  const srv = await probeUntil(room, p => p.text.length === totalSent, 15000).catch(() => null)
  for (const c of clients) c.ws.terminate()
  await server.stop()
  return {
    observers: 'raw',
    clients: N,
    charsPerSecPerClient: cps,
    seconds: cpu.seconds,
    updatesSentPerSec: sentMeasured / cpu.seconds,
    updateMsgsRelayedPerSec: relayedMeasured / cpu.seconds,
    remoteUpdatesAppliedPerSec: NaN,
    awarenessMsgsPerSec: w.inAwareness / cpu.seconds,
    wireInKBPerSec: w.inBytes / 1024 / cpu.seconds,
    serverCpuPct: cpu.serverCpuPct,
    harnessCpuPct: cpu.harnessCpuPct,
    latency: summarize(lat),
    lostDeliveries: lost,
    converged: srv ? 1 : 0, // raw mode: server holds exactly all sent chars
    finalTextLen: srv ? srv.text.length : NaN
  }
}
async function cmdThroughput () {
  const rs = []
  for (let r = 0; r < runs; r++) {
    const res = await (str('observers', 'provider') === 'raw' ? throughputRawRun(r) : throughputRun(r)); rs.push(res)
    log(`throughput run ${r + 1}/${runs}: sent ${r2(res.updatesSentPerSec)}/s, relayed ${r2(res.updateMsgsRelayedPerSec)} update msgs/s, server CPU ${r2(res.serverCpuPct)}%, harness CPU ${r2(res.harnessCpuPct)}%, lat p50 ${r2(res.latency.p50)} p99 ${r2(res.latency.p99)} ms, lost ${res.lostDeliveries}, converged ${res.converged}`)
  }
  return { test: 'throughput', median: medianOf(rs), runs: rs }
}

// ---------------------------------------------------------------- e) durability under SIGKILL
async function durabilityRun (killDelay, run) {
  if (!opts.spawn) throw new Error('durability needs --spawn (the harness kills and restarts the server)')
  const K = num('edits', 200); const rate = num('rate', 50)
  const server = await (Server.fresh()).start()
  const room = `dur-${run}`
  const w = makeClient(room); await waitSynced(w)
  const t0 = now(); const wireBefore = wireSnap()
  for (let i = 0; i < K; i++) {
    const d = t0 + i * 1000 / rate - now(); if (d > 1) await sleep(d)
    w.text.insert(w.text.length, `[D${i}]`)
  }
  const tLast = now()
  await sleep(Math.max(0, killDelay - (now() - tLast)))
  const actualDelay = now() - tLast
  const echoed = wire.inUpdate - wireBefore.inUpdate // only meaningful for servers that echo updates back to the sender
  server.child.kill('SIGKILL') // synchronous signal delivery
  w.provider.destroy() // writer "closes the tab" right away, so it cannot heal the server
  await server.exited; server.child = null; liveChild = null
  await server.start() // same data dir
  const after = await probe(room, 30000, num('linger-ms', 1500))
  const present = new Set((after.text.match(/\[D(\d+)\]/g) || []).map(s => Number(s.slice(2, -1))))
  const lostIdx = []; for (let i = 0; i < K; i++) if (!present.has(i)) lostIdx.push(i)
  // now the writer comes back online with its in-memory doc: does y-websocket heal it?
  const w2 = makeClient(room, w.doc); await waitSynced(w2); await sleep(300)
  const healed = await probe(room, 30000, num('linger-ms', 1500))
  const presentHealed = new Set((healed.text.match(/\[D(\d+)\]/g) || []).map(s => Number(s.slice(2, -1))))
  destroyAll([w2])
  await server.stop()
  return { killDelayMs: killDelay, actualDelayMs: actualDelay, edits: K, rate, step2HadContentRightAfterRestart: (after.step2TextLen > 0 ? 1 : 0), echoedBeforeKill: echoed, lost: lostIdx.length, lostFirstIdx: lostIdx.length ? lostIdx[0] : null, lostAfterClientReconnect: K - presentHealed.size }
}
async function cmdDurability () {
  const out = []
  for (const d of list('kill-delays', '0,10,50,100')) {
    const rs = []
    for (let r = 0; r < runs; r++) {
      const res = await durabilityRun(d, r); rs.push(res)
      log(`durability kill+${d}ms run ${r + 1}/${runs}: lost ${res.lost}/${res.edits} (first lost #${res.lostFirstIdx}; server had echoed ${res.echoedBeforeKill} before the kill), after client reconnect lost ${res.lostAfterClientReconnect}; first SyncStep2 after restart had content: ${res.step2HadContentRightAfterRestart}`)
    }
    out.push({ killDelayMs: d, median: medianOf(rs), runs: rs })
  }
  return { test: 'durability', results: out }
}

// ---------------------------------------------------------------- f) in-process editing trace
function syntheticTrace (nOps, seed, model) {
  // Synthetic stand-in for Kleppmann's automerge-perf trace (~182k inserts, ~78k deletes,
  // single-character ops). Cursor position follows a random walk.
  //  bursty (default): alternating typing bursts (mean 14 chars) and backspace bursts
  //    (mean 6), 25% chance of a random-walk cursor move (+-300) before a burst, 2% a jump
  //  uniform: every op independently: 70% insert at cursor / 30% backspace, cursor random-walk
  const rnd = prng(seed); const ops = new Array(nOps); let len = 0; let cur = 0; let n = 0
  const alphabet = 'etaoinshrdlucmfwypvbgkjqxz     \n'
  const ins = () => { ops[n++] = [cur, 0, alphabet[Math.floor(rnd() * alphabet.length)]]; cur++; len++ }
  const del = () => { ops[n++] = [cur - 1, 1, '']; cur--; len-- }
  const geo = mean => 1 + Math.floor(-Math.log(1 - rnd()) * (mean - 1))
  if (model === 'uniform') {
    while (n < nOps) {
      const j = rnd()
      if (j < 0.01) cur = Math.floor(rnd() * (len + 1))
      else if (j < 0.03) cur = Math.max(0, Math.min(len, cur + Math.floor(rnd() * 41) - 20))
      if (cur === 0 || rnd() < 0.70) ins(); else del()
    }
  } else {
    while (n < nOps) {
      const j = rnd()
      if (j < 0.02) cur = Math.floor(rnd() * (len + 1))
      else if (j < 0.27) cur = Math.max(0, Math.min(len, cur + Math.floor(rnd() * 601) - 300))
      if (cur === 0 || rnd() < 0.5) { for (let k = geo(14); k > 0 && n < nOps; k--) ins() } else { for (let k = geo(6); k > 0 && cur > 0 && n < nOps; k--) del() }
    }
  }
  return { ops, finalLen: len }
}
async function cmdTrace () {
  const nOps = num('ops', 260000); const seed = num('seed', 1); const model = str('model', 'bursty')
  const { ops, finalLen } = syntheticTrace(nOps, seed, model)
  const ins = ops.filter(o => o[1] === 0).length
  const rs = []
  for (let r = 0; r < runs; r++) {
    for (const variant of ['plain', 'with-update-listener']) {
      const doc = new Y.Doc(); doc.clientID = 123456789; const text = doc.getText('t') // fixed id: V1/V2 sizes depend on the id's varint length
      let updBytes = 0
      if (variant !== 'plain') doc.on('update', u => { updBytes += u.length })
      const t0 = now()
      for (const [pos, del, ch] of ops) { if (del) text.delete(pos, del); else text.insert(pos, ch) }
      const ms = now() - t0
      if (text.length !== finalLen) throw new Error('trace length mismatch')
      const t1 = now(); const upd = Y.encodeStateAsUpdate(doc); const encMs = now() - t1
      const t2 = now(); const d2 = new Y.Doc(); Y.applyUpdate(d2, upd); const loadMs = now() - t2
      rs.push({ variant, run: r, applyMs: ms, opsPerSec: nOps / ms * 1000, encodeMs: encMs, loadMs, encodedV1Bytes: upd.length, encodedV2Bytes: Y.encodeStateAsUpdateV2(doc).length, finalLen, sumUpdateBytes: updBytes })
      log(`trace ${variant} run ${r + 1}/${runs}: ${nOps} ops in ${r2(ms)} ms (${Math.round(nOps / ms * 1000)} ops/s), encode ${r2(encMs)} ms, load ${r2(loadMs)} ms, V1 ${upd.length} B`)
      doc.destroy(); d2.destroy()
    }
  }
  const by = v => medianOf(rs.filter(x => x.variant === v).map(({ variant, ...x }) => x))
  return { test: 'trace', trace: 'synthetic random-walk (NOT the automerge-perf trace)', model, seed, ops: nOps, inserts: ins, deletes: nOps - ins, finalLen, plain: by('plain'), withUpdateListener: by('with-update-listener'), runs: rs }
}

// ---------------------------------------------------------------- main
const HELP = `usage: node yws-bench.mjs <latency|memory|coldsync|throughput|durability|trace> [flags]
  common: --url ws://127.0.0.1:1234  --spawn "<server cmd>" [--env K=V]... | --pid PID
          --runs R  --json out.json  --max-time S  --quiet
  latency     --clients 2,20,100,200 --edits 200 --warmup 20 --rate 20 (edits/s, whole room) --duration 120
              --observers provider|raw (raw: only --writers W full y-websocket clients, the rest
              are wire-level listeners, so the harness is not the bottleneck at large N)
  memory      --docs 100,1000 --doc-bytes 5120 --chunks 10 --concurrency 50
  coldsync    --file <utf8 text> --order append,shuffle --joins 5
  throughput  --clients 20 --rate 10 (chars/s per client) --duration 30 --warmup-s 3 --observers provider|raw
  durability  --spawn required (use {dir} for a fresh data dir) --edits 200 --rate 50 --kill-delays 0,10,50,100
  trace       --ops 260000 --seed 1 --model bursty|uniform   (in-process, no server)`
const cmds = { latency: cmdLatency, memory: cmdMemory, coldsync: cmdColdsync, throughput: cmdThroughput, durability: cmdDurability, trace: cmdTrace }
if (!cmds[cmd]) { console.log(HELP); process.exit(cmd === 'help' ? 0 : 2) }
const meta = { cmd, url, spawn: opts.spawn || null, env: opts.env || null, runs, node: process.version, host: os.hostname(), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadavg: os.loadavg(), started: new Date().toISOString(), argv: process.argv.slice(2) }
try {
  const result = await cmds[cmd]()
  const out = { meta: { ...meta, loadavgEnd: os.loadavg(), finished: new Date().toISOString() }, ...result }
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(out, null, 2))
  console.log(JSON.stringify(out, (k, v) => (k === 'runs' && Array.isArray(v)) ? undefined : (typeof v === 'number' ? r2(v) : v), 2))
  process.exit(0)
} catch (e) {
  console.error(e); process.exit(1)
}
