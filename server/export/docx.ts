/**
 * A text as a Word document in the UN layout, with the `docx` package: the symbol block and the
 * page furniture of docxLayout.ts, the session, place and agenda item, the sponsors line (or
 * "submitted by …"; for the adopted text "Resolution 11/5" and the line of its adoption instead),
 * the title and the formula; preambular paragraphs with their opening words in italics; operative paragraphs and
 * subparagraphs numbered by a real Word numbering definition (not typed numbers), so that Word
 * keeps counting when a delegation edits the file; annexes on new pages, restarting the count;
 * footnotes as real Word footnotes. The whole document is in `meta.lang` (a language version, or the reference text):
 * its headings, its numbers as that language prints them ("1 -", "a)"), and for Arabic right to left
 * throughout — paragraphs `w:bidi`, runs `w:rtl`, the section `w:bidi`, the symbol block mirrored.
 * In a language version, a block that still holds the reference language's words ends with the
 * note saying so, in the document's language, in italics in a character style of its own
 * (shared/export/pending.ts), and runs the way its words run.
 * Paragraph ids ride along as hidden bookmarks (footnotes too), so that a file
 * exported here and imported again keeps the identities comparisons follow.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Bookmark, BuilderElement, Document, FootnoteReferenceRun, Packer, PageOrientation, Paragraph, type Table, TextRun, type ParagraphChild } from 'docx';
import { openingWordsLength } from '../../shared/houseStyle';
import { isRightToLeft, type Lang } from '../../shared/languages';
import { sequentialNumbering, type Numbering } from '../../shared/numbering';
import type { TextJSON } from '../../shared/schema';
import { asDoc, plainWords, readBlocks, type Block, type Inline } from '../../shared/export/blocks';
import { isMostlyRightToLeft, runsRightToLeft } from '../../shared/export/direction';
import { headingLines, type ExportMeta } from '../../shared/export/meta';
import { pendingMarker } from '../../shared/export/pending';
import { PAGE_FURNITURE_DOCUMENT, pageFurniture, symbolBlock } from './docxLayout';
import { DocxRunStyles, DocxStyles, numberingFor, PARAGRAPH_NUMBERING, paragraphStyle, stylesFor, wordLabel } from './docxStyles';

/** The prefix of the hidden bookmarks that carry paragraph and annex ids. */
export const ID_BOOKMARK_PREFIX = '_ph_';

/** The page of every Penholder Word file: A4 portrait, UN margins (twips). */
export const A4_PAGE = {
  size: { width: 11906, height: 16838, orientation: PageOrientation.PORTRAIT },
  margin: { top: 1440, bottom: 1440, left: 1247, right: 1247 },
};

/** Options of `exportDocx`. */
export interface DocxOptions {
  /** The numbers to print; sequential by default. Numbers Word cannot count ("3 bis") are typed instead. */
  numbering?: Numbering;
  /** For a language version: the blocks that still hold the reference language's words, as it lists them (`BlockOptions.pending`). */
  pending?: readonly string[];
}

// Word bookmark names: at most 40 characters, letters, digits and underscores.
const BOOKMARKABLE = /^[A-Za-z0-9]{1,30}$/;

class Footnotes {
  readonly notes: Record<string, { children: Paragraph[] }> = {};
  private next = 1;

  constructor(
    private readonly seen: Set<string>,
    private readonly lang: string,
  ) {}

  reference(text: string, noteId: string): FootnoteReferenceRun {
    const id = this.next++;
    // A note runs its own way: an Arabic note under an English paragraph, or the reverse.
    const rtl = runsRightToLeft(this.lang, text) || undefined;
    this.notes[id] = { children: [new Paragraph({ bidirectional: rtl, children: withId(noteId, [new TextRun({ text, rightToLeft: rtl })], this.seen) })] };
    return new FootnoteReferenceRun(id);
  }
}

