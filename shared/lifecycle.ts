/**
 * The life of a draft, from first text to final action, as one transition table.
 *
 * The status shown is derived from the draft's append-only record of events: `deriveStatus`
 * folds `applyEvent` over them. `frozen` is the secretariat's lock on the final text; it is a
 * flag beside the state, allowed once, and only after a final action (adopted, rejected,
 * withdrawn, no action, deferred). There is no unfreezing: a freeze is final. A deferral is a
 * final action for this session, even when the draft is to be taken up at a later one.
 */
import { isCalendarDate } from './dates';
import type { Lang } from './languages';
import { fail, ok, type Result } from './result';
import { draftSymbol, isDraftText, parseSymbol, sameDraft } from './symbols';
import { parseActionVote, possibleOutcomes, type ActionVote } from './votes';

export type { ActionVote } from './votes';

/** The states of a draft. */
export const DRAFT_STATES = ['drafted', 'issued', 'revised', 'introduced', 'adopted', 'rejected', 'withdrawn', 'no_action', 'deferred'] as const;
/** One of the states of a draft. */
export type DraftState = (typeof DRAFT_STATES)[number];

/** The states that record final action; only `frozen` may follow them. */
export const FINAL_STATES = ['adopted', 'rejected', 'withdrawn', 'no_action', 'deferred'] as const satisfies readonly DraftState[];

/** The event type strings, as stored in the record and sent over HTTP. */
export const EVENT_TYPES = ['issued', 'introduced', 'adopted', 'rejected', 'withdrawn', 'no_action', 'deferred', 'frozen'] as const;
/** One of the event types. */
export type DraftEventType = (typeof EVENT_TYPES)[number];

/** A text of the draft issued under its symbol; revision 0 is the original L.n. */
export interface IssuedEvent {
  type: 'issued';
  symbol: string;
  revision: number;
}
/** The draft introduced at a meeting, by a delegation id or an officer. */
export interface IntroducedEvent {
  type: 'introduced';
  meeting: number;
  date: string;
  by?: string;
}
/** The draft adopted, maybe as orally amended, becoming a resolution or decision. */
export interface AdoptedEvent {
  type: 'adopted';
  meeting: number;
  date: string;
  vote: ActionVote;
  orallyAmended: boolean;
  becomes?: { kind: 'resolution' | 'decision'; number: string };
}
/** The draft rejected. */
export interface RejectedEvent {
  type: 'rejected';
  meeting: number;
  date: string;
  vote: ActionVote;
}
/** The draft withdrawn by its sponsors. */
export interface WithdrawnEvent {
  type: 'withdrawn';
  date: string;
  meeting?: number;
  by?: string;
}
/** The body took no action on the draft. */
export interface NoActionEvent {
  type: 'no_action';
  meeting: number;
  date: string;
  reason?: string;
}
/** Consideration of the draft deferred, by its sponsors or the body. */
export interface DeferredEvent {
  type: 'deferred';
  meeting: number;
  date: string;
  decidedBy: 'sponsors' | 'body';
  toSession: number | null;
  noAction: boolean;
  annexedToReport: boolean;
}
/** The secretariat's lock on the final text, with the text's hash. */
export interface FrozenEvent {
  type: 'frozen';
  hash: string;
}

/** One event in a draft's record. */
export type DraftEvent = IssuedEvent | IntroducedEvent | AdoptedEvent | RejectedEvent | WithdrawnEvent | NoActionEvent | DeferredEvent | FrozenEvent;

/** The event recording a final action. */
export type FinalAction = AdoptedEvent | RejectedEvent | WithdrawnEvent | NoActionEvent | DeferredEvent;

