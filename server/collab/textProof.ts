/**
 * The proving document: every update is tried on a copy of the room's document before it is
 * stored, so that what an update would do is known exactly, not guessed from its bytes. It
 * answers four questions:
 *
 * - Does it change anything? An update that adds no struct and deletes nothing live (a
 *   reconnecting client's sync step 2, or noise) is not stored.
 * - Does it leave structs pending? An update whose structs or deletions depend on content the
 *   server does not have would sit in the log forever, waiting, and lets a client write ahead
 *   under someone else's client id. It is refused.
 * - Does it leave the paragraphs the chair locked alone (agreedGuard.ts)? Their content is
 *   compared through what the transaction changed and deleted.
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
import { touchedParagraphs } from './agreedGuard';
import { childTypesOf, MAX_TEXT_DEPTH } from './fragmentText';
import { firstClocksOf } from './inspect';

/** What trying an update showed. */
export type Proof =
  | { ok: true; changed: boolean }
  | { ok: false; problem: 'invalid_text'; why: string }
  | { ok: false; problem: 'missing_dependencies' }
  /** It changes paragraphs the chair locked (agreedGuard.ts). */
  | { ok: false; problem: 'locked_paragraph'; paragraphIds: string[] };

/** Longest attribute value, as JSON (paragraph ids are 12 characters). */
export const MAX_ATTRIBUTE_JSON = 256;

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are generic over their events, and any container is one here
type Container = Y.AbstractType<any>;

/** The node types each node type may contain anywhere in its content. */
const childTypes = new Map(Object.values(resolutionSchema.nodes).map((type) => [type, childTypesOf(type)]));

class Invalid extends Error {}

const NONE: ReadonlySet<string> = new Set();

const invalid = (why: string): never => {
  throw new Invalid(why);
};

/**
 * The node type a container stands for, and its depth below the text (a block is 1), or null
 * when it lies in a deleted branch. Only called for containers something is being added to, so
 * a container deeper than a text can be (a text broken by hand) is refused on the spot, and a
 * container under another root than the text's fragment too.
 */
function placeOf(type: Container, fragment: Y.XmlFragment): { node: NodeType; depth: number } | null {
  let depth = 0;
  for (let t: Container = type; t !== fragment; depth++) {
    const item = t._item;
    if (item === null) invalid('content outside the text');
    if (item!.deleted) return null;
    if (depth >= MAX_TEXT_DEPTH) invalid('elements nested too deeply');
    t = item!.parent as Container;
  }
  if (type === fragment) return { node: resolutionSchema.topNodeType, depth };
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

function checkAttribute(node: NodeType, key: string, item: Y.Item): void {
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

/** Check one item the transaction added: where it went, and what it holds. */
function checkItem(item: Y.Item, fragment: Y.XmlFragment): void {
  const parent = item.parent as Container;
  const place = placeOf(parent, fragment);
  if (place === null) return;
  const { node, depth } = place;
  if (item.parentSub !== null) {
    if (!(parent instanceof Y.XmlElement)) invalid(`attributes on ${parent instanceof Y.XmlText ? 'text' : 'the text itself'}`);
    return checkAttribute(node, item.parentSub, item);
  }
  const content = item.content;
  if (parent instanceof Y.XmlText) {
    if (content instanceof Y.ContentString) return;
    if (content instanceof Y.ContentFormat) {
      // y-prosemirror names a mark by its type, with "--<hash>" when marks of one type overlap.
      const mark = resolutionSchema.marks[content.key.split('--')[0]!];
      if (!mark || !node.allowsMarkType(mark)) invalid(`mark "${content.key.slice(0, 40)}" not allowed in ${node.name}`);
      if (content.value !== null && typeof content.value !== 'object' && content.value !== true) invalid('a mark with a bad value');
      return;
    }
    return invalid(`content that is not text inside ${node.name}`);
  }
  if (!(content instanceof Y.ContentType)) return invalid(`content that is not part of a text inside ${node.name}`);
  if (depth + 1 > MAX_TEXT_DEPTH) invalid('elements nested too deeply');
  const type = content.type;
  if (type instanceof Y.XmlElement) {
    const child = nodeTypeOf(type);
    if (!childTypes.get(node)!.has(child)) invalid(`${child.name} is not allowed inside ${node.name}`);
  } else if (type instanceof Y.XmlText) {
    if (!node.inlineContent) invalid(`text directly inside ${node.name}`);
  } else invalid(`a shared type that is not part of a text inside ${node.name}`);
}

/**
 * Throw Invalid unless what `tr` added to `doc` keeps its text valid. Every live item the
 * transaction added is checked once, where it went: the cost follows the update, not the text.
 * Only the update's own clients (`clients`) can have added any (the copy holds nothing pending
 * that the update could release), so the document's other clients are not looked at.
 * Deletions cannot make a text invalid in the ways checked here, so they pass.
 */
function checkTransaction(doc: Y.Doc, tr: Y.Transaction, clients: Iterable<number>): void {
  const fragment = doc.getXmlFragment(TEXT_FRAGMENT);
  for (const client of clients) {
    const structs = doc.store.clients.get(client);
    const from = tr.beforeState.get(client) ?? 0;
    if (!structs || Y.getState(doc.store, client) <= from) continue;
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
      const struct = structs[i];
      if (struct instanceof Y.Item && !struct.deleted) checkItem(struct, fragment);
    }
  }
}

/** A copy of a room's document on which updates are tried before they are accepted. */
export class ProvingDoc {
  private doc: Y.Doc | null = null;

  /** `source` gives what the copy must hold when (re)built: the room's document and the updates queued for it. */
  constructor(private readonly source: () => { doc: Y.Doc; queued: readonly Uint8Array[] }) {}

  /**
   * Apply `update` to the copy and say what it did. A refused update leaves the copy to be
   * rebuilt before the next proof. `firstClocks` (from inspect.ts, when the caller has it) spares
   * decoding the update a second time.
   */
  prove(update: Uint8Array, firstClocks: ReadonlyMap<number, number> = firstClocksOf(update), locked: ReadonlySet<string> = NONE): Proof {
    const doc = this.ready();
    // The common case of a gap (a client typing before it has sent what it typed offline) is
    // seen from the clocks alone, without applying the update and rebuilding the copy after it.
    for (const [client, clock] of firstClocks) if (clock > Y.getState(doc.store, client)) return { ok: false, problem: 'missing_dependencies' };
    let proof: Proof | null = null;
    let done: Y.Transaction | null = null;
    try {
      Y.transact(doc, (tr) => {
        done = tr;
        Y.applyUpdate(doc, update);
        if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) proof = { ok: false, problem: 'missing_dependencies' };
        else {
          checkTransaction(doc, tr, firstClocks.keys());
          const touched = touchedParagraphs(tr, locked);
          if (touched.length > 0) proof = { ok: false, problem: 'locked_paragraph', paragraphIds: touched };
        }
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
