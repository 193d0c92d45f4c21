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
 *
 * Its parts: the sponsorship record (planSponsorship.ts), the record from the action on and the
 * lifecycle check (planRecord.ts), the provenance notes (planProvenance.ts), the placeholders
 * for what the report does not date (planPlaceholders.ts). Here: the lineage of issued texts,
 * and the draft's plan as a whole.
 */
import { textHash } from '../../shared/canonical';
import type { LocalizedText } from '../../shared/delegations';
import { importPlainText } from '../../shared/importText';
import type { DraftStatus } from '../../shared/lifecycle';
import { resolutionSchema, type TextJSON } from '../../shared/schema';
import { currentSponsors, sponsorsAsOf } from '../../shared/sponsorship';
import { draftSymbol, parseSymbol } from '../../shared/symbols';
import { COP11_DAYS, emptyText, type SessionDays, timeOn } from './planPlaceholders';
import { ORIGINAL_LANGUAGE, PROVENANCE, revisionNote } from './planProvenance';
import { checkEvents, isPlannedEvent, type PlannedEvent, type PlannedNumber, type PlannedRecord, planAction } from './planRecord';
import { checkSponsorship, type PlannedSponsorship, planSponsorship } from './planSponsorship';
import { type DraftFacts, ENGLISH_TITLES } from './sessionFacts';

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
  number: PlannedNumber | null;
  /** The hash of the final text (the text acted on, as orally amended), frozen. */
  finalHash: string;
  /** The status the events lead to (checked by shared/lifecycle). */
  status: DraftStatus;
}

/** Plan one draft from its facts and its printed text; throws when the fixtures and the domain disagree. */
export function planDraft(facts: DraftFacts, printedText: string, session: SessionDays = COP11_DAYS): PlannedDraft {
  const parsed = parseSymbol(facts.symbol);
  if (!parsed.ok) throw new Error(`demo fixture symbol "${facts.symbol}": ${parsed.error}`);
  const { prefix, lNumber, revision: last } = parsed.value;
  const english = ENGLISH_TITLES[facts.symbol];
  if (!english) throw new Error(`the demo has no English title for ${facts.symbol}`);
  const { date: actionDate } = facts.action;
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
    const note = revisionNote(facts, r.symbol, r.textInRecord, day);
    record.push({ entry: { type: PROVENANCE, payload: { ...note } }, at: r.issuedAt });
  }
  const lastIssued = revisions.at(-1)!;
  record.push({ entry: { type: PROVENANCE, payload: { ...ORIGINAL_LANGUAGE } }, at: lastIssued.issuedAt });
  const action = planAction(facts, lastIssued, lNumber);
  record.push(...action.record);
  const { number, finalHash } = action;

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
