/** How a sponsor list looks in JSON: each sponsor named, and the list as reports print it. */
import { currentSponsors, formatSponsorList, type Sponsor, type SponsorList, type Withdrawal } from '../../shared/sponsorship';
import type { DelegationRow, SponsorshipEventRow, UserRow } from '../storage/types';
import { presentUserRef } from './user';

type Delegations = ReadonlyMap<string, DelegationRow>;

function named(delegations: Delegations, id: string) {
  const d = delegations.get(id);
  return { delegationId: id, code: d?.code ?? null, name: d ? { en: d.name.en, zh: d.name.zh } : { en: id, zh: id } };
}

function presentSponsor(s: Sponsor, delegations: Delegations) {
  return { ...named(delegations, s.delegationId), since: s.since, onBehalfOf: s.onBehalfOf };
}

function presentWithdrawal(w: Withdrawal, delegations: Delegations) {
  return { ...named(delegations, w.delegationId), since: w.since, withdrawn: w.withdrawn };
}

/** A sponsor list: main sponsor, co-sponsors, former sponsors, and the printed list in en and zh. */
export function presentSponsorList(list: SponsorList, delegations: Delegations) {
  const entries = currentSponsors(list).map((s) => ({
    name: delegations.get(s.delegationId)?.name ?? { en: s.delegationId, zh: s.delegationId },
    onBehalfOf: s.onBehalfOf,
  }));
  return {
    main: list.main ? presentSponsor(list.main, delegations) : null,
    coSponsors: list.coSponsors.map((s) => presentSponsor(s, delegations)),
    withdrawn: list.withdrawn.map((w) => presentWithdrawal(w, delegations)),
    count: entries.length,
    text: { en: formatSponsorList(entries, 'en'), zh: formatSponsorList(entries, 'zh') },
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
