/**
 * What a report paragraph is written from, read from the store: the draft's facts, its
 * sponsors on the day of action, its final action with the number its text took, and the
 * wording the secretariat recorded for the report; and for the whole session, its record of
 * meetings (votes, statements). shared/reportParagraph and shared/reportMeeting write the
 * sentences; this only gathers. Reads only.
 */
import type { LocalizedText } from '../../shared/delegations';
import type { SessionReportContext } from '../../shared/reportContext';
import type { RecordItem } from '../../shared/reportMeeting';
import type { ActionParagraphInput } from '../../shared/reportActionFacts';
import { currentSponsors, sponsorsAsOf } from '../../shared/sponsorship';
import { draftSymbol } from '../../shared/symbols';
import type { DraftEventRow, DraftRow, SessionRow, SponsorshipEventRow, Store } from '../storage/types';
import { statusOfRecord } from './draftStatus';
import { numberOf, reportDetailsOf } from '../commands/meetingRecord';
import { sessionEntries } from '../commands/sessionRecorder';
import { DomainErrors } from '../errors';

// Chinese names of organs end with what the organ is; the report calls it by that.
const ZH_ORGANS = ['缔约方会议', '委员会', '理事会', '大会', '会议'];

// The article each head noun takes in French and Spanish running text ("la Conférence", "el Consejo").
const ARTICLES: Record<'fr' | 'es', Record<string, string>> = {
  fr: { Conférence: 'la ', Commission: 'la ', Conseil: 'le ', Comité: 'le ', Assemblée: 'l’', Réunion: 'la ' },
  es: { Conferencia: 'la ', Comisión: 'la ', Consejo: 'el ', Comité: 'el ', Asamblea: 'la ', Reunión: 'la ' },
};

/**
 * How a report names the body in running text, in each language its name is recorded in:
 * "the Conference" / "缔约方会议" for the Conference of the Parties to …, "the Commission" for the
 * Commission on …. English: the head noun is the word before "of", "on", "to" or "for"; a short
 * name without them is used whole. French and Spanish: the first noun with its article
 * ("Conférence des Parties …" → "la Conférence", "El Consejo …" → "el Consejo"); Russian: the first
 * word ("Конференция Участников …" → "Конференция"); Arabic: the first word made definite
 * ("مؤتمر الأطراف …" → "المؤتمر"). A name that fits none of these is used whole.
 */
export function bodyShortName(name: LocalizedText): LocalizedText {
  const short: LocalizedText = {};
  if (name.en) {
    const head = /^(?:the\s+)?(.+?)\s+(?:of|on|to|for)\s/i.exec(name.en)?.[1];
    short.en = `the ${head ? head.split(/\s+/).at(-1)! : name.en}`;
  }
  if (name.zh) short.zh = ZH_ORGANS.find((o) => name.zh!.endsWith(o)) ?? name.zh;
  for (const lang of ['fr', 'es'] as const) {
    const text = name[lang];
    if (!text) continue;
    const m = /^(?:(la|le|l['’]|el)\s*)?([^\s'’]+)/iu.exec(text)!;
    const article = ARTICLES[lang][m[2]!] ?? (m[1] ? `${m[1].toLowerCase().replace("'", '’')}${/['’]$/.test(m[1]) ? '' : ' '}` : null);
    short[lang] = article === null ? text : `${article}${m[2]}`;
  }
  if (name.ru) short.ru = name.ru.split(/\s+/)[0]!;
  if (name.ar) {
    const first = name.ar.split(/\s+/)[0]!;
    short.ar = first.startsWith('ال') ? first : `ال${first}`;
  }
  return short;
}

/** One draft of a session with what its paragraph is written from. */
export interface ReportItem {
  draft: DraftRow;
  input: ActionParagraphInput;
}

function inputOf(
  session: SessionRow,
  body: LocalizedText,
  draft: DraftRow,
  rows: readonly DraftEventRow[],
  sponsorship: readonly SponsorshipEventRow[],
  names: ReadonlyMap<string, LocalizedText>,
): ActionParagraphInput {
  const status = statusOfRecord(rows);
  const action = status.finalAction;
  const becomes = numberOf(rows);
  const details = reportDetailsOf(rows);
  // The sponsors the meeting heard: those sponsoring on the day of action.
  const onDay = action ? sponsorsAsOf(sponsorship, action.date) : sponsorsAsOf(sponsorship);
  return {
    body,
    symbol: status.symbol ?? draftSymbol(session.symbolPrefix, draft.lNumber),
    kind: draft.kind,
    title: draft.title,
    describedAs: details.describedAs,
    submittedBy: draft.submittedBy,
    sponsors: currentSponsors(onDay).map((s) => ({ name: names.get(s.delegationId) ?? { en: s.delegationId, zh: s.delegationId }, onBehalfOf: s.onBehalfOf })),
    action: action?.type === 'adopted' && becomes ? { ...action, becomes } : status,
    // Chapter I of a session's report prints the resolutions (section A) and decisions (B) adopted.
    printedIn: action?.type === 'adopted' ? { chapter: 1, section: draft.kind === 'resolution' ? 'A' : 'B' } : null,
    session: session.number,
    agendaItem: draft.agendaItem,
    remarks: details.remarks,
  };
}

const byAgendaItem = (a: ReportItem, b: ReportItem) => a.draft.agendaItem.localeCompare(b.draft.agendaItem, 'en', { numeric: true }) || a.draft.lNumber - b.draft.lNumber;

/**
 * The report items of a session's drafts, in the order the report prints them (by agenda item,
 * then L-number); only those given when `draftIds` is set. 404 for an unknown session.
 */
export async function loadReportItems(store: Store, sessionId: string, draftIds?: readonly string[]): Promise<ReportItem[]> {
  const session = await store.getSession(sessionId);
  if (!session) throw DomainErrors.notFound('session');
  const [bodyRow, drafts, events, sponsorship, delegations] = await Promise.all([
    store.getBody(session.bodyId),
    store.listDrafts(sessionId),
    store.listDraftEventsForSession(sessionId),
    store.listSponsorshipEventsForSession(sessionId),
    store.listDelegations(),
  ]);
  const body = bodyShortName(bodyRow?.name ?? { en: 'Conference', zh: '会议' });
  const names = new Map(delegations.map((d) => [d.id, d.name]));
  return drafts
    .filter((d) => !draftIds || draftIds.includes(d.id))
    .map((d) => ({
      draft: d,
      input: inputOf(
        session,
        body,
        d,
        events.filter((e) => e.draftId === d.id),
        sponsorship.filter((s) => s.draftId === d.id),
        names,
      ),
    }))
    .sort(byAgendaItem);
}

/** What the report of a whole session is written from: its drafts, its record of meetings, the names. */
export interface SessionReportInputs {
  items: ReportItem[];
  record: RecordItem[];
  context: SessionReportContext;
}

/** The inputs of the session's report paragraphs (shared/reportMeeting.ts), read at once. 404 for an unknown session. */
export async function loadSessionReport(store: Store, sessionId: string): Promise<SessionReportInputs> {
  const [items, record, delegations] = await Promise.all([loadReportItems(store, sessionId), sessionEntries(store, sessionId), store.listDelegations()]);
  const body = items[0]?.input.body ?? bodyShortName((await store.getBody((await store.getSession(sessionId))!.bodyId))?.name ?? { en: 'Conference', zh: '会议' });
  return {
    items,
    record: record.map((r) => ({ seq: r.seq, entry: r.entry })),
    context: { body, delegations: new Map(delegations.map((d) => [d.id, { name: d.name, kind: d.kind }])) },
  };
}
