/**
 * The SQLite writer thread: a connection of its own to the store's file that commits the update
 * log's writes (synchronous = FULL), so that each commit's fsync blocks this thread and not the
 * server's event loop. Requests run one at a time, in arrival order, each in its own
 * BEGIN IMMEDIATE … COMMIT; the reply is posted only after COMMIT has returned.
 *
 * Plain ESM JavaScript, so that it starts the same under node, tsx and vitest without a loader.
 * The protocol and the main thread's side are in sqliteWriter.ts.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { appendUpdateRows, claimClientIdRows, saveCheckpointRow } from './updateLogWrites.mjs';

const db = new Database(workerData.file);
// journal_mode = WAL is a property of the file, set by the main connection when it opened it.
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma(`busy_timeout = ${Number(workerData.busyTimeoutMs)}`);

const statements = new Map();

// Absolute times of the call being timed (msg.trace): read, its SQL written, its COMMIT returned.
const clock = () => performance.timeOrigin + performance.now();
let timing = null;

// better-sqlite3 binds numbers, strings, bigints, Buffers and null only (as sqlite.ts's bind).
const bind = (params) =>
  params.map((p) => {
    if (p === undefined) return null;
    if (typeof p === 'boolean') return p ? 1 : 0;
    if (p instanceof Uint8Array && !Buffer.isBuffer(p)) return Buffer.from(p.buffer, p.byteOffset, p.byteLength);
    return p;
  });

function prepare(sql, cache) {
  let stmt = statements.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (cache) statements.set(sql, stmt);
  }
  return stmt;
}

/** The connection updateLogWrites.mjs writes through; synchronous underneath. */
const conn = {
  async all(sql, params = [], options) {
    const stmt = prepare(sql, options?.cache ?? true);
    if (stmt.reader) return stmt.all(bind(params));
    stmt.run(bind(params));
    return [];
  },
  async run(sql, params = [], options) {
    return prepare(sql, options?.cache ?? true).run(bind(params)).changes;
  },
  async atomic(fn, options) {
    if (db.inTransaction) return fn(conn);
    // A lazy commit skips its own fsync of the WAL; the next FULL commit's fsync covers it.
    if (options?.lazy) db.pragma('synchronous = NORMAL');
    try {
      // IMMEDIATE takes the write lock now; while the main connection holds it, wait (busy_timeout).
      prepare('BEGIN IMMEDIATE', true).run();
      try {
        const result = await fn(conn);
        if (timing) timing.written = clock();
        prepare('COMMIT', true).run();
        if (timing) timing.committed = clock();
        return result;
      } catch (err) {
        if (db.inTransaction) prepare('ROLLBACK', true).run();
        throw err;
      }
    } finally {
      if (options?.lazy) db.pragma('synchronous = FULL');
    }
  },
};

const operations = {
  appendUpdates: (rows) => appendUpdateRows(conn, rows),
  saveCheckpoint: (checkpoint) => saveCheckpointRow(conn, checkpoint),
  claimClientIds: (claim) => claimClientIdRows(conn, claim),
  settings: async () => ({
    journalMode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreignKeys: db.pragma('foreign_keys', { simple: true }),
    busyTimeout: db.pragma('busy_timeout', { simple: true }),
  }),
};

let chain = Promise.resolve();

parentPort.on('message', (msg) => {
  if (msg.op === 'close') {
    // After every earlier request; with nothing left listening, the thread then ends.
    chain = chain.then(() => {
      db.close();
      parentPort.close();
    });
    return;
  }
  const received = msg.trace ? clock() : 0;
  chain = chain.then(async () => {
    timing = msg.trace ? { received, written: 0, committed: 0 } : null;
    try {
      const op = operations[msg.op];
      if (!op) throw new Error(`unknown writer operation ${msg.op}`);
      const value = await op(msg.args);
      parentPort.postMessage(timing ? { id: msg.id, value, timing } : { id: msg.id, value });
    } catch (err) {
      // draftIds: a DraftFrozen refusal names its drafts, and the main thread rebuilds it from them.
      parentPort.postMessage({ id: msg.id, error: { name: err?.name, message: String(err?.message ?? err), code: err?.code, draftIds: err?.draftIds } });
    }
  });
});
