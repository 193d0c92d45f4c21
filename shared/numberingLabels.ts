/**
 * The words and signs of paragraph numbering, both ways: "3 bis", "(aa)", "(iv)", "Annex II",
 * "附件二", and the chair's references ("Annex I, para. 3 (b)") read back into their parts.
 * `numbering.ts` decides which paragraph gets which number; this module only spells them,
 * and `printedLabel` / `annexLabel` spell them as each of the six languages' UN documents
 * print them ("1." / Arabic "1 -", "(a)" / "a)" / "(أ)", "Annex I" / "Annexe I" / "المرفق الأول").
 */
import type { Lang } from './languages';
import type { ParagraphType } from './schema';

/** A paragraph's place in its sequence: ordinal `n` (0 = new before the first), insertion degree `k` (1 = bis). */
export interface Ordinal {
  readonly n: number;
  readonly k: number;
}

/** How an ordinal is written: operative and preambular 3, level-1 subparagraphs (c), level-2 (iii). */
export type OrdinalStyle = 'arabic' | 'letter' | 'roman';

/** The languages in which annex labels are spelled: the six. */
export type AnnexLanguage = Lang;

// Latin multiplicative adverbs, as in "3 bis": index k names the (k + 1)th paragraph numbered 3.
const LATIN = [
  '',
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
  'undecies',
  'duodecies',
  'terdecies',
  'quaterdecies',
  'quindecies',
  'sexdecies',
  'septdecies',
  'octodecies',
  'novodecies',
  'vicies',
];
const LATIN_INDEX = new Map(LATIN.map((word, k) => [word, k]));
/** The words after an inserted paragraph's number, as a regex alternation ("bis|ter|…|vicies"): what an importer reads. */
export const LATIN_SUFFIX_WORDS = LATIN.slice(1).join('|');
// Past "vicies" there is no word in use; "#21" is plain to read and easy to spot.
const SUFFIX_WORDS = `${LATIN_SUFFIX_WORDS}|#[1-9]\\d*`;
const SUFFIX = `(?: (${SUFFIX_WORDS}))?`;
const SUFFIX_NC = `(?: (?:${SUFFIX_WORDS}))?`;

/** The Latin word after an inserted paragraph's number: 1 → "bis", 2 → "ter" … 19 → "vicies", then "#21". */
export function latinSuffix(k: number): string {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`Invalid insertion degree ${k}`);
  return k < LATIN.length ? LATIN[k]! : `#${k + 1}`;
}

