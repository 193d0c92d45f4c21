// Reading the results of alternating rounds (bench/run-floor.sh, run-durable-floor.sh,
// run-journal-ab.sh): each run of yws-bench.mjs wrote `<side>.<test>.r<round>.json` in one
// directory; a figure is taken from each round's file, and the rounds compared by their medians.
import fs from 'node:fs';
import path from 'node:path';

/** The median of the numbers among `xs` (NaN when there are none). */
export const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The results in `dir` of `count` rounds: a file read (null when missing), and a figure per round. */
export function roundsIn(dir, count) {
  const read = (name) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    } catch {
      return null;
    }
  };
  /** Per round, a figure of one side's run of one test (NaN where the run failed). */
  const perRound = (side, test, pick) =>
    Array.from({ length: count }, (_, i) => {
      const j = read(`${side}.${test}.r${i + 1}.json`);
      try {
        return j ? pick(j) : Number.NaN;
      } catch {
        return Number.NaN;
      }
    });
  return { read, perRound };
}

/** A latency run's figure at `n` clients: p50, p99… per receiver. */
export const latencyAt = (n, key) => (j) => j.results.find((r) => r.N === n).median.perReceiver[key];

/** A throughput run's server CPU (% of a core). */
export const serverCpu = (j) => j.median.serverCpuPct;
