/**
 * The paragraph recording the action on a draft in Arabic, French, Russian and Spanish (the
 * English and Chinese ones are shared/reportParagraph.ts's), in the house style of each
 * language's UN reports: the same facts, the same order of clauses as the English — the
 * meeting and its date, the body, what it did, the draft and its symbol, as orally amended,
 * its sponsors, where its text is printed — in each language's wording:
 *
 * - fr « À sa 11e séance, le 21 octobre 2022, la Conférence a adopté le projet de résolution
 *   soumis par … (CTOC/COP/2022/L.4), présenté par les délégations suivantes : … (Pour le texte,
 *   voir chap. I, sect. A, résolution 11/1.) »
 * - es "En su 11ª sesión, celebrada el 21 de octubre de 2022, la Conferencia aprobó …"
 * - ru «На своем 11-м заседании 21 октября 2022 года Конференция приняла …»
 * - ar "وفي الجلسة الحادية عشرة، المعقودة في 21 تشرين الأول/أكتوبر 2022، اعتمد المؤتمر …"
 *
 * Verbs agree with the body's gender (Конференция приняла, Совет принял; اعتمد المؤتمر،
 * اعتمدت اللجنة). Recorded texts missing in the language are printed in brackets
 * (shared/reportLanguage.ts `inLang`).
 */
import type { Lang } from './languages';
import type { FinalAction } from './lifecycle';
import { romanNumber } from './numberingLabels';
import type { ActionParagraphInput } from './reportParagraph';
import {
  arChapter,
  arOrdinalWord,
  arSection,
  bodyName,
  capitalFirst,
  esMeeting,
  esOrdinalWord,
  frMeeting,
  frOrdinalWord,
  type Gender,
  inLang,
  reportDate,
  ruMeeting,
  ruOrdinalWord,
} from './reportLanguage';
import { formatSponsoredBy, formatSubmittedBy } from './reportNames';
import type { ActionVote } from './votes';

/** The four languages this module writes. */
export type OtherLang = 'fr' | 'es' | 'ru' | 'ar';

/** What a paragraph is written from once checked: the input, its final action, whether the symbol is a revision, whether it continues the paragraph before. */
export interface ActionFacts {
  input: ActionParagraphInput;
  action: FinalAction;
  revised: boolean;
  continues: boolean;
}

const NBSP = '\u00a0';
const text = (t: Parameters<typeof inLang>[0], lang: Lang) => (t && Object.values(t).some((v) => v?.trim()) ? inLang(t, lang) : null);
const remarksOf = (f: ActionFacts, lang: Lang) => {
  const r = text(f.input.remarks, lang);
  return r ? ` ${r}` : '';
};

// ---------------------------------------------------------------------------------------------
// French.

// "de" before a noun phrase: "du projet", "des délégations", "d'un projet", "de la Conférence", "de l'Assemblée".
const frDe = (np: string) => (np.startsWith('le ') ? `du ${np.slice(3)}` : np.startsWith('les ') ? `des ${np.slice(4)}` : /^[aeiouéh]/i.test(np) ? `d'${np}` : `de ${np}`);
const frVote = (v: ActionVote) =>
  v.kind !== 'recorded'
    ? ''
    : `, à l'issue d'un vote enregistré, par ${v.yes} voix contre ${v.no}, ${v.abstain ? `avec ${v.abstain} abstention${v.abstain > 1 ? 's' : ''}` : 'sans abstention'},`;
const frReport = (f: ActionFacts, body: string) =>
  f.input.session ? `au rapport ${frDe(body)} sur les travaux de sa ${frOrdinalWord(f.input.session)} session` : 'au présent rapport';