/** Where a draft stands, derived from its events. */
export interface DraftStatus {
  state: DraftState;
  /** The symbol of the latest issued text; null before the first is issued. */
  symbol: string | null;
  /** The latest revision issued (0 = the original); null before the first. */
  revision: number | null;
  /** The latest introduction, if any. */
  introduction: { meeting: number; date: string; by?: string } | null;
  /** The final action with its details (meeting, date, vote, oral amendment, deferral). */
  finalAction: FinalAction | null;
  /** Whether final action has been taken. */
  isFinal: boolean;
  frozen: boolean;
  /** The hash of the frozen final text. */
  frozenHash: string | null;
}

/** The status of a draft with no events: being drafted, nothing issued. */
export const INITIAL_STATUS: DraftStatus = Object.freeze({
  state: 'drafted',
  symbol: null,
  revision: null,
  introduction: null,
  finalAction: null,
  isFinal: false,
  frozen: false,
  frozenHash: null,
});

const ACTIVE = { issued: 'revised', adopted: 'adopted', rejected: 'rejected', withdrawn: 'withdrawn', no_action: 'no_action', deferred: 'deferred' } as const;

/**
 * The transition table: for each state, the events allowed and the state they lead to. An
 * event missing from a row is refused. Beyond the table, `applyEvent` checks what the event
 * itself carries: revision numbers go up by one, a vote matches the outcome recorded.
 */
export const TRANSITIONS: { readonly [S in DraftState]: { readonly [E in DraftEventType]?: DraftState } } = {
  drafted: { issued: 'issued', withdrawn: 'withdrawn' },
  issued: { ...ACTIVE, introduced: 'introduced' },
  revised: { ...ACTIVE, introduced: 'introduced' },
  introduced: ACTIVE,
  adopted: { frozen: 'adopted' },
  rejected: { frozen: 'rejected' },
  withdrawn: { frozen: 'withdrawn' },
  no_action: { frozen: 'no_action' },
  deferred: { frozen: 'deferred' },
};

/** Whether a state records final action. */
export function isFinalState(state: DraftState): boolean {
  return (FINAL_STATES as readonly DraftState[]).includes(state);
}

const VERB: Record<DraftEventType, string> = {
  issued: 'issue a text of',
  introduced: 'introduce',
  adopted: 'adopt',
  rejected: 'reject',
  withdrawn: 'withdraw',
  no_action: 'record no action on',
  deferred: 'defer consideration of',
  frozen: 'freeze',
};
const DRAFT_THAT: Record<DraftState, string> = {
  drafted: 'a draft that has not been issued',
  issued: 'a draft that has been issued',
  revised: 'a draft that has been revised',
  introduced: 'a draft that has already been introduced',
  adopted: 'a draft that has already been adopted',
  rejected: 'a draft that has been rejected',
  withdrawn: 'a draft that has been withdrawn',
  no_action: 'a draft on which no action was taken',
  deferred: 'a draft whose consideration was deferred',
};

function refusal(status: DraftStatus, type: DraftEventType): string {
  if (status.frozen) return type === 'frozen' ? 'the draft is already frozen' : 'the draft is frozen: its record is final';
  if (type === 'frozen') return 'cannot freeze a draft before final action is taken on it';
  return `cannot ${VERB[type]} ${DRAFT_THAT[status.state]}`;
}

/**
 * The events the transition table lets happen to a draft now, in the order of EVENT_TYPES;
 * none once it is frozen. The console offers these, and `applyEvent` refuses any other.
 */
export function allowedEvents(status: Pick<DraftStatus, 'state' | 'frozen'>): DraftEventType[] {
  if (status.frozen) return [];
  const row = TRANSITIONS[status.state];
  return EVENT_TYPES.filter((type) => row[type] !== undefined);
}

/** Whether the table lets `type` happen to the draft now; refused with the sentence a user reads. */
export function checkTransition(status: DraftStatus, type: DraftEventType): Result<true> {
  return allowedEvents(status).includes(type) ? ok(true) : fail(refusal(status, type));
}

/**
 * Whether a stored record holds a freeze. One is enough wherever it stands: a freeze is final,
 * and the store's update log refuses writes on the same test. Access checks ask this rather
 * than fold the whole record.
 */
