#!/usr/bin/env node
// The table of bench/run-floor.sh: each target of "durable at the floor", Penholder's and the
// reference's medians over the alternating rounds, the ratio, and in how many rounds Penholder
// met the target against that round's reference.
//   node bench/floor.mjs bench/results/floor 9
import { latencyAt, median, roundsIn, serverCpu } from './rounds.mjs';

const [dir, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const { read, perRound } = roundsIn(dir, rounds);
const commit = Array.from({ length: rounds }, (_, i) => read(`commit.r${i + 1}.json`)?.p50 ?? Number.NaN);

/** A target: Penholder's figure against a bound made from the reference's (and the commit's) figure of the same round. */
const targets = [
  {
    name: '200 y-websocket clients, p99 (ms)',
    rule: 'Penholder ≤ 1.0 × reference',
    ph: perRound('penholder', 'latency', latencyAt(200, 'p99')),
    ref: perRound('reference', 'latency', latencyAt(200, 'p99')),
    bound: (ref) => ref,
  },
  {
    name: '2 y-websocket clients, p50 (ms)',
    rule: 'Penholder ≤ reference + one durable commit (p50, same round)',
    ph: perRound('penholder', 'latency', latencyAt(2, 'p50')),
    ref: perRound('reference', 'latency', latencyAt(2, 'p50')),
    bound: (ref, i) => ref + commit[i],
    medianBound: (ref) => ref + median(commit),
  },
  {
    name: '2 y-websocket clients, p99 (ms)',
    rule: 'Penholder ≤ 1.5 × reference',
    ph: perRound('penholder', 'latency', latencyAt(2, 'p99')),
    ref: perRound('reference', 'latency', latencyAt(2, 'p99')),
    bound: (ref) => 1.5 * ref,
  },
  {
    name: '1,000 raw observers, p99 (ms)',
    rule: 'Penholder ≤ 1.0 × reference',
    ph: perRound('penholder', 'observers', latencyAt(1000, 'p99')),
    ref: perRound('reference', 'observers', latencyAt(1000, 'p99')),
    bound: (ref) => ref,
  },
  {
    name: 'relay, 20 clients × 10 chars/s: server CPU (%)',
    rule: 'Penholder ≤ 1.5 × reference',
    ph: perRound('penholder', 'relay', serverCpu),
    ref: perRound('reference', 'relay', serverCpu),
    bound: (ref) => 1.5 * ref,
  },
  {
    name: 'cold join of the 150 KB report, connect to synced, p50 (ms)',
    rule: 'Penholder ≤ 1.0 × reference',
    ph: perRound('penholder', 'coldsync', (j) => j.results[0].median.joinConnectToSyncedMs.p50),
    ref: perRound('reference', 'coldsync', (j) => j.results[0].median.joinConnectToSyncedMs.p50),
    bound: (ref) => ref,
  },
];

const f = (x) => (Number.isNaN(x) ? '–' : x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2));
console.log('| target | rule | Penholder, median | reference, median | ratio | met (medians) | rounds met |');
console.log('|---|---|---|---|---|---|---|');
for (const t of targets) {
  const [ph, ref] = [median(t.ph), median(t.ref)];
  const bound = t.medianBound ? t.medianBound(ref) : t.bound(ref);
  const pairs = t.ph.map((x, i) => [x, t.ref[i], i]).filter(([a, b]) => !Number.isNaN(a) && !Number.isNaN(b));
  const met = pairs.filter(([a, b, i]) => a <= t.bound(b, i)).length;
  console.log(`| ${t.name} | ${t.rule} | ${f(ph)} | ${f(ref)} | ${f(ph / ref)} | ${ph <= bound ? 'yes' : 'no'} | ${met} of ${pairs.length} |`);
}
console.log('');
console.log(`One durable commit alone on this disk (bench/commit.bench.mjs, FULL, p50 per round, ms): ${commit.map(f).join(', ')}; median ${f(median(commit))}.`);
console.log('');
console.log('Per round (Penholder | reference):');
for (const t of targets) console.log(`- ${t.name}: ${t.ph.map(f).join(', ')} | ${t.ref.map(f).join(', ')}`);
const harness = perRound('penholder', 'latency', (j) => j.results.find((r) => r.N === 200).median.harnessCpuPct);
console.log('');
console.log(
  `The harness's own CPU at 200 y-websocket clients (Penholder's rounds): median ${f(median(harness))} % of a core; near 100 % it, not the server, would set the figure.`,
);
