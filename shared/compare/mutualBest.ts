/**
 * Pairs of blocks that are each other's most similar, for a gap between two anchors of texts
 * without ids in common. An order-keeping alignment pairs two like paragraphs that were swapped
 * and both edited each with the other's old text (two in-order pairs outweigh one); a pair whose
 * two blocks prefer each other to every other block of the gap is the same paragraph, wherever
 * it stands, and a crossing among these pairs is a move.
 */

/**
 * The pairs (a, b, similarity) of left block a and right block b of a gap, for `n` left and `m`
 * right blocks, such that b is the most similar right block to a and a the most similar left
 * block to b; `similar` gives -1 below the threshold, and such pairs never count. On a tie the
 * earlier block wins, so that blocks of the same text pair in order. In the order of a.
 */
export function mutualBest(n: number, m: number, similar: (a: number, b: number) => number): [number, number, number][] {
  const scores = new Float64Array(n * m);
  const bestOfLeft = new Int32Array(n).fill(-1);
  const bestOfRight = new Int32Array(m).fill(-1);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < m; b++) {
      const s = similar(a, b);
      scores[a * m + b] = s;
      if (s < 0) continue;
      if (bestOfLeft[a] === -1 || s > scores[a * m + bestOfLeft[a]!]!) bestOfLeft[a] = b;
      if (bestOfRight[b] === -1 || s > scores[bestOfRight[b]! * m + b]!) bestOfRight[b] = a;
    }
  }
  const out: [number, number, number][] = [];
  for (let a = 0; a < n; a++) {
    const b = bestOfLeft[a]!;
    if (b !== -1 && bestOfRight[b] === a) out.push([a, b, scores[a * m + b]!]);
  }
  return out;
}