export function holdsFreeze(record: readonly { type: string }[]): boolean {
  return record.some((e) => e.type === 'frozen');
}

/**
 * The next text of a draft: its original (L.9, revision 0) before any is issued, then the
 * revision after the latest (L.9/Rev.1, Rev.2 …); null when the table lets no text be issued
 * (after final action). `draft` is the session's symbol prefix and the draft's L-number.
 */
export function nextText(status: Pick<DraftStatus, 'state' | 'frozen' | 'revision'>, draft: { prefix: string; lNumber: number }): { symbol: string; revision: number } | null {
  if (!allowedEvents(status).includes('issued')) return null;
  const revision = status.revision === null ? 0 : status.revision + 1;
  return { symbol: draftSymbol(draft.prefix, draft.lNumber, revision), revision };
}

/** Apply one event to a status; a refused transition comes back as a sentence a user can read. */
export function applyEvent(status: DraftStatus, event: DraftEvent): Result<DraftStatus> {
  if (!Object.hasOwn(VERB, event.type)) throw new RangeError(`Unknown event type ${JSON.stringify(event.type)}: check events with validateEvent`);
  const allowed = checkTransition(status, event.type);
  if (!allowed.ok) return allowed;
  const next = TRANSITIONS[status.state][event.type]!;
  switch (event.type) {
    case 'issued': {
      const checked = checkIssue(status, event);
      return checked.ok ? ok({ ...status, state: next, symbol: event.symbol, revision: event.revision }) : checked;
    }
    case 'introduced':
      return ok({ ...status, state: next, introduction: { meeting: event.meeting, date: event.date, ...(event.by !== undefined ? { by: event.by } : {}) } });
    case 'frozen':
      return ok({ ...status, frozen: true, frozenHash: event.hash });
    case 'adopted':
    case 'rejected': {
      const checked = checkVote(event);
      if (!checked.ok) return checked;
    }
  }
  return ok({ ...status, state: next, finalAction: event, isFinal: true });
}

function checkIssue(status: DraftStatus, event: IssuedEvent): Result<true> {
  const parsed = parseSymbol(event.symbol);
  if (!parsed.ok) return parsed;
  const s = parsed.value;
  if (!isDraftText(s)) return fail(`"${event.symbol}" is an addendum or corrigendum, not a text of the draft`);
  if (s.revision !== event.revision) return fail(`"${event.symbol}" is revision ${s.revision}, not revision ${event.revision}`);
  if (status.symbol !== null) {
    const current = parseSymbol(status.symbol);
    if (current.ok && !sameDraft(current.value, s)) {
      return fail(`"${event.symbol}" is not a text of this draft (${draftSymbol(current.value.prefix, current.value.lNumber)})`);
    }
  }
  const expected = nextText(status, s)!.revision;
  if (status.revision === null) {
    return event.revision === expected ? ok(true) : fail(`the first text of a draft is its original, ${draftSymbol(s.prefix, s.lNumber)}; issue it before revision ${s.revision}`);
  }
  if (event.revision < expected) return fail(`revision ${event.revision} of this draft has already been issued; the next is revision ${expected}`);
  if (event.revision > expected) return fail(`the next revision of ${status.symbol} is revision ${expected}, not revision ${event.revision}`);
  return ok(true);
}

function checkVote(event: AdoptedEvent | RejectedEvent): Result<true> {
  if (event.vote.kind !== 'recorded') return ok(true);
  const possible = possibleOutcomes(event.vote);
  if (!possible.ok) return fail(`the vote cannot be counted: ${possible.error}`);
  const { yes, no, majority } = event.vote;
  const counts = `${yes} in favour, ${no} against`;
  if (event.type === 'adopted' && !possible.value.couldCarry) return fail(`cannot record adoption: the vote (${counts}) does not reach a ${majority} majority`);
  if (event.type === 'rejected' && !possible.value.couldFail) return fail(`cannot record rejection: the vote (${counts}) reaches a ${majority} majority`);
  return ok(true);
}

