/**
 * Who changed an agreed paragraph since the chair marked it, and when: the update log knows. The
 * text is rebuilt at the earliest marking and the log replayed from there, one update at a time,
 * looking only at the paragraphs asked about (shared/negotiation.ts derives whether they changed).
 */
import * as Y from 'yjs';
import type { ParagraphStateEvent } from '../../shared/negotiation';
import type { UpdateLogRepo } from '../storage/types';
import { paragraphContents } from './agreedGuard';
import { loadDoc } from './registry';

/** Who changed a paragraph last, and when, as the update log knows it. */
export interface LastChange {
  seq: number;
  userId: string | null;
  delegationId: string | null;
  at: string;
}

/** For each paragraph marked (at its entry's `logSeq`), the last update after the marking that changed its content. */
export async function lastChangesSince(
  store: Pick<UpdateLogRepo, 'latestCheckpoint' | 'listUpdates'>,
  draftId: string,
  marked: readonly Pick<ParagraphStateEvent, 'paragraphId' | 'logSeq'>[],
): Promise<Map<string, LastChange>> {
  const asks = marked.filter((m): m is { paragraphId: string; logSeq: number } => typeof m.logSeq === 'number');
  const out = new Map<string, LastChange>();
  if (asks.length === 0) return out;
  const from = Math.min(...asks.map((a) => a.logSeq));
  const since = new Map(asks.map((a) => [a.paragraphId, a.logSeq]));
  const ids = new Set(since.keys());
  const { doc } = await loadDoc(store, draftId, from);
  try {
    let before = paragraphContents(doc, ids);
    for (const u of await store.listUpdates(draftId, from)) {
      Y.applyUpdate(doc, u.update);
      const now = paragraphContents(doc, ids);
      for (const [id, text] of now) {
        if (text !== before.get(id) && u.seq > since.get(id)!) out.set(id, { seq: u.seq, userId: u.userId, delegationId: u.delegationId, at: u.at });
      }
      before = now;
    }
  } finally {
    doc.destroy();
  }
  return out;
}
