import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FinalAction } from '../../shared/lifecycle';
import type { SessionRecordEntry, StatementEntry, VoteEntry } from '../../shared/meetingRecord';
import { parseSessionRecordEntry } from '../../shared/meetingRecordParse';
import type { SessionReportContext } from '../../shared/reportContext';
import { sessionReport, type DraftItem, type RecordItem } from '../../shared/reportMeeting';
import { conclusionParagraph } from '../../shared/reportStatement';
import { voteParagraph } from '../../shared/reportVote';
import type { ActionParagraphInput } from '../../shared/reportActionFacts';
import { CONFERENCE, ENGLISH, EXTRA, houseStyle, L9_TITLE_EN, PRINTED } from '../fixtures/cop11Report';
import { cop11VoteEntries, ENGLISH_VOTE_PARAGRAPHS, printedVoteParagraphs, SPEAKERS, VOTE_DEVIATIONS } from '../helpers/cop11Votes';

const t = (en: string, zh: string) => ({ en, zh });
const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const entry = (json: unknown): SessionRecordEntry => value(parseSessionRecordEntry(json));

const ctx: SessionReportContext = {
  body: CONFERENCE,
  delegations: new Map(Object.entries(SPEAKERS).map(([code, d]) => [code, { name: d.name, kind: d.kind }])),
};

/** The seed's votes and explanations as a record: seqs 1…7, the votes at 1, 4 and 6. */
function voteRecord(): RecordItem[] {
  const votes = [1, 4, 6];
  return cop11VoteEntries(
    (n) => votes[n]!,
    (code) => code,
  ).map((json, i) => ({ seq: i + 1, entry: entry(json) }));
}

describe('the three recorded votes of the eleventh session (paras 15–20)', () => {
  const printed = printedVoteParagraphs();

  it('reads the six paragraphs from the report, and each deviation is where it says', () => {
    expect(printed).toHaveLength(6);
    for (const [para, from] of VOTE_DEVIATIONS) expect(printed[para - 15]).toContain(from);
  });

  it('writes them in Chinese as the report prints them, in house style', () => {
    const expected = printed.map((p, i) => VOTE_DEVIATIONS.filter(([para]) => para === 15 + i).reduce((text, [, from, to]) => text.replace(from, to), p));
    const paragraphs = value(sessionReport(voteRecord(), [], ctx, 'zh'));
    expect(paragraphs.map((p) => p.text)).toEqual(expected);
    expect(paragraphs.map((p) => [p.kind, p.seqs])).toEqual([
      ['vote', [1]],
      ['statement', [2, 3]],
      ['vote', [4]],
      ['statement', [5]],
      ['vote', [6]],
      ['statement', [7]],
    ]);
  });

  it('writes them in English in the report style', () => {
    expect(value(sessionReport(voteRecord(), [], ctx, 'en')).map((p) => p.text)).toEqual(ENGLISH_VOTE_PARAGRAPHS);
  });

  it('numbers the paragraphs when asked', () => {
    const numbered = value(sessionReport(voteRecord(), [], ctx, 'zh', { firstNumber: 15 }));
    expect(numbered.map((p) => p.text.split('. ')[0])).toEqual(['15', '16', '17', '18', '19', '20']);
  });
});

const vote = (more: Record<string, unknown> = {}) =>
  entry({
    kind: 'vote',
    meeting: 4,
    date: '2022-10-18',
    subject: 'procedural',
    question: t('whether to close the debate', '是否结束辩论'),
    yes: 40,
    no: 20,
    abstain: 0,
    majority: 'two-thirds',
    twoThirds: 'at-least',
    ...more,
  }) as VoteEntry;

