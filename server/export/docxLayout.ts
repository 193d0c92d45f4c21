/**
 * The furniture of a UN document page, shared by the Word export and the redline: on the first
 * page the masthead and the symbol block (a borderless two-column table: "United Nations" and the
 * symbol in large type over a rule, then the body's name beside the right column of "Distr.:
 * Limited", the date and "Original: …"); from page 2 a header carrying the symbol (the first page
 * has a header of its own, empty, as Word's "different first page" asks), at the outer edge of
 * odd and even pages (mirrored in an Arabic document, bound on the right); page numbers in the
 * footer as a PAGE field, not typed.
 */
import { AlignmentType, BorderStyle, Footer, Header, PageNumber, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType, type ISectionOptions } from 'docx';
import type { HeadingLines } from '../../shared/export/meta';
import { DocxStyles } from './docxStyles';

// The text width of the A4 page of docx.ts (twips): 11906 less two margins of 1247.
const TEXT_WIDTH = 9412;
const RIGHT_COLUMN = 3969; // 7 cm, where UN documents set the distribution block

const line = (text: string, style: string = DocxStyles.meta, run: { bold?: boolean; size?: number; rightToLeft?: boolean } = {}, bidirectional?: boolean) =>
  new Paragraph({ style, bidirectional, children: text === '' ? [] : [new TextRun({ text, ...run })] });

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const RULE = { style: BorderStyle.SINGLE, size: 12, color: '000000' } as const;

function cell(children: Paragraph[], width: number, rule: boolean): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    borders: { top: NO_BORDER, left: NO_BORDER, right: NO_BORDER, bottom: rule ? RULE : NO_BORDER },
  });
}

/**
 * The symbol block of the first page: masthead and symbol over a rule, then the body's name beside "Distr.", date, the
 * version's language, "Original" (and "As orally amended"). An Arabic document mirrors it (`w:bidiVisual`): the masthead
 * and the body's name on the right, the symbol and the distribution block on the left, as Arabic UN documents print them.
 */
export function symbolBlock(lines: Pick<HeadingLines, 'masthead' | 'symbol' | 'distribution' | 'date' | 'version' | 'original' | 'amended' | 'organ'>, rightToLeft = false): Table {
  const left = TEXT_WIDTH - RIGHT_COLUMN;
  const rtl = rightToLeft || undefined;
  // The distribution block's lines are in English in an Arabic document, except "As orally amended".
  const right = [
    line(lines.distribution),
    line(lines.date),
    ...(lines.version ? [line(lines.version)] : []),
    line(lines.original),
    ...(lines.amended ? [line(lines.amended, DocxStyles.meta, { rightToLeft: rtl }, rtl)] : []),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, RIGHT_COLUMN],
    borders: TableBorders.NONE,
    visuallyRightToLeft: rtl,
    rows: [
      new TableRow({
        children: [
          cell([line(lines.masthead, DocxStyles.meta, { bold: true, size: 28, rightToLeft: rtl }, rtl)], left, true),
          // The symbol is Latin: in the mirrored block it stands at the page's left edge.
          cell([new Paragraph({ style: DocxStyles.symbol, alignment: rtl ? AlignmentType.LEFT : undefined, children: [new TextRun(lines.symbol)] })], RIGHT_COLUMN, true),
        ],
      }),
      new TableRow({ children: [cell([line(lines.organ, DocxStyles.meta, { bold: true, size: 28, rightToLeft: rtl }, rtl)], left, false), cell(right, RIGHT_COLUMN, false)] }),
    ],
  });
}

const symbolHeader = (symbol: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Header({ children: [new Paragraph({ style: DocxStyles.pageHeader, alignment, children: [new TextRun({ text: symbol, bold: true })] })] });
const pageFooter = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Footer({ children: [new Paragraph({ style: DocxStyles.pageFooter, alignment, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] });

/** What the document must say for its even pages to have headers of their own (set on `new Document`). */
export const PAGE_FURNITURE_DOCUMENT = { evenAndOddHeaderAndFooters: true } as const;

/**
 * Headers and footers of a UN document: the symbol from page 2, at the outer edge, page numbers
 * as a PAGE field at the outer edge too, nothing over the first page's block. The document needs
 * `PAGE_FURNITURE_DOCUMENT`.
 *
 * The outer edge is the right of odd pages and the left of even ones in a document bound on the
 * left. A right-to-left document is bound on the right, its odd pages stand on the left of each
 * spread, and the outer edge is mirrored: left on odd pages, right on even ones. The symbol and
 * the page number are Latin, so their paragraphs stay left to right and `left` means the left.
 */
export function pageFurniture(symbol: string, rightToLeft = false): Pick<ISectionOptions, 'headers' | 'footers'> & { titlePage: true } {
  const [odd, even] = rightToLeft ? [AlignmentType.LEFT, AlignmentType.RIGHT] : [AlignmentType.RIGHT, AlignmentType.LEFT];
  return {
    titlePage: true,
    headers: {
      first: new Header({ children: [new Paragraph({ children: [] })] }),
      default: symbolHeader(symbol, odd),
      even: symbolHeader(symbol, even),
    },
    footers: {
      first: new Footer({ children: [new Paragraph({ children: [] })] }),
      default: pageFooter(odd),
      even: pageFooter(even),
    },
  };
}
