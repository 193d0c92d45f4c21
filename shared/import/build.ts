/**
 * Making the text and the report from the laid-out, classified paragraphs. The text is made by a
 * `TextMaker` (make.ts): checked ProseMirror nodes by default, so a text that comes out of here
 * fits the schema, or the same text as JSON for a comparison.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { classifyAnnex, classifyMain, type Classified } from './classify';
import { FootnoteTable } from './footnotes';
import type { SourceLine } from './lines';
import { nodeMaker, type TextMaker } from './make';
import type { Block, Outline, Unit } from './outline';
import type { Lang } from '../languages';
import type { ImportReport, RecognisedAnnex, RecognisedParagraph, WarningLog } from './report';

/** The language a text is read in, and whether it was guessed. */
export interface ReadLanguage {
  lang: Lang;
  langGuessed: boolean;
}

/** Builds a text block (title, formula, annex heading) from a block that may be missing. */
function block<N>(type: 'title' | 'formula' | 'annexHeading', source: Block | null, notes: FootnoteTable<N>, make: TextMaker<N>): N {
  return make.block(type, null, source ? notes.inline(source.text, source.line) : []);
}

class Builder<N> {
  readonly paragraphs: RecognisedParagraph[] = [];

  constructor(
    private readonly notes: FootnoteTable<N>,
    private readonly newId: () => string,
    private readonly make: TextMaker<N>,
  ) {}

  paragraph(item: Classified, annex: number | null): N {
    const id = this.newId();
    const attrs = item.kind === 'subparagraph' ? { id, level: item.level } : { id };
    const unit = item.unit;
    this.paragraphs.push({
      id,
      kind: item.kind,
      level: item.kind === 'subparagraph' ? item.level : null,
      printed: item.printed,
      asPrinted: item.asPrinted,
      lines: unit.lines,
      annex,
    });
    return this.make.block(item.kind, attrs, this.notes.inline(unit.body, unit.lines[0]!));
  }
}

/** The text and report of a text whose structure was recognised. */
export function buildStructured<N = PMNode>(
  outline: Outline,
  newId: () => string,
  warnings: WarningLog,
  read: ReadLanguage = { lang: 'en', langGuessed: true },
  markers = true,
  make: TextMaker<N> = nodeMaker as unknown as TextMaker<N>,
): { doc: N; report: ImportReport } {
  // Typed references hold notes only when notes typed so were found (typedNotes.ts): then all the notes are typed.
  const notes = new FootnoteTable(outline.footnotes, newId, warnings, make, markers, outline.typed.size > 0 && outline.footnotes.length > 0);
  const builder = new Builder(notes, newId, make);
  const content: N[] = [block('title', outline.title, notes, make)];
  if (outline.formula) content.push(block('formula', outline.formula, notes, make));
  for (const item of classifyMain(outline.main, warnings, read.lang, outline.typed)) content.push(builder.paragraph(item, null));

  const annexes: RecognisedAnnex[] = [];
  outline.annexes.forEach((annex, index) => {
    const where = `in "${annex.marker.text}"`;
    if (annex.marker.ordinal !== null && annex.marker.ordinal !== index + 1) {
      warnings.add('annex-numbering', `"${annex.marker.text}" is annex ${index + 1} of the text.`, annex.marker.no);
    }
    const heading = block('annexHeading', annex.heading, notes, make);
    const id = newId();
    const paragraphs = classifyAnnex(annex.units, where, warnings, read.lang).map((item) => builder.paragraph(item, index));
    content.push(make.annex(id, [heading, ...paragraphs]));
    annexes.push({ id, printed: annex.marker.text, heading: annex.heading ? notes.plain(annex.heading.text) : '', line: annex.marker.no });
  });

  const doc = make.doc(content);
  const footnotes = notes.finish();
  return {
    doc,
    report: {
      ...read,
      heading: outline.heading ? { kind: outline.heading.docKind, number: outline.heading.number, line: outline.heading.no } : null,
      title: outline.title ? notes.plain(outline.title.text) : '',
      formula: outline.formula ? notes.plain(outline.formula.text) : null,
      paragraphs: builder.paragraphs,
      annexes,
      footnotes,
      warnings: warnings.sorted(),
    },
  };
}

/** The text and report of a text without recognisable structure: an empty title, then every line as a plain paragraph. */
export function buildPlain<N = PMNode>(
  lines: SourceLine[],
  newId: () => string,
  warnings: WarningLog,
  read: ReadLanguage = { lang: 'en', langGuessed: true },
  markers = true,
  make: TextMaker<N> = nodeMaker as unknown as TextMaker<N>,
  typed = false,
): { doc: N; report: ImportReport } {
  const footnoteLines = lines.filter((l): l is Extract<SourceLine, { kind: 'footnote' }> => l.kind === 'footnote');
  const notes = new FootnoteTable(footnoteLines, newId, warnings, make, markers, typed);
  const builder = new Builder(notes, newId, make);
  const units: Unit[] = [];
  for (const line of lines) {
    if (line.kind === 'footnote') continue;
    // A line is kept whole here, label and all: nothing was recognised, so nothing is taken away.
    units.push({ first: { kind: 'text', no: line.no, text: line.text, body: line.text }, body: line.text, lines: [line.no] });
  }
  const paragraphs = units.map((unit) => builder.paragraph({ unit, kind: 'plain', level: 1, printed: null, asPrinted: null }, null));
  const doc = make.doc([make.block('title', null, []), ...paragraphs]);
  return {
    doc,
    report: { ...read, heading: null, title: '', formula: null, paragraphs: builder.paragraphs, annexes: [], footnotes: notes.finish(), warnings: warnings.sorted() },
  };
}
