/**
 * Benchmark of the working text's history (issue #8): the text of a draft as of any seq or time
 * in an update log of 100,000 updates, target ≤ 200 ms. The log is written as the collaboration
 * server writes it: one Yjs update per keystroke, in the y-prosemirror shape, from four
 * writers, with a checkpoint every 500 updates (the server's `checkpointEvery`). Updates are
 * dated one second apart, so "as of a time" spans about 28 hours.
 *
 * Measured on the embedded SQLite store and, when it answers, on the local PostgreSQL (in a
 * database of its own, dropped afterwards). Each query is `textAsOf` — what
 * GET /api/drafts/:id/text?seq=… or ?at=… answers — at a seeded random point.
 *
 * Run: node --expose-gc --import tsx bench/history.bench.ts [updates] [queries]   (npm run bench:history)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { textAsOf } from '../server/collab/history';
import { openStore, type Store } from '../server/storage/index';
import { random } from './seeded';

const UPDATES = Number(process.argv[2] ?? 100_000);
const QUERIES = Number(process.argv[3] ?? 40);
const CHECKPOINT_EVERY = 500;
const BATCH = 1000;
const START = Date.parse('2022-10-17T09:00:00.000Z');
const ADMIN = process.env.PENHOLDER_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The log, as y-prosemirror writes it: one update per keystroke. Four writers take turns (the
 * floor passes about every fifty keystrokes); each types a resolution's words at its own cursor,
 * deletes the character before it one keystroke in eight, moves its cursor elsewhere one
 * keystroke in forty, and starts a new operative paragraph one keystroke in three hundred. So
 * 100,000 updates make a text of about 75,000 characters (the eleventh session's whole report
 * is 53,000), with the tombstones of about 12,000 deleted characters. Yields batches of rows and,
 * every CHECKPOINT_EVERY rows, the merged state (as the room checkpoints).
 */
