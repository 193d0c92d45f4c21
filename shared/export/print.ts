/**
 * The browser's print view (client/pages/print.ts with client/print.css): it renders a text
 * with the schema's serializer — whose `toDOM` puts a class on every block (`ph-title`,
 * `ph-operative` …) — and writes the heading lines in elements with the `ph-print-*` classes
 * below; the A4 stylesheet is written against those classes. Numbers come from `numbering.ts` as the editor shows
 * them: put each paragraph's label in its `data-label` attribute, replace each footnote span's
 * content by its number (`numbering.footnoteById`) and list the notes in `ph-print-footnotes`.
 */

/** The class names of the heading lines the print page writes before the text. */
export const PRINT_CLASSES = {
  symbolBlock: 'ph-print-symbol-block',
  symbol: 'ph-print-symbol',
  headingLine: 'ph-print-line',
  proponent: 'ph-print-proponent',
  /** The adopted text's number ("Resolution 11/5"), printed instead of the proponent line. */
  published: 'ph-print-published',
  footnotes: 'ph-print-footnotes',
} as const;
