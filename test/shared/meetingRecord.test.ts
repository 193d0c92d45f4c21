import { describe, expect, it } from 'vitest';
import type { RecordRefusal, SessionRecordEntry, VoteEntry } from '../../shared/meetingRecord';
import { parseSessionRecordEntry } from '../../shared/meetingRecordParse';
import { checkEntryInSession, delegationsNamed, entryOfRow, entryPayload } from '../../shared/meetingRecordStore';

const t = (en: string, zh: string) => ({ en, zh });
const at = { meeting: 2, date: '2022-10-17' };
const procedural = {
  kind: 'vote',
  ...at,
  subject: 'procedural',
  question: t('whether the matter could be considered procedural', '这一事项可否视为程序事项'),
  rulesRecalled: [57, 61, 63, 64, 65],
  votedUnder: [61],
  majorityUnder: [63],
  yes: 63,
  no: 15,
  abstain: 25,
  majority: 'two-thirds',
  twoThirds: 'more-than',
};

function parsed(json: unknown): SessionRecordEntry {
  const r = parseSessionRecordEntry(json);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.value;
}
function refused(json: unknown): RecordRefusal {
  const r = parseSessionRecordEntry(json);
  if (r.ok) throw new Error(`expected a refusal of ${JSON.stringify(json)}`);
  return r.error;
}

describe('parseSessionRecordEntry: votes', () => {
  it('takes a procedural vote with its rules, counts, majority and rounding, filling what is optional', () => {
    expect(parsed(procedural)).toEqual({
      ...procedural,
      draftId: null,
      paragraph: null,
      roll: null,
      wording: null,
    });
  });

  it('takes a simple majority without a rounding rule, and refuses one given', () => {
    const simple = { ...procedural, majority: 'simple', twoThirds: undefined };
    expect(parsed(simple)).toMatchObject({ majority: 'simple', twoThirds: null, rulesRecalled: [57, 61, 63, 64, 65] });
    expect(refused({ ...simple, twoThirds: 'at-least' }).field).toBe('twoThirds');
  });

  it('refuses two thirds without saying how it was rounded', () => {
    expect(refused({ ...procedural, twoThirds: undefined })).toMatchObject({ field: 'twoThirds' });
    expect(refused({ ...procedural, twoThirds: 'about' }).message).toMatch(/at-least/);
  });

  it('names the field at fault: counts, rules, dates, meeting, unknown fields', () => {
    expect(refused({ ...procedural, no: -1 }).field).toBe('no');
    expect(refused({ ...procedural, abstain: 2.5 }).field).toBe('abstain');
    expect(refused({ ...procedural, yes: '63' }).field).toBe('yes');
    expect(refused({ ...procedural, votedUnder: [61, 61] }).field).toBe('votedUnder.1');
    expect(refused({ ...procedural, majorityUnder: [0] }).field).toBe('majorityUnder.0');
    expect(refused({ ...procedural, date: '2022-02-30' }).field).toBe('date');
    expect(refused({ ...procedural, meeting: 0 }).field).toBe('meeting');
    expect(refused({ ...procedural, outcome: 'carried' })).toEqual({ field: 'outcome', message: 'unknown field "outcome"' });
    expect(refused({ ...procedural, kind: 'rumour' }).field).toBe('kind');
    expect(refused({ ...procedural, question: t('  ', '是') }).field).toBe('question.en');
    expect(refused({ ...procedural, question: t('a\u202eb', '是') }).field).toBe('question.en');
    expect(refused(null).field).toBe('');
  });

  it('ties a vote on an amendment or a paragraph to a draft, and a separate vote to its paragraph', () => {
    expect(refused({ ...procedural, subject: 'amendment' }).field).toBe('draftId');
    expect(refused({ ...procedural, subject: 'separate', draftId: 'd1' }).field).toBe('paragraph');
    expect(parsed({ ...procedural, subject: 'separate', draftId: 'd1', paragraph: ' OP 3 ' })).toMatchObject({ draftId: 'd1', paragraph: 'OP 3' });
  });

  it('takes a country-by-country list that matches the counts, and refuses one that does not', () => {
    const small = { ...procedural, yes: 2, no: 1, abstain: 0 };
    expect(parsed({ ...small, roll: { yes: ['FRA', 'CHL'], no: ['RUS'], abstain: [] } })).toMatchObject({ roll: { yes: ['FRA', 'CHL'], no: ['RUS'], abstain: [] } });
    expect(refused({ ...small, roll: { yes: ['FRA'], no: ['RUS'], abstain: [] } })).toEqual({ field: 'roll.yes', message: 'the list names 1 but the count is 2' });
    expect(refused({ ...small, roll: { yes: ['FRA', 'RUS'], no: ['RUS'], abstain: [] } })).toMatchObject({ field: 'roll.no.0', message: expect.stringMatching(/listed twice/) });
    expect(refused({ ...small, roll: { yes: ['FRA', 'CHL'], no: ['RUS'] } }).field).toBe('roll.abstain');
    expect(refused({ ...small, roll: { yes: ['FRA', 'CHL'], no: ['RUS'], abstain: [], absent: [] } }).field).toBe('roll');
    expect(refused({ ...small, roll: 'FRA' }).field).toBe('roll');
    expect(refused({ ...small, roll: { yes: ['FRA', 'CHL'], no: ['R/S'], abstain: [] } }).field).toBe('roll.no.0');
  });

  it('takes its texts in any of the six languages, at least one, trimmed; refuses another language or a blank one', () => {
    const question = { fr: ' si la question pouvait être considérée comme une question de procédure ', ar: 'ما إذا كان يمكن اعتبار المسألة مسألة إجرائية' };
    expect((parsed({ ...procedural, question }) as VoteEntry).question).toEqual({
      fr: 'si la question pouvait être considérée comme une question de procédure',
      ar: 'ما إذا كان يمكن اعتبار المسألة مسألة إجرائية',
    });
    expect(refused({ ...procedural, question: {} })).toEqual({ field: 'question', message: 'must be given in at least one of ar, zh, en, fr, ru, es' });
    expect(refused({ ...procedural, question: { de: 'ob die Frage verfahrensrechtlicher Natur ist' } })).toMatchObject({ field: 'question.de' });
    expect(refused({ ...procedural, question: { en: 'whether', es: '  ' } })).toMatchObject({ field: 'question.es' });
    expect(refused({ ...procedural, question: { ru: 7 } })).toEqual({ field: 'question.ru', message: 'must be a text' });
  });

  it("keeps the report's own words, refusing a wording without what was voted on", () => {
    const wording = { votedOn: t('voted on it', '就此进行了表决'), question: null, decided: t('it was decided', '因而决定') };
    expect(parsed({ ...procedural, wording })).toMatchObject({ wording });
    expect(refused({ ...procedural, wording: { question: null } }).field).toBe('wording.votedOn');
  });
});