function* typingLog(total: number): Generator<{ rows: Uint8Array[]; checkpoint?: { seq: number; state: Uint8Array } }> {
  const rnd = random(11);
  const doc = new Y.Doc({ gc: true });
  const fragment = doc.getXmlFragment('prosemirror');
  let rows: Uint8Array[] = [];
  let seq = 0;
  doc.on('update', (u: Uint8Array) => void rows.push(u));
  const source =
    'Decides to continue its work on trafficking in persons, and requests the secretariat to report to the Conference at its twelfth session; 决定继续开展工作，并请秘书处向缔约方会议第十二届会议报告；';
  let next = 0;
  const cursors = [0, 1, 2, 3].map(() => ({ block: 0, offset: 0 }));
  const paragraph = (at: number) => {
    const p = new Y.XmlElement('operative');
    p.setAttribute('id', `p${seq}`);
    p.insert(0, [new Y.XmlText('')]);
    fragment.insert(at, [p]);
  };
  paragraph(0);
  seq = 1;
  let w = 0;
  while (seq < total) {
    if (rnd() < 0.02) w = Math.floor(rnd() * 4);
    doc.clientID = 1000 + w;
    const cursor = cursors[w]!;
    const r = rnd();
    if (r < 1 / 300) {
      cursor.block = Math.floor(rnd() * (fragment.length + 1));
      cursor.offset = 0;
      paragraph(cursor.block);
    } else {
      if (r > 1 - 1 / 40 || cursor.block >= fragment.length) cursor.block = Math.floor(rnd() * fragment.length);
      const text = (fragment.get(cursor.block) as Y.XmlElement).get(0) as Y.XmlText;
      if (r > 1 - 1 / 40 || cursor.offset > text.length) cursor.offset = Math.floor(rnd() * (text.length + 1));
      if (r < 1 / 8 && cursor.offset > 0) {
        text.delete(cursor.offset - 1, 1);
        cursor.offset -= 1;
      } else {
        text.insert(cursor.offset, source[next++ % source.length]!);
        cursor.offset += 1;
      }
    }
    seq += 1;
    if (seq % CHECKPOINT_EVERY === 0 || rows.length >= BATCH || seq === total) {
      yield { rows, checkpoint: seq % CHECKPOINT_EVERY === 0 ? { seq, state: Y.encodeStateAsUpdate(doc) } : undefined };
      rows = [];
    }
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function fill(store: Store): Promise<{ draftId: string; ms: number }> {
  const delegation = await store.createDelegation({ code: 'HB', name: { en: 'History bench', zh: 'History bench' }, kind: 'member' });
  const user = await store.createUser({ login: `hb${Date.now()}`, displayName: 'Bench', role: 'delegate', delegationId: delegation.id, passwordHash: 'x' });
  const body = await store.createBody({ name: { en: 'Bench', zh: 'Bench' } });
  const session = await store.createSession({
    bodyId: body.id,
    number: 1,
    title: { en: 'Bench', zh: 'Bench' },
    symbolPrefix: 'HB',
    place: 'here',
    opens: '2022-01-01',
    closes: '2099-01-01',
  });
  const draft = await store.createDraft({
    sessionId: session.id,
    lNumber: 1,
    kind: 'resolution',
    title: { en: 'History', zh: 'History' },
    agendaItem: '1',
    language: 'en',
    submittedBy: null,
    chairUserId: null,
    createdBy: user.id,
  });
  const t0 = performance.now();
  let seq = 0;
  for (const { rows, checkpoint } of typingLog(UPDATES)) {
    await store.appendUpdates(
      rows.map((update) => ({ draftId: draft.id, update, userId: user.id, delegationId: delegation.id, at: new Date(START + ++seq * 1000).toISOString() })),
    );
    if (checkpoint) await store.saveCheckpoint({ draftId: draft.id, seq: checkpoint.seq, state: checkpoint.state });
  }
  return { draftId: draft.id, ms: performance.now() - t0 };
}

async function measure(name: string, store: Store): Promise<void> {
  const { draftId, ms } = await fill(store);
  // Writing 100,000 updates leaves a heap of garbage; collect it now (with --expose-gc, as the
  // npm script runs it) rather than in the middle of a measured query.
  (globalThis as { gc?: () => void }).gc?.();
  const last = await store.lastSeq(draftId);
  const rnd = random(7);
  // The first query after the store opens also pays for compiling statements and warming the
  // JIT: reported on its own, as a server answers it once after a start.
  const cold = performance.now();
  await textAsOf(store, draftId, { seq: Math.floor(last / 2) });
  const coldMs = performance.now() - cold;
  const bySeq: number[] = [];
  const byTime: number[] = [];
  let chars = 0;
  for (let i = 0; i < QUERIES; i++) {
    const seq = 1 + Math.floor(rnd() * last);
    let t = performance.now();
    const a = await textAsOf(store, draftId, { seq });
    bySeq.push(performance.now() - t);
    if (a.seq !== seq) throw new Error(`asked for seq ${seq}, got ${a.seq}`);
    const at = new Date(START + (1 + Math.floor(rnd() * last)) * 1000 + 500).toISOString();
    t = performance.now();
    const b = await textAsOf(store, draftId, { at });
    byTime.push(performance.now() - t);
    if (b.at === null || b.at > at) throw new Error(`asked for ${at}, got ${b.at}`);
    chars = Math.max(chars, a.plain.length);
  }
  const t = performance.now();
  const latest = await textAsOf(store, draftId, {});
  const latestMs = performance.now() - t;
  const fmt = (xs: number[]) => {
    const s = [...xs].sort((p, q) => p - q);
    return `p50 ${quantile(s, 0.5).toFixed(1)} / p95 ${quantile(s, 0.95).toFixed(1)} / max ${s.at(-1)!.toFixed(1)} ms`;
  };
  console.log(
    `${name}: ${last.toLocaleString('en')} updates written in ${(ms / 1000).toFixed(1)} s (latest text ${latest.plain.length.toLocaleString('en')} characters, longest sampled ${chars.toLocaleString('en')})`,
  );
  console.log(`  text as of a seq   (${QUERIES} random): ${fmt(bySeq)}`);
  console.log(`  text as of a time  (${QUERIES} random): ${fmt(byTime)}`);
  console.log(`  first query after opening the store: ${coldMs.toFixed(1)} ms`);
  console.log(
    `  latest text: ${latestMs.toFixed(1)} ms; target ≤ 200 ms: ${Math.max(...bySeq, ...byTime, latestMs) <= 200 ? 'met' : 'NOT met'} (worst of the queries after the first)`,
  );
}

async function admin(sql: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query(sql);
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'ph-history-bench-'));
try {
  const sqlite = await openStore({ dataDir: dir });
  await measure('SQLite', sqlite);
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const db = `ph_history_bench_${process.pid}`;
if (await admin(`CREATE DATABASE "${db}"`)) {
  const url = new URL(ADMIN);
  url.pathname = `/${db}`;
  try {
    const store = await openStore({ dataDir: dir, databaseUrl: url.toString() });
    await measure('PostgreSQL', store);
    await store.close();
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  }
} else {
  console.log(`PostgreSQL: not measured (no answer at ${ADMIN.replace(/\/\/[^@]*@/, '//')})`);
}
