/**
 * Migration 8 (issue #19, six languages): the language versions of issued texts.
 *
 * - `language_versions`: the text of one issued revision in one of the six languages, aligned
 *   with the revision's own text (the same paragraph, annex and footnote ids: shared/
 *   languageVersions.ts). Append-only like the other records: each import, typed paragraph,
 *   carry forward, corrigendum or reissue is a new row with the next `seq` of its (draft,
 *   revision, language); the latest row is the version. `pending` lists the ids of the
 *   paragraphs that still hold the reference's words (carried forward, not yet translated).
 *   `record_seq` points at the draft record's entry that a corrigendum or reissue made, if any.
 *   The revision's own text is its version in the reference language and is not stored here.
 */
import type { Migration } from './migration';

/** Language versions of issued texts. */
export const languageVersions: Migration = {
  id: 8,
  name: 'language_versions',
  sqlite: `
CREATE TABLE language_versions (
  draft_id TEXT NOT NULL REFERENCES drafts (id),
  revision INTEGER NOT NULL CHECK (revision >= 0),
  lang TEXT NOT NULL CHECK (lang IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
  seq INTEGER NOT NULL CHECK (seq > 0),
  kind TEXT NOT NULL CHECK (kind IN ('issued', 'typed', 'carried_forward', 'corrigendum', 'reissue')),
  text TEXT NOT NULL CHECK (json_valid(text)),
  pending TEXT NOT NULL CHECK (json_valid(pending)),
  note TEXT CHECK (note IS NULL OR json_valid(note)),
  record_seq INTEGER,
  recorded_by TEXT REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (draft_id, revision, lang, seq),
  FOREIGN KEY (draft_id, revision) REFERENCES revisions (draft_id, revision)
) STRICT;
CREATE TRIGGER language_versions_no_update BEFORE UPDATE ON language_versions
  BEGIN SELECT RAISE(ABORT, 'language_versions is append-only'); END;
CREATE TRIGGER language_versions_no_delete BEFORE DELETE ON language_versions
  BEGIN SELECT RAISE(ABORT, 'language_versions is append-only'); END;
`,
  postgres: `
CREATE TABLE language_versions (
  draft_id text NOT NULL REFERENCES drafts (id),
  revision integer NOT NULL CHECK (revision >= 0),
  lang text NOT NULL CHECK (lang IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
  seq integer NOT NULL CHECK (seq > 0),
  kind text NOT NULL CHECK (kind IN ('issued', 'typed', 'carried_forward', 'corrigendum', 'reissue')),
  text jsonb NOT NULL,
  pending jsonb NOT NULL,
  note jsonb,
  record_seq integer,
  recorded_by text REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (draft_id, revision, lang, seq),
  FOREIGN KEY (draft_id, revision) REFERENCES revisions (draft_id, revision)
);
CREATE TRIGGER language_versions_append_only BEFORE UPDATE OR DELETE ON language_versions
  FOR EACH ROW EXECUTE FUNCTION penholder_append_only();
`,
};
