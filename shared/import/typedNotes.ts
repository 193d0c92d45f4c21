/**
 * Note references typed as bracketed numbers. A copy that loses superscript leaves "… لعام 2024،(1)"
 * in the running text and "(1) انظر A/79/100." at the end, as Arabic (and some other) texts print
 * them; a copy of a printed page leaves them at the foot of each page too, between the paragraphs.
 * Such a "(1)" is read as a note reference only on evidence: the notes at the end of the text,
 * after the last numbered or lettered paragraph, numbered in order and each referred to in the
 * text; with the notes at the foot of pages before them, each after its reference, all numbered in
 * order; or, without notes, references that recur. A list numbered "(1)", "(2)" after a chapeau
 * stays the paragraphs it was.
 */
import { endsWithColon, type SourceLine, TYPED_DIGITS, typedValue } from './lines';
import type { WarningLog } from './report';

/**
 * A typed reference in running text: "(1)" straight after a word, a closing quote or a sign that
 * ends a clause, or after such a reference ("2024,(1)(2)": two notes); never after a digit
 * ("article 4(1)", "4(1)(2)") or another bracket ("(a)(1)"), and never at the start of a line,
 * where it is a label.
 */
export const TYPED_REFERENCE = new RegExp(`(?<=[\\p{L}\\p{M}.,;:،؛。，；：”’"»](?:[(（]${TYPED_DIGITS}[)）])*)[(（](${TYPED_DIGITS})[)）](?![\\p{L}\\p{N}])`, 'gu');
// The bracketed number alone, without what must stand before it: a quick look for a line that may hold a reference.
const BRACKETED_NUMBER = new RegExp(`[(（]${TYPED_DIGITS}[)）]`, 'u');

/**
 * The typed references in `text` (TYPED_REFERENCE's matches). Most lines hold none: a line without
 * a bracketed number is not searched with the lookbehind, which is tried at every character.
 */
export function typedReferencesIn(text: string): Iterable<RegExpExecArray> {
  return BRACKETED_NUMBER.test(text) ? text.matchAll(TYPED_REFERENCE) : [];
}

// A typed note: "(1) A/79/100.", "(١) انظر …".
const TYPED_NOTE = new RegExp(`^[(（](${TYPED_DIGITS})[)）]\\s+(\\S.*)$`, 'u');

/** What the typed references of a text are taken for. */
export interface TypedNotes {
  /** The lines, typed notes at the end read as footnote lines. */
  lines: SourceLine[];
  /** The numbers a "(n)" in the running text stands for as a note reference, not as the text's words. */
  references: ReadonlySet<number>;
  /** Whether the notes were found, their references then linked to them (FootnoteTable). */
  linked: boolean;
}

const NONE: ReadonlySet<number> = new Set();

/**
 * Reads typed notes and references in `lines` (as `readLines` and `markedParagraphs` give them); a
 * text with notes printed in superscript has its notes read so, and nothing typed is looked for.
 */
export function readTypedNotes(lines: SourceLine[], warnings: WarningLog): TypedNotes {
  const none: TypedNotes = { lines, references: NONE, linked: false };
  if (lines.some((l) => l.kind === 'footnote')) return none;
  const { atFoot, end } = notePlaces(lines);
  const bodyEnd = end?.from ?? lines.length;
  const atEnd = end?.notes ?? new Map<number, number>();
  // The lines that may be notes at the foot of a page are not searched for references while they
  // are weighed as notes; once they are not taken for notes, they are text like any other line.
  let refs = referencesIn(lines, bodyEnd, atFoot);
  let notes = atFoot.size > 0 ? linkedAtFoot(atFoot, atEnd, refs.first) : null;
  if (notes === null) {
    if (atFoot.size > 0) refs = referencesIn(lines, bodyEnd, NO_LINES);
    notes = atEnd.size > 0 && [...atEnd.values()].every((n) => refs.first.has(n)) ? new Map(atEnd) : null;
  }
  const order = [...refs.first.keys()];
  const count = refs.count;
  if (order.length === 0) return none;
  if (notes !== null) {
    const numbers = [...notes.values()];
    const first = numbers[0]!;
    const last = numbers[numbers.length - 1]!;
    const which = first === last ? `typed "(${first})"` : `typed "(${first})" to "(${last})"`;
    const onPages = [...notes.keys()].some((at) => atFoot.has(at));
    const where = onPages ? (atEnd.size > 0 ? 'at the foot of its pages and at its end' : 'at the foot of its pages') : 'at the end of the text';
    warnings.add(
      'footnote-typed',
      `The notes ${which} ${where} are read as footnotes, and the references typed so in the text as their markers: check them.`,
      lines[notes.keys().next().value!]!.no,
    );
    const taken = notes;
    return { lines: lines.map((line, i) => (taken.has(i) ? asNote(line) : line)), references: new Set(numbers), linked: true };
  }
  // Without notes, only references that recur, numbered in order, are taken for references.
  if (count < 2 || !order.every((n, i) => n === order[0]! + i)) return none;
  warnings.add(
    'footnote-not-found',
    `References typed "(${order[0]})"${order.length > 1 ? ` to "(${order[order.length - 1]})"` : ''} are note references, but no notes were found: they are left in the text as printed.`,
    null,
  );
  return { lines, references: new Set(order), linked: false };
}

