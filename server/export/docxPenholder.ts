/**
 * Reading back a Word file that Penholder exported: every block carries its paragraph style
 * (docxStyles.ts), so the structure is read exactly instead of guessed; typed numbers and the
 * heading lines are left out (numbers are derived again), so is the note on a language version's
 * words not yet translated (its own character style), the house style's italic openings
 * are not taken for italics the drafters chose, and the hidden bookmarks give back paragraph
 * and annex ids. A file edited in Word keeps working as long as its paragraphs keep the styles.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { sequentialNumbering } from '../../shared/numbering';
import { newParagraphId, resolutionSchema as schema } from '../../shared/schema';
import type { ImportReport, ImportResult, RecognisedParagraph } from '../../shared/importText';
import { ID_BOOKMARK_PREFIX } from './docx';
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

/** Build the text and its report from a Penholder Word file; null when its blocks do not make a valid text. */
export function readPenholderDocument(doc: WordDocument, newId: () => string = newParagraphId): ImportResult | null {
  const reader = new Reader(doc, newId);
  let title: PMNode | null = null;
  let formula: PMNode | null = null;
  const body: PMNode[] = [];
  const annexes: { id: string; printed: string; line: number; heading: PMNode | null; content: PMNode[] }[] = [];
  const lines = new Map<PMNode, number>();
  paragraphsOf(doc.children).forEach((p, index) => {
    const style = p.styleId ?? '';
    if (!TEXT_STYLES.has(style)) return;
    const annex = annexes[annexes.length - 1];
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
  return { doc: text, report: reportOf(text, lines, annexes) };
}

// The report of an exact read: the numbers are the derived ones, there is nothing to warn about.
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
