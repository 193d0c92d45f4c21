/**
 * Who changed an agreed paragraph since the chair marked it, and when: the update log knows. The
 * text is rebuilt at the earliest marking and the log replayed from there, one update at a time,
 * each update's transaction saying which of the paragraphs asked about it touched (agreedGuard.ts),
 * so a replay costs what the updates cost, not the text's length times their number. A replay is
 * kept per draft (a few drafts at most) and carried forward as the log grows, so that the states
 * read every few seconds replay only what is new. shared/negotiation.ts derives whether a
 * paragraph changed; this only says who touched it last.
 */
import * as Y from 'yjs';
import type { ParagraphStateEvent } from '../../shared/negotiation';
import type { UpdateLogRepo } from '../storage/types';
import { touchedParagraphs } from './agreedGuard';
import { loadDoc } from './registry';

/** Who changed a paragraph last, and when, as the update log knows it. */
export interface LastChange {
  seq: number;
  userId: string | null;
  delegationId: string | null;
  at: string;
}

interface Replay {
  /** The paragraphs asked about and the seq each was marked at, as one string. */
  key: string;
  doc: Y.Doc;
  /** The last seq applied to `doc`. */
  seq: number;
  found: Map<string, LastChange>;
}

/** How many drafts' replays are kept. */
const KEPT_REPLAYS = 8;
const replays = new Map<string, Replay>();
// One replay of a draft at a time: requests for the same draft wait for each other.
const queues = new Map<string, Promise<unknown>>();

type LogRepo = Pick<UpdateLogRepo, 'latestCheckpoint' | 'listUpdates'>;

/** For each paragraph marked (at its entry's `logSeq`), the last update after the marking that changed its content. */
export function lastChangesSince(store: LogRepo, draftId: string, marked: readonly Pick<ParagraphStateEvent, 'paragraphId' | 'logSeq'>[]): Promise<Map<string, LastChange>> {
  const asks = marked.filter((m): m is { paragraphId: string; logSeq: number } => typeof m.logSeq === 'number');
  if (asks.length === 0) return Promise.resolve(new Map());
  const run = (queues.get(draftId) ?? Promise.resolve()).catch(() => undefined).then(() => replay(store, draftId, asks));
  queues.set(draftId, run);
  void run.finally(() => {
    if (queues.get(draftId) === run) queues.delete(draftId);
  });
  return run;
}

async function replay(store: LogRepo, draftId: string, asks: readonly { paragraphId: string; logSeq: number }[]): Promise<Map<string, LastChange>> {
  const since = new Map(asks.map((a) => [a.paragraphId, a.logSeq]));
  const key = [...since]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, seq]) => `${id}@${seq}`)
    .join(' ');
  let kept = replays.get(draftId);
  if (kept?.key !== key) {
    kept?.doc.destroy();
    const from = Math.min(...since.values());
    const { doc } = await loadDoc(store, draftId, from);
    kept = { key, doc, seq: from, found: new Map() };
  }
  replays.delete(draftId);
  const ids = new Set(since.keys());
  try {
    for (const u of await store.listUpdates(draftId, kept.seq)) {
      let touched: string[] = [];
      Y.transact(kept.doc, (tr) => {
        Y.applyUpdate(kept!.doc, u.update);
        touched = touchedParagraphs(tr, ids);
      });
      for (const id of touched) if (u.seq > since.get(id)!) kept.found.set(id, { seq: u.seq, userId: u.userId, delegationId: u.delegationId, at: u.at });
      kept.seq = u.seq;
    }
  } catch (e) {
    kept.doc.destroy();
    throw e;
  }
  replays.set(draftId, kept);
  for (const [id, r] of replays) {
    if (replays.size <= KEPT_REPLAYS) break;
    r.doc.destroy();
    replays.delete(id);
  }
  return new Map(kept.found);
}
