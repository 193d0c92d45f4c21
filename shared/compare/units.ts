/**
 * A text read as the flat list of blocks a comparison aligns: the title, the formula, every
 * paragraph and every annex heading, in document order, each with its text and its number
 * from `numbering.ts` (never computed here).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { ImportedJSON, type NodeJSON } from '../import/make';
import { negotiationNumbering, sequentialNumbering, type Numbering, type NumberingBase } from '../numbering';
import { textFromJSON, type TextJSON } from '../schema';
import { FOOTNOTE_CLOSE, FOOTNOTE_OPEN, type UnitKind } from './types';

/**
 * A text to compare: a node; its JSON, as stored or sent (checked against the schema on the way
 * in); or the JSON the importer made of a pasted text (made to the schema, read as it is).
 */
export type ComparableText = PMNode | TextJSON | ImportedJSON;

/** A text as the comparison reads it: a node, or the importer's JSON. */
export type ReadableText = PMNode | ImportedJSON;

/** One block of a text as the comparison sees it. */
export interface Unit {
  kind: UnitKind;
  id: string;
  /** The id it is matched by ('' when the block has no usable id); paragraphs match paragraphs, annex headings annex headings. */
  key: string;
  ref: string;
  label: string;
  /** The number alone ("3", "(c)"), '' when there is none. */
  number: string;
  /** The reference of the paragraph this one belongs to, or ''. */
  parentRef: string;
  text: string;
  /** The annex index, or -1 in the main body. */
  annex: number;
}

/** The text of a block, each footnote's text inline between markers. */
export function blockText(node: PMNode): string {
  // Most blocks are one run of text: no string to build.
  if (node.childCount === 1 && node.firstChild!.isText) return node.firstChild!.text!;
  let text = '';
  node.forEach((child) => {
    if (child.isText) text += child.text;
    else if (child.type.name === 'footnote') text += FOOTNOTE_OPEN + child.textContent + FOOTNOTE_CLOSE;
    else text += child.textContent;
  });
  return text;
}

// The same for the importer's JSON of a block (text and footnote nodes only).
function jsonBlockText(node: NodeJSON): string {
  const content = node.content;
  if (content === undefined) return '';
  if (content.length === 1 && content[0]!.type === 'text') return content[0]!.text!;
  let text = '';
  for (const child of content) {
    if (child.type === 'text') text += child.text;
    else text += FOOTNOTE_OPEN + (child.content?.[0]?.text ?? '') + FOOTNOTE_CLOSE;
  }
  return text;
}

/** A text given as a node, as its JSON or as the importer's JSON, ready to read; throws a RangeError on JSON that does not fit the schema. */
export function toNode(text: ComparableText): ReadableText {
  if (text instanceof ImportedJSON) return text;
  return typeof (text as PMNode).nodeSize === 'number' ? (text as PMNode) : textFromJSON(text);
}

/** The numbers of a text: in sequence, or against a negotiation base. */
export function numberText(text: ReadableText, base?: NumberingBase): Numbering {
  const doc = text instanceof ImportedJSON ? text.json : text;
  if (!base) return sequentialNumbering(doc);
  const numbered = negotiationNumbering(doc, base);
  if (!numbered.ok) throw new RangeError(numbered.error);
  return numbered.value;
}

// Whitespace that folding would change (any but a single ASCII space between two characters),
// or a surrogate that counting by code points must keep with its pair. One native scan: most
// heads have neither, and every unnumbered paragraph of both texts needs an excerpt.
const UNEVEN = /[^\S ]| {2}|^ | $|[\uD800-\uDFFF]/;

// An unnumbered paragraph has no reference; a chair names it by its opening words.
function excerpt(text: string): string {
  let head = text.slice(0, 48);
  if (!UNEVEN.test(head)) return head.length <= 24 ? head : `${head.slice(0, 20)}…`;
  head = head.replace(/\s+/g, ' ').trim();
  if (!/[\uD800-\uDFFF]/.test(head)) return head.length <= 24 ? head : `${head.slice(0, 20)}…`;
  const chars = Array.from(head);
  return chars.length <= 24 ? head : `${chars.slice(0, 20).join('')}…`;
}

/**
 * Unnumbered paragraphs of one text whose opening words name them alike ("Recommendations on
 * i…" for two headings that go on differently) are told apart by their order: the second is
 * "… (2)", the third "… (3)". Their order, not more of their words, so that a paragraph changed
 * after its opening keeps its name on both sides of a comparison. `named` lists the units
 * named by their opening words.
 */
function distinguish(units: Unit[], named: readonly number[]): void {
  const seen = new Map<string, number>();
  for (const at of named) {
    const unit = units[at]!;
    const count = (seen.get(unit.ref) ?? 0) + 1;
    seen.set(unit.ref, count);
    if (count > 1) unit.ref = `${unit.ref} (${count})`;
  }
}

/** The blocks of a text in document order, numbered. */
export function readUnits(doc: ReadableText, numbering: Numbering): Unit[] {
  const units: Unit[] = [];
  // An id seen twice (a split paragraph before its id is renewed) matches by its first block only.
  const seen = new Set<string>();
  const seenAnnexes = new Set<string>();
  const keyOf = (id: string, taken: Set<string>) => {
    if (id === '' || taken.has(id)) return '';
    taken.add(id);
    return id;
  };
  let p = 0;
  let annex = -1;
  const annexPrefix = (a: number) => (a >= 0 ? `${numbering.annexes[a]!.label}, ` : '');
  const named: number[] = [];
  const block = (kind: UnitKind, text: string) => {
    if (kind === 'title' || kind === 'formula') {
      const ref = kind === 'title' ? 'Title' : 'Formula';
      units.push({ kind, id: '', key: '', ref, label: '', number: '', parentRef: '', text, annex });
      return;
    }
    const n = numbering.paragraphs[p++]!;
    if (n.ref === '') named.push(units.length);
    const ref = n.ref !== '' ? n.ref : `${annexPrefix(annex)}“${excerpt(text)}”`;
    units.push({ kind, id: n.id, key: keyOf(n.id, seen), ref, label: n.label, number: n.number, parentRef: n.parentRef, text, annex });
  };
  const heading = (id: string, text: string) => {
    const ref = `${numbering.annexes[annex]!.label} heading`;
    units.push({ kind: 'annexHeading', id, key: keyOf(id, seenAnnexes), ref, label: '', number: '', parentRef: '', text, annex });
  };
  if (doc instanceof ImportedJSON) {
    for (const child of (doc.json as NodeJSON).content ?? []) {
      if (child.type !== 'annex') {
        block(child.type as UnitKind, jsonBlockText(child));
        continue;
      }
      annex++;
      const id = child.attrs?.id ?? '';
      for (const part of child.content ?? []) {
        if (part.type === 'annexHeading') heading(id, jsonBlockText(part));
        else block(part.type as UnitKind, jsonBlockText(part));
      }
    }
    distinguish(units, named);
    return units;
  }
  doc.forEach((child) => {
    if (child.type.name !== 'annex') return block(child.type.name as UnitKind, blockText(child));
    annex++;
    const id = String(child.attrs.id ?? '');
    child.forEach((part) => {
      if (part.type.name === 'annexHeading') heading(id, blockText(part));
      else block(part.type.name as UnitKind, blockText(part));
    });
  });
  distinguish(units, named);
  return units;
}
