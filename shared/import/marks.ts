/**
 * Footnote marks in context. A run of superscript digits may be one mark or several in a row:
 * Penholder's plain-text export prints notes 1 and 2 on one word as "Convention¹²", which reads as
 * note 12 too. The notes printed and the order of the marks decide: notes run 1, 2, 3 … through a
 * text, so a run is read as the marks that carry on the sequence, and as one number when that does
 * as well (after mark 11, "¹²" is note 12). A run no reading of which has its notes printed is left
 * to the caller as one number, as it always was ("km²", a note not printed).
 *
 * A mark can also stand before a paragraph's first word ("¹Recalling …"), a line shaped like a
 * note; `markedParagraphs` tells the two apart by where the note stands.
 */
import { type SourceLine, superscriptDigits, superscriptValue } from './lines';

/** A group of footnote marks in running text: runs of superscript digits, maybe spaced apart ("¹ ²"). */
export const MARK_GROUP = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[ \u00a0\u202f]+[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*/gu;
/** One run of superscript digits, which is one mark or several in a row. */
export const MARK_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu;
const LEADING_RUN = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+/u;

// Longer runs are not split: 2⁹ readings at most, and no text prints ten marks in a row.
const LONGEST_SPLIT = 10;

/**
 * Every reading of `digits` as marks whose notes are printed, in ascending order (marks in a row
 * are printed so), each number without a leading zero; the whole run first.
 */
function readings(digits: string, notes: ReadonlySet<number>, above = 0): number[][] {
  const out: number[][] = [];
  const whole = Number(digits);
  if (digits[0] !== '0' && whole > above && notes.has(whole)) out.push([whole]);
  if (digits.length > LONGEST_SPLIT) return out;
  for (let cut = 1; cut < digits.length; cut++) {
    const head = digits.slice(0, cut);
    const n = Number(head);
    if (head[0] === '0' || n <= above || !notes.has(n)) continue;
    for (const rest of readings(digits.slice(cut), notes, n)) out.push([n, ...rest]);
  }
  return out;
}

/**
 * The notes a run of superscript digits refers to, or null when no reading of it has all its notes
 * printed. `highest` is the highest mark read so far (null before the first): the reading that
 * carries the sequence on furthest wins, and of two that do as well, the one of fewer marks.
 */
export function readMarks(run: string, notes: ReadonlySet<number>, highest: number | null): number[] | null {
  const digits = superscriptDigits(run);
  let best: number[] | null = null;
  let bestScore = -1;
  const all = readings(digits, notes);
  // Before the first mark, the sequence starts at the first note printed (a text cut from a report starts at 21).
  const start = all.length === 0 ? 0 : (highest ?? Math.min(...notes) - 1);
  for (const marks of all) {
    let top = start;
    let score = 0;
    for (const m of marks) {
      if (m === top + 1) score++;
      top = Math.max(top, m);
    }
    if (score > bestScore || (score === bestScore && marks.length < best!.length)) [best, bestScore] = [marks, score];
  }
  return best;
}

/** The marks of a text read in order, each run by the notes printed and the marks before it. */
export class MarkSequence {
  private top: number | null = null;

  /** The highest mark read so far, or null. */
  get highest(): number | null {
    return this.top;
  }

  /** Reads one run (see `readMarks`) and takes its marks into the sequence. */
  read(run: string, notes: ReadonlySet<number>): number[] | null {
    const marks = readMarks(run, notes, this.top);
    if (marks) this.take(marks);
    return marks;
  }

  /** Takes marks read elsewhere into the sequence. */
  take(marks: readonly number[]): void {
    for (const m of marks) this.top = this.top === null ? m : Math.max(this.top, m);
  }
}

/**
 * The lines, with each line shaped like a note that is a paragraph opening with a mark read as
 * running text. A note is printed after its mark, at the foot of the page or at the end of the
 * text: the line is a paragraph when the notes its marks refer to are printed after it and its
 * first mark has not come before it. A line that is a note keeps being read as one — after its
 * mark, printed twice, or with no mark referring to it at all.
 */
export function markedParagraphs(lines: SourceLine[]): SourceLine[] {
  // How often each number is printed as a note from the line in hand on.
  const ahead = new Map<number, number>();
  for (const line of lines) if (line.kind === 'footnote') ahead.set(line.printed, (ahead.get(line.printed) ?? 0) + 1);
  if (ahead.size === 0) return lines;
  const printed = new Set(ahead.keys());
  const sequence = new MarkSequence();
  const seen = new Set<number>();
  return lines.map((line) => {
    if (line.kind !== 'footnote') {
      for (const m of line.text.matchAll(MARK_RUN)) for (const n of sequence.read(m[0], printed) ?? [superscriptValue(m[0])]) seen.add(n);
      return line;
    }
    ahead.set(line.printed, ahead.get(line.printed)! - 1);
    const later = new Set([...ahead].filter(([, count]) => count > 0).map(([n]) => n));
    const marks = later.size > 0 ? readMarks(LEADING_RUN.exec(line.text)![0], later, sequence.highest) : null;
    if (marks === null || seen.has(marks[0]!)) return line;
    sequence.take(marks);
    for (const n of marks) seen.add(n);
    return { kind: 'text', no: line.no, text: line.text, body: line.text };
  });
}
