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

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ROMAN: [number, string][] = [
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

// The labels a UN text's lists print at each level: 1., (a), (i). Only the importer's evidence;
// the numbers are derived again once the text is in.
function listLabel(level: number, n: number): string {
  if (level === 0) return `${n}.`;
  if (level === 1) return `(${LETTERS[(n - 1) % 26]!.repeat(Math.floor((n - 1) / 26) + 1)})`;
  let roman = '';
  for (const [value, sign] of ROMAN) while (n >= value) (roman += sign), (n -= value);
  return `(${roman})`;
}

/** A Word document as the lines a printed page shows, for the plain-text importer. */
export function printedLines(doc: WordDocument): string {
  const counters = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const notes: string[] = [];
  const lines: string[] = [];
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
    let label = '';
    if (p.numbering?.isOrdered) {
      const level = Math.min(Number(p.numbering.level) || 0, 8);
      counters[level]!++;
      counters.fill(0, level + 1);
      label = `${listLabel(level, counters[level]!)} `;
    }
    const text = render(p.children).replace(/\s+/g, ' ').trim();
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
    if (penholder) return ok({ ...penholder, readAs: 'penholder' });
  }
  const imported = importPlainText(printedLines(doc), options);
  if (!imported.ok) return fail({ reason: 'no-text', message: `The Word file holds no text to import. ${imported.error}` });
  return ok({ ...imported.value, readAs: 'word' });
}
