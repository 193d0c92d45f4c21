/**
 * What the policy needs to know about one draft, loaded from the store: its sponsors as of
 * today, its chair, whether action was taken on it, whether it is frozen. HTTP routes and the collaboration endpoint both ask
 * this one place, so a right granted on one path is granted on the other.
 */
import { todayUTC } from '../../shared/dates';
import { holdsFreeze } from '../../shared/lifecycle';
import { ACCESS_EVENT_TYPES, holdsFinalAction, type DraftAccess } from '../../shared/policy';
import { currentSponsors, sponsorsAsOf, type SponsorList } from '../../shared/sponsorship';
import type { DraftEventRow, DraftRow, RecordRepos, SponsorshipEventRow } from '../storage/types';

// Still imported from here by modules outside this one's owners (export/source, draftCreator,
// sponsorshipChanger, documentRecorder); the date itself lives in shared/dates.
export { todayUTC };

/** The policy's view of a draft from its sponsor list as of a day and its record (no I/O). */
export function accessOf(draft: Pick<DraftRow, 'chairUserId'>, sponsors: SponsorList, events: readonly Pick<DraftEventRow, 'type'>[]): DraftAccess {
  return {
    chairUserId: draft.chairUserId,
    mainSponsorId: sponsors.main?.delegationId ?? null,
    sponsorIds: new Set(currentSponsors(sponsors).map((s) => s.delegationId)),
    frozen: holdsFreeze(events),
    // Only once taken: the view of a draft before final action keeps its shape.
    ...(holdsFinalAction(events) ? { finalAction: true } : {}),
  };
}

/** Build the policy's view of a draft from rows already loaded (no I/O). */
export function draftAccessOf(
  draft: DraftRow,
  sponsorship: readonly SponsorshipEventRow[],
  events: readonly Pick<DraftEventRow, 'type'>[],
  today: string = todayUTC(),
): DraftAccess {
  return accessOf(draft, sponsorsAsOf(sponsorship, today), events);
}

/**
 * A draft's access as one load found it, and when that load began: a count of the loads this
 * process has begun. Every change to a draft's access is followed by a load that begins after
 * the change was committed (the collaboration endpoint's refresh), so of two loads the one that
 * began later is the one to keep: a room keeps the access of the latest load it was given, and
 * an admission that read the record before a change cannot give the room back what the change
 * took away (server/collab/room.ts, `setAccess`).
 */
export interface AccessAsRead {
  access: DraftAccess;
  readFrom: number;
}

/** Loads of a draft's access begun in this process so far. */
let loadsBegun = 0;

/**
 * Load a draft and the policy's view of it, or null when there is no such draft. Pass a
 * transaction's repos to decide on the same snapshot the command then writes to.
 */
export async function loadDraftAccess(
  store: Pick<RecordRepos, 'getDraft' | 'listSponsorshipEvents' | 'draftEventTypesAmong'>,
  draftId: string,
  today: string = todayUTC(),
): Promise<({ draft: DraftRow } & AccessAsRead) | null> {
  const readFrom = ++loadsBegun;
  const draft = await store.getDraft(draftId);
  if (!draft) return null;
  // Every socket opened and most requests ask: read only whether the record holds the events
  // access depends on, not the record (thousands of proposals and comments on a busy draft).
  const [sponsorship, held] = await Promise.all([store.listSponsorshipEvents(draftId), store.draftEventTypesAmong(draftId, ACCESS_EVENT_TYPES)]);
  return {
    draft,
    access: draftAccessOf(
      draft,
      sponsorship,
      [...held].map((type) => ({ type })),
      today,
    ),
    readFrom,
  };
}
