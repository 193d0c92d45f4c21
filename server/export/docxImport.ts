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
import type { Lang } from '../../shared/languages';
import { operativeLabel, subparagraphLabel } from '../../shared/numberingLabels';
import { fail, ok, type Result } from '../../shared/result';
import { MAX_DOCX_BYTES, type ImportError } from '../../shared/export/transfer';
import { superscript } from '../../shared/export/plainText';
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

/**
 * A Word document as the lines a printed page shows, for the plain-text importer; list numbers
 * are spelled as `lang` prints them (guessed from the document's words when not given).
 */
export function printedLines(doc: WordDocument, lang?: Lang): string {
  const counters = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const notes: string[] = [];
  const rows: { level: number | null; text: string }[] = [];
  const render = (nodes: readonly WordNode[] | undefined): string => {
    let out = '';
    for (const n of nodes ?? []) {
      if (n.type === 'noteReference') {
        notes.push(`${superscript(notes.length + 1)} ${noteText(doc, n)}`);
        out += superscript(notes.length);
      } else if (n.type === 'text' || n.type === 'tab' || n.type === 'break') out += textOf([n]);
      else out += render(n.children);
    }
    return out;
  };
  for (const p of paragraphsOf(doc.children)) {
    const text = render(p.children).replace(/\s+/g, ' ').trim();
    const level = p.numbering?.isOrdered ? Math.min(Number(p.numbering.level) || 0, 8) : null;
    // A numbered paragraph without text still counts in its list, as Word counts it.
    if (text !== '' || level !== null) rows.push({ level, text });
  }
  const language = lang ?? guessLanguage(rows.map((r) => r.text).join('\n'));
  const lines: string[] = [];
  for (const { level, text } of rows) {
    let label = '';
    if (level !== null) {
      counters[level]!++;
      counters.fill(0, level + 1);
      label = `${listLabel(level, counters[level]!, language)} `;
    }
    if (text !== '') lines.push(label + text);
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
