/**
 * Reading a printed text line by line: what each line is on its own (a number line, an annex
 * marker, a footnote, a numbered or lettered paragraph, or running text), before any line is
 * put in context. The layouts of the six languages are read by the same rules, the signs of
 * each language being in conventions.ts.
 */
import type { Lang } from '../languages';
import { LATIN_SUFFIX_WORDS } from '../numberingLabels';
import { withoutPendingMarker } from '../export/pending';
import { COLONS, COMMAS, ENDINGS, westernDigits } from './conventions';
import { readAdoptedBy, readAnnexMarker, readHeading } from './headings';
import { readLetters, readNumber, SMALL_ROMAN } from './labels';

/** One non-empty source line, classified by its own shape. */
export type SourceLine =
  | { kind: 'heading'; no: number; text: string; docKind: 'resolution' | 'decision'; number: string }
  | { kind: 'annex'; no: number; text: string; ordinal: number | null; heading: string | null }
  | { kind: 'footnote'; no: number; text: string; printed: number; note: string }
  | { kind: 'numbered'; no: number; text: string; label: string; asPrinted: string; number: number; suffix: string | null; head: 'op' | 'pp' | null; body: string }
  | { kind: 'lettered'; no: number; text: string; label: string; asPrinted: string; letters: string; level: 1 | 2 | null; body: string; suffix?: string; latin?: string }
  | { kind: 'text'; no: number; text: string; body: string };

/** A line that starts a paragraph of the text (as opposed to metadata or a footnote). */
export type ParagraphLine = Extract<SourceLine, { kind: 'numbered' | 'lettered' | 'text' }>;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A run of superscript digits written in Western digits ("¹²" → "12"). */
export function superscriptDigits(marker: string): string {
  let digits = '';
  for (const ch of marker) digits += SUPERSCRIPT_DIGITS.indexOf(ch);
  return digits;
}

/** The number a run of superscript digits stands for. */
export function superscriptValue(marker: string): number {
  return Number(superscriptDigits(marker));
}

/** The digits of a note reference typed in brackets, "(1)", "(١٢)" (typedNotes.ts). */
export const TYPED_DIGITS = '[0-9\\u0660-\\u0669\\u06f0-\\u06f9]{1,3}';

/** The number a typed reference or note stands for, its digits Western or Arabic-Indic. */
export const typedValue = (digits: string): number => Number(westernDigits(digits));

