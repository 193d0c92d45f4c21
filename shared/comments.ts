/**
 * Comments on a draft (issue #17): threads on a paragraph or on words quoted from it, by anyone
 * who may read the draft, resolved and reopened. They live in the draft's governed record
 * (`comment_added`, `comment_resolved`, `comment_reopened`), never in the text or its hash.
 * Here: the limits, the record types and payloads, and the fold of the record into threads. Pure.
 */

/** The longest comment and quote accepted, in characters (UTF-16 code units, as the editor counts). */
export const COMMENT_LIMITS = { body: 4000, quote: 500 } as const;

/** The record types of comments. */
export const CommentRecordTypes = {
  added: 'comment_added',
  resolved: 'comment_resolved',
  reopened: 'comment_reopened',
} as const;

/** Two Yjs relative positions (base64) holding quoted words while the text is edited. */
export interface CommentAnchor {
  start: string | null;
  end: string | null;
}

/** Payload of `comment_added`: a new thread (replyTo null, threadId = its first comment's) or a reply. */
export interface CommentAddedPayload {
  threadId: string;
  commentId: string;
  paragraphId: string;
  /** The quoted words of the thread, or null for the whole paragraph. */
  quote: string | null;
  anchor: CommentAnchor | null;
  body: string;
  /** The author's delegation when they wrote it (null: secretariat, a chair without one). */
  delegationId: string | null;
  /** The thread a reply belongs to; null for the comment that opens a thread. */
  replyTo: string | null;
}

/** Payload of `comment_resolved` and `comment_reopened`. */
export interface CommentThreadPayload {
  threadId: string;
}

/** One comment of a thread, as the record holds it. */
export interface CommentEntry {
  id: string;
  authorId: string | null;
  delegationId: string | null;
  body: string;
  at: string;
  seq: number;
}

/** A thread folded from the record. */
export interface CommentThread {
  id: string;
  paragraphId: string;
  quote: string | null;
  anchor: CommentAnchor | null;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedAt: string | null;
  comments: CommentEntry[];
}

/** What the fold reads of a record entry. */
export interface RecordEntryLike {
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  userId: string | null;
  at: string;
}

/** The threads of a record, in the order they were opened (entries of other types are skipped). */
export function threadsOf(rows: readonly RecordEntryLike[]): CommentThread[] {
  const threads = new Map<string, CommentThread>();
  for (const row of rows) {
    if (row.type === CommentRecordTypes.added) {
      const p = row.payload as unknown as CommentAddedPayload;
      const comment: CommentEntry = { id: p.commentId, authorId: row.userId, delegationId: p.delegationId ?? null, body: p.body, at: row.at, seq: row.seq };
      const thread = threads.get(p.threadId);
      if (thread) thread.comments.push(comment);
      else {
        threads.set(p.threadId, {
          id: p.threadId,
          paragraphId: p.paragraphId,
          quote: p.quote ?? null,
          anchor: p.anchor ?? null,
          resolved: false,
          resolvedBy: null,
          resolvedAt: null,
          comments: [comment],
        });
      }
    } else if (row.type === CommentRecordTypes.resolved || row.type === CommentRecordTypes.reopened) {
      const thread = threads.get(String(row.payload.threadId));
      if (!thread) continue;
      const resolved = row.type === CommentRecordTypes.resolved;
      thread.resolved = resolved;
      thread.resolvedBy = resolved ? row.userId : null;
      thread.resolvedAt = resolved ? row.at : null;
    }
  }
  return [...threads.values()];
}

/** A comment's body as stored: trimmed at both ends (inner lines kept). */
export function normalizeCommentBody(body: string): string {
  return body.trim();
}
