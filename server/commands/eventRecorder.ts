/**
 * Recording a lifecycle event in a draft's record (issued, introduced, adopted, …, frozen):
 * checked against the policy and the lifecycle's transition table on the record as it is
 * inside the transaction, then appended. Refusals carry the domain's reason.
 */
import type { Actor } from '../../shared/accounts';
import { applyEvent, type DraftEvent, type DraftStatus } from '../../shared/lifecycle';
import { mayRecordEvent } from '../../shared/policy';
import { draftSymbol, parseSymbol } from '../../shared/symbols';
import { HttpErrors } from '../http/errors';
import type { DraftEventRow, DraftRow, RecordRepos, Store } from '../storage/types';
import { expectNextSeq, lastSeqOf, oneAtATime, retryLostRaces } from './appendGuard';
import { draftAccessOf } from './draftAccess';
import { statusOfRecord } from './draftStatus';

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

// The lifecycle checks that revisions follow each other; that the first text issued carries
// this draft's own L-number in its own session is known only here.
async function checkIssuedSymbol(tx: RecordRepos, draft: DraftRow, event: DraftEvent): Promise<void> {
  if (event.type !== 'issued') return;
  const session = await tx.getSession(draft.sessionId);
  const parsed = parseSymbol(event.symbol);
  if (!session || !parsed.ok) return;
  const own = draftSymbol(session.symbolPrefix, draft.lNumber);
  if (parsed.value.prefix !== session.symbolPrefix || parsed.value.lNumber !== draft.lNumber) {
    throw HttpErrors.refused(`"${event.symbol}" is not a text of this draft (${own})`);
  }
}

/** Record one lifecycle event: 404, 403 or 422 (with the reason) when it cannot be. */
export function recordDraftEvent(store: Store, input: RecordEventInput): Promise<RecordedEvent> {
  const { draftId, actor, event } = input;
  return oneAtATime(store, `draft-events:${draftId}`, () =>
    retryLostRaces(() =>
      store.transaction(async (tx) => {
        const draft = await tx.getDraft(draftId);
        if (!draft) throw HttpErrors.notFound('draft');
        // One after another: a transaction is one connection, which runs one query at a time.
        const rows = await tx.listDraftEvents(draftId);
        const sponsorship = await tx.listSponsorshipEvents(draftId);
        const permission = mayRecordEvent(actor, draftAccessOf(draft, sponsorship, rows), event.type);
        if (!permission.ok) throw HttpErrors.forbidden(permission.error);
        const next = applyEvent(statusOfRecord(rows), event);
        if (!next.ok) throw HttpErrors.refused(next.error);
        await checkIssuedSymbol(tx, draft, event);
        const { type, ...payload } = event;
        const row = await tx.appendDraftEvent({ draftId, type, payload, userId: actor.id });
        expectNextSeq(`the record of draft ${draftId}`, lastSeqOf(rows), row.seq);
        return { row, status: next.value };
      }),
    ),
  );
}