// "¹ United Nations, …", and "¹A/RES/71/312." as a note is sometimes typed, without the space.
const FOOTNOTE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*([^\s⁰¹²³⁴⁵⁶⁷⁸⁹].*)$/u;
const LATIN = LATIN_SUFFIX_WORDS;
// A negotiation text's own labels: "OP 5 bis …", "OP5 bis. …", "PP 3: …".
const LABELLED = new RegExp(`^(OP|PP)\\s?(\\d{1,3})(?:\\s*(${LATIN}))?(?:\\s*[.:：．]\\s*|\\s+)(?!(?:${LATIN})$)(\\S.*)$`, 'u');
// What an annex heading starts with: Annex, Annexe, Anexo, Приложение, 附件, المرفق.
const ANNEX_STARTS = 'AaПп附ا';
const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/u;
// A line starting with a letter or a digit opens a subparagraph label only when it is a lower-case
// Latin or Cyrillic letter ("a) …", "б) …"), an Arabic letter ("أ) …") or a Chinese parenthesised
// numeral ("㈡ …").
const WORD_START = /[\p{L}\p{N}]/u;
const OTHER_BREAKS = /[\r\u2028\u2029]/u;
const INVISIBLE_START = /^[\u200b\u2060\u00ad]+/u;
// A paragraph bracketed as not agreed ("[2. Requests …]") or quoted as a text another body
// recommends ("“1. Welcomes …"): the sign before its number, read past and kept in its words.
const OPENING_SIGN = /^[[“"«„]\s*(?=[\p{N}(（\p{Ll}])/u;
const LABEL_START = /[a-z\uff41-\uff5a\u0430-\u044f\u0600-\u06ff㈠-㈩]/u;

/** The value of a small lower-case roman numeral (i … lxxxix), or null when the label is not one. */
export function romanValue(label: string): number | null {
  if (label === '' || !SMALL_ROMAN.test(label)) return null;
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const v = values[label[i]!]!;
    const next = i + 1 < label.length ? values[label[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** The 0-based place of a letter label in the UN sequence a … z, aa, bb …, or null. */
export function letterIndex(label: string): number | null {
  if (!/^([a-z])\1*$/u.test(label)) return null;
  return (label.length - 1) * 26 + (label.charCodeAt(0) - 97);
}

/** The label printed for a 0-based letter index: 0 → "a", 26 → "aa". */
export function letterLabel(index: number): string {
  return String.fromCharCode(97 + (index % 26)).repeat(Math.floor(index / 26) + 1);
}

/** Classifies one trimmed, non-empty line of a text in `lang`; only the first line of a text may be its number line. */
export function classifyLine(text: string, no: number, first: boolean, lang: Lang = 'en'): SourceLine {
  let m: RegExpExecArray | null;
  if (first) {
    const heading = readHeading(text);
    if (heading) return { kind: 'heading', no, text, ...heading };
    // "Resolution adopted by the General Assembly on …": the number comes with the title below it.
    const adopted = readAdoptedBy(text);
    if (adopted) return { kind: 'heading', no, text, ...adopted, number: '' };
  }
  // Every reading below is anchored at the start: the first character rules most of them out,
  // and most lines of a text are running text that none of them matches.
  const open = OPENING_SIGN.exec(text)?.[0] ?? '';
  if (open) {
    const inner = classifyLine(text.slice(open.length), no, false, lang);
    if (inner.kind === 'numbered' || inner.kind === 'lettered') return { ...inner, text, body: open.trim() + inner.body };
  }
  const c = text.charAt(0);
  const annex = ANNEX_STARTS.includes(c) ? readAnnexMarker(text) : undefined;
  if (annex) return { kind: 'annex', no, text, ordinal: annex.ordinal, heading: annex.heading ?? null };
  if (SUPERSCRIPT_DIGITS.includes(c) && c !== '' && (m = FOOTNOTE.exec(text))) return { kind: 'footnote', no, text, printed: superscriptValue(m[1]!), note: m[2]!.trim() };
  const numbered = DIGIT.test(c) ? readNumber(text, lang) : null;
  if (numbered) {
    const { number, suffix, asPrinted, body } = numbered;
    return { kind: 'numbered', no, text, label: `${number}${suffix ? ` ${suffix}` : ''}.`, asPrinted, number, suffix, head: null, body };
  }
  if ((c === 'O' || c === 'P') && (m = LABELLED.exec(text))) {
    const suffix = m[3] ?? null;
    const head = m[1] === 'PP' ? 'pp' : 'op';
    const label = `${m[1]} ${m[2]}${suffix ? ` ${suffix}` : ''}`;
    return { kind: 'numbered', no, text, label, asPrinted: label, number: Number(m[2]), suffix, head, body: m[4]!.trim() };
  }
  const lettered = c !== '' && (!WORD_START.test(c) || LABEL_START.test(c)) ? readLetters(text) : null;
  if (lettered) return { kind: 'lettered', no, text, label: `(${lettered.letters})${lettered.suffix ? ` ${lettered.suffix}` : ''}`, ...lettered };
  return { kind: 'text', no, text, body: text };
}

const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;
const BIDI_CONTROLS_ALL = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/gu;

/** Splits a text in `lang` into classified non-empty lines, numbering lines as an editor shows them. */
export function readLines(text: string, lang: Lang = 'en'): SourceLine[] {
  let source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Direction marks that Word and browsers put around Arabic (RLM, LRM, ALM, embeddings, isolates)
  // are invisible: the text's direction is the editor's to set. Left in, "‏1 - تقرر" hides its number.
  if (BIDI_CONTROLS.test(source)) source = source.replace(BIDI_CONTROLS_ALL, '');
  // Splitting on one character is several times faster than on the alternation, which only a
  // carriage return or a Unicode line or paragraph separator (as some editors copy) needs.
  const raw = OTHER_BREAKS.test(source) ? source.split(/\r\n|[\r\n\u2028\u2029]/u) : source.split('\n');
  const lines: SourceLine[] = [];
  raw.forEach((line, i) => {
    // The note an exported language version prints after words not yet translated is not the text's.
    // Zero-width spaces, word joiners and soft hyphens before a number would hide it too.
    const trimmed = withoutPendingMarker(line).trim().replace(INVISIBLE_START, '').trim();
    if (trimmed !== '') lines.push(classifyLine(trimmed, i + 1, lines.length === 0, lang));
  });
  return lines;
}

// Closing quotes and brackets stand after the punctuation that ends a sentence.
const CLOSERS = /[”’"'」』）)》〉\]»›\s]+$/u;
const TRAILING_MARKERS = /[⁰¹²³⁴⁵⁶⁷⁸⁹\s]+$/u;
// A note reference typed after the last word ("2024،(1)"), which only the text's notes tell from words (typedNotes.ts).
const TRAILING_TYPED = new RegExp(`[(（](${TYPED_DIGITS})[)）]$`, 'u');
const NO_REFERENCES: ReadonlySet<number> = new Set();

function lastSignificant(text: string, typed: ReadonlySet<number>): string {
  let stripped = text.replace(TRAILING_MARKERS, '');
  // References may follow one another ("2024,(1)(2)").
  for (let m = typed.size > 0 ? TRAILING_TYPED.exec(stripped) : null; m && typed.has(typedValue(m[1]!)); m = TRAILING_TYPED.exec(stripped)) {
    stripped = stripped.slice(0, m.index).trimEnd();
  }
  return stripped.replace(CLOSERS, '').slice(-1);
}

/**
 * Whether a paragraph ends as a paragraph of a resolution may end (a footnote marker after it does
 * not count, nor a reference typed "(n)" when `typed`, the text's typed references, holds n).
 */
export function endsComplete(text: string, typed = NO_REFERENCES): boolean {
  return ENDINGS.includes(lastSignificant(text, typed) || '\u0000');
}

/** Whether a paragraph ends with a comma, as a preambular paragraph or an opening formula does (`typed` as for `endsComplete`). */
export function endsWithComma(text: string, typed = NO_REFERENCES): boolean {
  return COMMAS.includes(lastSignificant(text, typed) || '\u0000');
}

/** Whether a paragraph ends with a colon, as a formula that runs into a chapeau does (`typed` as for `endsComplete`). */
export function endsWithColon(text: string, typed = NO_REFERENCES): boolean {
  return COLONS.includes(lastSignificant(text, typed) || '\u0000');
}

/** Whether a paragraph ends a sentence (full stop, semicolon, colon …), as an operative paragraph does (`typed` as for `endsComplete`). */
export function endsSentence(text: string, typed = NO_REFERENCES): boolean {
  return endsComplete(text, typed) && !endsWithComma(text, typed);
}

const WIDE = /[\u1100-\u11FF\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/u;

/** The printed width of a text, CJK characters counting double, to tell a full line from a heading. */
export function printedWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Joins two halves of a paragraph split across a page: no space between CJK halves, one between words. */
export function joinHalves(before: string, after: string): string {
  const a = before.trimEnd();
  const b = after.trimStart();
  const tight = WIDE.test(a.slice(-1)) || WIDE.test(b.slice(0, 1));
  return tight ? a + b : `${a} ${b}`;
}
