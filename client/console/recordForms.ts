/**
 * What the secretariat records at the meeting, as forms: the lifecycle events (introduction,
 * the action with its vote) and oral amendments. The forms only gather; shared/lifecycle and
 * shared/oralAmendments check on the server, and their refusal is shown as it comes.
 */
import { todayUTC } from '../../shared/dates';
import { MEETING_EVENT_TYPES, type MeetingEventType } from '../../shared/policy';
import { MAJORITIES } from '../../shared/votes';
import { ApiError } from '../api';
import { t } from '../i18n';
import { askFormUntil, type Field, type FormValues } from './forms';

/** The events the console records, with the words on their buttons (in the interface's language, read when asked). */
export function meetingEvents(): [type: MeetingEventType, label: string][] {
  return MEETING_EVENT_TYPES.map((type) => [type, t(`console:event.${type}`)]);
}

// The fields of each event's form, worded when the form opens (the interface's language may have changed).
function eventFields(type: string): Field[] | undefined {
  const meeting: Field = { name: 'meeting', label: t('console:field.meeting'), kind: 'number', required: true };
  const date: Field = { name: 'date', label: t('console:field.date'), kind: 'date', value: todayUTC(), required: true };
  const votes: Field[] = [
    {
      name: 'vote',
      label: t('console:field.vote'),
      kind: 'select',
      options: [
        ['without_vote', t('console:vote.without')],
        ['recorded', t('console:vote.recorded')],
      ],
    },
    { name: 'yes', label: t('console:field.inFavour'), kind: 'number' },
    { name: 'no', label: t('console:field.against'), kind: 'number' },
    { name: 'abstain', label: t('console:field.abstentions'), kind: 'number' },
    { name: 'majority', label: t('console:field.majority'), kind: 'select', options: majorityChoices() },
  ];
  const fields: Record<string, Field[]> = {
    introduced: [meeting, date],
    adopted: [meeting, date, ...votes, { name: 'orallyAmended', label: t('console:field.orallyAmended'), kind: 'checkbox' }],
    rejected: [meeting, date, ...votes.slice(1)],
    withdrawn: [date, { ...meeting, required: false }],
    no_action: [meeting, date],
    deferred: [
      meeting,
      date,
      {
        name: 'decidedBy',
        label: t('console:field.decidedBy'),
        kind: 'select',
        options: [
          ['sponsors', t('console:decidedBy.sponsors')],
          ['body', t('console:decidedBy.body')],
        ],
      },
      { name: 'toSession', label: t('console:field.toSession'), kind: 'number' },
      { name: 'noAction', label: t('console:field.noAction'), kind: 'checkbox' },
      { name: 'annexedToReport', label: t('console:field.annexedToReport'), kind: 'checkbox' },
    ],
  };
  return fields[type];
}

/** The majorities a vote may require, worded in the interface's language (values from shared/votes.ts). */
export function majorityChoices(): [string, string][] {
  return MAJORITIES.map((m) => [m, t(`console:majority.${m}`)]);
}

function voteOf(v: FormValues, recorded: boolean) {
  if (!recorded) return { kind: 'without_vote' };
  return { kind: 'recorded', yes: v.yes ?? 0, no: v.no ?? 0, abstain: v.abstain ?? 0, majority: v.majority };
}

/** The payload of an event as the events route takes it, from the form's values. */
export function eventPayload(type: string, v: FormValues): Record<string, unknown> {
  const common = { ...(v.meeting !== null && v.meeting !== undefined ? { meeting: v.meeting } : {}), date: v.date };
  switch (type) {
    case 'adopted':
      return { ...common, vote: voteOf(v, v.vote === 'recorded'), orallyAmended: v.orallyAmended === true };
    case 'rejected':
      return { ...common, vote: voteOf(v, true) };
    case 'deferred':
      return { ...common, decidedBy: v.decidedBy, toSession: v.toSession ?? null, noAction: v.noAction === true, annexedToReport: v.annexedToReport === true };
    default:
      return common;
  }
}

