/**
 * Migration 5: what sign-in needs to end cleanly and to be shared by several instances.
 *
 * A bearer token names the sign-in that issued it (`issued_by`), and the database ends it with
 * that sign-in (ON DELETE CASCADE): signing out, the session expiring and being swept, the
 * session rotated at the next sign-in, all take its tokens along, on every path that deletes a
 * session, without each having to remember. Before, a token outlived the sign-out by its ten
 * minutes.
 *
 * `server_secrets` holds keys every instance must share and that must survive restarts (the key
 * that signs device cookies, see server/auth/devices.ts). The first instance to need one stores
 * it; the others read it.
 */
import type { Migration } from './migration';

/** Tokens end with their sign-in; secrets shared by every instance. */
export const signIns: Migration = {
  id: 5,
  name: 'sign_ins',
  sqlite: `
ALTER TABLE auth_sessions ADD COLUMN issued_by TEXT REFERENCES auth_sessions (token_hash) ON DELETE CASCADE;
CREATE INDEX auth_sessions_issued_by_idx ON auth_sessions (issued_by);
CREATE TABLE server_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
`,
  postgres: `
ALTER TABLE auth_sessions ADD COLUMN issued_by text REFERENCES auth_sessions (token_hash) ON DELETE CASCADE;
CREATE INDEX auth_sessions_issued_by_idx ON auth_sessions (issued_by);
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL
);
`,
};
