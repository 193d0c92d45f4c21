/**
 * Co-sponsorship online: a delegation asks to join the sponsors (or to withdraw), the main
 * sponsor's delegates or the secretariat confirm or decline; a deadline (a session's, or a
 * draft's, which wins) closes the list to new requests to join. Requests and decisions are
 * entries of the draft's record, folded here; the change a confirmation makes to the sponsor
 * list is checked by `checkSponsorshipChange` (sponsorship.ts, which re-exports this module).
 */
import { formatCalendarDate, isCalendarDate } from './dates';
import type { LocalizedText } from './delegations';
import { fail, ok, type Result } from './result';

/** What a delegation may ask: to join the sponsors, or to withdraw as a co-sponsor. */
export const COSPONSOR_REQUEST_KINDS = ['join', 'withdraw'] as const;
/** One kind of request. */
export type CosponsorRequestKind = (typeof COSPONSOR_REQUEST_KINDS)[number];
/** How a request is decided. */
export const COSPONSOR_DECISIONS = ['confirmed', 'declined'] as const;
/** One decision on a request. */
export type CosponsorDecision = (typeof COSPONSOR_DECISIONS)[number];
/** Where a request stands. */
export type CosponsorRequestState = 'pending' | CosponsorDecision;

/**
 * The type strings of the draft record's co-sponsorship entries (the contract of issue 17; the
 * record's list of types, server/commands/meetingRecord.ts RecordTypes, names the same).
 */
export const CosponsorshipEntries = {
  requested: 'cosponsor_requested',
  decided: 'cosponsor_request_decided',
  deadline: 'cosponsorship_deadline',
} as const;

/** Payload of a `cosponsor_requested` entry. */
export interface CosponsorRequestedPayload {
  requestId: string;
  delegationId: string;
  kind: CosponsorRequestKind;
  onBehalfOf: LocalizedText | null;
}
/** Payload of a `cosponsor_request_decided` entry. */
export interface CosponsorDecidedPayload {
  requestId: string;
  decision: CosponsorDecision;
  note: string | null;
}
/** Payload of a `cosponsorship_deadline` entry: an ISO date-time (UTC), or null to fall back to the session's. */
export interface CosponsorshipDeadlinePayload {
  deadline: string | null;
}

/** An entry of a draft's record as this module reads it. */
export interface CosponsorRecordRow {
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  at: string;
  userId: string | null;
}

/** A request to join or withdraw, folded from the record. */
export interface CosponsorRequest {
  readonly id: string;
  readonly seq: number;
  readonly delegationId: string;
  readonly kind: CosponsorRequestKind;
  readonly onBehalfOf: LocalizedText | null;
  readonly state: CosponsorRequestState;
  readonly requestedBy: string | null;
  readonly requestedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly note: string | null;
}

/** The requests of a draft in the order they were made, each with its decision (the first one counts). */
export function cosponsorRequestsOf(rows: readonly CosponsorRecordRow[]): CosponsorRequest[] {
  const byId = new Map<string, CosponsorRequest>();
  for (const r of [...rows].sort((a, b) => a.seq - b.seq)) {
    if (r.type === CosponsorshipEntries.requested) {
      const p = r.payload as unknown as CosponsorRequestedPayload;
      byId.set(p.requestId, {
        id: p.requestId,
        seq: r.seq,
        delegationId: p.delegationId,
        kind: p.kind,
        onBehalfOf: p.onBehalfOf ?? null,
        state: 'pending',
        requestedBy: r.userId,
        requestedAt: r.at,
        decidedBy: null,
        decidedAt: null,
        note: null,
      });
    } else if (r.type === CosponsorshipEntries.decided) {
      const p = r.payload as unknown as CosponsorDecidedPayload;
      const request = byId.get(p.requestId);
      if (request && request.state === 'pending') byId.set(p.requestId, { ...request, state: p.decision, decidedBy: r.userId, decidedAt: r.at, note: p.note ?? null });
    }
  }
  return [...byId.values()];
}

