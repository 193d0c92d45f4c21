/**
 * Opening the store: PostgreSQL when a database URL is configured, otherwise the embedded SQLite
 * file in the data directory. The store comes back migrated and ready.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from './types';

export type * from './types';
export { UniqueViolation } from './types';

/** Where the data lives: `databaseUrl` (PostgreSQL) wins over `dataDir` (SQLite). */
export interface StoreConfig {
  dataDir: string;
  databaseUrl?: string;
  /**
   * SQLite only: false for a script run beside the server, which must leave the server's journal
   * of edits alone (storage/editJournal.ts). The server's own store keeps it (the default).
   */
  journal?: boolean;
}

/** Open the configured store and apply pending migrations. */
export async function openStore(config: StoreConfig): Promise<Store> {
  // Each backend is loaded only when chosen: a PostgreSQL deployment never loads the native
  // SQLite module, and the embedded default never loads pg.
  let store: Store;
  if (config.databaseUrl) {
    const { PostgresStore } = await import('./postgres');
    store = PostgresStore.open(config.databaseUrl);
  } else {
    await mkdir(config.dataDir, { recursive: true });
    const { SqliteStore } = await import('./sqlite');
    store = SqliteStore.open(join(config.dataDir, 'penholder.sqlite'), { journal: config.journal });
  }
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
