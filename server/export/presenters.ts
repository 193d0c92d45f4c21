/** How an import preview and the print view look in JSON: the only paths from an import result and an export source to the client. */
import { headingLines } from '../../shared/export/meta';
import { isRightToLeft } from '../../shared/languages';
import { sequentialNumbering } from '../../shared/numbering';
import type { ImportResult } from '../../shared/importText';
import type { ExportSource } from './source';

/** The preview the user confirms: what was recognised, the numbers the text will take, and the text to send back. */
export function presentImportPreview(result: ImportResult & { readAs: 'penholder' | 'word' | 'text' }) {
  const numbers = sequentialNumbering(result.doc);
  const { report } = result;
  return {
    readAs: result.readAs,
    heading: report.heading,
    title: report.title,
    formula: report.formula,
    paragraphs: report.paragraphs.map((p) => ({
      id: p.id,
      kind: p.kind,
      level: p.level,
      printed: p.printed,
      // The number the editor will show: derived, which may differ from a gap in the printed one.
      label: numbers.byId.get(p.id)?.label ?? '',
      ref: numbers.byId.get(p.id)?.ref ?? '',
      annex: p.annex,
      lines: p.lines,
    })),
    annexes: report.annexes.map((a) => ({ id: a.id, printed: a.printed, heading: a.heading, line: a.line })),
    footnotes: report.footnotes.map((f) => ({ printed: f.printed, text: f.text, line: f.line, references: f.references })),
    warnings: report.warnings.map((w) => ({ code: w.code, message: w.message, line: w.line })),
    text: result.doc.toJSON(),
  };
}

/**
 * What the print view lays out: the text (a language version or the reference text), the language
 * and direction of the document, whether it is a version, and the heading lines the Word file prints.
 */
export function presentPrintView(source: ExportSource) {
  const lines = headingLines(source.meta);
  return {
    lang: source.meta.lang,
    dir: isRightToLeft(source.meta.lang) ? 'rtl' : 'ltr',
    version: source.version,
    pending: source.pending,
    symbol: source.meta.symbol,
    textState: source.meta.textState,
    lines: {
      lang: lines.lang,
      masthead: lines.masthead,
      symbol: lines.symbol,
      distribution: lines.distribution,
      date: lines.date,
      version: lines.version,
      original: lines.original,
      amended: lines.amended,
      organ: lines.organ,
      session: lines.session,
      place: lines.place,
      agendaItem: lines.agendaItem,
      proponent: lines.proponent,
      published: lines.published,
    },
    text: source.text,
  };
}
