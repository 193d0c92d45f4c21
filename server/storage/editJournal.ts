/**
 * The journal of edits: where the SQLite store makes a collaboration edit durable, before the
 * edit is copied into the `updates` table (sqlite.ts).
 *
 * A commit through SQLite costs its B-tree work, a few pages written to the write-ahead log and
 * the store's transaction code, about 0.35 ms and 200 µs of CPU per edit on this project's
 * machine (BENCHMARKS.md, "the relay's CPU per edit"). Appending the same row to a file of its
 * own costs one `write`. So an edit is written here, flushed (an fdatasync on libuv's thread
 * pool, shared by every record written before it began: walSync.ts), and only then is it
 * acknowledged and relayed; the store copies what the journal holds into SQLite in one
 * transaction every so often, and before anything else reads or writes the database.
 *
 * The file: a header, then records, written in place over a file given its size in advance (as
 * `presizeLog` does for SQLite's log), so that a flush writes data only.
 * - header (32 bytes): magic "PHEJ", format version, the generation's salt, the owner's pid;
 * - record: payload length, salt, CRC-32 of the payload (seeded with the salt), payload.
 * A reader takes records from the header on, and stops at the first whose length, salt or
 * checksum is wrong: the zeros past the end, a record torn by a crash (never acknowledged: its
 * flush had not returned), or a record left over from an earlier generation.
 *
 * Once every record is in SQLite and SQLite's log is flushed, the journal starts over: a new
 * header with the next salt is written at the start (`restart`). The old records past it no
 * longer match the salt. If a crash comes before a new record's flush, the old header may be
 * what the disk holds: its records are then read again, and skipped, since their seqs are not
 * above the draft's counter (replay keeps only what SQLite lacks).
 *
 * One process owns the journal (the server); scripts open the store without one. A server that
 * finds the journal's owner pid alive, and not its own, refuses to start.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { StoredUpdate } from './types';
import { WalSync, type Fsync } from './walSync';

/** One row of the update log as the journal holds it (its seq already assigned). */
export type JournalRow = StoredUpdate;

const MAGIC = 0x4a454850; // "PHEJ" little-endian
const VERSION = 1;
const HEADER_BYTES = 32;
const RECORD_HEAD = 12;
const NULL_STRING = 0xffff;
/** A record this long is refused: an update is limited far below it (server/collab/limits.ts). */
const MAX_RECORD = 64 << 20;

/** The size the journal file is given when it opens, and past which it starts over once all of it is in SQLite. */
export const JOURNAL_BYTES = 4 << 20;

/** What opening found: the records of the current generation, in order. */
export interface JournalContents {
  rows: JournalRow[];
}

/** The append-only journal of one SQLite store. */
export class EditJournal {
  private fd: number;
  private salt: number;
  /** Where the next record goes. */
  private offset = HEADER_BYTES;
  private readonly flusher: WalSync;

  private constructor(
    readonly path: string,
    fd: number,
    salt: number,
    fsync: Fsync | undefined,
  ) {
    this.fd = fd;
    this.salt = salt;
    this.flusher = new WalSync(path, fsync, 'the journal of edits');
  }

