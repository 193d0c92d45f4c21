/**
 * The demo session as a plan: for each draft of the fixtures, its lineage of issued texts, its
 * sponsorship record and its record (lifecycle events and the record entries beside them),
 * worked out and checked against the domain (shared/symbols, shared/sponsorship,
 * shared/lifecycle) before anything is written. A plan names delegations by code; the seed maps
 * codes to ids when it writes.
 *
 * The demo states only what the report of the session gives, and says what it does not:
 *
 * - The report prints one text of each draft, the text acted on: the adopted resolutions and
 *   decisions in its chapter I, L.9/Rev.1 in its annex, in Chinese. That text is stored as the
 *   last revision of the lineage and marked `printed_version`. The earlier texts of a lineage
 *   (L.9 before L.9/Rev.1, L.7 and L.7/Rev.1 before L.7/Rev.2) were issued, since the symbols
 *   say so, but their texts are not in the report: each is stored EMPTY (a title and no
 *   paragraph) and marked `text_not_in_record`, so that nothing pretends to be its text.
 * - The language each draft was first written in is not in the report: every draft is marked
 *   `original_language_not_in_record`.
 * - L.10/Rev.2 was adopted "as orally amended" (report para. 96) and chapter I prints the text
 *   as adopted; the words of the amendment and the text as issued before it are not in the
 *   report. The printed text is stored as the text of L.10/Rev.2, its `printed_version` note
 *   saying that it is the text as adopted, and the amendment is recorded as made and accepted
 *   with its words not in the record (`words_not_in_record`, which changes no word). The final
 *   text (issued text as orally amended) is then the text the report prints as resolution 11/6,
 *   and its hash is the one frozen. Storing the issued text as empty instead would have made the
 *   final text empty, and the freeze a freeze of nothing.
 * - A main sponsor is named only where the fixtures name one (`mainSponsor`: Chile for
 *   L.9/Rev.1); every other sponsor the report lists is a co-sponsor. No draft is recorded as
 *   introduced: the report records no introduction. Nor does it say who chaired the informal
 *   consultations on any draft: the demo's chair account chairs none of them (it chairs the
 *   illustrative draft, illustrative.ts).
 * - The report gives no date of issue and no time of day. Storage needs them: each text is
 *   stored as issued on the session's first day (its `printed_version` or `text_not_in_record`
 *   note says the date is a placeholder), sponsors as joined that day, and events at placeholder
 *   times of the meeting day the report gives.
 *
 * Every draft acted on is frozen on the hash of its final text, as the secretariat's freeze
 * records it (server/commands/freezer.ts). Where the report words a draft's action its own way
 * (L.2/Rev.1 and L.3/Rev.1, named by their subject), a `report_details` entry says so
 * (sessionRecord.ts).
 */
import { textHash } from '../../shared/canonical';
import type { LocalizedText } from '../../shared/delegations';
import { importPlainText } from '../../shared/importText';
import { applyOralAmendments, type OralAmendment, validateOralAmendment } from '../../shared/oralAmendments';
import { deriveStatus, validateEvent, type DraftEvent, type DraftStatus } from '../../shared/lifecycle';
import { resolutionSchema, type TextJSON } from '../../shared/schema';
import { checkSponsorshipChange, currentSponsors, sponsorsAsOf, type SponsorshipEvent } from '../../shared/sponsorship';
import { draftSymbol, parseSymbol } from '../../shared/symbols';
import { type ProvenancePayload, RecordTypes } from '../commands/meetingRecord';
import { demoDelegationByName } from './delegations';
import { REPORT_DETAILS } from './sessionRecord';
import { ENGLISH_TITLES, type ActionFacts, type DraftFacts, type SessionFacts, type SponsorFacts } from './sessionFacts';

/**
 * Co-sponsors who joined after the last text was issued, by the draft's final symbol. For
 * L.9/Rev.1 the fixture's note says Chile thanked co-sponsors at the meeting that the report's
 * list lacks: Canada, Ecuador and Guatemala (the EU member States it also named are covered by
 * the European Union's sponsorship "also on behalf of its member States").
 */
export const LATE_COSPONSORS: Readonly<Record<string, { date: string; names: readonly string[] }>> = {
  'CTOC/COP/2022/L.9/Rev.1': { date: '2022-10-21', names: ['Canada', 'Ecuador', 'Guatemala'] },
};

