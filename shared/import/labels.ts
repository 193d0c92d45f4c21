/**
 * Paragraph labels at the start of a line, in the six languages: operative numbers ("3.", "3 bis.",
 * "3．", Arabic "3 -", in Western or Arabic-Indic digits) and subparagraph labels ("(c)", "c)",
 * "(ج)", "’2‘", "㈡", "(二)", and "в)" as a Russian text typed in Cyrillic letters them), each
 * with the label exactly as printed.
 */
import type { Lang } from '../languages';
import { ARABIC_LETTERS, chineseNumber, LATIN_SUFFIX_WORDS, letterNumber, romanNumber } from '../numberingLabels';
import { narrowLetters, westernDigits } from './conventions';

// The words of an inserted paragraph's number, as numberingLabels.ts writes them: bis … vicies.
const LATIN_SUFFIXES = LATIN_SUFFIX_WORDS;
// "16.4 …" must not read as paragraph 16, so an ASCII full stop needs a space after it, or a
// Chinese character ("1.请秘书长…", as some Chinese texts are set).
const NUMBERED = new RegExp(`^(\\d{1,3})(?:\\s*(${LATIN_SUFFIXES}))?(?:\\.\\s+|．\\s*|\\.(?=[\\u3400-\\u9fff]))(.*)$`, 'u');
// Arabic "1 - تقرر …", "5 مكررا - …": a dash after the number, spaces about it (as typed, "1- " and "1 -تقرر" too).
const NUMBERED_DASH = new RegExp(`^(\\d{1,3})(?:\\s+(${LATIN_SUFFIXES}|مكرر(?:ا|اً)?))?\\s*[-–—](\\s*)(\\S.*)$`, 'u');
const ARABIC_LETTER = /[\u0600-\u06ff]/u;

/** An operative paragraph's number read from the start of a line, in any of the six languages. */
export interface NumberLabel {
  number: number;
  /** The Latin word of an inserted paragraph ("bis"; Arabic "مكررا" reads as "bis"), or null. */
  suffix: string | null;
  /** The label as printed: "3.", "3 bis.", "3 -". */
  asPrinted: string;
  body: string;
}

/**
 * Reads "3. …", "3 bis. …", "3．…" and, in an Arabic text or before Arabic words, "3 - …". A dash
 * after a number in a Latin-script line ("10 - year") is running text, not a number.
 */
export function readNumber(text: string, lang: Lang): NumberLabel | null {
  const probe = westernDigits(text);
  let parts: { digits: string; word: string | undefined; rest: string; dash: boolean };
  const m = NUMBERED.exec(probe);
  if (m) parts = { digits: m[1]!, word: m[2], rest: m[3]!, dash: false };
  else {
    const d = NUMBERED_DASH.exec(probe);
    // In an Arabic text a spaced dash is enough; otherwise (and always without a space: "10-15") an Arabic word must follow.
    if (!d || !((lang === 'ar' && d[3] !== '') || ARABIC_LETTER.test(d[4]!.charAt(0)))) return null;
    parts = { digits: d[1]!, word: d[2], rest: d[4]!, dash: true };
  }
  const suffix = parts.word === undefined ? null : parts.word.startsWith('مكرر') ? 'bis' : parts.word;
  // The body is the line's own text (its digits as printed), the same length from the end.
  const cut = probe.length - parts.rest.length;
  const head = text.slice(0, cut).trim();
  return { number: Number(parts.digits), suffix, asPrinted: parts.dash ? head.replace(/\s*[-–—]$/u, ' -') : head, body: text.slice(cut).trim() };
}

/** A subparagraph's label read from the start of a line. */
export interface LetterLabel {
  /** The label as Latin letters or a lower-case roman numeral ("c", "ii"): what the sequence checks read. */
  letters: string;
  /** The level when the sign itself says it (Arabic and Cyrillic letters 1, ’2‘ and ㈡ 2), or null where (i) may be a letter or a numeral. */
  level: 1 | 2 | null;
  /** The label as printed: "(c)", "c)", "(ج)", "’2‘", "㈡", "в)". */
  asPrinted: string;
  body: string;
  /** "bis", "ter" …: a subparagraph inserted after the one its letters name, as a negotiation text labels it ("(a) bis"). */
  suffix?: string;
  /**
   * For a Cyrillic letter drawn like a Latin one (а с е о р х у), the Latin letter it looks like:
   * what it stands for in a list typed in Latin letters (LetterSequence, classify.ts).
   */
  latin?: string;
}

