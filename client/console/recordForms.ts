/**
 * What the secretariat records at the meeting, as forms: the lifecycle events (introduction,
 * the action with its vote) and oral amendments. The forms only gather; shared/lifecycle and
 * shared/oralAmendments check on the server, and their refusal is shown as it comes.
 */
import { todayUTC } from '../../shared/dates';
import { MEETING_EVENT_TYPES, type MeetingEventType } from '../../shared/policy';
import { choices, MAJORITIES, MAJORITY_LABELS } from '../../shared/votes';
import { ApiError } from '../api';
import { askFormUntil, type Field, type FormValues } from './forms';

const LABELS: Record<MeetingEventType, string> = {
  introduced: 'Introduction',
  adopted: 'Adopted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  no_action: 'No action',
  deferred: 'Deferred',
};

/** The events the console records, with the words on their buttons. */
export const MEETING_EVENTS: [type: MeetingEventType, label: string][] = MEETING_EVENT_TYPES.map((type) => [type, LABELS[type]]);

const meeting: Field = { name: 'meeting', label: 'Meeting', kind: 'number', required: true };
const date: Field = { name: 'date', label: 'Date', kind: 'date', value: todayUTC(), required: true };
const votes: Field[] = [
  {
    name: 'vote',
    label: 'Vote',
    kind: 'select',
    options: [
      ['without_vote', 'without a vote'],
      ['recorded', 'recorded vote'],
    ],
  },
  { name: 'yes', label: 'In favour', kind: 'number' },
  { name: 'no', label: 'Against', kind: 'number' },
  { name: 'abstain', label: 'Abstentions', kind: 'number' },
  {
    name: 'majority',
    label: 'Majority required',
    kind: 'select',
    options: choices(MAJORITIES, MAJORITY_LABELS),
  },
];

const FIELDS: Record<string, Field[]> = {
  introduced: [meeting, date],
  adopted: [meeting, date, ...votes, { name: 'orallyAmended', label: 'As orally amended', kind: 'checkbox' }],
  rejected: [meeting, date, ...votes.slice(1)],
  withdrawn: [date, { ...meeting, required: false }],
  no_action: [meeting, date],
  deferred: [
    meeting,
    date,
    {
      name: 'decidedBy',
      label: 'Decided by',
      kind: 'select',
      options: [
        ['sponsors', 'the sponsors'],
        ['body', 'the body'],
      ],
    },
    { name: 'toSession', label: 'To session (number, if any)', kind: 'number' },
    { name: 'noAction', label: 'No action taken', kind: 'checkbox' },
    { name: 'annexedToReport', label: 'Text annexed to the report', kind: 'checkbox' },
  ],
};

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
  const hint = n > 0 ? `${n} accepted oral amendment${n === 1 ? '' : 's'} recorded against ${context.symbol ?? 'the text'}` : 'no accepted oral amendment is recorded';
  return FIELDS.adopted!.map((f) => (f.name === 'orallyAmended' ? { ...f, kind: 'checkbox', value: n > 0, hint } : f));
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
  const fields = type === 'adopted' && adoption ? adoptionFields(adoption) : (FIELDS[type] ?? [date]);
  return askFormUntil(`${label}: ${symbol}`, fields, 'Record', async (values) => {
    try {
      return { ok: true, value: await record(eventPayload(type, values)) };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return { ok: false, refusal: { message: e.message, field: eventField(e.message, e.details) } };
    }
  });
}

/** The kinds of oral amendment the form offers, in the secretariat's words. */
export const AMENDMENT_KINDS: [kind: string, label: string][] = [
  ['replace_words', 'replace words'],
  ['insert_words', 'insert words'],
  ['delete_words', 'delete words'],
  ['replace_paragraph', 'replace the paragraph'],
  ['insert_paragraph', 'insert a new paragraph'],
  ['delete_paragraph', 'delete the paragraph'],
  ['words_not_in_record', 'made, but its words are not in the record'],
];

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
    { name: 'kind', label: 'Change', kind: 'select', options: AMENDMENT_KINDS },
    {
      name: 'paragraph',
      label: 'Paragraph',
      kind: 'select',
      options: paragraphs,
      hint: 'its number as printed in the issued text',
      shownWhen: (v) => v.kind !== 'words_not_in_record',
    },
    {
      name: 'position',
      label: 'Insert',
      kind: 'select',
      options: [
        ['after', 'after the words'],
        ['before', 'before the words'],
        ['start', 'at the start'],
        ['end', 'at the end'],
      ],
      shownWhen: kindIs('insert_words'),
    },
    {
      name: 'paragraphPosition',
      label: 'Insert it',
      kind: 'select',
      options: [
        ['after', 'after that paragraph'],
        ['before', 'before that paragraph'],
      ],
      shownWhen: kindIs('insert_paragraph'),
    },
    {
      name: 'paragraphType',
      label: 'New paragraph is',
      kind: 'select',
      options: [
        ['operative', 'operative'],
        ['preambular', 'preambular'],
        ['subparagraph', 'a subparagraph'],
      ],
      shownWhen: kindIs('insert_paragraph'),
    },
    { name: 'words', label: 'Words in the text', kind: 'text', hint: 'quoted exactly as printed', shownWhen: quotesWords },
    { name: 'occurrence', label: 'Which occurrence', kind: 'number', hint: 'only when the words occur more than once (1 = the first)', shownWhen: quotesWords },
    { name: 'text', label: 'New words', kind: 'text', shownWhen: kindIs('replace_words', 'insert_words', 'replace_paragraph', 'insert_paragraph') },
    { name: 'note', label: 'Note (optional)', kind: 'text', hint: 'what the record says of it, if anything', shownWhen: kindIs('words_not_in_record') },
    { name: 'proposedBy', label: 'Proposed by', kind: 'select', options: [['', 'the Chair or the secretariat'], ...delegations] },
    { name: 'accepted', label: 'Accepted', kind: 'checkbox', value: true },
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
  return askFormUntil(`Oral amendment to ${symbol}`, amendmentFields(paragraphs, delegations), 'Record', async (values) => {
    try {
      return { ok: true, value: await record(amendmentPayload(values)) };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return { ok: false, refusal: { message: e.message, field: refusedField(e.message, e.details) } };
    }
  });
}
