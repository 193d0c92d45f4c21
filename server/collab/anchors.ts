/**
 * Anchors: where a proposal's words are in the live working text, kept while others edit it.
 *
 * An anchor is two Yjs relative positions (base64 of `Y.encodeRelativePosition`), each stuck to
 * a character of the paragraph, so it follows those characters through any edit before, inside
 * or after them, on any replica. Offsets are those of the paragraph's inline text as
 * `inlineText` of shared/oralAmendments.ts counts them: UTF-16 code units, a footnote one U+FFFC.
 * A paragraph is a Y.XmlElement (named after its node type, `id` in its attributes) whose
 * children are Y.XmlText runs and inline elements (footnotes) between them, as y-prosemirror
 * writes it.
 *
 * Which character each end sticks to decides what happens to text typed at the edges: the start
 * sticks to the first quoted character (assoc 0, "the character after me"), the end to the last
 * (assoc -1, "the character before me"). Words typed just before or just after the quote then
 * stay outside it, and the quote still reads as quoted; words typed inside it change it.
 * A zero-width anchor (an insertion point) is one position given twice (start === end).
 */
import * as Y from 'yjs';
import { findWords } from '../../shared/oralAmendments';
import { fail, ok, type Result } from '../../shared/result';
import { PARAGRAPH_TYPES } from '../../shared/schema';
import { TEXT_FRAGMENT } from './fragmentText';

/** Two relative positions, base64 (null: the paragraph's start, or its end). */
export interface Anchor {
  start: string | null;
  end: string | null;
}

/** Where anchored words are now: [from, to) in the paragraph's inline text, and those characters. */
export interface AnchoredRange {
  from: number;
  to: number;
  text: string;
}

const INLINE_NODE = '\uFFFC';
const PARAGRAPH_NAMES = new Set<string>(PARAGRAPH_TYPES);

/** One child of a paragraph element: a text run, or an inline element counted as one character. */
export interface Slot {
  child: Y.XmlText | Y.XmlElement;
  /** Its index among the paragraph's children. */
  index: number;
  /** The offset of its first character in the paragraph's inline text. */
  start: number;
  length: number;
  /** Its characters (an inline element: U+FFFC). */
  text: string;
}

/** A paragraph element of the working text, with its inline text read once. */
export interface ParagraphSlots {
  el: Y.XmlElement;
  slots: Slot[];
  text: string;
}

/** A Yjs type as far as its place in the document goes. */
interface Placed {
  _item: Y.Item | null;
  parent: unknown;
}

/** Whether a Yjs type (and every type above it) is still part of the document. */
function alive(type: Placed | null): boolean {
  for (let t = type; t !== null; t = t.parent as Placed | null) {
    if (t._item?.deleted) return false;
  }
  return true;
}

/**
 * Every paragraph element of a doc by id (blocks and the paragraphs of annexes), read in one
 * pass; a paragraph id found twice maps to the first.
 */
export function paragraphElements(doc: Y.Doc): Map<string, Y.XmlElement> {
  const byId = new Map<string, Y.XmlElement>();
  const visit = (parent: Y.XmlFragment | Y.XmlElement, depth: number) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (PARAGRAPH_NAMES.has(child.nodeName)) {
        const id = child.getAttribute('id');
        if (typeof id === 'string' && id !== '' && !byId.has(id)) byId.set(id, child);
      } else if (depth === 0 && child.nodeName === 'annex') visit(child, 1);
    }
  };
  visit(doc.getXmlFragment(TEXT_FRAGMENT), 0);
  return byId;
}

/** The paragraph element with this id, or null. */
export function paragraphElement(doc: Y.Doc, paragraphId: string): Y.XmlElement | null {
  return paragraphElements(doc).get(paragraphId) ?? null;
}

/** A paragraph element's children with their offsets, and its inline text. */
export function slotsOf(el: Y.XmlElement): ParagraphSlots {
  const slots: Slot[] = [];
  let text = '';
  el.toArray().forEach((child, index) => {
    let chars = INLINE_NODE;
    if (child instanceof Y.XmlText) {
      chars = '';
      for (const op of child.toDelta() as { insert: unknown }[]) chars += typeof op.insert === 'string' ? op.insert : INLINE_NODE;
    }
    if (child instanceof Y.XmlText || child instanceof Y.XmlElement) {
      slots.push({ child, index, start: text.length, length: chars.length, text: chars });
      text += chars;
    }
  });
  return { el, slots, text };
}

/** The live inline text of a paragraph (a footnote as U+FFFC), or null when there is no such paragraph. */
export function paragraphText(doc: Y.Doc, paragraphId: string): string | null {
  const el = paragraphElement(doc, paragraphId);
  return el ? slotsOf(el).text : null;
}

const encode = (rpos: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rpos)).toString('base64');

/**
 * The relative position of offset `at`: stuck to the character after it (assoc 0) or the one
 * before it (assoc -1); at an edge with no such character, to the paragraph's start or end.
 */
function relativeAt(p: ParagraphSlots, at: number, assoc: 0 | -1): Y.RelativePosition {
  const char = assoc === 0 ? at : at - 1;
  const slot = p.slots.find((s) => s.start <= char && char < s.start + s.length);
  if (!slot) return Y.createRelativePositionFromTypeIndex(p.el, assoc === 0 ? p.el.length : 0, assoc);
  if (slot.child instanceof Y.XmlText) return Y.createRelativePositionFromTypeIndex(slot.child, char - slot.start + (assoc === 0 ? 0 : 1), assoc);
  return Y.createRelativePositionFromTypeIndex(p.el, slot.index + (assoc === 0 ? 0 : 1), assoc);
}

