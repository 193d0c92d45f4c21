/**
 * Changes the server writes into a working text on a user's behalf — an imported text that
 * replaces the working text before the first issue, a text restored to an earlier point. The
 * change is computed against the room's current document (y-prosemirror diffs it, so paragraphs
 * that did not change keep their identity and their authorship), then goes the way every edit
 * goes: claimed, committed, applied, relayed.
 *
 * A working text broken by content nested far deeper than a text can be (a database edited by
 * hand, a bug) needs care first: Yjs deletes and garbage-collects a nested element one call per
 * level, in every document that applies the deletion (this room's, each open editor's, the next
 * load's), so deleting 5,000 levels at once overflows the stack. Such content is first cut back
 * from the inside, at most PRUNE_LEVELS levels per server-written update, each committed and
 * applied on its own; the room then writes a checkpoint, so no later load replays the deletion.
 */
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import type { Node as PMNode } from 'prosemirror-model';
import type { AuthenticatedUser } from '../auth/authenticate';
import { MAX_TEXT_DEPTH, TEXT_FRAGMENT } from './fragmentText';
import type { DraftRoom } from './room';

/**
 * The most levels one server-written deletion goes down. Yjs takes two or three stack frames per
 * level; Node's default stack holds about 3,000 levels before the code is optimised, so 256 leaves
 * room to spare in any document, the browser's included.
 */
export const PRUNE_LEVELS = 256;

/** The Yjs update that turns the room's text into `text`, written under a fresh client id (null when nothing changes). */
export function replacementUpdate(room: DraftRoom, text: PMNode): { update: Uint8Array; clientId: number } | null {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
  // The transaction's own update: a diff against a state vector would carry every deletion the
  // text ever had, so it is never empty once anything was deleted, and grows with the history.
  let update: Uint8Array | null = null;
  scratch.on('update', (u: Uint8Array) => (update = u));
  scratch.transact(() => prosemirrorToYXmlFragment(text, scratch.getXmlFragment(TEXT_FRAGMENT)));
  const clientId = scratch.clientID;
  scratch.destroy();
  return update ? { update, clientId } : null;
}

/** The deepest element of a fragment and its level (a block is 1), found without recursion. */
function deepestElement(fragment: Y.XmlFragment): { el: Y.XmlElement; depth: number } | null {
  let deepest: { el: Y.XmlElement; depth: number } | null = null;
  const stack: [Y.XmlFragment | Y.XmlElement, number][] = [[fragment, 0]];
  while (stack.length > 0) {
    const [type, depth] = stack.pop()!;
    if (type instanceof Y.XmlElement && (deepest === null || depth > deepest.depth)) deepest = { el: type, depth };
    for (const child of type.toArray()) if (child instanceof Y.XmlElement) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * The updates that cut back content nested deeper than PRUNE_LEVELS in `doc`, from the inside:
 * each deletes a subtree at most PRUNE_LEVELS deep whose deeper parts earlier ones deleted.
 * Empty for any text the schema allows (it is at most MAX_TEXT_DEPTH deep).
 */
export function pruningUpdates(doc: Y.Doc): Uint8Array[] {
  // Without collection, and deleting inner subtrees first, this document never recurses deeply.
  const scratch = new Y.Doc({ gc: false });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  const fragment = scratch.getXmlFragment(TEXT_FRAGMENT);
  const updates: Uint8Array[] = [];
  let captured: Uint8Array | null = null;
  scratch.on('update', (u: Uint8Array) => (captured = u));
  for (let found = deepestElement(fragment); found && found.depth > Math.max(PRUNE_LEVELS, MAX_TEXT_DEPTH); found = deepestElement(fragment)) {
    // Up from the deepest element to the top of the subtree this update deletes.
    let top = found.el;
    for (let i = 1; i < PRUNE_LEVELS; i++) top = top.parent as Y.XmlElement;
    const parent = top.parent as Y.XmlElement;
    captured = null;
    parent.delete(parent.toArray().indexOf(top), 1);
    if (captured) updates.push(captured);
  }
  scratch.destroy();
  return updates;
}

/**
 * Replace a loaded room's working text with `text` as `user`: cut back content nested too deep
 * first (see above), then one change. Resolves with the last stored seq (null when nothing changed).
 */
export async function replaceRoomText(room: DraftRoom, text: PMNode, user: AuthenticatedUser): Promise<number | null> {
  await room.flush();
  // Diff against the text as the log has it, even if something was written past this room.
  await room.catchUp();
  // Each pruning update is committed and applied before the next is sent, so no document ever
  // applies two of them in one transaction.
  const pruning = pruningUpdates(room.doc);
  let seq: number | null = null;
  for (const update of pruning) seq = await room.submitFromServer(update, user, []);
  const change = replacementUpdate(room, text);
  if (change) seq = await room.submitFromServer(change.update, user, [change.clientId]);
  // A load replaying the log would delete the deep content in one transaction: start it after.
  if (pruning.length > 0) await room.checkpoint(true);
  return seq;
}
