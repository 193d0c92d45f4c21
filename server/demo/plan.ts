/**
 * The demo session as a plan: for each draft of the fixtures, its lineage of issued texts,
 * its sponsorship record and its lifecycle record, worked out and checked against the domain
 * (shared/symbols, shared/sponsorship, shared/lifecycle) before anything is written. A plan
 * names delegations by code; the seed maps codes to ids when it writes.
 *
 * The demo has only the final text of each draft (the text the session acted on, as the report
 * printed it): every text of a lineage — L.9 and L.9/Rev.1 alike — is issued with that text.
 */
import { textHash } from '../../shared/canonical';
import type { LocalizedText } from '../../shared/delegations';
import { importPlainText } from '../../shared/importText';
import { deriveStatus, validateEvent, type DraftEvent, type DraftStatus } from '../../shared/lifecycle';
import type { TextJSON } from '../../shared/schema';
import { checkSponsorshipChange, currentSponsors, sponsorsAsOf, type SponsorshipEvent } from '../../shared/sponsorship';
import { draftSymbol, parseSymbol } from '../../shared/symbols';
import { demoDelegationByName } from './delegations';
import { ENGLISH_TITLES, type ActionFacts, type DraftFacts, type SponsorFacts } from './sessionFacts';

/** The day sponsors are recorded as having joined: the session's first day, on or before every issue. */
export const SPONSORS_JOIN_ON = '2022-10-17';

/**
 * Co-sponsors who joined after the last text was issued, by the draft's final symbol. For
 * L.9/Rev.1 the fixture's note says Chile thanked co-sponsors at the meeting that the report's
 * list lacks: Canada, Ecuador and Guatemala (the EU member States it also named are covered by
 * the European Union's sponsorship "also on behalf of its member States").
 */
export const LATE_COSPONSORS: Readonly<Record<string, { date: string; names: readonly string[] }>> = {
  'CTOC/COP/2022/L.9/Rev.1': { date: '2022-10-21', names: ['Canada', 'Ecuador', 'Guatemala'] },
};

/** The drafts whose informal consultations the demo chair chairs, by final symbol. */
export const CHAIRED_DRAFTS: readonly string[] = ['CTOC/COP/2022/L.9/Rev.1', 'CTOC/COP/2022/L.10/Rev.2'];

// The day each text of a lineage is issued: the original on the first day, Rev.1 and Rev.2
// as the consultations go on. All fall before the day of action (21 October).
const ISSUE_DAYS = ['2022-10-17', '2022-10-19', '2022-10-20'] as const;

// Meetings of the day of action, in minutes after midnight UTC (Vienna is UTC+2 in October):
// the 10th in the morning (08:00), the 11th in the afternoon (13:00).
const MEETING_STARTS: Readonly<Record<number, number>> = { 10: 8 * 60, 11: 13 * 60 };

/** One change to a draft's sponsors, naming the delegation by code. */
export interface PlannedSponsorship {
  code: string;
  type: 'main' | 'join';
  date: string;
  onBehalfOf: LocalizedText | null;
  recordedAt: string;
}

/** One issued text of a draft's lineage. */
export interface PlannedRevision {
  symbol: string;
  revision: number;
  issuedAt: string;
  text: TextJSON;
  /** SHA-256 (hex) of the text's canonical JSON (`textHash` of shared/canonical). */
  hash: string;
  /** Codes of the sponsors at issue, main sponsor first. */
  sponsorCodes: string[];
}

/** One lifecycle event and when it happened. `byCode` stands for the delegation id in `introduced.by`. */
export interface PlannedEvent {
  event: DraftEvent;
  at: string;
  byCode?: string;
}

/** Everything the seed writes for one draft. */
export interface PlannedDraft {
  /** The symbol the session acted on (the last of the lineage). */
  symbol: string;
  lNumber: number;
  kind: 'resolution' | 'decision';
  title: LocalizedText;
  agendaItem: string;
  submittedBy: LocalizedText | null;
  chaired: boolean;
  createdAt: string;
  sponsorship: PlannedSponsorship[];
  revisions: PlannedRevision[];
  events: PlannedEvent[];
  /** The status the events lead to (checked by shared/lifecycle). */
  status: DraftStatus;
}

