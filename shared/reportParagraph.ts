/**
 * The paragraph of a session's report that records the action on a draft, in the six
 * languages: English and Chinese here, Arabic, French, Russian and Spanish in
 * shared/reportActions.ts. English and Chinese follow the house style of the report of the COP to UNTOC on its eleventh session. Where
 * the printed report is inconsistent we keep one form (the tests list each deviation): Chinese
 * spaces figures and Latin letters off ("第 11 次会议"); a draft named by its kind is "一项" /
 * "a", one an officer submitted is definite; adoption without a vote is just "adopted" / "通过了";
 * a paragraph continuing one on the same agenda item at the same meeting drops the date and
 * says "also" / "还" (para. 112).
 */
import type { Lang, LocalizedText } from './delegations';
import type { FinalAction } from './lifecycle';
import { romanNumber } from './numberingLabels';
import { formatSponsoredBy, formatSponsorName, formatSubmittedBy, joinList, sortByEnglishName, type SponsorEntry } from './reportNames';
import { type ActionFacts, type ActionParagraphInput, otherDraftNoun } from './reportActionFacts';
import { otherActionParagraph } from './reportActions';
import { inLang } from './reportLanguage';
import { fail, ok, type Result } from './result';
import { parseSymbol } from './symbols';
import type { ActionVote } from './votes';

const THE_NAMES = new Set(['Bahamas', 'Comoros', 'Congo', 'Gambia', 'Holy See', 'Marshall Islands', 'Netherlands', 'Niger', 'Philippines', 'Sudan']);
const THE_NOUNS = /\b(Republic|Kingdom|Federation|Union|States|Emirates)\b|^State of\b/;

/**
 * A name as English running text prints it (UN style): "the United Kingdom", "the Sudan", but
 * "France", "Iran (Islamic Republic of)". "the" comes before a name whose part before any
 * parenthesis holds Republic, Kingdom, Federation, Union, States, Emirates or opens "State of",
 * and before the few in THE_NAMES.
 */
export function englishName(name: string): string {
  const [head = ''] = name.split('('); // split always gives at least one part
  const bare = head.trim();
  return THE_NAMES.has(bare) || THE_NOUNS.test(bare) ? `the ${name}` : name;
}

/** The English sponsors clause: "sponsored by the United Kingdom and the United States" (sorted on the bare names). */
export function englishSponsoredBy(entries: readonly SponsorEntry[]): string {
  const names = sortByEnglishName(entries).map((e) => {
    const en = e.name.en?.trim();
    return formatSponsorName({ ...e, name: en ? { ...e.name, en: englishName(en) } : e.name }, 'en');
  });
  return names.length ? `sponsored by ${joinList(names, 'en')}` : '';
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const WORDS =
  ' first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth'.split(' ');
const TENS = '  twent thirt fort fift sixt sevent eight ninet'.split(' ');
const ZH_DIGITS = ' 一二三四五六七八九';
// The word for `n` in a list of words; a number outside it is a programmer error (dates, meetings
// and sessions are checked when they are recorded).
function wordOf(words: readonly string[] | string, n: number, what: string): string {
  const word = words[n];
  if (word === undefined) throw new RangeError(`No ${what} for ${n}`);
  return word;
}
// A date of the record, checked as YYYY-MM-DD when it was recorded.
function ymd(date: string): [number, number, number] {
  const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) ?? [];
  if (y === undefined || m === undefined || d === undefined) throw new RangeError(`Not a date written YYYY-MM-DD: ${JSON.stringify(date)}`);
  return [Number(y), Number(m), Number(d)];
}
const enDate = (date: string) => {
  const [y, m, d] = ymd(date);
  return `${d} ${wordOf(MONTHS, m - 1, 'month')} ${y}`;
};
const zhDate = (date: string) => {
  const [y, m, d] = ymd(date);
  return `${y} 年 ${m} 月 ${d} 日`;
};
// Meetings in figures ("11th", "21st"), sessions in words ("eleventh", "twenty-first").
/** A meeting's number as English prints it: "2nd", "11th", "21st". */
export const enOrdinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
/** A session's number in English words: "eleventh", "twenty-first". */
export function enOrdinalWord(n: number): string {
  if (n > 99) return enOrdinal(n);
  if (n < 20) return wordOf(WORDS, n, 'ordinal word');
  const tens = wordOf(TENS, Math.floor(n / 10), 'ordinal word');
  return n % 10 ? `${tens}y-${wordOf(WORDS, n % 10, 'ordinal word')}` : `${tens}ieth`;
}
/** A number in Chinese numerals up to 99 ("十一"), in figures spaced off beyond. */
export function zhNumber(n: number): string {
  if (n > 99) return ` ${n} `;
  const tens = Math.floor(n / 10);
  return (tens > 1 ? wordOf(ZH_DIGITS, tens, 'Chinese numeral') : '') + (tens ? '十' : '') + wordOf(ZH_DIGITS, n % 10, 'Chinese numeral').trim();
}

