/**
 * What the policy needs to know about one draft, loaded from the store: its sponsors as of
 * today, its chair, whether it is frozen. HTTP routes and the collaboration endpoint both ask
 * this one place, so a right granted on one path is granted on the other.
 */
import type { DraftAccess } from '../../shared/policy';
import { currentSponsors, sponsorsAsOf } from '../../shared/sponsorship';
import type { DraftEventRow, DraftRow, RecordRepos, SponsorshipEventRow } from '../storage/types';

/** Today's calendar date in UTC, `YYYY-MM-DD` (the date sponsor changes are compared with). */
export function todayUTC(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whether the record holds a freeze: once frozen, a draft stays frozen. */
export function isFrozen(events: readonly Pick<DraftEventRow, 'type'>[]): boolean {
  return events.some((e) => e.type === 'frozen');
}

/** Build the policy's view of a draft from rows already loaded (no I/O). */
export function draftAccessOf(
  draft: DraftRow,
  sponsorship: readonly SponsorshipEventRow[],
  events: readonly Pick<DraftEventRow, 'type'>[],
  today: string = todayUTC(),
): DraftAccess {
  const list = sponsorsAsOf(sponsorship, today);
  return {
    chairUserId: draft.chairUserId,
    mainSponsorId: list.main?.delegationId ?? null,
    sponsorIds: new Set(currentSponsors(list).map((s) => s.delegationId)),
    frozen: isFrozen(events),
  };
}

/**
 * Load a draft and the policy's view of it, or null when there is no such draft. Pass a
 * transaction's repos to decide on the same snapshot the command then writes to.
 */
export async function loadDraftAccess(
  store: Pick<RecordRepos, 'getDraft' | 'listSponsorshipEvents' | 'listDraftEvents'>,
  draftId: string,
  today: string = todayUTC(),
): Promise<{ draft: DraftRow; access: DraftAccess } | null> {
  const draft = await store.getDraft(draftId);
  if (!draft) return null;
  const [sponsorship, events] = await Promise.all([store.listSponsorshipEvents(draftId), store.listDraftEvents(draftId)]);
  return { draft, access: draftAccessOf(draft, sponsorship, events, today) };
}
