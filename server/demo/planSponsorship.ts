/**
 * A demo draft's sponsorship record, planned from the fixtures and checked change by change as
 * the sponsorship command would (shared/sponsorship) before the seed writes it. The main
 * sponsor is named only where the fixtures name one; every other sponsor the report lists is a
 * co-sponsor, joined on the session's first day (a placeholder: planPlaceholders.ts); the
 * co-sponsors the report's list lacks join on the day they were thanked. Delegations are named
 * by code; the seed maps codes to ids when it writes.
 */
import type { LocalizedText } from '../../shared/delegations';
import { checkSponsorshipChange, type SponsorshipEvent } from '../../shared/sponsorship';
import { demoDelegationByName } from './delegations';
import { timeOn } from './planPlaceholders';
import type { DraftFacts, SponsorFacts } from './sessionFacts';

/**
 * Co-sponsors who joined after the last text was issued, by the draft's final symbol. For
 * L.9/Rev.1 the fixture's note says Chile thanked co-sponsors at the meeting that the report's
 * list lacks: Canada, Ecuador and Guatemala (the EU member States it also named are covered by
 * the European Union's sponsorship "also on behalf of its member States").
 */
export const LATE_COSPONSORS: Readonly<Record<string, { date: string; names: readonly string[] }>> = {
  'CTOC/COP/2022/L.9/Rev.1': { date: '2022-10-21', names: ['Canada', 'Ecuador', 'Guatemala'] },
};

/** One change to a draft's sponsors, naming the delegation by code. */
export interface PlannedSponsorship {
  code: string;
  type: 'main' | 'join';
  date: string;
  onBehalfOf: LocalizedText | null;
  recordedAt: string;
}

/** The demo code of a sponsor named in the fixtures; throws on a name the demo does not know. */
export function codeOfSponsor(sponsor: Pick<SponsorFacts, 'en'>): string {
  const d = demoDelegationByName(sponsor.en);
  if (!d) throw new Error(`demo fixture names a sponsor the demo has no delegation for: "${sponsor.en}"`);
  return d.code;
}

/** The sponsorship record of a draft from its facts: the main sponsor, the co-sponsors listed, the late co-sponsors. */
export function planSponsorship(facts: DraftFacts, day: string): PlannedSponsorship[] {
  const sponsors = facts.sponsors ?? [];
  // The main sponsor only where the fixture names one; the report lists the others alike.
  const main = facts.mainSponsor;
  const mainCode = main ? codeOfSponsor(main) : null;
  const recordedAt = timeOn(day, 6 * 60);
  const planned: PlannedSponsorship[] = [];
  if (main && mainCode) {
    const listed = sponsors.find((s) => codeOfSponsor(s) === mainCode);
    planned.push({ code: mainCode, type: 'main', date: day, onBehalfOf: listed?.onBehalfOf ?? main.onBehalfOf ?? null, recordedAt });
  }
  for (const s of sponsors) {
    const code = codeOfSponsor(s);
    if (code === mainCode) continue;
    planned.push({ code, type: 'join', date: day, onBehalfOf: s.onBehalfOf ?? null, recordedAt });
  }
  const late = LATE_COSPONSORS[facts.symbol];
  for (const name of late?.names ?? []) {
    planned.push({ code: codeOfSponsor({ en: name }), type: 'join', date: late!.date, onBehalfOf: null, recordedAt: timeOn(late!.date, 12 * 60) });
  }
  return planned;
}

/** Check the sponsorship record change by change, as the sponsorship command would; throws on a change the rules refuse. */
export function checkSponsorship(symbol: string, planned: readonly PlannedSponsorship[]): SponsorshipEvent[] {
  const events: SponsorshipEvent[] = [];
  for (const p of planned) {
    const change = { delegationId: p.code, type: p.type, date: p.date, onBehalfOf: p.onBehalfOf };
    const checked = checkSponsorshipChange(events, change);
    if (!checked.ok) throw new Error(`demo sponsorship of ${symbol} breaks the rules: ${checked.error}`);
    events.push({ ...change, seq: events.length + 1 });
  }
  return events;
}
