/**
 * The proving document: every update is tried on a copy of the room's document before it is
 * stored, so that what an update would do is known exactly, not guessed from its bytes. It
 * answers three questions:
 *
 * - Does it change anything? An update that adds no struct and deletes nothing live (a
 *   reconnecting client's sync step 2, or noise) is not stored.
 * - Does it leave structs pending? An update whose structs or deletions depend on content the
 *   server does not have would sit in the log forever, waiting, and lets a client write ahead
 *   under someone else's client id. It is refused.
 * - Is the text still valid for the schema (shared/schema.ts)? Only known node types, each
 *   where its parent's content allows it (which also bounds the depth), known attributes with
 *   valid values, known marks where they are allowed, text only where inline content goes, and
 *   nothing outside the working text's fragment. The order and count of a parent's children are
 *   not checked: two honest concurrent edits can break them (two delegates adding the first
 *   title at once), so refusing them would refuse honest clients; readers of the text cope.
 *
 * Only what the update added is checked: the types it changed, and everything it created under
 * them. Its cost is proportional to the update, not to the document.
 *
 * The proving document is the room's committed document plus the edits queued for commit. A
 * refused update has already been applied to it: it is then rebuilt from the room before the
 * next proof (the price is paid by the refused sender only).
 */
import * as Y from 'yjs';
import type { NodeType } from 'prosemirror-model';
import { resolutionSchema } from '../../shared/schema';
import { TEXT_FRAGMENT } from '../../shared/protocol';
import { childTypesOf, MAX_TEXT_DEPTH } from './fragmentText';

/** What trying an update showed. */
export type Proof =
  | { ok: true; changed: boolean }
  | { ok: false; problem: 'invalid_text'; why: string }
  | { ok: false; problem: 'missing_dependencies' };

/** Longest attribute value, as JSON (paragraph ids are 12 characters). */
export const MAX_ATTRIBUTE_JSON = 256;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are generic over their events
type Container = Y.AbstractType<any>;

/** The node types each node type may contain anywhere in its content. */
const childTypes = new Map(Object.values(resolutionSchema.nodes).map((type) => [type, childTypesOf(type)]));

class Invalid extends Error {}

const invalid = (why: string): never => {
  throw new Invalid(why);
};

/** Whether `item` came in the transaction that started at `before`. */
function isNew(item: Y.Item, before: Map<number, number>): boolean {
  return item.id.clock >= (before.get(item.id.client) ?? 0);
}

/**
 * The node type an existing container stands for, and its depth below the text (a block is 1);
 * null when it is not part of the live text. A container may already be deeper than a text can
 * be (a text broken by hand): what is deleted there is welcome, what is added is refused.
 */
function placeOf(type: Container, fragment: Y.XmlFragment): { node: NodeType; depth: number } | null {
  if (type === fragment) return { node: resolutionSchema.topNodeType, depth: 0 };
  let depth = 0;
  for (let t: Container = type; t !== fragment; depth++) {
    const item = t._item;
    // A root other than the text's fragment is refused on its own; a deleted branch is not in the text.
    if (item === null || item.deleted) return null;
    t = item.parent as Container;
  }
  if (type instanceof Y.XmlElement) return { node: nodeTypeOf(type), depth };
  if (type instanceof Y.XmlText) return { node: nodeTypeOf(type.parent as Container), depth };
  return invalid('a shared type that is not part of a text');
}

function nodeTypeOf(type: Container): NodeType {
  if (!(type instanceof Y.XmlElement)) return resolutionSchema.topNodeType;
  const node = resolutionSchema.nodes[type.nodeName];
  if (!node || node === resolutionSchema.topNodeType || node.isText) invalid(`unknown element "${type.nodeName.slice(0, 40)}"`);
  return node!;
}

