/**
 * What the plain-text importer tells the user before the text is imported: the structure it
 * recognised (with the numbers as printed, which the editor will derive again) and what it
 * was unsure of. The user confirms the import from this report, so every guess the importer
 * makes is listed here rather than silently applied.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Lang } from '../languages';
import type { ParagraphType } from '../schema';

/** Options of `importPlainText`. */
export interface ImportOptions {
  /** Makes paragraph, annex and footnote ids; defaults to `newParagraphId` (inject one for deterministic tests). */
  newId?: () => string;
  /** The language of the text (its conventions: shared/import/conventions.ts); guessed from the script and words when not given. */
  lang?: Lang;
}

/** The stable codes of import warnings, so that a client can explain or filter them. */
export const IMPORT_WARNING_CODES = [
  'no-structure',
  'no-title',
  'no-operative',
  'unnumbered-operative',
  'unnumbered-before-numbered',
  'numbering-jump',
  'lettering-jump',
  'annex-numbering',
  'annex-without-heading',
  'page-split-joined',
  'footnote-not-found',
  'footnote-unused',
  'footnote-duplicate',
  'footnote-repeated',
  'footnote-renumbered',
  'footnote-ibid',
  'footnote-typed',
  'markup',
  'lines-before-title',
  'unstyled-paragraph',
] as const;

/** One of the import warning codes. */
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

/** Something the user should check before confirming the import. */
export interface ImportWarning {
  code: ImportWarningCode;
  message: string;
  /** The 1-based source line it concerns, or null when it concerns the whole text. */
  line: number | null;
}

/**
 * The resolution or decision number line ("第 11/5 号决议", "Resolution 11/5", "القرار 11/5"), or the
 * line "Resolution adopted by the General Assembly on …" with the number printed before the title
 * ("35/219. Use of Arabic …"): metadata, not text.
 */
export interface RecognisedHeading {
  kind: 'resolution' | 'decision';
  /** The number as printed, spaces removed: "11/5", "35/219 A"; "" when the line "adopted by" has no numbered title under it. */
  number: string;
  line: number;
}

/** One paragraph as the importer read it, linked to the node it made by `id`. */
export interface RecognisedParagraph {
  id: string;
  kind: ParagraphType;
  /** 1 for (a), 2 for (i); null for other kinds. */
  level: 1 | 2 | null;
  /**
   * The label in the English form the comparison of pasted texts reads ("12.", "(a)", "(ii)", "3 bis.",
   * "OP 5 bis", "PP 2") whatever the language printed, or null when the paragraph was unnumbered.
   */
  printed: string | null;
  /** The label exactly as the text printed it ("12 -", "(ج)", "c)", "㈡", "12."), or null when unnumbered (always given by the plain-text importer). */
  asPrinted?: string | null;
  /** The source lines the paragraph came from (more than one when it was split across a page). */
  lines: number[];
  /** The index of the annex holding it, or null in the body of the text. */
  annex: number | null;
}

/** One annex as printed. */
export interface RecognisedAnnex {
  id: string;
  /** The marker line as printed: "附件一", "Annex II". */
  printed: string;
  heading: string;
  line: number;
}

/** One footnote as printed, and how often its marker was found. */
export interface RecognisedFootnote {
  /** The printed footnote number (texts extracted from a report keep the report's continuous numbers). */
  printed: number;
  text: string;
  line: number;
  /** How many markers referenced it; each one became a `footnote` node. */
  references: number;
}

/** The whole report of one import. */
export interface ImportReport {
  /** The language the text was read in: the one asked for, or the one guessed (always given by the plain-text importer). */
  lang?: Lang;
  /** Whether `lang` was guessed (no language was given). */
  langGuessed?: boolean;
  heading: RecognisedHeading | null;
  /** The title's text (footnote markers removed), or "" when none was recognised. */
  title: string;
  formula: string | null;
  paragraphs: RecognisedParagraph[];
  annexes: RecognisedAnnex[];
  footnotes: RecognisedFootnote[];
  warnings: ImportWarning[];
}

/** A successful import: the text, already checked against the schema, and its report. */
export interface ImportResult {
  /** The `doc` node; store `doc.toJSON()`. */
  doc: PMNode;
  report: ImportReport;
}

/** Collects warnings in source order as the importer goes. */
export class WarningLog {
  readonly list: ImportWarning[] = [];

  /** Records one warning. */
  add(code: ImportWarningCode, message: string, line: number | null = null): void {
    this.list.push({ code, message, line });
  }

  /** The warnings sorted by line, whole-text warnings first, keeping the order of equal lines. */
  sorted(): ImportWarning[] {
    return this.list
      .map((w, i) => ({ w, i }))
      .sort((a, b) => (a.w.line ?? 0) - (b.w.line ?? 0) || a.i - b.i)
      .map(({ w }) => w);
  }
}