type Facts = ActionFacts;

function vote(v: ActionVote, lang: Lang): string {
  if (v.kind !== 'recorded') return '';
  if (lang === 'zh') return `以 ${v.yes} 票赞成、${v.no} 票反对、${v.abstain} 票弃权的记录表决结果`;
  return `by a recorded vote of ${v.yes} to ${v.no}, with ${v.abstain ? `${v.abstain} abstention${v.abstain > 1 ? 's' : ''}` : 'no abstentions'}`;
}

// "(For the text, see chap. I, sect. A, resolution 11/1.)" / "（案文见第一章 A 节，第 11/1 号决议。）"
function printed({ input: { printedIn: at }, action: a }: Facts, lang: Lang): string {
  const becomes = a.type === 'adopted' ? a.becomes : undefined;
  const parts =
    lang === 'zh'
      ? [at && `第${zhNumber(at.chapter)}章 ${at.section} 节`, becomes && `第 ${becomes.number} 号${becomes.kind === 'resolution' ? '决议' : '决定'}`]
      : [at && `chap. ${romanNumber(at.chapter).toUpperCase()}, sect. ${at.section}`, becomes && `${becomes.kind} ${becomes.number}`];
  const list = parts.filter(Boolean).join(lang === 'zh' ? '，' : ', ');
  return !list ? '' : lang === 'zh' ? `（案文见${list}。）` : ` (For the text, see ${list}.)`;
}

// The sentence after a deferral: no action taken, the text annexed to the report.
function afterDeferral({ input: { body, session, conclusionApart }, action: a }: Facts, lang: Lang, noun: string): string {
  if (a.type !== 'deferred' || (!a.noAction && !a.annexedToReport) || conclusionApart) return '';
  if (lang === 'zh') {
    const annexed = `该${noun}案文作为${session ? `第${zhNumber(session)}届会议报告` : '本报告'}的附件（见附件）。`;
    return a.noAction ? `${inLang(body, 'zh')}未就该${noun}采取任何行动${a.annexedToReport ? `，${annexed}` : '。'}` : annexed;
  }
  const bodyEn = inLang(body, 'en');
  const annexed = `text was annexed to ${session ? `the report of ${bodyEn} on its ${enOrdinalWord(session)} session` : 'the present report'} (see annex).`;
  if (!a.noAction) return ` The ${annexed.replace('text', `text of the ${noun}`)}`;
  return ` ${bodyEn.charAt(0).toUpperCase()}${bodyEn.slice(1)} took no action on the ${noun}${a.annexedToReport ? `, and its ${annexed}` : '.'}`;
}

// A recorded text in the language, or in brackets from another (shared/reportLanguage.ts); null when not recorded at all.
const said = (t: LocalizedText | null | undefined, lang: Lang) => (t && Object.values(t).some((v) => v?.trim()) ? inLang(t, lang) : null);

