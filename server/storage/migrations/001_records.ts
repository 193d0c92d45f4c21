/**
 * Migration 1: the relational records — bodies, sessions, delegations, users, auth sessions,
 * drafts, their sponsorship events, draft events and issued revisions, and the per-draft
 * counters that hand out seqs. Uniqueness lives here, as named indexes: the stores report a
 * broken one as `UniqueViolation(<index name>)`, with the same name on both backends.
 */
import type { Migration } from './migration';

// The append-only record is enforced by the database too, so that no code path (or hand-typed
// SQL) can rewrite history. Written out here rather than shared: an applied migration never changes.
const sqliteAppendOnly = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
  BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
  BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

const postgresAppendOnly = (table: string) => `
CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
  FOR EACH ROW EXECUTE FUNCTION penholder_append_only();`;

/** The relational records (everything except the update log). */
export const records: Migration = {
  id: 1,
  name: 'records',
  // STRICT tables make SQLite check column types as PostgreSQL does; JSON and calendar-date
  // columns are checked too (`date(x) IS x` holds only for a valid YYYY-MM-DD).
  sqlite: `
CREATE TABLE bodies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (json_valid(name)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  body_id TEXT NOT NULL REFERENCES bodies (id),
  number INTEGER NOT NULL,
  title TEXT NOT NULL CHECK (json_valid(title)),
  symbol_prefix TEXT NOT NULL,
  place TEXT NOT NULL,
  opens TEXT NOT NULL CHECK (date(opens) IS opens),
  closes TEXT NOT NULL CHECK (date(closes) IS closes),
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX sessions_symbol_prefix_key ON sessions (symbol_prefix);

CREATE TABLE delegations (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  name TEXT NOT NULL CHECK (json_valid(name)),
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX delegations_code_key ON delegations (code);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  delegation_id TEXT REFERENCES delegations (id),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX users_login_key ON users (lower(login));

CREATE TABLE auth_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('cookie', 'token')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX auth_sessions_expires_at_idx ON auth_sessions (expires_at);

CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions (id),
  l_number INTEGER NOT NULL CHECK (l_number > 0),
  kind TEXT NOT NULL CHECK (kind IN ('resolution', 'decision')),
  title TEXT NOT NULL CHECK (json_valid(title)),
  agenda_item TEXT NOT NULL,
  language TEXT NOT NULL,
  submitted_by TEXT CHECK (submitted_by IS NULL OR json_valid(submitted_by)),
  chair_user_id TEXT REFERENCES users (id),
  created_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX drafts_session_l_number_key ON drafts (session_id, l_number);

CREATE TABLE draft_counters (
  draft_id TEXT NOT NULL REFERENCES drafts (id),
  stream TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (draft_id, stream)
) STRICT;

CREATE TABLE sponsorship_events (
  draft_id TEXT NOT NULL REFERENCES drafts (id),
  seq INTEGER NOT NULL CHECK (seq > 0),
  delegation_id TEXT NOT NULL REFERENCES delegations (id),
  type TEXT NOT NULL CHECK (type IN ('main', 'join', 'withdraw')),
  date TEXT NOT NULL CHECK (date(date) IS date),
  on_behalf_of TEXT CHECK (on_behalf_of IS NULL OR json_valid(on_behalf_of)),
  recorded_by TEXT REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (draft_id, seq)
) STRICT;
${sqliteAppendOnly('sponsorship_events')}

CREATE TABLE draft_events (
  draft_id TEXT NOT NULL REFERENCES drafts (id),
  seq INTEGER NOT NULL CHECK (seq > 0),
  type TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  user_id TEXT REFERENCES users (id),
  at TEXT NOT NULL,
  PRIMARY KEY (draft_id, seq)
) STRICT;
${sqliteAppendOnly('draft_events')}

CREATE TABLE revisions (
  id TEXT PRIMARY KEY,
  draft_id TEXT NOT NULL REFERENCES drafts (id),
  symbol TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 0),
  text TEXT NOT NULL CHECK (json_valid(text)),
  hash TEXT NOT NULL,
  sponsor_ids TEXT NOT NULL CHECK (json_valid(sponsor_ids)),
  issued_at TEXT NOT NULL,
  issued_by TEXT REFERENCES users (id)
) STRICT;
CREATE UNIQUE INDEX revisions_symbol_key ON revisions (symbol);
CREATE UNIQUE INDEX revisions_draft_revision_key ON revisions (draft_id, revision);
${sqliteAppendOnly('revisions')}
`,
  postgres: `
CREATE FUNCTION penholder_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TABLE bodies (
  id text PRIMARY KEY,
  name jsonb NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  body_id text NOT NULL REFERENCES bodies (id),
  number integer NOT NULL,
  title jsonb NOT NULL,
  symbol_prefix text NOT NULL,
  place text NOT NULL,
  opens date NOT NULL,
  closes date NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX sessions_symbol_prefix_key ON sessions (symbol_prefix);

CREATE TABLE delegations (
  id text PRIMARY KEY,
  code text NOT NULL,
  name jsonb NOT NULL,
  kind text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX delegations_code_key ON delegations (code);

CREATE TABLE users (
  id text PRIMARY KEY,
  login text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL,
  delegation_id text REFERENCES delegations (id),
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_login_key ON users (lower(login));

CREATE TABLE auth_sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('cookie', 'token')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX auth_sessions_expires_at_idx ON auth_sessions (expires_at);

CREATE TABLE drafts (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions (id),
  l_number integer NOT NULL CHECK (l_number > 0),
  kind text NOT NULL CHECK (kind IN ('resolution', 'decision')),
  title jsonb NOT NULL,
  agenda_item text NOT NULL,
  language text NOT NULL,
  submitted_by jsonb,
  chair_user_id text REFERENCES users (id),
  created_by text REFERENCES users (id),
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX drafts_session_l_number_key ON drafts (session_id, l_number);

CREATE TABLE draft_counters (
  draft_id text NOT NULL REFERENCES drafts (id),
  stream text NOT NULL,
  last_seq bigint NOT NULL,
  PRIMARY KEY (draft_id, stream)
);

CREATE TABLE sponsorship_events (
  draft_id text NOT NULL REFERENCES drafts (id),
  seq integer NOT NULL CHECK (seq > 0),
  delegation_id text NOT NULL REFERENCES delegations (id),
  type text NOT NULL CHECK (type IN ('main', 'join', 'withdraw')),
  date date NOT NULL,
  on_behalf_of jsonb,
  recorded_by text REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (draft_id, seq)
);
${postgresAppendOnly('sponsorship_events')}

CREATE TABLE draft_events (
  draft_id text NOT NULL REFERENCES drafts (id),
  seq integer NOT NULL CHECK (seq > 0),
  type text NOT NULL,
  payload jsonb NOT NULL,
  user_id text REFERENCES users (id),
  at timestamptz NOT NULL,
  PRIMARY KEY (draft_id, seq)
);
${postgresAppendOnly('draft_events')}

CREATE TABLE revisions (
  id text PRIMARY KEY,
  draft_id text NOT NULL REFERENCES drafts (id),
  symbol text NOT NULL,
  revision integer NOT NULL CHECK (revision >= 0),
  text jsonb NOT NULL,
  hash text NOT NULL,
  sponsor_ids jsonb NOT NULL,
  issued_at timestamptz NOT NULL,
  issued_by text REFERENCES users (id)
);
CREATE UNIQUE INDEX revisions_symbol_key ON revisions (symbol);
CREATE UNIQUE INDEX revisions_draft_revision_key ON revisions (draft_id, revision);
${postgresAppendOnly('revisions')}
`,
};
