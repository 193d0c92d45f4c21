/**
 * Resolution and decision numbers: the secretariat numbers adopted texts in sequence for the
 * session ("11/1", "11/2" … per kind, the session's number first). The next number suggested
 * follows the highest taken; a number already taken in the session is refused (409).
 *
 * Numbering is serialised per session in this process (a number is unique across drafts, so
 * the per-draft guard alone would let two drafts take "11/5" at once); across server instances
 * the store's unique index on (session, kind, number) refuses the second taker.
 */
import type { Actor } from '../../shared/accounts';
import { UniqueViolation, type DraftEventRow, type RecordRepos, type SessionRow, type Store } from '../storage/types';
import { oneAtATime } from './appendGuard';
import { numberOf, RecordTypes, type NumberPayload } from './meetingRecord';
import { recordEntry } from './recordAppender';
import { DomainErrors } from '../errors';

/** The kinds of adopted text, each numbered on its own. */
export type TextKind = NumberPayload['kind'];

/** The numbers taken in a session, by draft id. */
export async function numbersInSession(repos: Pick<RecordRepos, 'listDraftEventsForSession'>, sessionId: string): Promise<Map<string, NumberPayload>> {
  const byDraft = new Map<string, DraftEventRow[]>();
  for (const row of await repos.listDraftEventsForSession(sessionId)) byDraft.set(row.draftId, [...(byDraft.get(row.draftId) ?? []), row]);
  const out = new Map<string, NumberPayload>();
  for (const [draftId, rows] of byDraft) {
    const n = numberOf(rows);
    if (n) out.set(draftId, n);
  }
  return out;
}

/** The next number of a kind in a session: one past the highest taken ("11/7"). */
export function nextNumber(session: Pick<SessionRow, 'number'>, kind: TextKind, taken: Iterable<NumberPayload>): string {
  let highest = 0;
  for (const n of taken) {
    const m = /^(\d+)\/(\d+)$/.exec(n.number);
    if (n.kind === kind && m && Number(m[1]) === session.number) highest = Math.max(highest, Number(m[2]));
  }
  return `${session.number}/${highest + 1}`;
}

/** Number an adopted draft (the next free number when none is given): 409 when taken or already numbered, 422 before adoption. */
export function numberAdoptedText(
  store: Store,
  input: { draftId: string; sessionId: string; actor: Actor; number?: string },
): Promise<{ row: DraftEventRow; payload: NumberPayload }> {
  return oneAtATime(store, `session-numbers:${input.sessionId}`, async () => {
    let payload: NumberPayload | null = null;
    const { row } = await recordEntry<NumberPayload>(store, {
      draftId: input.draftId,
      actor: input.actor,
      type: RecordTypes.number,
      afterFreeze: true,
      check: async (ctx) => {
        if (ctx.status.state !== 'adopted') throw DomainErrors.refused('only an adopted text takes a resolution or decision number');
        const own = numberOf(ctx.rows);
        if (own) throw DomainErrors.conflict(`this text is already ${own.kind} ${own.number}`);
        const session = await ctx.tx.getSession(ctx.draft.sessionId);
        if (!session) throw DomainErrors.notFound('session');
        const taken = await numbersInSession(ctx.tx, session.id);
        const kind = ctx.draft.kind;
        const number = input.number ?? nextNumber(session, kind, taken.values());
        if (!number.startsWith(`${session.number}/`)) throw DomainErrors.refused(`numbers of this session begin "${session.number}/", not "${number}"`);
        if ([...taken.values()].some((n) => n.kind === kind && n.number === number)) throw DomainErrors.conflict(`${kind} ${number} is already taken in this session`);
        // The database has the last word: another instance may have taken it a moment ago.
        try {
          await ctx.tx.claimTextNumber(session.id, kind, number, ctx.draft.id);
        } catch (err) {
          if (err instanceof UniqueViolation) throw DomainErrors.conflict(`${kind} ${number} is already taken in this session`);
          throw err;
        }
        payload = { kind, number };
        return payload;
      },
    });
    return { row, payload: payload! };
  });
}
