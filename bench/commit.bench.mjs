#!/usr/bin/env node
// What a durable commit costs on this disk, with raw better-sqlite3 in WAL mode, one commit every
// --gap ms (a server between keystrokes, not a loop that keeps the disk busy):
//  1. one small append: synchronous FULL, NORMAL plus our own fdatasync or fsync of the -wal file
//     (better-sqlite3 builds SQLite without HAVE_FDATASYNC), the fdatasync after the log was
//     given its size (the store's other writes), a record of the journal of edits written and
//     fdatasync'd (the store's collaboration edits), NORMAL alone;
//  2. a client's first edit, a client-id claim then an append: the claim FULL, or lazy (NORMAL,
//     carried to disk by the append's flush — what the store does).
//   node bench/commit.bench.mjs [--commits 400] [--gap 20] [--pairs 3]
//   node bench/commit.bench.mjs --only-full FILE [--commits 200]   # only case 1's FULL, its p50/p95/p99 as JSON in FILE
//                                                                 # (bench/run-floor.sh: "one durable commit" of each round)
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from './args.mjs';

const args = parseArgs(process.argv.slice(2));
const N = Number(args.commits ?? 400);
const GAP = Number(args.gap ?? 20);
const PAIRS = Number(args.pairs ?? 3);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (a, p) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const line = (name, lat) => `| ${name} | ${pct(lat, 50).toFixed(2)} | ${pct(lat, 95).toFixed(2)} | ${pct(lat, 99).toFixed(2)} |`;

/** Time `commit(i)` N times, GAP ms apart, on a fresh WAL database. */
async function timed(setup) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-commit-'));
  const file = path.join(dir, 'bench.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE client_ids (id INTEGER PRIMARY KEY, user_id TEXT); CREATE TABLE updates (seq INTEGER PRIMARY KEY, b BLOB)');
  const commit = setup(db, file);
  commit(0);
  const lat = [];
  try {
    for (let i = 1; i <= N; i++) {
      await sleep(GAP);
      const t = process.hrtime.bigint();
      commit(i);
      lat.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true });
  }
  return lat;
}

const append = (db) => db.transaction((i) => db.prepare('INSERT INTO updates (b) VALUES (?)').run(Buffer.alloc(60, i % 256)));
const claim = (db) => db.transaction((i) => db.prepare('INSERT INTO client_ids (id, user_id) VALUES (?, ?)').run(i, 'u'));

const single = {
  FULL: (db) => {
    db.pragma('synchronous = FULL');
    return append(db);
  },
  'NORMAL + fdatasync(-wal)': (db, file) => {
    db.pragma('synchronous = NORMAL');
    const a = append(db);
    let fd = null;
    return (i) => {
      a(i);
      fd ??= fs.openSync(`${file}-wal`, 'r+');
      fs.fdatasyncSync(fd);
    };
  },
  'NORMAL + fdatasync(-wal), the log given its size first (the store)': (db, file) => {
    db.pragma('synchronous = NORMAL');
    const a = append(db);
    // As the store does when it opens (server/storage/walSync.ts, presizeLog): 4 MiB of zeros
    // past the log's end, flushed once, so that commits write over blocks the file has.
    const fd = fs.openSync(`${file}-wal`, 'r+');
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc((4 << 20) - size), 0, (4 << 20) - size, size);
    fs.fsyncSync(fd);
    return (i) => {
      a(i);
      fs.fdatasyncSync(fd);
    };
  },
  'NORMAL + fsync(-wal)': (db, file) => {
    db.pragma('synchronous = NORMAL');
    const a = append(db);
    let fd = null;
    return (i) => {
      a(i);
      fd ??= fs.openSync(`${file}-wal`, 'r+');
      fs.fsyncSync(fd);
    };
  },
  "a record of the journal of edits, written and fdatasync'd (the store, for collaboration edits)": (_db, file) => {
    // As the server's store takes an edit (server/storage/editJournal.ts): one record written in
    // place over a file given its size, then flushed; SQLite gets it later, off the edit's path.
    const fd = fs.openSync(`${file}-edits`, 'w+');
    fs.writeSync(fd, Buffer.alloc(4 << 20), 0, 4 << 20, 0);
    fs.fsyncSync(fd);
    let at = 32;
    return (i) => {
      const record = Buffer.alloc(140, i % 256);
      fs.writeSync(fd, record, 0, record.length, at);
      at += record.length;
      fs.fdatasyncSync(fd);
    };
  },
  'NORMAL (not durable)': (db) => {
    db.pragma('synchronous = NORMAL');
    return append(db);
  },
};
const firstEdit = {
  'claim FULL, append FULL': (db) => {
    db.pragma('synchronous = FULL');
    const c = claim(db);
    const a = append(db);
    return (i) => {
      c(i);
      a(i);
    };
  },
  'claim lazy, append FULL': (db) => {
    db.pragma('synchronous = FULL');
    const c = claim(db);
    const a = append(db);
    return (i) => {
      db.pragma('synchronous = NORMAL');
      c(i);
      db.pragma('synchronous = FULL');
      a(i);
    };
  },
};

if (args['only-full']) {
  const lat = await timed(single.FULL);
  fs.writeFileSync(args['only-full'], JSON.stringify({ commits: N, gapMs: GAP, p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99) }));
  process.exit(0);
}

for (const [title, cases] of [
  ['One append', single],
  ["A client's first edit (claim, then append)", firstEdit],
]) {
  console.log(`\n${title}: ${N} commits ${GAP} ms apart, ${PAIRS} alternating rounds\n\n| setting | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|`);
  for (let r = 0; r < PAIRS; r++) for (const [name, setup] of Object.entries(cases)) console.log(line(name, await timed(setup)));
}
