/** How comment threads look in JSON (issue #17): the only path from the record's threads to the API. */
import type { Actor } from '../../shared/accounts';
import type { CommentThread } from '../../shared/comments';
import { mayComment, mayResolveComment, type DraftAccess } from '../../shared/policy';
import type { DelegationRow, UserRow } from '../storage/types';
import { presentDelegation } from './delegation';
import { presentUserRef } from './user';

/** What a thread's presentation looks up: people, delegations, paragraph numbers ("OP 3"). */
export interface CommentLookups {
  users: ReadonlyMap<string, Pick<UserRow, 'id' | 'displayName'>>;
  delegations: ReadonlyMap<string, DelegationRow>;
  /** Paragraph id → its number in the working text now; absent: unnumbered or gone. */
  paragraphs: ReadonlyMap<string, string>;
}

/** One thread, with what this reader may do with it. */
export function presentThread(thread: CommentThread, actor: Actor, access: DraftAccess, look: CommentLookups) {
  const first = thread.comments[0];
  const delegation = (id: string | null) => {
    const d = id ? look.delegations.get(id) : undefined;
    return d ? presentDelegation(d) : null;
  };
  const person = (id: string | null) => presentUserRef(id ? (look.users.get(id) ?? { id, displayName: 'former user' }) : null);
  return {
    id: thread.id,
    paragraphId: thread.paragraphId,
    paragraph: look.paragraphs.get(thread.paragraphId) ?? null,
    quote: thread.quote,
    anchor: thread.anchor,
    resolved: thread.resolved,
    resolvedBy: person(thread.resolvedBy),
    resolvedAt: thread.resolvedAt,
    comments: thread.comments.map((c) => ({ id: c.id, author: person(c.authorId), delegation: delegation(c.delegationId), body: c.body, at: c.at })),
    permissions: {
      reply: !thread.resolved && mayComment(actor, access).ok,
      resolve: mayResolveComment(actor, access, first?.authorId ?? '', first?.delegationId ?? null).ok,
    },
  };
}

/** The JSON form of a thread. */
export type ThreadJSON = ReturnType<typeof presentThread>;