describe('parseSessionRecordEntry: statements and corrections', () => {
  const explanation = { kind: 'statement', ...at, statement: 'explanation_of_vote', timing: 'after', speakers: [{ delegationId: 'RUS' }], voteSeq: 1 };

  it('takes an explanation of vote on a vote of the record', () => {
    expect(parsed(explanation)).toEqual({ ...explanation, draftId: null, speakers: [{ delegationId: 'RUS', asNamed: null }], summary: null, accepted: false });
  });

  it('wants an explanation to say before or after, and to be about a vote or a draft', () => {
    expect(refused({ ...explanation, timing: undefined }).field).toBe('timing');
    expect(refused({ ...explanation, voteSeq: undefined }).field).toBe('voteSeq');
    expect(parsed({ ...explanation, voteSeq: undefined, draftId: 'd1' })).toMatchObject({ voteSeq: null, draftId: 'd1' });
  });

  it('wants speakers, each a delegation named once or an officer', () => {
    expect(refused({ ...explanation, speakers: [] }).field).toBe('speakers');
    expect(refused({ ...explanation, speakers: [{ delegationId: 'RUS' }, { delegationId: 'RUS' }] }).field).toBe('speakers.1.delegationId');
    expect(refused({ ...explanation, speakers: [{ name: 'Russia' }] }).field).toBe('speakers.0.name');
    expect(refused({ ...explanation, speakers: [{}] }).field).toBe('speakers.0.delegationId');
    const officer = parsed({ kind: 'statement', ...at, draftId: 'd1', statement: 'budget_implications', speakers: [{ officer: t('President', '主席') }] });
    expect(officer).toMatchObject({ speakers: [{ officer: t('President', '主席') }], timing: null, summary: null });
  });

  it('ties an introduction and budget implications to a draft, and only a conclusion is accepted', () => {
    const intro = { kind: 'statement', ...at, statement: 'introduction', speakers: [{ delegationId: 'CHL' }] };
    expect(refused(intro).field).toBe('draftId');
    expect(refused({ ...intro, draftId: 'd1', speakers: [{ officer: t('President', '主席') }] }).field).toBe('speakers');
    expect(refused({ ...intro, draftId: 'd1', accepted: true }).field).toBe('accepted');
    expect(refused({ ...intro, draftId: 'd1', timing: 'before' }).field).toBe('timing');
    expect(refused({ ...explanation, statement: 'explanation_of_position' }).field).toBe('voteSeq');
    const conclusion = { kind: 'statement', ...at, statement: 'chair_conclusion', speakers: [{ officer: t('President', '主席') }], accepted: true };
    expect(refused(conclusion).field).toBe('summary');
    expect(parsed({ ...conclusion, draftId: 'd1' })).toMatchObject({ accepted: true, summary: null });
  });

  it('takes a correction of vote naming the vote, the delegation and what it intended', () => {
    const correction = { kind: 'vote_correction', meeting: 3, date: '2022-10-18', voteSeq: 1, delegationId: 'TUR', intended: 'yes' };
    expect(parsed(correction)).toEqual({ ...correction, draftId: null });
    expect(refused({ ...correction, intended: 'maybe' }).field).toBe('intended');
    expect(refused({ ...correction, voteSeq: 0 }).field).toBe('voteSeq');
    expect(delegationsNamed(parsed(correction))).toEqual(['TUR']);
  });
});

