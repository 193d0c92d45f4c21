/**
 * Reading a printed text line by line: what each line is on its own (a number line, an annex
 * marker, a footnote, a numbered or lettered paragraph, or running text), before any line is
 * put in context. Chinese and English layouts are read by the same rules.
 */

/** One non-empty source line, classified by its own shape. */
export type SourceLine =
  | { kind: 'heading'; no: number; text: string; docKind: 'resolution' | 'decision'; number: string }
  | { kind: 'annex'; no: number; text: string; ordinal: number | null }
  | { kind: 'footnote'; no: number; text: string; printed: number; note: string }
  | { kind: 'numbered'; no: number; text: string; label: string; number: number; suffix: string | null; head: 'op' | 'pp' | null; body: string }
  | { kind: 'lettered'; no: number; text: string; label: string; letters: string; body: string }
  | { kind: 'text'; no: number; text: string; body: string };

/** A line that starts a paragraph of the text (as opposed to metadata or a footnote). */
export type ParagraphLine = Extract<SourceLine, { kind: 'numbered' | 'lettered' | 'text' }>;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A footnote marker in running text: a run of superscript digits. */
export const MARKER = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu;

/** The number a run of superscript digits stands for. */
export function superscriptValue(marker: string): number {
  let n = 0;
  for (const ch of marker) n = n * 10 + SUPERSCRIPT_DIGITS.indexOf(ch);
  return n;
}

const HEADING_ZH = /^第\s*(\d+\s*\/\s*\d+)\s*号\s*(决议|决定)$/u;
const HEADING_EN = /^(resolution|decision)\s+(\d+\s*\/\s*\d+)\.?$/iu;
const ANNEX_ZH = /^附件\s*([一二三四五六七八九十]*)$/u;
const ANNEX_EN = /^annex(?:\s+([IVXL]+|\d+))?$/iu;
const FOOTNOTE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(\S.*)$/u;
// "16.4 …" must not read as paragraph 16, so an ASCII full stop needs a space after it.
const LATIN = 'bis|ter|quater|quinquies|sexies|septies|octies|novies|decies';
const NUMBERED = new RegExp(`^(\\d{1,3})(?:\\s+(${LATIN}))?(?:\\.\\s+|．\\s*)(.*)$`, 'u');
// A negotiation text's own labels: "OP 5 bis …", "OP5 bis. …", "PP 3: …".
const LABELLED = new RegExp(`^(OP|PP)\\s?(\\d{1,3})(?:\\s*(${LATIN}))?(?:\\s*[.:：．]\\s*|\\s+)(?!(?:${LATIN})$)(\\S.*)$`, 'u');
// The agenda in decision 11/1 prints its sub-items as " - (a) …".
const LETTERED = /^(?:[-–—•·▪]\s*)?\(([a-z]{1,5})\)\s*(.*)$/u;
// What a lettered line may start with.
const LETTER_STARTS = '(-–—•·▪';
const ROMAN_SMALL = /^x{0,3}(?:ix|iv|v?i{0,3})$/u;

const CHINESE_NUMERALS = '一二三四五六七八九十';

