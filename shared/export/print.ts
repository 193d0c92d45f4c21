/**
 * The browser's print view: a stylesheet that prints a text cleanly on A4 in the UN layout,
 * written against the classes the schema's `toDOM` already puts on every block (`ph-title`,
 * `ph-operative` …), so the print page renders the text with the schema's serializer, adds the
 * heading lines of `headingLines(meta)` in elements with the `ph-print-*` classes below, and
 * links this sheet with `media="print"`. Numbers come from `numbering.ts` as the editor shows
 * them: put each paragraph's label in its `data-label` attribute, replace each footnote span's
 * content by its number (`numbering.footnoteById`) and list the notes in `ph-print-footnotes`.
 */

/** The class names of the heading lines the print page writes before the text. */
export const PRINT_CLASSES = {
  symbolBlock: 'ph-print-symbol-block',
  symbol: 'ph-print-symbol',
  headingLine: 'ph-print-line',
  proponent: 'ph-print-proponent',
  footnotes: 'ph-print-footnotes',
} as const;

/** A4 print stylesheet for a text and its heading lines. */
export const PRINT_STYLESHEET = `
@page { size: A4; margin: 25mm 22mm 25mm 22mm; }
@media print {
  body { font: 12pt/1.35 "Times New Roman", "SimSun", serif; color: #000; background: #fff; }
  nav, header, footer, button, .no-print, .ph-cursor, .ProseMirror-gapcursor { display: none !important; }
  .${PRINT_CLASSES.symbolBlock} { text-align: right; border-bottom: 1.5pt solid #000; padding-bottom: 4pt; margin-bottom: 12pt; }
  .${PRINT_CLASSES.symbol} { font-size: 14pt; font-weight: bold; }
  .${PRINT_CLASSES.headingLine} { margin: 0; }
  .${PRINT_CLASSES.proponent} { font-weight: bold; margin: 12pt 0; }
  h1.ph-title { font-size: 14pt; font-weight: bold; margin: 12pt 10mm; }
  p.ph-formula, p.ph-preambular, p.ph-operative, p.ph-plain { margin: 0 0 6pt 10mm; text-indent: 10mm; orphans: 3; widows: 3; }
  p.ph-subparagraph { margin: 0 0 6pt 20mm; text-indent: -10mm; }
  p.ph-subparagraph[data-level="2"] { margin-left: 30mm; }
  p[data-label]::before { content: attr(data-label) "\\00a0\\00a0"; }
  p.ph-subparagraph[data-label]::before { display: inline-block; min-width: 10mm; text-indent: 0; }
  .ph-opening { font-style: italic; }
  section.ph-annex { break-before: page; }
  h2.ph-annex-heading { font-size: 12pt; font-weight: bold; text-align: center; margin: 12pt 0; }
  .ph-footnote { vertical-align: super; font-size: 8pt; }
  .${PRINT_CLASSES.footnotes} { border-top: 0.75pt solid #000; margin-top: 18pt; padding-top: 4pt; font-size: 10pt; }
  p, h1, h2 { break-inside: avoid-page; }
}
`;
