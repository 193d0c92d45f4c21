/**
 * The session record of the demo (shared/meetingRecord.ts): what the report of the eleventh
 * session says happened at its meetings beyond the drafts' texts, each entry with the report
 * paragraph it comes from (bench/fixtures/cop11-report.zh.txt holds the whole Chinese report).
 *
 * - The three recorded votes of the 2nd meeting, 17 October 2022, on the observer status of
 *   three non-governmental organizations (paras. 15, 17, 19): counts and majorities from the
 *   fixture's `recordedVotes` (checked here against the report's figures), the rules as the
 *   report cites them (the President recalled rules 57, 61, 63, 64 and 65; the first vote taken
 *   under rule 61, the majority of the first two under rule 63; the third cites no rule), two
 *   thirds counted as the report counts it (53 of 78: shared/votes.ts 'more-than').
 * - The explanations of vote after each (paras. 16, 18, 20), speakers in the order the report
 *   names them; the report places them after the vote.
 * - On L.9/Rev.1 at the 11th meeting: Chile's statement after its sponsors deferred it (para.
 *   51: "他特别感谢其他42个共同提案国" — the fixture's note), recorded as an explanation of position
 *   after action, not as an introduction, because the report records no introduction; and the
 *   President's conclusion (para. 62), accepted by the Conference.
 * - On L.3/Rev.1: the President's word that it had no financial implications (para. 142).
 * - The report's wording of two decisions (report_details, paras. 141–142): L.2/Rev.1 named by
 *   its subject, "the provisional agenda for its twelfth session", followed by the dates of the
 *   twelfth session; L.3/Rev.1, "the organization of work for its twelfth session".
 *
 * The report's other statements (paras. 52–61 on L.9/Rev.1, the general debate) are not
 * entered. The English words are rendered from the Chinese report (the English report is not in
 * the repository).
 */
import type { LocalizedText } from '../../shared/delegations';
import type { SessionFacts } from './sessionFacts';

/** A speaker named by demo delegation code, or an officer. */
export type DemoSpeaker = { code: string; asNamed?: LocalizedText } | { officer: LocalizedText };

/** An entry of the session record before ids are known: delegations by code, the draft by its final symbol, a vote by its place among the votes. */
export type PlannedSessionEntry =
  | { kind: 'vote'; entry: Record<string, unknown> }
  | {
      kind: 'statement';
      /** The final symbol of the draft it is about, or null. */
      draft: string | null;
      /** The vote it explains: its index among the planned votes (0 = the first), or null. */
      vote: number | null;
      speakers: DemoSpeaker[];
      entry: Record<string, unknown>;
    };

/** The President of the Conference, as the report names him ("主席"). */
export const PRESIDENT: LocalizedText = { en: 'President', zh: '主席' };

const MEETING_2 = { meeting: 2, date: '2022-10-17' } as const;
const MEETING_11 = { meeting: 11, date: '2022-10-21' } as const;
const L9 = 'CTOC/COP/2022/L.9/Rev.1';
const L3 = 'CTOC/COP/2022/L.3/Rev.1';

// What the report adds to the fixture's counts, vote by vote (paras. 15, 17, 19).
const VOTES: { counts: [number, number, number]; entry: Record<string, unknown>; explained: DemoSpeaker[][] }[] = [
  {
    counts: [63, 15, 25],
    entry: {
      question: { en: 'whether granting observer status is a procedural matter', zh: '给予观察员地位是否为程序问题' },
      rulesRecalled: [57, 61, 63, 64, 65],
      votedUnder: [61],
      majorityUnder: [63],
      twoThirds: 'more-than',
      wording: {
        votedOn: { en: 'voted on whether granting observer status was a matter of substance or of procedure', zh: '就给予观察员地位是实质性问题还是程序问题进行了表决' },
        question: { en: 'whether the matter could be considered procedural', zh: '这一事项可否视为程序事项' },
        decided: { en: 'it was thus decided that the matter was procedural', zh: '因而决定这是一个程序问题' },
      },
    },
    // Para. 16: "俄罗斯联邦代表就表决作了发言。欧洲联盟的代表也就表决作了发言。" — two sentences.
    explained: [[{ code: 'RUS' }], [{ code: 'EU' }]],
  },
  {
    counts: [59, 12, 30],
    entry: {
      question: { en: 'whether to decide on the three NGOs together', zh: '是否对这三个组织统一作出决定' },
      majorityUnder: [63],
      wording: {
        votedOn: {
          en: 'voted on whether to decide on granting observer status to the three non-governmental organizations together or separately',
          zh: '就决定对这三个非政府组织一起还是分别给予观察员地位进行表决',
        },
        question: { en: 'whether to take a single decision on the three organizations', zh: '是否对这三个组织统一作出决定' },
        decided: { en: 'it was decided to take a single vote on the three organizations together', zh: '决定对这三个组织一起进行一次表决' },
      },
    },
    // Para. 18.
    explained: [[{ code: 'CHN' }, { code: 'EU' }, { code: 'USA', asNamed: { en: 'United States of America', zh: '美利坚合众国' } }, { code: 'RUS' }, { code: 'CUB' }]],
  },
  {
    counts: [58, 7, 34],
    entry: {
      question: { en: 'granting observer status to the three NGOs', zh: '给予这三个非政府组织观察员地位' },
      wording: {
        votedOn: { en: 'took a decision on granting observer status to the three non-governmental organizations', zh: '就给予这三个非政府组织观察员地位作了决定' },
        question: null,
        decided: { en: 'observer status was granted to all three organizations', zh: '给予所有三个组织观察员地位' },
      },
    },
    // Para. 20.
    explained: [[{ code: 'AZE' }, { code: 'ARM' }, { code: 'EU' }, { code: 'SYR' }, { code: 'RUS' }]],
  },
];

