/**
 * Migration 3: accounts and access. The append-only audit record (who did what, when, from
 * where) and the one-time password-reset codes, kept as SHA-256 hashes like session secrets.
 */
import type { Migration } from './migration';

/** The audit record and password-reset codes. */
export const accountsAudit: Migration = {
  id: 3,
  name: 'accounts_audit',
  sqlite: `
CREATE TABLE audit_entries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  user_id TEXT,
  login TEXT,
  ip TEXT,
  target TEXT,
  detail TEXT NOT NULL CHECK (json_valid(detail))
) STRICT;
CREATE INDEX audit_entries_at_idx ON audit_entries (at);
CREATE INDEX audit_entries_user_idx ON audit_entries (user_id, at);
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
  BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
  BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;

CREATE TABLE password_resets (
  code_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
) STRICT;
CREATE INDEX password_resets_user_idx ON password_resets (user_id);
`,
  postgres: `
CREATE TABLE audit_entries (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  action text NOT NULL,
  user_id text,
  login text,
  ip text,
  target text,
  detail jsonb NOT NULL
);
CREATE INDEX audit_entries_at_idx ON audit_entries (at);
CREATE INDEX audit_entries_user_idx ON audit_entries (user_id, at);
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION penholder_append_only();

CREATE TABLE password_resets (
  code_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);
`,
};
