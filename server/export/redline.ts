/**
 * A comparison as a Word redline: the newer text laid out as the Word export lays out a text
 * (same styles, same A4 page and page furniture), with every change a real Word tracked change,
 * so that a delegation can accept or reject each one in Word, and "accept all" gives the newer
 * text:
 * - words inserted and deleted as `w:ins` / `w:del`; a paragraph inserted or deleted whole
 *   carries a tracked paragraph mark too;
 * - a paragraph that moved as a Word move: `w:moveFrom` where it stood (inside
 *   `w:moveFromRangeStart` / `End`) and `w:moveTo` where it stands (inside `w:moveToRangeStart` /
 *   `End`), the two ranges joined by one name; words changed on the way are `w:del` at the old
 *   place and `w:ins` at the new. The place it left is found in the older text's order
 *   (`RedlineOptions.leftOrder`), else from the older side's references (`orderFromReferences`);
 * - footnotes as real Word footnotes (footnotes.xml, `w:footnoteReference`), a change inside a
 *   note tracked inside the note, a note inserted or deleted with its reference tracked;
 * - each insertion by the delegation that typed it where the history knows it
 *   (`RedlineOptions.authors`, from server/export/redlineAuthors.ts), else by "Penholder";
 * - right-to-left paragraphs (Arabic) marked `w:bidi`, their runs `w:rtl`.
 * Numbers are typed, not Word lists: a renumbered paragraph shows its old number struck and its
 * new one inserted, which a list field could not show.
 */
import { BuilderElement, DeletedTextRun, Document, FootnoteReferenceRun, InsertedTextRun, Packer, Paragraph, TextRun, type ParagraphChild, type XmlComponent } from 'docx';
import { FOOTNOTE_CLOSE, FOOTNOTE_OPEN, type ComparedParagraph, type Comparison, type Segment, type UnitKind } from '../../shared/compare';
import type { Lang } from '../../shared/delegations';
import { printable } from '../../shared/export/printable';
import { isRightToLeft } from '../../shared/languages';
import { REDLINE_WORDS } from './redlineWords';
import { readBlocks } from '../../shared/export/blocks';
import { parseOrdinal, parseRef, type OrdinalStyle } from '../../shared/numberingLabels';
import { runsRightToLeft } from '../../shared/export/direction';
import type { TextJSON } from '../../shared/schema';
import type { Node as PMNode } from 'prosemirror-model';
import { A4_PAGE } from './docx';
import { PAGE_FURNITURE_DOCUMENT, pageFurniture } from './docxLayout';
import { DocxRunStyles, DocxStyles, paragraphStyle, styles } from './docxStyles';

/** The author Word shows for a tracked change whose author the history does not know. */
export const REDLINE_AUTHOR = 'Penholder';

/** Who typed the characters of one paragraph of the newer text, as the log says. */
export interface ParagraphAuthors {
  /** The paragraph's characters, footnotes' included, without markers: the runs must spell this text. */
  text: string;
  /** Consecutive characters by one author (a delegation's name), null where unknown. */
  runs: readonly { author: string | null; length: number }[];
  /**
   * Who deleted the characters of the paragraph in the older text, where known (a pending
   * proposal's deletions): `text` spells the older paragraph as `text` above spells the newer one.
   */
  deletions?: { text: string; runs: readonly { author: string | null; length: number }[] };
  /** Who moved the paragraph, or inserted or deleted it whole (its paragraph mark, a move's ranges), where known. */
  wholeBy?: string | null;
}

/** What a redline says about the two texts besides the comparison. */
export interface RedlineOptions {
  /** The older and newer text as people name them: "L.9/Rev.1", "working text". */
  left: string;
  right: string;
  /** The symbol printed at the top (the newer text's). */
  symbol: string;
  /** The language of the heading lines, the summary and the labels. */
  lang: Lang;
  /** The language the texts are written in ("ar" runs right to left); by default `lang`. */
  textLanguage?: string;
  /** When the comparison was made: the date of every tracked change (default: now). */
  date?: Date;
  /** The older text's paragraphs and annexes in order (`blockOrder`): where a moved paragraph stood; read from the references when absent. */
  leftOrder?: readonly string[];
  /** Who typed each paragraph of the newer text, by paragraph id. */
  authors?: ReadonlyMap<string, ParagraphAuthors>;
}

