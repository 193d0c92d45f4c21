/**
 * Appending a governed entry (a paragraph state, an oral amendment, a number …) to a draft's
 * record, with the same guard as lifecycle events (eventRecorder.ts): one writer per draft in
 * this process, the policy and the check decided on the record as it is inside the
 * transaction, and a lost race across processes run again on the new record.
 */
import type { Actor } from '../../shared/accounts';
import type { DraftStatus } from '../../shared/lifecycle';
import { mayRecordEvent, type DraftAccess } from '../../shared/policy';
import { HttpErrors } from '../http/errors';
import type { DraftEventRow, DraftRow, RecordRepos, SponsorshipEventRow, Store, UpdateLogRepo } from '../storage/types';
import { expectNextSeq, lastSeqOf, oneAtATime, retryLostRaces } from './appendGuard';
import { draftAccessOf } from './draftAccess';
import { statusOfRecord } from './draftStatus';

/** What a check sees: the draft, its record and sponsors as they are inside the transaction. */
export interface RecordContext {
  tx: RecordRepos & UpdateLogRepo;
  draft: DraftRow;
  rows: DraftEventRow[];
  sponsorship: SponsorshipEventRow[];
  access: DraftAccess;
  status: DraftStatus;
}

/** Run `fn` as the one writer of a draft's record, in a transaction, retried when it loses a race. */
export function underRecordGuard<T>(store: Store, draftId: string, fn: (tx: RecordRepos & UpdateLogRepo) => Promise<T>): Promise<T> {
  // The same key as eventRecorder: lifecycle events and governed entries queue behind each other.
  return oneAtATime(store, `draft-events:${draftId}`, () => retryLostRaces(() => store.transaction(fn)));
}

/** Load the context of a draft inside a transaction; 404 when there is no such draft. */
export async function loadRecordContext(tx: RecordRepos & UpdateLogRepo, draftId: string): Promise<RecordContext> {
  const draft = await tx.getDraft(draftId);
  if (!draft) throw HttpErrors.notFound('draft');
  // One after another: a transaction is one connection, which runs one query at a time.
  const rows = await tx.listDraftEvents(draftId);
  const sponsorship = await tx.listSponsorshipEvents(draftId);
  return { tx, draft, rows, sponsorship, access: draftAccessOf(draft, sponsorship, rows), status: statusOfRecord(rows) };
}

/**
 * Refuse with 403 unless the policy lets the actor record this type. A frozen draft takes
 * nothing that bears on its text; `afterFreeze` entries (its number, the report's wording)
 * describe the final text without changing it, as the report is written after the session.
 */
export function authorizeRecord(actor: Actor, ctx: Pick<RecordContext, 'access'>, type: string, afterFreeze = false): void {
  const permission = mayRecordEvent(actor, ctx.access, type);
  if (!permission.ok) throw HttpErrors.forbidden(permission.error);
  if (ctx.access.frozen && !afterFreeze) throw HttpErrors.forbidden('the draft is frozen: its text is final');
}

/** Append one entry right after the record that was checked (LostRace otherwise). */
export async function appendChecked(ctx: RecordContext, actor: Actor, type: string, payload: object): Promise<DraftEventRow> {
  const row = await ctx.tx.appendDraftEvent({ draftId: ctx.draft.id, type, payload: payload as Record<string, unknown>, userId: actor.id });
  expectNextSeq(`the record of draft ${ctx.draft.id}`, lastSeqOf(ctx.rows), row.seq);
  return row;
}

/**
 * Record one governed entry: authorize, let `check` refuse or shape the payload on the
 * current record, append. 404, 403, 409 or 422 when it cannot be recorded.
 */
export function recordEntry<P extends object>(
  store: Store,
  input: { draftId: string; actor: Actor; type: string; afterFreeze?: boolean; check: (ctx: RecordContext) => P | Promise<P> },
): Promise<{ row: DraftEventRow; ctx: RecordContext }> {
  return underRecordGuard(store, input.draftId, async (tx) => {
    const ctx = await loadRecordContext(tx, input.draftId);
    authorizeRecord(input.actor, ctx, input.type, input.afterFreeze);
    const payload = await input.check(ctx);
    const row = await appendChecked(ctx, input.actor, input.type, payload);
    return { row, ctx: { ...ctx, rows: [...ctx.rows, row] } };
  });
}
