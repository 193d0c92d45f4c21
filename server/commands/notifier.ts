/**
 * The inbox's writer (issue #17): every entry appended to a draft's record (recordAppender.ts
 * `appendChecked`, whoever writes it) may tell users about it, in the same transaction, with one
 * insert of all its rows. Who is told, per entry:
 *
 *   proposal_tabled            the sponsors' delegates and the draft's chair
 *   comment_added              the sponsors' delegates and everyone who wrote in the thread before
 *   proposal_decided           the proposing delegation's delegates (or the proposer)
 *   cosponsor_requested        the main sponsor's delegates and the secretariat
 *   cosponsor_request_decided  the requesting delegation's delegates (and the requester)
 *   issued                     the sponsors' delegates and delegations with a pending proposal
 *   paragraph_state            the sponsors' delegates, when a paragraph is agreed or opened again
 *   frozen                     the sponsors' delegates
 *
 * never the one who acted. A stale proposal is found outside the record (server/collab), which
 * calls `notifyStale`. Once a transaction commits, the users it notified are told their count
 * changed (`inboxEvents`): the live badge of this instance's open pages; other instances' pages
 * poll.
 */
import type { Actor } from '../../shared/accounts';
import type { Role } from '../../shared/accounts';
import { CommentRecordTypes, type CommentAddedPayload } from '../../shared/comments';
import { excerpt, type NotificationKind } from '../../shared/inbox';
import type { DraftAccess } from '../../shared/policy';
import type { DraftEventRow, DraftRow, NewNotification, RecordRepos, Store } from '../storage/types';

/** Whom to tell: users of these delegations, of these roles, or these users. */
export interface Recipients {
  delegationIds?: string[];
  roles?: Role[];
  userIds?: string[];
}

/** What one record entry tells, and whom. */
export interface Notice {
  kind: NotificationKind;
  to: Recipients;
  payload: Record<string, unknown>;
}

