/**
 * Word in: a .docx becomes a text of the schema and a report of what was recognised, which the
 * user confirms before anything is created. A file Penholder exported is read by its styles
 * (docxPenholder.ts), exactly; any other Word file is read as its printed lines — list numbers
 * and footnotes rendered as the page shows them — and handed to the plain-text importer of
 * `shared/`, so that Word and pasted text are recognised by one set of rules.
 *
 * The file itself is unpacked and parsed in a thread of its own, within limits (wordThread.ts):
 * what comes back to this thread is a model of bounded size.
 */
import { importPlainText, type ImportOptions, type ImportResult } from '../../shared/importText';
import { guessLanguage } from '../../shared/import/conventions';
import { readAnnexMarker } from '../../shared/import/headings';
import { classifyLine, endsWithComma } from '../../shared/import/lines';
import type { Lang } from '../../shared/languages';
import { operativeLabel, subparagraphLabel } from '../../shared/numberingLabels';
import { fail, ok, type Result } from '../../shared/result';
import { MAX_DOCX_BYTES, type ImportError } from '../../shared/export/transfer';
import { superscript } from '../../shared/export/plainText';
import { listLevel, WordListCounter, type ListedParagraph } from './docxListNumbers';
import { isPenholderDocument, readPenholderDocument } from './docxPenholder';
import { noteText, paragraphsOf, textOf, type WordDocument, type WordNode } from './wordModel';
import { DEFAULT_WORD_LIMITS, readWordInThread, type WordReadLimits } from './wordThread';
import { listZip } from './zipCheck.mjs';

/** What a Word import gives back: the text, the report, and how the file was read. */
export interface DocxImportResult extends ImportResult {
  /** 'penholder': read by Penholder's styles; 'word': read as printed lines by the plain-text importer. */
  readAs: 'penholder' | 'word';
}

/** Options of `importDocx`. */
export interface DocxImportOptions extends ImportOptions {
  /** The size limit in bytes (default MAX_DOCX_BYTES). */
  maxBytes?: number;
  /** The bounds of reading the file (default DEFAULT_WORD_LIMITS). */
  limits?: Partial<WordReadLimits>;
}

// The labels a UN text's lists print at each level, in the text's language: 1. (a) (i); Arabic
// 1 - (أ) ’1‘; French a) i) … Only the importer's evidence; the numbers are derived again once the text is in.
function listLabel(level: number, n: number, lang: Lang): string {
  if (level === 0) return operativeLabel(String(n), lang);
  return subparagraphLabel({ n, k: 0 }, level === 1 ? 1 : 2, lang);
}

// A soft line break (w:br) inside a paragraph, until it is known whether it starts a printed line.
// U+0000 cannot occur in XML, so no text of the document is taken for it.
const SOFT_BREAK = '\u0000';

/**
 * The body without its symbol block: a table above the first paragraph of text ("United Nations",
 * the symbol, "Distr.: General", the date) is the page's furniture; read as lines, its "United
 * Nations" was taken for the title. The lines under it (session, agenda item, sponsors) are left
 * to the plain-text importer, as in a pasted text. A table with a line ending in a comma (a
 * formula, a preambular paragraph) or numbered by Word is the text itself, set in a table, and stays.
 */
function withoutSymbolBlock(nodes: readonly WordNode[]): readonly WordNode[] {
  const first = nodes.findIndex((n) => n.type === 'paragraph' && textOf(n.children).trim() !== '');
  const isText = (table: WordNode) => paragraphsOf([table]).some((p) => p.numbering || (p as ListedParagraph).list || endsWithComma(textOf(p.children).trim()));
  return first <= 0 ? nodes : nodes.filter((n, i) => i > first || n.type !== 'table' || isText(n));
}

/**
 * The printed lines of one paragraph's text, in `lang`: a soft line break before a typed label
 * ("3. Encourages all States:<br>(a)<tab>To cooperate;") starts a line of its own, as the page
 * shows it, so that the subparagraph is read as one; any other soft break is a space.
 */
function splitAtLabels(text: string, lang: Lang): string[] {
  const lines: string[] = [];
  for (const piece of text.split(SOFT_BREAK).map((t) => t.replace(/\s+/g, ' ').trim())) {
    if (piece === '') continue;
    const kind = classifyLine(piece, 0, false, lang).kind;
    if (lines.length === 0 || kind === 'numbered' || kind === 'lettered') lines.push(piece);
    else lines[lines.length - 1] += ` ${piece}`;
  }
  return lines;
}

