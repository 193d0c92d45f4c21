/**
 * A room's answers to a sync step 1 ("send me what I lack, given my state vector"), kept while
 * its document does not change. Delegates opening a draft together (the start of a meeting) send
 * the same state vector, empty or as their client seeds it, and a whole text need not be encoded
 * again for each of them. A few are kept, not one: a client already up to date (a reconnect)
 * asks with another state vector in between, and its small answer must not push out the whole
 * text's. Each answer is framed once (broadcast.ts) and written as it is to every peer it goes to.
 */
import type * as Y from 'yjs';
import { Broadcast } from './broadcast';
import { syncStep2Frame } from './wire';

/** Answers kept while the text does not change (at most this many copies of the text's size). */
const KEPT = 4;

/** The latest answers to a sync step 1 of one document, forgotten whenever it changes. */
export class SyncAnswers {
  /** Newest first, each with the state vector it answered. */
  private kept: { stateVector: Uint8Array; answer: Broadcast }[] = [];

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.forget);
  }

  /** What a peer holding `stateVector` lacks (only committed content is in the doc). */
  answer(stateVector: Uint8Array): Broadcast {
    const found = this.kept.find((a) => Buffer.compare(a.stateVector, stateVector) === 0);
    if (found) return found.answer;
    const answer = new Broadcast(syncStep2Frame(this.doc, stateVector));
    this.kept.unshift({ stateVector: Uint8Array.from(stateVector), answer });
    this.kept.length = Math.min(this.kept.length, KEPT);
    return answer;
  }

  /** Stop listening to the document. */
  destroy(): void {
    this.doc.off('afterTransaction', this.forget);
  }

  // Whatever changed the document, the kept answers are out of date.
  private readonly forget = (): void => {
    this.kept = [];
  };
}
