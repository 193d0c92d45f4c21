/**
 * Migration 4: the numbers adopted texts take ("resolution 11/5"). A number is unique within a
 * session and kind, and a draft takes one number: the database says so, so that two server
 * instances numbering two drafts at once cannot both hand out "11/5". Append-only, like the
 * record the number is also written to.
 */
import type { Migration } from './migration';

/** The resolution and decision numbers taken in each session. */
export const textNumbers: Migration = {
  id: 4,
  name: 'text_numbers',
  sqlite: `
CREATE TABLE text_numbers (
  session_id TEXT NOT NULL REFERENCES sessions (id),
  kind TEXT NOT NULL CHECK (kind IN ('resolution', 'decision')),
  number TEXT NOT NULL,
  draft_id TEXT NOT NULL REFERENCES drafts (id),
  taken_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX text_numbers_session_kind_number_key ON text_numbers (session_id, kind, number);
CREATE UNIQUE INDEX text_numbers_draft_key ON text_numbers (draft_id);
CREATE TRIGGER text_numbers_no_update BEFORE UPDATE ON text_numbers
  BEGIN SELECT RAISE(ABORT, 'text_numbers is append-only'); END;
CREATE TRIGGER text_numbers_no_delete BEFORE DELETE ON text_numbers
  BEGIN SELECT RAISE(ABORT, 'text_numbers is append-only'); END;
`,
  postgres: `
CREATE TABLE text_numbers (
  session_id text NOT NULL REFERENCES sessions (id),
  kind text NOT NULL CHECK (kind IN ('resolution', 'decision')),
  number text NOT NULL,
  draft_id text NOT NULL REFERENCES drafts (id),
  taken_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX text_numbers_session_kind_number_key ON text_numbers (session_id, kind, number);
CREATE UNIQUE INDEX text_numbers_draft_key ON text_numbers (draft_id);
CREATE TRIGGER text_numbers_append_only BEFORE UPDATE OR DELETE ON text_numbers
  FOR EACH ROW EXECUTE FUNCTION penholder_append_only();
`,
};