/** The record type of a provenance note. */
export const PROVENANCE = RecordTypes.provenance;

/** A provenance note: `symbol` null is about the whole draft (server/commands/meetingRecord.ts). */
export type ProvenanceNote = ProvenancePayload;

/** The days of the session the plan needs; the first is the placeholder for what the report does not date. */
export type SessionDays = Pick<SessionFacts['session'], 'opens' | 'closes'>;

/** The eleventh session's days, for callers that plan a draft without the session's facts. */
export const COP11_DAYS: SessionDays = { opens: '2022-10-17', closes: '2022-10-21' };

// Meetings of the day of action, in minutes after midnight UTC: placeholders (the report gives
// no time of day), morning for the 10th and afternoon for the 11th, in the order they sat.
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
  /** A placeholder within the session: the report gives no date of issue. */
  issuedAt: string;
  /** The printed text for the last revision; an empty text (a title and no paragraph) when the text is not in the record. */
  text: TextJSON;
  /** Whether the record holds this text (false: `text_not_in_record`). */
  textInRecord: boolean;
  /** SHA-256 (hex) of the text's canonical JSON (`textHash` of shared/canonical). */
  hash: string;
  /** Codes of the sponsors at issue, main sponsor first; empty where they are not in the record. */
  sponsorCodes: string[];
}

/** One lifecycle event and when it happened. `byCode` stands for the delegation id in `introduced.by`. */
export interface PlannedEvent {
  event: DraftEvent;
  at: string;
  byCode?: string;
}

/** One record entry beside the lifecycle (a provenance note, an oral amendment, a number). */
export interface PlannedEntry {
  entry: { type: string; payload: Record<string, unknown> };
  at: string;
}

/** The draft's record in the order it is written: lifecycle events and record entries. */
export type PlannedRecord = PlannedEvent | PlannedEntry;

/** Everything the seed writes for one draft. */
export interface PlannedDraft {
  /** The symbol the session acted on (the last of the lineage). */
  symbol: string;
  lNumber: number;
  kind: 'resolution' | 'decision';
  title: LocalizedText;
  agendaItem: string;
  submittedBy: LocalizedText | null;
  createdAt: string;
  sponsorship: PlannedSponsorship[];
  revisions: PlannedRevision[];
  /** The whole record, in order. */
  record: PlannedRecord[];
  /** Its lifecycle events alone, in order. */
  events: PlannedEvent[];
  /** The number the adopted text took, to be claimed in the session; null when not adopted. */
  number: { kind: 'resolution' | 'decision'; number: string } | null;
  /** The hash of the final text (the text acted on, as orally amended), frozen. */
  finalHash: string;
  /** The status the events lead to (checked by shared/lifecycle). */
  status: DraftStatus;
}

/** The demo code of a sponsor named in the fixtures; throws on a name the demo does not know. */
export function codeOfSponsor(sponsor: Pick<SponsorFacts, 'en'>): string {
  const d = demoDelegationByName(sponsor.en);
  if (!d) throw new Error(`demo fixture names a sponsor the demo has no delegation for: "${sponsor.en}"`);
  return d.code;
}

/** An ISO time on a day, from minutes after midnight UTC. */
export function timeOn(date: string, minute: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date}T${two(Math.floor(minute / 60))}:${two(minute % 60)}:00.000Z`;
}

/** The text stored where the record holds none: a title and no paragraph. */
export function emptyText(): TextJSON {
  return resolutionSchema.node('doc', null, [resolutionSchema.node('title')]).toJSON() as TextJSON;
}

/** Whether an entry of a plan is a lifecycle event. */
export function isPlannedEvent(r: PlannedRecord): r is PlannedEvent {
  return 'event' in r;
}

function planSponsorship(facts: DraftFacts, day: string): PlannedSponsorship[] {
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

/** The number an adopted text takes, from the fixture's "resolution 11/5". */
function numberOfAction(action: ActionFacts): PlannedDraft['number'] {
  if (action.type !== 'adopted') return null;
  const [, kind, number] = /^(resolution|decision) (\S+)$/.exec(action.becomes) ?? [];
  if (kind === undefined || number === undefined) throw new Error(`demo fixture: "${action.becomes}" is not "resolution n/m" or "decision n/m"`);
  return { kind: kind as 'resolution' | 'decision', number };
}

function actionEvent(action: ActionFacts): DraftEvent {
  if (action.type === 'deferred') {
    const { type, meeting, date, decidedBy, noAction, annexedToReport } = action;
    return { type, meeting, date, decidedBy, toSession: null, noAction, annexedToReport };
  }
  return {
    type: 'adopted',
    meeting: action.meeting,
    date: action.date,
    vote: { kind: 'without_vote' },
    orallyAmended: action.orallyAmended ?? false,
    becomes: numberOfAction(action)!,
  };
}

const placeholderDate = (day: string): LocalizedText => ({
  en: `The date of issue is not in the record: the date stored (${day}, the session's first day) is a placeholder.`,
  zh: `记录中没有印发日期：所存日期（${day}，届会第一天）仅为占位。`,
});

