/**
 * The session record: what happens at a session's meetings beyond a draft's text. Three kinds
 * of entry, each dated to a meeting of the session and optionally tied to a draft:
 *
 * - a recorded **vote** on a procedural question (observer status, whether a matter is
 *   procedural), on an amendment, or on keeping a paragraph (a separate vote), with the rules of
 *   procedure cited, the counts, the majority required and how two thirds was rounded, and
 *   optionally the country-by-country list; whether it carried is derived (shared/votes.ts),
 *   never stored;
 * - a **statement**: an explanation of vote or of position (before or after), the introduction
 *   by the main sponsor, a statement of programme budget implications, the chair's conclusion;
 * - a **correction of vote** ("the delegation of X indicated that it had intended to vote in
 *   favour"), kept beside the vote it names and never changing its result.
 *
 * The record is append-only (server/storage/migrations/006_session_record.ts); entries refer to
 * votes by their seq in the session's record. Here: the types, and the validator every writer
 * calls first. Facts that need the store (the draft is of the session, the delegations exist,
 * the vote named is a vote) are checked by server/commands/sessionRecorder.ts.
 */
import { checkMeeting, type HeldMeeting } from './meetings';
import { isCalendarDate } from './dates';
import type { LocalizedText } from './delegations';
import { fail, ok, type Result } from './result';
import { checkVisibleText } from './visibleText';
import { type Ballot, BALLOTS, checkRollCall, MAJORITIES, type Majority, parseTwoThirdsRule, type RollCall, type TwoThirdsRule, checkVoteCounts } from './votes';

/** The kinds of entry of the session record, as stored. */
export const SESSION_RECORD_KINDS = ['vote', 'statement', 'vote_correction'] as const;
/** One kind of entry. */
export type SessionRecordKind = (typeof SESSION_RECORD_KINDS)[number];

/** What a vote was on: a procedural question, an amendment to a draft, keeping a paragraph of a draft. */
export const VOTE_SUBJECTS = ['procedural', 'amendment', 'separate'] as const;
/** One subject of a vote. */
export type VoteSubject = (typeof VOTE_SUBJECTS)[number];

/** The kinds of statement the report records. */
export const STATEMENT_KINDS = ['explanation_of_vote', 'explanation_of_position', 'introduction', 'budget_implications', 'chair_conclusion'] as const;
/** One kind of statement. */
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** Before or after the vote (explanation of vote) or the action (explanation of position). */
export const STATEMENT_TIMINGS = ['before', 'after'] as const;
/** One timing. */
export type StatementTiming = (typeof STATEMENT_TIMINGS)[number];

/** Where and when an entry happened: a meeting of the session, and maybe a draft it is about. */
export interface EntryBase {
  /** The meeting's number in the session (1, 2, …). */
  meeting: number;
  /** Its calendar date, YYYY-MM-DD. */
  date: string;
  /** The draft the entry is about, or null (a procedural question). */
  draftId: string | null;
}

/**
 * The report's own words for a vote, when it words it otherwise than "voted on <question>":
 * `votedOn` is the predicate with its verb (zh "就给予观察员地位是实质性问题还是程序问题进行了表决",
 * en "voted on whether granting observer status was a matter of substance or of procedure");
 * `question` the clause "对于<question>的问题，" before the counts (null: none); `decided` what the
 * vote decided (zh "因而决定这是一个程序问题", en "it was thus decided that the matter was procedural").
 */
export interface VoteWording {
  votedOn: LocalizedText;
  question: LocalizedText | null;
  decided: LocalizedText | null;
}

/** A recorded vote at a meeting. */
export interface VoteEntry extends EntryBase {
  kind: 'vote';
  subject: VoteSubject;
  /** The question put, as a clause: "whether the matter could be considered procedural". */
  question: LocalizedText;
  /** The paragraph voted on, as printed ("OP 3"), for a separate vote or an amendment; else null. */
  paragraph: string | null;
  /** Rules the chair recalled before voting ("in particular rules 57, 61, 63, 64 and 65"). */
  rulesRecalled: number[];
  /** Rules under which the vote was taken (rule 61: deciding whether a matter is procedural). */
  votedUnder: number[];
  /** Rules that set the majority required (rule 63). */
  majorityUnder: number[];
  yes: number;
  no: number;
  abstain: number;
  majority: Majority;
  /** How two thirds was rounded (shared/votes.ts); null for a simple majority. */
  twoThirds: TwoThirdsRule | null;
  /** The country-by-country list, when the record has it. */
  roll: RollCall | null;
  /** The report's words, when they are not the default ones. */
  wording: VoteWording | null;
}

