/**
 * Before anyone has typed, a draft's working text is its latest issued text. The first time
 * such a draft is opened, that text is written into the update log as its first update, so the
 * editor opens on the text under negotiation rather than on an empty page, and every later
 * edit, comparison and history builds on it.
 *
 * Written once, whatever the number of server instances: the write happens in a transaction
 * that must get seq 1; an instance that loses the race rolls back and loads the winner's text.
 */
import { workingTextUpdate } from '../export/textImporter';
import type { Store } from '../storage/types';

class AlreadyWritten extends Error {}

/**
 * Write the latest issued text as the first update of a draft whose log is empty. Resolves
 * true when this call wrote it; false when the log had content, another writer won, or the
 * draft has no issued text. The update is attributed to the officer who issued the text.
 */
export async function seedWorkingText(store: Store, draftId: string): Promise<boolean> {
  if ((await store.lastSeq(draftId)) > 0) return false;
  const revisions = await store.listRevisions(draftId);
  if (revisions.length === 0) return false;
  const latest = revisions.reduce((a, b) => (b.revision > a.revision ? b : a));
  const { update } = workingTextUpdate(latest.text as Parameters<typeof workingTextUpdate>[0]);
  try {
    await store.transaction(async (tx) => {
      if ((await tx.lastSeq(draftId)) > 0) throw new AlreadyWritten();
      const [stored] = await tx.appendUpdates([{ draftId, update, userId: latest.issuedBy, delegationId: null }]);
      // The per-draft counter is locked until commit: a concurrent writer gets seq 2 here.
      if (stored!.seq !== 1) throw new AlreadyWritten();
    });
    return true;
  } catch (e) {
    if (e instanceof AlreadyWritten) return false;
    throw e;
  }
}
