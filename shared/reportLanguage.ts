/**
 * What every report paragraph needs in each of the six languages, beside the sentences
 * themselves: a recorded text in the language asked or, when it is not recorded in it, the
 * visible fallback; dates, meeting and session numbers as each language's UN reports print them;
 * how the body is named (with its grammatical gender, which the verbs of French, Russian,
 * Spanish and Arabic agree with).
 *
 * The fallback rule: a name or a recorded text missing in the language asked is printed in
 * English (else in the first of the six it is recorded in) between square brackets —
 * "[United Kingdom]" — never silently in another language; `missingTexts` (shared/reportMissing.ts)
 * lists them beside the paragraph.
 */
import { type Lang, LANGUAGES, type LocalizedText, textIn, textPreferring } from './languages';
import { formatCalendarDate } from './dates';

/** A recorded text in `lang`, or its English (else first recorded) form in square brackets; "[?]" when none is recorded. */
export function inLang(text: LocalizedText | null | undefined, lang: Lang): string {
  const own = textIn(text, lang);
  if (own !== null) return own;
  const other = textPreferring(text, lang, ['en']);
  return `[${other?.text ?? '?'}]`;
}

/** Whether a recorded text is missing in `lang` (and so printed in brackets by `inLang`). */
export const isMissingIn = (text: LocalizedText | null | undefined, lang: Lang) => textIn(text, lang) === null;

// Formulae every UN report words the same way: translated by rule, not taken as recorded facts.
const FORMULAE: Record<string, LocalizedText> = {
  'also on behalf of its member states': {
    ar: 'باسم دوله الأعضاء أيضا',
    zh: '也代表其成员国',
    en: 'also on behalf of its member States',
    fr: 'également au nom de ses États membres',
    ru: 'также от имени своих государств-членов',
    es: 'también en nombre de sus Estados miembros',
  },
};

/** A recorded text completed with the UN's fixed formulae ("also on behalf of its member States") in the languages it lacks. */
export function withFormulae(text: LocalizedText | null | undefined): LocalizedText | null {
  if (!text) return null;
  const known = FORMULAE[(textIn(text, 'en') ?? '').trim().toLowerCase()];
  return known ? { ...known, ...Object.fromEntries(Object.entries(text).filter(([, v]) => v && v.trim() !== '')) } : text;
}

// ---------------------------------------------------------------------------------------------
// Dates.

// A date of the record, checked as YYYY-MM-DD when it was recorded.
function ymd(date: string): [number, number, number] {
  const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) ?? [];
  if (y === undefined || m === undefined || d === undefined) throw new RangeError(`Not a date written YYYY-MM-DD: ${JSON.stringify(date)}`);
  return [Number(y), Number(m), Number(d)];
}

/** A calendar date as the reports print it: "1er octobre 2022", "21 de octubre de 2022", "21 октября 2022 года", "21 تشرين الأول/أكتوبر 2022". */
export function reportDate(date: string, lang: 'fr' | 'es' | 'ru' | 'ar'): string {
  ymd(date); // a report date must be one: refused loudly, never printed as given
  return formatCalendarDate(date, lang);
}

// ---------------------------------------------------------------------------------------------
// Numbers of meetings and sessions.

/** A meeting's number as French prints it: "1re", "8e" (séance is feminine). */
export const frMeeting = (n: number) => (n === 1 ? '1re' : `${n}e`);
/** A meeting's number as Spanish prints it: "8ª" (sesión is feminine). */
export const esMeeting = (n: number) => `${n}ª`;
/** A meeting's number in the Russian prepositional: "8-м" ("на своем 8-м заседании"). */
export const ruMeeting = (n: number) => `${n}-м`;

/**
 * The Russian instrumental of a phrase's head word; the words after it keep their case:
 * "Председатель" → "Председателем", "Конференция" → "Конференцией", "Совещание" → "Совещанием",
 * "Комиссия по наркотическим средствам" → "Комиссией по наркотическим средствам", "Совет" → "Советом".
 */
export function ruInstrumental(phrase: string): string {
  const [first = '', ...rest] = phrase.split(' ');
  const word = first.endsWith('ь')
    ? `${first.slice(0, -1)}ем`
    : first.endsWith('ие')
      ? `${first.slice(0, -1)}ем`
      : first.endsWith('я')
        ? `${first.slice(0, -1)}ей`
        : first.endsWith('а')
          ? `${first.slice(0, -1)}ой`
          : /[бвгджзклмнпрстфхцчшщ]$/.test(first)
            ? `${first}ом`
            : first;
  return [word, ...rest].join(' ');
}

