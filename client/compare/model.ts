/**
 * What the comparison view reads: the answer of `GET /api/drafts/:id/compare` (as
 * server/presenters/comparison.ts writes it), the view's state as it rides in the page's URL,
 * and the default pair of texts a chair most often wants.
 */
import type { ComparisonCounts, ComparisonSummary, ComparedParagraph } from '../../shared/compare';
import { WORKING_TEXT } from '../../shared/export/transfer';
import type { LineageEntry } from '../api';

/** One of the two texts compared. */
export interface ComparedTextJSON {
  spec: string | null;
  label: string;
  state: 'issued' | 'working' | 'amended' | 'imported';
  symbol: string | null;
  seq: number | null;
  at: string | null;
  revision: { symbol: string; revision: number; issuedAt: string } | null;
}

/** Who wrote a changed paragraph's new words and when last (against the working text, where the log knows it). */
export interface ChangeWriter {
  delegationId: string | null;
  name: string;
  chars: number;
  at: string;
}

/** A row of the comparison, with who changed it where the history knows it. */
export type ComparedRow = ComparedParagraph & { by?: ChangeWriter[] };

/** The comparison as the API answers it. */
export interface ComparisonJSON {
  left: ComparedTextJSON;
  right: ComparedTextJSON;
  numbering: 'sequential' | 'negotiation';
  /** Plain sentences for the reader about how the texts were read (server/presenters/comparison.ts). */
  notes?: string[];
  paragraphs: ComparedRow[];
  summary: ComparisonSummary;
  counts: ComparisonCounts;
}

/** How the rows are shown. */
export type CompareMode = 'inline' | 'side';

/** The view's state; every field is in the URL, so a comparison can be bookmarked and shared. */
export interface CompareState {
  left: string;
  right: string;
  numbering: 'sequential' | 'negotiation';
  mode: CompareMode;
  changesOnly: boolean;
}

/** A symbol without the session's prefix: "CTOC/COP/2022/L.9/Rev.1" → "L.9/Rev.1". */
export function shortSymbol(symbol: string): string {
  const i = symbol.search(/\/L\.\d/);
  return i >= 0 ? symbol.slice(i + 1) : symbol;
}

/**
 * The pair a chair most often wants: the last two issued texts; with one issued text, it and
 * the working text; before the first issue, the working text against itself.
 */
export function defaultPair(lineage: readonly LineageEntry[]): { left: string; right: string } {
  const issued = lineage.filter((e) => e.hasText).map((e) => shortSymbol(e.symbol));
  if (issued.length >= 2) return { left: issued[issued.length - 2]!, right: issued[issued.length - 1]! };
  if (issued.length === 1) return { left: issued[0]!, right: WORKING_TEXT };
  return { left: WORKING_TEXT, right: WORKING_TEXT };
}

/** Read the state from a query string, filling what is missing from `fallback`. */
export function readState(search: string, fallback: { left: string; right: string }): CompareState {
  const q = new URLSearchParams(search);
  return {
    left: q.get('left') || fallback.left,
    right: q.get('right') || fallback.right,
    numbering: q.get('numbering') === 'negotiation' ? 'negotiation' : 'sequential',
    mode: q.get('mode') === 'side' ? 'side' : 'inline',
    changesOnly: q.get('changes') === 'only',
  };
}

/** The query string of a state: only what differs from the defaults besides the two texts. */
export function writeState(s: CompareState): string {
  const q = new URLSearchParams({ left: s.left, right: s.right });
  if (s.numbering === 'negotiation') q.set('numbering', 'negotiation');
  if (s.mode === 'side') q.set('mode', 'side');
  if (s.changesOnly) q.set('changes', 'only');
  return `?${q}`;
}

/** The API query for the comparison of a state (the texts and the numbering). */
export function apiQuery(s: Pick<CompareState, 'left' | 'right' | 'numbering'>): string {
  const q = new URLSearchParams({ left: s.left, right: s.right });
  if (s.numbering === 'negotiation') q.set('numbering', 'negotiation');
  return `?${q}`;
}