/** The demo code of a sponsor named in the fixtures; throws on a name the demo does not know. */
export function codeOfSponsor(sponsor: Pick<SponsorFacts, 'en'>): string {
  const d = demoDelegationByName(sponsor.en);
  if (!d) throw new Error(`demo fixture names a sponsor the demo has no delegation for: "${sponsor.en}"`);
  return d.code;
}

function at(date: string, time: string): string {
  return `${date}T${time}:00.000Z`;
}

const minutes = (n: number) => String(n).padStart(2, '0');

function planSponsorship(facts: DraftFacts): PlannedSponsorship[] {
  const sponsors = facts.sponsors ?? [];
  // The main sponsor: the one the fixture names, else the first listed, unless an officer
  // submitted the draft in their own name (then every sponsor is a co-sponsor).
  const main = facts.mainSponsor ?? (facts.submittedBy ? undefined : sponsors[0]);
  const mainCode = main ? codeOfSponsor(main) : null;
  const recordedAt = at(SPONSORS_JOIN_ON, '06:00');
  const planned: PlannedSponsorship[] = [];
  if (main && mainCode) {
    const listed = sponsors.find((s) => codeOfSponsor(s) === mainCode);
    planned.push({ code: mainCode, type: 'main', date: SPONSORS_JOIN_ON, onBehalfOf: listed?.onBehalfOf ?? main.onBehalfOf ?? null, recordedAt });
  }
  for (const s of sponsors) {
    const code = codeOfSponsor(s);
    if (code === mainCode) continue;
    planned.push({ code, type: 'join', date: SPONSORS_JOIN_ON, onBehalfOf: s.onBehalfOf ?? null, recordedAt });
  }
  const late = LATE_COSPONSORS[facts.symbol];
  for (const name of late?.names ?? []) {
    planned.push({ code: codeOfSponsor({ en: name }), type: 'join', date: late!.date, onBehalfOf: null, recordedAt: at(late!.date, '12:00') });
  }
  return planned;
}

// Check the sponsorship record change by change, as the sponsorship command would.
function checkSponsorship(symbol: string, planned: readonly PlannedSponsorship[]): SponsorshipEvent[] {
  const events: SponsorshipEvent[] = [];
  for (const p of planned) {
    const change = { delegationId: p.code, type: p.type, date: p.date, onBehalfOf: p.onBehalfOf };
    const checked = checkSponsorshipChange(events, change);
    if (!checked.ok) throw new Error(`demo sponsorship of ${symbol} breaks the rules: ${checked.error}`);
    events.push({ ...change, seq: events.length + 1 });
  }
  return events;
}

function actionEvent(action: ActionFacts): DraftEvent {
  if (action.type === 'deferred') {
    const { type, meeting, date, decidedBy, noAction, annexedToReport } = action;
    return { type, meeting, date, decidedBy, toSession: null, noAction, annexedToReport };
  }
  const [, kind, number] = /^(resolution|decision) (\S+)$/.exec(action.becomes) ?? [];
  if (kind === undefined || number === undefined) throw new Error(`demo fixture: "${action.becomes}" is not "resolution n/m" or "decision n/m"`);
  return {
    type: 'adopted',
    meeting: action.meeting,
    date: action.date,
    vote: { kind: 'without_vote' },
    orallyAmended: action.orallyAmended ?? false,
    becomes: { kind: kind as 'resolution' | 'decision', number },
  };
}

