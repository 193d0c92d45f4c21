/**
 * Changes the server writes into a working text on a user's behalf — an imported text that
 * replaces the working text before the first issue, a text restored to an earlier point. The
 * change is computed against the room's current document (y-prosemirror diffs it, so paragraphs
 * that did not change keep their identity and their authorship), then goes the way every edit
 * goes: claimed, committed, applied, relayed.
 *
 * Characters the new text only drops are deleted in place first (see `dropCharacters`): issuing a
 * text clears its [brackets], and y-prosemirror alone would rewrite a paragraph from its first
 * change to its last — everything between the first "[" and the last "]" — crediting the officer
 * who issued it with words a delegation wrote.
 *
 * A working text broken by content nested far deeper than a text can be (a database edited by
 * hand, a bug) needs care first: Yjs deletes and garbage-collects a nested element one call per
 * level, in every document that applies the deletion (this room's, each open editor's, the next
 * load's), so deleting 5,000 levels at once overflows the stack. Such content is first cut back
 * from the inside, at most PRUNE_LEVELS levels per server-written update, each committed and
 * applied on its own; the room then writes a checkpoint, so no later load replays the deletion.
 */
import DiffMatchPatch from 'diff-match-patch';
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
  scratch.transact(() => {
    const fragment = scratch.getXmlFragment(TEXT_FRAGMENT);
    dropCharacters(fragment, text, 0);
    prosemirrorToYXmlFragment(text, fragment);
  });
  const clientId = scratch.clientID;
  scratch.destroy();
  return update ? { update, clientId } : null;
}

const dmp = new DiffMatchPatch();
const INLINE_NODE = '\uFFFC';
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Where the room's blocks and the new text's blocks have the same shape (the same node types,
 * in the same order), delete in place the characters a block's new content only drops, so the
 * characters that stay keep their Yjs items, and with them who wrote them. A block whose new
 * content is not reached by deleting characters alone (words inserted or replaced, an inline
 * node added or removed) is left to y-prosemirror, which makes the text equal to `target` after
 * this anyway: this only narrows what it rewrites.
 */
export function dropCharacters(parent: Y.XmlFragment | Y.XmlElement, target: PMNode, depth: number): void {
  if (depth > MAX_TEXT_DEPTH) return;
  if (target.inlineContent) return dropInline(parent, target, depth);
  const children = parent.toArray();
  if (children.length !== target.childCount) return;
  children.forEach((child, i) => {
    const node = target.child(i);
    if (child instanceof Y.XmlElement && child.nodeName === node.type.name) dropCharacters(child, node, depth + 1);
  });
}

// One block of inline content: its characters as the room has them, an inline node as one U+FFFC.
function dropInline(parent: Y.XmlFragment | Y.XmlElement, target: PMNode, depth: number): void {
  const at: ({ run: Y.XmlText; index: number } | null)[] = [];
  const inlineNodes: Y.XmlElement[] = [];
  let current = '';
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      let index = 0;
      for (const op of child.toDelta() as { insert: unknown }[]) {
        const chars = typeof op.insert === 'string' ? op.insert : INLINE_NODE;
        for (let i = 0; i < chars.length; i++) at.push(typeof op.insert === 'string' ? { run: child, index: index + i } : null);
        current += chars;
        index += chars.length;
      }
    } else if (child instanceof Y.XmlElement) {
      at.push(null);
      inlineNodes.push(child);
      current += INLINE_NODE;
    }
  }
  let wanted = '';
  const targetNodes: PMNode[] = [];
  target.forEach((node) => {
    if (node.isText) wanted += node.text;
    else {
      wanted += INLINE_NODE;
      targetNodes.push(node);
    }
  });
  if (current !== wanted) {
    const cut: number[] = [];
    let i = 0;
    for (const [op, chars] of dmp.diff_main(current, wanted)) {
      if (op === DiffMatchPatch.DIFF_INSERT) return;
      if (op === DiffMatchPatch.DIFF_DELETE) for (let j = 0; j < chars.length; j++) cut.push(i + j);
      i += chars.length;
    }
    const cutSet = new Set(cut);
    for (const k of cut) {
      if (at[k] === null) return; // an inline node goes: y-prosemirror's part
      // Never half a surrogate pair.
      const c = current.charCodeAt(k);
      if ((isHighSurrogate(c) && !cutSet.has(k + 1)) || (isLowSurrogate(c) && !cutSet.has(k - 1))) return;
    }
    // Back to front, one run of neighbours at a time, so earlier indexes stay valid.
    for (let end = cut.length - 1; end >= 0; ) {
      const last = at[cut[end]!]!;
      let start = end;
      while (start > 0) {
        const prev = at[cut[start - 1]!]!;
        if (prev.run !== last.run || prev.index !== at[cut[start]!]!.index - 1) break;
        start--;
      }
      const first = at[cut[start]!]!;
      last.run.delete(first.index, end - start + 1);
      end = start - 1;
    }
  }
  if (inlineNodes.length === targetNodes.length) {
    inlineNodes.forEach((el, j) => {
      const node = targetNodes[j]!;
      if (el.nodeName === node.type.name) dropCharacters(el, node, depth + 1);
    });
  }
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
