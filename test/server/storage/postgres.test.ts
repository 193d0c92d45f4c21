/**
 * What only the PostgreSQL store has to show: openStore chooses it for a database URL, instances
 * starting together migrate a fresh database once, a lock by name holds against another instance
 * (`exclusively`), and the test helper gives each test file a
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
      expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await db.drop();
    }
  });

  it('holds a lock by name against another instance, and gives it back when the work fails', async () => {
    const db = await createTestDatabase();
    const [a, b] = [PostgresStore.open(db.url), PostgresStore.open(db.url)];
    try {
      const order: string[] = [];
      const work =
        (who: string, ms: number, fail = false) =>
        async () => {
          order.push(`${who} in`);
          await new Promise((r) => setTimeout(r, ms));
          order.push(`${who} out`);
          if (fail) throw new Error(`${who} failed`);
          return who;
        };
      const first = a.exclusively('decide:d1', work('a', 150, true));
      await new Promise((r) => setTimeout(r, 30));
      const second = b.exclusively('decide:d1', work('b', 10));
      // Another name does not wait for either.
      expect(await b.exclusively('decide:d2', work('c', 0))).toBe('c');
      await expect(first).rejects.toThrow('a failed');
      expect(await second).toBe('b');
      expect(order).toEqual(['a in', 'c in', 'c out', 'a out', 'b in', 'b out']);
    } finally {
      await Promise.all([a.close(), b.close()]);
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