/** The draft's own co-sponsorship deadline: the latest entry's (null: none, the session's applies). */
export function draftCosponsorDeadlineOf(rows: readonly CosponsorRecordRow[]): string | null {
  const last = [...rows]
    .sort((a, b) => a.seq - b.seq)
    .filter((r) => r.type === CosponsorshipEntries.deadline)
    .at(-1);
  return (last?.payload as CosponsorshipDeadlinePayload | undefined)?.deadline ?? null;
}

/** Which co-sponsorship deadline applies to a draft, and whether it has passed. */
export interface CosponsorshipDeadline {
  /** The draft's own deadline, which wins when set. */
  readonly draft: string | null;
  /** The session's deadline, for every draft without its own. */
  readonly session: string | null;
  /** The one that applies: the draft's, else the session's, else none. */
  readonly effective: string | null;
  /** Whether `now` is at or after the effective deadline: requests to join are refused. */
  readonly passed: boolean;
}

/** Whether `s` is a moment written as an ISO date-time in UTC ("2022-10-20T18:00:00Z", with or without seconds and milliseconds). */
export function isDeadline(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?Z$/.exec(s);
  return m !== null && isCalendarDate(m[1]!) && !Number.isNaN(Date.parse(s));
}

/** The deadline that applies (the draft's wins over the session's) and whether it passed at `now`. */
export function cosponsorshipDeadline(draft: string | null, session: string | null, now: Date = new Date()): CosponsorshipDeadline {
  const effective = draft ?? session;
  return { draft, session, effective, passed: effective !== null && now.getTime() >= Date.parse(effective) };
}

/** A deadline as the refusal and the panel write it: "20 October 2022, 18:00 UTC". */
export function formatDeadline(deadline: string): string {
  const at = new Date(deadline);
  if (Number.isNaN(at.getTime())) return deadline;
  const iso = at.toISOString();
  return `${formatCalendarDate(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

/** Why a request cannot be made or decided: the kind tells the server which error id answers. */
export interface CosponsorRefusal {
  /** `closed`: after the deadline; `pending`: a request of this delegation already waits; `decided`: not pending any more; `rules`: the sponsorship rules refuse it. */
  kind: 'closed' | 'pending' | 'decided' | 'rules';
  message: string;
}

/**
 * Check a new request against the deadline and the requests already made: a request to join is
 * refused from the deadline on (withdrawing stays open), and a delegation has one pending
 * request at a time. Who may ask is the policy's (shared/policy.ts mayRequestCosponsorship).
 */
export function checkCosponsorRequest(
  requests: readonly CosponsorRequest[],
  change: { delegationId: string; kind: CosponsorRequestKind },
  deadline: CosponsorshipDeadline,
  nameOf: (delegationId: string) => string = (id) => id,
): Result<true, CosponsorRefusal> {
  if (change.kind === 'join' && deadline.passed && deadline.effective !== null) {
    return fail({ kind: 'closed', message: `co-sponsorship of this draft closed on ${formatDeadline(deadline.effective)}` });
  }
  const waiting = requests.find((r) => r.delegationId === change.delegationId && r.state === 'pending');
  if (waiting) {
    const what = waiting.kind === 'join' ? 'to join the sponsors' : 'to withdraw as a co-sponsor';
    return fail({ kind: 'pending', message: `${nameOf(change.delegationId)} has already asked ${what}; the request awaits a decision` });
  }
  return ok(true);
}

/**
 * Check a decision on a request: only a pending request is decided, and a request to join made
 * after the deadline (moved earlier since) cannot be confirmed. Confirming then goes through
 * `checkSponsorshipChange` like any change to the list.
 */
export function checkCosponsorDecision(request: CosponsorRequest, decision: CosponsorDecision, deadline: CosponsorshipDeadline): Result<true, CosponsorRefusal> {
  if (request.state !== 'pending') return fail({ kind: 'decided', message: `this request was already ${request.state}` });
  if (decision === 'confirmed' && request.kind === 'join' && deadline.effective !== null && Date.parse(request.requestedAt) >= Date.parse(deadline.effective)) {
    return fail({ kind: 'closed', message: `the request came after co-sponsorship of this draft closed on ${formatDeadline(deadline.effective)}` });
  }
  return ok(true);
}
