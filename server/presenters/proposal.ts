/**
 * How a proposal looks in JSON: its amendment and what it says ("OP 3: replace "twelfth" with
 * "thirteenth""), the paragraph as printed in the working text now, who tabled it for which
 * delegation, its state and who decided it, whether it is stale and why, and what this reader
 * may do with it. Everything a user typed (rationale, note, words) is data; pages set it as text.
 */
import type { Actor } from '../../shared/accounts';
import { describeOralAmendment } from '../../shared/oralAmendments';
import { describeOralAmendmentInAll } from '../../shared/oralAmendmentWords';
import { mayDecideProposal, mayWithdrawProposal, type DraftAccess, type Permission, type PermissionJSON } from '../../shared/policy';
import type { Proposal, ProposalJSON, Staleness } from '../../shared/proposals';

export type { ProposalJSON };
import type { DelegationRow, UserRow } from '../storage/types';

/** What presenting proposals needs, read once for a whole list. */
export interface ProposalPresentation {
  draftId: string;
  actor: Actor;
  access: DraftAccess;
  users: ReadonlyMap<string, Pick<UserRow, 'id' | 'displayName'>>;
  delegations: ReadonlyMap<string, Pick<DelegationRow, 'id' | 'code' | 'name'>>;
  /** The paragraph as printed in the working text now, or null. */
  refOf(paragraphId: string): string | null;
  /** Stale or not, for pending proposals (absent: not stale). */
  staleness: ReadonlyMap<string, Staleness>;
}

const NOT_PENDING = (p: Proposal): Permission => ({ ok: false, error: `the proposal is no longer pending: it was ${p.state.replaceAll('_', ' ')}` });

function json(p: Permission): PermissionJSON {
  return p.ok ? { allowed: true } : { allowed: false, reason: p.error };
}

function person(users: ProposalPresentation['users'], id: string) {
  return { id, displayName: users.get(id)?.displayName ?? 'a former user' };
}

/** One proposal, for one reader. */
export function presentProposal(p: Proposal, ctx: ProposalPresentation): ProposalJSON {
  const a = p.amendment;
  const ref = ctx.refOf(a.paragraphId);
  const delegation = p.delegationId === null ? null : (ctx.delegations.get(p.delegationId) ?? null);
  const stale = ctx.staleness.get(p.id) ?? { stale: false, why: null };
  const pending = p.state === 'pending';
  return {
    id: p.id,
    draftId: ctx.draftId,
    seq: p.seq,
    amendment: a,
    described: describeOralAmendment(a, ref, a.kind === 'move_paragraph' ? ctx.refOf(a.targetId) : null),
    describedIn: describeOralAmendmentInAll(a, ref, a.kind === 'move_paragraph' ? ctx.refOf(a.targetId) : null),
    paragraphId: a.paragraphId,
    paragraph: ref,
    rationale: p.rationale,
    delegation: delegation ? { id: delegation.id, code: delegation.code, name: delegation.name } : null,
    onBehalfOf: p.onBehalfOf,
    proposedBy: person(ctx.users, p.proposedBy),
    tabledAt: p.tabledAt,
    state: p.state,
    stale: stale.stale,
    staleWhy: stale.why,
    quoted: p.quoted,
    anchor: p.anchor,
    supersedes: p.supersedes,
    supersededBy: p.supersededBy,
    decidedAt: p.decidedAt,
    decidedBy: p.decidedBy === null ? null : person(ctx.users, p.decidedBy),
    note: p.note,
    modifiedText: p.modifiedText,
    permissions: {
      decide: json(pending ? mayDecideProposal(ctx.actor, ctx.access) : NOT_PENDING(p)),
      withdraw: json(pending ? mayWithdrawProposal(ctx.actor, ctx.access, p.delegationId, p.proposedBy) : NOT_PENDING(p)),
    },
  };
}
