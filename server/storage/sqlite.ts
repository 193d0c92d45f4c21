/**
 * The embedded store: one SQLite file through better-sqlite3, needing no other service.
 *
 * One connection serves everything. better-sqlite3 is synchronous while the store's API is
 * async and a transaction runs an async function, so every call on it goes through a mutex:
 * while a transaction is open, other calls wait their turn instead of landing inside someone
 * else's BEGIN … COMMIT. Inside `transaction(fn)`, use the `tx` argument, not the store (that
 * would wait for itself; it is refused with an error instead).
 *
 * Durability is explicit (walSync.ts). The connection commits with synchronous = NORMAL, which
 * writes each transaction to the write-ahead log without flushing it; the store then flushes
 * the log with an fdatasync on libuv's thread pool, shared by every commit made before it began,
 * and only then does the write resolve. So a write is on the disk before anyone hears it
 * succeeded, as with synchronous = FULL, but no fsync ever holds the event loop, and a
 * collaboration commit needs no other thread's round trip. A read waits until everything
 * committed before it is on the disk, so that nothing is read that a crash of the machine could
 * take back. A transaction's result is returned after its own flush, which carries every
 * earlier commit with it. Client-id claims commit lazily: the append that depends on them
 * flushes them. Checkpoints (copying the log into the database file, two more fsyncs) run in a
 * thread of their own (sqliteCheckpointer.ts). The log file is given its working size when the
 * store opens, so that a commit's flush writes data only, never a longer file's new size.
 *
 * The server's store takes collaboration edits (`appendUpdates` outside a transaction) through a
 * journal of its own instead of SQL (editJournal.ts, journaledAppends.ts): one record written and
 * flushed per batch, copied into the `updates` table every 100 ms and before any other statement
 * runs (but a claim of client ids, which touches no log), so that nothing read or written through
 * the connection misses an edit.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import * as accounts from './accountRepos';
import { EditJournal, JOURNAL_BYTES } from './editJournal';
import { DRAIN_MS, JournaledAppends } from './journaledAppends';
import { applyMigrations } from './migrate';
import { Mutex } from './mutex';
import { SqlRepos, storedUpdates, updateRows } from './repos';
import type { RawRow } from './rows';
import type { UpdateRow } from './updateLogWrites.mjs';
import type { SqlConnection } from './sqlConnection';
import { SqliteCheckpointer } from './sqliteCheckpointer';
import { UniqueViolation, type AuthSessionRow, type NewUpdate, type RecordRepos, type Store, type StoredUpdate, type UpdateLogRepo } from './types';
import { presizeLog, WalSync, type Fsync } from './walSync';

/** How long a connection waits for another's lock (a script on the same file, the checkpointer), in ms. */
const BUSY_TIMEOUT_MS = 5000;

/** Commits after which the log is copied into the database file (a few MB of log at most). */
const CHECKPOINT_EVERY_COMMITS = 256;

/**
 * The size the log file is given when the store opens: about what it reaches between two
 * checkpoints while delegates type (256 commits of a few pages each), so that commits write
 * over blocks it has rather than make it longer (walSync.ts, `presizeLog`).
 */
export const LOG_FILE_BYTES = 4 << 20;

/** The transaction that the current async context runs in, while it is open. */
interface TxToken {
  open: boolean;
}

// better-sqlite3 binds numbers, strings, bigints, Buffers and null only.
const bind = (params: readonly unknown[]): unknown[] =>
  params.map((p) => {
    if (p === undefined) return null;
    if (typeof p === 'boolean') return p ? 1 : 0;
    if (p instanceof Uint8Array && !Buffer.isBuffer(p)) return Buffer.from(p.buffer, p.byteOffset, p.byteLength);
    return p;
  });

/** One better-sqlite3 connection with a statement cache, a mutex and transactions. */
class SqliteEngine {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly mutex = new Mutex();
  private readonly tx = new AsyncLocalStorage<TxToken>();
  /** `table.col, table.col` (as SQLite words a violation) → index name; built on first need. */
  private uniqueNames: Map<string, string> | null = null;

  /** Commits since the last checkpoint. */
  private commitsSinceCheckpoint = 0;