  /**
   * Open (or create) the journal at `path`; returns it with what it holds. Throws when another
   * live process owns it.
   */
  static open(path: string, options: { fsync?: Fsync } = {}): { journal: EditJournal; contents: JournalContents } {
    const fd = fs.openSync(path, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
    try {
      const data = fs.readFileSync(fd);
      const header = readHeader(data);
      if (header && header.pid !== process.pid && processAlive(header.pid)) {
        throw new Error(`the journal of edits ${path} belongs to process ${header.pid}, which is running: another Penholder server uses this data directory. Stop it first.`);
      }
      const rows = header ? readRecords(data, header.salt) : [];
      const journal = new EditJournal(path, fd, header ? header.salt : 0, options.fsync);
      journal.offset = HEADER_BYTES + rows.reduce((n, r) => n + r.bytes, 0);
      return { journal, contents: { rows: rows.map((r) => r.row) } };
    } catch (err) {
      fs.closeSync(fd);
      throw err;
    }
  }

  /** Bytes written in this generation (header included). */
  get size(): number {
    return this.offset;
  }

  /**
   * Start a new generation: the next salt, this process as owner, the records after it
   * written from the start. Call only when everything the journal holds is durable elsewhere.
   * The file is given `JOURNAL_BYTES` (zeros) if it has less, and flushed with its header.
   */
  restart(): void {
    this.salt = (this.salt + 1) >>> 0;
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(VERSION, 4);
    header.writeUInt32LE(this.salt, 8);
    header.writeUInt32LE(process.pid, 12);
    const size = fs.fstatSync(this.fd).size;
    if (size < JOURNAL_BYTES) {
      const zeros = Buffer.alloc(Math.min(JOURNAL_BYTES - size, 1 << 20));
      for (let at = size; at < JOURNAL_BYTES; at += zeros.length) fs.writeSync(this.fd, zeros, 0, Math.min(zeros.length, JOURNAL_BYTES - at), at);
      fs.writeSync(this.fd, header, 0, HEADER_BYTES, 0);
      fs.fsyncSync(this.fd);
    } else {
      // No flush needed: a record written after it is flushed with it; until then the old
      // header's records are all in SQLite already (replay skips them).
      fs.writeSync(this.fd, header, 0, HEADER_BYTES, 0);
    }
    this.offset = HEADER_BYTES;
  }

  /**
   * Write `rows` after the last record, synchronously (the page cache has them when it returns;
   * `sync` makes them durable). On a failed write nothing counts as written: the next write
   * goes over it.
   */
  append(rows: readonly JournalRow[]): void {
    // After a failed flush the file's state on the disk is unknown: nothing more is written.
    if (this.flusher.failure) throw this.flusher.failure;
    const buf = encodeRecords(rows, this.salt);
    let done = 0;
    while (done < buf.length) done += fs.writeSync(this.fd, buf, done, buf.length - done, this.offset + done);
    this.offset += buf.length;
    this.flusher.committed();
  }

  /** Resolves once everything appended before the call is on the disk (group fdatasync). */
  sync(): Promise<void> {
    return this.flusher.sync();
  }

  /** Resolves once everything appended so far is on the disk (at once when nothing waits). */
  settled(): Promise<void> {
    return this.flusher.settled();
  }

  /** Close the file (after the last sync). */
  close(): void {
    this.flusher.close();
    fs.closeSync(this.fd);
  }
}

function readHeader(data: Buffer): { salt: number; pid: number } | null {
  if (data.length < HEADER_BYTES || data.readUInt32LE(0) !== MAGIC || data.readUInt32LE(4) !== VERSION) return null;
  return { salt: data.readUInt32LE(8), pid: data.readUInt32LE(12) };
}

function processAlive(pid: number): boolean {
  if (pid === 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The records of generation `salt`, up to the first that is not whole and its own. */
function readRecords(data: Buffer, salt: number): { row: JournalRow; bytes: number }[] {
  const out: { row: JournalRow; bytes: number }[] = [];
  let at = HEADER_BYTES;
  while (at + RECORD_HEAD <= data.length) {
    const length = data.readUInt32LE(at);
    if (length === 0 || length > MAX_RECORD || at + RECORD_HEAD + length > data.length) break;
    if (data.readUInt32LE(at + 4) !== salt) break;
    const payload = data.subarray(at + RECORD_HEAD, at + RECORD_HEAD + length);
    if (zlib.crc32(payload, salt) !== data.readUInt32LE(at + 8)) break;
    const row = decodeRow(payload);
    if (!row) break;
    out.push({ row, bytes: RECORD_HEAD + length });
    at += RECORD_HEAD + length;
  }
  return out;
}

function stringBytes(s: string | null): number {
  return 2 + (s === null ? 0 : Buffer.byteLength(s));
}

function encodeRecords(rows: readonly JournalRow[], salt: number): Buffer {
  let total = 0;
  const lengths = rows.map((r) => {
    const n = 8 + stringBytes(r.draftId) + stringBytes(r.userId) + stringBytes(r.delegationId) + stringBytes(r.at) + 4 + r.update.length;
    if (n > MAX_RECORD) throw new RangeError(`an update of ${r.update.length} bytes is too large for the journal of edits`);
    total += RECORD_HEAD + n;
    return n;
  });
  const buf = Buffer.allocUnsafe(total);
  let at = 0;
  rows.forEach((r, i) => {
    const length = lengths[i]!;
    const start = at + RECORD_HEAD;
    let p = start;
    p = buf.writeDoubleLE(r.seq, p);
    p = writeString(buf, p, r.draftId);
    p = writeString(buf, p, r.userId);
    p = writeString(buf, p, r.delegationId);
    p = writeString(buf, p, r.at);
    p = buf.writeUInt32LE(r.update.length, p);
    buf.set(r.update, p);
    buf.writeUInt32LE(length, at);
    buf.writeUInt32LE(salt, at + 4);
    buf.writeUInt32LE(zlib.crc32(buf.subarray(start, start + length), salt), at + 8);
    at = start + length;
  });
  return buf;
}

function writeString(buf: Buffer, at: number, s: string | null): number {
  if (s === null) return buf.writeUInt16LE(NULL_STRING, at);
  const n = buf.write(s, at + 2);
  if (n >= NULL_STRING) throw new RangeError('a name too long for the journal of edits');
  buf.writeUInt16LE(n, at);
  return at + 2 + n;
}

function decodeRow(p: Buffer): JournalRow | null {
  let at = 0;
  const str = (): string | null | undefined => {
    if (at + 2 > p.length) return undefined;
    const n = p.readUInt16LE(at);
    at += 2;
    if (n === NULL_STRING) return null;
    if (at + n > p.length) return undefined;
    const s = p.toString('utf8', at, at + n);
    at += n;
    return s;
  };
  if (p.length < 8) return null;
  const seq = p.readDoubleLE(0);
  at = 8;
  const draftId = str();
  const userId = str();
  const delegationId = str();
  const time = str();
  if (typeof draftId !== 'string' || userId === undefined || delegationId === undefined || typeof time !== 'string') return null;
  if (at + 4 > p.length) return null;
  const n = p.readUInt32LE(at);
  at += 4;
  if (at + n !== p.length || !Number.isSafeInteger(seq) || seq < 1) return null;
  return { draftId, seq, userId, delegationId, at: time, update: new Uint8Array(p.subarray(at, at + n)) };
}
