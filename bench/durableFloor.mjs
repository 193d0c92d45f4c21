#!/usr/bin/env node
// The table of bench/run-durable-floor.sh: for each figure, the medians over the alternating
// rounds of the in-memory reference, the reference made durable (bench/durableReference.mjs) and
// Penholder; what the guarantee costs (durable − reference) and what Penholder adds to it
// (Penholder − durable); and the figures of every round.
//   node bench/durableFloor.mjs bench/results/durable-floor 5
import { latencyAt, median, roundsIn, serverCpu } from './rounds.mjs';

const [dir, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const SIDES = ['reference', 'durable', 'penholder'];
const { perRound } = roundsIn(dir, rounds);
const FIGURES = [
  ['2 y-websocket clients, p50 (ms)', 'latency', latencyAt(2, 'p50')],
  ['2 y-websocket clients, p99 (ms)', 'latency', latencyAt(2, 'p99')],
  ['200 y-websocket clients, p50 (ms)', 'latency', latencyAt(200, 'p50')],
  ['200 y-websocket clients, p99 (ms)', 'latency', latencyAt(200, 'p99')],
  ['relay, 20 clients × 10 chars/s: server CPU (%)', 'relay', serverCpu],
];
const f = (x) => (Number.isNaN(x) ? '—' : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const lines = [
  '| figure | reference (memory) | reference made durable | Penholder | the guarantee: durable − reference | Penholder − durable | Penholder / durable |',
  '|---|---|---|---|---|---|---|',
];
const detail = [];
for (const [name, test, pick] of FIGURES) {
  const per = Object.fromEntries(SIDES.map((s) => [s, perRound(s, test, pick)]));
  const m = Object.fromEntries(SIDES.map((s) => [s, median(per[s])]));
  lines.push(
    `| ${name} | ${f(m.reference)} | ${f(m.durable)} | ${f(m.penholder)} | ${f(m.durable - m.reference)} | ${f(m.penholder - m.durable)} | ${f(m.penholder / m.durable)} |`,
  );
  detail.push(`- ${name}: ${SIDES.map((s) => `${s} ${per[s].map(f).join(', ')}`).join(' | ')}`);
}
console.log([...lines, '', 'Per round:', ...detail].join('\n'));
