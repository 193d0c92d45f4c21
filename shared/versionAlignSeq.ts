/**
 * The sequence alignment under shared/versionAlign.ts: a global alignment (edit distance) of two
 * sequences within a band around the diagonal, so a text of n paragraphs costs n × BAND, not n × m.
 */

/** One step of an alignment: a pair, an element only in `a` (missing from `b`), or only in `b` (extra). */
export type Op<T> = { op: 'match'; a: T; b: T } | { op: 'missing'; a: T } | { op: 'extra'; b: T };

/** How far from the diagonal (beyond the difference in length) the alignment looks: more paragraphs missing and extra than this in one text is not a version of it. */
export const BAND = 24;

// A global alignment (edit distance) of two sequences: gaps cost `gap`, a pair its `pair` cost.
// Only cells within BAND of the diagonal are computed, so a long text costs n × BAND, not n × m.
export function alignSeq<T>(a: readonly T[], b: readonly T[], pair: (x: T, y: T) => number, gap: number): Op<T>[] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const cost = new Float64Array((n + 1) * w).fill(Number.POSITIVE_INFINITY);
  const from = new Uint8Array((n + 1) * w); // 0 pair, 1 missing (up), 2 extra (left)
  cost[0] = 0;
  for (let i = 1; i <= n; i++) {
    cost[i * w] = i * gap;
    from[i * w] = 1;
  }
  for (let j = 1; j <= m; j++) {
    cost[j] = j * gap;
    from[j] = 2;
  }
  const below = Math.min(0, m - n) - BAND;
  const above = Math.max(0, m - n) + BAND;
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(1, i + below); j <= Math.min(m, i + above); j++) {
      const diag = cost[(i - 1) * w + j - 1]! + pair(a[i - 1]!, b[j - 1]!);
      const up = cost[(i - 1) * w + j]! + gap;
      const left = cost[i * w + j - 1]! + gap;
      let best = diag;
      let dir = 0;
      if (up < best - 1e-9) [best, dir] = [up, 1];
      if (left < best - 1e-9) [best, dir] = [left, 2];
      cost[i * w + j] = best;
      from[i * w + j] = dir;
    }
  }
  const ops: Op<T>[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const dir = from[i * w + j];
    if (i > 0 && j > 0 && dir === 0) ops.push({ op: 'match', a: a[--i]!, b: b[--j]! });
    else if (i > 0 && (j === 0 || dir === 1)) ops.push({ op: 'missing', a: a[--i]! });
    else ops.push({ op: 'extra', b: b[--j]! });
  }
  return ops.reverse();
}
