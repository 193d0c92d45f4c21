/**
 * The profile of one edit's path, taken inside the bench server (bench/penholderServer.ts with
 * TRACE_EDITS=<file>): it listens on the collaboration path's marks (server/collab/trace.ts) and
 * the SQLite store's flushes (server/storage/walSync.ts), puts each edit's steps together,
 * and on exit writes, for each step, the time from the step before it (p50 / p95 / p99, ms).
 *
 * Edits are taken one at a time: a record starts when a frame is read and ends when the edit has
 * been sent to the other peers. A frame that is not an edit (presence), or an edit whose steps
 * interleave with another's (a batch of several), is not counted; with edits tens of ms apart,
 * as in bench/editPath.bench.mjs, nearly every edit is one of its own.
 */
import { writeFileSync } from 'node:fs';
import { editChannel, EditSteps, type EditMark, type EditStep } from '../server/collab/trace';
import { syncChannel, type SyncMark } from '../server/storage/walSync';

type Record = Partial<{ [S in EditStep]: number }> & { sync?: SyncMark };
type Complete = Required<Omit<Record, 'sync'>> & { sync?: SyncMark };

/** The rows of the profile: a name, and the two instants it lies between (undefined: not on this path). */
type At = (r: Complete) => number | undefined;
function step(s: EditStep): At {
  return (r) => r[s];
}
function flush(k: keyof SyncMark): At {
  return (r) => r.sync?.[k];
}
const ROWS: [string, At, At][] = [
  ['frame read → parsed (wire.ts)', step('received'), step('parsed')],
  ['parsed → inspected (inspect.ts)', step('parsed'), step('inspected')],
  ['inspected → proved on the copy (textProof.ts, agreedGuard.ts)', step('inspected'), step('proved')],
  ['proved → claimed and queued (authorship.ts)', step('proved'), step('queued')],
  ['queued → handed to the store (persistence.ts: the group waits one turn)', step('queued'), step('handedOff')],
  ['handed → COMMIT returned, not yet flushed (sqlite.ts: mutex, counter, frozen check, insert)', step('handedOff'), flush('asked')],
  ['waiting for the flush in flight, if any (walSync.ts)', flush('asked'), flush('began')],
  ['fsync of the write-ahead log (libuv thread pool)', flush('began'), flush('synced')],
  ['flushed → committed in the room (promises)', flush('synced'), step('committed')],
  ['handed to the store → committed in the room, in all', step('handedOff'), step('committed')],
  ['committed → frame encoded (room.ts, wire.ts)', step('committed'), step('encoded')],
  ['encoded → written to the peers (ws.send)', step('encoded'), step('sent')],
  ['frame read → sent, in all', step('received'), step('sent')],
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

/** Start listening; the profile is written to `file` when `write()` is called (on exit). */
export function traceEdits(file: string): { write(): void } {
  const done: Complete[] = [];
  let current: Record | null = null;
  let skipped = 0;
  editChannel.subscribe((message) => {
    const { step, at } = message as EditMark;
    if (step === 'received') {
      if (current && current.queued !== undefined) skipped++;
      current = { received: at };
      return;
    }
    if (!current) return;
    // A step already seen means a second edit's steps are mixed in: drop the record.
    if (current[step] !== undefined) {
      skipped++;
      current = null;
      return;
    }
    current[step] = at;
    if (step === 'sent') {
      const complete = EditSteps.every((s) => current![s] !== undefined);
      if (complete) done.push(current as Complete);
      else skipped++;
      current = null;
    }
  });
  syncChannel.subscribe((message) => {
    if (current?.handedOff !== undefined && current.committed === undefined && !current.sync) current.sync = message as SyncMark;
  });
  return {
    write() {
      const rows = ROWS.map(([name, from, to]) => {
        // The flush's rows are empty where the store does not flush itself (PostgreSQL).
        const values = done.flatMap((r) => {
          const [a, b] = [from(r), to(r)];
          return a === undefined || b === undefined ? [] : [b - a];
        });
        values.sort((a, b) => a - b);
        return { name, p50: pct(values, 50), p95: pct(values, 95), p99: pct(values, 99), mean: values.reduce((a, b) => a + b, 0) / (values.length || 1) };
      });
      writeFileSync(file, JSON.stringify({ edits: done.length, skipped, rows }, null, 2));
    },
  };
}
