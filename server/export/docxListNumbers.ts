/**
 * Word's list numbers as the page shows them. The reading thread finds each numbered paragraph's
 * list, level and format in the file's XML (docxListNumbering.mjs); here a paragraph's format says
 * what it is in a UN text — letters are subparagraphs, roman numerals subparagraphs of those —
 * whatever its level in its list (numbers keep their level), and its number is counted as
 * Word counts it: on the list (the abstract numbering), from the level's start, a lower level
 * restarting after a higher one, and a numbering that restarts the list (w:startOverride) doing so
 * where it is first used. A paragraph numbered in a way the thread could not read is left to the
 * level mammoth read.
 */
import type { WordNode } from './wordModel';

/** The numbering Word gives one paragraph, as the reading thread found it. */
export interface WordListNumber {
  /** The list the paragraph is counted in (its abstract numbering). */
  list: string;
  /** The numbering instance (w:num) the paragraph names, directly or through its style. */
  num: string;
  /** The paragraph's level in the list, 0 to 8. */
  level: number;
  /** The level's w:numFmt: decimal, lowerLetter, lowerRoman, bullet … */
  format: string;
  /** The level's w:lvlText: "%1.", "(%1)" … */
  text: string;
  /** The number the level starts at. */
  start: number;
  /** Whether the instance restarts the level at `start` where it is first used (w:startOverride). */
  restart: boolean;
}

/** A paragraph of the model with the numbering the reading thread found for it. */
export type ListedParagraph = WordNode & { list?: WordListNumber };

// The formats that letter subparagraphs, and those that number subparagraphs under them, whatever
// their level in their list. Arabic texts letter (أ) (ب) (ج) in abjad order, Russian ones а) б) в).
// Numbers keep their level (a list nested in a paragraph's is no operative paragraph), and so do
// capitals ("A.", "I.": a report's headings, not a resolution's subparagraphs).
const LETTERS = new Set(['lowerLetter', 'arabicAlpha', 'arabicAbjad', 'russianLower']);
const ROMAN = new Set(['lowerRoman']);
// Formats that print no number.
const UNNUMBERED = new Set(['bullet', 'none']);

/**
 * The level a numbered paragraph has in a UN text: 0 operative, 1 a subparagraph, 2 and more one
 * under it; null when Word prints no number before it.
 */
export function listLevel(p: ListedParagraph): number | null {
  const list = p.list;
  if (!list) return p.numbering?.isOrdered ? Math.min(Number(p.numbering.level) || 0, 8) : null;
  if (UNNUMBERED.has(list.format)) return null;
  // A label that prints the numbers of other levels too ("1.1", "2(a)") says nothing of its own.
  const ownOnly = [...list.text.matchAll(/%(\d)/g)].every((m) => Number(m[1]) === list.level + 1);
  if (ownOnly && LETTERS.has(list.format)) return 1;
  if (ownOnly && ROMAN.has(list.format)) return 2;
  return list.level;
}

/** Counts a document's numbered paragraphs, in order, as Word does. */
export class WordListCounter {
  private readonly counts = new Map<string, (number | undefined)[]>();
  private readonly used = new Set<string>();

  /** The number Word prints for the next paragraph `p`; null when Word's numbering of it is not known. */
  next(p: ListedParagraph): number | null {
    const list = p.list;
    if (!list) return null;
    const counts = this.counts.get(list.list) ?? [];
    this.counts.set(list.list, counts);
    const first = !this.used.has(`${list.num}:${list.level}`);
    this.used.add(`${list.num}:${list.level}`);
    const current = counts[list.level];
    const n = current === undefined || (first && list.restart) ? list.start : current + 1;
    counts[list.level] = n;
    counts.fill(undefined, list.level + 1);
    return n;
  }

  /** Every list starts again (an annex numbers its paragraphs from 1). */
  restart(): void {
    this.counts.clear();
  }
}