/** What the adoption form starts from: whether accepted oral amendments exist, and how many. */
export interface AdoptionContext {
  acceptedAmendments: number;
  /** The issued text they amend ("L.10/Rev.2"). */
  symbol: string | null;
}

// The adoption's fields, "as orally amended" ticked when accepted amendments exist.
function adoptionFields(context: AdoptionContext): Field[] {
  const n = context.acceptedAmendments;
  const hint = n > 0 ? t('console:acceptedAmendments', { count: n, symbol: context.symbol ?? t('console:theText') }) : t('console:noAcceptedAmendment');
  return eventFields('adopted')!.map((f) => (f.name === 'orallyAmended' ? { ...f, kind: 'checkbox', value: n > 0, hint } : f));
}

// The field of an event's form a refusal concerns: the one the server names, else what its words say.
function eventField(message: string, details?: unknown): string | undefined {
  const named = (details as { field?: unknown } | null | undefined)?.field;
  if (typeof named === 'string') return named;
  if (/outside the session|meeting (was held|cannot be) on/.test(message)) return 'date';
  return undefined;
}

/**
 * Ask for an event's details and record them with `record`; the form stays open, with what was
 * typed, while the server refuses (a date outside the session, a meeting the record dates
 * otherwise), the reason beside the field it concerns. `adoption` says what the adoption form
 * starts from. Resolves with what `record` answered, or null when cancelled.
 */
export function askEvent<T>(type: string, label: string, symbol: string, record: (payload: Record<string, unknown>) => Promise<T>, adoption?: AdoptionContext): Promise<T | null> {
  const fields = type === 'adopted' && adoption ? adoptionFields(adoption) : (eventFields(type) ?? eventFields('withdrawn')!.slice(0, 1));
  return askFormUntil(t('console:eventTitle', { event: label, symbol }), fields, t('console:recordSubmit'), async (values) => {
    try {
      return { ok: true, value: await record(eventPayload(type, values)) };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return { ok: false, refusal: { message: e.message, field: eventField(e.message, e.details) } };
    }
  });
}

/** The kinds of oral amendment the form offers, in the order offered. */
export const AMENDMENT_KINDS = ['replace_words', 'insert_words', 'delete_words', 'replace_paragraph', 'insert_paragraph', 'delete_paragraph', 'words_not_in_record'] as const;

const kindIs =
  (...kinds: string[]) =>
  (v: FormValues) =>
    kinds.includes(String(v.kind));
const quotesWords = (v: FormValues) => kindIs('replace_words', 'delete_words')(v) || (v.kind === 'insert_words' && (v.position === 'before' || v.position === 'after'));

/**
 * The fields of the oral amendment form. `paragraphs` are the paragraphs of the issued text as
 * printed: ["OP 3", "OP 3 — Invites Member States…"]; the secretariat picks the number it heard read out.
 */
