/**
 * The embedded store: one SQLite file through better-sqlite3, needing no other service.
 *
 * Two connections to the file. The main connection serves reads, the records and transactions.
 * better-sqlite3 is synchronous while the store's API is async and a transaction runs an async
 * function, so every call on it goes through a mutex: while a transaction is open, other calls
 * wait their turn instead of landing inside someone else's BEGIN … COMMIT. Inside
 * `transaction(fn)`, use the `tx` argument, not the store (that would wait for itself; it is
 * refused with an error instead).
 *
 * The update log's writes outside a transaction — appendUpdates, saveCheckpoint, claimClientIds,
 * the collaboration hot path — go to the writer thread (sqliteWriter.ts), whose commit and fsync
 * do not stall the event loop. The same writes made through `tx` inside `transaction(fn)` use the
 * main connection, so that they commit or roll back with the rest of the transaction. A write
 * on the main connection that finds the writer thread committing waits for it (busy_timeout)
 * on the event loop: that is rare (an HTTP command), and the collaboration hot path never does.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import * as accounts from './accountRepos';
import { applyMigrations } from './migrate';
import { Mutex } from './mutex';
import { checkpointInput, clientIdClaim, SqlRepos, storedUpdates, updateRows, type SqlConnection } from './repos';
import type { RawRow } from './rows';
import { ownBytes, SqliteWriter } from './sqliteWriter';
import { UniqueViolation, type AuthSessionRow, type CheckpointRow, type NewUpdate, type RecordRepos, type Store, type StoredUpdate, type UpdateLogRepo } from './types';

/** How long either connection waits for the other's write lock, in ms. */
const BUSY_TIMEOUT_MS = 5000;

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

  /** Statements outside a transaction: each waits for the mutex. */
  readonly outside: SqlConnection = {
    all: (sql, params, options) => this.locked(() => this.all(sql, params, options)),
    run: (sql, params, options) => this.locked(() => this.run(sql, params, options)),
    atomic: (fn) => this.locked(() => this.inTransaction(fn)),
  };

  /** Statements inside the open transaction: the mutex is already held. */
  private readonly inside: SqlConnection = {
    all: async (sql, params, options) => this.all(sql, params, options),
    run: async (sql, params, options) => this.run(sql, params, options),
    atomic: (fn) => fn(this.inside),
  };

  constructor(readonly db: Database.Database) {}

  /** Run `fn` alone: after every earlier call, before every later one. */
  locked<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.outsideTransaction(() => this.mutex.run(fn));
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
  async inTransaction<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock now, so another process on the same file (a CLI script)
    // makes us wait at BEGIN (busy_timeout) rather than fail half-way at the first write.
    this.run('BEGIN IMMEDIATE');
    const token: TxToken = { open: true };
    try {
      const result = await this.tx.run(token, () => fn(this.inside));
      this.run('COMMIT');
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.run('ROLLBACK');
      throw err;
    } finally {
      token.open = false;
      // An enabled AsyncLocalStorage makes Node 20 run a hook on every promise of the process,
      // the collaboration path's included (about 8 % of an edit's time in bench/editPath.bench.mjs).
      // Transactions run one at a time (the mutex), so none is open now: switch it off until
      // the next one (run() switches it on again).
      this.tx.disable();
    }
  }

  all(sql: string, params: readonly unknown[] = [], options?: { cache?: boolean }): RawRow[] {
    const stmt = this.prepare(sql, options?.cache ?? true);
    try {
      if (stmt.reader) return stmt.all(bind(params)) as RawRow[];
      stmt.run(bind(params));
      return [];
    } catch (err) {
      throw this.translate(err);
    }
  }

  run(sql: string, params: readonly unknown[] = [], options?: { cache?: boolean }): number {
    const stmt = this.prepare(sql, options?.cache ?? true);
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

  async close(): Promise<void> {
    await this.mutex.run(() => {
      if (this.db.open) this.db.close();
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
    /** The writer thread of the update log; exposed for tests and diagnostics. */
    readonly writer: SqliteWriter,
  ) {
    super(engine.outside);
  }

  /** Open (or create) the database file. Call `migrate()` before use. */
  static open(file: string): SqliteStore {
    const db = new Database(file);
    // WAL lets readers of other processes (backups, scripts) run beside the writer. With WAL,
    // synchronous = NORMAL already survives a crash of the process, but a commit may be lost if
    // the machine crashes or loses power before the WAL reaches the disk. FULL syncs the WAL on
    // every commit, so an update that a client has seen survives the machine too. Group commit
    // (appendUpdates takes a batch) keeps the number of syncs low.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The writer thread's connection and this one wait for each other's write lock.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const engine = new SqliteEngine(db);
    const writer = new SqliteWriter(file, { busyTimeoutMs: BUSY_TIMEOUT_MS, translate: (e) => engine.translate(e) });
    return new SqliteStore(engine, writer);
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
    // The schema is in place: start the writer thread now, so that the first edit does not wait for it.
    this.writer.start();
  }

  /** Durable once resolved: committed by the writer thread (see the file comment). */
  override appendUpdates(updates: NewUpdate[]): Promise<StoredUpdate[]> {
    return this.engine.outsideTransaction(async () => {
      const input = updateRows(updates);
      if (input.length === 0) return [];
      const transfer: ArrayBuffer[] = [];
      const posted = input.map((r) => ({ ...r, update: ownBytes(r.update, transfer) }));
      return storedUpdates(input, await this.writer.call<number[]>('appendUpdates', posted, transfer));
    });
  }

  override saveCheckpoint(c: Omit<CheckpointRow, 'at'> & { at?: string }): Promise<void> {
    return this.engine.outsideTransaction(async () => {
      const input = checkpointInput(c);
      const transfer: ArrayBuffer[] = [];
      await this.writer.call<void>('saveCheckpoint', { ...input, state: ownBytes(input.state, transfer) }, transfer);
    });
  }

  override claimClientIds(draftId: string, userId: string, clientIds: number[]): Promise<number[]> {
    return this.engine.outsideTransaction(async () => {
      const claim = clientIdClaim(draftId, userId, clientIds);
      if (claim.clientIds.length === 0) return [];
      return this.writer.call<number[]>('claimClientIds', claim);
    });
  }

  /** Inside `fn`, the update log's writes use the main connection and belong to the transaction. */
  transaction<T>(fn: (tx: RecordRepos & UpdateLogRepo) => Promise<T>): Promise<T> {
    return this.conn.atomic((conn) => fn(new SqlRepos(conn)));
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

  /** Let the writer thread finish its commits, then close both connections. */
  async close(): Promise<void> {
    await this.writer.close();
    await this.engine.close();
  }
}
