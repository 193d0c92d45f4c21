/**
 * The validator every writer of the session record calls first (a request body, the demo's
 * seed): an entry arriving as JSON checked kind by kind — a vote, a statement, a correction of
 * vote — and given in its one stored form, or refused naming the field at fault. Only what the
 * entry says of itself is checked here; against the session and the store, see
 * shared/meetingRecordStore.ts and server/commands/sessionRecorder.ts.
 */
import {
  type StatementTiming,
  type SessionRecordEntry,
  type Speaker,
  type StatementEntry,
  type VoteCorrectionEntry,
  type VoteEntry,
  type VoteWording,
  type EntryBase,
  type RecordRefusal,
  RECORD_LIMITS,
  SESSION_RECORD_KINDS,
  STATEMENT_KINDS,
  STATEMENT_TIMINGS,
  VOTE_SUBJECTS,
} from './meetingRecord';
import { base, id, isObject, type Json, oneOf, positive, refuse, rules, strays, text, textOrNull } from './meetingRecordFields';
import { ok, type Result } from './result';
import { checkVisibleText } from './visibleText';
import { BALLOTS, checkRollCall, MAJORITIES, parseTwoThirdsRule, type RollCall, type TwoThirdsRule, checkVoteCounts } from './votes';

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
  if (!isObject(v)) return refuse(field, 'must be { "delegationId" } or { "officer": { "en": …, "fr": … } }');
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
