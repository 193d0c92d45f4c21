/**
 * The report's words for the statements of the session record (shared/reportMeeting.ts places
 * them among the meeting's paragraphs), in English and Chinese here and in the four other
 * languages in shared/reportRecordWords.ts: explanations of vote and of position, a draft's
 * introduction, programme budget implications, the chair's conclusion.
 *
 * House style, from the report of the COP to UNTOC on its eleventh session (paras 15–20, 50,
 * 62, 142):
 * - explanations name their speakers in the order they spoke (shared/reportContext.ts); a second
 *   entry of the same kind on the same vote says "也" / "also";
 * - programme budget implications are a sentence after the draft's paragraph (para. 142);
 * - the chair's conclusion on a deferred draft is a paragraph of its own (para. 62), and the
 *   deferral's paragraph then stops at the deferral (para. 50).
 */
import type { Lang, LocalizedText } from './delegations';
import type { StatementEntry } from './meetingRecord';
import { type SessionReportContext, speakersOf } from './reportContext';
import { joinList } from './reportNames';
import { inLang } from './reportLanguage';
import type { ActionParagraphInput } from './reportActionFacts';
import { draftNoun, enOrdinalWord, finalAction, zhNumber } from './reportParagraph';
import { otherBudget, otherConclusion, otherExplanation, otherIntroduction } from './reportRecordWords';

const lower = (s: string) => (s.startsWith('The ') ? `the ${s.slice(4)}` : s);
const isOther = (lang: Lang): lang is 'fr' | 'es' | 'ru' | 'ar' => lang !== 'en' && lang !== 'zh';
// The record's words in the language asked, or in brackets from another (shared/reportLanguage.ts).
const words = (t: LocalizedText | null | undefined, lang: Lang) => inLang(t, lang);

const EXPLANATION: Record<'explanation_of_vote' | 'explanation_of_position', Record<'before' | 'after', LocalizedText>> = {
  explanation_of_vote: {
    before: { en: 'in explanation of vote before the vote', zh: '在表决前作了解释投票的发言' },
    after: { en: 'in explanation of vote', zh: '就表决作了发言' },
  },
  explanation_of_position: {
    before: { en: 'in explanation of position before action was taken', zh: '在采取行动前作了解释立场的发言' },
    after: { en: 'in explanation of position after action was taken', zh: '在采取行动后作了解释立场的发言' },
  },
};

/** The sentence of one explanation of vote or of position; `also` for a second entry on the same vote in the same paragraph. */
export function explanationSentence(s: StatementEntry, also: boolean, ctx: SessionReportContext, lang: Lang): string {
  if (isOther(lang)) return otherExplanation(s, also, ctx, lang);
  const kind = s.statement === 'explanation_of_position' ? 'explanation_of_position' : 'explanation_of_vote';
  const what = EXPLANATION[kind][s.timing ?? 'after'];
  const who = speakersOf(s.speakers, ctx, lang);
  const summary = s.summary ? (lang === 'zh' ? words(s.summary, 'zh') : ` ${words(s.summary, 'en')}`) : '';
  if (lang === 'zh') return `${who}${also ? '也' : ''}${what.zh}。${summary}`;
  const statements = s.speakers.length > 1 ? 'statements' : 'a statement';
  return `${who}${also ? ' also' : ''} made ${statements} ${what.en}.${summary}`;
}

/** The paragraph of a draft's introduction: "The representative of Chile introduced the revised draft decision (…)." */
export function introductionParagraph(s: StatementEntry, draft: ActionParagraphInput, ctx: SessionReportContext, lang: Lang): string {
  if (isOther(lang)) return otherIntroduction(s, draft, ctx, lang);
  const who = speakersOf(s.speakers, ctx, lang);
  if (lang === 'zh') return `${who}介绍了${draftNoun(draft, 'zh')}（${draft.symbol}）。${s.summary ? words(s.summary, 'zh') : ''}`;
  return `${who} introduced the ${draftNoun(draft, 'en')} (${draft.symbol}).${s.summary ? ` ${words(s.summary, 'en')}` : ''}`;
}