function checkAttribute(element: Y.XmlElement, node: NodeType, key: string): void {
  const item = element._map.get(key);
  if (!item || item.deleted) return;
  const spec = node.spec.attrs?.[key];
  if (!spec) invalid(`unknown attribute "${key.slice(0, 40)}" on ${node.name}`);
  if (!(item.content instanceof Y.ContentAny)) invalid(`attribute "${key}" on ${node.name} is not a value`);
  const values = item.content.getContent();
  const value: unknown = values[values.length - 1];
  if (JSON.stringify(value ?? null).length > MAX_ATTRIBUTE_JSON) invalid(`attribute "${key}" on ${node.name} is too long`);
  const validate = spec!.validate;
  if (typeof validate === 'function') {
    try {
      validate(value);
    } catch (e) {
      invalid(`attribute "${key}" on ${node.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else if (typeof validate === 'string' && !validate.split('|').includes(value === null ? 'null' : typeof value)) {
    invalid(`attribute "${key}" on ${node.name} must be ${validate}`);
  }
}

/** Check text content added to an XmlText (at `depth`) under a node of type `node`. */
function checkText(text: Y.XmlText, node: NodeType, depth: number, before: Map<number, number>, all: boolean): void {
  if (text._map.size > 0) invalid('attributes on text');
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || (!all && !isNew(item, before))) continue;
    if (depth > MAX_TEXT_DEPTH) invalid('text nested too deeply');
    const content = item.content;
    if (content instanceof Y.ContentString) continue;
    if (content instanceof Y.ContentFormat) {
      // y-prosemirror names a mark by its type, with "--<hash>" when marks of one type overlap.
      const mark = resolutionSchema.marks[content.key.split('--')[0]!];
      if (!mark || !node.allowsMarkType(mark)) invalid(`mark "${content.key.slice(0, 40)}" not allowed in ${node.name}`);
      if (content.value !== null && typeof content.value !== 'object' && content.value !== true) invalid('a mark with a bad value');
      continue;
    }
    invalid(`content that is not text inside ${node.name}`);
  }
}

/**
 * Check the children of `parent` (of node type `node`, at `depth`) that came in this
 * transaction — all of them when `all` — and everything under those.
 */
function checkChildren(parent: Container, node: NodeType, depth: number, before: Map<number, number>, all: boolean): void {
  const allowed = childTypes.get(node)!;
  for (let item = parent._start; item !== null; item = item.right) {
    if (item.deleted || (!all && !isNew(item, before))) continue;
    const content = item.content;
    if (!(content instanceof Y.ContentType)) invalid(`content that is not part of a text inside ${node.name}`);
    const type = (content as Y.ContentType).type;
    if (type instanceof Y.XmlElement) {
      const child = nodeTypeOf(type);
      if (!allowed.has(child)) invalid(`${child.name} is not allowed inside ${node.name}`);
      if (depth + 1 > MAX_TEXT_DEPTH) invalid('elements nested too deeply');
      for (const key of type._map.keys()) checkAttribute(type, child, key);
      checkChildren(type, child, depth + 1, before, true);
    } else if (type instanceof Y.XmlText) {
      if (!node.inlineContent) invalid(`text directly inside ${node.name}`);
      checkText(type, node, depth + 1, before, true);
    } else invalid(`a shared type that is not part of a text inside ${node.name}`);
  }
}

/** Throw Invalid unless what `tr` did to `doc` leaves its text valid. */
function checkTransaction(doc: Y.Doc, tr: Y.Transaction): void {
  const fragment = doc.getXmlFragment(TEXT_FRAGMENT);
  for (const [name, root] of doc.share) {
    if ((root as Container) !== fragment && (root._start !== null || root._map.size > 0)) invalid(`content outside the text ("${name.slice(0, 40)}")`);
  }
  const before = tr.beforeState;
  for (const [type, keys] of tr.changed as Map<Container, Set<string | null>>) {
    const place = placeOf(type, fragment);
    if (place === null) continue;
    if (type instanceof Y.XmlText) {
      if ([...keys].some((k) => k !== null)) invalid('attributes on text');
      checkText(type, place.node, place.depth, before, false);
      continue;
    }
    if (type === fragment && [...keys].some((k) => k !== null)) invalid('attributes on the text itself');
    if (type instanceof Y.XmlElement && [...keys].some((k) => k !== null)) {
      if (place.depth > MAX_TEXT_DEPTH) invalid('elements nested too deeply');
      for (const key of keys) if (key !== null) checkAttribute(type, place.node, key);
    }
    if (keys.has(null)) checkChildren(type, place.node, place.depth, before, false);
  }
}

/** A copy of a room's document on which updates are tried before they are accepted. */
export class ProvingDoc {
  private doc: Y.Doc | null = null;

  /** `source` gives what the copy must hold when (re)built: the room's document and the updates queued for it. */
  constructor(private readonly source: () => { doc: Y.Doc; queued: readonly Uint8Array[] }) {}

  /**
   * Apply `update` to the copy and say what it did. A refused update leaves the copy to be
   * rebuilt before the next proof.
   */
  prove(update: Uint8Array): Proof {
    const doc = this.ready();
    let proof: Proof | null = null;
    let done: Y.Transaction | null = null;
    try {
      Y.transact(doc, (tr) => {
        done = tr;
        Y.applyUpdate(doc, update);
        if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) proof = { ok: false, problem: 'missing_dependencies' };
        else checkTransaction(doc, tr);
      });
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      proof = { ok: false, problem: 'invalid_text', why: e.message };
    }
    // The state after a transaction is known once it has ended.
    const tr = done as Y.Transaction | null;
    proof ??= { ok: true, changed: tr !== null && (tr.deleteSet.clients.size > 0 || !sameState(tr.beforeState, tr.afterState)) };
    if (!proof.ok) this.discard();
    return proof;
  }

  /** An update that reached the room's document another way (another instance's, read from the log). */
  mirror(update: Uint8Array): void {
    if (this.doc) Y.applyUpdate(this.doc, update);
  }

  /** Forget the copy (an update it holds will not be committed); the next proof rebuilds it. */
  discard(): void {
    this.doc?.destroy();
    this.doc = null;
  }

  private ready(): Y.Doc {
    if (this.doc) return this.doc;
    const { doc, queued } = this.source();
    const copy = new Y.Doc({ gc: doc.gc });
    copy.getXmlFragment(TEXT_FRAGMENT);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    for (const u of queued) Y.applyUpdate(copy, u);
    this.doc = copy;
    return copy;
  }
}

function sameState(a: Map<number, number>, b: Map<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [client, clock] of a) if (b.get(client) !== clock) return false;
  return true;
}
