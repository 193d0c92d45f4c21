/**
 * Language versions of an issued text (issue #19): the text of one revision in another of the six
 * languages, aligned with the revision's own text (the reference) paragraph by paragraph — the
 * same paragraph, annex and footnote ids, the same structure.
 *
 * - `alignVersion` puts the reference's ids on a version read from Word or paste, or says exactly
 *   where its structure differs (a paragraph missing, extra or split, of another kind, lettered
 *   differently, an annex missing, footnotes differing, no title), before anything is stored.
 * - `changedParagraphs` and `carryForward`: when the next revision is issued, a version keeps its
 *   unchanged paragraphs and lists the others as pending (holding the reference's words).
 * - `paragraphForTyping` and `typeParagraph`: a translator types one paragraph in place.
 * - `sideBySide`: two versions row by row, numbers and footnotes aligned.
 *
 * The alignment itself is in versionAlign.ts, the reading of a text into blocks in versionBlocks.ts;
 * this module is the API the server and the pages use.
 *
 * Alignment is structural first (kinds, levels, annexes), then by what survives translation
 * (the share of the text's length, the digits, the footnotes), so that "OP 3 is missing" names
 * the paragraph that is missing and not the last one of the run.
 */
import { compareTexts } from './compare';
import type { Lang } from './languages';
import { sequentialNumbering } from './numbering';
import { annexLabel, printedLabel } from './numberingLabels';
import { fail, ok, type Result } from './result';
import type { TextJSON } from './schema';
import { asNode, blocksById, clone, FORMULA_ID, inlineOf, TITLE_ID, type NodeJSON } from './versionBlocks';

export { FORMULA_ID, TITLE_ID } from './versionBlocks';
export { alignVersion, MISMATCH_KINDS, printedOrdinal, type AlignOptions, type Mismatch } from './versionAlign';

/** How a row of a version's history came to be. */
export const VERSION_KINDS = ['issued', 'typed', 'carried_forward', 'corrigendum', 'reissue'] as const;
/** One of `VERSION_KINDS`: imported as issued, typed paragraph by paragraph, carried forward, a corrigendum, a reissue. */
export type VersionKind = (typeof VERSION_KINDS)[number];

// --- Revisions of the reference --------------------------------------------------------------

/** Ids of the paragraphs (and annex headings, title) whose text changed or that are new between two revisions of the reference (shared/compare). */
export function changedParagraphs(previous: TextJSON, next: TextJSON): string[] {
  const changed: string[] = [];
  for (const row of compareTexts(previous, next).paragraphs) {
    if (!row.right || row.status === 'unchanged' || row.status === 'moved' || row.status === 'renumbered-only') continue;
    const { kind, id } = row.right;
    changed.push(kind === 'title' ? TITLE_ID : kind === 'formula' ? FORMULA_ID : id);
  }
  return changed;
}

/**
 * A version of `previous` carried to `next`: unchanged paragraphs kept; changed and new ones hold
 * the reference's words and are listed as pending. `stillPending` (the version's own pending
 * list) stays pending where the paragraph is kept.
 */
export function carryForward(version: TextJSON, previous: TextJSON, next: TextJSON, stillPending: readonly string[] = []): { text: TextJSON; pending: string[] } {
  const changed = new Set(changedParagraphs(previous, next));
  const old = new Set(stillPending);
  const own = blocksById(asNode(version));
  const out = clone(asNode(next));
  const pending: string[] = [];
  for (const [id, node] of blocksById(out)) {
    const kept = own.get(id);
    if (!changed.has(id) && kept) {
      const content = clone(kept.content);
      if (content === undefined) delete node.content;
      else node.content = content;
      if (old.has(id)) pending.push(id);
    } else if (Array.from(inlineOf(node).text + inlineOf(node).notes.join('')).some((c) => c.trim() !== '')) pending.push(id);
  }
  return { text: out, pending };
}

/** A version begun by typing: the reference's text, every block with words pending until a translator types it. */
export function startVersion(reference: TextJSON): { text: TextJSON; pending: string[] } {
  const text = clone(asNode(reference));
  const pending = [...blocksById(text)].filter(([, node]) => Array.from(inlineOf(node).text + inlineOf(node).notes.join('')).some((c) => c.trim() !== '')).map(([id]) => id);
  return { text, pending };
}

// --- Typing a paragraph ----------------------------------------------------------------------

/** Marks footnote n (1-based within the paragraph) in a paragraph typed by a translator: "[^1]". */
const MARKER = /\[\^(\d+)\]/g;

/** A paragraph of a version as a translator types it: its words with "[^1]", "[^2]" where its footnotes stand, and the notes' texts. */
export function paragraphForTyping(version: TextJSON, id: string): { text: string; footnotes: string[] } | null {
  const node = blocksById(asNode(version)).get(id);
  if (!node) return null;
  let text = '';
  const footnotes: string[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'text') text += child.text ?? '';
    else if (child.type === 'footnote') {
      footnotes.push((child.content ?? []).map((c) => c.text ?? '').join(''));
      text += `[^${footnotes.length}]`;
    }
  }
  return { text, footnotes };
}

/**
 * The version with paragraph `id` (TITLE_ID, FORMULA_ID, an annex id for its heading) holding the
 * words a translator typed: "[^1]" … "[^n]" mark where its n footnotes stand, each once and in
 * order; `footnotes` gives the notes' texts in the version's language (omitted: kept as they are).
 * Marks are dropped from the words (bold and italics are the house style's, shared/houseStyle.ts).
 */