/** The letters of a level-1 subparagraph, UN style: 1 → "a", 26 → "z", 27 → "aa", 28 → "bb". */
export function letterNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Invalid letter ordinal ${n}`);
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

const ROMAN: readonly [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];
const ROMAN_RE = /^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

/** A lower-case Roman numeral, for level-2 subparagraphs: 4 → "iv". */
export function romanNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`Invalid roman ordinal ${n}`);
  let out = '';
  for (const [value, sign] of ROMAN) {
    while (n >= value) {
      out += sign;
      n -= value;
    }
  }
  return out;
}

function parseRoman(s: string): number | null {
  if (!s || !ROMAN_RE.test(s)) return null;
  let n = 0;
  let i = 0;
  for (const [value, sign] of ROMAN) {
    while (s.startsWith(sign, i)) {
      n += value;
      i += sign.length;
    }
  }
  return n;
}

/** An ordinal as printed: ("arabic", 3/1) → "3 bis", ("letter", 3/0) → "(c)", ("roman", 0/0) → "(new)". */
export function formatOrdinal(o: Ordinal, style: OrdinalStyle): string {
  const base = o.n === 0 ? 'new' : style === 'arabic' ? String(o.n) : style === 'letter' ? letterNumber(o.n) : romanNumber(o.n);
  const text = style === 'arabic' ? base : `(${base})`;
  return o.k === 0 ? text : `${text} ${latinSuffix(o.k)}`;
}

const ORDINAL_RE = {
  arabic: new RegExp(`^([1-9]\\d*|new)${SUFFIX}$`),
  letter: new RegExp(`^\\(([a-z]+|new)\\)${SUFFIX}$`),
  roman: new RegExp(`^\\(([a-z]+|new)\\)${SUFFIX}$`),
};

/** Read back what `formatOrdinal` wrote, or null when `text` is not an ordinal of that style. */
export function parseOrdinal(text: string, style: OrdinalStyle): Ordinal | null {
  const m = ORDINAL_RE[style].exec(text);
  if (!m) return null;
  const k = m[2] === undefined ? 0 : m[2].startsWith('#') ? Number(m[2].slice(1)) - 1 : LATIN_INDEX.get(m[2])!;
  if (m[2]?.startsWith('#') && !(k >= LATIN.length)) return null; // "#n" only where no Latin word exists
  const word = m[1]!;
  if (word === 'new') return { n: 0, k };
  let n: number | null;
  if (style === 'arabic') n = Number(word);
  else if (style === 'letter') n = /^([a-z])\1*$/.test(word) ? (word.length - 1) * 26 + word.charCodeAt(0) - 96 : null;
  else n = parseRoman(word);
  return n === null || n < 1 ? null : { n, k };
}

const ZH_DIGITS = '〇一二三四五六七八九';

/** A number in Chinese numerals, as annexes are counted: 11 → "十一", 21 → "二十一" (digits from 100). */
export function chineseNumber(n: number): string {
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return (tens > 1 ? ZH_DIGITS[tens] : '') + (tens > 0 ? '十' : '') + (units > 0 ? ZH_DIGITS[units] : '');
}

/** Arabic ordinals as UN Arabic documents count annexes: المرفق الأول, المرفق الثاني … (1 to 20). */
export const ARABIC_ORDINALS = [
  'الأول',
  'الثاني',
  'الثالث',
  'الرابع',
  'الخامس',
  'السادس',
  'السابع',
  'الثامن',
  'التاسع',
  'العاشر',
  'الحادي عشر',
  'الثاني عشر',
  'الثالث عشر',
  'الرابع عشر',
  'الخامس عشر',
  'السادس عشر',
  'السابع عشر',
  'الثامن عشر',
  'التاسع عشر',
  'العشرون',
];

/** The word "Annex" in each language, as a heading prints it (alone when the text has one annex). */
export const ANNEX_WORDS: Record<Lang, string> = { ar: 'المرفق', zh: '附件', en: 'Annex', fr: 'Annexe', ru: 'Приложение', es: 'Anexo' };

/**
 * An annex's label: "Annex" when it is the only one, else "Annex I", "Annex II" …; zh "附件", "附件一" …;
 * fr "Annexe I", es "Anexo I", ru "Приложение I"; ar "المرفق", "المرفق الأول", "المرفق الثاني" …
 */
export function annexLabel(index: number, count: number, lang: AnnexLanguage = 'en'): string {
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`Invalid annex index ${index} of ${count}`);
  const word = ANNEX_WORDS[lang];
  if (count === 1) return word;
  if (lang === 'zh') return `${word}${chineseNumber(index + 1)}`;
  // Past the twentieth ordinal word, the number in digits: plain to read, and no text has that many.
  if (lang === 'ar') return `${word} ${ARABIC_ORDINALS[index] ?? String(index + 1)}`;
  return `${word} ${romanNumber(index + 1).toUpperCase()}`;
}

/** The 28 letters of level-1 subparagraphs in Arabic UN texts, in abjad order: (أ) (ب) (ج) (د) (هـ) (و) … */
export const ARABIC_LETTERS = [
  'أ',
  'ب',
  'ج',
  'د',
  'هـ',
  'و',
  'ز',
  'ح',
  'ط',
  'ي',
  'ك',
  'ل',
  'م',
  'ن',
  'س',
  'ع',
  'ف',
  'ص',
  'ق',
  'ر',
  'ش',
  'ت',
  'ث',
  'خ',
  'ذ',
  'ض',
  'ظ',
  'غ',
] as const;

/** The Arabic letter of a level-1 subparagraph: 1 → "أ", 5 → "هـ"; past the 28th, doubled as English doubles "aa". */
export function arabicLetter(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Invalid letter ordinal ${n}`);
  return ARABIC_LETTERS[(n - 1) % 28]!.repeat(Math.floor((n - 1) / 28) + 1);
}

// Chinese UN texts print level-2 subparagraphs as parenthesised numerals: ㈠ ㈡ … ㈩, then "(十一)".
const ZH_PARENTHESISED = '㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩';

/** How each language prints a subparagraph's number `n` at `level` (1: letters, 2: roman numerals). */
function subparagraphSign(level: 1 | 2, n: number, lang: Lang): string {
  if (level === 1) {
    if (lang === 'ar') return `(${arabicLetter(n)})`;
    const letters = letterNumber(n);
    return lang === 'en' || lang === 'zh' ? `(${letters})` : `${letters})`;
  }
  if (lang === 'ar') return `’${n}‘`;
  if (lang === 'zh') return n <= 10 ? ZH_PARENTHESISED[n - 1]! : `(${chineseNumber(n)})`;
  const roman = romanNumber(n);
  return lang === 'en' ? `(${roman})` : `${roman})`;
}