/** The report's wording of a draft's action (a `report_details` entry), by final symbol. */
export const REPORT_DETAILS: Readonly<Record<string, { describedAs: LocalizedText | null; remarks: LocalizedText | null }>> = {
  // Para. 141.
  'CTOC/COP/2022/L.2/Rev.1': {
    describedAs: { en: 'the provisional agenda for its twelfth session', zh: '缔约方会议第十二届会议临时议程' },
    remarks: { en: 'The Conference decided to hold its twelfth session from 14 to 18 October 2024.', zh: '缔约方会议决定于 2024 年 10 月 14 日至 18 日举行第十二届会议。' },
  },
  // Para. 142 (its sentence on financial implications is the President's statement below).
  'CTOC/COP/2022/L.3/Rev.1': { describedAs: { en: 'the organization of work for its twelfth session', zh: '其第十二届会议的工作安排' }, remarks: null },
};

/**
 * The session record's entries in the order the seed appends them, from the fixture's recorded
 * votes; throws when the fixture and the report's figures kept here disagree.
 */
export function planSessionRecord(facts: Pick<SessionFacts, 'recordedVotes' | 'drafts'>): PlannedSessionEntry[] {
  const fixture = facts.recordedVotes ?? [];
  if (fixture.length !== VOTES.length) throw new Error(`the demo knows ${VOTES.length} recorded votes; the fixture has ${fixture.length}`);
  const planned: PlannedSessionEntry[] = [];
  for (const [i, v] of fixture.entries()) {
    const report = VOTES[i]!;
    if (v.yes !== report.counts[0] || v.no !== report.counts[1] || v.abstain !== report.counts[2] || v.meeting !== MEETING_2.meeting || v.date !== MEETING_2.date) {
      throw new Error(`recorded vote ${i + 1} of the fixture (${v.yes}/${v.no}/${v.abstain}) is not the report's (${report.counts.join('/')})`);
    }
    const twoThirds = v.majority === 'two-thirds' ? { twoThirds: report.entry.twoThirds } : { twoThirds: null };
    planned.push({
      kind: 'vote',
      entry: { kind: 'vote', ...MEETING_2, subject: 'procedural', ...report.entry, ...twoThirds, yes: v.yes, no: v.no, abstain: v.abstain, majority: v.majority },
    });
    for (const speakers of report.explained) {
      planned.push({ kind: 'statement', draft: null, vote: i, speakers, entry: { kind: 'statement', ...MEETING_2, statement: 'explanation_of_vote', timing: 'after' } });
    }
  }
  const symbols = new Set(facts.drafts.map((d) => d.symbol));
  for (const s of [L9, L3]) if (!symbols.has(s)) throw new Error(`the demo's session record names ${s}, which the fixture lacks`);
  planned.push({
    kind: 'statement',
    draft: L9,
    vote: null,
    speakers: [{ code: 'CHL' }],
    entry: {
      kind: 'statement',
      ...MEETING_11,
      statement: 'explanation_of_position',
      timing: 'after',
      summary: { en: 'He thanked in particular the 42 other co-sponsors.', zh: '他特别感谢其他42个共同提案国。' },
    },
  });
  planned.push({
    kind: 'statement',
    draft: L9,
    vote: null,
    speakers: [{ officer: PRESIDENT }],
    entry: { kind: 'statement', ...MEETING_11, statement: 'chair_conclusion', accepted: true },
  });
  planned.push({ kind: 'statement', draft: L3, vote: null, speakers: [{ officer: PRESIDENT }], entry: { kind: 'statement', ...MEETING_11, statement: 'budget_implications' } });
  return planned;
}
