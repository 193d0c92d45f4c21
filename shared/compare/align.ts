/**
 * Paragraph alignment of two texts.
 *
 * Stable ids decide first: a paragraph with the same id on both sides is the same paragraph,
 * whatever its text became. The title and the formula pair up by position. What is left
 * (imported texts, whose ids are fresh, or paragraphs new on both sides) pairs by text: first
 * texts that occur once on each side, exactly (uniqueTexts.ts); then blocks of two different
 * gaps between those anchors that are each other's most similar (like paragraphs swapped around
 * an unchanged one), as moved; then, in each gap, an order-keeping alignment that maximises
 * similarity (a DP, as an LCS on similarity), unless blocks of the gap that are each other's
 * most similar cross (like paragraphs swapped and edited), which pair first; last, a
 * high-similarity match across anchors, which is a paragraph that moved. The in-order alignment
 * also weighs two neighbours joined against one block, so that merged and split paragraphs pair
 * with the first.
 *
 * Every pair is then in order or moved: the longest chain of pairs in the same order on both
 * sides (an LIS) stays in place and the others moved, so that moving one paragraph reads as one
 * move rather than as everything else moving around it. This works on the whole text at once,
 * so that the preamble, the operative part and each annex align in turn (they are in the same
 * order on both sides) and a paragraph may still move from one to another.
 */
import { mutualBest } from './mutualBest';
import { keptEnds, lengthBound, profile, similarity, type Profile } from './similarity';
import { classOf, matchUniqueTexts } from './uniqueTexts';
import type { Unit } from './units';

/** Two blocks, one of each text, that are the same block; `moved` when it left the order of the others. */
export interface AlignedPair {
  left: number;
  right: number;
  moved: boolean;
}

/** The least similarity for two paragraphs in the same place to count as one paragraph changed. */
export const MATCH_THRESHOLD = 0.5;
/** The least similarity for a paragraph found elsewhere to count as moved rather than deleted and inserted. */
export const MOVE_THRESHOLD = 0.6;
/**
 * The least similarity of one paragraph to two neighbours of the other text joined, for them to
 * count as merged into it (or it as split into them). High, so that a reworded paragraph next to
 * an unrelated deleted one, whose common words lift the joined similarity a little, stays a
 * reworded paragraph.
 */
export const JOIN_THRESHOLD = 0.8;
/**
 * The least similarity that two blocks' common beginning and end alone prove (`keptEnds`) for
 * them to be one block changed in its middle, paired before any finer alignment of their gap.
 */
export const KEPT_ENDS_THRESHOLD = 0.8;
// Past this many cells a gap's DP only looks near its diagonal, and moves are not looked for.
const MAX_CELLS = 1_000_000;
const BAND = 500;
// Gaps with more blocks than this on either side are aligned in order only: see `alignSwapped`.
const MAX_SWAP_GAP = 40;