function planEvents(facts: DraftFacts, lineage: readonly PlannedRevision[], mainCode: string | undefined, lNumber: number): PlannedEvent[] {
  const events: PlannedEvent[] = lineage.map((r) => ({ event: { type: 'issued', symbol: r.symbol, revision: r.revision }, at: r.issuedAt }));
  const { meeting, date } = facts.action;
  const start = MEETING_STARTS[meeting] ?? 8 * 60;
  // Drafts are taken up in L-number order, two minutes each: introduced, then acted on.
  const slot = (k: number) => {
    const time = start + 2 * lNumber + k;
    return at(date, `${minutes(Math.floor(time / 60))}:${minutes(time % 60)}`);
  };
  events.push({ event: { type: 'introduced', meeting, date }, at: slot(0), ...(mainCode ? { byCode: mainCode } : {}) });
  events.push({ event: actionEvent(facts.action), at: slot(1) });
  return events;
}

// Validate every event as it would arrive over HTTP, and the record as a whole, by the lifecycle.
function checkEvents(symbol: string, planned: readonly PlannedEvent[]): DraftStatus {
  const events = planned.map(({ event, byCode }) => {
    const json = event.type === 'introduced' && byCode ? { ...event, by: byCode } : event;
    const valid = validateEvent(JSON.parse(JSON.stringify(json)));
    if (!valid.ok) throw new Error(`demo event of ${symbol} is malformed: ${valid.error}`);
    return valid.value;
  });
  const status = deriveStatus(events);
  if (!status.ok) throw new Error(`demo record of ${symbol} breaks the lifecycle: ${status.error}`);
  return status.value;
}

/** Plan one draft from its facts and its printed text; throws when the fixtures and the domain disagree. */
export function planDraft(facts: DraftFacts, printedText: string): PlannedDraft {
  const parsed = parseSymbol(facts.symbol);
  if (!parsed.ok) throw new Error(`demo fixture symbol "${facts.symbol}": ${parsed.error}`);
  const { prefix, lNumber, revision: last } = parsed.value;
  const english = ENGLISH_TITLES[facts.symbol];
  if (!english) throw new Error(`the demo has no English title for ${facts.symbol}`);
  if (last >= ISSUE_DAYS.length) throw new Error(`the demo has no issue day for revision ${last} of ${facts.symbol}`);

  const imported = importPlainText(printedText);
  if (!imported.ok) throw new Error(`demo text of ${facts.symbol} cannot be imported: ${imported.error}`);
  const { doc, report } = imported.value;
  if (report.title !== facts.title.zh) throw new Error(`demo text of ${facts.symbol} has title "${report.title}", not "${facts.title.zh}"`);
  if (facts.action.type === 'adopted' && report.heading && `${report.heading.kind} ${report.heading.number}` !== facts.action.becomes) {
    throw new Error(`demo text of ${facts.symbol} is ${report.heading.kind} ${report.heading.number}, not ${facts.action.becomes}`);
  }
  const text = doc.toJSON() as TextJSON;
  const hash = textHash(doc);

  const sponsorship = planSponsorship(facts);
  const record = checkSponsorship(facts.symbol, sponsorship);
  const mainCode = sponsorship.find((s) => s.type === 'main')?.code;

  const revisions: PlannedRevision[] = [];
  for (const [revision, day] of ISSUE_DAYS.slice(0, last + 1).entries()) {
    revisions.push({
      symbol: draftSymbol(prefix, lNumber, revision),
      revision,
      issuedAt: at(day, `07:${minutes(lNumber)}`),
      text,
      hash,
      sponsorCodes: currentSponsors(sponsorsAsOf(record, day)).map((s) => s.delegationId),
    });
  }
  const events = planEvents(facts, revisions, mainCode, lNumber);
  return {
    symbol: facts.symbol,
    lNumber,
    kind: facts.kind,
    title: { en: english, zh: facts.title.zh },
    agendaItem: facts.agendaItem,
    submittedBy: facts.submittedBy ?? null,
    chaired: CHAIRED_DRAFTS.includes(facts.symbol),
    createdAt: at(ISSUE_DAYS[0], '06:00'),
    sponsorship,
    revisions,
    events,
    status: checkEvents(facts.symbol, events),
  };
}
