/**
 * A comparison as a Word redline: the newer text laid out as the Word export lays out a text
 * (same styles, same A4 page), with every change a real Word tracked change (`w:ins`, `w:del`)
 * by "Penholder", so that a delegation can accept or reject each one in Word, and "accept all"
 * gives the newer text. Paragraphs inserted or deleted whole carry a tracked paragraph mark too.
 * Numbers are typed, not Word lists: a renumbered paragraph shows its old number struck and its
 * new one inserted, which a list field could not show.
 */
import { DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { FOOTNOTE_CLOSE, FOOTNOTE_OPEN, type ComparedParagraph, type Comparison, type UnitKind } from '../../shared/compare';
import type { Lang } from '../../shared/delegations';
import { A4_PAGE } from './docx';
import { DocxRunStyles, DocxStyles, paragraphStyle, styles } from './docxStyles';

/** The author Word shows for every tracked change of a redline. */
export const REDLINE_AUTHOR = 'Penholder';

/** What a redline says about the two texts besides the comparison. */
export interface RedlineOptions {
  /** The older and newer text as people name them: "L.9/Rev.1", "working text". */
  left: string;
  right: string;
  /** The symbol printed at the top (the newer text's). */
  symbol: string;
  /** The language of the heading lines and the summary. */
  lang: Lang;
  /** When the comparison was made: the date of every tracked change (default: now). */
  date?: Date;
}

// Footnotes ride inline in a compared paragraph; the redline keeps them inline and visible,
// so a change inside a note is tracked where the note is.
const notesInline = (text: string, lang: Lang) =>
  text
    .split(FOOTNOTE_OPEN)
    .join(lang === 'zh' ? '〔脚注：' : ' [footnote: ')
    .split(FOOTNOTE_CLOSE)
    .join(lang === 'zh' ? '〕' : ']');

// The level of a subparagraph from its reference: "OP 4 (c)" is 1, "OP 4 (c) (ii)" is 2.
function levelOf(ref: string): 1 | 2 {
  return (ref.match(/\([a-z]+\)/g) ?? []).length >= 2 ? 2 : 1;
}

function styleOf(row: ComparedParagraph): string {
  const kind: UnitKind = row.kind;
  if (kind === 'title') return DocxStyles.title;
  if (kind === 'formula') return DocxStyles.formula;
  if (kind === 'annexHeading') return DocxStyles.annexHeading;
  const side = row.right ?? row.left;
  return paragraphStyle(kind, kind === 'subparagraph' ? levelOf(side?.ref ?? '') : 0);
}

class Revisions {
  private next = 1;
  constructor(private readonly date: string) {}

  mark() {
    return { id: this.next++, author: REDLINE_AUTHOR, date: this.date };
  }
  insert(text: string, style?: string): InsertedTextRun {
    return new InsertedTextRun({ ...this.mark(), text, style });
  }
  delete(text: string, style?: string): DeletedTextRun {
    return new DeletedTextRun({ ...this.mark(), text, style });
  }
}

function labelRuns(row: ComparedParagraph, rev: Revisions): ParagraphChild[] {
  const before = row.left?.label ?? '';
  const after = row.right?.label ?? '';
  const style = DocxRunStyles.label;
  if (row.status === 'inserted') return after ? [rev.insert(`${after}\t`, style)] : [];
  if (row.status === 'deleted') return before ? [rev.delete(`${before}\t`, style)] : [];
  if (before === after) return after ? [new TextRun({ text: `${after}\t`, style })] : [];
  const out: ParagraphChild[] = [];
  if (before) out.push(rev.delete(before, style));
  if (after) out.push(rev.insert(after, style));
  out.push(new TextRun({ text: '\t', style }));
  return out;
}

function textRuns(row: ComparedParagraph, rev: Revisions, lang: Lang): ParagraphChild[] {
  const read = (t: string) => notesInline(t, lang);
  if (row.status === 'inserted') return [rev.insert(read(row.right?.text ?? ''))];
  if (row.status === 'deleted') return [rev.delete(read(row.left?.text ?? ''))];
  if (!row.segments) return [new TextRun(read(row.right?.text ?? ''))];
  return row.segments
    .filter((s) => s.text !== '')
    .map((s) => (s.op === 'equal' ? new TextRun(read(s.text)) : s.op === 'insert' ? rev.insert(read(s.text)) : rev.delete(read(s.text))));
}

function rowParagraph(row: ComparedParagraph, rev: Revisions, lang: Lang): Paragraph {
  const children = [...labelRuns(row, rev), ...textRuns(row, rev, lang)];
  // A paragraph inserted or deleted whole: its paragraph mark is tracked, so that accepting or
  // rejecting the change in Word removes the empty paragraph too.
  const run = row.status === 'inserted' ? { insertion: rev.mark() } : row.status === 'deleted' ? { deletion: rev.mark() } : undefined;
  return new Paragraph({ style: styleOf(row), children, run });
}

function headingParagraphs(comparison: Comparison, options: RedlineOptions): Paragraph[] {
  const line = (text: string, style: string = DocxStyles.meta) => new Paragraph({ style, children: [new TextRun(text)] });
  const zh = options.lang === 'zh';
  return [
    line(options.symbol, DocxStyles.symbol),
    line(zh ? `比较：${options.left} → ${options.right}` : `Comparison of ${options.left} with ${options.right}`),
    line(zh ? `修订以修订标记显示（${REDLINE_AUTHOR}）。` : `Changes are shown as tracked changes (${REDLINE_AUTHOR}); accept all to obtain ${options.right}.`),
    line(zh ? comparison.summary.zh : comparison.summary.en, DocxStyles.proponent),
  ];
}

/** The date Word records for a change: ISO-8601 to the second. */
function wordDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Build the redline .docx of a comparison; resolves with the file's bytes. */
export async function exportRedline(comparison: Comparison, options: RedlineOptions): Promise<Buffer> {
  const rev = new Revisions(wordDate(options.date ?? new Date()));
  const body = comparison.paragraphs.map((row) => rowParagraph(row, rev, options.lang));
  const file = new Document({
    creator: REDLINE_AUTHOR,
    title: `${options.left} → ${options.right}`,
    description: `Comparison of ${options.left} with ${options.right}`,
    styles,
    sections: [{ properties: { page: A4_PAGE }, children: [...headingParagraphs(comparison, options), ...body] }],
  });
  return Packer.toBuffer(file);
}
