/**
 * Reading back a Word file that Penholder exported: every block carries its paragraph style
 * (docxStyles.ts), so the structure is read exactly instead of guessed; typed numbers and the
 * heading lines are left out (numbers are derived again), so is the note on a language version's
 * words not yet translated (its own character style), the house style's italic openings
 * are not taken for italics the drafters chose, and the hidden bookmarks give back paragraph
 * and annex ids. A file edited in Word keeps working as long as its paragraphs keep the styles;
 * a paragraph that lost them (typed after Enter, pasted) is read by its list level or its
 * punctuation and place, with a warning, rather than left out.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { sequentialNumbering } from '../../shared/numbering';
import { newParagraphId, resolutionSchema as schema } from '../../shared/schema';
import { endsSentence, endsWithComma } from '../../shared/import/lines';
import { WarningLog } from '../../shared/import/report';
import type { ImportReport, ImportResult, RecognisedParagraph } from '../../shared/importText';
import { ID_BOOKMARK_PREFIX } from './docx';
import { listLevel } from './docxListNumbers';
import { DocxRunStyles, DocxStyles } from './docxStyles';
import { noteParagraphs, noteText, paragraphsOf, textOf, type WordDocument, type WordNode } from './wordModel';

const KINDS: Record<string, { kind: string; level?: 1 | 2 }> = {
  [DocxStyles.preambular]: { kind: 'preambular' },
  [DocxStyles.operative]: { kind: 'operative' },
  [DocxStyles.subparagraph1]: { kind: 'subparagraph', level: 1 },
  [DocxStyles.subparagraph2]: { kind: 'subparagraph', level: 2 },
  [DocxStyles.plain]: { kind: 'plain' },
};
const TEXT_STYLES = new Set<string>([DocxStyles.title, DocxStyles.formula, DocxStyles.annex, DocxStyles.annexHeading, ...Object.keys(KINDS)]);
// The page's furniture: the symbol block, the lines over the title, the page's header and footer.
const FURNITURE = new Set<string>([DocxStyles.meta, DocxStyles.symbol, DocxStyles.proponent, DocxStyles.published, DocxStyles.pageHeader, DocxStyles.pageFooter]);

/** Whether a Word document was exported by Penholder (its text blocks carry Penholder's styles). */
export function isPenholderDocument(doc: WordDocument): boolean {
  return paragraphsOf(doc.children).some((p) => p.styleId === DocxStyles.title || (p.styleId !== undefined && p.styleId !== null && p.styleId in KINDS));
}

class Reader {
  private readonly seen = new Set<string>();

  constructor(
    private readonly doc: WordDocument,
    private readonly newId: () => string,
  ) {}

  id(...paragraphs: WordNode[]): string {
    for (const n of paragraphs.flatMap((p) => p.children ?? [])) {
      if (n.type !== 'bookmarkStart' || !n.name?.startsWith(ID_BOOKMARK_PREFIX)) continue;
      const id = n.name.slice(ID_BOOKMARK_PREFIX.length);
      if (id && !this.seen.has(id)) return (this.seen.add(id), id);
    }
    return this.newId();
  }

  inline(nodes: readonly WordNode[] | undefined, out: PMNode[] = [], marks: { em: boolean; strong: boolean } = { em: false, strong: false }): PMNode[] {
    for (const n of nodes ?? []) {
      if (n.type === 'noteReference') {
        const text = noteText(this.doc, n);
        out.push(schema.nodes.footnote!.create({ id: this.id(...noteParagraphs(this.doc, n)) }, text ? schema.text(text) : null));
      } else if (n.type === 'run') {
        if (n.styleId === DocxRunStyles.label || n.styleId === DocxRunStyles.pendingNote) continue;
        const em = !!n.isItalic && n.styleId !== DocxRunStyles.opening;
        this.inline(n.children, out, { em, strong: !!n.isBold });
      } else if (n.type === 'text' || n.type === 'tab' || n.type === 'break') {
        const text = textOf([n]);
        if (text === '') continue;
        const m = [...(marks.em ? [schema.marks.em!.create()] : []), ...(marks.strong ? [schema.marks.strong!.create()] : [])];
        const last = out[out.length - 1];
        if (last?.isText && last.sameMarkup(schema.text('x', m))) out[out.length - 1] = schema.text(last.text + text, m);
        else out.push(schema.text(text, m));
      } else if (n.children) this.inline(n.children, out, marks);
    }
    return out;
  }
}

/**
 * The style to read a paragraph by when it has none of Penholder's. Word gives the paragraph typed
 * after pressing Enter the style's "next", Normal, and a paste keeps the style it came with: left
 * out, its words were lost without a warning. Numbered by Word, its list level says what it is;
 * otherwise its punctuation and place, as the plain-text importer reads an unnumbered paragraph:
 * preambular before the first operative paragraph when it ends with a comma, operative after one
 * (in the body, or in the same annex) when it ends a sentence, plain otherwise.
 */
function styleByShape(words: string, level: number | null, place: { inAnnex: boolean; afterOperative: boolean }): string {
  if (level === 0) return DocxStyles.operative;
  if (level === 1) return DocxStyles.subparagraph1;
  if (level !== null) return DocxStyles.subparagraph2;
  if (!place.inAnnex && !place.afterOperative && endsWithComma(words)) return DocxStyles.preambular;
  if (place.afterOperative && endsSentence(words)) return DocxStyles.operative;
  return DocxStyles.plain;
}