/** Who spoke: a delegation (maybe named as the report names it there) or an officer. */
export type Speaker = { delegationId: string; asNamed: LocalizedText | null } | { officer: LocalizedText };

/** A statement at a meeting. */
export interface StatementEntry extends EntryBase {
  kind: 'statement';
  statement: StatementKind;
  /** For explanations: before or after the vote or action; null for the other kinds. */
  timing: StatementTiming | null;
  /** Who spoke, in the order they spoke. */
  speakers: Speaker[];
  /** The vote of the session record an explanation of vote is about (its seq), or null. */
  voteSeq: number | null;
  /** What was said, in the report's words; for budget implications, null means "no financial implications". */
  summary: LocalizedText | null;
  /** For a chair's conclusion: whether the body accepted it ("which the Conference accepted"). */
  accepted: boolean;
}

/** A delegation saying how it had intended to vote: kept beside the vote, never changing its counts. */
export interface VoteCorrectionEntry extends EntryBase {
  kind: 'vote_correction';
  /** The vote corrected: its seq in the session record. */
  voteSeq: number;
  delegationId: string;
  intended: Ballot;
}

/** One entry of the session record. */
export type SessionRecordEntry = VoteEntry | StatementEntry | VoteCorrectionEntry;

/** A refusal naming the field at fault (dotted path, "speakers.1.delegationId"), so a form can show it beside the field. */
export interface RecordRefusal {
  field: string;
  message: string;
}

/** The most rules one list may cite, and the most speakers one statement may name. */
export const RECORD_LIMITS = { rules: 30, speakers: 200, text: 4000, rollCall: 400 } as const;

type Json = Record<string, unknown>;
const refuse = (field: string, message: string) => fail<RecordRefusal>({ field, message });
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? 'missing' : (JSON.stringify(v) ?? String(v)));

function strays(json: Json, allowed: readonly string[], where: string): Result<true, RecordRefusal> {
  const stray = Object.keys(json).find((k) => !allowed.includes(k));
  return stray === undefined ? ok(true) : refuse(where ? `${where}.${stray}` : stray, `unknown field "${stray}"`);
}

function oneOf<T extends string>(values: readonly T[], v: unknown, field: string): Result<T, RecordRefusal> {
  return (values as readonly unknown[]).includes(v) ? ok(v as T) : refuse(field, `must be one of ${values.map((x) => `"${x}"`).join(', ')}, not ${show(v)}`);
}

function text(v: unknown, field: string): Result<LocalizedText, RecordRefusal> {
  if (!isObject(v)) return refuse(field, 'must be a text in English and Chinese: { "en": …, "zh": … }');
  const stray = strays(v, ['en', 'zh'], field);
  if (!stray.ok) return stray;
  const out: LocalizedText = { en: '', zh: '' };
  for (const lang of ['en', 'zh'] as const) {
    const s = v[lang];
    if (typeof s !== 'string') return refuse(`${field}.${lang}`, 'must be a text');
    const trimmed = s.trim();
    if (trimmed.length > RECORD_LIMITS.text) return refuse(`${field}.${lang}`, `must be at most ${RECORD_LIMITS.text} characters`);
    const visible = checkVisibleText(trimmed);
    if (!visible.ok) return refuse(`${field}.${lang}`, visible.error);
    out[lang] = trimmed;
  }
  return ok(out);
}

const textOrNull = (v: unknown, field: string): Result<LocalizedText | null, RecordRefusal> => (v === undefined || v === null ? ok(null) : text(v, field));

function positive(v: unknown, field: string, max = 100_000): Result<number, RecordRefusal> {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 && v <= max ? ok(v) : refuse(field, `must be a whole number from 1 to ${max}, not ${show(v)}`);
}

function rules(v: unknown, field: string): Result<number[], RecordRefusal> {
  if (v === undefined || v === null) return ok([]);
  if (!Array.isArray(v)) return refuse(field, 'must be a list of rule numbers');
  if (v.length > RECORD_LIMITS.rules) return refuse(field, `may cite at most ${RECORD_LIMITS.rules} rules`);
  const out: number[] = [];
  for (const [i, n] of v.entries()) {
    const rule = positive(n, `${field}.${i}`, 1000);
    if (!rule.ok) return rule;
    if (out.includes(rule.value)) return refuse(`${field}.${i}`, `rule ${rule.value} is cited twice`);
    out.push(rule.value);
  }
  return ok(out);
}

function id(v: unknown, field: string): Result<string, RecordRefusal> {
  return typeof v === 'string' && /^[A-Za-z0-9_.:-]{1,64}$/.test(v) ? ok(v) : refuse(field, `must be an id, not ${show(v)}`);
}