const joined = (a: LocalizedText, b: LocalizedText): LocalizedText => ({ en: `${a.en} ${b.en}`, zh: `${a.zh}${b.zh}` });

/** What the report says of the text it prints, for the `printed_version` note. */
function printedNote(facts: DraftFacts, symbol: string): LocalizedText {
  const action = facts.action;
  if (action.type === 'deferred') {
    return action.annexedToReport
      ? { en: `Chinese version of ${symbol} as printed in the annex to the report of the session.`, zh: `${symbol}的中文本，依届会报告附件所载。` }
      : { en: `Chinese version of ${symbol} as printed in the report of the session.`, zh: `${symbol}的中文本，依届会报告所载。` };
  }
  const number = numberOfAction(action)!;
  const zhNumber = `第${number.number}号${number.kind === 'resolution' ? '决议' : '决定'}`;
  if (action.orallyAmended) {
    return {
      en: `Chinese version as printed in chapter I of the report of the session as ${number.kind} ${number.number}: the text as adopted, orally amended. The text of ${symbol} as issued, before the oral amendment, and the words of the amendment are not in the record.`,
      zh: `中文本，依届会报告第一章所载${zhNumber}：经口头修正后通过的案文。${symbol}印发时（口头修正之前）的案文及口头修正的措辞均不在记录中。`,
    };
  }
  return {
    en: `Chinese version as printed in chapter I of the report of the session as ${number.kind} ${number.number}; the report records no amendment to it.`,
    zh: `中文本，依届会报告第一章所载${zhNumber}；报告未记载对其作任何修正。`,
  };
}

function notInRecordNote(symbol: string, last: string, day: string): LocalizedText {
  return joined(
    {
      en: `The text of ${symbol} is not in the record: the report of the session prints only the text acted on (${last}). Its sponsors at issue are not in the record either.`,
      zh: `${symbol}的案文不在记录中：届会报告仅载有据以采取行动的案文（${last}）。其印发时的提案国也不在记录中。`,
    },
    placeholderDate(day),
  );
}

const ORIGINAL_LANGUAGE_NOTE: LocalizedText = {
  en: 'The language this draft was first written in is not in the record; the text here is the Chinese version printed in the report.',
  zh: '本草案最初以何种语文拟订不在记录中；此处案文为报告所载中文本。',
};