/** What `noticeOf` reads: the draft, who sponsors it, and its record before the entry. */
export interface NoticeContext {
  draft: Pick<DraftRow, 'id' | 'chairUserId'>;
  access: Pick<DraftAccess, 'mainSponsorId' | 'sponsorIds'>;
  rows: readonly Pick<DraftEventRow, 'seq' | 'type' | 'payload' | 'userId'>[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The first proposal_tabled of this proposal in the record. */
function tabled(rows: NoticeContext['rows'], proposalId: unknown) {
  return rows.find((r) => r.type === 'proposal_tabled' && r.payload.proposalId === proposalId) ?? null;
}

/** The delegations (and, for a proposal of no delegation, the users) with a proposal still pending. */
function pendingProposers(rows: NoticeContext['rows']): Recipients {
  const decided = new Set(rows.filter((r) => r.type === 'proposal_decided').map((r) => r.payload.proposalId));
  const delegationIds: string[] = [];
  const userIds: string[] = [];
  for (const r of rows) {
    if (r.type !== 'proposal_tabled' || decided.has(r.payload.proposalId)) continue;
    const d = str(r.payload.delegationId);
    if (d) delegationIds.push(d);
    else if (r.userId) userIds.push(r.userId);
  }
  return { delegationIds, userIds };
}

/** The paragraph a proposal's amendment is about, when it names one. */
function paragraphOfAmendment(amendment: unknown): string | null {
  const a = (amendment ?? {}) as Record<string, unknown>;
  return str(a.paragraphId) ?? str(a.after) ?? str(a.before) ?? null;
}

/**
 * What an entry of a draft's record tells its users, or null for an entry nobody is told of.
 * Pure: `ctx.rows` is the record before `row`.
 */
export function noticeOf(ctx: NoticeContext, actor: Pick<Actor, 'id' | 'delegationId'>, row: Pick<DraftEventRow, 'seq' | 'type' | 'payload'>): Notice | null {
  const p = row.payload;
  const sponsors = [...ctx.access.sponsorIds];
  const base = { seq: row.seq, by: actor.id, byDelegationId: actor.delegationId };
  switch (row.type) {
    case 'proposal_tabled':
      return {
        kind: 'proposal_tabled',
        to: { delegationIds: sponsors, userIds: ctx.draft.chairUserId ? [ctx.draft.chairUserId] : [] },
        payload: {
          ...base,
          proposalId: p.proposalId,
          delegationId: p.delegationId ?? null,
          onBehalfOf: p.onBehalfOf ?? null,
          paragraphId: paragraphOfAmendment(p.amendment),
          kindOfChange: (p.amendment as { kind?: unknown } | undefined)?.kind ?? null,
          rationale: typeof p.rationale === 'string' ? excerpt(p.rationale) : null,
        },
      };
    case CommentRecordTypes.added: {
      const c = p as unknown as CommentAddedPayload;
      const earlier = ctx.rows.filter((r) => r.type === CommentRecordTypes.added && r.payload.threadId === c.threadId && r.userId).map((r) => r.userId!);
      return {
        kind: 'comment_added',
        to: { delegationIds: sponsors, userIds: earlier },
        payload: {
          ...base,
          threadId: c.threadId,
          commentId: c.commentId,
          paragraphId: c.paragraphId,
          quote: c.quote,
          reply: c.replyTo !== null,
          delegationId: c.delegationId,
          excerpt: excerpt(c.body),
        },
      };
    }
    case 'proposal_decided': {
      const t = tabled(ctx.rows, p.proposalId);
      if (!t) return null;
      const delegationId = str(t.payload.delegationId);
      return {
        kind: 'proposal_decided',
        to: delegationId ? { delegationIds: [delegationId] } : { userIds: t.userId ? [t.userId] : [] },
        payload: {
          ...base,
          proposalId: p.proposalId,
          state: p.state,
          note: typeof p.note === 'string' ? excerpt(p.note) : null,
          paragraphId: paragraphOfAmendment(t.payload.amendment),
        },
      };
    }
    case 'cosponsor_requested':
      return {
        kind: 'cosponsor_requested',
        to: { delegationIds: ctx.access.mainSponsorId ? [ctx.access.mainSponsorId] : [], roles: ['secretariat'] },
        payload: { ...base, requestId: p.requestId, delegationId: p.delegationId ?? null, request: p.kind ?? null },
      };
    case 'cosponsor_request_decided': {
      const asked = ctx.rows.find((r) => r.type === 'cosponsor_requested' && r.payload.requestId === p.requestId);
      if (!asked) return null;
      const delegationId = str(asked.payload.delegationId);
      return {
        kind: 'cosponsor_request_decided',
        to: { delegationIds: delegationId ? [delegationId] : [], userIds: asked.userId ? [asked.userId] : [] },
        payload: { ...base, requestId: p.requestId, decision: p.decision, delegationId, request: asked.payload.kind ?? null },
      };
    }
    case 'issued': {
      const pending = pendingProposers(ctx.rows);
      return {
        kind: 'revision_issued',
        to: { delegationIds: [...sponsors, ...(pending.delegationIds ?? [])], userIds: pending.userIds },
        payload: { ...base, symbol: p.symbol, revision: p.revision },
      };
    }
    case 'paragraph_state': {
      const before = [...ctx.rows].reverse().find((r) => r.type === 'paragraph_state' && r.payload.paragraphId === p.paragraphId);
      const was = before ? String(before.payload.state) : 'open';
      if (p.state === 'open' && was !== 'open') {
        return { kind: 'paragraph_reopened', to: { delegationIds: sponsors }, payload: { ...base, paragraphId: p.paragraphId, state: p.state, was } };
      }
      if ((p.state === 'agreed' || p.state === 'agreed_ad_ref') && was !== p.state) {
        return { kind: 'paragraph_agreed', to: { delegationIds: sponsors }, payload: { ...base, paragraphId: p.paragraphId, state: p.state } };
      }
      return null;
    }
    case 'frozen':
      return { kind: 'text_frozen', to: { delegationIds: sponsors }, payload: base };
    default:
      return null;
  }
}

/** The rows to insert for a notice: one per user told, never the actor. */
async function rowsFor(tx: Pick<RecordRepos, 'activeUserIds'>, draftId: string, actorId: string | null, notice: Notice, at?: string): Promise<NewNotification[]> {
  const users = await tx.activeUserIds(notice.to);
  return users.filter((u) => u !== actorId).map((userId) => ({ userId, draftId, kind: notice.kind, payload: notice.payload, ...(at ? { at } : {}) }));
}

// Users notified inside a transaction not yet committed, by the transaction's repos.
const pending = new WeakMap<object, Set<string>>();

/**
 * Write the notifications of an entry just appended, in the entry's transaction (`ctx.tx`).
 * Called by `appendChecked` for every entry.
 */
export async function notifyRecordEntry(ctx: NoticeContext & { tx: RecordRepos }, actor: Actor, row: DraftEventRow): Promise<void> {
  const notice = noticeOf(ctx, actor, row);
  if (!notice) return;
  const rows = await rowsFor(ctx.tx, ctx.draft.id, actor.id, notice, row.at);
  if (rows.length === 0) return;
  await ctx.tx.insertNotifications(rows);
  const users = pending.get(ctx.tx) ?? new Set<string>();
  for (const r of rows) users.add(r.userId);
  pending.set(ctx.tx, users);
}

/** The users notified in a transaction so far (to announce once it commits). */
export function takeNotified(tx: object): ReadonlySet<string> {
  const users = pending.get(tx) ?? new Set<string>();
  pending.delete(tx);
  return users;
}

/**
 * Tell the proposer that their proposal went stale (the words it quotes were changed), and the
 * delegates of their delegation: helper of server/collab's stale detection, outside any record
 * transaction. Announces the new counts at once.
 */
export async function notifyStale(store: Store, input: { draftId: string; proposalId: string; proposerUserId: string; delegationId: string | null }): Promise<void> {
  const notice: Notice = {
    kind: 'proposal_stale',
    to: { delegationIds: input.delegationId ? [input.delegationId] : [], userIds: [input.proposerUserId] },
    payload: { proposalId: input.proposalId, delegationId: input.delegationId },
  };
  const rows = await rowsFor(store, input.draftId, null, notice);
  if (rows.length === 0) return;
  await store.insertNotifications(rows);
  inboxEvents.changed(rows.map((r) => r.userId));
}

/** The in-process bus of inbox changes: whose count changed, for the live streams of this instance. */
export class InboxEvents {
  private readonly listeners = new Map<string, Set<() => void>>();

  /** Call `fn` whenever the user's inbox changes; returns the unsubscribe. */
  subscribe(userId: string, fn: () => void): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  /** The inboxes of these users changed (committed). */
  changed(userIds: Iterable<string>): void {
    for (const userId of new Set(userIds)) {
      for (const fn of [...(this.listeners.get(userId) ?? [])]) fn();
    }
  }

  /** How many streams listen (for tests and diagnostics). */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

/** This process's bus. User ids are unique across stores, so servers sharing a process share it safely. */
export const inboxEvents = new InboxEvents();