function base(json: Json): Result<EntryBase, RecordRefusal> {
  const meeting = positive(json.meeting, 'meeting', 10_000);
  if (!meeting.ok) return meeting;
  if (typeof json.date !== 'string' || !isCalendarDate(json.date)) return refuse('date', `must be a date written YYYY-MM-DD, not ${show(json.date)}`);
  if (json.draftId === undefined || json.draftId === null) return ok({ meeting: meeting.value, date: json.date, draftId: null });
  const draftId = id(json.draftId, 'draftId');
  return draftId.ok ? ok({ meeting: meeting.value, date: json.date, draftId: draftId.value }) : draftId;
}

const VOTE_FIELDS = [
  'kind',
  'meeting',
  'date',
  'draftId',
  'subject',
  'question',
  'paragraph',
  'rulesRecalled',
  'votedUnder',
  'majorityUnder',
  'yes',
  'no',
  'abstain',
  'majority',
  'twoThirds',
  'roll',
  'wording',
];

function parseVote(json: Json, at: EntryBase): Result<VoteEntry, RecordRefusal> {
  const stray = strays(json, VOTE_FIELDS, '');
  if (!stray.ok) return stray;
  const subject = oneOf(VOTE_SUBJECTS, json.subject, 'subject');
  if (!subject.ok) return subject;
  if (subject.value !== 'procedural' && at.draftId === null)
    return refuse('draftId', `a vote on ${subject.value === 'amendment' ? 'an amendment' : 'a paragraph'} is on a draft: name it`);
  const question = text(json.question, 'question');
  if (!question.ok) return question;
  let paragraph: string | null = null;
  if (json.paragraph !== undefined && json.paragraph !== null) {
    if (typeof json.paragraph !== 'string' || !checkVisibleText(json.paragraph.trim()).ok || json.paragraph.trim().length > 40)
      return refuse('paragraph', 'must be the paragraph as printed, such as "OP 3"');
    paragraph = json.paragraph.trim();
  } else if (subject.value === 'separate') return refuse('paragraph', 'a separate vote is on a paragraph: name it as printed, such as "OP 3"');
  const cited: number[][] = [];
  for (const field of ['rulesRecalled', 'votedUnder', 'majorityUnder'] as const) {
    const list = rules(json[field], field);
    if (!list.ok) return list;
    cited.push(list.value);
  }
  const counts = checkVoteCounts({ yes: json.yes, no: json.no, abstain: json.abstain } as never);
  if (!counts.ok) return refuse(/"(\w+)"/.exec(counts.error)?.[1] ?? 'yes', counts.error);
  const majority = oneOf(MAJORITIES, json.majority, 'majority');
  if (!majority.ok) return majority;
  let twoThirds: TwoThirdsRule | null = null;
  if (majority.value === 'two-thirds') {
    const rule = parseTwoThirdsRule(json.twoThirds);
    if (!rule.ok) return refuse('twoThirds', `${rule.error}: say how two thirds was counted`);
    twoThirds = rule.value;
  } else if (json.twoThirds !== undefined && json.twoThirds !== null) return refuse('twoThirds', 'a simple majority has no two-thirds rule');
  let roll: RollCall | null = null;
  if (json.roll !== undefined && json.roll !== null) {
    if (counts.value.yes + counts.value.no + counts.value.abstain > RECORD_LIMITS.rollCall)
      return refuse('roll', `a list of more than ${RECORD_LIMITS.rollCall} names is not taken`);
    // Each list checked here first, so that a refusal names the list at fault ("roll.no").
    if (isObject(json.roll)) {
      const seen = new Set<string>();
      for (const ballot of BALLOTS) {
        const list = json.roll[ballot];
        if (!Array.isArray(list)) return refuse(`roll.${ballot}`, 'must be a list of delegation ids');
        for (const [i, d] of list.entries()) {
          const checkedId = id(d, `roll.${ballot}.${i}`);
          if (!checkedId.ok) return checkedId;
          if (seen.has(checkedId.value)) return refuse(`roll.${ballot}.${i}`, `delegation ${JSON.stringify(checkedId.value)} is listed twice in the vote`);
          seen.add(checkedId.value);
        }
        if (list.length !== counts.value[ballot]) return refuse(`roll.${ballot}`, `the list names ${list.length} but the count is ${counts.value[ballot]}`);
      }
    }
    const checked = checkRollCall(json.roll, counts.value);
    if (!checked.ok) return refuse('roll', checked.error);
    roll = checked.value;
  }
  let wording: VoteWording | null = null;
  if (json.wording !== undefined && json.wording !== null) {
    if (!isObject(json.wording)) return refuse('wording', 'must be { "votedOn", "question", "decided" }');
    const s = strays(json.wording, ['votedOn', 'question', 'decided'], 'wording');
    if (!s.ok) return s;
    const votedOn = text(json.wording.votedOn, 'wording.votedOn');
    if (!votedOn.ok) return votedOn;
    const q = textOrNull(json.wording.question, 'wording.question');
    if (!q.ok) return q;
    const decided = textOrNull(json.wording.decided, 'wording.decided');
    if (!decided.ok) return decided;
    wording = { votedOn: votedOn.value, question: q.value, decided: decided.value };
  }
  const [rulesRecalled = [], votedUnder = [], majorityUnder = []] = cited;
  return ok({
    kind: 'vote',
    ...at,
    subject: subject.value,
    question: question.value,
    paragraph,
    rulesRecalled,
    votedUnder,
    majorityUnder,
    ...counts.value,
    majority: majority.value,
    twoThirds,
    roll,
    wording,
  });
}

