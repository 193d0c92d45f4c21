/**
 * The PostgreSQL store, for deployments where several server instances serve the same drafts.
 * A pg.Pool runs single statements; a transaction holds one pooled client from BEGIN to
 * COMMIT. Seqs come from per-draft counter rows locked inside the writing transaction, so
 * instances never hand out the same seq twice (see repos.ts).
 */
import pg from 'pg';
import * as accounts from './accountRepos';
import { applyMigrations } from './migrate';
import { SqlRepos } from './repos';
import type { RawRow } from './rows';
import type { AtomicOptions, SqlConnection } from './sqlConnection';
import { UniqueViolation, type AuthSessionRow, type RecordRepos, type Store, type UpdateLogRepo } from './types';

const { Pool, types } = pg;

const parseTimestamp = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (v: string) => Date;
const asText = (v: string): string => v;

/**
 * Parsers for this pool only (the global pg.types stay untouched for other code): calendar dates
 * stay `YYYY-MM-DD` (the default makes a local-midnight Date), timestamps become ISO strings,
 * bigint counts and seqs become numbers, and JSON stays text so that rows.ts decodes both
 * backends alike.
 */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case types.builtins.DATE:
      case types.builtins.JSON:
      case types.builtins.JSONB:
        return asText;
      case types.builtins.TIMESTAMPTZ:
        return (v: string) => parseTimestamp(v).toISOString();
      case types.builtins.INT8:
        return (v: string) => Number(v);
      default:
        return types.getTypeParser(oid, format);
    }
  },
} as pg.CustomTypesConfig;

// Statements are written with `?` (as SQLite reads them); PostgreSQL numbers its parameters.
// None of our SQL has a `?` inside a literal or a jsonb operator.
const placeholders = new Map<string, string>();
function toPostgres(sql: string, cache: boolean): string {
  let text = placeholders.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    if (cache) placeholders.set(sql, text);
  }
  return text;
}

const bind = (params: readonly unknown[]): unknown[] => params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));

function translate(err: unknown): unknown {
  const e = err as { code?: string; constraint?: string };
  return e.code === '23505' ? new UniqueViolation(e.constraint ?? 'unknown') : err;
}

/** Run `fn` on one client between BEGIN and COMMIT; ROLLBACK if it throws. */
async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackErr) {
      // The connection is in an unknown state: have the pool discard it.
      broken = rollbackErr as Error;
    }
    throw err;
  } finally {
    client.release(broken);
  }
}

/**
 * Statements on the pool (each its own implicit transaction) or, inside a transaction, on the
 * client holding it. Unnamed statements: named ones would be cached per connection and break
 * ("cached plan must not change result type") when another instance migrates the schema.
 */
class PgConnection implements SqlConnection {
  constructor(
    private readonly pool: pg.Pool,
    private readonly client: pg.PoolClient | null,
  ) {}

  async all(sql: string, params: readonly unknown[] = [], options?: { cache?: boolean }): Promise<RawRow[]> {
    return (await this.query(sql, params, options?.cache ?? true)).rows;
  }

  async run(sql: string, params: readonly unknown[] = [], options?: { cache?: boolean }): Promise<number> {
    return (await this.query(sql, params, options?.cache ?? true)).rowCount ?? 0;
  }

  atomic<T>(fn: (conn: SqlConnection) => Promise<T>, options?: AtomicOptions): Promise<T> {
    if (this.client) return fn(this);
    return withTransaction(this.pool, async (client) => {
      // Visible at once, flushed with the next synchronous commit (or by the WAL writer soon after).
      if (options?.lazy) await client.query('SET LOCAL synchronous_commit = off');
      return fn(new PgConnection(this.pool, client));
    });
  }

  private async query(sql: string, params: readonly unknown[], cache: boolean): Promise<pg.QueryResult<RawRow>> {
    try {
      return await (this.client ?? this.pool).query<RawRow>(toPostgres(sql, cache), bind(params));
    } catch (err) {
      throw translate(err);
    }
  }
}

/** Connections that hold `exclusively`'s locks, at most (each waiter for a lock holds one too). */
const LOCK_CONNECTIONS = 4;
/** How long a caller of `exclusively` waits for the lock before it fails. */
const LOCK_WAIT = '30s';

/** A store in a PostgreSQL database. */
export class PostgresStore extends SqlRepos implements Store {
  readonly kind = 'postgres' as const;

  /** The connections that hold `exclusively`'s locks, opened on first use. */
  private locks: pg.Pool | null = null;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly databaseUrl: string,
  ) {
    super(new PgConnection(pool, null));
  }

  /** Connect to `databaseUrl` (connections open lazily). Call `migrate()` before use. */
  static open(databaseUrl: string, options: { maxConnections?: number } = {}): PostgresStore {
    const pool = new Pool({ connectionString: databaseUrl, types: typeParsers, max: options.maxConnections ?? 10 });
    // An idle client can lose its connection (database restart); the pool drops it and the next
    // query reconnects. Without a listener the error would crash the process.
    pool.on('error', (err) => console.error(`postgres: idle connection lost: ${err.message}`));
    return new PostgresStore(pool, databaseUrl);
  }

  async migrate(): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      // Instances starting together take turns; the second finds the migrations applied.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('penholder.migrate'))");
      await applyMigrations(
        {
          exec: async (sql) => void (await client.query(sql)),
          all: async (sql, params = []) => (await client.query<RawRow>(toPostgres(sql, true), [...params])).rows,
        },
        'postgres',
      );
    });
  }

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

  async exclusively<T>(name: string, fn: () => Promise<T>): Promise<T> {
    // A pool of its own: a lock held (or waited for) never takes a connection the work inside needs.
    // A wait longer than LOCK_WAIT fails instead of hanging the request.
    this.locks ??= new Pool({ connectionString: this.databaseUrl, max: LOCK_CONNECTIONS, options: `-c lock_timeout=${LOCK_WAIT}` });
    const key = `penholder.${name}`;
    const client = await this.locks.connect();
    // A connection that failed a lock query is closed: the locks of its session end with it.
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]).catch((e: Error) => {
        broken = e;
        throw e;
      });
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch((e: Error) => {
          broken = e;
        });
      }
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.locks?.end();
    await this.pool.end();
  }
}
