/**
 * The paragraph of a recorded vote in the session's report (shared/reportMeeting.ts places it
 * among the meeting's paragraphs), with the corrections of vote after it: English and Chinese
 * here, Arabic, French, Russian and Spanish in shared/reportRecordWords.ts. Whether the vote
 * carried is counted here from its entry (shared/votes.ts), never taken from the record.
 *
 * House style, from the report of the COP to UNTOC on its eleventh session (paras 15–20):
 * - the rules the chair recalled; "在第 2 次会议上，缔约方会议首先" for the first of several votes
 *   at a meeting on the same matter, "随后" / "Subsequently" for the next, "最后" / "Finally" for
 *   the last; the rule voted under; the question; the counts ("63 个缔约国投了赞成票，15 个投了反对票，
 *   25 个弃权"); then "因此，根据议事规则第 63 条，在出席并参加表决的 78 个缔约国中，赞成票超过了三分之二
 *   多数 53 票，…" / "Of the 78 States present and voting, the votes in favour exceeded the
 *   two-thirds majority of 53 required under rule 63 of the rules of procedure, and …"; the
 *   meeting is named without its date (the report gives the dates of the meetings before);
 * - rules in Chinese are listed with "、" only ("第 57、61、63 条"), in English "rules 57, 61 and 63";
 * - a correction of vote follows its vote's paragraph and changes nothing in it.
 */
import type { Lang, LocalizedText } from './delegations';
import type { VoteCorrectionEntry, VoteEntry } from './meetingRecord';
import { delegationName, type SessionReportContext } from './reportContext';
import { joinList, sortByEnglishName } from './reportNames';
import { englishName, enOrdinal } from './reportParagraph';
import { inLang } from './reportLanguage';
import { otherVoteParagraph } from './reportVoteWords';
import { ok, type Result } from './result';
import { countVote, majorityMargin } from './votes';

const PRESIDENT: LocalizedText = { en: 'President', zh: '主席' };
const STATES: LocalizedText = { en: 'States', zh: '缔约国' };

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function rulesOf(rules: readonly number[], lang: Lang): string {
  if (lang === 'zh') return `第 ${rules.join('、')} 条`;
  return rules.length === 1 ? `rule ${rules[0]}` : `rules ${joinList(rules.map(String), 'en')}`;
}

const countWords = (n: number, noun: LocalizedText, lang: Lang) => {
  const word = inLang(noun, lang);
  return lang === 'zh' ? `${n} 个${word}` : `${n} ${n === 1 ? word.replace(/s$/, '') : word}`;
};

const DEFAULT_DECIDED: Record<VoteEntry['subject'], [carried: LocalizedText, failed: LocalizedText]> = {
  procedural: [
    { en: 'the proposal was carried', zh: '该提议获得通过' },
    { en: 'the proposal was not carried', zh: '该提议未获通过' },
  ],
  amendment: [
    { en: 'the amendment was adopted', zh: '该修正案获得通过' },
    { en: 'the amendment was rejected', zh: '该修正案被否决' },
  ],
  separate: [
    { en: 'the paragraph was retained', zh: '该段得以保留' },
    { en: 'the paragraph was deleted', zh: '该段被删除' },
  ],
};

const INTENDED: Record<VoteCorrectionEntry['intended'], LocalizedText> = {
  yes: { en: 'vote in favour', zh: '投赞成票' },
  no: { en: 'vote against', zh: '投反对票' },
  abstain: { en: 'abstain', zh: '弃权' },
};

/** Where a vote stands among the votes on the same matter at its meeting. */
export type SeriesPosition = 'only' | 'first' | 'middle' | 'last';

function rollCall(vote: VoteEntry, ctx: SessionReportContext, lang: Lang): string {
  if (!vote.roll) return '';
  const list = (ids: readonly string[]) => {
    const names = sortByEnglishName(ids.map((id) => ({ name: delegationName(id, ctx) }))).map((n) => inLang(n.name, lang));
    return names.length ? names.join(lang === 'zh' ? '、' : ', ') : lang === 'zh' ? '无' : 'None';
  };
  const { yes, no, abstain } = vote.roll;
  return lang === 'zh'
    ? `表决情况如下：赞成：${list(yes)}；反对：${list(no)}；弃权：${list(abstain)}。`
    : ` The voting was as follows: In favour: ${list(yes)}; Against: ${list(no)}; Abstaining: ${list(abstain)}.`;
}

function correction(c: VoteCorrectionEntry, vote: VoteEntry, ctx: SessionReportContext, lang: Lang): string {
  const name = delegationName(c.delegationId, ctx);
  const sameMeeting = c.meeting === vote.meeting && c.date === vote.date;
  if (lang === 'zh') return `${sameMeeting ? '随后，' : `在第 ${c.meeting} 次会议上，`}${inLang(name, 'zh')}代表团表示，其本打算${INTENDED[c.intended].zh ?? ''}。`;
  const when = sameMeeting ? 'Subsequently, the' : `At the ${enOrdinal(c.meeting)} meeting, the`;
  return ` ${when} delegation of ${name.en?.trim() ? englishName(name.en.trim()) : inLang(name, 'en')} indicated that it had intended to ${INTENDED[c.intended].en ?? ''}.`;
}

