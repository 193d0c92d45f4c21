/**
 * Putting an imported text in as a draft's working text, before the draft's first issue.
 *
 * The working text lives in the update log as Yjs updates (the collaboration server replays
 * them). A draft whose log is still empty takes the imported text as its first update,
 * written under a Yjs client id claimed for the importing user, so authorship reads right.
 *
 * With the collaboration server running, the text always goes through the draft's room
 * (`replace`): one server-written change, computed against the text as it stands, stored,
 * applied and relayed to open editors like any edit — so it also replaces a working text that
 * already has content. Without it (tools, tests of the store alone), only an empty log can take
 * the text, as its first update.
 */
import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import { mayEditText } from '../../shared/policy';
import { resolutionSchema, type TextJSON } from '../../shared/schema';
import type { Node as PMNode } from 'prosemirror-model';
import type { AuthenticatedUser } from '../auth';
import { loadDraftAccess } from '../readModels/draftAccess';
import { statusOfRecord } from '../readModels/draftStatus';
import { TEXT_FRAGMENT } from '../../shared/protocol';
import type { Store } from '../storage/types';
import { DomainErrors } from '../errors';

/** The Yjs update that writes `text` into an empty working text, and the client id it was written under. */
export function workingTextUpdate(text: TextJSON): { update: Uint8Array; clientId: number } {
  const doc = prosemirrorJSONToYDoc(resolutionSchema, text, TEXT_FRAGMENT);
  const update = Y.encodeStateAsUpdate(doc);
  const clientId = doc.clientID;
  doc.destroy();
  return { update, clientId };
}

/** Writes a text into a draft's working text through the collaboration room (see above). */
export type ReplaceWorkingText = (draftId: string, text: PMNode, user: AuthenticatedUser) => Promise<number | null>;

/** Make an imported text the working text of a draft not yet issued; returns the log's seq. */
export async function importWorkingText(store: Store, draftId: string, actor: AuthenticatedUser, text: TextJSON, replace?: ReplaceWorkingText): Promise<{ seq: number }> {
  if (replace) {
    await store.transaction(async (tx) => {
      await checkImportAllowed(tx, draftId, actor);
    });
    const seq = await replace(draftId, resolutionSchema.nodeFromJSON(text), actor);
    return { seq: seq ?? (await store.lastSeq(draftId)) };
  }
  const { update, clientId } = workingTextUpdate(text);
  return store.transaction(async (tx) => {
    await checkImportAllowed(tx, draftId, actor);
    if ((await tx.lastSeq(draftId)) > 0) {
      throw DomainErrors.conflict('the working text already has content; replacing it is not available yet (it needs the collaboration server), so paste into the editor instead');
    }
    const taken = await tx.claimClientIds(draftId, actor.id, [clientId]);
    if (taken.length > 0) throw DomainErrors.conflict('the import collided with an editor; try again');
    const [stored] = await tx.appendUpdates([{ draftId, update, userId: actor.id, delegationId: actor.delegationId }]);
    return { seq: stored!.seq };
  });
}

// The rules of an import: the user may edit the text, and the draft has not been issued yet.
async function checkImportAllowed(tx: Parameters<Parameters<Store['transaction']>[0]>[0], draftId: string, actor: AuthenticatedUser): Promise<void> {
  const loaded = await loadDraftAccess(tx, draftId);
  if (!loaded) throw DomainErrors.notFound('draft');
  const permission = mayEditText(actor, loaded.access);
  if (!permission.ok) throw DomainErrors.forbidden(permission.error);
  const status = statusOfRecord(await tx.listDraftEvents(draftId));
  if (status.revision !== null) {
    throw DomainErrors.refused(`${status.symbol} has been issued: a text is imported only before a draft's first issue; edit the working text instead`);
  }
}
