/**
 * Who may do what: the one policy module. The server checks every write against it (HTTP and
 * WebSocket alike), and sends each reader's `DraftPermissions` with every draft.
 *
 * Reading: every signed-in user may read every draft of the sessions they can see (informal
 * consultations are open-ended). Writing the working text: the secretariat, the chair of the
 * draft's consultations, and delegates of its current sponsors; nobody once action is taken on
 * the draft (the body acted on the issued text, which is final) nor once it is frozen.
 *
 * The rest of the room takes part without writing the text: any delegation tables proposals on
 * it, which the main sponsor's delegates (the penholder), the chair or the secretariat decide;
 * everyone comments; a delegation asks to join or leave the sponsors, and the main sponsor or the
 * secretariat confirms — only the secretariat changes the sponsor list directly.
 *
 * The client never decides from this module: its pages show the permissions the server sent.
 */
import type { Actor } from './accounts';
import { checkTransition, FINAL_STATES, type DraftEventType, type DraftStatus } from './lifecycle';
import { fail, ok, type Result } from './result';

/** What the policy needs to know about a draft. */
export interface DraftAccess {
  /** The user chairing the draft's informal consultations, if any. */
  chairUserId: string | null;
  /** The main sponsor's delegation id, if any. */
  mainSponsorId: string | null;
  /** Delegation ids sponsoring the draft now (main sponsor included). */
  sponsorIds: ReadonlySet<string>;
  /** Frozen by the secretariat: the text is final. */
  frozen: boolean;
  /**
   * Final action is recorded (adopted, rejected, withdrawn, no action, deferred): the text acted
   * on is final and the working text read-only. Absent before final action.
   */
  finalAction?: boolean;
}

/** Whether a draft's record holds a final action (the lifecycle's final states are also its event types). */
export function holdsFinalAction(record: readonly { type: string }[]): boolean {
  return record.some((e) => (FINAL_STATES as readonly string[]).includes(e.type));
}

/**
 * The event types a draft's access depends on (`holdsFreeze`, `holdsFinalAction`): whether its
 * record holds one of each is all a loader need read of it, however long the record grows.
 */
export const ACCESS_EVENT_TYPES: readonly DraftEventType[] = ['frozen', ...FINAL_STATES];

/** A permission: granted, or refused with a reason a user can read. */
export type Permission = Result<true, string>;

const granted: Permission = ok(true);

/**
 * The refusal of anything that would change a frozen draft's text or its record of the text
 * (an issue, an amendment, a paragraph state, an import, an update the store refused).
 */
export const FROZEN_TEXT_REFUSAL = 'the draft is frozen: its text is final';

/** Why nobody may change a draft's working text any more. */
export interface TextReadOnly {
  reason: 'frozen' | 'final_action';
  message: string;
}

/** The refusal of an edit to a frozen draft's working text (what the socket and an import say). */
export const FROZEN_EDIT_REFUSAL = 'the text is frozen: nobody can change it';

/** The refusal of an edit to the working text once action is taken on the draft. */
export const FINAL_ACTION_TEXT_REFUSAL = 'action has been taken on the draft: the text the body acted on is final, and the working text can no longer change';

/** Why the working text is read-only for everyone now (the freeze first), or null while it may change. */
export function textReadOnly(draft: DraftAccess): TextReadOnly | null {
  if (draft.frozen) return { reason: 'frozen', message: FROZEN_EDIT_REFUSAL };
  if (draft.finalAction) return { reason: 'final_action', message: FINAL_ACTION_TEXT_REFUSAL };
  return null;
}

/** Whether the actor may read the draft and its record (everyone signed in may). */
export function mayReadDraft(_actor: Actor, _draft: DraftAccess): Permission {
  return granted;
}

/** Whether the actor may change the working text (over the collaboration socket, by an import or a restore). */
export function mayEditText(actor: Actor, draft: DraftAccess): Permission {
  const closed = textReadOnly(draft);
  if (closed) return fail(closed.message);
  if (actor.role === 'secretariat') return granted;
  if (draft.chairUserId !== null && draft.chairUserId === actor.id) return granted;
  if (actor.role === 'delegate' && actor.delegationId !== null && draft.sponsorIds.has(actor.delegationId)) return granted;
  return fail('only delegates of the sponsors, the chair and the secretariat may edit this text');
}

/** Whether the actor may create a draft (the secretariat, or a delegate for their own delegation). */
export function mayCreateDraft(actor: Actor): Permission {
  if (actor.role === 'secretariat') return granted;
  if (actor.role === 'delegate' && actor.delegationId !== null) return granted;
  return fail('only the secretariat and delegates may put a draft forward');
}

