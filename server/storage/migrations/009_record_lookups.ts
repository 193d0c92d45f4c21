/**
 * Migration 9: the record's entries by type, per draft.
 *
 * Two questions are asked of a draft's record all the time, and both by type: every edit's
 * commit asks whether the draft is frozen (updateLogWrites.mjs), and every socket opened and most
 * requests ask which of the types its access depends on it holds (`draftEventTypesAmong`). With
 * only the primary key (draft_id, seq), each read every entry of the draft, so an edit on a draft
 * with 5,000 entries cost half a millisecond more than on a new one (BENCHMARKS.md, session 12).
 * With this index each is a lookup.
 */
import type { Migration } from './migration';

const index = 'CREATE INDEX draft_events_draft_type_idx ON draft_events (draft_id, type);';

/** An index of the record's entries by draft and type. */
export const recordLookups: Migration = {
  id: 9,
  name: 'record_lookups',
  sqlite: index,
  postgres: index,
};
