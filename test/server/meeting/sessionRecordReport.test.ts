/**
 * The session's report paragraphs over HTTP: the three recorded votes of the eleventh session
 * and their explanations, recorded through POST /api/sessions/:id/record, come back from
 * GET /api/sessions/:id/report as the report prints paras 15–20, in session order with the
 * drafts' action paragraphs and the sentence on financial implications after a draft's.
 */
import { beforeEach, expect, it } from 'vitest';
import { describeOnBackends } from '../http/backends';
import { makeDelegation } from '../../helpers/factories';
import { cop11VoteEntries, ENGLISH_VOTE_PARAGRAPHS, printedVoteParagraphs, SPEAKERS, VOTE_DEVIATIONS } from '../../helpers/cop11Votes';
import { adoptedWithoutVote, meetingWorld, type MeetingWorld } from './helpers';

await describeOnBackends('the session report', ({ server }) => {
  let w: MeetingWorld;
  let ids: Record<string, string>;
  beforeEach(async () => {
    w = await meetingWorld(server());
    ids = {};
    for (const [code, d] of Object.entries(SPEAKERS)) ids[code] = (await makeDelegation(server().store, d.name, d.kind)).id;
  });

  async function recordVotes(): Promise<void> {
    const votes: number[] = [];
    const count = cop11VoteEntries(
      () => 0,
      () => '',
    ).length;
    // Recorded one by one: each explanation names the seq its vote was given when recorded.
    for (let i = 0; i < count; i++) {
      const json = cop11VoteEntries(
        (n) => votes[n]!,
        (code) => ids[code]!,
      )[i] as { kind: string };
      const res = await w.api('secretariat', 'POST', `/api/sessions/${w.session.id}/record`, json);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      if (json.kind === 'vote') votes.push(res.body.seq);
    }
  }

  it('gives paras 15–20 of the report from the recorded votes, in Chinese and English', async () => {
    await recordVotes();
    const zh = await w.api('nonSponsor', 'GET', `/api/sessions/${w.session.id}/report?lang=zh&firstNumber=15`);
    expect(zh.status, JSON.stringify(zh.body)).toBe(200);
    const expected = printedVoteParagraphs().map((p, i) => VOTE_DEVIATIONS.filter(([para]) => para === 15 + i).reduce((text, [, from, to]) => text.replace(from, to), p));
    expect(zh.body.paragraphs.map((p: { text: string }) => p.text)).toEqual(expected.map((p, i) => `${15 + i}. ${p}`));
    expect(zh.body.paragraphs.map((p: { kind: string; meeting: number }) => [p.kind, p.meeting])).toEqual([
      ['vote', 2],
      ['statement', 2],
      ['vote', 2],
      ['statement', 2],
      ['vote', 2],
      ['statement', 2],
    ]);
    const en = await w.api('nonSponsor', 'GET', `/api/sessions/${w.session.id}/report?lang=en`);
    expect(en.body.paragraphs.map((p: { text: string }) => p.text)).toEqual(ENGLISH_VOTE_PARAGRAPHS);
    expect(en.body.pending).toEqual([{ draftId: w.draft.id, symbol: `${w.session.symbolPrefix}/L.1` }]);
  });

  it("puts the draft's action after the votes of an earlier meeting, with the President's word on financial implications after it", async () => {
    await recordVotes();
    expect((await w.issue()).status).toBe(201);
    expect((await w.record('adopted', adoptedWithoutVote)).status).toBe(201);
    const budget = await w.api('secretariat', 'POST', `/api/sessions/${w.session.id}/record`, {
      kind: 'statement',
      meeting: 11,
      date: '2022-10-21',
      draftId: w.draft.id,
      statement: 'budget_implications',
      speakers: [{ officer: { en: 'President', zh: '主席' } }],
    });
    expect(budget.status, JSON.stringify(budget.body)).toBe(201);
    const zh = await w.api('nonSponsor', 'GET', `/api/sessions/${w.session.id}/report?lang=zh`);
    const last = zh.body.paragraphs.at(-1);
    expect(zh.body.paragraphs).toHaveLength(7);
    expect(last).toMatchObject({ kind: 'action', meeting: 11, draftId: w.draft.id, seqs: [budget.body.seq] });
    expect(last.text).toMatch(/^缔约方会议在 2022 年 10 月 21 日第 11 次会议上通过了一项决议草案（.*L\.1），提案国是智利。/);
    expect(last.text).toMatch(/在通过该决议之前，主席告知缔约方会议，该决议不涉及财务问题。$/);
    const en = await w.api('nonSponsor', 'GET', `/api/sessions/${w.session.id}/report?lang=en`);
    expect(en.body.paragraphs.at(-1).text).toMatch(/Before the resolution was adopted, the President informed the Conference that it had no financial implications\.$/);
    expect(zh.body.pending).toEqual([]);
    // The draft's own paragraph, as the console copies it, says the same, with the record's paragraphs about it.
    const conclusion = await w.api('secretariat', 'POST', `/api/sessions/${w.session.id}/record`, {
      kind: 'statement',
      meeting: 11,
      date: '2022-10-21',
      draftId: w.draft.id,
      statement: 'chair_conclusion',
      speakers: [{ officer: { en: 'President', zh: '主席' } }],
      summary: { en: 'the resolution would be transmitted to the General Assembly', zh: '该决议将转交大会' },
      accepted: true,
    });
    expect(conclusion.status, JSON.stringify(conclusion.body)).toBe(201);
    const own = await w.api('nonSponsor', 'GET', w.draftPath('/report-paragraph?lang=en'));
    expect(own.status).toBe(200);
    expect(own.body.paragraph).toBe(en.body.paragraphs.at(-1).text);
    expect(own.body.standalone).toBe(own.body.paragraph);
    expect(own.body.related).toEqual([
      {
        kind: 'conclusion',
        seqs: [conclusion.body.seq],
        text: 'The President concluded that the resolution would be transmitted to the General Assembly, which the Conference accepted.',
      },
    ]);
  });

  it('answers 404 for an unknown session and 400 for a language it does not write', async () => {
    expect((await w.api('nonSponsor', 'GET', '/api/sessions/no-such-session/report')).status).toBe(404);
    expect((await w.api('nonSponsor', 'GET', `/api/sessions/${w.session.id}/report?lang=de`)).status).toBe(400);
  });
});