describe('any vote', () => {
  it('words a lone vote without a series word, with the default question and outcome, and counts it', () => {
    expect(value(voteParagraph(vote(), 'only', ctx, 'zh'))).toBe(
      '在第 4 次会议上，缔约方会议就是否结束辩论进行了表决。40 个缔约国投了赞成票，20 个投了反对票，0 个弃权。因此，在出席并参加表决的 60 个缔约国中，赞成票达到了三分之二多数 40 票，该提议获得通过。',
    );
    expect(value(voteParagraph(vote(), 'only', ctx, 'en'))).toBe(
      'At its 4th meeting, the Conference voted on whether to close the debate. 40 States voted in favour, 20 against and none abstained. Of the 60 States present and voting, the votes in favour reached the two-thirds majority of 40, and the proposal was carried.',
    );
  });

  it('follows the count: under "more than two thirds" 40 of 60 falls short, and a failed amendment is rejected', () => {
    const strict = vote({ twoThirds: 'more-than', subject: 'amendment', draftId: 'd1', question: t('the amendment to OP 3', '对执行部分第 3 段的修正案') });
    expect(value(voteParagraph(strict, 'only', ctx, 'zh'))).toContain('赞成票未达到三分之二多数 41 票，该修正案被否决。');
    expect(value(voteParagraph(strict, 'only', ctx, 'en'))).toContain('fell short of the two-thirds majority of 41, and the amendment was rejected.');
    const separate = vote({ subject: 'separate', draftId: 'd1', paragraph: 'OP 3', majority: 'simple', twoThirds: null, yes: 10, no: 30 });
    expect(value(voteParagraph(separate, 'only', ctx, 'en'))).toContain('fell short of the simple majority of 21, and the paragraph was deleted.');
  });

  it('prints the country-by-country list in English alphabetical order, and a correction beside the vote without changing it', () => {
    const listed = vote({ yes: 2, no: 1, abstain: 0, majority: 'simple', twoThirds: null, roll: { yes: ['RUS', 'CUB'], no: ['EU'], abstain: [] } });
    const correction = entry({ kind: 'vote_correction', meeting: 5, date: '2022-10-19', voteSeq: 1, delegationId: 'ARM', intended: 'yes' });
    const record = [
      { seq: 1, entry: listed },
      { seq: 2, entry: correction },
    ];
    const [en] = value(sessionReport(record, [], ctx, 'en'));
    expect(en!.text).toContain('The voting was as follows: In favour: Cuba, Russian Federation; Against: European Union; Abstaining: None.');
    expect(en!.text).toMatch(/At the 5th meeting, the delegation of Armenia indicated that it had intended to vote in favour\.$/);
    expect(en!.text).toContain('2 States voted in favour, 1 against');
    expect(en!.seqs).toEqual([1, 2]);
    const [zh] = value(sessionReport(record, [], ctx, 'zh'));
    expect(zh!.text).toContain('表决情况如下：赞成：古巴、俄罗斯联邦；反对：欧洲联盟；弃权：无。在第 5 次会议上，亚美尼亚代表团表示，其本打算投赞成票。');
  });

  it('orders votes by meeting whatever the record order, each meeting its own series', () => {
    const record = [
      { seq: 1, entry: vote({ meeting: 6, date: '2022-10-19' }) },
      { seq: 2, entry: vote() },
      { seq: 3, entry: vote() },
    ];
    const zh = value(sessionReport(record, [], ctx, 'zh')).map((p) => p.text.split('。')[0]);
    expect(zh).toEqual([
      '在第 4 次会议上，缔约方会议首先就是否结束辩论进行了表决',
      '最后，缔约方会议就是否结束辩论进行了表决',
      '在第 6 次会议上，缔约方会议就是否结束辩论进行了表决',
    ]);
  });
});

