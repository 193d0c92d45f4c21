/**
 * Migration 2: the update log of working texts — every accepted Yjs update with its author and
 * time, the checkpoints that make loading fast, and which user owns which Yjs client id.
 * The log is append-only in the database itself, not only by convention.
 */
import type { Migration } from './migration';

/** The update log, checkpoints and client-id ownership. */
export const updateLog: Migration = {
  id: 2,
  name: 'update_log',
  sqlite: `
CREATE TABLE updates (
  draft_id TEXT NOT NULL REFERENCES drafts (id),
  seq INTEGER NOT NULL CHECK (seq > 0),
  data BLOB NOT NULL,
  user_id TEXT REFERENCES users (id),
  delegation_id TEXT REFERENCES delegations (id),
  at TEXT NOT NULL,
  PRIMARY KEY (draft_id, seq)
) STRICT;
CREATE TRIGGER updates_no_update BEFORE UPDATE ON updates
  BEGIN SELECT RAISE(ABORT, 'updates is append-only'); END;
CREATE TRIGGER updates_no_delete BEFORE DELETE ON updates
  BEGIN SELECT RAISE(ABORT, 'updates is append-only'); END;

CREATE TABLE checkpoints (
  draft_id TEXT NOT NULL REFERENCES drafts (id),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  state BLOB NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (draft_id, seq)
) STRICT;

CREATE TABLE client_ids (
  draft_id TEXT NOT NULL REFERENCES drafts (id),
  client_id INTEGER NOT NULL CHECK (client_id >= 0),
  user_id TEXT NOT NULL REFERENCES users (id),
  claimed_at TEXT NOT NULL,
  PRIMARY KEY (draft_id, client_id)
) STRICT;
`,
  // Yjs client ids are unsigned 32-bit, hence bigint; seqs are bigint for a log that only grows.
  postgres: `
CREATE TABLE updates (
  draft_id text NOT NULL REFERENCES drafts (id),
  seq bigint NOT NULL CHECK (seq > 0),
  data bytea NOT NULL,
  user_id text REFERENCES users (id),
  delegation_id text REFERENCES delegations (id),
  at timestamptz NOT NULL,
  PRIMARY KEY (draft_id, seq)
);
CREATE TRIGGER updates_append_only BEFORE UPDATE OR DELETE ON updates
  FOR EACH ROW EXECUTE FUNCTION penholder_append_only();

CREATE TABLE checkpoints (
  draft_id text NOT NULL REFERENCES drafts (id),
  seq bigint NOT NULL CHECK (seq >= 0),
  state bytea NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (draft_id, seq)
);

CREATE TABLE client_ids (
  draft_id text NOT NULL REFERENCES drafts (id),
  client_id bigint NOT NULL CHECK (client_id >= 0),
  user_id text NOT NULL REFERENCES users (id),
  claimed_at timestamptz NOT NULL,
  PRIMARY KEY (draft_id, client_id)
);
`,
};
