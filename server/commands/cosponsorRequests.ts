/**
 * Co-sponsorship online: a delegate asks for their delegation to join the sponsors (or to
 * withdraw), the main sponsor's delegates or the secretariat confirm or decline. Requests and
 * decisions are entries of the draft's record (`cosponsor_requested`, `cosponsor_request_decided`),
 * so the audit, the inbox (recordAppender.ts → notifier.ts) and the seq order see them; confirming
 * also appends the sponsorship change, dated today, in the same transaction as the decision.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../shared/accounts';
import { todayUTC } from '../../shared/dates';
import { delegationNameIn, type LocalizedText } from '../../shared/delegations';
import { ErrorIds } from '../../shared/errors';
import { mayDecideCosponsorship, mayRequestCosponsorship } from '../../shared/policy';
import {
  checkCosponsorDecision,
  checkCosponsorRequest,
  checkSponsorshipChange,
  CosponsorshipEntries,
  cosponsorRequestsOf,
  cosponsorshipDeadline,
  draftCosponsorDeadlineOf,
  type CosponsorDecidedPayload,
  type CosponsorDecision,
  type CosponsorRefusal,
  type CosponsorRequest,
  type CosponsorRequestedPayload,
  type CosponsorRequestKind,
  type CosponsorshipDeadline,
  type SponsorList,
} from '../../shared/sponsorship';
import { DomainError, DomainErrors } from '../errors';
import type { DraftEventRow, RecordRepos, SponsorshipEventRow, Store } from '../storage/types';
import { expectNextSeq, lastSeqOf, oneAtATime } from './appendGuard';
import { appendChecked, loadRecordContext, underRecordGuard, type RecordContext } from './recordAppender';

/** The error a refusal of shared/sponsorship.ts is answered with. */
export function cosponsorError(refusal: CosponsorRefusal): DomainError {
  switch (refusal.kind) {
    case 'closed':
      return new DomainError(ErrorIds.cosponsorshipClosed, refusal.message);
    case 'pending':
    case 'decided':
      return DomainErrors.conflict(refusal.message);
    default:
      return DomainErrors.refused(refusal.message);
  }
}

/** The deadline that applies to a draft, from its record and its session, at `now`. */
export async function deadlineOf(tx: Pick<RecordRepos, 'getSession'>, ctx: Pick<RecordContext, 'draft' | 'rows'>, now: Date): Promise<CosponsorshipDeadline> {
  const session = await tx.getSession(ctx.draft.sessionId);
  return cosponsorshipDeadline(draftCosponsorDeadlineOf(ctx.rows), session?.cosponsorDeadline ?? null, now);
}

async function namesIn(tx: Pick<RecordRepos, 'listDelegations'>): Promise<(id: string) => string> {
  const names = new Map((await tx.listDelegations()).map((d) => [d.id, delegationNameIn(d)]));
  return (id) => names.get(id) ?? id;
}

/** A request to make, and who asks. */
export interface CosponsorRequestInput {
  draftId: string;
  actor: Actor;
  kind: CosponsorRequestKind;
  onBehalfOf?: LocalizedText | null;
  /** The moment the deadline is compared with; now when absent. */
  now?: Date;
}

/**
 * Ask, for the actor's delegation, to join the sponsors or to withdraw: 403 (the policy, a
 * frozen draft), 403 `cosponsorship_closed` (joining from the deadline on), 409 (a request of
 * this delegation already pending).
 */
export function requestCosponsorship(store: Store, input: CosponsorRequestInput): Promise<{ request: CosponsorRequest; row: DraftEventRow }> {
  const { draftId, actor, kind } = input;
  return underRecordGuard(store, draftId, async (tx) => {
    const ctx = await loadRecordContext(tx, draftId);
    const permission = mayRequestCosponsorship(actor, ctx.access, kind);
    if (!permission.ok || actor.delegationId === null) throw DomainErrors.forbidden(permission.ok ? 'only a delegate asks for their delegation' : permission.error);
    const delegationId = actor.delegationId;
    const deadline = await deadlineOf(tx, ctx, input.now ?? new Date());
    const checked = checkCosponsorRequest(cosponsorRequestsOf(ctx.rows), { delegationId, kind }, deadline, await namesIn(tx));
    if (!checked.ok) throw cosponsorError(checked.error);
    const payload: CosponsorRequestedPayload = { requestId: randomUUID(), delegationId, kind, onBehalfOf: input.onBehalfOf ?? null };
    const row = await appendChecked(ctx, actor, CosponsorshipEntries.requested, payload);
    const request = cosponsorRequestsOf([...ctx.rows, row]).find((r) => r.id === payload.requestId);
    if (!request) throw new Error(`the request ${payload.requestId} just appended cannot be read back`);
    return { request, row };
  });
}

