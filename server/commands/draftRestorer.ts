/**
 * Restoring a draft's working text to the text it had at an earlier point of its update log —
 * the secretariat's way out when the working text is broken (by a bug, or a database edited by
 * hand) or was wrecked by mistake. The text as of that seq (or time) is computed from the log
 * and written into the working text as one server-written change through the collaboration room
 * (the path an imported text takes): committed durably, relayed live to every open editor, and
 * diffed so that paragraphs equal to the old ones keep their identity and authorship. Nothing in
 * the log is removed: the broken updates stay, followed by the change that undoes them.
 *
 * Only the secretariat restores, and never a frozen draft (the record's own refusals). The route
 * records who restored what, from which point, in the audit record.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { ErrorIds } from '../../shared/errors';
import { textFromJSON } from '../../shared/schema';
import type { AuthenticatedUser } from '../auth';
import { seqAtTime, textAsOf } from '../collab/history';
import type { ReplaceWorkingText } from '../export/textImporter';
import type { Store } from '../storage/types';
import { loadDraftAccess } from '../readModels/draftAccess';
import { authorizeRecord } from './recordAppender';
import { DomainError, DomainErrors } from '../errors';

/** The name the policy knows a restore by (only the secretariat records it; nothing on a frozen draft). */
export const RESTORE_TYPE = 'text_restored';

/** The point of the log to restore: a seq, or a time (the last update stored at or before it). */
export type RestorePoint = { seq: number } | { at: string };

/** What a restore did. */
export interface RestoredText {
  draftId: string;
  /** The point restored: the seq whose text the working text now has, and when it was stored. */
  from: { seq: number; at: string | null };
  /** The seq of the restoring change, or null when the working text already was that text. */
  seq: number | null;
  /** The log's last seq after the restore. */
  lastSeq: number;
}

// The seq a point names, refused (422) when the log has no such point.
async function seqOf(store: Store, draftId: string, point: RestorePoint): Promise<number> {
  const last = await store.lastSeq(draftId);
  if (last === 0) throw DomainErrors.refused('the working text has no history yet: there is nothing to restore');
  if ('seq' in point) {
    if (point.seq < 1 || point.seq > last) throw DomainErrors.refused(`seq ${point.seq} is not in the log of this draft: it runs from 1 to ${last}`);
    return point.seq;
  }
  const found = await seqAtTime(store, draftId, point.at);
  if (found.seq === 0) throw DomainErrors.refused(`${point.at} is before the first change of the working text: choose a later time`);
  return found.seq;
}

// The text as of `seq`, as a whole text; 422 when it is not one (the break may be older: go earlier).
async function textAt(store: Store, draftId: string, seq: number): Promise<{ text: PMNode; at: string | null }> {
  let found;
  try {
    found = await textAsOf(store, draftId, { seq });
  } catch (err) {
    if (err instanceof DomainError && err.id === ErrorIds.textInvalid) {
      throw DomainErrors.refused(`the working text at seq ${seq} is not a valid text either: choose an earlier point`);
    }
    throw err;
  }
  if (((found.doc as { content?: unknown[] }).content ?? []).length === 0) {
    throw DomainErrors.refused(`the working text was empty at seq ${seq}: choose a later point`);
  }
  try {
    return { text: textFromJSON(found.doc), at: found.at };
  } catch (err) {
    throw DomainErrors.refused(`the working text at seq ${seq} is not a whole text (${err instanceof Error ? err.message : String(err)}): choose another point`);
  }
}

/**
 * Restore the working text of a draft to its text at `point`: 404 for no such draft, 403 for
 * anyone but the secretariat or on a frozen draft, 422 for a point the log does not have or whose
 * text is not valid. `replace` writes through the draft's collaboration room.
 */
export async function restoreWorkingText(
  store: Store,
  input: { draftId: string; actor: AuthenticatedUser; point: RestorePoint; replace: ReplaceWorkingText },
): Promise<RestoredText> {
  const { draftId, actor } = input;
  const loaded = await loadDraftAccess(store, draftId);
  if (!loaded) throw DomainErrors.notFound('draft');
  authorizeRecord(actor, loaded, RESTORE_TYPE);
  const seq = await seqOf(store, draftId, input.point);
  const { text, at } = await textAt(store, draftId, seq);
  // The room refuses a draft frozen meanwhile (DraftFrozen, a 403 like the check above).
  const written = await input.replace(draftId, text, actor);
  return { draftId, from: { seq, at }, seq: written, lastSeq: await store.lastSeq(draftId) };
}
