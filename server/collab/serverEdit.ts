/**
 * Changes the server writes into a working text on a user's behalf — an imported text that
 * replaces the working text before the first issue. The change is computed against the room's
 * current document (y-prosemirror diffs it, so paragraphs that did not change keep their
 * identity), then goes the way every edit goes: claimed, committed, applied, relayed.
 */
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import type { Node as PMNode } from 'prosemirror-model';
import type { AuthenticatedUser } from '../auth/authenticate';
import { TEXT_FRAGMENT } from './history';
import type { DraftRoom } from './room';

/** The Yjs update that turns the room's text into `text`, written under a fresh client id (null when nothing changes). */
export function replacementUpdate(room: DraftRoom, text: PMNode): { update: Uint8Array; clientId: number } | null {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
  const before = Y.encodeStateVector(scratch);
  prosemirrorToYXmlFragment(text, scratch.getXmlFragment(TEXT_FRAGMENT));
  const update = Y.encodeStateAsUpdate(scratch, before);
  const changed = Y.decodeUpdate(update).structs.length > 0 || Y.decodeUpdate(update).ds.clients.size > 0;
  const clientId = scratch.clientID;
  scratch.destroy();
  return changed ? { update, clientId } : null;
}

/** Replace a loaded room's working text with `text` as `user`; resolves with the stored seq (or null when unchanged). */
export async function replaceRoomText(room: DraftRoom, text: PMNode, user: AuthenticatedUser): Promise<number | null> {
  await room.flush();
  // Diff against the text as the log has it, even if something was written past this room.
  await room.catchUp();
  const change = replacementUpdate(room, text);
  if (!change) return null;
  return room.submitFromServer(change.update, user, [change.clientId]);
}