/** The value of a small lower-case roman numeral (i … xxxix), or null when the label is not one. */
export function romanValue(label: string): number | null {
  if (label === '' || !ROMAN_SMALL.test(label)) return null;
  const values: Record<string, number> = { i: 1, v: 5, x: 10 };
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

function annexOrdinal(printed: string): number | null {
  if (printed === '') return null;
  if (/^\d+$/u.test(printed)) return Number(printed);
  const zh = CHINESE_NUMERALS.indexOf(printed);
  if (zh >= 0) return zh + 1;
  return romanValue(printed.toLowerCase());
}

/** Classifies one trimmed, non-empty line; only the first line of a text may be its number line. */
export function classifyLine(text: string, no: number, first: boolean): SourceLine {
  let m: RegExpExecArray | null;
  if (first && (m = HEADING_ZH.exec(text))) {
    return { kind: 'heading', no, text, docKind: m[2] === '决定' ? 'decision' : 'resolution', number: m[1]!.replace(/\s/gu, '') };
  }
  if (first && (m = HEADING_EN.exec(text))) {
    return { kind: 'heading', no, text, docKind: m[1]!.toLowerCase() === 'decision' ? 'decision' : 'resolution', number: m[2]!.replace(/\s/gu, '') };
  }
  // Every pattern below is anchored at the start: the first character rules most of them out,
  // and most lines of a text are running text that none of them matches.
  const c = text.charAt(0);
  if (c === '附' && (m = ANNEX_ZH.exec(text))) return { kind: 'annex', no, text, ordinal: annexOrdinal(m[1]!) };
  if ((c === 'a' || c === 'A') && (m = ANNEX_EN.exec(text))) return { kind: 'annex', no, text, ordinal: annexOrdinal(m[1] ?? '') };
  if (SUPERSCRIPT_DIGITS.includes(c) && c !== '' && (m = FOOTNOTE.exec(text))) return { kind: 'footnote', no, text, printed: superscriptValue(m[1]!), note: m[2]!.trim() };
  if (c >= '0' && c <= '9' && (m = NUMBERED.exec(text))) {
    const suffix = m[2] ?? null;
    return { kind: 'numbered', no, text, label: `${m[1]}${suffix ? ` ${suffix}` : ''}.`, number: Number(m[1]), suffix, head: null, body: m[3]!.trim() };
  }
  if ((c === 'O' || c === 'P') && (m = LABELLED.exec(text))) {
    const suffix = m[3] ?? null;
    const head = m[1] === 'PP' ? 'pp' : 'op';
    return { kind: 'numbered', no, text, label: `${m[1]} ${m[2]}${suffix ? ` ${suffix}` : ''}`, number: Number(m[2]), suffix, head, body: m[4]!.trim() };
  }
  m = c !== '' && LETTER_STARTS.includes(c) ? LETTERED.exec(text) : null;
  if (m && (letterIndex(m[1]!) !== null || romanValue(m[1]!) !== null)) {
    return { kind: 'lettered', no, text, label: `(${m[1]})`, letters: m[1]!, body: m[2]!.trim() };
  }
  return { kind: 'text', no, text, body: text };
}

/** Splits a text into classified non-empty lines, numbering lines as an editor shows them. */
export function readLines(text: string): SourceLine[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Splitting on one character is several times faster than on the alternation, which only a carriage return needs.
  const raw = source.includes('\r') ? source.split(/\r\n|\r|\n/u) : source.split('\n');
  const lines: SourceLine[] = [];
  raw.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed !== '') lines.push(classifyLine(trimmed, i + 1, lines.length === 0));
  });
  return lines;
}

// Closing quotes and brackets stand after the punctuation that ends a sentence.
const CLOSERS = /[”’"'」』）)》〉\]\s]+$/u;
const TRAILING_MARKERS = /[⁰¹²³⁴⁵⁶⁷⁸⁹\s]+$/u;

function lastSignificant(text: string): string {
  const stripped = text.replace(TRAILING_MARKERS, '').replace(CLOSERS, '');
  return stripped.slice(-1);
}

/** Whether a paragraph ends as a paragraph of a resolution may end (a footnote marker after it does not count). */
export function endsComplete(text: string): boolean {
  return /[。．.；;，,：:！!？?…]/u.test(lastSignificant(text));
}

/** Whether a paragraph ends with a comma, as a preambular paragraph or an opening formula does. */
export function endsWithComma(text: string): boolean {
  return /[，,]/u.test(lastSignificant(text));
}

/** Whether a paragraph ends with a colon, as a formula that runs into a chapeau does. */
export function endsWithColon(text: string): boolean {
  return /[：:]/u.test(lastSignificant(text));
}

/** Whether a paragraph ends a sentence (full stop, semicolon, colon …), as an operative paragraph does. */
export function endsSentence(text: string): boolean {
  return endsComplete(text) && !endsWithComma(text);
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
