/**
 * Recording a lifecycle event in a draft's record (introduced, adopted, …; issue and freeze
 * have commands of their own that store or hash a text): checked against the policy and the
 * lifecycle's transition table on the record as it is inside the transaction, its meeting and
 * date against the session's (shared/meetings.ts), then appended
 * under the record's one guard (recordAppender.ts). Refusals carry the domain's reason.
 */
import type { Actor } from '../../shared/accounts';
import { applyEvent, nextText, type DraftEvent, type DraftStatus } from '../../shared/lifecycle';
import { checkMeeting } from '../../shared/meetings';
import { heldMeetings } from '../readModels/meetings';
import type { DraftEventRow, Store } from '../storage/types';
import { appendChecked, authorizeRecord, loadRecordContext, underRecordGuard, type RecordContext } from './recordAppender';
import { DomainErrors } from '../errors';

/** What to record, and who records it. */
export interface RecordEventInput {
  draftId: string;
  actor: Actor;
  event: DraftEvent;
}

/** The stored event and the status it leads to. */
export interface RecordedEvent {
  row: DraftEventRow;
  status: DraftStatus;
}

// The lifecycle checks that revisions follow each other; that a text issued carries this
// draft's own L-number in its own session is known only here.
async function checkIssuedSymbol(ctx: RecordContext, event: DraftEvent): Promise<void> {
  if (event.type !== 'issued') return;
  const session = await ctx.tx.getSession(ctx.draft.sessionId);
  if (!session) return;
  const next = nextText(ctx.status, { prefix: session.symbolPrefix, lNumber: ctx.draft.lNumber });
  if (next !== null && event.symbol !== next.symbol) throw DomainErrors.refused(`"${event.symbol}" is not a text of this draft; the next is ${next.symbol}`);
}

// An event held at a meeting must fit the session's days and what the record says of that meeting.
async function checkMeetingDate(ctx: RecordContext, event: DraftEvent): Promise<void> {
  if (!('meeting' in event) || typeof event.meeting !== 'number' || !('date' in event)) return;
  const session = await ctx.tx.getSession(ctx.draft.sessionId);
  if (!session) return;
  const fits = checkMeeting({ meeting: event.meeting, date: event.date }, session, await heldMeetings(ctx.tx, session.id));
  if (!fits.ok) throw DomainErrors.refused(fits.error);
}

/** Record one lifecycle event: 404, 403 or 422 (with the reason) when it cannot be. */
export function recordDraftEvent(store: Store, input: RecordEventInput): Promise<RecordedEvent> {
  const { draftId, actor, event } = input;
  return underRecordGuard(store, draftId, async (tx) => {
    const ctx = await loadRecordContext(tx, draftId);
    // The lifecycle refuses every event on a frozen draft, with its own reason (422).
    authorizeRecord(actor, ctx, event.type, true);
    const next = applyEvent(ctx.status, event);
    if (!next.ok) throw DomainErrors.refused(next.error);
    await checkIssuedSymbol(ctx, event);
    await checkMeetingDate(ctx, event);
    const { type, ...payload } = event;
    const row = await appendChecked(ctx, actor, type, payload);
    return { row, status: next.value };
  });
}
