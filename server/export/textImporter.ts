/**
 * Putting an imported text in as a draft's working text, before the draft's first issue.
 *
 * The working text lives in the update log as Yjs updates (the collaboration server replays
 * them). A draft whose log is still empty takes the imported text as its first update,
 * written under a Yjs client id claimed for the importing user, so authorship reads right.
 *
 * Replacing a working text that already has content must go through the collaboration room
 * (one server-authored transaction, logged and broadcast to open editors); the collaboration
 * server has no such entry point yet, so that case is refused with 409 and `workingTextUpdate`
 * is what the room will need: the update that writes a text into an empty document.
 */
import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import { mayEditText } from '../../shared/policy';
import { resolutionSchema, type TextJSON } from '../../shared/schema';
import type { AuthenticatedUser } from '../auth';
import { loadDraftAccess } from '../commands/draftAccess';
import { statusOfRecord } from '../commands/draftStatus';
import { TEXT_FRAGMENT } from '../collab/history';
import { HttpErrors } from '../http/errors';
import type { Store } from '../storage/types';

/** The Yjs update that writes `text` into an empty working text, and the client id it was written under. */
export function workingTextUpdate(text: TextJSON): { update: Uint8Array; clientId: number } {
  const doc = prosemirrorJSONToYDoc(resolutionSchema, text, TEXT_FRAGMENT);
  const update = Y.encodeStateAsUpdate(doc);
  const clientId = doc.clientID;
  doc.destroy();
  return { update, clientId };
}

/** Make an imported text the working text of a draft not yet issued; returns the log's seq. */
export async function importWorkingText(store: Store, draftId: string, actor: AuthenticatedUser, text: TextJSON): Promise<{ seq: number }> {
  const { update, clientId } = workingTextUpdate(text);
  return store.transaction(async (tx) => {
    const loaded = await loadDraftAccess(tx, draftId);
    if (!loaded) throw HttpErrors.notFound('draft');
    const permission = mayEditText(actor, loaded.access);
    if (!permission.ok) throw HttpErrors.forbidden(permission.error);
    const status = statusOfRecord(await tx.listDraftEvents(draftId));
    if (status.revision !== null) {
      throw HttpErrors.refused(`${status.symbol} has been issued: a text is imported only before a draft's first issue; edit the working text instead`);
    }
    if ((await tx.lastSeq(draftId)) > 0) {
      throw HttpErrors.conflict('the working text already has content; replacing it is not available yet (it needs the collaboration server), so paste into the editor instead');
    }
    const taken = await tx.claimClientIds(draftId, actor.id, [clientId]);
    if (taken.length > 0) throw HttpErrors.conflict('the import collided with an editor; try again');
    const [stored] = await tx.appendUpdates([{ draftId, update, userId: actor.id, delegationId: actor.delegationId }]);
    return { seq: stored!.seq };
  });
}