function runs(inlines: readonly Inline[], notes: Footnotes, italicOpening = 0, rtl = false): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const rightToLeft = rtl || undefined;
  let opening = italicOpening;
  for (const i of inlines) {
    if (i.type === 'footnote') {
      out.push(notes.reference(i.text, i.id));
      opening = 0;
      continue;
    }
    let text = i.text;
    if (opening > 0) {
      // The house style's italic opening gets its own character style, so an importer can tell it
      // from an italic the drafters chose; words the drafters set in italics themselves stay a
      // plain italic run, so that they read back as theirs.
      const head = text.slice(0, opening);
      out.push(new TextRun({ text: head, style: i.em ? undefined : DocxRunStyles.opening, italics: true, bold: i.strong || undefined, rightToLeft }));
      text = text.slice(head.length);
      opening -= head.length;
    }
    if (text !== '') out.push(new TextRun({ text, italics: i.em || undefined, bold: i.strong || undefined, rightToLeft }));
  }
  return out;
}

function withId(id: string, children: ParagraphChild[], seen: Set<string>): ParagraphChild[] {
  if (!BOOKMARKABLE.test(id) || seen.has(id)) return children;
  seen.add(id);
  return [new Bookmark({ id: `${ID_BOOKMARK_PREFIX}${id}`, children: [] }), ...children];
}

function leadingText(inlines: readonly Inline[]): string {
  let text = '';
  for (const i of inlines) {
    if (i.type !== 'text') break;
    text += i.text;
  }
  return text;
}

// Word's lists count 1, 2, 3 and (a), (b) in sequence; only a text numbered that way, whose printed labels in
// `lang` are those Word's numbering in `lang` writes, can use them (numbers "3 bis" or "(أ)" are typed).
function wordCanCount(given: Numbering, printed: readonly Block[], doc: PMNode, lang: Lang): boolean {
  const sequential = sequentialNumbering(doc).paragraphs;
  if (!given.paragraphs.every((p, i) => p.label === sequential[i]?.label)) return false;
  for (const b of printed) {
    if (b.role !== 'paragraph' || b.label === '' || (b.kind !== 'operative' && b.kind !== 'subparagraph')) continue;
    const level = b.kind === 'operative' ? 0 : b.level;
    const n = level === 0 ? Number(b.number) : ordinalOf(b.number, level);
    if (wordLabel(level, n, lang) !== b.label) return false;
  }
  return true;
}

// The ordinal of a lettered or roman number: "(c)" → 3, "(iv)" → 4.
function ordinalOf(number: string, level: number): number {
  const bare = number.replace(/[()]/g, '');
  if (level === 2) {
    const roman: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
    let total = 0;
    for (let i = 0; i < bare.length; i++) {
      const v = roman[bare[i]!] ?? 0;
      const next = roman[bare[i + 1] ?? ''] ?? 0;
      total += v < next ? -v : v;
    }
    return total;
  }
  return bare.charCodeAt(0) - 96 + 26 * (bare.length - 1);
}

// docx has no option for a section's direction: the right-to-left section gets its `w:bidi`
// in the place the schema gives it in `w:sectPr` (after `w:titlePg`, before `w:docGrid`).
function markSectionRightToLeft(file: Document): void {
  const body = (file as unknown as { Document: { View: { Body: { sections: { root: unknown[] }[] } } } }).Document.View.Body;
  for (const section of body.sections) {
    const grid = section.root.findIndex((c) => (c as { rootKey?: string }).rootKey === 'w:docGrid');
    section.root.splice(grid < 0 ? section.root.length : grid, 0, new BuilderElement({ name: 'w:bidi' }));
  }
}

// The first page under the symbol block: session, place, agenda item, then who puts the text
// forward — or, for the adopted text, its number and the line of its adoption.
function headingParagraphs(meta: ExportMeta): (Paragraph | Table)[] {
  const h = headingLines(meta);
  const rtl = isRightToLeft(meta.lang) || undefined;
  const line = (text: string, style: string = DocxStyles.meta) => new Paragraph({ style, bidirectional: rtl, children: [new TextRun({ text, rightToLeft: rtl })] });
  const lead = h.published
    ? [...(h.published.number ? [line(h.published.number, DocxStyles.published)] : []), line(h.published.adopted, DocxStyles.proponent)]
    : [line(h.proponent, DocxStyles.proponent)];
  return [symbolBlock(h, rtl), new Paragraph({ style: DocxStyles.meta, children: [] }), line(h.session), line(h.place), line(h.agendaItem), ...lead];
}

