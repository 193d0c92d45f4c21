#!/usr/bin/env node
/**
 * Proposals at scale (issue #17): 1,000 proposals on one draft, listed and accepted while 50
 * delegates type. The whole app runs in its own process on 127.0.0.1 (bench/proposalsServer.ts,
 * SQLite); here 50 stock y-websocket clients of the main sponsor's delegates each type into
 * their own paragraph (a keystroke every 1/rate s, with jitter), and one more client watches.
 * Measured, in that load:
 *   - GET /api/drafts/:id/proposals with all 1,000 proposals (each located in the live text,
 *     stale or not): wall time from request to parsed answer — aim ≤ 50 ms;
 *   - accepting a proposal (POST …/proposals/:pid/decision, the penholder): time from the request
 *     until the watching client's document holds the accepted words — aim ≤ 50 ms; and the time
 *     until the POST answers.
 * p50 / p99 / max of each. Bounded in count and time (about two minutes), stops by itself.
 *
 *   npm run bench:proposals                                   # node --import tsx bench/proposals.bench.mjs
 *   node --import tsx bench/proposals.bench.mjs --proposals 1000 --clients 50 --rate 3 --lists 60 --accepts 40
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PROPOSALS = arg('proposals', 1000);
const CLIENTS = arg('clients', 50);
const RATE = arg('rate', 3); // keystrokes per second per client
const LISTS = arg('lists', 60);
const ACCEPTS = arg('accepts', 40);

const { connect, synced, typeInto, FRAGMENT } = await import('../test/helpers/collab.ts');
const { summarize } = await import('../test/helpers/editLatency.ts');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Whatever happens, the benchmark ends.
let server;
const deadline = setTimeout(
  () => {
    console.error('proposals bench: out of time');
    server?.kill('SIGKILL');
    process.exit(1);
  },
  240_000 + PROPOSALS * 100,
);
deadline.unref();

const started = performance.now();
server = spawn(process.execPath, ['--import', 'tsx', 'bench/proposalsServer.ts'], {
  cwd: new URL('..', import.meta.url).pathname,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, PROPOSALS: String(PROPOSALS), TYPISTS: String(CLIENTS), ACCEPTS: String(ACCEPTS) },
});
const ready = JSON.parse(
  await new Promise((resolve, reject) => {
    createInterface({ input: server.stdout }).once('line', resolve);
    server.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  }),
);
const base = `http://127.0.0.1:${ready.port}`;
const ws = `ws://127.0.0.1:${ready.port}/collab`;
console.log(
  `${PROPOSALS} proposals by 10 delegations on ${ready.paragraphs} paragraphs of one draft (resolution 11/5, ${CLIENTS} typing paragraphs after it), tabled through the command in ${(ready.tabledMs / 1000).toFixed(1)} s`,
);

// 50 typists (the two sponsor delegates' tokens in turn) and a watcher (a non-sponsor, who may read).
const typists = Array.from({ length: CLIENTS }, (_, i) => connect(ws, ready.draftId, i % 2 ? ready.tokens.sponsor2 : ready.tokens.sponsor));
const watcher = connect(ws, ready.draftId, ready.tokens.observer);
await Promise.all([...typists, watcher].map((c) => synced(c.provider, 30_000)));
let typing = true;
let keystrokes = 0;
const typers = typists.map(async (t, i) => {
  await sleep(Math.random() * (1000 / RATE));
  while (typing) {
    typeInto(t.doc, ready.typingBlocks[i], 0, String.fromCharCode(97 + (keystrokes++ % 26)));
    await sleep((1000 / RATE) * (0.5 + Math.random()));
  }
});
await sleep(2_000);

const api = async (method, path, body) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${ready.tokens.sponsor}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json.error ?? json)}`);
  return json;
};

// The list, one request at a time, a short pause between.
const listMs = [];
let listed = null;
for (let i = 0; i < LISTS; i++) {
  const t0 = performance.now();
  listed = await api('GET', `/api/drafts/${ready.draftId}/proposals`);
  listMs.push(performance.now() - t0);
  await sleep(50);
}
if (listed.proposals.length !== PROPOSALS) throw new Error(`listed ${listed.proposals.length} proposals, not ${PROPOSALS}`);

// Where the watcher sees a paragraph's text: its element, found by id.
function paragraphHas(id, marker) {
  for (const el of watcher.doc.getXmlFragment(FRAGMENT).toArray()) {
    if (el.getAttribute?.('id') === id) return el.toString().includes(marker);
  }
  return false;
}

// Accepting: from the request until the watcher's document holds the accepted words.
const relayMs = [];
const answerMs = [];
for (const { id, paragraphId, marker } of ready.accept.slice(0, ACCEPTS)) {
  let relayed;
  const seen = new Promise((resolve, reject) => {
    const check = () => {
      if (!paragraphHas(paragraphId, marker)) return;
      watcher.doc.off('update', check);
      clearTimeout(timer);
      resolve(performance.now());
    };
    const timer = setTimeout(() => {
      watcher.doc.off('update', check);
      reject(new Error(`proposal ${id}: not relayed within 10 s`));
    }, 10_000);
    watcher.doc.on('update', check);
    relayed = check;
  });
  const t0 = performance.now();
  const decided = await api('POST', `/api/drafts/${ready.draftId}/proposals/${id}/decision`, { state: 'accepted' });
  answerMs.push(performance.now() - t0);
  if (decided.state !== 'accepted') throw new Error(`proposal ${id}: ${decided.state}`);
  relayed();
  relayMs.push((await seen) - t0);
  await sleep(100);
}

typing = false;
await Promise.all(typers);
const after = await api('GET', `/api/drafts/${ready.draftId}/proposals`);
const ms = (v) => (Number.isNaN(v) ? '—' : v.toFixed(1)).padStart(7);
const line = (name, values, aim) => {
  const s = summarize(values);
  console.log(`${name.padEnd(58)} ${String(s.n).padStart(4)} ${ms(s.p50)} ${ms(s.p99)} ${ms(s.max)}   ${aim}`);
};
console.log(`${CLIENTS} clients typing, ${RATE} keystrokes/s each (${keystrokes} keystrokes in all); ms:`);
console.log(`${''.padEnd(58)}    n     p50     p99     max`);
line(`GET …/proposals (${PROPOSALS} listed, located in the live text)`, listMs, 'aim p99 ≤ 50 ms');
line('accept (POST …/decision) → relayed to a watching client', relayMs, 'aim p99 ≤ 50 ms');
line('accept: the POST answered', answerMs, '');
console.log(
  `after: ${after.counts.accepted} accepted, ${after.counts.pending} pending, ${after.counts.stale} stale; whole run ${((performance.now() - started) / 1000).toFixed(0)} s`,
);

for (const c of [...typists, watcher]) c.provider.destroy();
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
process.exit(0);