/** A decision to record, and who decides. */
export interface CosponsorDecisionInput {
  draftId: string;
  actor: Actor;
  requestId: string;
  decision: CosponsorDecision;
  note?: string | null;
  now?: Date;
}

/** The request as decided, and (when confirmed) the sponsorship change and the list after it. */
export interface CosponsorDecided {
  request: CosponsorRequest;
  sponsorship: { row: SponsorshipEventRow; list: SponsorList } | null;
}

/**
 * Confirm or decline a pending request: 403 (the policy, a frozen draft), 404 (no such request),
 * 409 (already decided), 403 `cosponsorship_closed` (a request to join made after the deadline),
 * 422 (the sponsorship rules refuse the change, e.g. the secretariat added the delegation meanwhile).
 */
export function decideCosponsorRequest(store: Store, input: CosponsorDecisionInput): Promise<CosponsorDecided> {
  const { draftId, actor, requestId, decision } = input;
  // The sponsor list's writer (sponsorshipChanger.ts) and the record's, in that order: a decision writes both.
  return oneAtATime(store, `draft-sponsors:${draftId}`, () =>
    underRecordGuard(store, draftId, async (tx) => {
      const ctx = await loadRecordContext(tx, draftId);
      const permission = mayDecideCosponsorship(actor, ctx.access);
      if (!permission.ok) throw DomainErrors.forbidden(permission.error);
      const request = cosponsorRequestsOf(ctx.rows).find((r) => r.id === requestId);
      if (!request) throw DomainErrors.notFound('co-sponsorship request');
      const checked = checkCosponsorDecision(request, decision, await deadlineOf(tx, ctx, input.now ?? new Date()));
      if (!checked.ok) throw cosponsorError(checked.error);
      let sponsorship: CosponsorDecided['sponsorship'] = null;
      if (decision === 'confirmed') {
        const change = { delegationId: request.delegationId, type: request.kind, date: todayUTC(input.now), onBehalfOf: request.onBehalfOf };
        const list = checkSponsorshipChange(ctx.sponsorship, change, await namesIn(tx));
        if (!list.ok) throw DomainErrors.refused(list.error);
        const row = await tx.addSponsorshipEvent({ draftId, ...change, recordedBy: actor.id });
        expectNextSeq(`the sponsors of draft ${draftId}`, lastSeqOf(ctx.sponsorship), row.seq);
        sponsorship = { row, list: list.value };
      }
      const payload: CosponsorDecidedPayload = { requestId, decision, note: input.note ?? null };
      const row = await appendChecked({ ...ctx, sponsorship: sponsorship ? [...ctx.sponsorship, sponsorship.row] : ctx.sponsorship }, actor, CosponsorshipEntries.decided, payload);
      const decided = cosponsorRequestsOf([...ctx.rows, row]).find((r) => r.id === requestId);
      if (!decided) throw new Error(`the request ${requestId} cannot be read back`);
      return { request: decided, sponsorship };
    }),
  );
}

/** The requests of a draft and the deadline that applies, read at `now` (no writes). */
export async function loadCosponsorship(store: Store, draftId: string, now: Date = new Date()): Promise<{ requests: CosponsorRequest[]; deadline: CosponsorshipDeadline } | null> {
  const draft = await store.getDraft(draftId);
  if (!draft) return null;
  const rows = await store.listDraftEvents(draftId);
  return { requests: cosponsorRequestsOf(rows), deadline: await deadlineOf(store, { draft, rows }, now) };
}