  /** Collaboration edits' way to the disk (editJournal.ts), once `openJournal` ran; null for a script's store. */
  journaled: JournaledAppends | null = null;
  /** A lazy commit (a claim of client ids) waits for the next append's flush, which must then flush SQLite's log too. */
  private walOwed = false;
  private drainTimer: NodeJS.Timeout | null = null;

  /** Statements outside a transaction: each waits for the mutex; each write is durable once resolved. */
  readonly outside: SqlConnection = {
    all: (sql, params, options) => this.single(sql, options, (stmt) => this.allOf(stmt, params)),
    run: (sql, params, options) => this.single(sql, options, (stmt) => this.runOf(stmt, params)),
    atomic: (fn, options) => this.atomic(fn, options?.lazy === true, false, options?.apartFromLogs === true),
  };

  /** Statements inside the open transaction: the mutex is already held. */
  private readonly inside: SqlConnection = {
    all: async (sql, params, options) => this.all(sql, params, options),
    run: async (sql, params, options) => this.run(sql, params, options),
    atomic: (fn) => fn(this.inside),
  };

  constructor(
    readonly db: Database.Database,
    private readonly durable: WalSync,
    private readonly checkpointer: SqliteCheckpointer,
    private readonly log: (message: string, err: unknown) => void,
    /** How long an edit may stay in the journal only (journaledAppends.ts, `DRAIN_MS`). */
    private readonly drainMs = DRAIN_MS,
  ) {}

  /**
   * One statement outside a transaction, alone. A read first waits until everything committed is
   * on the disk (no commit can start meanwhile: the mutex is held): SQLite's log, except for the
   * journal's copies, which are on the disk once the journal's flush in flight returns. So a read
   * after typing waits for no flush of SQLite's log. A write resolves once the log is flushed.
   */
  private async single<T>(sql: string, options: { cache?: boolean } | undefined, exec: (stmt: Database.Statement) => T): Promise<T> {
    let wrote = false;
    const value = await this.locked(async () => {
      const stmt = this.prepare(sql, options?.cache ?? true);
      wrote = !stmt.readonly;
      this.beforeStatement(wrote);
      if (!wrote) await Promise.all([this.durable.settled(), this.journaled?.journal.settled()]);
      try {
        return exec(stmt);
      } finally {
        if (wrote) this.committed();
      }
    });
    if (wrote) await this.flushed();
    return value;
  }

  /**
   * A transaction outside any other; resolves once it is on the disk, unless `lazy` (a later
   * flush carries it). `guarded`: `fn` is a caller's, which must not call the store (it would
   * wait for itself); such a call is refused. `apartFromLogs`: `fn` touches no draft's update
   * log, counters or record (SqlConnection.atomic), so the journal is left as it is.
   */
  async atomic<T>(fn: (conn: SqlConnection) => Promise<T>, lazy: boolean, guarded = false, apartFromLogs = false): Promise<T> {
    const value = await this.locked(async () => {
      if (!apartFromLogs) this.beforeStatement(true);
      const result = await this.inTransaction(fn, guarded);
      if (lazy && this.journaled) this.walOwed = true;
      return result;
    });
    if (!lazy) await this.flushed();
    return value;
  }

  /**
   * Before a statement or transaction that does not go through the journal, a claim of client
   * ids aside (`atomic`'s `apartFromLogs`), with the mutex held: copy
   * what the journal holds into the `updates` table, so that it is seen; and before a write,
   * forget what the journal knew of drafts (the write may freeze one, or append to its log).
   */
  private beforeStatement(writes: boolean): void {
    if (!this.journaled) return;
    this.journaled.drain();
    if (writes) this.journaled.forget();
  }

  /**
   * Open the journal of edits at `path`: store what it holds that SQLite lacks (after a crash),
   * make that durable, and start the journal over. From then on `appendEdits` takes the edits.
   */
  async openJournal(path: string, fsync: Fsync | undefined): Promise<number> {
    const { journal, contents } = EditJournal.open(path, { fsync });
    const journaled = new JournaledAppends({ all: (sql, params) => this.all(sql, params), run: (sql, params) => this.run(sql, params), copied: () => this.copied() }, journal);
    try {
      const replayed = await this.locked(() => journaled.replay(contents.rows));
      await this.flushed();
      journal.restart();
      this.journaled = journaled;
      return replayed;
    } catch (err) {
      journal.close();
      throw err;
    }
  }