const AMENDMENT_NOTE = 'The report records the draft as adopted "as orally amended"; the words of the amendment, and who proposed it, are not in the record.';

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
export function planDraft(facts: DraftFacts, printedText: string, session: SessionDays = COP11_DAYS): PlannedDraft {
  const parsed = parseSymbol(facts.symbol);
  if (!parsed.ok) throw new Error(`demo fixture symbol "${facts.symbol}": ${parsed.error}`);
  const { prefix, lNumber, revision: last } = parsed.value;
  const english = ENGLISH_TITLES[facts.symbol];
  if (!english) throw new Error(`the demo has no English title for ${facts.symbol}`);
  const { date: actionDate, meeting } = facts.action;
  if (actionDate < session.opens || actionDate > session.closes) throw new Error(`demo action on ${facts.symbol} (${actionDate}) falls outside the session`);

  const imported = importPlainText(printedText);
  if (!imported.ok) throw new Error(`demo text of ${facts.symbol} cannot be imported: ${imported.error}`);
  const { doc, report } = imported.value;
  if (report.title !== facts.title.zh) throw new Error(`demo text of ${facts.symbol} has title "${report.title}", not "${facts.title.zh}"`);
  if (facts.action.type === 'adopted' && report.heading && `${report.heading.kind} ${report.heading.number}` !== facts.action.becomes) {
    throw new Error(`demo text of ${facts.symbol} is ${report.heading.kind} ${report.heading.number}, not ${facts.action.becomes}`);
  }
  const printed = doc.toJSON() as TextJSON;
  const printedHash = textHash(doc);
  const empty = emptyText();
  const emptyHash = textHash(resolutionSchema.nodeFromJSON(empty));

  const day = session.opens;
  const sponsorship = planSponsorship(facts, day);
  const sponsorsAtIssue = currentSponsors(sponsorsAsOf(checkSponsorship(facts.symbol, sponsorship), day)).map((s) => s.delegationId);

  const revisions: PlannedRevision[] = [];
  for (let revision = 0; revision <= last; revision++) {
    const inRecord = revision === last;
    revisions.push({
      symbol: draftSymbol(prefix, lNumber, revision),
      revision,
      // Placeholders, in the lineage's order: the report dates no issue.
      issuedAt: timeOn(day, 7 * 60 + 3 * lNumber + revision),
      text: inRecord ? printed : empty,
      textInRecord: inRecord,
      hash: inRecord ? printedHash : emptyHash,
      sponsorCodes: inRecord ? sponsorsAtIssue : [],
    });
  }

  const record: PlannedRecord[] = [];
  for (const r of revisions) {
    record.push({ event: { type: 'issued', symbol: r.symbol, revision: r.revision }, at: r.issuedAt });
    const note: ProvenanceNote = r.textInRecord
      ? { kind: 'printed_version', symbol: r.symbol, note: joined(printedNote(facts, r.symbol), placeholderDate(day)) }
      : { kind: 'text_not_in_record', symbol: r.symbol, note: notInRecordNote(r.symbol, facts.symbol, day) };
    record.push({ entry: { type: PROVENANCE, payload: { ...note } }, at: r.issuedAt });
  }
  const lastIssued = revisions.at(-1)!;
  const whole: ProvenanceNote = { kind: 'original_language_not_in_record', symbol: null, note: ORIGINAL_LANGUAGE_NOTE };
  record.push({ entry: { type: PROVENANCE, payload: { ...whole } }, at: lastIssued.issuedAt });

  // Drafts are taken up in L-number order, a few minutes each (placeholder times).
  const start = MEETING_STARTS[meeting] ?? 8 * 60;
  const slot = (k: number) => timeOn(actionDate, start + 4 * lNumber + k);
  const amendments: OralAmendment[] = [];
  if (facts.action.type === 'adopted' && facts.action.orallyAmended) {
    const valid = validateOralAmendment({ kind: 'words_not_in_record', paragraphId: '', proposedBy: null, accepted: true, note: AMENDMENT_NOTE });
    if (!valid.ok) throw new Error(`demo oral amendment of ${facts.symbol} is malformed: ${valid.error}`);
    amendments.push(valid.value);
    record.push({
      entry: { type: RecordTypes.oralAmendment, payload: { symbol: lastIssued.symbol, revision: lastIssued.revision, amendment: valid.value, meeting } },
      at: slot(0),
    });
  }
  record.push({ event: actionEvent(facts.action), at: slot(1) });
  const number = numberOfAction(facts.action);
  if (number) record.push({ entry: { type: RecordTypes.number, payload: { ...number } }, at: slot(2) });
  const details = REPORT_DETAILS[facts.symbol];
  if (details) record.push({ entry: { type: RecordTypes.reportDetails, payload: { ...details } }, at: slot(2) });
  // The final text: the issued text as orally amended (the demo's amendments have no words, so
  // it is the printed text), hashed as the freeze hashes it.
  const final = applyOralAmendments(resolutionSchema.nodeFromJSON(lastIssued.text), amendments);
  if (!final.ok) throw new Error(`demo final text of ${facts.symbol}: ${final.error}`);
  const finalHash = textHash(final.value);
  record.push({ event: { type: 'frozen', hash: finalHash }, at: slot(3) });

  const events = record.filter(isPlannedEvent);
  return {
    symbol: facts.symbol,
    lNumber,
    kind: facts.kind,
    title: { en: english, zh: facts.title.zh },
    agendaItem: facts.agendaItem,
    submittedBy: facts.submittedBy ?? null,
    createdAt: timeOn(day, 6 * 60),
    sponsorship,
    revisions,
    record,
    events,
    number,
    finalHash,
    status: checkEvents(facts.symbol, events),
  };
}
