/**
 * Appending to a draft's record — lifecycle events (eventRecorder.ts, revisionIssuer.ts,
 * freezer.ts) and governed entries (a paragraph state, an oral amendment, a number …) — under
 * the one guard: one writer per draft in this process, the policy and the check decided on the
 * record as it is inside the transaction, and a lost race across processes run again on the
 * new record.
 */
import type { Actor } from '../../shared/accounts';
import type { DraftStatus } from '../../shared/lifecycle';
import { mayWriteRecord, type DraftAccess, type Permission } from '../../shared/policy';
import type { DraftEventRow, DraftRow, RecordRepos, SponsorshipEventRow, Store, UpdateLogRepo } from '../storage/types';
import { expectNextSeq, lastSeqOf, oneAtATime, retryLostRaces } from './appendGuard';
import { draftAccessOf } from '../readModels/draftAccess';
import { statusOfRecord } from '../readModels/draftStatus';
import { DomainErrors } from '../errors';
import { inboxEvents, notifyRecordEntry, takeNotified } from './notifier';

/** What a check sees: the draft, its record and sponsors as they are inside the transaction. */
export interface RecordContext {
  tx: RecordRepos & UpdateLogRepo;
  draft: DraftRow;
  rows: DraftEventRow[];
  sponsorship: SponsorshipEventRow[];
  access: DraftAccess;
  status: DraftStatus;
}

/**
 * Run `fn` as the one writer of a draft's record, in a transaction, retried when it loses a race.
 * Once it commits, the users its entries notified are told their inbox changed (notifier.ts).
 */
export function underRecordGuard<T>(store: Store, draftId: string, fn: (tx: RecordRepos & UpdateLogRepo) => Promise<T>): Promise<T> {
  // One key for the whole record: lifecycle events and governed entries queue behind each other.
  return oneAtATime(store, `draft-events:${draftId}`, () =>
    retryLostRaces(async () => {
      let notified: ReadonlySet<string> = new Set();
      const result = await store.transaction(async (tx) => {
        const value = await fn(tx);
        notified = takeNotified(tx);
        return value;
      });
      inboxEvents.changed(notified);
      return result;
    }),
  );
}

/** Load the context of a draft inside a transaction; 404 when there is no such draft. */
export async function loadRecordContext(tx: RecordRepos & UpdateLogRepo, draftId: string): Promise<RecordContext> {
  const draft = await tx.getDraft(draftId);
  if (!draft) throw DomainErrors.notFound('draft');
  // One after another: a transaction is one connection, which runs one query at a time.
  const rows = await tx.listDraftEvents(draftId);
  const sponsorship = await tx.listSponsorshipEvents(draftId);
  return { tx, draft, rows, sponsorship, access: draftAccessOf(draft, sponsorship, rows), status: statusOfRecord(rows) };
}

/** Refuse with 403 unless the policy lets the actor append this type now (see `mayWriteRecord` for `afterFreeze`). */
export function authorizeRecord(actor: Actor, ctx: Pick<RecordContext, 'access'>, type: string, afterFreeze = false): void {
  const permission = mayWriteRecord(actor, ctx.access, type, afterFreeze);
  if (!permission.ok) throw DomainErrors.forbidden(permission.error);
}

/**
 * Append one entry right after the record that was checked (LostRace otherwise), with the
 * inbox notifications it gives rise to, in the same transaction (notifier.ts).
 */
export async function appendChecked(ctx: RecordContext, actor: Actor, type: string, payload: object): Promise<DraftEventRow> {
  const row = await ctx.tx.appendDraftEvent({ draftId: ctx.draft.id, type, payload: payload as Record<string, unknown>, userId: actor.id });
  expectNextSeq(`the record of draft ${ctx.draft.id}`, lastSeqOf(ctx.rows), row.seq);
  await notifyRecordEntry(ctx, actor, row);
  return row;
}

/**
 * Record one governed entry: authorize, let `check` refuse or shape the payload on the
 * current record, append. 404, 403, 409 or 422 when it cannot be recorded.
 */
export function recordEntry<P extends object>(
  store: Store,
  input: {
    draftId: string;
    actor: Actor;
    type: string;
    afterFreeze?: boolean;
    /**
     * The policy for this entry, decided on the record inside the transaction, instead of
     * `mayWriteRecord` (which keeps the record to the secretariat and the chair): a comment
     * (`mayComment`), a proposal (`mayTableProposal`) …
     */
    authorize?: (ctx: RecordContext) => Permission;
    check: (ctx: RecordContext) => P | Promise<P>;
  },
): Promise<{ row: DraftEventRow; ctx: RecordContext }> {
  return underRecordGuard(store, input.draftId, async (tx) => {
    const ctx = await loadRecordContext(tx, input.draftId);
    if (input.authorize) {
      const permission = input.authorize(ctx);
      if (!permission.ok) throw DomainErrors.forbidden(permission.error);
    } else {
      authorizeRecord(input.actor, ctx, input.type, input.afterFreeze);
    }
    const payload = await input.check(ctx);
    const row = await appendChecked(ctx, input.actor, input.type, payload);
    return { row, ctx: { ...ctx, rows: [...ctx.rows, row] } };
  });
}