export function amendmentFields(paragraphs: [value: string, label: string][], delegations: [id: string, name: string][]): Field[] {
  return [
    { name: 'kind', label: t('console:amend.change'), kind: 'select', options: AMENDMENT_KINDS.map((k) => [k, t(`console:amendKind.${k}`)]) },
    {
      name: 'paragraph',
      label: t('console:amend.paragraph'),
      kind: 'select',
      options: paragraphs,
      hint: t('console:amend.paragraphHint'),
      shownWhen: (v) => v.kind !== 'words_not_in_record',
    },
    {
      name: 'position',
      label: t('console:amend.insert'),
      kind: 'select',
      options: [
        ['after', t('console:amend.afterWords')],
        ['before', t('console:amend.beforeWords')],
        ['start', t('console:amend.atStart')],
        ['end', t('console:amend.atEnd')],
      ],
      shownWhen: kindIs('insert_words'),
    },
    {
      name: 'paragraphPosition',
      label: t('console:amend.insertIt'),
      kind: 'select',
      options: [
        ['after', t('console:amend.afterParagraph')],
        ['before', t('console:amend.beforeParagraph')],
      ],
      shownWhen: kindIs('insert_paragraph'),
    },
    {
      name: 'paragraphType',
      label: t('console:amend.newParagraphIs'),
      kind: 'select',
      options: [
        ['operative', t('console:amend.operative')],
        ['preambular', t('console:amend.preambular')],
        ['subparagraph', t('console:amend.subparagraph')],
      ],
      shownWhen: kindIs('insert_paragraph'),
    },
    { name: 'words', label: t('console:amend.words'), kind: 'text', hint: t('console:amend.wordsHint'), shownWhen: quotesWords },
    { name: 'occurrence', label: t('console:amend.occurrence'), kind: 'number', hint: t('console:amend.occurrenceHint'), shownWhen: quotesWords },
    { name: 'text', label: t('console:amend.newWords'), kind: 'text', shownWhen: kindIs('replace_words', 'insert_words', 'replace_paragraph', 'insert_paragraph') },
    { name: 'note', label: t('console:amend.note'), kind: 'text', hint: t('console:amend.noteHint'), shownWhen: kindIs('words_not_in_record') },
    { name: 'proposedBy', label: t('console:amend.proposedBy'), kind: 'select', options: [['', t('console:amend.chairOrSecretariat')], ...delegations] },
    { name: 'accepted', label: t('console:amend.accepted'), kind: 'checkbox', value: true },
  ];
}

/** The amendment as the amendments route takes it, from the form's values (hidden fields are null). */
export function amendmentPayload(v: FormValues): Record<string, unknown> {
  const kind = String(v.kind);
  const out: Record<string, unknown> = { kind, proposedBy: v.proposedBy || null, accepted: v.accepted === true };
  // Neither its words nor its paragraph are in the record.
  if (kind === 'words_not_in_record') return { ...out, paragraphId: '', ...(v.note !== null ? { note: v.note } : {}) };
  out.paragraph = v.paragraph; // as printed ("OP 3"): the server reads it against the issued text
  if (v.words !== null) out.words = v.words;
  if (v.words !== null && typeof v.occurrence === 'number') out.occurrence = v.occurrence;
  if (v.text !== null) out.text = v.text;
  if (kind === 'insert_words') out.position = v.position;
  if (kind === 'insert_paragraph') Object.assign(out, { position: v.paragraphPosition, paragraphType: v.paragraphType });
  return out;
}

// The form's field a refusal of the server is about: the field its check names, else what its words say.
const SERVER_FIELDS: Record<string, string> = { paragraphId: 'paragraph', newId: 'paragraph', level: 'paragraphType' };
/** Which field of the amendment form a refusal concerns (undefined: the form as a whole). */
export function refusedField(message: string, details?: unknown): string | undefined {
  const named = (details as { field?: unknown } | null | undefined)?.field;
  if (typeof named === 'string') return SERVER_FIELDS[named] ?? named;
  const quoted = /^\w+: "(\w+)"/.exec(message)?.[1]; // shared/oralAmendments: `replace_words: "words" must be …`
  if (quoted) return SERVER_FIELDS[quoted] ?? quoted;
  if (/the words .* (are not in it|occur)/.test(message)) return 'words';
  if (/no such paragraph|deleted that paragraph|paragraphs with the id/.test(message)) return 'paragraph';
  if (/no delegation/.test(message)) return 'proposedBy';
  return undefined;
}

/**
 * Ask for an oral amendment and record it with `record`; the form stays open, with what was
 * typed, while the server refuses, the reason beside the field it concerns. Resolves with what
 * `record` answered, or null when cancelled.
 */
export function askAmendment<T>(
  symbol: string,
  paragraphs: [value: string, label: string][],
  delegations: [id: string, name: string][],
  record: (amendment: Record<string, unknown>) => Promise<T>,
): Promise<T | null> {
  return askFormUntil(t('console:amend.title', { symbol }), amendmentFields(paragraphs, delegations), t('console:recordSubmit'), async (values) => {
    try {
      return { ok: true, value: await record(amendmentPayload(values)) };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return { ok: false, refusal: { message: e.message, field: refusedField(e.message, e.details) } };
    }
  });
}
