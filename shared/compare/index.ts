/** Comparing two texts of a draft: see `compareTexts.ts`. */
export { compareTexts } from './compareTexts';
export type { ComparableText } from './units';
export { diffText, sideText } from './inline';
export { JOIN_THRESHOLD, MATCH_THRESHOLD, MOVE_THRESHOLD } from './align';
export { renumberedUnprinted } from './classify';
export {
  COMPARISON_STATUSES,
  FOOTNOTE_CLOSE,
  FOOTNOTE_OPEN,
  type CompareOptions,
  type ComparedParagraph,
  type ComparedSide,
  type Comparison,
  type ComparisonCounts,
  type ComparisonStatus,
  type ComparisonSummary,
  type Segment,
  type UnitKind,
} from './types';
