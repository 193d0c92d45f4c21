/**
 * How alike two paragraphs are, for aligning texts that have no ids in common: the Dice
 * coefficient of their character bigrams. Bigrams rather than words because Chinese has no
 * spaces; they also keep English and Arabic word order in view. A paragraph's bigrams are
 * kept as a sorted array so that comparing two is one linear merge.
 */
import DiffMatchPatch from 'diff-match-patch';

const ends = new DiffMatchPatch();

/** A paragraph's character bigrams, sorted, as the similarity needs them. */
export type Profile = Uint32Array;

/** The sorted bigrams of a text (its single character when it has only one). */
export function profile(text: string): Profile {
  if (text.length < 2) return Uint32Array.from(text.length === 1 ? [text.charCodeAt(0)] : []);
  const grams = new Uint32Array(text.length - 1);
  let prev = text.charCodeAt(0);
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    grams[i - 1] = ((prev << 16) | c) >>> 0;
    prev = c;
  }
  return grams.sort();
}

/** The Dice coefficient of two profiles, from 0 (nothing shared) to 1 (the same bigrams). */
export function similarity(a: Profile, b: Profile): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / total;
}

/** The best similarity the profiles of two texts of these lengths could have, known before either is made: skips pairs that cannot reach a threshold. */
export function lengthBound(left: number, right: number): number {
  const x = left < 2 ? left : left - 1;
  const y = right < 2 ? right : right - 1;
  return x + y === 0 ? 1 : (2 * Math.min(x, y)) / (x + y);
}

/**
 * A lower bound of the similarity of two texts from what they share at both ends: the bigrams
 * of their common prefix and suffix are shared bigrams. Cheap (no profile), and close to the
 * similarity itself for a paragraph changed in one or two places.
 */
export function keptEnds(a: string, b: string): number {
  const total = (a.length < 2 ? a.length : a.length - 1) + (b.length < 2 ? b.length : b.length - 1);
  if (total === 0) return 1;
  // diff-match-patch finds the common ends by halving native comparisons of slices, far faster
  // than reading character after character; the suffix is looked for after the prefix.
  const p = ends.diff_commonPrefix(a, b);
  const s = ends.diff_commonSuffix(a.slice(p), b.slice(p));
  return (2 * (Math.max(p - 1, 0) + Math.max(s - 1, 0))) / total;
}