/**
 * Whether the actor may make `delegationId` join or withdraw as a co-sponsor directly: the
 * secretariat only, who manages the sponsor list. Delegates ask instead (`mayRequestCosponsorship`),
 * and the main sponsor's delegates or the secretariat confirm (`mayDecideCosponsorship`). The main
 * sponsor cannot withdraw (the draft itself is withdrawn instead), and nobody changes the sponsors
 * of a frozen draft.
 */
export function mayChangeSponsorship(actor: Actor, draft: DraftAccess, delegationId: string, change: 'join' | 'withdraw' | 'main'): Permission {
  if (draft.frozen) return fail('the draft is frozen: its sponsors can no longer change');
  if (change === 'main') {
    return actor.role === 'secretariat' ? granted : fail('only the secretariat names the main sponsor');
  }
  if (change === 'withdraw' && draft.mainSponsorId === delegationId) {
    return fail('the main sponsor cannot withdraw; the draft itself is withdrawn instead');
  }
  if (actor.role === 'secretariat') return granted;
  return fail('only the secretariat changes the sponsor list; a delegation asks to join or withdraw, and the main sponsor confirms');
}

/** Whether the actor is a delegate of the draft's main sponsor (the penholder). */
function isPenholder(actor: Actor, draft: DraftAccess): boolean {
  return actor.role === 'delegate' && actor.delegationId !== null && actor.delegationId === draft.mainSponsorId;
}

/** Whether the actor chairs this draft's informal consultations. */
function chairsDraft(actor: Actor, draft: DraftAccess): boolean {
  return draft.chairUserId !== null && draft.chairUserId === actor.id;
}

/**
 * Whether the actor may table a proposal on the working text: any delegate speaking for a
 * delegation (sponsor or not), the chair of the draft's consultations, the secretariat; nobody
 * once the text is read-only (frozen, or action taken on the draft).
 */
export function mayTableProposal(actor: Actor, draft: DraftAccess): Permission {
  const closed = textReadOnly(draft);
  if (closed) return fail(closed.message);
  if (actor.role === 'secretariat' || chairsDraft(actor, draft)) return granted;
  if (actor.role === 'delegate' && actor.delegationId !== null) return granted;
  if (actor.role === 'chair') return fail("you are not the chair of this draft's informal consultations");
  return fail('only delegates speaking for a delegation, the chair and the secretariat may table proposals');
}

/**
 * Whether the actor may accept or reject proposals: the main sponsor's delegates (the
 * penholder), the chair of the draft's consultations, the secretariat; nobody once the text is
 * read-only.
 */
export function mayDecideProposal(actor: Actor, draft: DraftAccess): Permission {
  const closed = textReadOnly(draft);
  if (closed) return fail(closed.message);
  if (actor.role === 'secretariat' || chairsDraft(actor, draft) || isPenholder(actor, draft)) return granted;
  return fail("only the main sponsor's delegates, the chair and the secretariat decide on proposals");
}

/**
 * Whether the actor may withdraw a proposal (or supersede it by a new one: the same right): the
 * user who tabled it, the delegates of the delegation it was tabled for, the secretariat; nobody
 * once the text is read-only.
 */
export function mayWithdrawProposal(
  actor: Actor,
  draft: DraftAccess,
  proposerDelegationId: string | null,
  proposerUserId: string,
  act: 'withdraw' | 'supersede' = 'withdraw',
): Permission {
  const closed = textReadOnly(draft);
  if (closed) return fail(closed.message);
  if (actor.role === 'secretariat' || actor.id === proposerUserId) return granted;
  if (actor.role === 'delegate' && actor.delegationId !== null && actor.delegationId === proposerDelegationId) return granted;
  return fail(`only the delegation that tabled a proposal and the secretariat may ${act} it`);
}

/** The refusal of a comment, its resolution or reopening on a frozen draft. */
export const FROZEN_COMMENT_REFUSAL = 'the draft is frozen: its comments are closed';

/** Whether the actor may comment on the draft (and reply): everyone signed in, until it is frozen. */
export function mayComment(_actor: Actor, draft: DraftAccess): Permission {
  return draft.frozen ? fail(FROZEN_COMMENT_REFUSAL) : granted;
}

/**
 * Whether the actor may resolve (or reopen) a comment thread: its author or the author's
 * delegation, the main sponsor's delegates, the chair of the draft's consultations, the
 * secretariat; nobody once the draft is frozen.
 */