// The drafts of the session as the report section tests build them.
const session = JSON.parse(readFileSync(new URL('../../server/demo/fixtures/cop11-session.json', import.meta.url), 'utf8'));
function draftInput(symbol: string, extra: Partial<ActionParagraphInput> = EXTRA[symbol] ?? {}): ActionParagraphInput {
  const fact = session.drafts.find((d: { symbol: string }) => d.symbol === symbol);
  const a = fact.action;
  const action: FinalAction =
    a.type === 'deferred'
      ? { type: 'deferred', meeting: a.meeting, date: a.date, decidedBy: a.decidedBy, toSession: null, noAction: a.noAction, annexedToReport: a.annexedToReport }
      : {
          type: 'adopted',
          meeting: a.meeting,
          date: a.date,
          vote: { kind: 'without_vote' },
          orallyAmended: a.orallyAmended === true,
          becomes: { kind: a.becomes.split(' ')[0], number: a.becomes.split(' ')[1] },
        };
  return {
    body: CONFERENCE,
    symbol,
    kind: fact.kind,
    title: { en: symbol.includes('L.9') ? L9_TITLE_EN : '', zh: fact.title.zh },
    submittedBy: fact.submittedBy ?? null,
    sponsors: (fact.sponsors ?? []).map((s: { en: string; zh: string; onBehalfOf?: unknown }) => ({ name: { en: s.en, zh: s.zh }, onBehalfOf: s.onBehalfOf ?? null })),
    action,
    printedIn: { chapter: 1, section: fact.kind === 'resolution' ? 'A' : 'B' },
    session: 11,
    agendaItem: fact.agendaItem,
    ...extra,
  };
}
const printedOf = (symbol: string) => houseStyle(PRINTED.find((p) => p.symbol === symbol)!);
const PRESIDENT = { officer: t('President', '主席') };
const L9 = 'CTOC/COP/2022/L.9/Rev.1';
const L3 = 'CTOC/COP/2022/L.3/Rev.1';
const L2 = 'CTOC/COP/2022/L.2/Rev.1';

