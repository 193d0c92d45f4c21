/**
 * Migration 6: the session record — what happens at a session's meetings beyond a draft's text
 * (recorded votes on procedural questions, amendments and separate votes; statements;
 * corrections of vote). Append-only like the draft record, with its own seq per session handed
 * out from a counter row locked by the writing transaction (as draft_counters does for drafts),
 * so that two instances appending at once get 1, 2, … without gaps. The entry's kind-specific
 * fields are a JSON payload checked by shared/meetingRecord.ts before any write.
 */
import type { Migration } from './migration';

/** The session record and its per-session counter. */
export const sessionRecord: Migration = {
  id: 6,
  name: 'session_record',
  sqlite: `
CREATE TABLE session_record_counters (
  session_id TEXT PRIMARY KEY REFERENCES sessions (id),
  last_seq INTEGER NOT NULL
) STRICT;
CREATE TABLE session_record (
  session_id TEXT NOT NULL REFERENCES sessions (id),
  seq INTEGER NOT NULL CHECK (seq > 0),
  kind TEXT NOT NULL CHECK (kind IN ('vote', 'statement', 'vote_correction')),
  meeting INTEGER NOT NULL CHECK (meeting > 0),
  date TEXT NOT NULL CHECK (date(date) IS date),
  draft_id TEXT REFERENCES drafts (id),
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  user_id TEXT REFERENCES users (id),
  at TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
) STRICT;
CREATE INDEX session_record_draft_idx ON session_record (draft_id);
CREATE TRIGGER session_record_no_update BEFORE UPDATE ON session_record
  BEGIN SELECT RAISE(ABORT, 'session_record is append-only'); END;
CREATE TRIGGER session_record_no_delete BEFORE DELETE ON session_record
  BEGIN SELECT RAISE(ABORT, 'session_record is append-only'); END;
`,
  postgres: `
CREATE TABLE session_record_counters (
  session_id text PRIMARY KEY REFERENCES sessions (id),
  last_seq integer NOT NULL
);
CREATE TABLE session_record (
  session_id text NOT NULL REFERENCES sessions (id),
  seq integer NOT NULL CHECK (seq > 0),
  kind text NOT NULL CHECK (kind IN ('vote', 'statement', 'vote_correction')),
  meeting integer NOT NULL CHECK (meeting > 0),
  date date NOT NULL,
  draft_id text REFERENCES drafts (id),
  payload jsonb NOT NULL,
  user_id text REFERENCES users (id),
  at timestamptz NOT NULL,
  PRIMARY KEY (session_id, seq)
);
CREATE INDEX session_record_draft_idx ON session_record (draft_id);
CREATE TRIGGER session_record_append_only BEFORE UPDATE OR DELETE ON session_record
  FOR EACH ROW EXECUTE FUNCTION penholder_append_only();
`,
};