  /**
   * Append collaboration edits through the journal; resolves to their seqs once they are on the
   * disk (with the client-id claims committed lazily before them).
   */
  async appendEdits(rows: UpdateRow[]): Promise<number[]> {
    const journaled = this.journaled!;
    let owed = false;
    const seqs = await this.locked(() => {
      const seqs = journaled.write(rows);
      owed = this.walOwed;
      this.walOwed = false;
      return seqs;
    });
    this.scheduleDrain();
    if (owed) await Promise.all([journaled.journal.sync(), this.durable.sync()]);
    else await journaled.journal.sync();
    return seqs;
  }

  private scheduleDrain(): void {
    if (this.drainTimer) return;
    this.drainTimer = setTimeout(() => {
      this.drainTimer = null;
      void this.locked(() => this.drainAndRestart()).catch((err: unknown) => this.log('SQLite: copying the journal of edits failed; the next statement will try again', err));
    }, this.drainMs);
    this.drainTimer.unref();
  }

  /**
   * Copy the journal into SQLite (mutex held). Once the journal's file is half full, flush
   * SQLite's log, start the journal over (all it held is then durable in SQLite) and copy the
   * log into the database file: a copy of many edits makes one commit of many pages, so the
   * count of commits alone would let the log grow far past its size.
   */
  private async drainAndRestart(): Promise<void> {
    const journaled = this.journaled;
    if (!journaled) return;
    journaled.drain();
    if (journaled.journal.size < JOURNAL_BYTES / 2) return;
    // The mutex is held meanwhile: no append can reach the journal before it starts over.
    await this.flushed(true);
    journaled.journal.restart();
  }

  /** Resolves once everything committed so far is on the disk (the writes of `transaction(fn)` and of migrations). */
  async flushed(force = false): Promise<void> {
    await this.durable.sync();
    this.maybeCheckpoint(force);
  }

  // Say a COMMIT returned: it waits for the next flush.
  private committed(): void {
    this.durable.committed();
    this.commitsSinceCheckpoint++;
  }

  // Say a COMMIT of the journal's copies returned: the journal starts over only after the next flush.
  private copied(): void {
    this.durable.committedCopies();
    this.commitsSinceCheckpoint++;
  }

  /**
   * Every so many commits, copy the log into the database file in the checkpointer thread. The
   * mutex is held meanwhile, so that no commit lands in the log while it is copied: the copy then
   * takes all of it, and the next commit starts the log over instead of growing it (with commits
   * going on during a copy, it would never be complete). Commits wait a few ms; the event loop
   * does not.
   */
  private maybeCheckpoint(force = false): void {
    if ((!force && this.commitsSinceCheckpoint < CHECKPOINT_EVERY_COMMITS) || this.checkpointer.busy) return;
    this.commitsSinceCheckpoint = 0;
    void this.mutex
      .run(() => (this.db.open ? this.checkpointer.checkpoint() : undefined))
      .catch((err: unknown) => this.log('SQLite: a checkpoint failed; the next one will try again', err));
  }

  /** Give the log file `bytes` (presizeLog), holding the write lock so that no other process appends to it meanwhile. */
  presizeLog(bytes: number): Promise<number> {
    return this.locked(() => {
      this.run('BEGIN IMMEDIATE');
      try {
        return presizeLog(`${this.db.name}-wal`, bytes);
      } finally {
        this.run('ROLLBACK');
      }
    });
  }