/** The sentence on programme budget implications after a draft's paragraph (para. 142: "…that it had no financial implications"). */
export function budgetSentence(s: StatementEntry, draft: ActionParagraphInput, ctx: SessionReportContext, lang: Lang): string {
  const adopted = finalAction(draft)?.type === 'adopted';
  if (isOther(lang)) return otherBudget(s, draft, adopted, ctx, lang);
  const who = speakersOf(s.speakers, ctx, lang);
  const kindZh = draft.kind === 'resolution' ? '决议' : '决定';
  if (lang === 'zh') {
    const before = adopted ? `在通过该${kindZh}之前` : `在就该${draftNoun(draft, 'zh')}采取行动之前`;
    const body = words(ctx.body, 'zh');
    return s.summary ? `${before}，${who}向${body}说明了所涉方案预算问题：${words(s.summary, 'zh')}` : `${before}，${who}告知${body}，该${kindZh}不涉及财务问题。`;
  }
  const before = adopted ? `Before the ${draft.kind} was adopted` : `Before action was taken on the ${draftNoun(draft, 'en')}`;
  return s.summary
    ? ` ${before}, ${lower(who)} informed ${words(ctx.body, 'en')} of its programme budget implications: ${words(s.summary, 'en')}`
    : ` ${before}, ${lower(who)} informed ${words(ctx.body, 'en')} that it had no financial implications.`;
}

/**
 * The chair's conclusion as a paragraph of its own: in the report's words when recorded, else,
 * for a draft deferred or not acted on, what followed (para. 62: not considered, no action, the
 * text annexed, "which the Conference accepted").
 */
export function conclusionParagraph(s: StatementEntry, draft: ActionParagraphInput | null, ctx: SessionReportContext, lang: Lang): string {
  if (isOther(lang)) {
    const a = draft ? finalAction(draft) : null;
    const deferred = a?.type === 'deferred' ? a : null;
    const facts = { deferred: deferred !== null, noAction: a?.type === 'no_action' || deferred?.noAction === true, annexed: deferred?.annexedToReport === true };
    return otherConclusion(s, draft, facts, ctx, lang);
  }
  const who = speakersOf(s.speakers, ctx, lang);
  const accepted = s.accepted ? (lang === 'zh' ? `，这是${words(ctx.body, 'zh')}所接受的` : `, which ${words(ctx.body, 'en')} accepted`) : '';
  if (s.summary) return lang === 'zh' ? `${who}最后说，${words(s.summary, 'zh')}${accepted}。` : `${who} concluded that ${words(s.summary, 'en')}${accepted}.`;
  const a = draft ? finalAction(draft) : null;
  if (!draft) return ''; // refused when recorded: a conclusion without words names a draft
  const noun = draftNoun(draft, lang);
  const deferred = a?.type === 'deferred' ? a : null;
  const noAction = a?.type === 'no_action' || deferred?.noAction === true;
  const annexed = deferred?.annexedToReport === true;
  const report = (zh: boolean) =>
    draft.session
      ? zh
        ? `第${zhNumber(draft.session)}届会议报告`
        : `the report of ${words(ctx.body, 'en')} on its ${enOrdinalWord(draft.session)} session`
      : zh
        ? '本报告'
        : 'the present report';
  if (lang === 'zh') {
    const parts = [
      deferred ? `将不审议该${noun}（${draft.symbol}）` : `${words(ctx.body, 'zh')}已结束对该${noun}（${draft.symbol}）的审议`,
      noAction && '不采取任何行动',
      annexed && `该${noun}案文将作为${report(true)}的附件`,
    ];
    return `${who}最后说，${parts.filter(Boolean).join('，')}${accepted}${annexed ? '（见附件）' : ''}。`;
  }
  const clauses = [
    deferred ? `the ${noun} (${draft.symbol}) would not be considered` : `the consideration of the ${noun} (${draft.symbol}) was concluded`,
    noAction && 'no action would be taken on it',
    annexed && `its text would be annexed to ${report(false)}`,
  ].filter((c): c is string => typeof c === 'string');
  return `${who} concluded that ${joinList(
    clauses.map((c, i) => (i === 0 ? c : `that ${c}`)),
    'en',
  )}${accepted}${annexed ? ' (see annex)' : ''}.`;
}
