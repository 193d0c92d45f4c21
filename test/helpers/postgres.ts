/**
 * PostgreSQL for test suites: whether it is there, whether it must be, and a fresh database per
 * test file. Suites that need PostgreSQL run when it answers; when it does not, they fail if CI
 * requires it (PENHOLDER_REQUIRE_POSTGRES=1) and are skipped with a printed reason otherwise.
 *
 *   const pg = await postgresGate('storage');
 *   describe.skipIf(!pg.run)('on PostgreSQL', () => {
 *     let db: TestDatabase;
 *     beforeAll(async () => { db = await createTestDatabase(); });
 *     afterAll(() => db.drop());
 *   });
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The maintenance database that tests connect to in order to create and drop their own
 * (override with PENHOLDER_TEST_POSTGRES_URL).
 */
export const POSTGRES_ADMIN_URL = process.env.PENHOLDER_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** True when PostgreSQL suites must run rather than be skipped (CI sets PENHOLDER_REQUIRE_POSTGRES=1). */
export function postgresRequired(): boolean {
  return process.env.PENHOLDER_REQUIRE_POSTGRES === '1';
}

let probe: Promise<string | null> | undefined;

/** Why PostgreSQL cannot be used, or null when it answers. Probed once per test file. */
export function postgresUnavailableReason(): Promise<string | null> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (err) {
      return `PostgreSQL unreachable at ${redact(POSTGRES_ADMIN_URL)}: ${(err as Error).message || String(err)}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probe;
}

/** Whether PostgreSQL answers at POSTGRES_ADMIN_URL. */
export async function postgresAvailable(): Promise<boolean> {
  return (await postgresUnavailableReason()) === null;
}

/** Whether a file's PostgreSQL suites run, and why not. */
export interface PostgresGate {
  run: boolean;
  /** Why they are skipped; null when they run. */
  reason: string | null;
}

/**
 * Decide, at the top level of a test file, whether its PostgreSQL suites run. Reachable: run.
 * Unreachable and required: throws, so the file fails with the reason. Unreachable otherwise:
 * prints the reason and returns `run: false` for `describe.skipIf(!gate.run)`.
 */
export async function postgresGate(suite: string): Promise<PostgresGate> {
  const reason = await postgresUnavailableReason();
  if (reason === null) return { run: true, reason: null };
  if (postgresRequired()) {
    throw new Error(`${suite}: PENHOLDER_REQUIRE_POSTGRES=1 but ${reason}. ` + 'Start PostgreSQL (pg_ctlcluster <version> main start) or unset PENHOLDER_REQUIRE_POSTGRES.');
  }
  console.warn(`[${suite}] PostgreSQL suites SKIPPED: ${reason}. ` + 'Set PENHOLDER_REQUIRE_POSTGRES=1 to make this a failure instead.');
  return { run: false, reason };
}

/** A database of one's own for a test file. */
export interface TestDatabase {
  name: string;
  /** Connection URL of the new database. */
  url: string;
  /** Drop it, closing any connections left open. Safe to call twice. */
  drop(): Promise<void>;
}

/** Create a fresh, empty database `<prefix>_<random>` through the maintenance database. */
export async function createTestDatabase(prefix = 'penholder_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`invalid database name: ${name}`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE ends connections a failed test left open, so that the drop cannot hang.
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