function french(f: ActionFacts): string {
  const { input: d, action: a } = f;
  const b = bodyName(d.body, 'fr');
  const body = b.text;
  const noun = `projet de ${d.kind === 'resolution' ? 'résolution' : 'décision'}${f.revised ? ' révisé' : ''}`;
  const sponsors = formatSponsoredBy(d.sponsors ?? [], 'fr');
  const described = text(d.describedAs, 'fr');
  const object = described ?? (d.submittedBy ? `le ${noun} ${formatSubmittedBy(d.submittedBy, 'fr')}` : `un ${noun}`);
  const amended = a.type === 'adopted' && a.orallyAmended ? ', tel que modifié oralement' : '';
  const target = `${object} (${d.symbol})${amended}${sponsors && `, ${sponsors}`}`;
  const remarks = remarksOf(f, 'fr');
  if (a.type === 'withdrawn') {
    const when = a.meeting ? `À la ${frMeeting(a.meeting)} séance ${frDe(body)}, le ${reportDate(a.date, 'fr')}` : `Le ${reportDate(a.date, 'fr')}`;
    const who =
      d.submittedBy && !sponsors
        ? `${formatSubmittedBy(d.submittedBy, 'fr').replace(/^soumis par /, '')} a retiré le ${noun} (${d.symbol})`
        : `les auteurs du ${noun} (${d.symbol}) l'ont retiré`;
    return `${when}, ${who}.${remarks}`;
  }
  const opening = `À sa ${frMeeting(a.meeting)} séance${f.continues ? '' : `, le ${reportDate(a.date, 'fr')}`}, ${body} a ${f.continues ? 'également ' : ''}`;
  const toSession = a.type === 'deferred' && a.toSession ? `${frOrdinalWord(a.toSession)} session` : '';
  switch (a.type) {
    case 'adopted':
    case 'rejected':
      return `${opening}${a.type === 'adopted' ? 'adopté' : 'rejeté'}${frVote(a.vote)} ${target}.${printed(f, 'fr')}${remarks}`;
    case 'no_action':
      return `${opening}décidé de ne pas se prononcer sur ${target}.${remarks}`;
    case 'deferred': {
      const after = afterDeferralFr(f, body, b.gender, noun) + remarks;
      if (a.decidedBy === 'body') return `${opening}décidé de reporter${toSession && ` à sa ${toSession}`} l'examen ${frDe(target)}.${after}`;
      const title = text(d.title, 'fr');
      const entitled = title ? ` intitulé «${NBSP}${title}${NBSP}»` : '';
      return `À la ${frMeeting(a.meeting)} séance ${frDe(body)}, le ${reportDate(a.date, 'fr')}, les auteurs du ${noun}${entitled} (${d.symbol}) ont décidé d'en reporter l'examen et la suite à y donner par ${body}${toSession && ` à sa ${toSession}`}.${after}`;
    }
  }
}

function afterDeferralFr(f: ActionFacts, body: string, gender: Gender, noun: string): string {
  const a = f.action;
  if (a.type !== 'deferred' || (!a.noAction && !a.annexedToReport) || f.input.conclusionApart) return '';
  const annexed = `a été annexé ${frReport(f, body)} (voir annexe).`;
  if (!a.noAction) return ` Le texte du ${noun} ${annexed}`;
  const pronounced = gender === 'f' ? 'prononcée' : 'prononcé';
  return ` ${capitalFirst(body)} ne s'est pas ${pronounced} sur le ${noun}${a.annexedToReport ? `, et son texte ${annexed}` : '.'}`;
}

// ---------------------------------------------------------------------------------------------
// Spanish.

const esDe = (np: string) => (np.startsWith('el ') ? `del ${np.slice(3)}` : `de ${np}`);
const esVotes = (n: number) => `${n} voto${n === 1 ? '' : 's'}`;
const esVote = (v: ActionVote) =>
  v.kind !== 'recorded'
    ? ''
    : `, en votación registrada, por ${esVotes(v.yes)} contra ${v.no} y ${v.abstain ? `${v.abstain} abstenci${v.abstain > 1 ? 'ones' : 'ón'}` : 'ninguna abstención'},`;