  /** Run `fn` alone: after every earlier call, before every later one. */
  locked<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.outsideTransaction(() =>
      this.mutex.run(() => {
        if (!this.db.open) throw new Error('the store is closed');
        return fn();
      }),
    );
  }

  /**
   * Run `fn` unless called from inside this store's open transaction: there it would wait for a
   * lock the transaction holds, so it is refused instead.
   */
  outsideTransaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.tx.getStore()?.open) {
      return Promise.reject(new Error('store called inside its own transaction: use the tx argument of transaction(fn)'));
    }
    return fn();
  }

  /** BEGIN IMMEDIATE … COMMIT around `fn`; ROLLBACK if it throws. Call with the mutex held. */
  async inTransaction<T>(fn: (conn: SqlConnection) => Promise<T>, guarded = false): Promise<T> {
    // IMMEDIATE takes the write lock now, so another process on the same file (a CLI script)
    // makes us wait at BEGIN (busy_timeout) rather than fail half-way at the first write.
    this.run('BEGIN IMMEDIATE');
    const token: TxToken | null = guarded ? { open: true } : null;
    try {
      const result = token ? await this.tx.run(token, () => fn(this.inside)) : await fn(this.inside);
      this.run('COMMIT');
      this.committed();
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.run('ROLLBACK');
      throw err;
    } finally {
      // An enabled AsyncLocalStorage makes Node 20 run a hook on every promise of the process,
      // the collaboration path's included (about 8 % of an edit's time in bench/editPath.bench.mjs),
      // and switching it on costs too. So only `transaction(fn)`, which runs a caller's code, is
      // guarded by it (the store's own transactions never call the store); transactions run one
      // at a time (the mutex), so once this one ends it is switched off until the next.
      if (token) {
        token.open = false;
        this.tx.disable();
      }
    }
  }

  all(sql: string, params: readonly unknown[] = [], options?: { cache?: boolean }): RawRow[] {
    return this.allOf(this.prepare(sql, options?.cache ?? true), params);
  }

  run(sql: string, params: readonly unknown[] = [], options?: { cache?: boolean }): number {
    return this.runOf(this.prepare(sql, options?.cache ?? true), params);
  }

  private allOf(stmt: Database.Statement, params: readonly unknown[] = []): RawRow[] {
    try {
      if (stmt.reader) return stmt.all(bind(params)) as RawRow[];
      stmt.run(bind(params));
      return [];
    } catch (err) {
      throw this.translate(err);
    }
  }

  private runOf(stmt: Database.Statement, params: readonly unknown[] = []): number {
    try {
      return stmt.run(bind(params)).changes;
    } catch (err) {
      throw this.translate(err);
    }
  }

  /** Forget what was learnt from the schema (after migrations change it). */
  schemaChanged(): void {
    this.statements.clear();
    this.uniqueNames = null;
  }

  /** Let what is committed reach the disk, then close the connection and the checkpointer. */
  async close(): Promise<void> {
    await this.mutex.run(async () => {
      if (!this.db.open) return;
      if (this.drainTimer) clearTimeout(this.drainTimer);
      const journaled = this.journaled;
      this.journaled = null;
      if (journaled) {
        await journaled.journal.settled().catch(() => undefined);
        journaled.drain();
      }
      // With a journal, a flush even when only copies wait for one: the journal then starts over.
      await (journaled ? this.durable.sync() : this.durable.settled()).catch(() => undefined);
      if (journaled) {
        // Everything the journal held is in SQLite and on the disk: start it over for the next open.
        if (this.durable.clean) journaled.journal.restart();
        journaled.journal.close();
      }
      await this.checkpointer.close();
      this.db.close();
      this.durable.close();
    });
  }

  private prepare(sql: string, cache: boolean): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (cache) this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /**
   * SQLite names the columns of a broken unique index, not the index ("UNIQUE constraint failed:
   * drafts.session_id, drafts.l_number"), except for expression indexes. Map the columns back to
   * the index name, so that both backends report the same constraint. Primary keys are reported
   * as `<table>_pkey`, as PostgreSQL names them.
   */
  translate(err: unknown): unknown {
    const code = (err as { code?: unknown }).code;
    if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return err;
    const detail = String((err as Error).message).replace(/^UNIQUE constraint failed: /, '');
    const index = /^index '(.+)'$/.exec(detail);
    if (index) return new UniqueViolation(index[1]!);
    const known = this.uniqueIndexNames().get(detail);
    if (known) return new UniqueViolation(known);
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new UniqueViolation(`${detail.split('.')[0]}_pkey`);
    return new UniqueViolation(detail);
  }

  private uniqueIndexNames(): Map<string, string> {
    if (this.uniqueNames) return this.uniqueNames;
    const names = new Map<string, string>();
    const tables = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    for (const { name: table } of tables) {
      const indexes = this.db.pragma(`index_list("${table}")`) as { name: string; unique: number; origin: string }[];
      for (const ix of indexes.filter((i) => i.unique)) {
        const cols = this.db.pragma(`index_info("${ix.name}")`) as { name: string | null }[];
        if (cols.some((c) => c.name === null)) continue; // expression index: SQLite names it itself
        const key = cols.map((c) => `${table}.${c.name}`).join(', ');
        names.set(key, ix.origin === 'pk' ? `${table}_pkey` : ix.name);
      }
    }
    this.uniqueNames = names;
    return names;
  }
}

