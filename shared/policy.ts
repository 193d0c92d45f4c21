/**
 * Who may do what: the one policy module. The server checks every write against it (HTTP and
 * WebSocket alike); the client uses it only to show or hide controls.
 *
 * Reading: every signed-in user may read every draft of the sessions they can see (informal
 * consultations are open-ended). Writing the working text: the secretariat, the chair of the
 * draft's consultations, and delegates of its current sponsors; nobody once it is frozen.
 */
import type { Actor } from './accounts';
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
}

/** A permission: granted, or refused with a reason a user can read. */
export type Permission = Result<true, string>;

const granted: Permission = ok(true);

/** Whether the actor may read the draft and its record (everyone signed in may). */
export function mayReadDraft(_actor: Actor, _draft: DraftAccess): Permission {
  return granted;
}

/** Whether the actor may change the working text (over the collaboration socket). */
export function mayEditText(actor: Actor, draft: DraftAccess): Permission {
  if (draft.frozen) return fail('the text is frozen: nobody can change it');
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
 * Whether the actor may make `delegationId` join or withdraw as a co-sponsor: a delegate for
 * their own delegation, the secretariat for anyone. The main sponsor cannot withdraw (the
 * draft itself is withdrawn instead), and nobody changes the sponsors of a frozen draft.
 */
export function mayChangeSponsorship(
  actor: Actor,
  draft: DraftAccess,
  delegationId: string,
  change: 'join' | 'withdraw' | 'main',
): Permission {
  if (draft.frozen) return fail('the draft is frozen: its sponsors can no longer change');
  if (change === 'main') {
    return actor.role === 'secretariat' ? granted : fail('only the secretariat names the main sponsor');
  }
  if (change === 'withdraw' && draft.mainSponsorId === delegationId) {
    return fail('the main sponsor cannot withdraw; the draft itself is withdrawn instead');
  }
  if (actor.role === 'secretariat') return granted;
  if (actor.role === 'delegate' && actor.delegationId === delegationId) return granted;
  return fail('a delegate may join or withdraw only for their own delegation');
}

/**
 * Whether the actor may record an event in the draft's governed record. The secretariat
 * records everything; the main sponsor's delegates may withdraw their own draft; the chair
 * records the state of paragraphs in consultations.
 */
export function mayRecordEvent(actor: Actor, draft: DraftAccess, eventType: string): Permission {
  if (actor.role === 'secretariat') return granted;
  if (eventType === 'withdrawn' && actor.role === 'delegate' && actor.delegationId !== null && actor.delegationId === draft.mainSponsorId) {
    return granted;
  }
  if (eventType === 'paragraph_state' && draft.chairUserId === actor.id) return granted;
  return fail('only the secretariat records this in the draft\'s record');
}

/** Whether the actor may administer sessions, delegations and accounts. */
export function mayAdminister(actor: Actor): Permission {
  return actor.role === 'secretariat' ? granted : fail('only the secretariat administers sessions and accounts');
}