/** The ids of a text's paragraphs and annexes in order: the `leftOrder` of a redline. */
export function blockOrder(text: PMNode | TextJSON): string[] {
  return readBlocks(text).blocks.flatMap((b) => (b.role === 'paragraph' || b.role === 'annex' ? [b.id] : []));
}

const LEVEL_STYLES: Record<'pp' | 'op' | 'lettered', readonly OrdinalStyle[]> = { pp: ['arabic'], op: ['arabic', 'letter', 'roman'], lettered: ['letter', 'roman'] };
const HEAD_ORDER = { pp: 0, lettered: 1, op: 2 } as const;

// A reference as a sort key: annex, preambular before operative, then each ordinal with its "bis".
function refKey(ref: string): number[] | null {
  const parsed = parseRef(ref);
  if (!parsed) return null;
  const key = [parsed.annex ?? -1, HEAD_ORDER[parsed.head]];
  for (const [i, token] of parsed.path.entries()) {
    const style = LEVEL_STYLES[parsed.head][i];
    const ordinal = style ? parseOrdinal(token, style) : null;
    if (!ordinal || ordinal.n === 0) return null;
    key.push(ordinal.n, ordinal.k);
  }
  return key;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * The older text's order read from the comparison alone, for a caller that has not the text: the
 * older side's references ("PP 2", "OP 4 (c)", "Annex I, para. 3 bis") number an issued or
 * negotiated text in document order. Paragraphs a reference does not number (unnumbered ones,
 * "new") are left out, so a move next to one may be placed a paragraph early.
 */
export function orderFromReferences(comparison: Comparison): string[] {
  return comparison.paragraphs
    .flatMap((row) => {
      const key = row.left?.id ? refKey(row.left.ref) : null;
      return key ? [{ id: row.left!.id, key }] : [];
    })
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((k) => k.id);
}

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

type Mark = { id: number; author: string; date: string };
type Op = Segment['op'];

// A tracked-change element the docx package has no class for (moves, a footnote reference inside an insertion).
function wordElement(name: string, attrs: Record<string, string | number>, children?: XmlComponent[]): ParagraphChild {
  const attributes = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, { key: `w:${k}`, value: v }]));
  return new BuilderElement({ name, attributes, children }) as unknown as ParagraphChild;
}

class Revisions {
  private next = 1;
  private moves = 0;
  constructor(private readonly date: string) {}

  mark(author: string = REDLINE_AUTHOR): Mark {
    return { id: this.next++, author, date: this.date };
  }
  moveName(): string {
    return `move${++this.moves}`;
  }
}

/** How a piece of text is tracked: unchanged, inserted, deleted, or one side of a move. */
type Track = Op | 'moveFrom' | 'moveTo';

class Writer {
  readonly notes: Record<string, { children: Paragraph[] }> = {};
  private nextNote = 1;

  /** Whether the paragraph being written runs right to left. */
  rtl = false;

  constructor(readonly rev: Revisions) {}

  run(track: Track, words: string, author: string = REDLINE_AUTHOR, style?: string): ParagraphChild {
    const rightToLeft = this.rtl || undefined;
    const text = printable(words);
    if (track === 'insert') return new InsertedTextRun({ ...this.rev.mark(author), text, style, rightToLeft });
    if (track === 'delete') return new DeletedTextRun({ ...this.rev.mark(author), text, style, rightToLeft });
    const run = new TextRun({ text, style, rightToLeft });
    if (track === 'equal') return run;
    const m = this.rev.mark(author);
    return wordElement(`w:${track}`, { id: m.id, author: m.author, date: m.date }, [run as unknown as XmlComponent]);
  }

