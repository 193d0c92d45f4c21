/**
 * What the secretariat records at the meeting, as forms: the lifecycle events (introduction,
 * the action with its vote) and oral amendments. The forms only gather; shared/lifecycle and
 * shared/oralAmendments check on the server, and their refusal is shown as it comes.
 */
import { todayUTC } from '../../shared/dates';
import { MEETING_EVENT_TYPES, type MeetingEventType } from '../../shared/policy';
import { askForm, type Field, type FormValues } from './forms';

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
    options: [
      ['simple', 'simple'],
      ['two-thirds', 'two thirds'],
    ],
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

/** Ask for an event's details; null when cancelled. */
export async function askEvent(type: string, label: string, symbol: string): Promise<Record<string, unknown> | null> {
  const values = await askForm(`${label}: ${symbol}`, FIELDS[type] ?? [date], 'Record');
  return values && eventPayload(type, values);
}

/** Ask for an oral amendment; `delegations` name who may propose it. Null when cancelled. */
export async function askAmendment(symbol: string, delegations: [id: string, name: string][]): Promise<Record<string, unknown> | null> {
  const v = await askForm(
    `Oral amendment to ${symbol}`,
    [
      { name: 'paragraphId', label: 'Paragraph id', kind: 'text', required: true },
      {
        name: 'kind',
        label: 'Change',
        kind: 'select',
        options: [
          ['replace_words', 'replace words'],
          ['insert_words', 'insert words'],
          ['delete_words', 'delete words'],
          ['replace_paragraph', 'replace the paragraph'],
          ['delete_paragraph', 'delete the paragraph'],
        ],
      },
      { name: 'words', label: 'Words in the text', kind: 'text' },
      { name: 'text', label: 'New words', kind: 'text' },
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
      },
      { name: 'proposedBy', label: 'Proposed by', kind: 'select', options: [['', 'the Chair or the secretariat'], ...delegations] },
      { name: 'accepted', label: 'Accepted', kind: 'checkbox', value: true },
    ],
    'Record',
  );
  if (!v) return null;
  const kind = String(v.kind);
  const out: Record<string, unknown> = { paragraphId: v.paragraphId, kind, proposedBy: v.proposedBy || null, accepted: v.accepted === true };
  if (['replace_words', 'delete_words'].includes(kind) || (kind === 'insert_words' && ['before', 'after'].includes(String(v.position)))) out.words = v.words;
  if (['replace_words', 'insert_words', 'replace_paragraph'].includes(kind)) out.text = v.text;
  if (kind === 'insert_words') out.position = v.position;
  return out;
}
