/**
 * Freezing: the secretariat's lock on a final text, after final action. The hash recorded is
 * computed here, never taken from the client, of the text the body acted on — the text the spec
 * `final` names (server/texts.ts): the last issued text with the accepted oral amendments
 * recorded against it (the text "as orally amended"), or the issued text itself when none were
 * accepted; a draft withdrawn before any issue has only its working
 * text, which is hashed then. The working text is not what was adopted (the body acts on the
 * issued document), so edits made to it after the last issue are not part of the final text.
 *
 * Open sockets are asked to commit the edits they accepted before the freeze and, once it is
 * recorded, turn read-only; the policy refuses every later write on every path. Sockets on other
 * instances hear of it a little later; until then the database keeps the log closed: the freeze
 * holds the draft's update log while it reads the text and records the hash, and the log's
 * writes refuse a frozen draft under the same lock (updateLogWrites.mjs). An edit therefore
 * either commits before the freeze, and is part of the text it saw, or is refused.
 */
import type { Actor } from '../../shared/accounts';
import { textHash } from '../../shared/canonical';
import { applyEvent, type DraftStatus } from '../../shared/lifecycle';
import { seedWorkingText } from '../collab/seed';
import type { DraftEventRow, RecordRepos, RevisionRow, Store, UpdateLogRepo } from '../storage/types';
import { statusOfRecord } from '../readModels/draftStatus';
import { textBeforeTheBody, textNotInRecordError } from '../texts';
import { provenanceOf, textNotInRecord } from './meetingRecord';
import { amendedText } from './oralAmendmentRecorder';
import { appendChecked, authorizeRecord, loadRecordContext, underRecordGuard } from './recordAppender';
import { workingTextNow } from './revisionIssuer';
import { DomainErrors } from '../errors';

/** Which text a frozen draft's hash is of. */
export interface FinalText {
  hash: string;
  /** The issued text it comes from, or null for a working text never issued. */
  symbol: string | null;
  /** "CTOC/COP/2022/L.10/Rev.2 as orally amended", "… L.4", "working text". */
  label: string;
  /** How many accepted oral amendments it carries. */
  amendments: number;
}

/** The text the body acted on and its hash (see the module comment); 422 when the amendments no longer apply. */
export async function finalText(
  store: Pick<RecordRepos & UpdateLogRepo, 'listRevisions' | 'listUpdates' | 'latestCheckpoint' | 'lastSeq'>,
  draftId: string,
  rows: readonly DraftEventRow[],
  revisions: readonly RevisionRow[],
): Promise<FinalText> {
  // The same text `final` names everywhere else (server/texts.ts).
  const { revision: latest, amendments, asOrallyAmended } = textBeforeTheBody(rows, revisions);
  if (!latest) return { hash: textHash(await workingTextNow(store, draftId)), symbol: null, label: 'working text', amendments: 0 };
  // A hash of the empty row that stands for a text the record does not hold would lock nothing real.
  if (textNotInRecord(provenanceOf(rows), latest.symbol)) throw textNotInRecordError(latest.symbol);
  if (!asOrallyAmended) return { hash: latest.hash, symbol: latest.symbol, label: latest.symbol, amendments: 0 };
  const amended = amendedText(latest, amendments);
  if (!amended.ok) throw DomainErrors.refused(amended.error);
  const accepted = amendments.filter((a) => a.accepted).length;
  return { hash: textHash(amended.value), symbol: latest.symbol, label: `${latest.symbol} as orally amended`, amendments: accepted };
}

/**
 * Freeze a draft: 403 for anyone but the secretariat, 422 before final action or when already
 * frozen. The caller refreshes open sockets again afterwards, so they turn read-only at once.
 */
export async function freezeDraft(
  store: Store,
  input: { draftId: string; actor: Actor; refreshAccess: (draftId: string) => Promise<void> },
): Promise<{ status: DraftStatus; row: DraftEventRow; final: FinalText }> {
  const { draftId, actor } = input;
  // Edits this instance accepted before the freeze are committed first (other instances' are
  // ordered by the log's lock below).
  await input.refreshAccess(draftId);
  // Refuse early with the lifecycle's own reason; the transaction checks again.
  const early = applyEvent(statusOfRecord(await store.listDraftEvents(draftId)), { type: 'frozen', hash: '-' });
  if (!early.ok) throw DomainErrors.refused(early.error);
  // A draft never opened in the editor gets its first update (the last issued text) when it is
  // first opened; once frozen its log takes none, so write that update now.
  await seedWorkingText(store, draftId);
  return underRecordGuard(store, draftId, async (tx) => {
    // Before anything is read: an edit committing from now on waits for this transaction, then
    // finds the freeze and is refused; one committed before is in the working text read below.
    await tx.holdUpdateLog(draftId);
    const ctx = await loadRecordContext(tx, draftId);
    // A second freeze is the lifecycle's to refuse, with its own reason (422).
    authorizeRecord(actor, ctx, 'frozen', true);
    const allowed = applyEvent(ctx.status, { type: 'frozen', hash: '-' });
    if (!allowed.ok) throw DomainErrors.refused(allowed.error);
    const final = await finalText(tx, draftId, ctx.rows, await tx.listRevisions(draftId));
    const next = applyEvent(ctx.status, { type: 'frozen', hash: final.hash });
    if (!next.ok) throw DomainErrors.refused(next.error);
    const row = await appendChecked(ctx, actor, 'frozen', { hash: final.hash });
    return { status: next.value, row, final };
  });
}