  // A footnote with its own tracked runs, and its reference tracked as the marker that opened it.
  footnote(track: Track, pieces: readonly { track: Track; text: string; author?: string }[], author?: string): ParagraphChild {
    const id = this.nextNote++;
    const children = pieces.filter((p) => p.text !== '').map((p) => this.run(p.track === 'moveFrom' || p.track === 'moveTo' ? 'equal' : p.track, p.text, p.author));
    this.notes[id] = { children: [new Paragraph({ bidirectional: this.rtl || undefined, children })] };
    const reference = new FootnoteReferenceRun(id) as unknown as XmlComponent;
    if (track === 'equal') return reference as unknown as ParagraphChild;
    const m = this.rev.mark(author);
    const name = track === 'insert' ? 'w:ins' : track === 'delete' ? 'w:del' : `w:${track}`;
    return wordElement(name, { id: m.id, author: m.author, date: m.date }, [reference]);
  }
}

/** A piece of a paragraph's text with how it is tracked and, where known, who made the change. */
interface Piece {
  track: Track;
  text: string;
  author?: string;
}

// The author of `length` characters from `from` of the newer text: the run that holds most of them.
function authorAt(authors: ParagraphAuthors | undefined, from: number, length: number): string | undefined {
  if (!authors) return undefined;
  const count = new Map<string, number>();
  let at = 0;
  for (const run of authors.runs) {
    const start = Math.max(at, from);
    const end = Math.min(at + run.length, from + length);
    if (run.author && end > start) count.set(run.author, (count.get(run.author) ?? 0) + (end - start));
    at += run.length;
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const stripMarkers = (text: string) => text.split(FOOTNOTE_OPEN).join('').split(FOOTNOTE_CLOSE).join('');

// Lays out a paragraph's pieces: text outside notes as runs, each note as a Word footnote.
function layOut(pieces: readonly Piece[], w: Writer): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let note: { track: Track; author?: string; pieces: { track: Track; text: string; author?: string }[] } | null = null;
  for (const piece of pieces) {
    let rest = piece.text;
    while (rest !== '') {
      if (note) {
        const close = rest.indexOf(FOOTNOTE_CLOSE);
        const inside = close === -1 ? rest : rest.slice(0, close);
        if (inside) note.pieces.push({ track: piece.track, text: inside, author: piece.author });
        if (close === -1) break;
        out.push(w.footnote(note.track, note.pieces, note.author));
        note = null;
        rest = rest.slice(close + FOOTNOTE_CLOSE.length);
      } else {
        const open = rest.indexOf(FOOTNOTE_OPEN);
        const before = (open === -1 ? rest : rest.slice(0, open)).split(FOOTNOTE_CLOSE).join('');
        if (before) out.push(w.run(piece.track, before, piece.author));
        if (open === -1) break;
        note = { track: piece.track, author: piece.author, pieces: [] };
        rest = rest.slice(open + FOOTNOTE_OPEN.length);
      }
    }
  }
  if (note) out.push(w.footnote(note.track, note.pieces, note.author));
  return out;
}

// The pieces of a row on one side: `side` 'both' for a row shown once, 'from' / 'to' for the two places of a move.
// `authors` says who typed the newer text's characters, `deletions` who deleted the older text's.
function piecesOf(
  row: ComparedParagraph,
  side: 'both' | 'from' | 'to',
  authors: ParagraphAuthors | undefined,
  deletions?: ParagraphAuthors['deletions'],
  movedBy?: string,
): Piece[] {
  const segments: Segment[] =
    row.status === 'inserted'
      ? [{ op: 'insert', text: row.right?.text ?? '' }]
      : row.status === 'deleted'
        ? [{ op: 'delete', text: row.left?.text ?? '' }]
        : (row.segments ?? [{ op: 'equal', text: row.right?.text ?? '' }]);
  const out: Piece[] = [];
  let at = 0; // characters of the newer text so far, markers left out
  let was = 0; // and of the older text
  for (const s of segments) {
    if (s.text === '') continue;
    const length = stripMarkers(s.text).length;
    if (s.op === 'insert') {
      if (side !== 'from') out.push({ track: 'insert', text: s.text, author: authorAt(authors, at, length) });
      at += length;
    } else if (s.op === 'delete') {
      if (side !== 'to') out.push({ track: 'delete', text: s.text, author: authorAt(deletions, was, length) });
      was += length;
    } else {
      out.push({ track: side === 'from' ? 'moveFrom' : side === 'to' ? 'moveTo' : 'equal', text: s.text, author: side === 'both' ? undefined : movedBy });
      at += length;
      was += length;
    }
  }
  return out;
}

function labelRuns(row: ComparedParagraph, side: 'both' | 'from' | 'to', w: Writer): ParagraphChild[] {
  const before = row.left?.label ?? '';
  const after = row.right?.label ?? '';
  const style = DocxRunStyles.label;
  if (side === 'from') return before ? [w.run('moveFrom', `${before}\t`, undefined, style)] : [];
  if (side === 'to') return after ? [w.run('moveTo', `${after}\t`, undefined, style)] : [];
  if (row.status === 'inserted') return after ? [w.run('insert', `${after}\t`, undefined, style)] : [];
  if (row.status === 'deleted') return before ? [w.run('delete', `${before}\t`, undefined, style)] : [];
  if (before === after) return after ? [w.run('equal', `${after}\t`, undefined, style)] : [];
  const out: ParagraphChild[] = [];
  if (before) out.push(w.run('delete', before, undefined, style));
  if (after) out.push(w.run('insert', after, undefined, style));
  out.push(w.run('equal', '\t', undefined, style));
  return out;
}

function rowParagraph(row: ComparedParagraph, side: 'both' | 'from' | 'to', w: Writer, options: RedlineOptions, moveName?: string): Paragraph {
  const id = row.right?.id || row.left?.id;
  const authors = id ? options.authors?.get(id) : undefined;
  // Who typed it counts only where the history's text is the compared text: the runs must spell it.
  const known = authors && row.right && authors.text === stripMarkers(row.right.text) ? authors : undefined;
  const deletions = authors?.deletions && row.left && authors.deletions.text === stripMarkers(row.left.text) ? authors.deletions : undefined;
  const wholeBy = authors?.wholeBy ?? undefined;
  const text = stripMarkers(row.right?.text ?? row.left?.text ?? '');
  w.rtl = runsRightToLeft(options.textLanguage ?? options.lang, text);
  const bidirectional = w.rtl || undefined;
  let children = [...labelRuns(row, side, w), ...layOut(piecesOf(row, side, known, deletions, wholeBy), w)];
  if (moveName) {
    // The range of a move: its start carries the name that joins the two places.
    const kind = side === 'from' ? 'moveFrom' : 'moveTo';
    const m = w.rev.mark(wholeBy);
    const start = wordElement(`w:${kind}RangeStart`, { id: m.id, author: m.author, date: m.date, name: moveName });
    children = [start, ...children, wordElement(`w:${kind}RangeEnd`, { id: m.id })];
  }
  // A paragraph inserted or deleted whole (or either place of a move): its paragraph mark is
  // tracked, so that accepting or rejecting the change in Word removes the empty paragraph too.
  const inserted = row.status === 'inserted' || side === 'to';
  const deleted = row.status === 'deleted' || side === 'from';
  const run = inserted ? { insertion: w.rev.mark(wholeBy) } : deleted ? { deletion: w.rev.mark(wholeBy) } : undefined;
  return new Paragraph({ style: styleOf(row), bidirectional, children, run });
}

const isMove = (row: ComparedParagraph) => row.status === 'moved' || row.status === 'moved-and-changed';

// Where each moved paragraph stood: after the nearest paragraph before it in the older text that
// kept its place ('start': before the first such paragraph). Moves are taken in the older text's
// order, so paragraphs that moved away together stand together again.
function placesOfMoves(rows: readonly ComparedParagraph[], leftOrder: readonly string[] | undefined): Map<number | 'start', number[]> {
  const places = new Map<number | 'start', number[]>();
  if (!leftOrder) return places;
  const rowOfLeft = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.left?.id) rowOfLeft.set(r.left.id, i);
  });
  const moved = rows
    .map((r, i) => ({ r, i, at: r.left?.id ? leftOrder.indexOf(r.left.id) : -1 }))
    .filter(({ r, at }) => isMove(r) && at >= 0)
    .sort((a, b) => a.at - b.at);
  for (const { i, at } of moved) {
    let anchor: number | 'start' = 'start';
    for (let j = at - 1; j >= 0; j--) {
      const row = rowOfLeft.get(leftOrder[j]!);
      if (row !== undefined && !isMove(rows[row]!)) {
        anchor = row;
        break;
      }
    }
    places.set(anchor, [...(places.get(anchor) ?? []), i]);
  }
  return places;
}