/** The status a record of events leads to; refused at the first event that cannot apply. */
export function deriveStatus(events: readonly DraftEvent[]): Result<DraftStatus> {
  let status = INITIAL_STATUS;
  for (const [i, event] of events.entries()) {
    const next = applyEvent(status, event);
    if (!next.ok) return fail(`event ${i + 1} of ${events.length} (${event.type}): ${next.error}`);
    status = next.value;
  }
  return ok(status);
}

type Check = (value: unknown) => Result<unknown>;
const shown = (v: unknown) => (v === undefined ? 'missing' : typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)));
const must = (what: string) => (value: unknown) => fail(`must be ${what}, not ${shown(value)}`);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const meeting: Check = (v) => (isCount(v) && v >= 1 ? ok(v) : must('a meeting number (1, 2, 3 …)')(v));
const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' && v === v.trim() ? ok(v) : must('non-empty text without surrounding spaces')(v));
const flag: Check = (v) => (typeof v === 'boolean' ? ok(v) : must('true or false')(v));
const date: Check = (v) => (typeof v === 'string' && isCalendarDate(v) ? ok(v) : must('a date written YYYY-MM-DD')(v));
const symbolField: Check = (v) => {
  const parsed = typeof v === 'string' ? parseSymbol(v) : null;
  return parsed === null ? must('a document symbol')(v) : parsed.ok ? ok(v) : fail(`is malformed: ${parsed.error}`);
};
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v as string) ? ok(v) : must(values.map((x) => `"${x}"`).join(' or '))(v);
const FIELDS: { [E in DraftEventType]: Record<string, [Check, 'optional'?]> } = {
  issued: {
    symbol: [symbolField],
    revision: [(v) => (isCount(v) && v >= 0 ? ok(v) : must('a revision number (0 for the original)')(v))],
  },
  introduced: { meeting: [meeting], date: [date], by: [text, 'optional'] },
  adopted: {
    meeting: [meeting],
    date: [date],
    vote: [parseActionVote],
    orallyAmended: [flag],
    becomes: [(v) => checkObject(v, { kind: [oneOf('resolution', 'decision')], number: [text] }), 'optional'],
  },
  rejected: { meeting: [meeting], date: [date], vote: [parseActionVote] },
  withdrawn: { date: [date], meeting: [meeting, 'optional'], by: [text, 'optional'] },
  no_action: { meeting: [meeting], date: [date], reason: [text, 'optional'] },
  deferred: {
    meeting: [meeting],
    date: [date],
    decidedBy: [oneOf('sponsors', 'body')],
    toSession: [(v) => (v === null || (isCount(v) && v >= 1) ? ok(v) : must('a session number or null')(v))],
    noAction: [flag],
    annexedToReport: [flag],
  },
  frozen: { hash: [text] },
};

function checkObject(json: unknown, fields: Record<string, [Check, 'optional'?]>, skip = ''): Result<Record<string, unknown>> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('must be an object');
  const stray = Object.keys(json).find((k) => k !== skip && !Object.hasOwn(fields, k));
  if (stray !== undefined) return fail(`unknown field "${stray}"`);
  const out: Record<string, unknown> = {};
  for (const [name, [check, optional]] of Object.entries(fields)) {
    const value = (json as Record<string, unknown>)[name];
    if (value === undefined && optional) continue;
    const checked = check(value);
    if (!checked.ok) return fail(`"${name}" ${checked.error}`);
    out[name] = checked.value;
  }
  return ok(out);
}

/** Check an event arriving as JSON (over HTTP, from storage); refused with the bad field named. */
export function validateEvent(json: unknown): Result<DraftEvent> {
  const type = (json as { type?: unknown } | null)?.type;
  if (!(EVENT_TYPES as readonly unknown[]).includes(type)) {
    return fail(`"type" must be one of ${EVENT_TYPES.join(', ')}, not ${shown(type)}`);
  }
  const checked = checkObject(json, FIELDS[type as DraftEventType], 'type');
  return checked.ok ? ok({ type, ...checked.value } as DraftEvent) : fail(`${type}: ${checked.error}`);
}

