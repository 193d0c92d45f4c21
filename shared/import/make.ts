/**
 * What the importer makes a text of: ProseMirror nodes, each created checked (what an import into
 * a draft stores), or the same text as the JSON those nodes would give (`node.toJSON()`), built
 * without a node, for a comparison of pasted texts that only reads the text once and drops it.
 * Both come from the same classified paragraphs, so they hold the same text; a test reads every
 * fixture both ways and finds them equal.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { resolutionSchema, type TextJSON } from '../schema';

/** The kinds of text block the importer makes. */
export type BlockKind = 'title' | 'formula' | 'annexHeading' | 'preambular' | 'operative' | 'subparagraph' | 'plain';

/** How the importer makes each piece of a text, as nodes (`nodeMaker`) or as their JSON (`jsonMaker`). */
export interface TextMaker<N> {
  /** A run of text (never empty), bold or not. */
  text(text: string, bold: boolean): N;
  /** A footnote holding its note's text ('' for an empty note). */
  footnote(id: string, note: string): N;
  /** A block: title, formula and annex heading without attributes, a paragraph with its id (and a subparagraph's level). */
  block(kind: BlockKind, attrs: { id: string; level?: 1 | 2 } | null, content: N[]): N;
  annex(id: string, content: N[]): N;
  doc(content: N[]): N;
}

const nodes = resolutionSchema.nodes;
const strong = [resolutionSchema.marks.strong.create()];

/** Makes checked ProseMirror nodes: what an import into a draft stores. */
export const nodeMaker: TextMaker<PMNode> = {
  text: (text, bold) => resolutionSchema.text(text, bold ? strong : undefined),
  footnote: (id, note) => nodes.footnote.create({ id }, note === '' ? [] : [resolutionSchema.text(note)]),
  block: (kind, attrs, content) => nodes[kind].createChecked(attrs, content),
  annex: (id, content) => nodes.annex.createChecked({ id }, content),
  doc: (content) => nodes.doc.createChecked(null, content),
};

/**
 * A text the importer built as JSON, node for node what `nodeMaker` would have made: it fits the
 * schema by construction, so a comparison reads it without rebuilding it as nodes to check it.
 */
export class ImportedJSON {
  /** Only `jsonMaker` makes one. */
  private constructor(readonly json: TextJSON) {}

  /** @internal The doc made by `jsonMaker`. */
  static wrap(json: TextJSON): ImportedJSON {
    return new ImportedJSON(json);
  }
}

/** A node of the JSON `jsonMaker` builds, in the shape of `node.toJSON()`. */
export interface NodeJSON {
  type: string;
  attrs?: { id: string; level?: 1 | 2 };
  content?: NodeJSON[];
  text?: string;
  marks?: { type: 'strong' }[];
}

// Adjacent runs with the same marks are one text node, as `Fragment.from` joins them.
function joined(content: NodeJSON[]): NodeJSON[] | undefined {
  if (content.length === 0) return undefined;
  for (let i = 1; i < content.length; i++) {
    const [a, b] = [content[i - 1]!, content[i]!];
    if (a.type === 'text' && b.type === 'text' && (a.marks === undefined) === (b.marks === undefined)) {
      content.splice(i - 1, 2, { ...a, text: a.text! + b.text! });
      i--;
    }
  }
  return content;
}

function jsonNode(type: string, attrs: NodeJSON['attrs'] | null, content: NodeJSON[]): NodeJSON {
  const node: NodeJSON = { type };
  if (attrs) node.attrs = attrs;
  const kids = joined(content);
  if (kids) node.content = kids;
  return node;
}

const BOLD_MARKS: readonly { type: 'strong' }[] = [{ type: 'strong' }];

/** Makes the JSON of the nodes `nodeMaker` would make, without making a node; `doc` gives an `ImportedJSON`'s JSON. */
export const jsonMaker: TextMaker<NodeJSON> = {
  text: (text, bold) => (bold ? { type: 'text', marks: [...BOLD_MARKS], text } : { type: 'text', text }),
  footnote: (id, note) => (note === '' ? { type: 'footnote', attrs: { id } } : { type: 'footnote', attrs: { id }, content: [{ type: 'text', text: note }] }),
  // A subparagraph's level is always given; the other paragraphs carry their id alone.
  block: (kind, attrs, content) => jsonNode(kind, attrs, content),
  annex: (id, content) => jsonNode('annex', { id }, content),
  doc: (content) => jsonNode('doc', null, content),
};