function bodyParagraphs(comparison: Comparison, w: Writer, options: RedlineOptions): Paragraph[] {
  const rows = comparison.paragraphs;
  const places = placesOfMoves(rows, options.leftOrder ?? orderFromReferences(comparison));
  const names = new Map<number, string>();
  const placed = new Set([...places.values()].flat());
  for (const i of placed) names.set(i, w.rev.moveName());
  const from = (indexes: readonly number[] | undefined) => (indexes ?? []).map((i) => rowParagraph(rows[i]!, 'from', w, options, names.get(i)));
  const out: Paragraph[] = [];
  const firstKept = rows.findIndex((r) => r.left?.id && !isMove(r));
  rows.forEach((row, i) => {
    if (i === firstKept) out.push(...from(places.get('start')));
    out.push(placed.has(i) ? rowParagraph(row, 'to', w, options, names.get(i)) : rowParagraph(row, 'both', w, options));
    out.push(...from(places.get(i)));
  });
  if (firstKept === -1) out.push(...from(places.get('start')));
  return out;
}

function headingParagraphs(comparison: Comparison, options: RedlineOptions): Paragraph[] {
  const { lang } = options;
  const rtl = isRightToLeft(lang) || undefined;
  const line = (text: string, style: string = DocxStyles.meta) => new Paragraph({ style, bidirectional: rtl, children: [new TextRun({ text, rightToLeft: rtl })] });
  const words = REDLINE_WORDS[lang];
  return [
    line(options.symbol, DocxStyles.symbol),
    line(words.comparison(options.left, options.right)),
    line(words.how(options.right, REDLINE_AUTHOR)),
    line(words.legend),
    line(comparison.summary[lang], DocxStyles.proponent),
  ];
}

/** The date Word records for a change: ISO-8601 to the second. */
function wordDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Build the redline .docx of a comparison; resolves with the file's bytes. */
export async function exportRedline(comparison: Comparison, options: RedlineOptions): Promise<Buffer> {
  const rev = new Revisions(wordDate(options.date ?? new Date()));
  const w = new Writer(rev);
  const body = bodyParagraphs(comparison, w, options);
  const { titlePage, ...furniture } = pageFurniture(options.symbol, isRightToLeft(options.lang));
  const file = new Document({
    ...PAGE_FURNITURE_DOCUMENT,
    creator: REDLINE_AUTHOR,
    title: `${options.left} → ${options.right}`,
    description: `Comparison of ${options.left} with ${options.right}`,
    styles,
    footnotes: w.notes,
    sections: [{ ...furniture, properties: { page: A4_PAGE, titlePage }, children: [...headingParagraphs(comparison, options), ...body] }],
  });
  return Packer.toBuffer(file);
}