/**
 * The paragraph of one recorded vote, with its country-by-country list and the corrections of
 * vote after it; `position` among the votes on the same matter at that meeting.
 */
export function voteParagraph(vote: VoteEntry, position: SeriesPosition, ctx: SessionReportContext, lang: Lang, corrections: readonly VoteCorrectionEntry[] = []): Result<string> {
  const counted = countVote(vote, { twoThirds: vote.twoThirds ?? undefined });
  if (!counted.ok) return counted;
  const { presentAndVoting: n, required, carried } = counted.value;
  const margin = majorityMargin(vote.yes, required);
  const chair = ctx.chair ?? PRESIDENT;
  const voters = ctx.voters ?? STATES;
  const decided = vote.wording?.decided ?? DEFAULT_DECIDED[vote.subject][carried ? 0 : 1];
  if (lang !== 'en' && lang !== 'zh') return ok(otherVoteParagraph(vote, position, { ...counted.value, margin }, ctx, lang, corrections));
  const after = corrections.map((c) => correction(c, vote, ctx, lang)).join('');
  if (lang === 'zh') {
    const recalled = vote.rulesRecalled.length ? `${inLang(chair, 'zh')}提到了表决程序的规则，特别是议事规则${rulesOf(vote.rulesRecalled, 'zh')}。` : '';
    const opening = { only: `在第 ${vote.meeting} 次会议上，`, first: `在第 ${vote.meeting} 次会议上，`, middle: '随后，', last: '最后，' }[position];
    const first = position === 'first' ? '首先' : '';
    const under = vote.votedUnder.length ? `根据议事规则${rulesOf(vote.votedUnder, 'zh')}，` : '';
    const votedOn = (vote.wording ? inLang(vote.wording.votedOn, 'zh') : null) ?? `就${inLang(vote.question, 'zh')}进行了表决`;
    const question = vote.wording?.question ? `对于${inLang(vote.wording.question, 'zh')}的问题，` : '';
    const counts = `${countWords(vote.yes, voters, 'zh')}投了赞成票，${vote.no} 个投了反对票，${vote.abstain} 个弃权。`;
    const rule = vote.majorityUnder.length ? `根据议事规则${rulesOf(vote.majorityUnder, 'zh')}，` : '';
    const how = { exceeded: '超过了', reached: '达到了', short: '未达到' }[margin];
    const majority = vote.majority === 'two-thirds' ? '三分之二多数' : '简单多数';
    return ok(
      `${recalled}${opening}${inLang(ctx.body, 'zh')}${first}${under}${votedOn}。${question}${counts}因此，${rule}在出席并参加表决的 ${countWords(n, voters, 'zh')}中，赞成票${how}${majority} ${required} 票，${inLang(decided, 'zh')}。${rollCall(vote, ctx, 'zh')}${after}`,
    );
  }
  const recalled = vote.rulesRecalled.length ? `The ${inLang(chair, 'en')} referred to the rules of procedure on voting, in particular ${rulesOf(vote.rulesRecalled, 'en')}. ` : '';
  const opening = {
    only: `At its ${enOrdinal(vote.meeting)} meeting, ${inLang(ctx.body, 'en')}`,
    first: `At its ${enOrdinal(vote.meeting)} meeting, ${inLang(ctx.body, 'en')} first`,
    middle: `Subsequently, ${inLang(ctx.body, 'en')}`,
    last: `Finally, ${inLang(ctx.body, 'en')}`,
  }[position];
  const under = vote.votedUnder.length ? `, under ${rulesOf(vote.votedUnder, 'en')} of the rules of procedure,` : '';
  const votedOn = (vote.wording ? inLang(vote.wording.votedOn, 'en') : null) ?? `voted on ${inLang(vote.question, 'en')}`;
  const counts = `${countWords(vote.yes, voters, 'en')} voted in favour, ${vote.no || 'none'} against and ${vote.abstain || 'none'} abstained.`;
  const question = vote.wording?.question ? `On the question of ${inLang(vote.wording.question, 'en')}, ${counts}` : capital(counts);
  const how = { exceeded: 'exceeded', reached: 'reached', short: 'fell short of' }[margin];
  const rule = vote.majorityUnder.length ? ` required under ${rulesOf(vote.majorityUnder, 'en')} of the rules of procedure` : '';
  const result = `Of the ${countWords(n, voters, 'en')} present and voting, the votes in favour ${how} the ${vote.majority === 'two-thirds' ? 'two-thirds' : 'simple'} majority of ${required}${rule}, and ${inLang(decided, 'en')}.`;
  return ok(`${recalled}${opening}${under} ${votedOn}. ${question} ${result}${rollCall(vote, ctx, 'en')}${after}`);
}
