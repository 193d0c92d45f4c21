/**
 * The three recorded votes of the eleventh session of the COP to UNTOC and the explanations of
 * vote after them, as entries of the session record (shared/meetingRecord.ts), with the report's
 * own words for what was voted on (Chinese as printed in paras 15–20 of
 * bench/fixtures/cop11-report.zh.txt; English rendered from it — the English report is not in
 * the repository). Shared by the tests of shared/reportMeeting and of the report route.
 * Delegation ids are the codes; the caller maps them to its own ids.
 */
import { readFileSync } from 'node:fs';
import type { LocalizedText } from '../../shared/delegations';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });
const at = { meeting: 2, date: '2022-10-17' };

/** The delegations the paragraphs name, by code: their names and kinds (the European Union is a regional organization). */
export const SPEAKERS = {
  RUS: { name: t('Russian Federation', '俄罗斯联邦'), kind: 'member' },
  EU: { name: t('European Union', '欧洲联盟'), kind: 'regional' },
  CHN: { name: t('China', '中国'), kind: 'member' },
  USA: { name: t('United States', '美国'), kind: 'member' },
  CUB: { name: t('Cuba', '古巴'), kind: 'member' },
  AZE: { name: t('Azerbaijan', '阿塞拜疆'), kind: 'member' },
  ARM: { name: t('Armenia', '亚美尼亚'), kind: 'member' },
  SYR: { name: t('Syrian Arab Republic', '阿拉伯叙利亚共和国'), kind: 'member' },
} as const;

/** The report names the United States by its full name here, unlike in its sponsor lists. */
export const USA_AS_NAMED = t('United States of America', '美利坚合众国');

/**
 * The entries in the order they are recorded, as JSON for parseSessionRecordEntry;
 * `voteSeq(n)` gives the seq of the n-th vote (0, 1, 2) in the caller's record, `id(code)` the
 * delegation's id.
 */
export function cop11VoteEntries(voteSeq: (n: number) => number, id: (code: keyof typeof SPEAKERS) => string): unknown[] {
  const explanation = (n: number, codes: (keyof typeof SPEAKERS)[]) => ({
    kind: 'statement',
    ...at,
    statement: 'explanation_of_vote',
    timing: 'after',
    voteSeq: voteSeq(n),
    speakers: codes.map((c) => (c === 'USA' ? { delegationId: id(c), asNamed: USA_AS_NAMED } : { delegationId: id(c) })),
  });
  return [
    {
      kind: 'vote',
      ...at,
      subject: 'procedural',
      question: t('whether granting observer status is a procedural matter', '给予观察员地位是否为程序问题'),
      rulesRecalled: [57, 61, 63, 64, 65],
      votedUnder: [61],
      majorityUnder: [63],
      yes: 63,
      no: 15,
      abstain: 25,
      majority: 'two-thirds',
      twoThirds: 'more-than',
      wording: {
        votedOn: t('voted on whether granting observer status was a matter of substance or of procedure', '就给予观察员地位是实质性问题还是程序问题进行了表决'),
        question: t('whether the matter could be considered procedural', '这一事项可否视为程序事项'),
        decided: t('it was thus decided that the matter was procedural', '因而决定这是一个程序问题'),
      },
    },
    explanation(0, ['RUS']),
    explanation(0, ['EU']),
    {
      kind: 'vote',
      ...at,
      subject: 'procedural',
      question: t('whether to decide on the three NGOs together', '是否对这三个组织统一作出决定'),
      majorityUnder: [63],
      yes: 59,
      no: 12,
      abstain: 30,
      majority: 'simple',
      wording: {
        votedOn: t(
          'voted on whether to decide on granting observer status to the three non-governmental organizations together or separately',
          '就决定对这三个非政府组织一起还是分别给予观察员地位进行表决',
        ),
        question: t('whether to take a single decision on the three organizations', '是否对这三个组织统一作出决定'),
        decided: t('it was decided to take a single vote on the three organizations together', '决定对这三个组织一起进行一次表决'),
      },
    },
    explanation(1, ['CHN', 'EU', 'USA', 'RUS', 'CUB']),
    {
      kind: 'vote',
      ...at,
      subject: 'procedural',
      question: t('granting observer status to the three NGOs', '给予这三个非政府组织观察员地位'),
      yes: 58,
      no: 7,
      abstain: 34,
      majority: 'simple',
      wording: {
        votedOn: t('took a decision on granting observer status to the three non-governmental organizations', '就给予这三个非政府组织观察员地位作了决定'),
        question: null,
        decided: t('observer status was granted to all three organizations', '给予所有三个组织观察员地位'),
      },
    },
    explanation(2, ['AZE', 'ARM', 'EU', 'SYR', 'RUS']),
  ];
}

/** The paragraphs 15–20 as the Chinese report prints them, read from the report itself. */
export function printedVoteParagraphs(): string[] {
  const report = readFileSync(new URL('../../bench/fixtures/cop11-report.zh.txt', import.meta.url), 'utf8');
  return [15, 16, 17, 18, 19, 20].map((n) => {
    const line = report.split('\n').find((l) => l.startsWith(`${n}. `) && /表决/.test(l));
    if (!line) throw new Error(`paragraph ${n} not found in the report`);
    return line.slice(`${n}. `.length).trim();
  });
}

/**
 * Where the printed paragraphs depart from one form: para. 15 says "有 63 个缔约国投了赞成票" where
 * para. 17, the same sentence, says "59 个缔约国投了赞成票"; one rule cannot give both, and we keep
 * the form of para. 17.
 */
export const VOTE_DEVIATIONS: [para: number, printed: string, houseStyle: string][] = [[15, '的问题，有 63 个缔约国', '的问题，63 个缔约国']];

/** The English paragraphs 15–20 the generator writes (rendered from the Chinese, in the report's English house style). */
export const ENGLISH_VOTE_PARAGRAPHS = [
  'The President referred to the rules of procedure on voting, in particular rules 57, 61, 63, 64 and 65. At its 2nd meeting, the Conference first, under rule 61 of the rules of procedure, voted on whether granting observer status was a matter of substance or of procedure. On the question of whether the matter could be considered procedural, 63 States voted in favour, 15 against and 25 abstained. Of the 78 States present and voting, the votes in favour exceeded the two-thirds majority of 53 required under rule 63 of the rules of procedure, and it was thus decided that the matter was procedural.',
  'The representative of the Russian Federation made a statement in explanation of vote. The representative of the European Union also made a statement in explanation of vote.',
  'Subsequently, the Conference voted on whether to decide on granting observer status to the three non-governmental organizations together or separately. On the question of whether to take a single decision on the three organizations, 59 States voted in favour, 12 against and 30 abstained. Of the 71 States present and voting, the votes in favour exceeded the simple majority of 36 required under rule 63 of the rules of procedure, and it was decided to take a single vote on the three organizations together.',
  'The representatives of China, the European Union, the United States of America, the Russian Federation and Cuba made statements in explanation of vote.',
  'Finally, the Conference took a decision on granting observer status to the three non-governmental organizations. 58 States voted in favour, 7 against and 34 abstained. Of the 65 States present and voting, the votes in favour exceeded the simple majority of 33, and observer status was granted to all three organizations.',
  'The representatives of Azerbaijan, Armenia, the European Union, the Syrian Arab Republic and the Russian Federation made statements in explanation of vote.',
];
