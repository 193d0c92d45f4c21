/**
 * Reading a printed text with a given maker: the steps of `importPlainText` (shared/importText.ts),
 * and `importPlainTextJSON`, which makes the same text as JSON for a comparison of pasted texts
 * (no ProseMirror node made, none to check: the JSON is made to the schema).
 */
import { guessLanguage } from './conventions';
import { HAS_MARKER } from './footnotes';
import { buildPlain, buildStructured } from './build';
import { readLines } from './lines';
import { jsonMaker, ImportedJSON, type TextMaker } from './make';
import { markedParagraphs } from './marks';
import { hasStructure, outlineText } from './outline';
import { WarningLog, type ImportOptions, type ImportReport } from './report';
import { readTypedNotes } from './typedNotes';
import { fail, ok, type Result } from '../result';
import { newParagraphId } from '../schema';

/** Reads a resolution or decision as printed into a text made by `make`, and the report of what was recognised. */
export function readPrintedText<N>(text: string, options: ImportOptions, make: TextMaker<N>): Result<{ doc: N; report: ImportReport }, string> {
  const newId = options.newId ?? newParagraphId;
  const lang = options.lang ?? guessLanguage(text);
  const read = { lang, langGuessed: options.lang === undefined };
  // A line shaped like a note may be a paragraph opening with a mark: where the notes stand tells.
  const marked = markedParagraphs(readLines(text, lang));
  if (marked.length === 0) return fail('The text is empty: paste the text of a resolution or decision to import it.');
  if (marked.every((l) => l.kind === 'footnote')) {
    return fail('The text holds only footnote lines: there is no paragraph to import.');
  }
  const warnings = new WarningLog();
  // Notes and references typed "(1)" where a copy lost the superscript.
  const { lines, references, linked } = readTypedNotes(marked, warnings);
  // A text without a superscript digit has no footnote marker to look for in any paragraph.
  const markers = HAS_MARKER.test(text);
  if (!hasStructure(lines, references)) {
    warnings.add(
      'no-structure',
      'No resolution structure recognised (no number line, numbered or lettered paragraphs, annex or opening formula): every line is imported as a plain paragraph.',
    );
    return ok(buildPlain(lines, newId, warnings, read, markers, make, linked));
  }
  return ok(buildStructured(outlineText(lines, warnings, references), newId, warnings, read, markers, make));
}

/** What `importPlainText` reads, with the text as JSON: node for node the JSON of the text `importPlainText` makes. */
export function importPlainTextJSON(text: string, options: ImportOptions = {}): Result<{ doc: ImportedJSON; report: ImportReport }, string> {
  const read = readPrintedText(text, options, jsonMaker);
  return read.ok ? ok({ doc: ImportedJSON.wrap(read.value.doc), report: read.value.report }) : read;
}
