/**
 * Before anyone has typed, a draft's working text is its latest issued text. The first time
 * such a draft is opened, that text is written into the update log as its first update, so the
 * editor opens on the text under negotiation rather than on an empty page, and every later
 * edit, comparison and history builds on it.
 *
 * Written once, whatever the number of server instances: the write happens in a transaction
 * that must get seq 1; an instance that loses the race rolls back and loads the winner's text.
 */
import * as Y from 'yjs';
import { workingTextUpdate } from '../export/textImporter';
import { DraftFrozen, type Store } from '../storage/types';

class AlreadyWritten extends Error {}

/**
 * Write the latest issued text as the first update of a draft whose log is empty. Resolves
 * true when this call wrote it; false when the log had content, another writer won, the draft
 * has no issued text, or it is frozen. The update is attributed to the officer who issued the text.
 */
export async function seedWorkingText(store: Store, draftId: string): Promise<boolean> {
  if ((await store.lastSeq(draftId)) > 0) return false;
  const latest = await latestIssuedText(store, draftId);
  if (latest === null) return false;
  const { update, issuedBy } = latest;
  try {
    await store.transaction(async (tx) => {
      if ((await tx.lastSeq(draftId)) > 0) throw new AlreadyWritten();
      const [stored] = await tx.appendUpdates([{ draftId, update, userId: issuedBy, delegationId: null }]);
      // The per-draft counter is locked until commit: a concurrent writer gets seq 2 here.
      if (stored!.seq !== 1) throw new AlreadyWritten();
    });
    return true;
  } catch (e) {
    if (e instanceof AlreadyWritten) return false;
    // Frozen with an empty log (by a version that froze without writing this update first): the
    // log takes nothing more; the room shows the issued text from memory (showIssuedText).
    if (e instanceof DraftFrozen) return false;
    throw e;
  }
}

/** The latest issued text of a draft as one Yjs update, or null when none was issued. */
async function latestIssuedText(store: Store, draftId: string): Promise<{ update: Uint8Array; issuedBy: string | null } | null> {
  const revisions = await store.listRevisions(draftId);
  if (revisions.length === 0) return null;
  const latest = revisions.reduce((a, b) => (b.revision > a.revision ? b : a));
  const { update } = workingTextUpdate(latest.text as Parameters<typeof workingTextUpdate>[0]);
  return { update, issuedBy: latest.issuedBy };
}

/**
 * For a frozen draft whose log is empty: put its latest issued text — the text its freeze hashed —
 * into the room's document, in memory only. Such a room is read-only, so nothing is stored.
 */
export async function showIssuedText(store: Store, draftId: string, doc: Y.Doc): Promise<void> {
  const latest = await latestIssuedText(store, draftId);
  if (latest !== null) Y.applyUpdate(doc, latest.update);
}