/** A small roman numeral, i … lxxxix: lists of subparagraphs go on past xxxix (xl, xli …). */
export const SMALL_ROMAN = /^(?:xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/u;

// Up to eight letters: "(xxxviii)", and "(hhh)" in a list of more than 52 subparagraphs.
const LATIN_LABEL = /^(?:[-–—•·▪]\s*)?[(（]([a-z]{1,8})[)）]\s*(.*)$/u;
// "a) …" as French, Spanish and Russian texts print it: a space must follow.
const LATIN_CLOSING = /^([a-z]{1,8})\)\s+(\S.*)$/u;
// One letter, or one letter repeated: the 29th subparagraph is "(أأ)", as the 27th is "(aa)".
const ARABIC_LABEL = /^[(（]?((?:هـ)+|ه+|([\u0621-\u064a])\2*)[)）]\s*(.*)$/u;
const ARABIC_NUMERAL = /^[’'‘‛`]\s*(\d{1,2})\s*[‘'’‛`]\s*(.*)$/u;
const ZH_PARENTHESISED = '㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩';
/**
 * Subparagraphs as a Russian text typed in Cyrillic letters them, in order: а) б) в) г) …, the
 * letters a list never uses (ё, й, ъ, ы, ь) left out. UN texts in Russian print Latin letters
 * (numberingLabels.ts), so these are read, never written.
 */
const CYRILLIC_LETTERS = 'абвгдежзиклмнопрстуфхцчшщэюя';
// "в) …" or "(в) …": one letter, and a space after it (a Cyrillic word never ends in a bracket).
const CYRILLIC_LABEL = /^(?:[-–—•·▪]\s*)?([(（]?)([а-я])[)）]\s+(\S.*)$/u;
// The Cyrillic letters drawn like Latin ones. A Russian text typed on two keyboards may print "с)"
// in Cyrillic between "b)" and "d)" in Latin; by its place in the Cyrillic alphabet it would be (q).
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = { а: 'a', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x', у: 'y' };
const ZH_NUMERAL = /^[(（]([一二三四五六七八九十]{1,3})[)）]\s*(.*)$/u;

function latinLetters(label: string): boolean {
  return /^([a-z])\1*$/u.test(label) || SMALL_ROMAN.test(label);
}

// The word of an inserted subparagraph after its label: "(a) bis To …", "(أ) bis …".
const INSERTED = new RegExp(`^(${LATIN_SUFFIXES})(?:\\s+|$)`, 'u');

/** Reads the subparagraph label at the start of a line in any of the six languages ("(a)", "(a) bis"), or null. */
export function readLetters(text: string): LetterLabel | null {
  const label = readLetterSign(text);
  const inserted = label ? INSERTED.exec(label.body) : null;
  if (!label || !inserted) return label;
  return { ...label, suffix: inserted[1]!, asPrinted: `${label.asPrinted} ${inserted[1]}`, body: label.body.slice(inserted[0].length).trim() };
}

// The label's sign alone: "(a)", "a)", "(أ)", "’2‘", "㈡", "в)".
function readLetterSign(text: string): LetterLabel | null {
  const c = text.charAt(0);
  let m: RegExpExecArray | null;
  // "（ａ）" as a Chinese text may set it reads as "(a)"; the body keeps its own characters.
  const narrow = narrowLetters(text);
  if ((m = LATIN_LABEL.exec(narrow)) && latinLetters(m[1]!)) {
    return { letters: m[1]!, level: null, asPrinted: `(${m[1]})`, body: text.slice(narrow.length - m[2]!.length).trim() };
  }
  if (c >= 'a' && c <= 'z' && (m = LATIN_CLOSING.exec(text)) && latinLetters(m[1]!)) {
    return { letters: m[1]!, level: null, asPrinted: `${m[1]})`, body: m[2]!.trim() };
  }
  if ((m = CYRILLIC_LABEL.exec(text))) {
    const at = CYRILLIC_LETTERS.indexOf(m[2]!);
    if (at >= 0) {
      const label: LetterLabel = { letters: letterNumber(at + 1), level: 1, asPrinted: m[1] ? `(${m[2]})` : `${m[2]})`, body: m[3]!.trim() };
      const latin = CYRILLIC_LOOKALIKES[m[2]!];
      return latin === undefined ? label : { ...label, latin };
    }
  }
  if ((m = ARABIC_LABEL.exec(text))) {
    // "(ه)" is "(هـ)" without its tatweel, "(ا)" is "(أ)" typed without its hamza.
    const first = m[1]!.charAt(0);
    const letter = first === 'ه' ? 'هـ' : first === 'ا' ? 'أ' : first;
    const times = first === 'ه' ? m[1]!.split('ه').length - 1 : m[1]!.length;
    const at = ARABIC_LETTERS.indexOf(letter as (typeof ARABIC_LETTERS)[number]);
    // The closing bracket is required: a bare letter before a word would be running text.
    if (at >= 0) {
      const n = at + 1 + ARABIC_LETTERS.length * (times - 1);
      return { letters: letterNumber(n), level: 1, asPrinted: `(${letter.repeat(times)})`, body: m[3]!.trim() };
    }
  }
  const probe = westernDigits(text);
  if ((m = ARABIC_NUMERAL.exec(probe)) && Number(m[1]) >= 1) {
    return { letters: romanNumber(Number(m[1])), level: 2, asPrinted: `’${m[1]}‘`, body: text.slice(probe.length - m[2]!.length).trim() };
  }
  const zh = ZH_PARENTHESISED.indexOf(c);
  if (zh >= 0) return { letters: romanNumber(zh + 1), level: 2, asPrinted: c, body: text.slice(1).trim() };
  if ((m = ZH_NUMERAL.exec(text))) {
    for (let n = 1; n <= 99; n++) {
      if (chineseNumber(n) === m[1]) return { letters: romanNumber(n), level: 2, asPrinted: `(${m[1]})`, body: m[2]!.trim() };
    }
  }
  return null;
}