/** Align the blocks of two texts; every block is in at most one pair. */
export function align(left: readonly Unit[], right: readonly Unit[]): AlignedPair[] {
  const rightOf = new Int32Array(left.length).fill(-1);
  const leftOf = new Int32Array(right.length).fill(-1);
  const link = (i: number, j: number) => {
    rightOf[i] = j;
    leftOf[j] = i;
  };
  for (const kind of ['title', 'formula']) {
    const i = left.findIndex((u) => u.kind === kind);
    const j = right.findIndex((u) => u.kind === kind);
    if (i >= 0 && j >= 0) link(i, j);
  }
  // By id, paragraphs with paragraphs and annex headings with annex headings.
  const byKey = [new Map<string, number>(), new Map<string, number>()];
  const keys = (u: Unit) => byKey[u.kind === 'annexHeading' ? 1 : 0]!;
  right.forEach((u, j) => u.key !== '' && keys(u).set(u.key, j));
  left.forEach((u, i) => {
    const j = u.key === '' ? undefined : keys(u).get(u.key);
    if (j !== undefined && leftOf[j] === -1) link(i, j);
  });
  matchUniqueTexts(left, right, rightOf, leftOf, link);

  const weight = (i: number) => (left[i]!.kind === 'subparagraph' ? 0.01 : 1);
  let inOrder = longestChain(rightOf, weight);
  // A pair found between two anchors, so in the order of the others.
  const keep = (i: number, j: number) => {
    link(i, j);
    inOrder[i] = 1;
  };
  // Profiles are made only for blocks that get past the bound on lengths, once each.
  const cache = (units: readonly Unit[], joined: boolean) => {
    const made: (Profile | undefined)[] = new Array(units.length);
    return (k: number) => (made[k] ??= profile(joined ? units[k]!.text + units[k + 1]!.text : units[k]!.text));
  };
  const [leftOne, rightOne, leftTwo, rightTwo] = [cache(left, false), cache(right, false), cache(left, true), cache(right, true)];
  const above = (x: number, y: number, threshold: number, a: () => Profile, b: () => Profile) => {
    if (lengthBound(x, y) < threshold) return -1;
    const s = similarity(a(), b());
    return s >= threshold ? s : -1;
  };
  const paragraphs = (...units: Unit[]) => units.every((u) => classOf(u) === 'paragraph');
  const len = (...units: Unit[]) => units.reduce((n, u) => n + u.text.length, 0);
  const sim: Similar = {
    ends(i, j) {
      const [a, b] = [left[i]!, right[j]!];
      return classOf(a) === classOf(b) ? keptEnds(a.text, b.text) : -1;
    },
    pair(i, j, threshold) {
      const c = classOf(left[i]!);
      if (c !== classOf(right[j]!) || c === 'title' || c === 'formula') return -1;
      return above(
        len(left[i]!),
        len(right[j]!),
        threshold,
        () => leftOne(i),
        () => rightOne(j),
      );
    },
    merged(i, j) {
      if (!paragraphs(left[i]!, left[i + 1]!, right[j]!)) return -1;
      return above(
        len(left[i]!, left[i + 1]!),
        len(right[j]!),
        JOIN_THRESHOLD,
        () => leftTwo(i),
        () => rightOne(j),
      );
    },
    split(i, j) {
      if (!paragraphs(left[i]!, right[j]!, right[j + 1]!)) return -1;
      return above(
        len(left[i]!),
        len(right[j]!, right[j + 1]!),
        JOIN_THRESHOLD,
        () => leftOne(i),
        () => rightTwo(j),
      );
    },
  };

  // What is unmatched between two anchors, aligned: in order, or, where `swaps`, with the blocks
  // that are each other's most similar first when some of them cross.
  const alignBetween = (ls: number[], rs: number[], swaps: boolean) => {
    // While both sides of the gap hold as many blocks, blocks at its start or its end that kept
    // most of their words at both of their own ends are the same blocks changed in the middle:
    // paired at once, they leave the DP only what is in doubt. With more blocks on one side, the
    // DP decides: the extra block may be deleted or inserted at the start (paragraphs of one
    // resolution often open and close with the same words, so the first of the others would
    // pair with the wrong one) or be the second half of a merge or a split at the end.
    // Neither of the two may have kept more of its ends with another block of the gap: two like
    // paragraphs swapped and edited keep much of their ends with each other.
    let [a, b, c, d] = [0, 0, ls.length, rs.length];
    const kept = (x: number, y: number) => {
      const k = sim.ends(ls[x]!, rs[y]!);
      if (k < KEPT_ENDS_THRESHOLD) return false;
      if (!swaps || c - a > MAX_SWAP_GAP) return true;
      for (let z = a; z < c; z++) if (z !== x && sim.ends(ls[z]!, rs[y]!) > k) return false;
      for (let z = b; z < d; z++) if (z !== y && sim.ends(ls[x]!, rs[z]!) > k) return false;
      return true;
    };
    while (c - a === d - b && a < c && kept(a, b)) keep(ls[a++]!, rs[b++]!);
    while (c - a === d - b && a < c && kept(c - 1, d - 1)) keep(ls[--c]!, rs[--d]!);
    if (c - a === 1 && d - b === 1) {
      // One block changed in place: only the threshold matters.
      if (sim.pair(ls[a]!, rs[b]!, MATCH_THRESHOLD) >= 0) keep(ls[a]!, rs[b]!);
    } else if (c > a && d > b && !(swaps && alignSwapped(ls.slice(a, c), rs.slice(b, d)))) {
      for (const [i, j] of alignGap(ls.slice(a, c), rs.slice(b, d), sim)) keep(i, j);
    }
  };
  // Two like paragraphs swapped and both edited would pair in order each with the other's old
  // text (two such pairs outweigh one right pair), and read as two nonsense changes. Blocks that
  // are each other's most similar in the gap pair first: those in order stay in place, those
  // that cross them moved, and what is between the ones in place is aligned in order as before.
  // Only when some pair crosses, so that every other gap reads as it did; the gaps where this is
  // looked for are small, as the DP compares all their blocks anyway.
  const alignSwapped = (ls: number[], rs: number[]): boolean => {
    if (ls.length < 2 || rs.length < 2 || ls.length > MAX_SWAP_GAP || rs.length > MAX_SWAP_GAP) return false;
    const best = mutualBest(ls.length, rs.length, (a, b) => sim.pair(ls[a]!, rs[b]!, MATCH_THRESHOLD));
    if (best.every(([, b], k) => k === 0 || b > best[k - 1]![1])) return false;
    const local = new Int32Array(ls.length).fill(-1);
    for (const [a, b] of best) local[a] = b;
    const chain = longestChain(local, (a) => weight(ls[a]!));
    // A paragraph found elsewhere needs the similarity of a move, as across anchors.
    const moved = best.filter(([a, , s]) => !chain[a] && s >= MOVE_THRESHOLD);
    if (moved.length === 0) return false;
    for (const [a, b] of moved) link(ls[a]!, rs[b]!);
    // The pairs in place split the gap, its end closing the last part.
    const stays: [number, number][] = best.filter(([a]) => chain[a]).map(([a, b]) => [a, b]);
    stays.push([ls.length, rs.length]);
    let [a0, b0] = [-1, -1];
    for (const [a1, b1] of stays) {
      const free0 = ls.slice(a0 + 1, a1).filter((i) => rightOf[i] === -1);
      const free1 = rs.slice(b0 + 1, b1).filter((j) => leftOf[j] === -1);
      if (free0.length > 0 && free1.length > 0) alignBetween(free0, free1, false);
      if (a1 < ls.length) keep(ls[a1]!, rs[b1]!);
      [a0, b0] = [a1, b1];
    }
    return true;
  };

  // Like paragraphs swapped and edited with an unchanged one between them (an anchor) fall in
  // two gaps, where each would pair with the other's old text alone. Blocks that are each other's
  // most similar among all the unmatched blocks, from two different gaps, pair first, as moved.
  // Only while few blocks are unmatched on each side, as in `alignSwapped`: a text rewritten
  // throughout leaves its gaps to be aligned as before.
  const pairAcrossAnchors = (anchors: readonly number[]): boolean => {
    if (anchors.length === 0) return false;
    const ls = left.flatMap((_, i) => (rightOf[i] === -1 ? [i] : []));
    const rs = right.flatMap((_, j) => (leftOf[j] === -1 ? [j] : []));
    if (ls.length === 0 || rs.length === 0 || ls.length > MAX_SWAP_GAP || rs.length > MAX_SWAP_GAP) return false;
    // The gap a block is in: how many anchors stand before it on its side.
    const gap = (at: number, anchorAt: (k: number) => number) => {
      let k = 0;
      while (k < anchors.length && anchorAt(k) < at) k++;
      return k;
    };
    let linked = false;
    for (const [a, b] of mutualBest(ls.length, rs.length, (a, b) => sim.pair(ls[a]!, rs[b]!, MOVE_THRESHOLD))) {
      const [i, j] = [ls[a]!, rs[b]!];
      if (gap(i, (k) => anchors[k]!) === gap(j, (k) => rightOf[anchors[k]!]!)) continue;
      link(i, j);
      linked = true;
    }
    return linked;
  };

  // Between consecutive anchors, align what is unmatched on both sides. The anchors increase on
  // both sides, so walking the left text finds them in order; most are neighbours with nothing
  // between them.
  const anchors = () => {
    const at: number[] = [];
    for (let i = 0; i < left.length; i++) if (inOrder[i]) at.push(i);
    return at;
  };
  // Pairs made across anchors change which pairs are in order, as they would had ids made them.
  if (pairAcrossAnchors(anchors())) inOrder = longestChain(rightOf, weight);
  const anchorsAt = anchors();
  anchorsAt.push(left.length);
  let from0 = -1;
  let from1 = -1;
  for (const to0 of anchorsAt) {
    const to1 = to0 === left.length ? right.length : rightOf[to0]!;
    const [f0, f1] = [from0, from1];
    [from0, from1] = [to0, to1];
    if (to0 - f0 < 2 || to1 - f1 < 2) continue;
    const ls: number[] = [];
    const rs: number[] = [];
    for (let i = f0 + 1; i < to0; i++) if (rightOf[i] === -1) ls.push(i);
    for (let j = f1 + 1; j < to1; j++) if (leftOf[j] === -1) rs.push(j);
    alignBetween(ls, rs, true);
  }
  for (const [i, j] of matchMoves(left, right, rightOf, leftOf, sim)) link(i, j);

  // A gap's matches sit between two anchors on both sides, so they extend the chain; all else moved.
  const pairs: AlignedPair[] = [];
  for (let i = 0; i < left.length; i++) if (rightOf[i] !== -1) pairs.push({ left: i, right: rightOf[i]!, moved: inOrder[i] === 0 });
  return pairs;
}

