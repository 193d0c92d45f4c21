/**
 * Note references typed as bracketed numbers. A copy that loses superscript leaves "… لعام 2024،(1)"
 * in the running text and "(1) انظر A/79/100." at the end, as Arabic (and some other) texts print
 * them. Such a "(1)" is read as a note reference only on evidence: the notes at the end of the
 * text, after the last numbered or lettered paragraph, numbered in order and each referred to in
 * the text; or, without notes, references that recur. A list numbered "(1)", "(2)" inside an
 * operative paragraph that nothing refers to stays the paragraphs it was.
 */
import { type SourceLine, TYPED_DIGITS, typedValue } from './lines';
import type { WarningLog } from './report';

/**
 * A typed reference in running text: "(1)" straight after a word, a closing quote or a sign that
 * ends a clause; never after a digit ("article 4(1)") or a bracket ("(a)(1)"), and never at the
 * start of a line, where it is a label.
 */
export const TYPED_REFERENCE = new RegExp(`(?<=[\\p{L}\\p{M}.,;:،؛。，；：”’"»])[(（](${TYPED_DIGITS})[)）](?![\\p{L}\\p{N}])`, 'gu');
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
  const tail = notesAtEnd(lines);
  const body = tail === null ? lines : lines.slice(0, tail.from);
  // The references in the order they are first made, and how many there are.
  const order: number[] = [];
  let count = 0;
  for (const line of body) {
    if (line.kind === 'heading') continue;
    for (const m of line.text.matchAll(TYPED_REFERENCE)) {
      const n = typedValue(m[1]!);
      if (!order.includes(n)) order.push(n);
      count++;
    }
  }
  if (order.length === 0) return none;
  if (tail?.numbers.every((n) => order.includes(n))) {
    const first = tail.numbers[0]!;
    const last = tail.numbers[tail.numbers.length - 1]!;
    const which = first === last ? `typed "(${first})"` : `typed "(${first})" to "(${last})"`;
    warnings.add(
      'footnote-typed',
      `The notes ${which} at the end of the text are read as footnotes, and the references typed so in the text as their markers: check them.`,
      lines[tail.from]!.no,
    );
    return { lines: lines.map((line, i) => (i >= tail.from ? asNote(line) : line)), references: new Set(tail.numbers), linked: true };
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

/**
 * The typed notes at the end of the text: from the first line after the last numbered or lettered
 * paragraph that opens "(n) ", every such line numbered one more than the one before (a line
 * between them is a note wrapped onto a second line), or null.
 */
function notesAtEnd(lines: SourceLine[]): { from: number; numbers: number[] } | null {
  let from = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const kind = lines[i]!.kind;
    if (kind === 'numbered' || kind === 'lettered' || kind === 'annex' || kind === 'heading') break;
    if (TYPED_NOTE.test(lines[i]!.text)) from = i;
  }
  if (from === lines.length) return null;
  const numbers: number[] = [];
  for (const line of lines.slice(from)) {
    const m = TYPED_NOTE.exec(line.text);
    if (m === null) continue;
    const n = typedValue(m[1]!);
    if (numbers.length > 0 && n !== numbers[numbers.length - 1]! + 1) return null;
    numbers.push(n);
  }
  return { from, numbers };
}

// A typed note line as a footnote line; the lines wrapped from a note stay text (outline.ts joins them).
function asNote(line: SourceLine): SourceLine {
  const m = TYPED_NOTE.exec(line.text);
  return m === null ? line : { kind: 'footnote', no: line.no, text: line.text, printed: typedValue(m[1]!), note: m[2]!.trim() };
}