/** Labels of the states in each of the six languages. */
export const STATE_LABELS: Record<DraftState, Record<Lang, string>> = {
  drafted: { ar: 'قيد الصياغة', zh: '起草中', en: 'being drafted', fr: 'en cours de rédaction', ru: 'в стадии подготовки', es: 'en preparación' },
  issued: { ar: 'صدر', zh: '已印发', en: 'issued', fr: 'publié', ru: 'издан', es: 'publicado' },
  revised: { ar: 'صدر منقحا', zh: '已印发修订稿', en: 'revised', fr: 'publié en version révisée', ru: 'издан в пересмотренном виде', es: 'publicado en versión revisada' },
  introduced: { ar: 'عُرض', zh: '已介绍', en: 'introduced', fr: 'présenté', ru: 'представлен', es: 'presentado' },
  adopted: { ar: 'اعتُمد', zh: '已通过', en: 'adopted', fr: 'adopté', ru: 'принят', es: 'aprobado' },
  rejected: { ar: 'رُفض', zh: '被否决', en: 'rejected', fr: 'rejeté', ru: 'отклонен', es: 'rechazado' },
  withdrawn: { ar: 'سُحب', zh: '已撤回', en: 'withdrawn', fr: 'retiré', ru: 'снят', es: 'retirado' },
  no_action: { ar: 'لم يُتخذ أي إجراء', zh: '未采取行动', en: 'no action taken', fr: 'aucune décision prise', ru: 'решение не принималось', es: 'no se adoptó ninguna decisión' },
  deferred: { ar: 'أُرجئ النظر فيه', zh: '推迟审议', en: 'consideration deferred', fr: 'examen reporté', ru: 'рассмотрение отложено', es: 'examen aplazado' },
};

const ADOPTED_LABELS = {
  without_vote: { ar: 'اعتُمد دون تصويت', zh: '未经表决通过', en: 'adopted without a vote', fr: 'adopté sans vote', ru: 'принят без голосования', es: 'aprobado sin votación' },
  recorded: {
    ar: 'اعتُمد بتصويت مسجل',
    zh: '经记录表决通过',
    en: 'adopted by a recorded vote',
    fr: "adopté à l'issue d'un vote enregistré",
    ru: 'принят в результате заносимого в отчет голосования',
    es: 'aprobado en votación registrada',
  },
  amended_without_vote: {
    ar: 'اعتُمد بصيغته المعدلة شفويا',
    zh: '经口头修正后通过',
    en: 'adopted as orally amended',
    fr: 'adopté tel que modifié oralement',
    ru: 'принят с внесенными в него устными изменениями',
    es: 'aprobado en su forma oralmente enmendada',
  },
  amended_recorded: {
    ar: 'اعتُمد بصيغته المعدلة شفويا بتصويت مسجل',
    zh: '经口头修正后经记录表决通过',
    en: 'adopted as orally amended, by a recorded vote',
    fr: "adopté tel que modifié oralement, à l'issue d'un vote enregistré",
    ru: 'принят с внесенными в него устными изменениями в результате заносимого в отчет голосования',
    es: 'aprobado en su forma oralmente enmendada, en votación registrada',
  },
} satisfies Record<string, Record<Lang, string>>;

/** The label of a status, saying how a draft was adopted (without a vote, as orally amended). */
export function statusLabel(status: DraftStatus, lang: Lang): string {
  const action = status.finalAction;
  if (status.state === 'adopted' && action?.type === 'adopted') {
    const how = action.vote.kind === 'recorded' ? 'recorded' : 'without_vote';
    return ADOPTED_LABELS[action.orallyAmended ? (`amended_${how}` as const) : how][lang];
  }
  return STATE_LABELS[status.state][lang];
}