// How a warning names what such a paragraph was read as.
const KIND_NAMES: Record<string, string> = {
  [DocxStyles.preambular]: 'a preambular paragraph',
  [DocxStyles.operative]: 'an operative paragraph',
  [DocxStyles.subparagraph1]: 'a subparagraph',
  [DocxStyles.subparagraph2]: 'a subparagraph',
  [DocxStyles.plain]: 'an unnumbered paragraph',
};

// A paragraph's opening words, to name it in a warning.
function opening(words: string): string {
  return words.length > 60 ? `${words.slice(0, 60).trimEnd()}…` : words;
}

/** Build the text and its report from a Penholder Word file; null when its blocks do not make a valid text. */
export function readPenholderDocument(doc: WordDocument, newId: () => string = newParagraphId): ImportResult | null {
  const reader = new Reader(doc, newId);
  let title: PMNode | null = null;
  let formula: PMNode | null = null;
  const body: PMNode[] = [];
  const annexes: { id: string; printed: string; line: number; heading: PMNode | null; content: PMNode[] }[] = [];
  const lines = new Map<PMNode, number>();
  const warnings = new WarningLog();
  paragraphsOf(doc.children).forEach((p, index) => {
    let style = p.styleId ?? '';
    const annex = annexes[annexes.length - 1];
    if (!TEXT_STYLES.has(style)) {
      const words = textOf(p.children).trim();
      if (FURNITURE.has(style) || words === '') return;
      if (!title) {
        warnings.add('lines-before-title', `Line ${index + 1} ("${opening(words)}") stands before the title and is not imported.`, index + 1);
        return;
      }
      // The level its list's format gives (a list of letters is subparagraphs), else its level in the list.
      const level = listLevel(p);
      const afterOperative = (annex ? annex.content : body).some((b) => b.type.name === 'operative');
      style = styleByShape(words, level, { inAnnex: annex !== undefined, afterOperative });
      const how = level === null ? 'by its punctuation and place' : 'by its list level';
      warnings.add('unstyled-paragraph', `Line ${index + 1} ("${opening(words)}") is in none of Penholder's paragraph styles: read as ${KIND_NAMES[style]} ${how}.`, index + 1);
    }
    if (style === DocxStyles.annex) {
      annexes.push({ id: reader.id(p), printed: textOf(p.children).trim(), line: index + 1, heading: null, content: [] });
      return;
    }
    const inline = reader.inline(p.children);
    if (style === DocxStyles.title && !title) title = schema.nodes.title!.create(null, inline);
    else if (style === DocxStyles.formula && !formula && body.length === 0 && annexes.length === 0) formula = schema.nodes.formula!.create(null, inline);
    else if (style === DocxStyles.annexHeading && annex && !annex.heading) annex.heading = schema.nodes.annexHeading!.create(null, inline);
    else {
      const { kind, level } = KINDS[style] ?? { kind: 'plain' };
      const node = schema.nodes[kind]!.create(level ? { id: reader.id(p), level } : { id: reader.id(p) }, inline);
      lines.set(node, index + 1);
      (annex ? annex.content : body).push(node);
    }
  });
  const annexNodes = annexes.map((a) => schema.nodes.annex!.create({ id: a.id }, [a.heading ?? schema.nodes.annexHeading!.create(), ...a.content]));
  let text: PMNode;
  try {
    text = schema.nodes.doc!.createChecked(null, [title ?? schema.nodes.title!.create(), ...(formula ? [formula] : []), ...body, ...annexNodes]);
  } catch {
    return null;
  }
  return { doc: text, report: { ...reportOf(text, lines, annexes), warnings: warnings.sorted() } };
}

// The report of a read by the styles: the numbers are the derived ones; the warnings are the caller's.
function reportOf(text: PMNode, lines: Map<PMNode, number>, annexes: { id: string; printed: string; line: number; heading: PMNode | null }[]): ImportReport {
  const numbering = sequentialNumbering(text);
  const paragraphs: RecognisedParagraph[] = [];
  let i = 0;
  const footnotes: ImportReport['footnotes'] = [];
  text.descendants((node) => {
    if (node.type.name === 'footnote') footnotes.push({ printed: footnotes.length + 1, text: node.textContent, line: 0, references: 1 });
    if (!lines.has(node)) return true;
    const n = numbering.paragraphs[i++]!;
    paragraphs.push({ id: n.id, kind: n.kind, level: n.kind === 'subparagraph' ? (n.level as 1 | 2) : null, printed: n.label || null, lines: [lines.get(node)!], annex: n.annex });
    return true;
  });
  return {
    heading: null,
    title: text.firstChild!.textContent,
    formula: text.childCount > 1 && text.child(1).type.name === 'formula' ? text.child(1).textContent : null,
    paragraphs,
    annexes: annexes.map((a) => ({ id: a.id, printed: a.printed, heading: a.heading?.textContent ?? '', line: a.line })),
    footnotes,
    warnings: [],
  };
}
