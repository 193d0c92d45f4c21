#!/usr/bin/env node
// Merges the rounds of a latency test run alternately against both servers (run-collab.sh) and
// compares them pair by pair, so that a quiet or a busy minute of the machine falls on both.
//   node mergeRounds.mjs results latency-provider 3
// writes results/{penholder,reference}/latency-provider.json (medians over the rounds, the shape
// summarize.mjs reads) and prints, per number of clients, each round's p99 on both sides.
import fs from 'node:fs';
import path from 'node:path';
const [out, name, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const sides = ['penholder', 'reference'];
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const medianOf = (objs) => {
  const res = {};
  for (const k of Object.keys(objs[0])) {
    const vals = objs.map((o) => o[k]);
    if (typeof vals[0] === 'number') res[k] = median(vals);
    else if (vals[0] && typeof vals[0] === 'object' && !Array.isArray(vals[0])) res[k] = medianOf(vals);
    else res[k] = vals[0];
  }
  return res;
};
const loaded = {};
for (const side of sides) {
  const files = [];
  for (let r = 1; r <= rounds; r++) {
    const file = path.join(out, side, `${name}.r${r}.json`);
    if (fs.existsSync(file)) files.push(JSON.parse(fs.readFileSync(file, 'utf8')));
  }
  if (files.length === 0) continue;
  const byN = new Map();
  for (const f of files) for (const r of f.results) byN.set(r.N, [...(byN.get(r.N) ?? []), r.median]);
  const results = [...byN].map(([N, rs]) => ({ N, median: medianOf(rs), rounds: rs.map((x) => x.perReceiver.p99) }));
  loaded[side] = results;
  fs.writeFileSync(path.join(out, side, `${name}.json`), JSON.stringify({ ...files[0], rounds: files.length, results }, null, 2));
}
if (!loaded.penholder || !loaded.reference) process.exit(0);
console.log(`p99 per round (ms), ${name}, the servers alternating:`);
for (const p of loaded.penholder) {
  const r = loaded.reference.find((x) => x.N === p.N);
  if (!r) continue;
  const pairs = p.rounds.map((x, i) => [x, r.rounds[i]]).filter(([, b]) => b !== undefined);
  const wins = pairs.filter(([a, b]) => a <= b).length;
  const show = (xs) => xs.map((x) => x.toFixed(1)).join(', ');
  console.log(
    `  N=${p.N}: Penholder ${show(p.rounds)} | reference ${show(r.rounds)} | medians ${median(p.rounds).toFixed(1)} vs ${median(r.rounds).toFixed(1)}; Penholder ≤ reference in ${wins} of ${pairs.length} rounds`,
  );
}