// The heaviest chain of pairs whose right indices increase with their left ones, as a mark on
// each left index in it. A subparagraph weighs little, so that a paragraph moved with its
// subparagraphs is one move rather than the paragraphs it jumped over moving the other way. A
// Fenwick tree over the right indices keeps this O(n log n).
function longestChain(rightOf: Int32Array, weight: (i: number) => number): Uint8Array {
  const chain = new Uint8Array(rightOf.length);
  // Most often every pair is already in order (nothing moved): then the chain is all of them.
  let last = -1;
  let ordered = true;
  for (let i = 0; i < rightOf.length && ordered; i++) {
    const j = rightOf[i]!;
    if (j !== -1) (ordered = j > last), (last = j);
  }
  if (ordered) {
    for (let i = 0; i < rightOf.length; i++) chain[i] = rightOf[i] === -1 ? 0 : 1;
    return chain;
  }
  let size = 0;
  for (const j of rightOf) size = Math.max(size, j + 1);
  const treeBest = new Float64Array(size + 1);
  const treeAt = new Int32Array(size + 1).fill(-1);
  const best = new Float64Array(rightOf.length);
  const prev = new Int32Array(rightOf.length).fill(-1);
  let top = -1;
  for (let i = 0; i < rightOf.length; i++) {
    const j = rightOf[i]!;
    if (j === -1) continue;
    let b = 0;
    let at = -1;
    for (let k = j; k > 0; k -= k & -k) if (treeBest[k]! > b) (b = treeBest[k]!), (at = treeAt[k]!);
    best[i] = b + weight(i);
    prev[i] = at;
    for (let k = j + 1; k <= size; k += k & -k) if (best[i]! > treeBest[k]!) (treeBest[k] = best[i]!), (treeAt[k] = i);
    if (top === -1 || best[i]! > best[top]!) top = i;
  }
  for (let i = top; i !== -1; i = prev[i]!) chain[i] = 1;
  return chain;
}

