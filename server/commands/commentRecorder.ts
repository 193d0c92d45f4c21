/**
 * Comments (issue #17): a thread opened on a paragraph or on words quoted from it, replies,
 * resolving and reopening — each an entry of the draft's governed record (shared/comments.ts),
 * appended through `recordEntry`, so one seq orders it with everything else and the notifier
 * tells the sponsors and the thread's writers. The text and its hash are never touched: a
 * quote is checked against the working text as stored and held by a Yjs anchor
 * (server/collab/anchors.ts) that follows the words while others edit.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../shared/accounts';
import {
  COMMENT_LIMITS,
  CommentRecordTypes,
  normalizeCommentBody,
  threadsOf,
  type CommentAddedPayload,
  type CommentAnchor,
  type CommentThread,
  type CommentThreadPayload,
} from '../../shared/comments';
import { findWords } from '../../shared/oralAmendments';
import { mayComment, mayResolveComment } from '../../shared/policy';
import { anchorWords, paragraphText } from '../collab/anchors';
import { loadDoc } from '../collab/registry';
import { DomainErrors } from '../errors';
import type { Store } from '../storage/types';
import { recordEntry, type RecordContext } from './recordAppender';

/** A new comment: a thread on a paragraph (optionally on quoted words), or a reply to a thread. */
export interface CommentInput {
  draftId: string;
  actor: Actor;
  /** The paragraph of a new thread (a reply takes its thread's). */
  paragraphId?: string;
  /** Words of the paragraph the thread is about; absent: the whole paragraph. */
  quote?: string | null;
  /** Which occurrence of the quoted words (1 = first), when they occur more than once. */
  occurrence?: number;
  body: string;
  /** The thread this replies to. */
  replyTo?: string | null;
}

/** The thread of an id in the record as it is inside the transaction; 404 when there is none. */
function threadIn(ctx: Pick<RecordContext, 'rows'>, threadId: string): CommentThread {
  const thread = threadsOf(ctx.rows).find((t) => t.id === threadId);
  if (!thread) throw DomainErrors.notFound('comment thread');
  return thread;
}

/** The body as stored: trimmed, not empty, within its limit (422 text_too_long). */
function checkedBody(body: string): string {
  const text = normalizeCommentBody(body);
  if (text.length === 0) throw DomainErrors.validation('the comment is empty', { field: 'body' });
  if (text.length > COMMENT_LIMITS.body) throw DomainErrors.textTooLong('comment', COMMENT_LIMITS.body);
  return text;
}

/**
 * Where a new thread stands: the paragraph must be in the working text (422 otherwise), and
 * quoted words in it once, or at the occurrence given (422 words_not_found otherwise).
 */
async function placeThread(ctx: RecordContext, paragraphId: string, quote: string | null, occurrence: number | undefined): Promise<CommentAnchor | null> {
  const { doc } = await loadDoc(ctx.tx, ctx.draft.id);
  try {
    const text = paragraphText(doc, paragraphId);
    if (text === null) throw DomainErrors.refused(`there is no paragraph ${paragraphId} in the working text`);
    if (quote === null) return null;
    const found = findWords(text, quote, occurrence);
    if (!found.ok) throw DomainErrors.wordsNotFound(`cannot comment on these words of the paragraph: ${found.error}`);
    return anchorWords(doc, paragraphId, found.value[0], found.value[1]);
  } finally {
    doc.destroy();
  }
}

/**
 * Add a comment: open a thread, or reply to one. 403 on a frozen draft (the policy's reason),
 * 404 for a thread not in the record, 409 replying to a resolved thread, 422 for an empty,
 * over-long or misplaced comment. Returns the thread as it is after the comment.
 */
export async function addComment(store: Store, input: CommentInput): Promise<CommentThread> {
  const body = checkedBody(input.body);
  const quote = input.quote?.trim() ? input.quote : null;
  if (quote !== null && quote.length > COMMENT_LIMITS.quote) throw DomainErrors.textTooLong('quote', COMMENT_LIMITS.quote);
  const { row, ctx } = await recordEntry<CommentAddedPayload>(store, {
    draftId: input.draftId,
    actor: input.actor,
    type: CommentRecordTypes.added,
    authorize: (ctx) => mayComment(input.actor, ctx.access),
    check: async (ctx) => {
      const commentId = randomUUID();
      const delegationId = input.actor.delegationId;
      if (input.replyTo) {
        const thread = threadIn(ctx, input.replyTo);
        if (thread.resolved) throw DomainErrors.conflict('the thread is resolved: reopen it to reply');
        return { threadId: thread.id, commentId, paragraphId: thread.paragraphId, quote: thread.quote, anchor: thread.anchor, body, delegationId, replyTo: thread.id };
      }
      if (!input.paragraphId) throw DomainErrors.validation('a new thread needs the paragraph it is about', { field: 'paragraphId' });
      const anchor = await placeThread(ctx, input.paragraphId, quote, input.occurrence);
      return { threadId: commentId, commentId, paragraphId: input.paragraphId, quote, anchor, body, delegationId, replyTo: null };
    },
  });
  return threadIn(ctx, (row.payload as unknown as CommentAddedPayload).threadId);
}

/**
 * Resolve (or, with `resolved: false`, reopen) a thread: its author or the author's
 * delegation, the main sponsor's delegates, the chair, the secretariat (403 otherwise and on a
 * frozen draft); 409 when it is already so.
 */
export async function resolveThread(store: Store, input: { draftId: string; actor: Actor; threadId: string; resolved: boolean }): Promise<CommentThread> {
  const { ctx } = await recordEntry<CommentThreadPayload>(store, {
    draftId: input.draftId,
    actor: input.actor,
    type: input.resolved ? CommentRecordTypes.resolved : CommentRecordTypes.reopened,
    authorize: (ctx) => {
      const thread = threadsOf(ctx.rows).find((t) => t.id === input.threadId);
      const first = thread?.comments[0];
      // An unknown thread passes here and is a 404 in `check`, once the right to act is not in doubt.
      return mayResolveComment(input.actor, ctx.access, first?.authorId ?? '', first?.delegationId ?? null);
    },
    check: (ctx) => {
      const thread = threadIn(ctx, input.threadId);
      if (thread.resolved === input.resolved) throw DomainErrors.conflict(input.resolved ? 'the thread is already resolved' : 'the thread is open already');
      return { threadId: thread.id };
    },
  });
  return threadIn(ctx, input.threadId);
}
