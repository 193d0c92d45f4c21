/** How an import preview looks in JSON: the only path from an import result to the client. */
import { sequentialNumbering } from '../../shared/numbering';
import type { ImportResult } from '../../shared/importText';

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
