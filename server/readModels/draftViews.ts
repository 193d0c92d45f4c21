/**
 * Loading what the drafts list and a draft's page show: everything read at once, so the
 * presenters only arrange it. Reads only; no command here writes.
 */
import { textHash } from '../../shared/canonical';
import { todayUTC } from '../../shared/dates';
import { ErrorIds } from '../../shared/errors';
import type { DraftStatus } from '../../shared/lifecycle';
import type { NegotiationCounts } from '../../shared/negotiation';
import type { DraftAccess } from '../../shared/policy';
import { pendingCount } from '../../shared/proposals';
import { sponsorsAsOf, type SponsorList } from '../../shared/sponsorship';
import type { DelegationRow, DraftEventRow, DraftRow, GroupMemberRow, RevisionRow, SessionRow, SponsorshipEventRow, Store, UserRow } from '../storage/types';
import { accessOf } from './draftAccess';
import { statusOfRecord } from './draftStatus';
import { negotiationOf } from '../commands/paragraphStateRecorder';
import { provenanceOf, type ProvenancePayload } from '../commands/meetingRecord';
import { actedOnText, checkedText, resolveText } from '../texts';
import { DomainError } from '../errors';

/** One row of the drafts list. */
export interface DraftListItem {
  draft: DraftRow;
  status: DraftStatus;
  sponsors: SponsorList;
  /** The policy's view of the draft (chair, sponsors today, frozen), for each reader's permissions. */
  access: DraftAccess;
  lastChangeAt: string;
  /** Paragraphs by the chair's state ("12 of 29 agreed"); null when no state was recorded. */
  negotiation?: NegotiationCounts | null;
  /** What the record says of where its texts come from (illustrative, a text not in the record …). */
  provenance: ProvenancePayload[];
  /** How many proposals on its working text are pending (shared/proposals.ts). */
  pendingProposals: number;
}

/** The text the body acted on, once final action is recorded (the text spec `final`, shared/textSpec.ts). */
export interface FinalTextView {
  spec: 'final';
  /** The issued symbol it is (or is amended from), in full. */
  symbol: string;
  /** "L.10/Rev.2 as orally amended", "L.4" (or "working text" for a draft withdrawn before any issue). */
  label: string;
  /** The hash the freeze recorded, or (before the freeze) the hash of that text now. */
  hash: string;
  asOrallyAmended: boolean;
}

/** Everything a draft's page shows. */
export interface DraftView extends DraftListItem {
  session: SessionRow;
  events: DraftEventRow[];
  /** The sponsorship record, to show apart those who joined after the text was issued. */
  sponsorship: SponsorshipEventRow[];
  revisions: RevisionRow[];
  delegations: Map<string, DelegationRow>;
  chair: UserRow | null;
  /** Null before final action, or when the text acted on cannot be read (its text not in the record). */
  finalText: FinalTextView | null;
  /** Which delegations each group or regional organization speaks for (the banner's sponsorship note). */
  groupMembers?: GroupMemberRow[];
}

function latest(...times: (string | undefined)[]): string {
  return times.reduce<string>((a, b) => (b !== undefined && b > a ? b : a), '');
}

function groupByDraft<T extends { draftId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.draftId, [...(map.get(r.draftId) ?? []), r]);
  return map;
}

// The working text changes far more often than the record; its last update counts as a change.
async function lastTextChange(store: Store, draftId: string): Promise<string | undefined> {
  const seq = await store.lastSeq(draftId);
  if (seq === 0) return undefined;
  const [update] = await store.listUpdates(draftId, seq - 1, seq);
  return update?.at;
}

function item(draft: DraftRow, events: DraftEventRow[], sponsorship: SponsorshipEventRow[], textAt: string | undefined, today: string): DraftListItem {
  const sponsors = sponsorsAsOf(sponsorship, today);
  return {
    draft,
    status: statusOfRecord(events),
    sponsors,
    access: accessOf(draft, sponsors, events),
    provenance: provenanceOf(events),
    pendingProposals: pendingCount(events),
    lastChangeAt: latest(draft.createdAt, ...events.map((e) => e.at), ...sponsorship.map((e) => e.recordedAt), textAt),
  };
}

