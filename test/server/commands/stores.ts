/**
 * Stores for command tests: each backend, opened directly (no HTTP). On PostgreSQL a suite may
 * open a second store on the same database, which behaves like a second server instance.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore } from '../../../server/storage';
import type { Store } from '../../../server/storage/types';
import { createTestDatabase, postgresGate, type TestDatabase } from '../../helpers/postgres';

/** What a suite body gets. */
export interface StoreContext {
  kind: 'sqlite' | 'postgres';
  store(): Store;
  /** Another store on the same database (PostgreSQL only; null on SQLite, a single-process file). */
  second(): Store | null;
}

/** `describe` a suite once per available backend. */
export async function describeOnStores(suite: string, body: (ctx: StoreContext) => void): Promise<void> {
  const gate = await postgresGate(suite);
  const kinds: StoreContext['kind'][] = gate.run ? ['sqlite', 'postgres'] : ['sqlite'];
  describe.each(kinds)(`${suite} (%s)`, (kind) => {
    let store: Store | undefined;
    let second: Store | null = null;
    let db: TestDatabase | undefined;
    let dir: string | undefined;
    beforeAll(async () => {
      if (kind === 'postgres') {
        db = await createTestDatabase('penholder_commands');
        store = await openStore({ dataDir: '', databaseUrl: db.url });
        second = await openStore({ dataDir: '', databaseUrl: db.url });
      } else {
        dir = await mkdtemp(path.join(tmpdir(), 'penholder-commands-'));
        store = await openStore({ dataDir: dir });
      }
    });
    afterAll(async () => {
      await second?.close();
      await store?.close();
      await db?.drop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });
    body({ kind, store: () => store!, second: () => second });
  });
}