describe('the drafts woven with the record', () => {
  const report = readFileSync(new URL('../../bench/fixtures/cop11-report.zh.txt', import.meta.url), 'utf8');
  const conclusion = entry({
    kind: 'statement',
    meeting: 11,
    date: '2022-10-21',
    draftId: 'l9',
    statement: 'chair_conclusion',
    speakers: [PRESIDENT],
    accepted: true,
  }) as StatementEntry;

  it("L.9/Rev.1: the deferral and the chair's conclusion as two paragraphs, as the report prints them (paras 50 and 62)", () => {
    const drafts: DraftItem[] = [{ draftId: 'l9', input: draftInput(L9) }];
    const zh = value(sessionReport([{ seq: 1, entry: conclusion }], drafts, ctx, 'zh'));
    const para62 = /^62\. (.*)$/m.exec(report)![1]!;
    expect(zh.map((p) => [p.kind, p.text])).toEqual([
      ['action', printedOf(L9)],
      ['conclusion', para62],
    ]);
    const en = value(sessionReport([{ seq: 1, entry: conclusion }], drafts, ctx, 'en'));
    expect(en.map((p) => p.text)).toEqual([
      ENGLISH[L9]!.replace(/ The Conference took no action.*$/, ''),
      'The President concluded that the revised draft decision (CTOC/COP/2022/L.9/Rev.1) would not be considered, that no action would be taken on it and that its text would be annexed to the report of the Conference on its eleventh session, which the Conference accepted (see annex).',
    ]);
    // Without the conclusion, the deferral's paragraph says what followed in one sentence.
    expect(value(sessionReport([], drafts, ctx, 'en'))[0]!.text).toBe(ENGLISH[L9]);
  });

  it('L.3/Rev.1: the President on financial implications is the sentence after the paragraph (para. 142), and L.2/Rev.1 keeps its remark', () => {
    const budget = entry({ kind: 'statement', meeting: 11, date: '2022-10-21', draftId: 'l3', statement: 'budget_implications', speakers: [PRESIDENT] });
    const { remarks: _, ...l3Extra } = EXTRA[L3]!;
    const drafts: DraftItem[] = [
      { draftId: 'l2', input: draftInput(L2) },
      { draftId: 'l3', input: draftInput(L3, l3Extra) },
    ];
    const zh = value(sessionReport([{ seq: 9, entry: budget }], drafts, ctx, 'zh'));
    expect(zh.map((p) => p.text)).toEqual([printedOf(L2), printedOf(L3)]);
    expect(zh[1]!.seqs).toEqual([9]);
    const en = value(sessionReport([{ seq: 9, entry: budget }], drafts, ctx, 'en'));
    expect(en.map((p) => p.text)).toEqual([ENGLISH[L2], ENGLISH[L3]]);
  });

  it("puts a draft's introduction and explanations before its action, explanations after and the conclusion after it", () => {
    const at = { meeting: 11, date: '2022-10-21', draftId: 'l9' };
    const record: RecordItem[] = [
      { seq: 1, entry: entry({ kind: 'statement', ...at, statement: 'explanation_of_position', timing: 'after', speakers: [{ delegationId: 'CHN' }] }) },
      {
        seq: 2,
        entry: entry({ kind: 'statement', ...at, statement: 'introduction', speakers: [{ delegationId: 'CUB' }], summary: t('He thanked the co-sponsors.', '他感谢共同提案国。') }),
      },
      { seq: 3, entry: conclusion },
      { seq: 4, entry: entry({ kind: 'statement', ...at, statement: 'explanation_of_position', timing: 'before', speakers: [{ delegationId: 'EU' }, { delegationId: 'ARM' }] }) },
    ];
    const en = value(sessionReport(record, [{ draftId: 'l9', input: draftInput(L9) }], ctx, 'en'));
    // Whatever order they were recorded in: what came before the action, the action, what followed.
    expect(en.map((p) => [p.kind, p.seqs])).toEqual([
      ['introduction', [2]],
      ['statement', [4]],
      ['action', []],
      ['statement', [1]],
      ['conclusion', [3]],
    ]);
    expect(en[3]!.text).toBe('The representative of China made a statement in explanation of position after action was taken.');
    expect(en[0]!.text).toBe('The representative of Cuba introduced the revised draft decision (CTOC/COP/2022/L.9/Rev.1). He thanked the co-sponsors.');
    expect(en[1]!.text).toBe('The representatives of the European Union and Armenia made statements in explanation of position before action was taken.');
    const zh = value(sessionReport(record, [{ draftId: 'l9', input: draftInput(L9) }], ctx, 'zh'));
    expect(zh[0]!.text).toBe('古巴代表介绍了决定修订草案（CTOC/COP/2022/L.9/Rev.1）。他感谢共同提案国。');
  });

  it('keeps the drafts of a meeting in their order around a draft whose entries the record holds', () => {
    const drafts: DraftItem[] = [
      { draftId: 'l4', input: draftInput('CTOC/COP/2022/L.4') },
      { draftId: 'l9', input: draftInput(L9) },
      { draftId: 'l2', input: draftInput(L2) },
    ];
    const record: RecordItem[] = [
      ...voteRecord(),
      {
        seq: 8,
        entry: entry({
          kind: 'statement',
          meeting: 11,
          date: '2022-10-21',
          draftId: 'l9',
          statement: 'explanation_of_position',
          timing: 'after',
          speakers: [{ delegationId: 'CHN' }],
        }),
      },
      { seq: 9, entry: conclusion },
    ];
    const paragraphs = value(sessionReport(record, drafts, ctx, 'en'));
    expect(paragraphs.slice(6).map((p) => [p.kind, p.symbol ?? p.draftId])).toEqual([
      ['action', 'CTOC/COP/2022/L.4'],
      ['action', L9],
      ['statement', L9],
      ['conclusion', L9],
      ['action', L2],
    ]);
  });

  it("words a chair's conclusion recorded in the report's words", () => {
    const worded = entry({
      kind: 'statement',
      meeting: 3,
      date: '2022-10-18',
      statement: 'chair_conclusion',
      speakers: [PRESIDENT],
      summary: t('the debate was closed', '辩论结束'),
      accepted: false,
    }) as StatementEntry;
    expect(conclusionParagraph(worded, null, ctx, 'en')).toBe('The President concluded that the debate was closed.');
    expect(conclusionParagraph(worded, null, ctx, 'zh')).toBe('主席最后说，辩论结束。');
  });

  it('places a vote of an earlier meeting before the drafts acted on later, and the drafts in the order given', () => {
    const drafts: DraftItem[] = [
      { draftId: 'l2', input: draftInput(L2) },
      { draftId: 'l3', input: draftInput(L3) },
    ];
    const all = value(sessionReport(voteRecord(), drafts, ctx, 'zh'));
    expect(all.map((p) => p.kind)).toEqual(['vote', 'statement', 'vote', 'statement', 'vote', 'statement', 'action', 'action']);
    // L.3/Rev.1 still continues L.2/Rev.1 ("还"): nothing stands between them.
    expect(all[7]!.text).toBe(printedOf(L3));
  });
});
