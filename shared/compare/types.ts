/**
 * The shape of a comparison of two texts, as the HTTP route sends it and the comparison view and
 * the Word export read it. Plain data only (no maps, no nodes), so `JSON.stringify` is the
 * whole serialisation.
 */
import type { Lang } from '../languages';
import type { NumberingBase } from '../numbering';
import type { ParagraphType } from '../schema';

/** What a paragraph became between the two texts. */
export const COMPARISON_STATUSES = ['unchanged', 'changed', 'inserted', 'deleted', 'moved', 'moved-and-changed', 'renumbered-only'] as const;
/** One of `COMPARISON_STATUSES`. */
export type ComparisonStatus = (typeof COMPARISON_STATUSES)[number];

/** The blocks a comparison aligns: the paragraphs, plus the title, the formula and each annex heading. */
export type UnitKind = 'title' | 'formula' | 'annexHeading' | ParagraphType;

/** One piece of an inline diff; the `equal` and `delete` pieces spell the left text, `equal` and `insert` the right. */
export interface Segment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A paragraph as it stands in one of the two texts. */
export interface ComparedSide {
  /** The stable paragraph id ('' for the title and formula; the annex id for an annex heading). */
  id: string;
  kind: UnitKind;
  /** What a chair reads out: "OP 4 (c)", "PP 2", "Annex I, para. (b)", "Title", "Annex I heading". */
  ref: string;
  /** What is printed before the text: "4.", "(c)", or "". */
  label: string;
  /** The text, footnotes inline between `FOOTNOTE_OPEN` and `FOOTNOTE_CLOSE`. */
  text: string;
}

/** One aligned row of the comparison: a paragraph of either text or both. */
export interface ComparedParagraph {
  /** The kind on the right (on the left for a deleted paragraph). */
  kind: UnitKind;
  status: ComparisonStatus;
  /** The row's heading for the chair: "OP 6 → OP 7", "PP 3 (deleted)", "OP 3 bis (new)". */
  label: string;
  left?: ComparedSide;
  right?: ComparedSide;
  /** 1 for the same text, 0 for an inserted or deleted paragraph; otherwise the share of characters kept. */
  similarity: number;
  /** The character diff, for a changed paragraph (and a moved one that changed). */
  segments?: Segment[];
}

/** How many rows have each status. */
export type ComparisonCounts = Record<ComparisonStatus, number>;

/** The change summary a chair reads out, in each of the six languages (shared/compare/summary.ts). */
export type ComparisonSummary = Record<Lang, string>;

/** The comparison of two texts: rows in the order of the right text, deleted ones where they stood. */
export interface Comparison {
  paragraphs: ComparedParagraph[];
  summary: ComparisonSummary;
  counts: ComparisonCounts;
}

/** Options of `compareTexts`. */
export interface CompareOptions {
  /**
   * Number both texts against this base (negotiation numbering: "3 bis") instead of in sequence.
   * A base that `negotiationNumbering` refuses is a programmer error and throws a RangeError.
   */
  base?: NumberingBase;
}

/** Opens a footnote's text inside a paragraph's text, so that a note's changes show where the note is. */
export const FOOTNOTE_OPEN = '⟦';
/** Closes a footnote's text inside a paragraph's text. */
export const FOOTNOTE_CLOSE = '⟧';