function spanish(f: ActionFacts): string {
  const { input: d, action: a } = f;
  const b = bodyName(d.body, 'es');
  const body = b.text;
  const noun = `proyecto de ${d.kind === 'resolution' ? 'resolución' : 'decisión'}${f.revised ? ' revisado' : ''}`;
  const sponsors = formatSponsoredBy(d.sponsors ?? [], 'es');
  const described = text(d.describedAs, 'es');
  const object = described ?? (d.submittedBy ? `el ${noun} ${formatSubmittedBy(d.submittedBy, 'es')}` : `un ${noun}`);
  const amended = a.type === 'adopted' && a.orallyAmended ? ', en su forma enmendada oralmente' : '';
  const target = `${object} (${d.symbol})${amended}${sponsors && `, ${sponsors}`}`;
  const remarks = remarksOf(f, 'es');
  if (a.type === 'withdrawn') {
    const when = a.meeting ? `En la ${esMeeting(a.meeting)} sesión ${esDe(body)}, celebrada el ${reportDate(a.date, 'es')}` : `El ${reportDate(a.date, 'es')}`;
    const who =
      d.submittedBy && !sponsors
        ? `${formatSubmittedBy(d.submittedBy, 'es').replace(/^presentado por /, '')} retiró el ${noun} (${d.symbol})`
        : `los patrocinadores del ${noun} (${d.symbol}) lo retiraron`;
    return `${when}, ${who}.${remarks}`;
  }
  const opening = `En su ${esMeeting(a.meeting)} sesión${f.continues ? '' : `, celebrada el ${reportDate(a.date, 'es')}`}, ${body} ${f.continues ? 'también ' : ''}`;
  const toSession = a.type === 'deferred' && a.toSession ? `${esOrdinalWord(a.toSession)} período de sesiones` : '';
  switch (a.type) {
    case 'adopted':
    case 'rejected':
      return `${opening}${a.type === 'adopted' ? 'aprobó' : 'rechazó'}${esVote(a.vote)} ${target}.${printed(f, 'es')}${remarks}`;
    case 'no_action':
      return `${opening}decidió no adoptar ninguna medida sobre ${target}.${remarks}`;
    case 'deferred': {
      const after = afterDeferralEs(f, body, noun) + remarks;
      if (a.decidedBy === 'body') return `${opening}decidió aplazar${toSession && ` hasta su ${toSession}`} el examen ${esDe(target)}.${after}`;
      const title = text(d.title, 'es');
      const entitled = title ? ` titulado “${title}”` : '';
      return `En la ${esMeeting(a.meeting)} sesión ${esDe(body)}, celebrada el ${reportDate(a.date, 'es')}, los patrocinadores del ${noun}${entitled} (${d.symbol}) decidieron aplazar su examen y la adopción de medidas al respecto por ${body}${toSession && ` hasta su ${toSession}`}.${after}`;
    }
  }
}