/**
 * The paragraphs agreed, or null when none are recorded or the working text cannot be read: a
 * broken text (until the secretariat restores it) must not hide its draft, nor the whole list.
 */
async function negotiationOrNull(store: Store, draftId: string, events: readonly DraftEventRow[]): Promise<NegotiationCounts | null> {
  try {
    return await negotiationOf(store, draftId, events);
  } catch (e) {
    if (e instanceof DomainError && e.id === ErrorIds.textInvalid) return null;
    throw e;
  }
}

/** The drafts of a session in L-number order, each with status, sponsors today and last change. */
export async function loadDraftList(store: Store, sessionId: string, today = todayUTC()): Promise<DraftListItem[]> {
  const [drafts, events, sponsorship] = await Promise.all([
    store.listDrafts(sessionId),
    store.listDraftEventsForSession(sessionId),
    store.listSponsorshipEventsForSession(sessionId),
  ]);
  const eventsBy = groupByDraft(events);
  const sponsorshipBy = groupByDraft(sponsorship);
  const textTimes = await Promise.all(drafts.map((d) => lastTextChange(store, d.id)));
  // Only drafts whose chair recorded states pay for reading their working text.
  const negotiation = await Promise.all(drafts.map((d) => negotiationOrNull(store, d.id, eventsBy.get(d.id) ?? [])));
  return drafts
    .map((d, i) => ({ ...item(d, eventsBy.get(d.id) ?? [], sponsorshipBy.get(d.id) ?? [], textTimes[i], today), negotiation: negotiation[i] }))
    .sort((a, b) => a.draft.lNumber - b.draft.lNumber);
}

/**
 * The text the body acted on, as `resolveText` gives the spec `final`; null before final action
 * and when it cannot be read (the record does not hold its text, or an amendment no longer
 * applies): the page must still open, and the text's own route says why.
 */
async function finalTextOf(store: Store, item: DraftListItem, session: SessionRow, events: DraftEventRow[], revisions: RevisionRow[]): Promise<FinalTextView | null> {
  if (!actedOnText(events, revisions)) return null;
  const sorted = [...revisions].sort((a, b) => a.revision - b.revision);
  const texts = { draft: item.draft, session, revisions: sorted, latest: sorted.at(-1) ?? null, record: events };
  try {
    const resolved = await resolveText(store, texts, { kind: 'final' });
    const hash = item.status.frozenHash ?? textHash(checkedText(resolved.text));
    return { spec: 'final', symbol: resolved.symbol, label: resolved.label, hash, asOrallyAmended: resolved.state === 'amended' };
  } catch (e) {
    if (e instanceof DomainError) return null;
    throw e;
  }
}

/** A draft with everything its page shows, or null when there is no such draft. */
export async function loadDraftView(store: Store, draftId: string, today = todayUTC()): Promise<DraftView | null> {
  const draft = await store.getDraft(draftId);
  if (!draft) return null;
  const [session, events, sponsorship, revisions, delegations, chair, textAt, groupMembers] = await Promise.all([
    store.getSession(draft.sessionId),
    store.listDraftEvents(draftId),
    store.listSponsorshipEvents(draftId),
    store.listRevisions(draftId),
    store.listDelegations(),
    draft.chairUserId ? store.getUser(draft.chairUserId) : Promise.resolve(null),
    lastTextChange(store, draftId),
    store.listGroupMembers(),
  ]);
  if (!session) throw new Error(`draft ${draftId} belongs to a missing session ${draft.sessionId}`);
  const listed = item(draft, events, sponsorship, textAt, today);
  return {
    ...listed,
    negotiation: await negotiationOrNull(store, draftId, events),
    session,
    events,
    sponsorship,
    revisions,
    delegations: new Map(delegations.map((d) => [d.id, d])),
    chair,
    finalText: await finalTextOf(store, listed, session, events, revisions),
    groupMembers,
  };
}
