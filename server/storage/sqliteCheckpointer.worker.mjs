/**
 * The SQLite checkpointer thread: a connection of its own to the store's file that copies the
 * write-ahead log back into the database file when asked (PRAGMA wal_checkpoint(PASSIVE)), so
 * that this copy and its two fsyncs (the log's, then the database file's) block this thread and
 * never the server's event loop. A PASSIVE checkpoint takes no write lock: the main connection
 * keeps committing meanwhile, and rewrites the log from its start once everything in it is copied.
 *
 * Plain ESM JavaScript, so that it starts the same under node, tsx and vitest without a loader.
 * The main thread's side is sqliteCheckpointer.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
// A checkpoint flushes the log before it copies it, and the database file after (NORMAL or FULL).
db.pragma('synchronous = FULL');
db.pragma(`busy_timeout = ${Number(workerData.busyTimeoutMs)}`);
// This connection never commits anything, so it would never checkpoint by itself: only on request.
db.pragma('wal_autocheckpoint = 0');

const operations = {
  /** Copy what it can of the log; answers SQLite's counts: [busy, frames in the log, frames copied]. */
  checkpoint: () => {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    return [row.busy, row.log, row.checkpointed];
  },
  settings: () => ({
    journalMode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    busyTimeout: db.pragma('busy_timeout', { simple: true }),
  }),
};

parentPort.on('message', (msg) => {
  if (msg.op === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const op = operations[msg.op];
    if (!op) throw new Error(`unknown checkpointer operation ${msg.op}`);
    parentPort.postMessage({ id: msg.id, value: op() });
  } catch (err) {
    parentPort.postMessage({ id: msg.id, error: { name: err?.name, message: String(err?.message ?? err), code: err?.code } });
  }
});
