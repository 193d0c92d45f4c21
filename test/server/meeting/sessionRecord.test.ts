/**
 * The session record over HTTP: the secretariat records procedural votes, statements and
 * corrections of vote under /api/sessions/:id/record; everyone signed in reads it; every
 * refusal is 422 session_record_invalid naming the field, 403 for anyone but the secretariat,
 * and nothing is stored by a refused request.
 */
import { beforeEach, expect, it } from 'vitest';
import { describeOnBackends } from '../http/backends';
import { makeSession } from '../../helpers/factories';
import { call } from '../../helpers/server';
import { meetingWorld, type MeetingWorld } from './helpers';

const t = (en: string, zh: string) => ({ en, zh });
const at = { meeting: 2, date: '2022-10-17' };
const vote = {
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

await describeOnBackends('the session record', ({ server }) => {
  let w: MeetingWorld;
  let path: string;
  beforeEach(async () => {
    w = await meetingWorld(server(), null);
    path = `/api/sessions/${w.session.id}/record`;
  });

  const stored = async () => (await server().store.listSessionRecord(w.session.id)).length;

  it('records a procedural vote with its count derived, explanations and a correction beside it; everyone reads it', async () => {
    const first = await w.api('secretariat', 'POST', path, vote);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      seq: 1,
      kind: 'vote',
      meeting: 2,
      draftId: null,
      votedUnder: [61],
      majorityUnder: [63],
      count: { presentAndVoting: 78, required: 53, carried: true, majority: 'two-thirds', rule: 'more-than', margin: 'exceeded' },
      corrections: [],
      recordedBy: { id: w.users.secretariat.id },
    });
    const explanation = await w.api('secretariat', 'POST', path, {
      kind: 'statement',
      ...at,
      statement: 'explanation_of_vote',
      timing: 'after',
      voteSeq: 1,
      speakers: [{ delegationId: w.delegations.other.id }, { delegationId: w.delegations.main.id }],
    });
    expect(explanation.status, JSON.stringify(explanation.body)).toBe(201);
    expect(explanation.body).toMatchObject({
      seq: 2,
      statement: 'explanation_of_vote',
      voteSeq: 1,
      speakers: [{ delegationId: w.delegations.other.id }, { delegationId: w.delegations.main.id }],
    });
    const otherDay = await w.api('secretariat', 'POST', path, { ...vote, date: '2022-10-18' });
    expect([otherDay.status, otherDay.body.error.details.field]).toEqual([422, 'date']); // the 2nd meeting was on the 17th
    const correction = await w.api('secretariat', 'POST', path, {
      kind: 'vote_correction',
      meeting: 3,
      date: '2022-10-18',
      voteSeq: 1,
      delegationId: w.delegations.third.id,
      intended: 'yes',
    });
    expect(correction.status, JSON.stringify(correction.body)).toBe(201);

    const read = await w.api('nonSponsor', 'GET', path);
    expect(read.status).toBe(200);
    expect(read.body.entries.map((e: { seq: number; kind: string }) => [e.seq, e.kind])).toEqual([
      [1, 'vote'],
      [2, 'statement'],
      [3, 'vote_correction'],
    ]);
    // The correction sits beside the vote and leaves its count as it was.
    expect(read.body.entries[0].corrections).toEqual([{ seq: 3, meeting: 3, date: '2022-10-18', delegationId: w.delegations.third.id, intended: 'yes' }]);
    expect(read.body.entries[0]).toMatchObject({ yes: 63, no: 15, abstain: 25, count: { carried: true, required: 53 } });
    expect(read.body.delegations.map((d: { id: string }) => d.id).sort()).toEqual([w.delegations.main.id, w.delegations.other.id, w.delegations.third.id].sort());
  });

  it('refuses bad entries with 422 naming the field, and stores nothing', async () => {
    const refusals: [unknown, string][] = [
      [{ ...vote, no: -1 }, 'no'],
      [{ ...vote, twoThirds: undefined }, 'twoThirds'],
      [{ ...vote, date: '2022-10-25' }, 'date'],
      [{ ...vote, draftId: 'no-such-draft' }, 'draftId'],
      [{ ...vote, yes: 1, no: 0, abstain: 0, roll: { yes: ['no-such-delegation'], no: [], abstain: [] } }, 'roll.yes.0'],
      [{ kind: 'statement', ...at, statement: 'explanation_of_vote', timing: 'after', voteSeq: 7, speakers: [{ delegationId: w.delegations.main.id }] }, 'voteSeq'],
      [{ kind: 'statement', ...at, statement: 'explanation_of_vote', timing: 'after', voteSeq: 1, speakers: [{ delegationId: 'nobody' }] }, 'speakers.0.delegationId'],
      [{ kind: 'statement', ...at, statement: 'introduction', speakers: [{ delegationId: w.delegations.main.id }] }, 'draftId'],
      [{ ...vote, question: t('<b>x</b>\u0000', '是') }, 'question.en'],
      [{ kind: 'gossip' }, 'kind'],
      [[1, 2], ''],
    ];
    for (const [body, field] of refusals) {
      const res = await w.api('secretariat', 'POST', path, body);
      expect([res.status, res.body.error?.id, res.body.error?.details?.field], JSON.stringify(body)).toEqual([422, 'session_record_invalid', field]);
    }
    expect(await stored()).toBe(0);
    // A statement tied to a draft of another session is refused too.
    const { session: other } = await makeSession(server().store);
    const elsewhere = await w.api('secretariat', 'POST', `/api/sessions/${other.id}/record`, { ...vote, subject: 'amendment', draftId: w.draft.id });
    expect([elsewhere.status, elsewhere.body.error.details.field]).toEqual([422, 'draftId']);
    expect((await w.api('secretariat', 'POST', '/api/sessions/no-such-session/record', vote)).status).toBe(404);
    expect(await stored()).toBe(0);
  });

  it('lets only the secretariat record, and nobody signed out read', async () => {
    for (const who of ['chair', 'sponsor', 'nonSponsor'] as const) {
      const res = await w.api(who, 'POST', path, vote);
      expect([res.status, res.body.error.id], who).toEqual([403, 'forbidden']);
      // Tied to their own draft, still the secretariat's.
      const tied = await w.api(who, 'POST', path, {
        kind: 'statement',
        ...at,
        draftId: w.draft.id,
        statement: 'introduction',
        speakers: [{ delegationId: w.delegations.main.id }],
      });
      expect(tied.status, who).toBe(403);
    }
    expect(await stored()).toBe(0);
    expect((await call(server(), 'GET', path)).status).toBe(401);
    const intro = await w.api('secretariat', 'POST', path, {
      kind: 'statement',
      ...at,
      draftId: w.draft.id,
      statement: 'introduction',
      speakers: [{ delegationId: w.delegations.main.id }],
      summary: t('He thanked the co-sponsors.', '他感谢共同提案国。'),
    });
    expect(intro.status, JSON.stringify(intro.body)).toBe(201);
    expect(intro.body.summary).toEqual(t('He thanked the co-sponsors.', '他感谢共同提案国。'));
  });

  it('gives concurrent writers seqs without gaps', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => w.api('secretariat', 'POST', path, { ...vote, yes: 60 + i })));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(results.map((r) => r.body.seq).sort((a: number, b: number) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('audits each entry recorded', async () => {
    await w.api('secretariat', 'POST', path, vote);
    const entries = await server().store.listAudit({ limit: 20 });
    expect(entries.some((e) => e.target === `session:${w.session.id}` && (e.detail as { type?: string }).type === 'session_record.vote')).toBe(true);
  });
});
