/**
 * The comparison of any two texts of a draft (two revisions, a revision and the working text,
 * a revision as orally amended, two pasted texts): aligned by paragraph, classified, diffed by
 * character inside changed paragraphs, and summed up for the chair.
 */
import { align } from './align';
import { buildRows } from './classify';
import { summarise } from './summary';
import { COMPARISON_STATUSES, type CompareOptions, type Comparison, type ComparisonCounts } from './types';
import { numberText, readUnits, toNode, type ComparableText } from './units';

/**
 * Compare two texts, left (older) to right (newer). Pure; the result is plain JSON.
 * Throws a RangeError on JSON that does not fit the schema or a base that cannot number it.
 */
export function compareTexts(a: ComparableText, b: ComparableText, options: CompareOptions = {}): Comparison {
  const leftDoc = toNode(a);
  const rightDoc = toNode(b);
  const left = readUnits(leftDoc, numberText(leftDoc, options.base));
  const right = readUnits(rightDoc, numberText(rightDoc, options.base));
  const placed = buildRows(left, right, align(left, right));
  const counts = Object.fromEntries(COMPARISON_STATUSES.map((s) => [s, 0])) as ComparisonCounts;
  for (const { row } of placed) counts[row.status]++;
  return { paragraphs: placed.map((p) => p.row), summary: summarise(placed), counts };
}