const FR_UNITS = ' un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf'.split(' ');
const FR_TENS = '  vingt trente quarante cinquante soixante soixante quatre-vingt quatre-vingt'.split(' ');
function frCardinal(n: number): string {
  if (n < 20) return FR_UNITS[n]!;
  const t = Math.floor(n / 10);
  const u = (n % 10) + (t === 7 || t === 9 ? 10 : 0);
  const tens = FR_TENS[t]!;
  if (u === 0) return t === 8 ? 'quatre-vingts' : tens;
  if ((u === 1 || u === 11) && t !== 8 && t !== 9) return `${tens} et ${FR_UNITS[u]}`;
  return `${tens}-${FR_UNITS[u]}`;
}
/** A session's number in French words, feminine: "première", "onzième", "vingt et unième". */
export function frOrdinalWord(n: number): string {
  if (n === 1) return 'première';
  if (n > 99) return `${n}e`;
  const word = frCardinal(n).replace(/s$/, '');
  if (word.endsWith('cinq')) return `${word}uième`;
  if (word.endsWith('neuf')) return `${word.slice(0, -1)}vième`;
  if (word.endsWith('e')) return `${word.slice(0, -1)}ième`;
  return `${word}ième`;
}

const ES_UNITS = ' primer segundo tercer cuarto quinto sexto séptimo octavo noveno'.split(' ');
const ES_TENS = ' décimo vigésimo trigésimo cuadragésimo quincuagésimo sexagésimo septuagésimo octogésimo nonagésimo'.split(' ');
/** A session's number in Spanish words, before "período de sesiones": "primer", "undécimo", "vigésimo primer". */
export function esOrdinalWord(n: number): string {
  if (n > 99) return `${n}º`;
  if (n === 11) return 'undécimo';
  if (n === 12) return 'duodécimo';
  const t = Math.floor(n / 10);
  const u = n % 10;
  if (t === 0) return ES_UNITS[u]!;
  if (u === 0) return ES_TENS[t]!;
  return t === 1 ? `decimo${ES_UNITS[u]}` : `${ES_TENS[t]} ${ES_UNITS[u]}`;
}

const RU_UNITS = ' перв втор треть четверт пят шест седьм восьм девят'.split(' ');
const RU_TEENS = 'десят одиннадцат двенадцат тринадцат четырнадцат пятнадцат шестнадцат семнадцат восемнадцат девятнадцат'.split(' ');
const RU_TENS = '  двадцат тридцат сороков пятидесят шестидесят семидесят восьмидесят девяност'.split(' ');
const RU_CARD_TENS = '  двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто'.split(' ');
/** A session's number in Russian words, feminine genitive/prepositional (the same form): "одиннадцатой", "двадцать первой". */
export function ruOrdinalWord(n: number): string {
  if (n > 99) return `${n}-й`;
  const ending = (stem: string) => (stem === 'треть' ? 'третьей' : `${stem}ой`);
  if (n < 10) return ending(RU_UNITS[n]!);
  if (n < 20) return ending(RU_TEENS[n - 10]!);
  const t = Math.floor(n / 10);
  const u = n % 10;
  return u === 0 ? ending(RU_TENS[t]!) : `${RU_CARD_TENS[t]} ${ending(RU_UNITS[u]!)}`;
}

const AR_FEM = ' الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة العاشرة'.split(' ');
const AR_TENS = '  العشرين الثلاثين الأربعين الخمسين الستين السبعين الثمانين التسعين'.split(' ');
/**
 * A meeting's or session's number in Arabic words, feminine (الجلسة، الدورة) and genitive, as
 * it stands after a preposition: "الثامنة", "الحادية عشرة", "الحادية والعشرين"; in figures beyond 99.
 */
export function arOrdinalWord(n: number): string {
  if (n > 99 || n < 1) return String(n);
  if (n <= 10) return AR_FEM[n]!;
  if (n < 20) return `${n === 11 ? 'الحادية' : AR_FEM[n - 10]} عشرة`;
  const t = Math.floor(n / 10);
  const u = n % 10;
  if (u === 0) return AR_TENS[t]!;
  return `${u === 1 ? 'الحادية' : AR_FEM[u]} و${AR_TENS[t]}`;
}

