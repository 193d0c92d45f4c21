/**
 * Reading the working text out of a Y.Doc: the one conversion from the Y.XmlFragment that
 * y-prosemirror writes to a ProseMirror text of `shared/schema.ts`. Everything on the server
 * that reads a text from a Y.Doc goes through `fragmentToText`.
 *
 * y-prosemirror's own reader (`yXmlFragmentToProseMirrorRootNode`) is made for an editor that
 * trusts its peers: it recurses once per level of nesting (a fragment nested 5,000 deep
 * overflows the stack), drops a node it cannot build by deleting it from the document it reads,
 * and never checks that a node's content fits the schema. This one looks at the nesting before
 * going down a level, builds every node checked, leaves the document untouched, and answers a
 * text that does not fit as a reason, not an exception.
 */
import * as Y from 'yjs';
import type { Mark, Node as PMNode, NodeType, Schema } from 'prosemirror-model';
import { fail, ok, type Result } from '../../shared/result';
import { resolutionSchema } from '../../shared/schema';

import { TEXT_FRAGMENT } from '../../shared/protocol';

export { TEXT_FRAGMENT };

/** The node types `type` may contain anywhere in its content, read off its content expression. */
export function childTypesOf(type: NodeType): Set<NodeType> {
  const children = new Set<NodeType>();
  const seen = new Set<unknown>();
  const states = [type.contentMatch];
  while (states.length > 0) {
    const state = states.pop()!;
    if (seen.has(state)) continue;
    seen.add(state);
    for (let i = 0; i < state.edgeCount; i++) {
      const edge = state.edge(i);
      children.add(edge.type);
      states.push(edge.next);
    }
  }
  return children;
}

/**
 * How many levels a node of `schema` may hold below it (0 for a leaf): for the resolution schema,
 * 4 — doc > annex > paragraph > footnote > text. Throws a RangeError for a schema whose content
 * may nest without end (a programmer error: then no depth is too deep, and this check is useless).
 */
export function deepestNesting(schema: Schema, type: NodeType = schema.topNodeType, path: readonly NodeType[] = []): number {
  if (path.includes(type)) throw new RangeError(`schema node "${type.name}" may contain itself: its texts have no deepest level`);
  let deepest = 0;
  for (const child of childTypesOf(type)) deepest = Math.max(deepest, 1 + deepestNesting(schema, child, [...path, type]));
  return deepest;
}

/** How deep a text of the resolution schema can be: doc > annex > paragraph > footnote > text (4). */
export const MAX_TEXT_DEPTH = deepestNesting(resolutionSchema);

// Thrown inside the conversion only, to unwind it; the caller gets a Result.
class NotAText extends Error {}

// y-prosemirror names a second mark of the same type "em--<8-char hash>".
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

function marksOf(schema: Schema, attributes: Record<string, unknown> | undefined): Mark[] {
  const marks: Mark[] = [];
  for (const [key, attrs] of Object.entries(attributes ?? {})) {
    const name = HASHED_MARK.exec(key)?.[1] ?? key;
    const type = schema.marks[name];
    if (!type) throw new NotAText(`unknown mark "${name}"`);
    marks.push(type.create(attrs !== null && typeof attrs === 'object' ? (attrs as Record<string, unknown>) : null));
  }
  return marks;
}

function textNodes(schema: Schema, text: Y.XmlText): PMNode[] {
  const out: PMNode[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string') throw new NotAText('an embedded object inside a text run');
    if (op.insert === '') continue;
    out.push(schema.text(op.insert, marksOf(schema, op.attributes)));
  }
  return out;
}

// `depth` is the level of `el` below the doc (a block is 1). The nesting is checked before going
// down, so the recursion never goes deeper than the schema allows.
function elementNode(schema: Schema, el: Y.XmlElement, depth: number): PMNode {
  const type = schema.nodes[el.nodeName];
  if (!type || type === schema.topNodeType || type.isText) throw new NotAText(`unknown node "${el.nodeName}"`);
  const children: PMNode[] = [];
  for (const child of el.toArray()) {
    if (depth + 1 > MAX_TEXT_DEPTH) throw new NotAText(`"${el.nodeName}" holds content nested deeper than a text can be (${MAX_TEXT_DEPTH} levels)`);
    if (child instanceof Y.XmlElement) children.push(elementNode(schema, child, depth + 1));
    else if (child instanceof Y.XmlText) children.push(...textNodes(schema, child));
    else throw new NotAText(`"${el.nodeName}" holds something that is not a node`);
  }
  const { ychange: _ychange, ...attrs } = el.getAttributes() as Record<string, unknown>;
  // createChecked refuses content the node type does not allow; check() below does the attributes.
  return type.createChecked(attrs, children);
}

/**
 * The text a fragment holds (resolution schema by default), or the reason it is not a text.
 * Every node is checked: known to the schema, its attributes valid, its content allowed, nested
 * no deeper than the schema allows. The order of the blocks in the doc (title first, annexes
 * last) is checked only with `whole` — a text being drafted may pass through such states when
 * edits cross, and the editor shows them; what is issued, exported or compared is a whole text.
 * An empty fragment (nobody has written yet) is an empty doc node. Never changes the fragment;
 * never recurses deeper than the schema's deepest nesting.
 */
export function fragmentToText(fragment: Y.XmlFragment, options: { whole?: boolean; schema?: Schema } = {}): Result<PMNode, string> {
  const schema = options.schema ?? resolutionSchema;
  try {
    const blocks: PMNode[] = [];
    for (const child of fragment.toArray()) {
      if (child instanceof Y.XmlElement) blocks.push(elementNode(schema, child, 1));
      else if (child instanceof Y.XmlText && child.length === 0) continue;
      else throw new NotAText('text outside a paragraph');
    }
    if (blocks.length === 0) return ok(schema.topNodeType.create());
    for (const block of blocks) block.check();
    return ok(options.whole ? schema.topNodeType.createChecked(null, blocks) : schema.topNodeType.create(null, blocks));
  } catch (err) {
    if (err instanceof NotAText || err instanceof RangeError) return fail(err.message);
    throw err;
  }
}

/** The working text of a doc (see `fragmentToText`). */
export function docText(doc: Y.Doc, options: { whole?: boolean } = {}): Result<PMNode, string> {
  return fragmentToText(doc.getXmlFragment(TEXT_FRAGMENT), options);
}

/**
 * Whether an element of `fragment` lies deeper than a text can be: the one break that stops
 * every y-prosemirror editor (its reader recurses). Scanned without recursion, elements only.
 */
export function nestedTooDeep(fragment: Y.XmlFragment): boolean {
  const stack: [Y.XmlFragment | Y.XmlElement, number][] = [[fragment, 0]];
  while (stack.length > 0) {
    const [type, depth] = stack.pop()!;
    for (const child of type.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (depth + 1 > MAX_TEXT_DEPTH) return true;
      stack.push([child, depth + 1]);
    }
  }
  return false;
}
