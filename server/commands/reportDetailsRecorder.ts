/**
 * The report's wording for a draft, as the secretariat records it: how the paragraph names a
 * text known by its subject ("the provisional agenda for its twelfth session") and sentences
 * the report adds after the record ("The Conference decided to hold …"). The latest entry wins;
 * it describes the final text without changing it, so it may follow the freeze.
 */
import type { Actor } from '../../shared/accounts';
import type { LocalizedText } from '../../shared/delegations';
import type { DraftEventRow, Store } from '../storage/types';
import { RecordTypes, type ReportDetailsPayload } from './meetingRecord';
import { recordEntry } from './recordAppender';

/** Record the report's wording for a draft (secretariat only). */
export async function recordReportDetails(
  store: Store,
  input: { draftId: string; actor: Actor; describedAs: LocalizedText | null; remarks: LocalizedText | null },
): Promise<{ row: DraftEventRow; payload: ReportDetailsPayload }> {
  const payload: ReportDetailsPayload = { describedAs: input.describedAs, remarks: input.remarks };
  const { row } = await recordEntry(store, { draftId: input.draftId, actor: input.actor, type: RecordTypes.reportDetails, afterFreeze: true, check: () => payload });
  return { row, payload };
}
