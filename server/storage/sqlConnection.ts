/**
 * The connection interface the shared SQL runs over (repos.ts and the *Repos.ts modules it
 * delegates to); each backend implements it (sqlite.ts, postgres.ts).
 */
import type { RawRow } from './rows';

/** What the shared SQL needs from a backend: statements, and atomic units of work. */
export interface SqlConnection {
  /**
   * The rows of one statement with `?` placeholders. Unique violations reject with
   * `UniqueViolation`. `cache: false` for statements whose text varies (multi-row inserts).
   */
  all(sql: string, params?: readonly unknown[], options?: { cache?: boolean }): Promise<RawRow[]>;
  /** Run one statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[], options?: { cache?: boolean }): Promise<number>;
  /**
   * Run `fn` atomically: in a new transaction, or inside the one this connection is already in.
   * `lazy`: a new transaction's commit need not reach the disk by itself — the next durable
   * commit on the database carries it there (both engines write their log in order). Only for
   * writes that matter once a later write depends on them; ignored inside a transaction.
   * `apartFromLogs`: `fn` neither reads nor writes a draft's update log, its counters or its
   * record (a claim of client ids), so the SQLite store need not first copy its journal of edits
   * into the log, nor forget what the journal knew of drafts (journaledAppends.ts).
   */
  atomic<T>(fn: (conn: SqlConnection) => Promise<T>, options?: AtomicOptions): Promise<T>;
}

/** How a transaction may be run (`SqlConnection.atomic`). */
export interface AtomicOptions {
  lazy?: boolean;
  apartFromLogs?: boolean;
}