export function mayResolveComment(actor: Actor, draft: DraftAccess, authorUserId: string, authorDelegationId: string | null): Permission {
  if (draft.frozen) return fail(FROZEN_COMMENT_REFUSAL);
  if (actor.role === 'secretariat' || chairsDraft(actor, draft) || isPenholder(actor, draft) || actor.id === authorUserId) return granted;
  if (actor.role === 'delegate' && actor.delegationId !== null && actor.delegationId === authorDelegationId) return granted;
  return fail("only the comment's author, the main sponsor's delegates, the chair and the secretariat may resolve a thread");
}

/**
 * Whether the actor may ask for their own delegation to join the sponsors (when it is not one)
 * or to withdraw as a co-sponsor (when it is one, not the main sponsor); nobody once the draft
 * is frozen. The co-sponsorship deadline is checked by shared/sponsorship.ts.
 */
export function mayRequestCosponsorship(actor: Actor, draft: DraftAccess, kind: 'join' | 'withdraw'): Permission {
  if (draft.frozen) return fail('the draft is frozen: its sponsors can no longer change');
  if (actor.role !== 'delegate' || actor.delegationId === null) return fail('only a delegate asks, for their own delegation, to co-sponsor a draft');
  const own = actor.delegationId;
  if (kind === 'join') return draft.sponsorIds.has(own) ? fail('your delegation already sponsors this draft') : granted;
  if (draft.mainSponsorId === own) return fail('the main sponsor cannot withdraw; the draft itself is withdrawn instead');
  return draft.sponsorIds.has(own) ? granted : fail('your delegation does not sponsor this draft');
}

/** Whether the actor may confirm or decline requests to join or withdraw: the main sponsor's delegates, the secretariat; not once frozen. */
export function mayDecideCosponsorship(actor: Actor, draft: DraftAccess): Permission {
  if (draft.frozen) return fail('the draft is frozen: its sponsors can no longer change');
  if (actor.role === 'secretariat' || isPenholder(actor, draft)) return granted;
  return fail("only the main sponsor's delegates and the secretariat confirm co-sponsors");
}

/**
 * Whether the actor may set or clear a draft's co-sponsorship deadline: managing the sponsor
 * list, so the secretariat's only, and never on a frozen draft.
 */
export function maySetCosponsorshipDeadline(actor: Actor, draft: DraftAccess): Permission {
  if (draft.frozen) return fail('the draft is frozen: its sponsors can no longer change');
  return actor.role === 'secretariat' ? granted : fail('only the secretariat sets the co-sponsorship deadline');
}

/**
 * Whether the actor may record an event in the draft's governed record. The secretariat
 * records everything; the main sponsor's delegates may withdraw their own draft; the chair
 * records the state of paragraphs in consultations, and locks agreed ones (a `paragraph_state`
 * entry with `locked`: the same right, so only the chair of this draft and the secretariat lock).
 */
export function mayRecordEvent(actor: Actor, draft: DraftAccess, eventType: string): Permission {
  if (actor.role === 'secretariat') return granted;
  if (eventType === 'withdrawn' && actor.role === 'delegate' && actor.delegationId !== null && actor.delegationId === draft.mainSponsorId) {
    return granted;
  }
  if (eventType === 'paragraph_state' && draft.chairUserId === actor.id) return granted;
  if (eventType === 'paragraph_state' && actor.role === 'chair') return fail("you are not the chair of this draft's informal consultations");
  return fail("only the secretariat records this in the draft's record");
}

/**
 * Whether the actor may append an entry of `type` to the draft's record now: `mayRecordEvent`,
 * and nothing that bears on the text of a frozen draft. `afterFreeze` entries (its number, the
 * report's wording) describe the final text without changing it, as the report is written after
 * the session. Lifecycle events pass `afterFreeze` too: the lifecycle refuses every event on a
 * frozen draft with its own reason.
 */
export function mayWriteRecord(actor: Actor, draft: DraftAccess, type: string, afterFreeze = false): Permission {
  const who = mayRecordEvent(actor, draft, type);
  if (!who.ok) return who;
  return draft.frozen && !afterFreeze ? fail(FROZEN_TEXT_REFUSAL) : granted;
}

/** Whether paragraph states may still be set: the negotiation ends with final action. */
export function negotiationOpen(status: Pick<DraftStatus, 'isFinal'>): Permission {
  return status.isFinal ? fail('action has been taken on the draft: its negotiation is over') : granted;
}

/** Whether oral amendments may be recorded: against an issued text, before action is taken on it. */
export function amendmentsOpen(status: Pick<DraftStatus, 'isFinal' | 'revision'>): Permission {
  if (status.isFinal) return fail('action has been taken on the draft: oral amendments are read out before it');
  if (status.revision === null) return fail('no text of this draft has been issued: oral amendments are made to an issued text');
  return granted;
}