/**
 * A subparagraph's label in `lang` from its ordinal: level 1 (c) / c) / (ج), level 2 (ii) / ii) / ㈡ / ’2‘;
 * an inserted one keeps its Latin word ("(c) bis" → "c) bis"), as negotiation texts print it in every language.
 */
export function subparagraphLabel(o: Ordinal, level: 1 | 2, lang: Lang): string {
  if (o.n === 0) return formatOrdinal(o, level === 1 ? 'letter' : 'roman');
  const sign = subparagraphSign(level, o.n, lang);
  return o.k === 0 ? sign : `${sign} ${latinSuffix(o.k)}`;
}

/** An operative paragraph's label in `lang`: "3." in five languages, "3 -" in Arabic; "3 bis." / "3 bis -". */
export function operativeLabel(number: string, lang: Lang): string {
  if (number === '' || number.startsWith('new')) return number;
  return lang === 'ar' ? `${number} -` : `${number}.`;
}

/**
 * The label printed before paragraph `p` in a text in `lang`, as that language's UN documents print
 * it: operative "3." (Arabic "3 -"), subparagraphs "(a)" (en, zh), "a)" (fr, es, ru), "(أ)" (ar), and
 * under them "(ii)", "ii)", "㈡", "’2‘". Preambular, plain and single operative paragraphs print none: "".
 * `p` is in practice a `ParagraphNumber`: the four fields read are spelled out, not imported, because numbering.ts imports this module.
 */
export function printedLabel(p: { readonly kind: ParagraphType; readonly level: 0 | 1 | 2; readonly label: string; readonly number: string }, lang: Lang): string {
  if (p.label === '') return '';
  if (p.kind === 'operative') return operativeLabel(p.number, lang);
  if (p.kind !== 'subparagraph') return p.label;
  const level = p.level === 2 ? 2 : 1;
  const ordinal = parseOrdinal(p.number, level === 1 ? 'letter' : 'roman');
  return ordinal ? subparagraphLabel(ordinal, level, lang) : p.label;
}

/** A chair's reference read into parts: the annex index (null: main body), what heads it, its ordinals. */
export interface ParsedRef {
  readonly annex: number | null;
  /** `pp` "PP 2", `op` "OP 3" / "para. 3", `lettered` "para. (a)" (no operative paragraph above it). */
  readonly head: 'pp' | 'op' | 'lettered';
  /** The printed ordinals from the head down: ["4", "(c)", "(ii)"]; the single unnumbered "OP" reads as "1". */
  readonly path: readonly string[];
  /** Whether this is the single, unnumbered operative paragraph of a text ("OP"). */
  readonly sole: boolean;
}

const NUM = `(?:[1-9]\\d*|new)${SUFFIX_NC}`;
const SUB = `\\((?:[a-z]+|new)\\)${SUFFIX_NC}`;
const REF_RE = new RegExp(`^(?:Annex(?: ([IVXLCDM]+))?, )?(?:(PP|OP) (${NUM})|(OP)|para\\.(?: (${NUM}))?)((?: ${SUB})*)$`);
const SUB_RE = new RegExp(SUB, 'g');

/** Parse a reference that `numbering.ts` wrote ("OP 4 (c) (ii)", "Annex II, para. (b)"); null if it is not one. */
export function parseRef(ref: string): ParsedRef | null {
  const m = REF_RE.exec(ref);
  if (!m) return null;
  const [, annexRoman, head, headNum, soleOp, paraNum, subs = ''] = m;
  let annex: number | null = null;
  if (annexRoman !== undefined) {
    const n = parseRoman(annexRoman.toLowerCase());
    if (n === null) return null;
    annex = n - 1;
  } else if (ref.startsWith('Annex,')) annex = 0;
  const subPath = subs.match(SUB_RE) ?? [];
  for (const token of subPath) if (!parseOrdinal(token, 'letter') && !parseOrdinal(token, 'roman')) return null;
  if (head !== undefined) {
    if (head === 'PP' && subPath.length > 0) return null;
    return { annex, head: head === 'PP' ? 'pp' : 'op', path: [headNum!, ...subPath], sole: false };
  }
  if (soleOp !== undefined) return { annex, head: 'op', path: ['1', ...subPath], sole: true };
  if (paraNum !== undefined) return { annex, head: 'op', path: [paraNum, ...subPath], sole: false };
  return subPath.length > 0 ? { annex, head: 'lettered', path: subPath, sole: false } : null;
}