/** A store in one SQLite file. */
export class SqliteStore extends SqlRepos implements Store {
  readonly kind = 'sqlite' as const;

  private constructor(
    private readonly engine: SqliteEngine,
    /** The checkpointer thread; exposed for tests and diagnostics. */
    readonly checkpointer: SqliteCheckpointer,
    /** The journal of edits' file (the database file's name with `-edits`), or null for a script's store. */
    readonly journalPath: string | null,
    private readonly fsync: Fsync | undefined,
  ) {
    super(engine.outside);
  }

  /**
   * Open (or create) the database file. Call `migrate()` before use. `fsync` flushes the logs
   * (fs.fdatasync; tests give one they control). `journal: false` for a script beside a running
   * server: its store writes every update through SQL and leaves the server's journal alone.
   * `drainMs`: how long an edit may stay in the journal only (tests make it long, to see a crash
   * find edits there).
   */
  static open(file: string, options: { fsync?: Fsync; journal?: boolean; drainMs?: number } = {}): SqliteStore {
    const db = new Database(file);
    // WAL lets readers of other processes (backups, scripts) run beside the writer. NORMAL: a
    // COMMIT writes the log but does not flush it; the store flushes it itself before a write
    // resolves (walSync.ts), off the event loop. Checkpoints only on request (sqliteCheckpointer.ts).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const checkpointer = new SqliteCheckpointer(file, BUSY_TIMEOUT_MS);
    const engine = new SqliteEngine(db, new WalSync(`${file}-wal`, options.fsync), checkpointer, (message, err) => console.warn(message, err), options.drainMs);
    return new SqliteStore(engine, checkpointer, options.journal === false ? null : `${file}-edits`, options.fsync);
  }

  /** The open better-sqlite3 connection, for tests and maintenance scripts. */
  get database(): Database.Database {
    return this.engine.db;
  }

  async migrate(): Promise<void> {
    await this.engine.locked(async () => {
      await this.engine.inTransaction((conn) =>
        applyMigrations(
          {
            exec: async (sql) => void this.engine.db.exec(sql),
            all: (sql, params) => conn.all(sql, params),
          },
          'sqlite',
        ),
      );
      this.engine.schemaChanged();
    });
    await this.engine.flushed();
    await this.engine.presizeLog(LOG_FILE_BYTES);
    // The schema is in place: start the checkpointer now, so that the first checkpoint does not wait for it.
    this.checkpointer.start();
    if (this.journalPath && !this.engine.journaled) {
      const replayed = await this.engine.openJournal(this.journalPath, this.fsync);
      if (replayed > 0) console.warn(`SQLite: ${replayed} edit(s) recovered from the journal of edits after a crash`);
    }
  }

  /** Collaboration edits go through the journal of edits once it is open (journaledAppends.ts). */
  override async appendUpdates(updates: NewUpdate[]): Promise<StoredUpdate[]> {
    if (!this.engine.journaled) return super.appendUpdates(updates);
    const input = updateRows(updates);
    if (input.length === 0) return [];
    return storedUpdates(input, await this.engine.appendEdits(input));
  }

  /** Run `fn` in one transaction, through `tx` (a call on the store itself from inside it is refused); resolves once it is on the disk. */
  transaction<T>(fn: (tx: RecordRepos & UpdateLogRepo) => Promise<T>): Promise<T> {
    return this.engine.atomic((conn) => fn(new SqlRepos(conn)), false, true);
  }

  createIssuedToken(token: AuthSessionRow, issuedBy: string): Promise<boolean> {
    return accounts.createIssuedToken(this.conn, token, issuedBy);
  }

  signInFamily(tokenHash: string): Promise<string[]> {
    return accounts.signInFamily(this.conn, tokenHash);
  }

  sharedSecret(name: string, candidate: string): Promise<string> {
    return accounts.sharedSecret(this.conn, name, candidate);
  }

  /** One instance owns a SQLite file: its callers take turns in the process (appendGuard.ts), and `fn` runs as it is. */
  exclusively<T>(_name: string, fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  /** Let what is committed reach the disk, then close the connection and the checkpointer. */
  async close(): Promise<void> {
    await this.engine.close();
  }
}