// The note after words not yet translated, in the document's language.
function pendingRun(lang: Lang): TextRun {
  return new TextRun({ text: pendingMarker(lang), style: DocxRunStyles.pendingNote, italics: true, rightToLeft: isRightToLeft(lang) || undefined });
}

function blockParagraph(b: Block, notes: Footnotes, typed: boolean, seen: Set<string>, lang: Lang): Paragraph {
  const words = b.role === 'annex' ? '' : plainWords(b.inlines);
  // Words not yet translated are the reference language's: they run their own way (the print view's dir="auto").
  const pending = b.role !== 'annex' && b.pending;
  const rtl = b.role !== 'annex' && (pending ? isMostlyRightToLeft(words) : runsRightToLeft(lang, words));
  const bidirectional = rtl || undefined;
  const note = pending ? [pendingRun(lang)] : [];
  switch (b.role) {
    case 'title':
      return new Paragraph({ style: DocxStyles.title, bidirectional, children: [...runs(b.inlines, notes, 0, rtl), ...note] });
    case 'formula':
      return new Paragraph({ style: DocxStyles.formula, bidirectional, children: [...runs(b.inlines, notes, 0, rtl), ...note] });
    case 'annex': {
      const annexRtl = runsRightToLeft(lang, b.label) || undefined;
      return new Paragraph({ style: DocxStyles.annex, bidirectional: annexRtl, children: withId(b.id, [new TextRun({ text: b.label, rightToLeft: annexRtl })], seen) });
    }
    case 'annexHeading':
      return new Paragraph({ style: DocxStyles.annexHeading, bidirectional, children: [...runs(b.inlines, notes, 0, rtl), ...note] });
    case 'paragraph': {
      const style = paragraphStyle(b.kind, b.level);
      const opening = b.kind === 'preambular' ? openingWordsLength(leadingText(b.inlines)) : 0;
      let children = [...runs(b.inlines, notes, opening, rtl), ...note];
      const numbered = b.label !== '' && (b.kind === 'operative' || b.kind === 'subparagraph');
      if (numbered && typed) children = [new TextRun({ text: `${b.label}\t`, style: DocxRunStyles.label, rightToLeft: bidirectional }), ...children];
      children = withId(b.id, children, seen);
      if (!numbered || typed) return new Paragraph({ style, bidirectional, children });
      // Each annex is its own list (instance), so its paragraphs count from 1 again.
      const level = b.kind === 'operative' ? 0 : b.level;
      return new Paragraph({ style, bidirectional, children, numbering: { reference: PARAGRAPH_NUMBERING, level, instance: (b.annex ?? -1) + 1, custom: true } });
    }
  }
}

/** Build the .docx of a text; resolves with the file's bytes. */
export async function exportDocx(text: PMNode | TextJSON, meta: ExportMeta, options: DocxOptions = {}): Promise<Buffer> {
  const doc = asDoc(text);
  const { lang } = meta;
  const read = readBlocks(doc, { numbering: options.numbering, lang, pending: options.pending });
  const typed = !wordCanCount(read.numbering, read.blocks, doc, lang);
  const seen = new Set<string>();
  const notes = new Footnotes(seen, lang);
  const body = read.blocks.map((b) => blockParagraph(b, notes, typed, seen, lang));
  const { titlePage, ...furniture } = pageFurniture(meta.symbol, isRightToLeft(lang));
  const file = new Document({
    ...PAGE_FURNITURE_DOCUMENT,
    creator: 'Penholder',
    title: meta.symbol,
    description: `${meta.kind} ${meta.symbol}`,
    styles: stylesFor(lang),
    numbering: numberingFor(lang),
    footnotes: notes.notes,
    sections: [
      {
        ...furniture,
        properties: { page: A4_PAGE, titlePage },
        children: [...headingParagraphs(meta), ...body],
      },
    ],
  });
  if (isRightToLeft(lang)) markSectionRightToLeft(file);
  return Packer.toBuffer(file);
}
