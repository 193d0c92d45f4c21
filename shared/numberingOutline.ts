/**
 * The outline of a text that numbering works on: its paragraphs in document order, each with
 * the paragraph it belongs to (a subparagraph's operative paragraph, a level-2 subparagraph's
 * level-1 one), the annexes and the footnotes. A node and its JSON read alike, so that JSON from
 * storage is numbered without a schema round trip.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { PARAGRAPH_TYPES, type ParagraphType, type TextJSON } from './schema';

/** One paragraph as the numbering sees it; `annex` is -1 in the main body, `parent` an item index or -1. */
export interface Item {
  id: string;
  kind: ParagraphType;
  level: 0 | 1 | 2;
  annex: number;
  parent: number;
}

/** The paragraphs of a text with their structural parents, its annexes' ids and its footnotes' ids, in document order. */
export interface Outline {
  items: Item[];
  annexIds: string[];
  footnoteIds: string[];
}

const PARAGRAPH_KINDS = new Set<string>(PARAGRAPH_TYPES);

// Reads a node or its JSON alike, so that JSON from storage needs no schema round trip.
// One reader for two shapes (a node, its JSON): `any` here, and each accessor knows its own shape.
interface Reader {
  // biome-ignore lint/suspicious/noExplicitAny: a node or its JSON
  name(n: any): string;
  // biome-ignore lint/suspicious/noExplicitAny: a node or its JSON
  attrs(n: any): Record<string, unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: a node or its JSON, and so are its children
  children(n: any): readonly any[];
}
const nodeReader: Reader = { name: (n) => n.type.name, attrs: (n) => n.attrs, children: (n) => n.content.content };
const jsonReader: Reader = {
  name: (n) => n.type,
  attrs: (n) => n.attrs ?? {},
  children: (n) => {
    if (n.content === undefined) return [];
    if (!Array.isArray(n.content)) throw new RangeError(`Invalid content of a ${n.type} node`);
    return n.content;
  },
};

/** Read a text (a doc node or its JSON) in one pass; throws a RangeError when it is not a doc. */
export function outline(doc: PMNode | TextJSON): Outline {
  const r = typeof doc?.type === 'string' ? jsonReader : typeof doc?.type?.name === 'string' ? nodeReader : null;
  if (r?.name(doc) !== 'doc') throw new RangeError('Numbering needs a doc node or its JSON');
  const items: Item[] = [];
  const annexIds: string[] = [];
  const footnoteIds: string[] = [];
  let annex = -1;
  let op = -1; // the operative paragraph that subparagraphs belong to
  let sub = -1; // the level-1 subparagraph that level-2 ones belong to
  // biome-ignore lint/suspicious/noExplicitAny: a node or its JSON, read only through the reader
  const block = (node: any) => {
    for (const child of r.children(node)) if (r.name(child) === 'footnote') footnoteIds.push(String(r.attrs(child).id ?? ''));
    const kind = r.name(node);
    if (!PARAGRAPH_KINDS.has(kind)) return;
    const attrs = r.attrs(node);
    const item: Item = { id: String(attrs.id ?? ''), kind: kind as ParagraphType, level: 0, annex, parent: -1 };
    if (kind === 'operative') {
      op = items.length;
      sub = -1;
    } else if (kind === 'subparagraph') {
      // A level the schema does not know (it does not validate one) reads as the nearest it does.
      item.level = Number(attrs.level) >= 2 ? 2 : 1;
      if (item.level === 1) {
        item.parent = op;
        sub = items.length;
      } else item.parent = sub >= 0 ? sub : op;
    }
    items.push(item);
  };
  for (const child of r.children(doc)) {
    if (r.name(child) !== 'annex') {
      block(child);
      continue;
    }
    annex = annexIds.length;
    annexIds.push(String(r.attrs(child).id ?? ''));
    op = sub = -1;
    for (const part of r.children(child)) block(part);
  }
  return { items, annexIds, footnoteIds };
}
