/**
 * Where one edit's time goes, for the profile in BENCHMARKS.md (bench/editPath.bench.mjs). The
 * collaboration path marks each step an edit passes on `node:diagnostics_channel`; with nobody
 * subscribed (always, outside that benchmark) a mark costs one property read. The SQLite store
 * reports its flushes of the log on a storage channel (walSync.ts).
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';

/** The steps of an edit's path through the server, in order. */
export const EditSteps = [
  /** Its WebSocket frame was read (Connection.onFrame). */
  'received',
  /** The frame was parsed into a message (wire.ts). */
  'parsed',
  /** The update was decoded and looked at against the document (inspect.ts). */
  'inspected',
  /** It was tried on the proving copy: valid text, no locked paragraph, nothing pending (textProof.ts). */
  'proved',
  /** Its client ids were claimed for its author (authorship.ts) and it joined the commit queue. */
  'queued',
  /** The group committer handed its batch to the store (persistence.ts). */
  'handedOff',
  /** The store said the batch is durable. */
  'committed',
  /**
   * Its frame to the peers was built: from its own bytes when it was committed alone, else from
   * the document's update once the batch was applied (room.ts).
   */
  'encoded',
  /** The frame was written to every other peer's socket. */
  'sent',
] as const;

/** One step of an edit's path. */
export type EditStep = (typeof EditSteps)[number];

/** What the edit channel carries: a step, and when (performance.now() of the main thread). */
export interface EditMark {
  step: EditStep;
  at: number;
}

/** The channel the collaboration path marks its steps on. */
export const editChannel = diagnosticsChannel.channel('penholder.collab.edit');

/** Mark that an edit reached `step` (nothing happens unless someone subscribed). */
export function markEdit(step: EditStep): void {
  if (editChannel.hasSubscribers) editChannel.publish({ step, at: performance.now() } satisfies EditMark);
}
