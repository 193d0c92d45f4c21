/**
 * The paragraph recording the action on a draft in Russian and Arabic, in the house style that
 * shared/reportActions.ts (French and Spanish) describes: the same facts and order as the English.
 */
import { arOrdinalWord, bodyName, type Gender, reportDate, ruInstrumental, ruMeeting, ruOrdinalWord } from './reportLanguage';
import { formatSponsoredBy, formatSubmittedBy } from './reportNames';
import type { ActionVote } from './votes';

import { type ActionFacts, printed, remarksOf, text } from './reportActionFacts';

// ---------------------------------------------------------------------------------------------
// Russian.

type Case = 'nom' | 'gen' | 'dat';
const RU_REVISED: Record<Case, string> = { nom: 'пересмотренный', gen: 'пересмотренного', dat: 'пересмотренному' };
const RU_DRAFT: Record<Case, string> = { nom: 'проект', gen: 'проекта', dat: 'проекту' };
const ruNoun = (f: ActionFacts, c: Case) => `${f.revised ? `${RU_REVISED[c]} ` : ''}${RU_DRAFT[c]} ${f.input.kind === 'resolution' ? 'резолюции' : 'решения'}`;
const RU_VERBS = {
  adopted: { f: 'приняла', m: 'принял', n: 'приняло' },
  rejected: { f: 'отклонила', m: 'отклонил', n: 'отклонило' },
  decided: { f: 'постановила', m: 'постановил', n: 'постановило' },
  took: { f: 'приняла', m: 'принял', n: 'приняло' },
} as const;
/** The genitive of the body's head word ("Конференция" → "Конференции", "Совет" → "Совета"). */
export function ruGenitive(body: string): string {
  const [first = '', ...rest] = body.split(' ');
  const word = first.endsWith('ия')
    ? `${first.slice(0, -1)}и`
    : first.endsWith('ие')
      ? `${first.slice(0, -1)}я`
      : first.endsWith('я')
        ? `${first.slice(0, -1)}и`
        : first.endsWith('а')
          ? `${first.slice(0, -1)}${/[гкхжшчщ]а$/.test(first) ? 'и' : 'ы'}`
          : /[бвгджзклмнпрстфхцчшщ]$/.test(first)
            ? `${first}а`
            : first;
  return [word, ...rest].join(' ');
}
const ruVotes = (n: number) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'голосом' : 'голосами'}`;
const ruVote = (v: ActionVote) =>
  v.kind !== 'recorded'
    ? ''
    : ` путем заносимого в отчет о заседании голосования ${ruVotes(v.yes)} против ${v.no} ${v.abstain ? `при ${v.abstain} воздержавшихся` : 'при отсутствии воздержавшихся'}`;

export function russian(f: ActionFacts): string {
  const { input: d, action: a } = f;
  const b = bodyName(d.body, 'ru');
  const body = b.text;
  const g = b.gender;
  const sponsors = formatSponsoredBy(d.sponsors ?? [], 'ru');
  const described = text(d.describedAs, 'ru');
  const submitted = d.submittedBy && !described ? `, ${formatSubmittedBy(d.submittedBy, 'ru')}` : '';
  const amended = a.type === 'adopted' && a.orallyAmended ? ' с внесенными в него устными поправками' : '';
  const tail = `${amended}${submitted}${sponsors && `, ${sponsors}`}`;
  const object = described ? `${described} (${d.symbol})${tail}` : `${ruNoun(f, 'nom')} (${d.symbol})${tail}`;
  const remarks = remarksOf(f, 'ru');
  if (a.type === 'withdrawn') {
    const when = a.meeting ? `На ${ruMeeting(a.meeting)} заседании ${ruGenitive(body)} ${reportDate(a.date, 'ru')}` : reportDate(a.date, 'ru');
    const who =
      d.submittedBy && !sponsors
        ? `${ruNoun(f, 'nom')} (${d.symbol}) был отозван ${formatSubmittedBy(d.submittedBy, 'ru').replace(/^представленный /, '')}`
        : `авторы ${ruNoun(f, 'gen')} (${d.symbol}) отозвали его`;
    return `${when} ${who}.${remarks}`;
  }
  const opening = `На своем ${ruMeeting(a.meeting)} заседании${f.continues ? '' : ` ${reportDate(a.date, 'ru')}`} ${body}${f.continues ? ' также' : ''}`;
  const toSession = a.type === 'deferred' && a.toSession ? ` до своей ${ruOrdinalWord(a.toSession)} сессии` : '';
  switch (a.type) {
    case 'adopted':
    case 'rejected':
      return `${opening} ${RU_VERBS[a.type][g]}${ruVote(a.vote)} ${object}.${printed(f, 'ru')}${remarks}`;
    case 'no_action':
      return `${opening} ${RU_VERBS.decided[g]} не принимать никаких решений по ${described ? `документу ${d.symbol} («${described}»)${tail}` : `${ruNoun(f, 'dat')} (${d.symbol})${tail}`}.${remarks}`;
    case 'deferred': {
      const after = afterDeferralRu(f, body, g) + remarks;
      if (a.decidedBy === 'body')
        return `${opening} ${RU_VERBS.decided[g]} отложить${toSession} рассмотрение ${described ? `документа ${d.symbol} («${described}»)${tail}` : `${ruNoun(f, 'gen')} (${d.symbol})${tail}`}.${after}`;
      const title = text(d.title, 'ru');
      const entitled = title ? `, озаглавленного «${title}»,` : '';
      const toOwn = a.toSession ? ` до ${g === 'f' ? 'ее' : 'его'} ${ruOrdinalWord(a.toSession)} сессии` : '';
      return `На ${ruMeeting(a.meeting)} заседании ${ruGenitive(body)} ${reportDate(a.date, 'ru')} авторы ${ruNoun(f, 'gen')} (${d.symbol})${entitled} решили отложить его рассмотрение и принятие по нему решения ${ruInstrumental(body)}${toOwn}.${after}`;
    }
  }
}

function afterDeferralRu(f: ActionFacts, body: string, g: Gender): string {
  const a = f.action;
  if (a.type !== 'deferred' || (!a.noAction && !a.annexedToReport) || f.input.conclusionApart) return '';
  const its = g === 'f' ? 'ее' : 'его';
  const report = f.input.session ? `к докладу ${ruGenitive(body)} о работе ${its} ${ruOrdinalWord(f.input.session)} сессии` : 'к настоящему докладу';
  const annexed = `был включен в приложение ${report} (см. приложение).`;
  if (!a.noAction) return ` Текст ${ruNoun(f, 'gen')} ${annexed}`;
  return ` ${body} не ${RU_VERBS.took[g]} никакого решения по ${ruNoun(f, 'dat')}${a.annexedToReport ? `, и его текст ${annexed}` : '.'}`;
}

// ---------------------------------------------------------------------------------------------
// Arabic.

const AR_VERBS = {
  adopted: { m: 'اعتمد', f: 'اعتمدت' },
  rejected: { m: 'رفض', f: 'رفضت' },
  decided: { m: 'قرر', f: 'قررت' },
  took: { m: 'يتخذ', f: 'تتخذ' },
} as const;
const arG = (g: Gender): 'm' | 'f' => (g === 'f' ? 'f' : 'm');
// "لـ" before the body: "للمؤتمر", "للجنة", "للمجلس".
const arOf = (body: string) => (body.startsWith('الل') ? `لل${body.slice(3)}` : body.startsWith('ال') ? `ل${body.slice(1)}` : `لـ${body}`);
// The counted noun after a number: 3–10 "أصوات", 11–99 "صوتا", else "صوت".
const arVotes = (n: number) => `${n} ${n % 100 >= 3 && n % 100 <= 10 ? 'أصوات' : n % 100 >= 11 ? 'صوتا' : 'صوت'}`;
const arVote = (v: ActionVote) =>
  v.kind !== 'recorded' ? '' : `، بتصويت مسجل، بأغلبية ${arVotes(v.yes)} مقابل ${v.no} ${v.abstain ? `وامتناع ${v.abstain} عن التصويت` : 'دون امتناع أحد عن التصويت'}،`;
const arNoun = (f: ActionFacts, definite: boolean) => {
  const kind = f.input.kind === 'resolution' ? 'قرار' : 'مقرر';
  return definite ? `مشروع ال${kind}${f.revised ? ' المنقح' : ''}` : `مشروع ${kind}${f.revised ? ' منقح' : ''}`;
};

export function arabic(f: ActionFacts): string {
  const { input: d, action: a } = f;
  const b = bodyName(d.body, 'ar');
  const body = b.text;
  const g = arG(b.gender);
  const its = g === 'f' ? 'دورتها' : 'دورته';
  const sponsors = formatSponsoredBy(d.sponsors ?? [], 'ar');
  const described = text(d.describedAs, 'ar');
  const definite = described !== null || d.submittedBy != null;
  const object = described ?? (d.submittedBy ? `${arNoun(f, true)} ${formatSubmittedBy(d.submittedBy, 'ar')}` : arNoun(f, false));
  const amended = a.type === 'adopted' && a.orallyAmended ? '، بصيغته المعدلة شفويا' : '';
  const target = `${object} (${d.symbol})${amended}${sponsors && `، ${definite ? 'الذي ' : ''}${sponsors}`}`;
  const remarks = remarksOf(f, 'ar');
  if (a.type === 'withdrawn') {
    const when = a.meeting ? `وفي الجلسة ${arOrdinalWord(a.meeting)} ${arOf(body)}، المعقودة في ${reportDate(a.date, 'ar')}` : `وفي ${reportDate(a.date, 'ar')}`;
    const who =
      d.submittedBy && !sponsors
        ? `سحب ${formatSubmittedBy(d.submittedBy, 'ar').replace(/^المقدم من /, '')} ${arNoun(f, true)} (${d.symbol})`
        : `سحب مقدمو ${arNoun(f, true)} (${d.symbol}) مشروعهم`;
    return `${when}، ${who}.${remarks}`;
  }
  const at = `وفي الجلسة ${arOrdinalWord(a.meeting)}${f.continues ? ' نفسها' : `، المعقودة في ${reportDate(a.date, 'ar')}`}،`;
  const also = f.continues ? ' أيضا' : '';
  const toSession = a.type === 'deferred' && a.toSession ? ` إلى ${its} ${arOrdinalWord(a.toSession)}` : '';
  switch (a.type) {
    case 'adopted':
    case 'rejected':
      return `${at} ${AR_VERBS[a.type][g]} ${body}${also}${arVote(a.vote)} ${target}.${printed(f, 'ar')}${remarks}`;
    case 'no_action':
      return `${at} ${AR_VERBS.decided[g]} ${body}${also} عدم اتخاذ أي إجراء بشأن ${target}.${remarks}`;
    case 'deferred': {
      const after = afterDeferralAr(f, body, g) + remarks;
      if (a.decidedBy === 'body') return `${at} ${AR_VERBS.decided[g]} ${body}${also} إرجاء النظر${toSession} في ${target}.${after}`;
      const title = text(d.title, 'ar');
      const entitled = title ? ` المعنون "${title}"` : '';
      const toOwn = a.toSession ? ` إلى الدورة ${arOrdinalWord(a.toSession)}` : '';
      return `وفي الجلسة ${arOrdinalWord(a.meeting)} ${arOf(body)}، المعقودة في ${reportDate(a.date, 'ar')}، قرر مقدمو ${arNoun(f, true)}${entitled} (${d.symbol}) إرجاء نظر ${body} فيه واتخاذ إجراء بشأنه${toOwn}.${after}`;
    }
  }
}

function afterDeferralAr(f: ActionFacts, body: string, g: 'm' | 'f'): string {
  const a = f.action;
  if (a.type !== 'deferred' || (!a.noAction && !a.annexedToReport) || f.input.conclusionApart) return '';
  const report = f.input.session ? `بتقرير ${body} عن أعمال ${g === 'f' ? 'دورتها' : 'دورته'} ${arOrdinalWord(f.input.session)}` : 'بهذا التقرير';
  if (!a.noAction) return ` وأُرفق نص ${arNoun(f, true)} ${report} (انظر المرفق).`;
  return ` ولم ${AR_VERBS.took[g]} ${body} أي إجراء بشأن ${arNoun(f, true)}${a.annexedToReport ? `، وأُرفق نصه ${report} (انظر المرفق).` : '.'}`;
}
