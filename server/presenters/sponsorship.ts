/** How a sponsor list looks in JSON: each sponsor named, and the list as reports print it; requests to co-sponsor and the deadline. */
import {
  currentSponsors,
  formatSponsorList,
  splitAtIssue,
  sponsorsAsOf,
  type CosponsorRequest,
  type SponsorListTextInput,
  type CosponsorshipDeadline,
  type Sponsor,
  type SponsorList,
  type Withdrawal,
} from '../../shared/sponsorship';
import { todayUTC } from '../../shared/dates';
import { LANGUAGES, type Lang } from '../../shared/languages';
import { draftSymbol } from '../../shared/symbols';
import type { DraftView } from '../readModels/draftViews';
import type { DelegationRow, SponsorshipEventRow, UserRow } from '../storage/types';
import { presentUserRef } from './user';

type Delegations = ReadonlyMap<string, DelegationRow>;

function named(delegations: Delegations, id: string) {
  const d = delegations.get(id);
  return { delegationId: id, code: d?.code ?? null, name: d ? d.name : { en: id } };
}

function presentSponsor(s: Sponsor, delegations: Delegations) {
  return { ...named(delegations, s.delegationId), since: s.since, onBehalfOf: s.onBehalfOf };
}

function presentWithdrawal(w: Withdrawal, delegations: Delegations) {
  return { ...named(delegations, w.delegationId), since: w.since, withdrawn: w.withdrawn };
}

/** A sponsor list: main sponsor, co-sponsors, former sponsors, and the printed list in the six languages (names not recorded in one in brackets). */
export function presentSponsorList(list: SponsorList, delegations: Delegations) {
  const entries = currentSponsors(list).map((s) => ({
    name: delegations.get(s.delegationId)?.name ?? { en: s.delegationId },
    onBehalfOf: s.onBehalfOf,
  }));
  return {
    main: list.main ? presentSponsor(list.main, delegations) : null,
    coSponsors: list.coSponsors.map((s) => presentSponsor(s, delegations)),
    withdrawn: list.withdrawn.map((w) => presentWithdrawal(w, delegations)),
    count: entries.length,
    text: Object.fromEntries(LANGUAGES.map((l) => [l, formatSponsorList(entries, l)])) as Record<Lang, string>,
  };
}

/** One change in a draft's sponsorship record. */
export function presentSponsorshipEvent(e: SponsorshipEventRow, delegations: Delegations, users: ReadonlyMap<string, UserRow>) {
  return {
    seq: e.seq,
    type: e.type,
    ...named(delegations, e.delegationId),
    date: e.date,
    onBehalfOf: e.onBehalfOf,
    recordedBy: presentUserRef(e.recordedBy ? (users.get(e.recordedBy) ?? null) : null),
    recordedAt: e.recordedAt,
  };
}

/** A request to join or withdraw: which delegation, what it asked, where it stands, who asked and decided. */
export function presentCosponsorRequest(r: CosponsorRequest, delegations: Delegations, users: ReadonlyMap<string, UserRow>) {
  const d = delegations.get(r.delegationId);
  const user = (id: string | null) => presentUserRef(id ? (users.get(id) ?? null) : null);
  return {
    id: r.id,
    delegation: { id: r.delegationId, code: d?.code ?? null, name: d ? d.name : { en: r.delegationId } },
    kind: r.kind,
    onBehalfOf: r.onBehalfOf,
    state: r.state,
    requestedBy: user(r.requestedBy),
    requestedAt: r.requestedAt,
    decidedBy: user(r.decidedBy),
    decidedAt: r.decidedAt,
    note: r.note,
  };
}

/** The co-sponsorship deadline: the draft's, the session's, the one that applies, and whether it passed. */
export function presentCosponsorshipDeadline(d: CosponsorshipDeadline) {
  return { draft: d.draft, session: d.session, effective: d.effective, passed: d.passed };
}

/**
 * What the sponsor list's text says of a draft (shared/sponsorship.ts sponsorListText): its
 * symbol now, title, who submitted it, the sponsors now, those who joined after the last issued
 * text apart, as the report prints them.
 */
export function sponsorListTextOf(view: DraftView, today: string = todayUTC()): SponsorListTextInput {
  const latest = [...view.revisions].sort((a, b) => a.revision - b.revision).at(-1);
  const now = currentSponsors(sponsorsAsOf(view.sponsorship, today));
  // The record's seq at the moment of issue, as sponsorsAtIssue.ts reads it.
  const seq = latest ? view.sponsorship.filter((e) => e.recordedAt <= latest.issuedAt).reduce((max, e) => Math.max(max, e.seq), 0) : null;
  const joined = new Set(seq === null ? [] : splitAtIssue(view.sponsorship, { seq }, today).joinedAfter.map((s) => s.delegationId));
  const entry = (s: Sponsor) => ({ name: view.delegations.get(s.delegationId)?.name ?? { en: s.delegationId }, onBehalfOf: s.onBehalfOf });
  return {
    symbol: view.status.symbol ?? draftSymbol(view.session.symbolPrefix, view.draft.lNumber),
    title: view.draft.title,
    submittedBy: view.draft.submittedBy,
    sponsors: now.filter((s) => !joined.has(s.delegationId)).map(entry),
    joinedAfter: now.filter((s) => joined.has(s.delegationId)).map(entry),
  };
}
