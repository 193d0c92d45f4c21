/**
 * Look inside a Yjs update before accepting it: is it well-formed, does it carry anything the
 * server's document lacks, and under which client ids does it create content. This is where
 * read-only and authorship decisions get their facts; it never changes the document.
 */
import * as Y from 'yjs';
import { MalformedFrame } from './wire';

/** What an update would do to a document. */
export interface UpdateInspection {
  /** True when applying it would change the document (new structs, or deletions of live items). */
  changes: boolean;
  /** Client ids under which it carries structs (Skip and GC included) past what the document has. */
  writerClientIds: number[];
  /** The clock each client's structs in it start at (the proof sees a gap in them without applying it). */
  firstClocks: Map<number, number>;
}

function noteFirstClock(firstClocks: Map<number, number>, client: number, clock: number): void {
  const first = firstClocks.get(client);
  if (first === undefined || clock < first) firstClocks.set(client, clock);
}

/** The clock each client's structs in a (well-formed) update start at. */
export function firstClocksOf(update: Uint8Array): Map<number, number> {
  const firstClocks = new Map<number, number>();
  for (const s of Y.decodeUpdate(update).structs) noteFirstClock(firstClocks, s.id.client, s.id.clock);
  return firstClocks;
}

function deletesLiveContent(doc: Y.Doc, client: number, clock: number, len: number): boolean {
  const state = Y.getState(doc.store, client);
  // Deleting what the server has never seen still changes its state (the deletion is kept pending).
  if (clock + len > state) return true;
  const structs = doc.store.clients.get(client);
  if (!structs) return true;
  for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
    const s = structs[i]!;
    if (s.id.clock >= clock + len) break;
    if (!s.deleted) return true;
  }
  return false;
}

/**
 * Inspect a V1 update against `doc`. Throws MalformedFrame when the bytes are not a Yjs update
 * (truncated, bad varints, unknown content).
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): UpdateInspection {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (e) {
    throw new MalformedFrame(`yjs update: ${e instanceof Error ? e.message : String(e)}`);
  }
  const writers = new Set<number>();
  const firstClocks = new Map<number, number>();
  let changes = false;
  for (const s of decoded.structs) {
    if (!Number.isInteger(s.id.client) || s.id.client < 0 || s.id.client > 0xffffffff || s.length < 1) {
      throw new MalformedFrame('yjs update: bad struct id');
    }
    noteFirstClock(firstClocks, s.id.client, s.id.clock);
    if (s.id.clock + s.length > Y.getState(doc.store, s.id.client)) {
      // A Skip writes nothing, but it speaks for a range of that client's clock all the same:
      // only the id's owner may send one (a Skip under another's id misattributes their words).
      // Whether the update changes anything in the end, the proving copy says (textProof.ts).
      writers.add(s.id.client);
      changes = true;
    }
  }
  if (!changes) {
    for (const [client, ranges] of decoded.ds.clients) {
      for (const r of ranges) {
        if (deletesLiveContent(doc, client, r.clock, r.len)) {
          changes = true;
          break;
        }
      }
      if (changes) break;
    }
  }
  return { changes, writerClientIds: [...writers], firstClocks };
}
