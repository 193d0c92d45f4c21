/**
 * The plain-text importer: a UN resolution or decision as printed in any of the six languages
 * becomes a text of `resolutionSchema`, with a report the user confirms before importing.
 * Each language's signs (commas, numbers, letters, number lines, annex headings, opening
 * formulas) are in `shared/import/conventions.ts`; the language is given (`ImportOptions.lang`)
 * or guessed, and the report says which.
 *
 * How a printed text is read (the rules live in `shared/import/`):
 * - The first line "第 11/5 号决议" / "Resolution 11/5" / "Décision 11/1" / "القرار 11/5" is the
 *   number line, or "Resolution adopted by the General Assembly on …" with "35/219. Title" under
 *   it: reported as metadata, not imported as text. The next line without final punctuation is the title.
 * - The line after the title ending with a comma or colon (, ، ，) and naming the adopting body
 *   as its subject is the opening formula, kept whole even when it runs on into a chapeau
 *   ("…缔约方会议，考虑到…第 3 款：").
 * - Numbered lines "1. …" (Arabic "1 - …", Arabic-Indic digits too; and "5 bis. …") are operative;
 *   so are lines a negotiation text labels "OP 5 bis …", and "PP 3 …" ones are preambular; each
 *   label is reported as printed, and a comparison of two pasted texts uses them
 *   (shared/compare/printedNumbers.ts).
 *   "(a) …", "a) …", "(أ) …" (also " - (a) …") are subparagraphs, level 1 for letters and 2 for
 *   roman numerals ("(ii)", "ii)"; Arabic "’2‘" and Chinese "㈡" are level 2 by their sign), told
 *   apart by sequence: (i) after (h) is a letter.
 *   Unnumbered paragraphs before the first operative one that end with a comma are
 *   preambular. In a text without numbers, an unnumbered paragraph ending a sentence is its
 *   single operative paragraph (resolution 11/3). Other unnumbered paragraphs are plain.
 * - "附件", "附件一", "Annex", "Annex I", "Annexe II", "Anexo", "Приложение I", "المرفق الأول" open
 *   an annex; the next line is its heading; inside,
 *   unnumbered paragraphs (chapeaux, sub-headings) are plain.
 * - A quoted numbered list after an unnumbered sentence (the provisional agenda of decision
 *   11/1) stays flat: the sentence and the agenda's heading are plain, the items operative and
 *   their sub-items subparagraphs, so that the derived numbers are the printed ones. Reading
 *   the sentence as the operative paragraph would have the editor number it 1 and every agenda
 *   item one too high.
 * - Footnote lines ("⁹ 联合国，《条约汇编》…"), wherever the page break dropped them, are taken
 *   out of the running text; each superscript marker becomes a `footnote` node holding the
 *   note's text. A note referenced several times becomes several nodes, so the derived
 *   footnote numbers differ from the printed ones (which, in texts cut from a report, also run
 *   on from the report's earlier notes).
 * - A paragraph the page split in two is joined again when it lacks its final punctuation,
 *   the next line opens no paragraph, and something shows a page break rather than a heading:
 *   footnote lines in between, a numbered or lettered paragraph, or a line as wide as a page.
 * - A text with none of this structure is imported as plain paragraphs, with a warning.
 */
import type { Result } from './result';
import { nodeMaker } from './import/make';
import { readPrintedText } from './import/read';
import type { ImportOptions, ImportResult } from './import/report';

export {
  IMPORT_WARNING_CODES,
  type ImportOptions,
  type ImportReport,
  type ImportResult,
  type ImportWarning,
  type ImportWarningCode,
  type RecognisedAnnex,
  type RecognisedFootnote,
  type RecognisedHeading,
  type RecognisedParagraph,
} from './import/report';

/** Reads a resolution or decision as printed into a text of the schema and a report of what was recognised. */
export function importPlainText(text: string, options: ImportOptions = {}): Result<ImportResult, string> {
  return readPrintedText(text, options, nodeMaker);
}
