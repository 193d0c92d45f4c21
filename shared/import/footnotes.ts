/**
 * Footnotes: the printed text has a superscript marker in the running text and the note's
 * line wherever the page ended. Each marker becomes a `footnote` node holding the note's
 * text, so a note referenced three times becomes three nodes with the same text — the
 * schema has no shared notes, and the derived numbers will therefore differ from the
 * printed ones. A run of marks may stand for several notes in a row ("Convention¹²" for notes 1
 * and 2): marks.ts reads it by the notes printed and the marks before it.
 */
import type { TextMaker } from './make';
import { superscriptValue, type SourceLine, typedValue } from './lines';
import { MARK_GROUP, MARK_RUN, MarkSequence, readMarks } from './marks';
import type { RecognisedFootnote, WarningLog } from './report';
import { TYPED_REFERENCE, typedReferencesIn } from './typedNotes';

type FootnoteLine = Extract<SourceLine, { kind: 'footnote' }>;

// "同上" / "Ibid." points at the note before it, which a derived renumbering may change.
const IBID = /^(同上|ibid\.?)/iu;
const BOLD = /\*\*(.+?)\*\*/gu;
/** Whether a text holds a superscript digit, which may be a footnote marker. */
export const HAS_MARKER = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/u;

/** The footnotes of one text and the markers found so far; `N` is what the maker makes (nodes or their JSON). */
export class FootnoteTable<N> {
  private readonly notes = new Map<number, { line: FootnoteLine; references: number }>();
  private readonly missing = new Set<number>();
  // The numbers printed as notes, by which a run of marks is read, and the marks read so far.
  private readonly printed: ReadonlySet<number>;
  private readonly sequence = new MarkSequence();

  /**
   * `markers` says whether the source holds any superscript digit at all: one scan of the whole
   * text spares one per paragraph when it holds none, as most texts pasted for comparison do not.
   * `typed` says the notes were typed "(1) …" and their references "(1)" (typedNotes.ts).
   */
  constructor(
    lines: FootnoteLine[],
    private readonly newId: () => string,
    private readonly warnings: WarningLog,
    private readonly make: TextMaker<N>,
    private readonly markers = true,
    private readonly typed = false,
  ) {
    for (const line of lines) {
      if (this.notes.has(line.printed)) {
        warnings.add('footnote-duplicate', `Footnote ${line.printed} is printed twice: the first one is used.`, line.no);
      } else {
        this.notes.set(line.printed, { line, references: 0 });
      }
    }
    this.printed = new Set(this.notes.keys());
  }

  /**
   * The inline content of a text block: text, with a footnote node at every marker whose note
   * was found, and `**…**` read as bold. A marker without a note stays in the text as printed,
   * so that nothing is lost (it may be a unit such as "km²").
   */
  inline(text: string, line: number): N[] {
    const out: N[] = [];
    let at = 0;
    // Most paragraphs have no bold marks: no second scan of the text for them.
    if (text.includes('**')) {
      for (const m of text.matchAll(BOLD)) {
        this.warnings.add('markup', `"**" marks around "${m[1]}" read as bold.`, line);
        this.runs(text.slice(at, m.index), line, false, out);
        this.runs(m[1]!, line, true, out);
        at = m.index + m[0].length;
      }
    }
    this.runs(text.slice(at), line, false, out);
    return out;
  }

  // A typed reference whose note was found becomes a footnote node; the text around it is read for marks.
  private runs(text: string, line: number, bold: boolean, out: N[]): void {
    if (!this.typed) return this.marks(text, line, bold, out);
    let at = 0;
    for (const m of typedReferencesIn(text)) {
      const note = this.notes.get(typedValue(m[1]!));
      if (note === undefined) continue;
      this.marks(text.slice(at, m.index), line, bold, out);
      note.references++;
      out.push(this.make.footnote(this.newId(), note.line.note));
      at = m.index + m[0].length;
    }
    this.marks(text.slice(at), line, bold, out);
  }

  private marks(text: string, line: number, bold: boolean, out: N[]): void {
    if (!this.markers || !HAS_MARKER.test(text)) {
      if (text !== '') out.push(this.make.text(text, bold));
      return;
    }
    let pending = '';
    let at = 0;
    const flush = () => {
      if (pending !== '') out.push(this.make.text(pending, bold));
      pending = '';
    };
    for (const group of text.matchAll(MARK_GROUP)) {
      pending += text.slice(at, group.index);
      at = group.index + group[0].length;
      let runAt = 0;
      let afterNote = false;
      for (const run of group[0].matchAll(MARK_RUN)) {
        const space = group[0].slice(runAt, run.index);
        runAt = run.index + run[0].length;
        const marks = this.sequence.read(run[0], this.printed);
        if (marks === null) {
          const printed = superscriptValue(run[0]);
          if (!this.missing.has(printed)) {
            this.warnings.add('footnote-not-found', `Footnote ${printed} referenced but not found: its marker is left in the text.`, line);
          }
          this.missing.add(printed);
          pending += space + run[0];
          afterNote = false;
          continue;
        }
        // A space between two marks ("¹ ²") only parts them: it is no word of the text.
        if (!afterNote) pending += space;
        flush();
        for (const printed of marks) {
          const note = this.notes.get(printed)!;
          note.references++;
          out.push(this.make.footnote(this.newId(), note.line.note));
        }
        afterNote = true;
      }
    }
    pending += text.slice(at);
    flush();
  }

  /** The text with footnote marks that have notes removed, as the report shows it. */
  plain(text: string): string {
    const untyped = this.typed ? text.replace(TYPED_REFERENCE, (ref, digits: string) => (this.notes.has(typedValue(digits)) ? '' : ref)) : text;
    const withoutMarks = untyped.replace(MARK_GROUP, (group) => {
      const kept = group.replace(MARK_RUN, (run) => (readMarks(run, this.printed, null) === null ? run : ''));
      // Spaces only parted marks that had notes.
      return kept.trim() === '' ? '' : kept;
    });
    return withoutMarks.replace(BOLD, '$1');
  }

  /** The footnotes as printed, once every block has been read, with warnings about their use. */
  finish(): RecognisedFootnote[] {
    const list = [...this.notes.entries()].sort(([a], [b]) => a - b);
    for (const [printed, { line, references }] of list) {
      if (references === 0) {
        this.warnings.add('footnote-unused', `Footnote ${printed} is printed but no marker refers to it: it is not imported.`, line.no);
      } else if (references > 1) {
        this.warnings.add(
          'footnote-repeated',
          `Footnote ${printed} is referenced ${references} times: each place gets its own footnote with the same text, so the derived footnote numbers will differ from the printed ones.`,
          line.no,
        );
      }
      if (IBID.test(line.note)) {
        this.warnings.add('footnote-ibid', `Footnote ${printed} begins "${line.note.slice(0, 4)}": it refers to the note before it; check it after any change of order.`, line.no);
      }
    }
    const first = list.find(([, n]) => n.references > 0);
    if (first && first[0] !== 1) {
      this.warnings.add('footnote-renumbered', `Footnotes are printed from ${first[0]} on (numbered through a longer document); the editor numbers them from 1.`, null);
    }
    return list.map(([printed, { line, references }]) => ({ printed, text: line.note, line: line.no, references }));
  }
}