/**
 * A Word document as the lines a printed page shows, for the plain-text importer; list numbers
 * are counted as Word counts them (docxListNumbers.ts) and spelled as `lang` prints them (guessed
 * from the document's words when not given).
 */
export function printedLines(doc: WordDocument, lang?: Lang): string {
  const counters = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const word = new WordListCounter();
  const notes: string[] = [];
  const rows: { p: WordNode; level: number | null; text: string }[] = [];
  const render = (nodes: readonly WordNode[] | undefined): string => {
    let out = '';
    for (const n of nodes ?? []) {
      if (n.type === 'noteReference') {
        notes.push(`${superscript(notes.length + 1)} ${noteText(doc, n)}`);
        out += superscript(notes.length);
      } else if (n.type === 'break') out += SOFT_BREAK;
      else if (n.type === 'text' || n.type === 'tab') out += textOf([n]);
      else out += render(n.children);
    }
    return out;
  };
  for (const p of paragraphsOf(withoutSymbolBlock(doc.children))) {
    const text = render(p.children).trim();
    const level = listLevel(p);
    // A numbered paragraph without text still counts in its list, as Word counts it.
    if (text.replaceAll(SOFT_BREAK, ' ').trim() !== '' || level !== null) rows.push({ p, level, text });
  }
  const language = lang ?? guessLanguage(rows.map((r) => r.text.replaceAll(SOFT_BREAK, ' ')).join('\n'));
  const lines: string[] = [];
  for (const { p, level, text } of rows) {
    const [first = '', ...more] = splitAtLabels(text, language);
    // Each annex numbers its paragraphs from 1 again, as UN texts and Penholder's exports do,
    // whether or not the file's list goes on from the body's: its 1. is not a jump from the body's 3.
    if (level === null && readAnnexMarker(first)) {
      counters.fill(0);
      word.restart();
    }
    let label = '';
    // Word's count where the file says how it numbers the paragraph (a bullet counts in its list
    // too); otherwise the count by level.
    const counted = word.next(p);
    if (level !== null) {
      const n = counted ?? counters[level]! + 1;
      counters[level] = n;
      counters.fill(0, level + 1);
      label = `${listLabel(level, n, language)} `;
    }
    if (first !== '') lines.push(label + first);
    lines.push(...more);
  }
  return [...lines, ...notes].join('\n\n');
}

/** Read a .docx; a file that is empty, too large, not Word or damaged (or a reader too busy) is refused with its reason. */
export async function importDocx(bytes: Uint8Array, options: DocxImportOptions = {}): Promise<Result<DocxImportResult, ImportError>> {
  const max = options.maxBytes ?? MAX_DOCX_BYTES;
  if (bytes.byteLength === 0) return fail({ reason: 'empty', message: 'The file is empty.' });
  if (bytes.byteLength > max) {
    return fail({ reason: 'too-large', message: `The file is larger than ${Math.round(max / 1024 / 1024)} MB; a resolution's Word file is far smaller.` });
  }
  const limits = { ...DEFAULT_WORD_LIMITS, ...options.limits };
  // The central directory alone (no inflating) refuses what is plainly not a Word file, or admits
  // to being too large, without starting a thread; what it declares is checked again while reading.
  const listed = listZip(bytes, limits.unpackedBytes);
  if (!listed.ok) return listed;
  const read = await readWordInThread(bytes, limits);
  if (!read.ok) return read;
  const doc = read.value.doc;
  if (isPenholderDocument(doc)) {
    const penholder = readPenholderDocument(doc, options.newId);
    if (penholder) {
      const lang = options.lang ?? guessLanguage(printedLines(doc, 'en'));
      return ok({ ...penholder, report: { ...penholder.report, lang, langGuessed: options.lang === undefined }, readAs: 'penholder' });
    }
  }
  const imported = importPlainText(printedLines(doc, options.lang), options);
  if (!imported.ok) return fail({ reason: 'no-text', message: `The Word file holds no text to import. ${imported.error}` });
  return ok({ ...imported.value, readAs: 'word' });
}