const AR_MASC = ' الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر'.split(' ');
/** A chapter's number in Arabic words (الفصل is masculine): "الأول" … "العاشر", in figures beyond. */
export const arChapter = (n: number) => AR_MASC[n] ?? String(n);
const AR_LETTERS = 'ألف باء جيم دال هاء واو زاي حاء طاء ياء كاف لام ميم نون سين عين فاء صاد قاف راء'.split(' ');
/** A section's letter as Arabic documents name it ("A" → "ألف", "B" → "باء"). */
export const arSection = (letter: string) => AR_LETTERS[letter.toUpperCase().charCodeAt(0) - 65] ?? letter;

// ---------------------------------------------------------------------------------------------
// The body.

/** Grammatical gender of the body's name, which verbs and pronouns agree with. */
export type Gender = 'm' | 'f' | 'n';

/** How a paragraph names the body in one language: "la Conférence" (f), "el Consejo" (m), "Конференция" (f), "المؤتمر" (m). */
export interface BodyName {
  /** In running text, with its article where the language has one. */
  text: string;
  gender: Gender;
  /** Recorded in this language (false: printed in brackets from another language). */
  recorded: boolean;
}

// The organs' head nouns, from the English, in each language with their gender.
const ORGANS: Record<string, Partial<Record<Lang, [string, Gender]>>> = {
  conference: { fr: ['la Conférence', 'f'], es: ['la Conferencia', 'f'], ru: ['Конференция', 'f'], ar: ['المؤتمر', 'm'] },
  commission: { fr: ['la Commission', 'f'], es: ['la Comisión', 'f'], ru: ['Комиссия', 'f'], ar: ['اللجنة', 'f'] },
  committee: { fr: ['le Comité', 'm'], es: ['el Comité', 'm'], ru: ['Комитет', 'm'], ar: ['اللجنة', 'f'] },
  council: { fr: ['le Conseil', 'm'], es: ['el Consejo', 'm'], ru: ['Совет', 'm'], ar: ['المجلس', 'm'] },
  assembly: { fr: ["l'Assemblée", 'f'], es: ['la Asamblea', 'f'], ru: ['Ассамблея', 'f'], ar: ['الجمعية', 'f'] },
  meeting: { fr: ['la Réunion', 'f'], es: ['la Reunión', 'f'], ru: ['Совещание', 'n'], ar: ['الاجتماع', 'm'] },
  board: { fr: ['le Conseil', 'm'], es: ['la Junta', 'f'], ru: ['Совет', 'm'], ar: ['المجلس', 'm'] },
  forum: { fr: ['le Forum', 'm'], es: ['el Foro', 'm'], ru: ['Форум', 'm'], ar: ['المنتدى', 'm'] },
};

// The gender a recorded short name shows: its article (fr, es), its ending (ru, ar).
function genderOf(text: string, lang: Lang): Gender {
  const head = text.trim().split(/\s+/);
  if (lang === 'fr') return head[0] === 'le' || head[0] === 'Le' ? 'm' : 'f';
  if (lang === 'es') return /^(el|El)$/.test(head[0] ?? '') ? 'm' : 'f';
  const word = (lang === 'ru' ? head[0] : head.at(-1)) ?? '';
  if (lang === 'ru') return /[ая]$/.test(word) ? 'f' : /[еоё]$/.test(word) ? 'n' : 'm';
  return /[ةى]$/.test(word) && !word.endsWith('منتدى') ? 'f' : 'm';
}

/**
 * The body as a paragraph in `lang` names it: the recorded short name in that language, else
 * the organ's name from its English head noun ("the Conference" → "la Conférence"), else the
 * English in brackets.
 */
export function bodyName(body: LocalizedText, lang: Lang): BodyName {
  const own = textIn(body, lang);
  if (own !== null) return { text: own, gender: genderOf(own, lang), recorded: true };
  const head = (textIn(body, 'en') ?? '').trim().split(/\s+/).at(-1)?.toLowerCase() ?? '';
  const known = ORGANS[head]?.[lang];
  if (known) return { text: known[0], gender: known[1], recorded: true };
  return { text: inLang(body, lang), gender: 'f', recorded: false };
}

/** The six languages' order, for callers listing what is missing. */
export const REPORT_LANGUAGES = LANGUAGES;

/** First letter upper-cased, for a sentence that opens with the body ("La Conférence …"). */
export const capitalFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