function english(f: Facts): string {
  const { input: d, action: a } = f;
  const body = inLang(d.body, 'en');
  const noun = `${f.revised ? 'revised ' : ''}draft ${d.kind}`;
  const sponsors = englishSponsoredBy(d.sponsors ?? []);
  const object = said(d.describedAs, 'en') ?? (d.submittedBy ? `the ${noun} ${formatSubmittedBy(d.submittedBy, 'en')}` : `a ${noun}`);
  const target = `${object} (${d.symbol})${sponsors && `, ${sponsors}`}`;
  const remarks = said(d.remarks, 'en') ? ` ${said(d.remarks, 'en')}` : '';
  if (a.type === 'withdrawn') {
    const when = a.meeting ? `At the ${enOrdinal(a.meeting)} meeting of ${body}, on ${enDate(a.date)}` : `On ${enDate(a.date)}`;
    const who =
      d.submittedBy && !sponsors
        ? `${formatSubmittedBy(d.submittedBy, 'en').replace(/^submitted by /, '')} withdrew the ${noun} (${d.symbol})`
        : `the sponsors of the ${noun} (${d.symbol}) withdrew it`;
    return `${when}, ${who}.${remarks}`;
  }
  const opening = f.continues ? `At its ${enOrdinal(a.meeting)} meeting, ${body} also` : `At its ${enOrdinal(a.meeting)} meeting, on ${enDate(a.date)}, ${body}`;
  switch (a.type) {
    case 'adopted':
    case 'rejected': {
      const how = [vote(a.vote, 'en'), a.type === 'adopted' && a.orallyAmended ? 'as orally amended' : ''].filter(Boolean).join(', ');
      return `${opening} ${a.type}${how && `, ${how},`} ${target}.${printed(f, 'en')}${remarks}`;
    }
    case 'no_action':
      return `${opening} decided to take no action on ${target}.${remarks}`;
    case 'deferred': {
      const to = a.toSession ? `${enOrdinalWord(a.toSession)} session` : '';
      const after = afterDeferral(f, 'en', noun) + remarks;
      if (a.decidedBy === 'body') return `${opening} decided to defer${to && ` to its ${to}`} consideration of ${target}.${after}`;
      const title = said(d.title, 'en');
      const entitled = title ? ` entitled "${title}"` : '';
      return `At the ${enOrdinal(a.meeting)} meeting of ${body}, on ${enDate(a.date)}, the sponsors of the ${noun}${entitled} (${d.symbol}) decided to defer its consideration and action by ${body}${to && ` to the ${to}`}.${after}`;
    }
  }
}

function chinese(f: Facts): string {
  const { input: d, action: a } = f;
  const body = inLang(d.body, 'zh');
  const noun = `${d.kind === 'resolution' ? '决议' : '决定'}${f.revised ? '修订' : ''}草案`;
  const sponsors = formatSponsoredBy(d.sponsors ?? [], 'zh');
  const amended = a.type === 'adopted' && a.orallyAmended ? '经口头修正的' : '';
  const described = said(d.describedAs, 'zh');
  const object = `${described ? '' : d.submittedBy ? formatSubmittedBy(d.submittedBy, 'zh') : '一项'}${amended}${described ?? noun}（${d.symbol}）`;
  const also = sponsors && `，${sponsors}`;
  const remarks = said(d.remarks, 'zh') ?? '';
  if (a.type === 'withdrawn') {
    const when = a.meeting ? `在 ${zhDate(a.date)}${body}第 ${a.meeting} 次会议上，` : `${zhDate(a.date)}，`;
    const who = d.submittedBy && !sponsors ? `${inLang(d.submittedBy, 'zh')}撤回了其提交的${noun}（${d.symbol}）` : `${noun}（${d.symbol}）的提案国撤回了该${noun}`;
    return `${when}${who}。${remarks}`;
  }
  const opening = f.continues ? `${body}在第 ${a.meeting} 次会议上还` : `${body}在 ${zhDate(a.date)}第 ${a.meeting} 次会议上`;
  switch (a.type) {
    case 'adopted':
    case 'rejected':
      return `${opening}${vote(a.vote, 'zh')}${a.type === 'adopted' ? '通过了' : '否决了'}${object}${also}。${printed(f, 'zh')}${remarks}`;
    case 'no_action':
      return `${opening}决定不对${object}采取行动${also}。${remarks}`;
    case 'deferred': {
      const to = a.toSession ? `至第${zhNumber(a.toSession)}届会议` : '';
      const after = afterDeferral(f, 'zh', noun) + remarks;
      if (a.decidedBy === 'body') return `${opening}决定将${object}推迟${to}审议${also}。${after}`;
      const title = said(d.title, 'zh');
      const about = title ? `关于${title}的` : '';
      return `在 ${zhDate(a.date)}${body}第 ${a.meeting} 次会议上，${about}${noun}（${d.symbol}）的提案国决定推迟${body}对该${noun}的审议和采取行动${to}。${after}`;
    }
  }
}

