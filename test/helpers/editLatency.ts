/**
 * What another delegate feels: one client types a keystroke every `pauseMs`, another watches,
 * and each keystroke's time from the typist's doc to the watcher's doc is kept with the moment
 * it was typed, so that a test or a benchmark can compare a quiet window with a busy one.
 *
 *   const probe = startLatencyProbe(typist.doc, watcher.doc);
 *   const t0 = performance.now(); … ; const t1 = performance.now();
 *   const { p50, p99 } = summarize(probe.between(t0, t1));
 *   await probe.stop();
 */
import type * as Y from 'yjs';
import { FRAGMENT, typeInto } from './collab';

/** One keystroke: when it was typed and how long until the watcher had it (ms). */
export interface LatencySample {
  typedAt: number;
  ms: number;
}

/** A running probe. */
export interface LatencyProbe {
  /** The keystrokes typed in [from, to) (performance.now() times) that arrived. */
  between(from: number, to: number): number[];
  /** Keystrokes typed that have not arrived (yet). */
  missing(): number;
  /** Stop typing and watching. */
  stop(): Promise<void>;
}

// The text of block 1, where the probe types (seedText gives every draft one).
function blockText(doc: Y.Doc): string {
  const el = doc.getXmlFragment(FRAGMENT).get(1) as Y.XmlElement | undefined;
  return el?.get(0)?.toString() ?? '';
}

/** Type into `typist` and time each keystroke's arrival at `watcher` (both synced, seeded with seedText). */
export function startLatencyProbe(typist: Y.Doc, watcher: Y.Doc, pauseMs = 20): LatencyProbe {
  const typedAt: number[] = [];
  const samples: LatencySample[] = [];
  let next = 0;
  // Keystrokes arrive in order: the first not yet seen is the only one to look for, then the next.
  const onUpdate = () => {
    const text = blockText(watcher);
    while (next < typedAt.length && text.includes(` k${next}.`)) {
      samples.push({ typedAt: typedAt[next]!, ms: performance.now() - typedAt[next]! });
      next++;
    }
  };
  watcher.on('update', onUpdate);
  let typing = true;
  const typer = (async () => {
    for (let n = 0; typing; n++) {
      typedAt.push(performance.now());
      typeInto(typist, 1, 0, ` k${n}.`);
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  })();
  return {
    between: (from, to) => samples.filter((s) => s.typedAt >= from && s.typedAt < to).map((s) => s.ms),
    missing: () => typedAt.length - samples.length,
    async stop() {
      typing = false;
      await typer;
      watcher.off('update', onUpdate);
    },
  };
}

/** The percentile `q` (0–1) of some times, nearest rank. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** p50, p99 and max of some times, and how many. */
export function summarize(values: readonly number[]): { n: number; p50: number; p99: number; max: number } {
  return { n: values.length, p50: percentile(values, 0.5), p99: percentile(values, 0.99), max: values.length ? Math.max(...values) : Number.NaN };
}
