/**
 * What only the PostgreSQL store has to show: openStore chooses it for a database URL, instances
 * starting together migrate a fresh database once, and the test helper gives each test file a
 * database of its own (skipped with a printed reason when PostgreSQL is not there, failing
 * instead when PENHOLDER_REQUIRE_POSTGRES=1).
 */
import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../server/storage';
import { PostgresStore } from '../../../server/storage/postgres';
import { createTestDatabase, postgresGate } from '../../helpers/postgres';
import { range } from '../../helpers/storeContract';

const gate = await postgresGate('storage.postgres');

describe.skipIf(!gate.run)('PostgreSQL store', () => {
  it('is chosen by openStore when a database URL is set', async () => {
    const db = await createTestDatabase();
    try {
      const store = await openStore({ dataDir: '/nonexistent/not-used', databaseUrl: db.url });
      expect(store.kind).toBe('postgres');
      expect(existsSync('/nonexistent/not-used')).toBe(false);
      expect(await store.countUsers()).toBe(0);
      await store.close();
    } finally {
      await db.drop();
    }
  });

  it('lets instances starting together migrate a fresh database once', async () => {
    const db = await createTestDatabase();
    const stores = range(1, 3).map(() => PostgresStore.open(db.url));
    try {
      await Promise.all(stores.map((s) => s.migrate()));
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query('SELECT id FROM schema_migrations ORDER BY id');
      await client.end();
      expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await db.drop();
    }
  });

  it('gives each test file a database of its own, and drops it', async () => {
    const db = await createTestDatabase('penholder_helper');
    expect(db.name).toMatch(/^penholder_helper_[0-9a-f]{12}$/);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    expect((await client.query('SELECT current_database() AS name')).rows[0].name).toBe(db.name);
    await client.end();
    await db.drop();
    await db.drop();
    const probe = new pg.Client({ connectionString: db.url });
    await expect(probe.connect()).rejects.toThrow(/does not exist/);
    await probe.end().catch(() => undefined);
  });
});
