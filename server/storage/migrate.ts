/**
 * Numbered schema migrations: the list, and the runner both stores use. Each migration holds
 * the same change in both dialects, so SQLite and PostgreSQL databases stay alike.
 */
import { records } from './migrations/001_records';
import { updateLog } from './migrations/002_update_log';
import { accountsAudit } from './migrations/003_accounts_audit';
import { textNumbers } from './migrations/004_text_numbers';
import { signIns } from './migrations/005_sign_ins';
import { sessionRecord } from './migrations/006_session_record';
import { notifications } from './migrations/007_notifications';
import { languageVersions } from './migrations/008_language_versions';
import { recordLookups } from './migrations/009_record_lookups';
import type { Migration } from './migrations/migration';

/** Every migration, in order. A new one goes at the end with the next id; applied ones never change. */
export const MIGRATIONS: readonly Migration[] = [records, updateLog, accountsAudit, textNumbers, signIns, sessionRecord, notifications, languageVersions, recordLookups];

/** What the runner needs: a connection already inside a transaction. */
export interface MigrationConnection {
  /** Run one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  all(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

/**
 * Apply the migrations not yet recorded, in order. The caller opens the transaction (and, on
 * PostgreSQL, takes a lock so that instances starting together do not race), so either all
 * pending migrations land or none.
 */
export async function applyMigrations(db: MigrationConnection, dialect: 'sqlite' | 'postgres'): Promise<number[]> {
  const appliedAt = dialect === 'sqlite' ? 'TEXT' : 'timestamptz';
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at ${appliedAt} NOT NULL)`);
  const rows = await db.all('SELECT id FROM schema_migrations');
  const applied = new Set(rows.map((r) => Number(r.id)));
  const known = new Set(MIGRATIONS.map((m) => m.id));
  const unknown = [...applied].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    // A newer server migrated this database; running older code against it could corrupt it.
    throw new Error(`database has migrations this server does not know (${unknown.join(', ')}): upgrade the server`);
  }
  const done: number[] = [];
  for (const m of MIGRATIONS) {
    if (applied.has(m.id)) continue;
    await db.exec(m[dialect]);
    await db.all('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [m.id, m.name, new Date().toISOString()]);
    done.push(m.id);
  }
  return done;
}