describe('an entry in its session', () => {
  const session = { opens: '2022-10-17', closes: '2022-10-21' };
  const votes = new Map([[1, { meeting: 2, date: '2022-10-17' }]]);

  it('is dated within the session, and names a vote taken before it', () => {
    expect(checkEntryInSession(parsed(procedural), session, votes).ok).toBe(true);
    expect(checkEntryInSession(parsed({ ...procedural, date: '2022-10-22' }), session, votes)).toMatchObject({ ok: false, error: { field: 'date' } });
    const correction = (voteSeq: number, meeting: number, date: string) => parsed({ kind: 'vote_correction', meeting, date, voteSeq, delegationId: 'TUR', intended: 'no' });
    expect(checkEntryInSession(correction(1, 2, '2022-10-17'), session, votes).ok).toBe(true);
    expect(checkEntryInSession(correction(2, 3, '2022-10-18'), session, votes)).toMatchObject({ ok: false, error: { field: 'voteSeq' } });
    expect(checkEntryInSession(correction(1, 1, '2022-10-17'), session, votes)).toMatchObject({ ok: false, error: { field: 'meeting' } });
  });

  it('keeps one date for a meeting', () => {
    const meetings = [{ meeting: 2, date: '2022-10-17' }];
    expect(checkEntryInSession(parsed(procedural), session, votes, meetings).ok).toBe(true);
    expect(checkEntryInSession(parsed({ ...procedural, date: '2022-10-18' }), session, votes, meetings)).toEqual({
      ok: false,
      error: { field: 'date', message: 'the 2nd meeting was held on 17 October 2022 (the record says so already), not on 18 October 2022' },
    });
  });

  it('round-trips through its stored payload and columns', () => {
    for (const json of [procedural, { kind: 'vote_correction', ...at, voteSeq: 1, delegationId: 'TUR', intended: 'abstain' }]) {
      const e = parsed(json);
      const payload = JSON.parse(JSON.stringify(entryPayload(e))) as Record<string, unknown>;
      expect(payload.kind).toBeUndefined();
      expect(entryOfRow({ kind: e.kind, meeting: e.meeting, date: e.date, draftId: e.draftId, payload })).toEqual(e);
      expect(parsed(entryOfRow({ kind: e.kind, meeting: e.meeting, date: e.date, draftId: e.draftId, payload }))).toEqual(e);
    }
  });

  it('lists the delegations a vote names in its list', () => {
    expect(delegationsNamed(parsed({ ...procedural, yes: 1, no: 1, abstain: 1, roll: { yes: ['A'], no: ['B'], abstain: ['C'] } }))).toEqual(['A', 'B', 'C']);
    expect(delegationsNamed(parsed(procedural))).toEqual([]);
  });
});