function parseSpeaker(v: unknown, field: string): Result<Speaker, RecordRefusal> {
  if (!isObject(v)) return refuse(field, 'must be { "delegationId" } or { "officer": { "en", "zh" } }');
  if (v.officer !== undefined) {
    const s = strays(v, ['officer'], field);
    if (!s.ok) return s;
    const officer = text(v.officer, `${field}.officer`);
    return officer.ok ? ok({ officer: officer.value }) : officer;
  }
  const s = strays(v, ['delegationId', 'asNamed'], field);
  if (!s.ok) return s;
  const delegationId = id(v.delegationId, `${field}.delegationId`);
  if (!delegationId.ok) return delegationId;
  const asNamed = textOrNull(v.asNamed, `${field}.asNamed`);
  return asNamed.ok ? ok({ delegationId: delegationId.value, asNamed: asNamed.value }) : asNamed;
}

const STATEMENT_FIELDS = ['kind', 'meeting', 'date', 'draftId', 'statement', 'timing', 'speakers', 'voteSeq', 'summary', 'accepted'];

function parseStatement(json: Json, at: EntryBase): Result<StatementEntry, RecordRefusal> {
  const stray = strays(json, STATEMENT_FIELDS, '');
  if (!stray.ok) return stray;
  const statement = oneOf(STATEMENT_KINDS, json.statement, 'statement');
  if (!statement.ok) return statement;
  const kind = statement.value;
  const explanation = kind === 'explanation_of_vote' || kind === 'explanation_of_position';
  let timing: StatementTiming | null = null;
  if (explanation) {
    const t = oneOf(STATEMENT_TIMINGS, json.timing, 'timing');
    if (!t.ok) return t;
    timing = t.value;
  } else if (json.timing !== undefined && json.timing !== null) return refuse('timing', 'only an explanation of vote or of position is made before or after');
  if (!Array.isArray(json.speakers) || json.speakers.length === 0) return refuse('speakers', 'name who spoke: at least one delegation or officer');
  if (json.speakers.length > RECORD_LIMITS.speakers) return refuse('speakers', `at most ${RECORD_LIMITS.speakers} speakers in one entry`);
  const speakers: Speaker[] = [];
  for (const [i, v] of json.speakers.entries()) {
    const speaker = parseSpeaker(v, `speakers.${i}`);
    if (!speaker.ok) return speaker;
    const s = speaker.value;
    if ('delegationId' in s && speakers.some((o) => 'delegationId' in o && o.delegationId === s.delegationId))
      return refuse(`speakers.${i}.delegationId`, 'this delegation is named twice');
    speakers.push(s);
  }
  let voteSeq: number | null = null;
  if (json.voteSeq !== undefined && json.voteSeq !== null) {
    if (kind !== 'explanation_of_vote') return refuse('voteSeq', 'only an explanation of vote names a vote');
    const seq = positive(json.voteSeq, 'voteSeq', Number.MAX_SAFE_INTEGER);
    if (!seq.ok) return seq;
    voteSeq = seq.value;
  }
  if (kind === 'explanation_of_vote' && voteSeq === null && at.draftId === null)
    return refuse('voteSeq', 'an explanation of vote is about a vote: name the vote, or the draft voted on');
  if ((kind === 'introduction' || kind === 'budget_implications') && at.draftId === null)
    return refuse('draftId', `${kind === 'introduction' ? 'an introduction' : 'a statement of programme budget implications'} is about a draft: name it`);
  if (kind === 'introduction' && speakers.some((s) => !('delegationId' in s))) return refuse('speakers', 'a draft is introduced by a delegation');
  const summary = textOrNull(json.summary, 'summary');
  if (!summary.ok) return summary;
  if (kind === 'chair_conclusion' && summary.value === null && at.draftId === null) return refuse('summary', "give the chair's conclusion, or the draft it concludes on");
  if (json.accepted !== undefined && typeof json.accepted !== 'boolean') return refuse('accepted', 'must be true or false');
  const accepted = json.accepted === true;
  if (accepted && kind !== 'chair_conclusion') return refuse('accepted', "only a chair's conclusion is accepted by the body");
  return ok({ kind: 'statement', ...at, statement: kind, timing, speakers, voteSeq, summary: summary.value, accepted });
}