/** The lifecycle events recorded at a meeting through the record (issue and freeze have their own acts). */
export const MEETING_EVENT_TYPES = ['introduced', 'adopted', 'rejected', 'withdrawn', 'no_action', 'deferred'] as const satisfies readonly DraftEventType[];
/** One of the meeting's events. */
export type MeetingEventType = (typeof MEETING_EVENT_TYPES)[number];

/**
 * What one user may do to one draft now, each granted or refused with its reason: who they
 * are (this policy), whether the draft is frozen, and what its state allows (the lifecycle's
 * table). The server computes it and sends it with the draft; pages show it as it comes.
 */
export interface DraftPermissions {
  /** Change the working text (the collaboration socket, an import). */
  editText: Permission;
  /** Issue the working text as the next symbol. */
  issueRevision: Permission;
  /** Record each meeting event (introduction, the action taken). */
  recordEvent: { readonly [E in MeetingEventType]: Permission };
  /** Record an oral amendment against the latest issued text. */
  recordOralAmendment: Permission;
  /** Set the state of a paragraph in consultations. */
  setParagraphState: Permission;
  /** Change the sponsor list directly (the secretariat only; delegates ask instead). */
  changeSponsors: Permission;
  /** Table a proposal on the working text. */
  tableProposal: Permission;
  /** Accept or reject proposals. */
  decideProposals: Permission;
  /** Comment on the draft and reply to comments. */
  comment: Permission;
  /** Ask for one's own delegation to join the sponsors, or to withdraw as a co-sponsor (whichever fits). */
  requestCosponsorship: Permission;
  /** Confirm or decline requests to join or withdraw as a co-sponsor. */
  decideCosponsorship: Permission;
  /** Freeze the final text. */
  freeze: Permission;
}

/** A permission as the API sends it with a draft. */
export type PermissionJSON = { allowed: true } | { allowed: false; reason: string };

/** A draft's permissions as the API sends them (server/presenters/permissions.ts writes them). */
export type DraftPermissionsJSON = {
  [K in keyof DraftPermissions]: DraftPermissions[K] extends Permission ? PermissionJSON : { [E in MeetingEventType]: PermissionJSON };
};

function both(first: Permission, then: () => Result<true, string>): Permission {
  return first.ok ? then() : first;
}

/** Every permission of `actor` on a draft, from the policy's view of it and its derived status. */
export function draftPermissions(actor: Actor, draft: DraftAccess, status: DraftStatus): DraftPermissions {
  const recordEvent = {} as Record<MeetingEventType, Permission>;
  for (const type of MEETING_EVENT_TYPES) {
    recordEvent[type] = both(mayWriteRecord(actor, draft, type, true), () => checkTransition(status, type));
  }
  const own = actor.delegationId;
  return {
    editText: mayEditText(actor, draft),
    issueRevision: both(mayWriteRecord(actor, draft, 'issued'), () => checkTransition(status, 'issued')),
    recordEvent,
    recordOralAmendment: both(mayWriteRecord(actor, draft, 'oral_amendment'), () => amendmentsOpen(status)),
    setParagraphState: both(mayWriteRecord(actor, draft, 'paragraph_state'), () => negotiationOpen(status)),
    changeSponsors:
      actor.role === 'secretariat' || own === null
        ? mayChangeSponsorship(actor, draft, own ?? '', 'join')
        : mayChangeSponsorship(actor, draft, own, draft.sponsorIds.has(own) ? 'withdraw' : 'join'),
    tableProposal: mayTableProposal(actor, draft),
    decideProposals: mayDecideProposal(actor, draft),
    comment: mayComment(actor, draft),
    requestCosponsorship: mayRequestCosponsorship(actor, draft, own !== null && draft.sponsorIds.has(own) ? 'withdraw' : 'join'),
    decideCosponsorship: mayDecideCosponsorship(actor, draft),
    freeze: both(mayWriteRecord(actor, draft, 'frozen', true), () => checkTransition(status, 'frozen')),
  };
}

/** Whether the actor may administer sessions, delegations and accounts. */
export function mayAdminister(actor: Actor): Permission {
  return actor.role === 'secretariat' ? granted : fail('only the secretariat administers sessions and accounts');
}

/**
 * Whether the actor may record language versions of a draft's issued texts (import, type, carry
 * forward, corrigenda and reissues): the secretariat, whose translators and revisers hold them.
 * Frozen drafts too: a corrigendum of an issued text comes after final action.
 */
export function mayRecordLanguageVersion(actor: Actor): Permission {
  return actor.role === 'secretariat' ? granted : fail('only the secretariat records the language versions of issued texts');
}