// How alike blocks are (-1 below the threshold): a left and a right block; left blocks i and i + 1
// joined and right block j; left block i and right blocks j and j + 1 joined.
interface Similar {
  /** How much a left and a right block of the same class share at their two ends alone (`keptEnds`). */
  ends(i: number, j: number): number;
  pair(i: number, j: number, threshold: number): number;
  merged(i: number, j: number): number;
  split(i: number, j: number): number;
}

// The moves of the gap DP: which step reached a cell.
const SKIP_LEFT = 0;
const SKIP_RIGHT = 1;
const PAIR = 2;
const MERGE = 3;
const SPLIT = 4;

/**
 * An order-keeping alignment of two runs of blocks maximising the summed similarity of its pairs.
 * Besides one-to-one pairs it weighs two neighbours of one side against one block of the other
 * (as sentence aligners weigh 2:1 beads): a paragraph that two merged into, or that split in two,
 * pairs with the first of the two, which keeps its place and number, and the second is deleted
 * or inserted. Without this the longer of the two wins on similarity alone, and a merge reads as
 * the first paragraph deleted and the second changed with all the first's words inserted.
 */
function alignGap(ls: number[], rs: number[], sim: Similar): [number, number][] {
  const n = ls.length;
  const m = rs.length;
  const banded = n * m > MAX_CELLS;
  const w = m + 1;
  const score = new Float64Array((n + 1) * w);
  const step = new Uint8Array((n + 1) * w);
  for (let a = 1; a <= n; a++) step[a * w] = SKIP_LEFT;
  for (let b = 1; b <= m; b++) step[b] = SKIP_RIGHT;
  for (let a = 1; a <= n; a++) {
    for (let b = 1; b <= m; b++) {
      const at = a * w + b;
      let best = score[at - w]!;
      let how = SKIP_LEFT;
      if (score[at - 1]! > best) (best = score[at - 1]!), (how = SKIP_RIGHT);
      if (banded && Math.abs((a * m) / n - b) > BAND) {
        score[at] = best;
        step[at] = how;
        continue;
      }
      const s = sim.pair(ls[a - 1]!, rs[b - 1]!, MATCH_THRESHOLD);
      if (s >= 0 && score[at - w - 1]! + s > best) (best = score[at - w - 1]! + s), (how = PAIR);
      // Two neighbours on the left joined into one block on the right, and the other way.
      if (a >= 2 && ls[a - 2]! + 1 === ls[a - 1]) {
        const j = sim.merged(ls[a - 2]!, rs[b - 1]!);
        if (j >= 0 && score[at - 2 * w - 1]! + j > best) (best = score[at - 2 * w - 1]! + j), (how = MERGE);
      }
      if (b >= 2 && rs[b - 2]! + 1 === rs[b - 1]) {
        const j = sim.split(ls[a - 1]!, rs[b - 2]!);
        if (j >= 0 && score[at - w - 2]! + j > best) (best = score[at - w - 2]! + j), (how = SPLIT);
      }
      score[at] = best;
      step[at] = how;
    }
  }
  const out: [number, number][] = [];
  for (let a = n, b = m; a > 0 || b > 0; ) {
    const how = step[a * w + b]!;
    if (how === PAIR) out.push([ls[--a]!, rs[--b]!]);
    else if (how === MERGE) out.push([ls[(a -= 2)]!, rs[--b]!]);
    else if (how === SPLIT) out.push([ls[--a]!, rs[(b -= 2)]!]);
    else if (how === SKIP_LEFT) a--;
    else b--;
  }
  return out.reverse();
}

// The unmatched blocks that reappear elsewhere, most similar first.
function matchMoves(left: readonly Unit[], right: readonly Unit[], rightOf: Int32Array, leftOf: Int32Array, sim: Similar): [number, number][] {
  const ls: number[] = [];
  const rs: number[] = [];
  for (let i = 0; i < left.length; i++) if (rightOf[i] === -1) ls.push(i);
  for (let j = 0; j < right.length; j++) if (leftOf[j] === -1) rs.push(j);
  if (ls.length * rs.length > MAX_CELLS) return [];
  const candidates: [number, number, number][] = [];
  for (const i of ls)
    for (const j of rs) {
      const s = sim.pair(i, j, MOVE_THRESHOLD);
      if (s >= 0) candidates.push([s, i, j]);
    }
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const out: [number, number][] = [];
  for (const [, i, j] of candidates) {
    if (usedL.has(i) || usedR.has(j)) continue;
    usedL.add(i);
    usedR.add(j);
    out.push([i, j]);
  }
  return out;
}
