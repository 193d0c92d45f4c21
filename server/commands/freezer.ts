/**
 * Freezing: the secretariat's lock on a final text, after final action. The hash recorded is
 * computed here, never taken from the client, of the text the body acted on: the last issued
 * text with the oral amendments recorded against it (the text "as orally amended"), or the
 * issued text itself when none were; a draft withdrawn before any issue has only its working
 * text, which is hashed then. The working text is not what was adopted (the body acts on the
 * issued document), so edits made to it after the last issue are not part of the final text.
 *
 * Open sockets are asked to commit the edits they accepted before the freeze and, once it is
 * recorded, turn read-only; the policy refuses every later write on every path.
 */
import type { Actor } from '../../shared/accounts';
import { textHash } from '../../shared/canonical';
import { applyEvent, type DraftStatus } from '../../shared/lifecycle';
import { HttpErrors } from '../http/errors';
import type { DraftEventRow, RevisionRow, Store } from '../storage/types';
import { statusOfRecord } from './draftStatus';
import { recordDraftEvent } from './eventRecorder';
import { amendedText, amendmentsFor } from './oralAmendmentRecorder';
import { workingTextNow } from './revisionIssuer';

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
export async function finalText(store: Store, draftId: string, rows: readonly DraftEventRow[], revisions: readonly RevisionRow[]): Promise<FinalText> {
  const latest = [...revisions].sort((a, b) => a.revision - b.revision).at(-1);
  if (!latest) return { hash: textHash(await workingTextNow(store, draftId)), symbol: null, label: 'working text', amendments: 0 };
  const amendments = amendmentsFor(rows, latest);
  const accepted = amendments.filter((a) => a.accepted).length;
  if (amendments.length === 0) return { hash: latest.hash, symbol: latest.symbol, label: latest.symbol, amendments: 0 };
  const amended = amendedText(latest, amendments);
  if (!amended.ok) throw HttpErrors.refused(amended.error);
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
  // Edits accepted before the freeze are committed first, so no socket's edit lands after it.
  await input.refreshAccess(input.draftId);
  const [rows, revisions] = await Promise.all([store.listDraftEvents(input.draftId), store.listRevisions(input.draftId)]);
  // Refuse early with the lifecycle's own reason; the recorder checks again in its transaction.
  const early = applyEvent(statusOfRecord(rows), { type: 'frozen', hash: '-' });
  if (!early.ok) throw HttpErrors.refused(early.error);
  // After final action no text is issued and no amendment recorded: the text hashed here cannot change before the freeze lands.
  const final = await finalText(store, input.draftId, rows, revisions);
  const recorded = await recordDraftEvent(store, { draftId: input.draftId, actor: input.actor, event: { type: 'frozen', hash: final.hash } });
  return { status: recorded.status, row: recorded.row, final };
}