function parseCorrection(json: Json, at: EntryBase): Result<VoteCorrectionEntry, RecordRefusal> {
  const stray = strays(json, ['kind', 'meeting', 'date', 'draftId', 'voteSeq', 'delegationId', 'intended'], '');
  if (!stray.ok) return stray;
  const voteSeq = positive(json.voteSeq, 'voteSeq', Number.MAX_SAFE_INTEGER);
  if (!voteSeq.ok) return voteSeq;
  const delegationId = id(json.delegationId, 'delegationId');
  if (!delegationId.ok) return delegationId;
  const intended = oneOf(BALLOTS, json.intended, 'intended');
  if (!intended.ok) return intended;
  return ok({ kind: 'vote_correction', ...at, voteSeq: voteSeq.value, delegationId: delegationId.value, intended: intended.value });
}

/**
 * Check an entry arriving as JSON (a request body, the demo's seed) and give it in its one
 * stored form (missing optional fields as null or empty); refused naming the field at fault.
 */
export function parseSessionRecordEntry(json: unknown): Result<SessionRecordEntry, RecordRefusal> {
  if (!isObject(json)) return refuse('', 'an entry of the session record must be an object with a "kind"');
  const kind = oneOf(SESSION_RECORD_KINDS, json.kind, 'kind');
  if (!kind.ok) return kind;
  const at = base(json);
  if (!at.ok) return at;
  if (kind.value === 'vote') return parseVote(json, at.value);
  if (kind.value === 'statement') return parseStatement(json, at.value);
  return parseCorrection(json, at.value);
}

/**
 * Check an entry against the session it is recorded in: the meeting's date within the session
 * (opens..closes) and the one the record already gives that meeting (`meetings`), and a vote named by an explanation or a correction being a vote recorded
 * earlier (`votes`: the seqs of the session's votes with their meeting). Refused naming the field.
 */
export function checkEntryInSession(
  entry: SessionRecordEntry,
  session: { opens: string; closes: string },
  votes: ReadonlyMap<number, { meeting: number; date: string }>,
  held: readonly HeldMeeting[] = [],
): Result<SessionRecordEntry, RecordRefusal> {
  const fits = checkMeeting(entry, session, held);
  if (!fits.ok) return refuse('date', fits.error);
  const voteSeq = entry.kind === 'vote' ? null : entry.voteSeq;
  if (voteSeq !== null) {
    const vote = votes.get(voteSeq);
    if (!vote) return refuse('voteSeq', `entry ${voteSeq} of the session record is not a vote`);
    if (entry.date < vote.date || (entry.date === vote.date && entry.meeting < vote.meeting)) return refuse('meeting', 'the vote named was taken after this meeting');
  }
  return ok(entry);
}

/** The delegation ids an entry names (speakers, the list of the vote, the delegation correcting its vote). */
export function delegationsNamed(entry: SessionRecordEntry): string[] {
  if (entry.kind === 'vote_correction') return [entry.delegationId];
  if (entry.kind === 'statement') return entry.speakers.flatMap((s) => ('delegationId' in s ? [s.delegationId] : []));
  return entry.roll ? [...entry.roll.yes, ...entry.roll.no, ...entry.roll.abstain] : [];
}

/** The stored payload of an entry: everything but the columns of the row (kind, meeting, date, draft). */
export function entryPayload(entry: SessionRecordEntry): Record<string, unknown> {
  const { kind: _kind, meeting: _meeting, date: _date, draftId: _draftId, ...payload } = entry;
  return payload;
}

/** An entry from its stored row's columns and payload (the inverse of `entryPayload`). */
export function entryOfRow(row: { kind: string; meeting: number; date: string; draftId: string | null; payload: Record<string, unknown> }): SessionRecordEntry {
  return { ...row.payload, kind: row.kind, meeting: row.meeting, date: row.date, draftId: row.draftId } as unknown as SessionRecordEntry;
}