function afterDeferralEs(f: ActionFacts, body: string, noun: string): string {
  const a = f.action;
  if (a.type !== 'deferred' || (!a.noAction && !a.annexedToReport) || f.input.conclusionApart) return '';
  const report = f.input.session ? `al informe ${esDe(body)} sobre su ${esOrdinalWord(f.input.session)} período de sesiones` : 'al presente informe';
  const annexed = `se adjuntó como anexo ${report} (véase el anexo).`;
  if (!a.noAction) return ` El texto del ${noun} ${annexed}`;
  return ` ${capitalFirst(body)} no adoptó ninguna medida sobre el ${noun}${a.annexedToReport ? `, y su texto ${annexed}` : '.'}`;
}

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
// The genitive of the body's head word ("Конференция" → "Конференции", "Совет" → "Совета").
function ruGenitive(body: string): string {
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
// The instrumental ("Конференцией", "Советом"), for "принятие решения Конференцией".
function ruInstrumental(body: string): string {
  const [first = '', ...rest] = body.split(' ');
  const word = /(ия|я)$/.test(first)
    ? `${first.slice(0, -1)}ей`
    : first.endsWith('ие')
      ? `${first.slice(0, -1)}ем`
      : first.endsWith('а')
        ? `${first.slice(0, -1)}ой`
        : /[бвгджзклмнпрстфхцчшщ]$/.test(first)
          ? `${first}ом`
          : first;
  return [word, ...rest].join(' ');
}
const ruVotes = (n: number) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'голосом' : 'голосами'}`;
const ruVote = (v: ActionVote) =>
  v.kind !== 'recorded'
    ? ''
    : ` путем заносимого в отчет о заседании голосования ${ruVotes(v.yes)} против ${v.no} ${v.abstain ? `при ${v.abstain} воздержавшихся` : 'при отсутствии воздержавшихся'}`;

function russian(f: ActionFacts): string {
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

function arabic(f: ActionFacts): string {
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

// ---------------------------------------------------------------------------------------------

// Where the text is printed: "(Pour le texte, voir chap. I, sect. A, résolution 11/1.)" and its kin.
function printed({ input: { printedIn: at }, action: a }: ActionFacts, lang: OtherLang): string {
  const becomes = a.type === 'adopted' ? a.becomes : undefined;
  const chapter = at && romanNumber(at.chapter).toUpperCase();
  const WORDS = {
    fr: { chap: 'chap.', sect: 'sect.', resolution: 'résolution', decision: 'décision', open: ' (Pour le texte, voir ' },
    es: { chap: 'cap.', sect: 'secc.', resolution: 'resolución', decision: 'decisión', open: ' (Véase el texto en el ' },
    ru: { chap: 'глава', sect: 'раздел', resolution: 'резолюция', decision: 'решение', open: ' (Текст см. в ' },
    ar: { chap: 'الفصل', sect: 'الفرع', resolution: 'القرار', decision: 'المقرر', open: ' (للاطلاع على النص، انظر ' },
  }[lang];
  const where =
    at &&
    (lang === 'ar'
      ? `${WORDS.chap} ${arChapter(at.chapter)}، ${WORDS.sect} ${arSection(at.section)}`
      : lang === 'ru'
        ? `главе ${chapter}, раздел ${at.section}`
        : `${WORDS.chap} ${chapter}, ${WORDS.sect} ${at.section}`);
  const number = becomes && `${becomes.kind === 'resolution' ? WORDS.resolution : WORDS.decision} ${becomes.number}`;
  const list = [where, number].filter(Boolean).join(lang === 'ar' ? '، ' : ', ');
  return list ? `${WORDS.open}${list}.)` : '';
}

/** The paragraph recording the action on one draft in French, Spanish, Russian or Arabic. */
export function otherActionParagraph(f: ActionFacts, lang: OtherLang): string {
  switch (lang) {
    case 'fr':
      return french(f);
    case 'es':
      return spanish(f);
    case 'ru':
      return russian(f);
    case 'ar':
      return arabic(f);
  }
}

/** How a paragraph in one of these languages names a draft: "projet de décision révisé", "проект решения", "مشروع القرار المنقح". */
export function otherDraftNoun(kind: 'resolution' | 'decision', revised: boolean, lang: OtherLang): string {
  if (lang === 'fr') return `projet de ${kind === 'resolution' ? 'résolution' : 'décision'}${revised ? ' révisé' : ''}`;
  if (lang === 'es') return `proyecto de ${kind === 'resolution' ? 'resolución' : 'decisión'}${revised ? ' revisado' : ''}`;
  if (lang === 'ru') return `${revised ? 'пересмотренный ' : ''}проект ${kind === 'resolution' ? 'резолюции' : 'решения'}`;
  return `مشروع ال${kind === 'resolution' ? 'قرار' : 'مقرر'}${revised ? ' المنقح' : ''}`;
}

export { ruGenitive, ruInstrumental, arOf };