export function typeParagraph(version: TextJSON, id: string, typed: string, footnotes?: readonly string[]): Result<TextJSON, string> {
  const out = clone(asNode(version));
  const node = blocksById(out).get(id);
  if (!node) return fail(`the version has no paragraph ${id}`);
  const notes = (node.content ?? []).filter((c) => c.type === 'footnote');
  const found = [...typed.matchAll(MARKER)].map((m) => Number(m[1]));
  const expected = notes.map((_, i) => i + 1);
  if (found.length !== expected.length || found.some((n, i) => n !== expected[i])) {
    return fail(
      notes.length === 0
        ? 'this paragraph has no footnote: remove the footnote marks ([^1]) from the text'
        : `this paragraph has ${notes.length} footnote(s): mark where each stands with ${expected.map((n) => `[^${n}]`).join(', ')}, each once and in order`,
    );
  }
  if (footnotes !== undefined && footnotes.length !== notes.length) return fail(`give the texts of the paragraph's ${notes.length} footnote(s), not ${footnotes.length}`);
  if (footnotes?.some((f) => f.trim() === '')) return fail('a footnote cannot be empty');
  const content: NodeJSON[] = [];
  const pieces = typed.split(MARKER);
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 0) {
      if (pieces[i] !== '') content.push({ type: 'text', text: pieces[i]! });
      continue;
    }
    const k = Number(pieces[i]) - 1;
    const note = clone(notes[k]!);
    if (footnotes !== undefined) note.content = [{ type: 'text', text: footnotes[k]! }];
    content.push(note);
  }
  if (content.length === 0) delete node.content;
  else node.content = content;
  return ok(out);
}

// --- Side by side ----------------------------------------------------------------------------

/** One row of two versions side by side: a block of either or both, with its label in each language. */
export interface SideBySideRow {
  id: string;
  kind: string;
  a: { label: string; text: string; footnotes: string[] } | null;
  b: { label: string; text: string; footnotes: string[] } | null;
  pending: boolean;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscript = (n: number) => String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);

function sideOf(doc: TextJSON, lang: Lang): Map<string, { kind: string; side: NonNullable<SideBySideRow['a']> }> {
  const root = asNode(doc);
  const numbering = sequentialNumbering(doc);
  const out = new Map<string, { kind: string; side: NonNullable<SideBySideRow['a']> }>();
  let p = 0;
  let note = 0;
  const side = (node: NodeJSON, label: string) => {
    let text = '';
    const footnotes: string[] = [];
    for (const child of node.content ?? []) {
      if (child.type === 'text') text += child.text ?? '';
      else if (child.type === 'footnote') {
        note++;
        footnotes.push(`${note} ${(child.content ?? []).map((c) => c.text ?? '').join('')}`);
        text += superscript(note);
      }
    }
    return { label, text, footnotes };
  };
  const put = (id: string, kind: string, node: NodeJSON, label: string) => {
    if (!out.has(id)) out.set(id, { kind, side: side(node, label) });
  };
  const count = root.content?.filter((c) => c.type === 'annex').length ?? 0;
  let annex = 0;
  for (const child of root.content ?? []) {
    if (child.type === 'title') put(TITLE_ID, 'title', child, '');
    else if (child.type === 'formula') put(FORMULA_ID, 'formula', child, '');
    else if (child.type === 'annex') {
      for (const part of child.content ?? []) {
        if (part.type === 'annexHeading') put(String(child.attrs?.id ?? ''), 'annexHeading', part, annexLabel(annex, count, lang));
        else put(String(part.attrs?.id ?? ''), part.type, part, printedLabel(numbering.paragraphs[p++]!, lang));
      }
      annex++;
    } else put(String(child.attrs?.id ?? ''), child.type, child, printedLabel(numbering.paragraphs[p++]!, lang));
  }
  return out;
}

/**
 * Two versions row by row, numbers (as each language prints them) and footnotes aligned: rows in
 * the order of `a`, a block only `b` has after the row before it. A row's text shows each footnote
 * by its number in superscript; `footnotes` lists "n text". `pending` marks the rows whose
 * paragraph needs updating in either version.
 */
export function sideBySide(a: TextJSON, aLang: Lang, b: TextJSON, bLang: Lang, pending: readonly string[] = []): SideBySideRow[] {
  const left = sideOf(a, aLang);
  const right = sideOf(b, bLang);
  const waiting = new Set(pending);
  const rows: SideBySideRow[] = [];
  const placed = new Set<string>();
  const rightIds = [...right.keys()];
  const placeRightOnly = (upTo: number) => {
    for (let k = 0; k < upTo; k++) {
      const id = rightIds[k]!;
      if (placed.has(id) || left.has(id)) continue;
      placed.add(id);
      const r = right.get(id)!;
      rows.push({ id, kind: r.kind, a: null, b: r.side, pending: waiting.has(id) });
    }
  };
  for (const [id, l] of left) {
    const k = rightIds.indexOf(id);
    if (k >= 0) placeRightOnly(k);
    placed.add(id);
    rows.push({ id, kind: l.kind, a: l.side, b: right.get(id)?.side ?? null, pending: waiting.has(id) });
  }
  placeRightOnly(rightIds.length);
  return rows;
}