/** How a paragraph names the draft: "revised draft decision" / "决定修订草案" (a "/Rev.n" symbol is revised). */
export function draftNoun(input: Pick<ActionParagraphInput, 'kind' | 'symbol'>, lang: Lang): string {
  const symbol = parseSymbol(input.symbol);
  const revised = symbol.ok && symbol.value.revision > 0;
  if (lang === 'zh') return `${input.kind === 'resolution' ? '决议' : '决定'}${revised ? '修订' : ''}草案`;
  if (lang !== 'en') return otherDraftNoun(input.kind, revised, lang);
  return `${revised ? 'revised ' : ''}draft ${input.kind}`;
}

/** The final action an input carries, or null before it. */
export const finalAction = (input: ActionParagraphInput) => ('state' in input.action ? input.action.finalAction : input.action);

/** The report paragraph recording the action on one draft; refused without a final action or with a bad symbol. */
export function reportParagraph(input: ActionParagraphInput, lang: Lang, options: { continues?: boolean } = {}): Result<string> {
  const action = finalAction(input);
  if (action === null) return fail(`no final action has been taken on ${input.symbol}: there is nothing to report yet`);
  const symbol = parseSymbol(input.symbol);
  if (!symbol.ok) return fail(`the symbol ${JSON.stringify(input.symbol)} is malformed: ${symbol.error}`);
  const facts: Facts = { input, action, revised: symbol.value.revision > 0, continues: options.continues === true };
  return ok(lang === 'zh' ? chinese(facts) : lang === 'en' ? english(facts) : otherActionParagraph(facts, lang));
}

// Actions with the body as subject, which may "also" follow one another.
const byBody = (a: FinalAction | null): a is Exclude<FinalAction, { type: 'withdrawn' }> =>
  a !== null && a.type !== 'withdrawn' && !(a.type === 'deferred' && a.decidedBy === 'sponsors');

/** Whether `item`'s paragraph, printed right after `before`'s, continues it ("also" / "还"): both actions by the body, on the same agenda item, at the same meeting. */
export function continuesFrom(before: ActionParagraphInput | undefined, item: ActionParagraphInput): boolean {
  const [prev, now] = [before ? finalAction(before) : null, finalAction(item)];
  return byBody(prev) && byBody(now) && item.agendaItem != null && item.agendaItem === before?.agendaItem && prev.meeting === now.meeting && prev.date === now.date;
}

/** A report paragraph's number as each language prints it: "124. " — Arabic "124 - " (as its UN documents number paragraphs). */
export const numberedParagraph = (n: number, text: string, lang: Lang) => (lang === 'ar' ? `${n} - ${text}` : `${n}. ${text}`);

/** The "action taken" section: a paragraph per draft in order ("124. …" from `firstNumber`), "also" on the same item and meeting. */
export function actionTakenSection(items: readonly ActionParagraphInput[], lang: Lang, options: { firstNumber?: number } = {}): Result<string[]> {
  const out: string[] = [];
  for (const [i, item] of items.entries()) {
    const paragraph = reportParagraph(item, lang, { continues: continuesFrom(i > 0 ? items[i - 1] : undefined, item) });
    if (!paragraph.ok) return fail(`${item.symbol}: ${paragraph.error}`);
    out.push(options.firstNumber === undefined ? paragraph.value : numberedParagraph(options.firstNumber + i, paragraph.value, lang));
  }
  return ok(out);
}