const NO_LINES: ReadonlyMap<number, number> = new Map();

/**
 * The typed references of the lines before `end`, but those of `skip` and headings: where each
 * number is first referred to (in the order references are first made), and how many there are.
 */
function referencesIn(lines: SourceLine[], end: number, skip: ReadonlyMap<number, number>): { first: Map<number, number>; count: number } {
  const first = new Map<number, number>();
  let count = 0;
  for (let i = 0; i < end; i++) {
    const line = lines[i]!;
    if (line.kind === 'heading' || skip.has(i)) continue;
    for (const m of typedReferencesIn(line.text)) {
      const n = typedValue(m[1]!);
      if (!first.has(n)) first.set(n, i);
      count++;
    }
  }
  return { first, count };
}

/**
 * The notes at the foot of pages and at the end, by line index, when the evidence holds: all
 * numbered one more each time, every one referred to in the text, and each note at a page's foot
 * after its first reference (a note is printed on the page that refers to it). Else null.
 */
function linkedAtFoot(atFoot: ReadonlyMap<number, number>, atEnd: ReadonlyMap<number, number>, firstReference: ReadonlyMap<number, number>): Map<number, number> | null {
  const all = new Map([...atFoot, ...atEnd]);
  const numbers = [...all.values()];
  const inOrder = numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  const referred = [...all].every(([at, n]) => firstReference.has(n) && (atEnd.has(at) || firstReference.get(n)! < at));
  return inOrder && referred ? all : null;
}

/**
 * The lines shaped as typed notes, by index, with their numbers, the items of a list left out: a
 * list's first item follows a line that ends with a colon ("2. Decides:" / "(1) To continue its
 * work;"), and each next item is numbered one more (a line of running text between two items is
 * an item wrapped onto a second line).
 */
function noteShapedLines(lines: SourceLine[]): Map<number, number> {
  const notes = new Map<number, number>();
  // The number of the list item read last, while a list is being read.
  let listItem: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = TYPED_NOTE.exec(line.text);
    if (m === null) {
      if (line.kind !== 'text') listItem = null;
      continue;
    }
    const n = typedValue(m[1]!);
    if ((listItem !== null && n === listItem + 1) || (i > 0 && endsWithColon(lines[i - 1]!.text))) listItem = n;
    else {
      listItem = null;
      notes.set(i, n);
    }
  }
  return notes;
}

/**
 * Where typed notes may stand: at the end of the text, after its last numbered or lettered
 * paragraph (`end`: from the first of them, every one numbered one more than the one before; null
 * when there are none or they run out of order), and at the foot of its pages (`atFoot`: those
 * before, which only the references tell from words).
 */
function notePlaces(lines: SourceLine[]): { atFoot: Map<number, number>; end: { from: number; notes: Map<number, number> } | null } {
  const shaped = noteShapedLines(lines);
  let body = -1;
  for (let i = lines.length - 1; i >= 0 && body < 0; i--) {
    const kind = lines[i]!.kind;
    if (kind === 'numbered' || kind === 'lettered' || kind === 'annex' || kind === 'heading') body = i;
  }
  const atFoot = new Map([...shaped].filter(([at]) => at < body));
  const last = [...shaped].filter(([at]) => at > body);
  if (last.length === 0 || !last.every(([, n], i) => i === 0 || n === last[i - 1]![1] + 1)) return { atFoot, end: null };
  return { atFoot, end: { from: last[0]![0], notes: new Map(last) } };
}

// A typed note line as a footnote line; the lines wrapped from a note stay text (outline.ts joins them).
function asNote(line: SourceLine): SourceLine {
  const m = TYPED_NOTE.exec(line.text);
  return m === null ? line : { kind: 'footnote', no: line.no, text: line.text, printed: typedValue(m[1]!), note: m[2]!.trim() };
}
