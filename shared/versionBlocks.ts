/**
 * A text of the schema as language versions read it: its blocks (the title, the opening formula,
 * each paragraph, each annex heading) with their English references from the sequential numbering,
 * their words, footnotes, lengths and numbers. Shared by the alignment (versionAlign.ts) and the
 * rest of shared/languageVersions.ts; plain JSON in, nothing changed.
 */
import { sequentialNumbering, type ParagraphNumber } from './numbering';
import { annexLabel } from './numberingLabels';
import type { TextJSON } from './schema';

/** The pseudo-id of the title in `changedParagraphs`, `pending` and side-by-side rows (the title has no id of its own; no paragraph id holds a colon, and it needs no escaping in a URL path). */
export const TITLE_ID = ':title';
/** The pseudo-id of the opening formula. */
export const FORMULA_ID = ':formula';

/** A node of a text's JSON. */
export interface NodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJSON[];
  text?: string;
  marks?: unknown[];
}

/** One block of a text as alignment sees it: the title, the formula, a paragraph or an annex heading. */
export interface Block {
  kind: string;
  /** The paragraph's id, the annex's id for its heading, TITLE_ID or FORMULA_ID. */
  id: string;
  level: number;
  node: NodeJSON;
  /** The reference as printed in English: "OP 3 (b)", "Annex I heading", or an excerpt for an unnumbered paragraph. */
  ref: string;
  /** The derived number ("(b)", "3"), '' when none. */
  number: string;
  /** The id of the paragraph it belongs to, or null. */
  parentId: string | null;
  /** The words, footnotes left out. */
  text: string;
  /** The footnotes' texts, in order. */
  notes: string[];
  /** Its length in characters, spaces left out (at least 1). */
  length: number;
  /** The numbers it holds ("2022", "55", "25"), Arabic-Indic and full-width digits read as ASCII; sorted. */
  digits: string[];
}

/** A text read into blocks: its title, its body (formula and paragraphs), its annexes, and its numbering. */
export interface Reading {
  title: Block;
  body: Block[];
  annexes: { id: string; heading: Block; blocks: Block[] }[];
  numbering: ReturnType<typeof sequentialNumbering>;
}

/** A deep copy of plain JSON. */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The JSON of a doc node, or a RangeError. */
export function asNode(doc: TextJSON): NodeJSON {
  const node = doc as NodeJSON;
  if (!node || typeof node !== 'object' || node.type !== 'doc' || !Array.isArray(node.content)) throw new RangeError('a language version needs the JSON of a doc node');
  return node;
}

/** Digits of the other scripts read as ASCII, so that "٢٠٢٢" and "２０２２" meet "2022". */
export function asciiDigits(text: string): string {
  return text.replace(/[٠-٩۰-۹０-９]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0xff10 ? c - 0xff10 : c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

/** A block's words (footnotes left out) and its footnotes' texts. */
export function inlineOf(node: NodeJSON): { text: string; notes: string[] } {
  let text = '';
  const notes: string[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'text') text += child.text ?? '';
    else if (child.type === 'footnote') notes.push((child.content ?? []).map((c) => c.text ?? '').join(''));
  }
  return { text, notes };
}

/** The opening words of an unnumbered paragraph, by which a reviser finds it. */
export function excerpt(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= 24 ? chars.join('') : `${chars.slice(0, 20).join('')}…`;
}

/** One block as alignment reads it, with its reference and number when it is a paragraph. */
export function block(kind: string, id: string, node: NodeJSON, ref: string, n: ParagraphNumber | null): Block {
  const { text, notes } = inlineOf(node);
  const all = text + notes.join('');
  return {
    kind,
    id,
    level: n?.level ?? 0,
    node,
    ref: ref !== '' ? ref : `“${excerpt(text)}”`,
    number: n?.number ?? '',
    parentId: n?.parentId ?? null,
    text,
    notes,
    length: Math.max(1, Array.from(all.replace(/\s+/g, '')).length),
    digits: (asciiDigits(all).match(/\d+/g) ?? []).sort(),
  };
}

/** Read a text into blocks, each with its English reference from the sequential numbering. */
export function read(doc: TextJSON): Reading {
  const root = asNode(doc);
  const numbering = sequentialNumbering(doc);
  let p = 0;
  const paragraph = (node: NodeJSON) => {
    const n = numbering.paragraphs[p++]!;
    return block(node.type, n.id, node, n.ref, n);
  };
  let title: Block | null = null;
  const body: Block[] = [];
  const annexes: Reading['annexes'] = [];
  for (const child of root.content ?? []) {
    if (child.type === 'title') title = block('title', TITLE_ID, child, 'the title', null);
    else if (child.type === 'formula') body.push(block('formula', FORMULA_ID, child, 'the opening formula', null));
    else if (child.type === 'annex') {
      const index = annexes.length;
      const id = String(child.attrs?.id ?? '');
      const label = annexLabel(index, numbering.annexes.length);
      let heading: Block | null = null;
      const blocks: Block[] = [];
      for (const part of child.content ?? []) {
        if (part.type === 'annexHeading') heading = block('annexHeading', id, part, `${label} heading`, null);
        else blocks.push(paragraph(part));
      }
      annexes.push({ id, heading: heading ?? block('annexHeading', id, { type: 'annexHeading' }, `${label} heading`, null), blocks });
    } else body.push(paragraph(child));
  }
  return { title: title ?? block('title', TITLE_ID, { type: 'title' }, 'the title', null), body, annexes, numbering };
}

/** Every block of a text by its id (TITLE_ID, FORMULA_ID, annex ids for headings), in document order. */
export function blocksById(doc: NodeJSON): Map<string, NodeJSON> {
  const map = new Map<string, NodeJSON>();
  const put = (id: string, node: NodeJSON) => {
    if (!map.has(id)) map.set(id, node);
  };
  for (const child of doc.content ?? []) {
    if (child.type === 'title') put(TITLE_ID, child);
    else if (child.type === 'formula') put(FORMULA_ID, child);
    else if (child.type === 'annex') {
      for (const part of child.content ?? []) put(part.type === 'annexHeading' ? String(child.attrs?.id ?? '') : String(part.attrs?.id ?? ''), part);
    } else put(String(child.attrs?.id ?? ''), child);
  }
  return map;
}
