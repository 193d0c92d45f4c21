/**
 * The sponsors of the last issued text apart from those who joined (or withdrew) since, as
 * reports print them ("Subsequently, Canada and Ecuador joined the sponsors."). The draft
 * L.9/Rev.1 shows why: its text listed 13 sponsors, and at the meeting 42 co-sponsors were thanked.
 */
import { formatJoinedAfter, splitAtIssue, type Sponsor, type Withdrawal } from '../../shared/sponsorship';
import { LANGUAGES, type Lang } from '../../shared/languages';
import type { DraftView } from '../readModels/draftViews';

function named(view: DraftView, id: string) {
  const d = view.delegations.get(id);
  return { delegationId: id, code: d?.code ?? null, name: d ? d.name : { en: id } };
}

/** The split at the last issued text, or null before any text with its sponsors was issued. */
export function presentSponsorsSinceIssue(view: DraftView, today?: string) {
  const latest = [...view.revisions].sort((a, b) => a.revision - b.revision).at(-1);
  if (!latest) return null;
  // The record's seq at the moment of issue: a date would count a change made later that day as "at issue".
  const seq = view.sponsorship.filter((e) => e.recordedAt <= latest.issuedAt).reduce((max, e) => Math.max(max, e.seq), 0);
  const split = splitAtIssue(view.sponsorship, { seq }, today);
  const entry = (s: Sponsor) => ({ ...named(view, s.delegationId), since: s.since, onBehalfOf: s.onBehalfOf });
  const gone = (w: Withdrawal) => ({ ...named(view, w.delegationId), withdrawn: w.withdrawn });
  const joined = split.joinedAfter.map((s) => ({ name: named(view, s.delegationId).name, onBehalfOf: s.onBehalfOf }));
  return {
    symbol: latest.symbol,
    issuedAt: latest.issuedAt,
    atIssue: split.atIssue.map(entry),
    joinedAfter: split.joinedAfter.map(entry),
    withdrawnAfter: split.withdrawnAfter.map(gone),
    text: Object.fromEntries(LANGUAGES.map((l) => [l, formatJoinedAfter(joined, l)])) as Record<Lang, string>,
  };
}