/**
 * Anchor the characters [from, to) of a paragraph's inline text (from === to: the insertion
 * point before character `from`, stuck to the character before it, or to the first character
 * at offset 0). Null when the doc has no such paragraph; throws a RangeError for offsets outside it.
 */
export function anchorWords(doc: Y.Doc, paragraphId: string, from: number, to: number): Anchor | null {
  const el = paragraphElement(doc, paragraphId);
  if (!el) return null;
  const p = slotsOf(el);
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= p.text.length)) {
    throw new RangeError(`[${from}, ${to}) is not a range of a paragraph of ${p.text.length} characters`);
  }
  if (from === to) {
    const point = encode(relativeAt(p, from, from > 0 ? -1 : 0));
    return { start: point, end: point };
  }
  return { start: encode(relativeAt(p, from, 0)), end: encode(relativeAt(p, to, -1)) };
}

/** The offset in `p`'s inline text of an absolute position, or null when it is not in `p` (any more). */
function offsetOf(p: ParagraphSlots, abs: Y.AbsolutePosition | null): number | null {
  if (!abs || !alive(abs.type)) return null;
  if (abs.type === p.el) {
    const next = p.slots.find((s) => s.index >= abs.index);
    return next ? next.start : p.text.length;
  }
  const slot = p.slots.find((s) => s.child === abs.type);
  return slot ? slot.start + Math.min(abs.index, slot.length) : null;
}

function decode(doc: Y.Doc, encoded: string): Y.AbsolutePosition | null {
  try {
    return Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(encoded, 'base64')), doc);
  } catch {
    return null; // not a relative position at all
  }
}

/**
 * Where the anchored words of a paragraph are now. Null when the paragraph is gone, the anchor
 * points elsewhere (the paragraph was rewritten as new elements, a move, a garbled anchor), or
 * every anchored character was deleted. A null end is the paragraph's end, a null start its start.
 * Resolve many anchors of one doc with `resolveAnchorIn` and one `slotsOf` per paragraph.
 */
export function resolveAnchor(doc: Y.Doc, paragraphId: string, anchor: Anchor): AnchoredRange | null {
  const el = paragraphElement(doc, paragraphId);
  return el && alive(el) ? resolveAnchorIn(doc, slotsOf(el), anchor) : null;
}

/** `resolveAnchor` on a paragraph already read. */
export function resolveAnchorIn(doc: Y.Doc, p: ParagraphSlots, anchor: Anchor): AnchoredRange | null {
  const from = anchor.start === null ? 0 : offsetOf(p, decode(doc, anchor.start));
  const to = anchor.end === null ? p.text.length : anchor.end === anchor.start ? from : offsetOf(p, decode(doc, anchor.end));
  if (from === null || to === null) return null;
  const point = anchor.start !== null && anchor.start === anchor.end;
  const wholeParagraph = anchor.start === null && anchor.end === null;
  // Words whose every character was deleted collapse to nothing: they are gone.
  if (to < from || (to === from && !point && !wholeParagraph)) return null;
  return { from, to, text: p.text.slice(from, to) };
}

/**
 * Where a proposal's quoted words are in its (live) paragraph now: through the anchor; when the
 * anchor no longer points into this paragraph (it was written anew as other elements: moved, or
 * rewritten by an import) or there is none, the quoted words found again at the occurrence the
 * amendment names. Null when they are gone. Both the list (staleness) and accepting use this,
 * so they agree on what a proposal quotes now.
 */
export function placeQuote(doc: Y.Doc, p: ParagraphSlots, quoted: string, anchor: Anchor | null, occurrence?: number): AnchoredRange | null {
  const anchored = anchor && (anchor.start !== null || anchor.end !== null) ? anchor : null;
  if (anchored) {
    const range = resolveAnchorIn(doc, p, anchored);
    // Its start still points into this paragraph: what it spans is what the words are now.
    if (range || resolveAnchorIn(doc, p, { start: anchored.start, end: anchored.start }) !== null) return range;
  }
  const found = findWords(p.text, quoted, occurrence);
  return found.ok ? { from: found.value[0], to: found.value[1], text: quoted } : null;
}

/** What an amendment names in its paragraph, as far as anchoring goes (any kind of shared/oralAmendments.ts). */
export interface AnchorableAmendment {
  kind: string;
  paragraphId: string;
  words?: string;
  occurrence?: number;
  position?: string;
}

/** The words an amendment quotes, anchored in the live text (what a proposal records when it is tabled). */
export interface TabledAnchor {
  /** The words it replaces, deletes or inserts before/after; null when it quotes none (start/end, paragraph kinds). */
  quoted: string | null;
  anchor: Anchor;
  /** The paragraph's live inline text. */
  paragraphText: string;
}

/**
 * Find the words an amendment quotes in the live paragraph (`findWords` of
 * shared/oralAmendments.ts: whole words, the occurrence it names) and anchor them. Fails with
 * the reason when the paragraph or the words are not there, or the words are ambiguous.
 */
export function anchorAmendment(doc: Y.Doc, amendment: AnchorableAmendment): Result<TabledAnchor> {
  const el = paragraphElement(doc, amendment.paragraphId);
  if (!el) return fail('there is no such paragraph in the working text');
  const p = slotsOf(el);
  if (amendment.words === undefined || !QUOTING_KINDS.has(amendment.kind)) return ok({ quoted: null, anchor: { start: null, end: null }, paragraphText: p.text });
  const range = findWords(p.text, amendment.words, amendment.occurrence);
  if (!range.ok) return range;
  const [from, to] = range.value;
  return ok({ quoted: amendment.words, anchor: anchorWords(doc, amendment.paragraphId, from, to)!, paragraphText: p.text });
}

const QUOTING_KINDS = new Set(['replace_words', 'delete_words', 'insert_words']);
