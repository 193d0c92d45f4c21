/**
 * Putting the classified lines in their places: the number line, the title, the opening
 * formula, the body, the annexes with their headings, and the footnote lines taken out of
 * the running text. Paragraphs that the printed page split in two are joined here, because
 * only here is it known which lines are paragraphs and which are headings.
 */
import { isOpeningFormula, namesABody } from './conventions';
import { readNumberedTitle } from './headings';
import { endsComplete, endsWithColon, endsWithComma, joinHalves, printedWidth, type ParagraphLine, type SourceLine } from './lines';
import type { WarningLog } from './report';

/** One paragraph as printed, its page-split halves joined. */
export interface Unit {
  first: ParagraphLine;
  /** The paragraph's text without its printed label. */
  body: string;
  lines: number[];
}

/** A line kept whole as one text block (title, formula, annex heading). */
export interface Block {
  text: string;
  line: number;
}

/** One annex: its marker line, its heading and its paragraphs. */
export interface AnnexOutline {
  marker: Extract<SourceLine, { kind: 'annex' }>;
  heading: Block | null;
  units: Unit[];
}

/** The text laid out in its parts, before paragraph kinds are decided. */
export interface Outline {
  heading: Extract<SourceLine, { kind: 'heading' }> | null;
  title: Block | null;
  formula: Block | null;
  main: Unit[];
  annexes: AnnexOutline[];
  footnotes: Extract<SourceLine, { kind: 'footnote' }>[];
  /** The note references typed "(n)" in the text (typedNotes.ts), which no ending test takes for words. */
  typed: ReadonlySet<number>;
}

// A line this wide cannot be a heading: the printed page ran out, the paragraph goes on.
const FULL_LINE_WIDTH = 120;

// A line this wide, followed by one that opens with a small letter, was wrapped by a PDF or an
// e-mail: no heading goes on that way. A script without case gives no such sign (a Chinese
// title is often this wide, and the formula under it opens like any line), so there only a
// line as wide as the page says a paragraph goes on.
const WRAPPED_LINE_WIDTH = 60;

interface Placed {
  line: SourceLine;
  /** Footnote lines stood between this line and the one before: the mark of a page break. */
  afterFootnotes: boolean;
}

// How the rest of a wrapped note may open: a small letter, a digit, a bracket ("(A/78/1), chap. II.").
// Not a small Cyrillic letter: Russian paragraphs open with one ("ссылаясь на …").
const NOTE_GOES_ON = /^(?![\u0400-\u04ff])[\p{Ll}\p{Nd}(]/u;

/**
 * Whether `next` carries on the footnote whose last line is `last` (`note` its text so far): a
 * note wrapped onto a second line ("…, Supplement No. 1" / "(A/78/1), chap. II."). The note lacks
 * its final punctuation, the line it ended on is wide, and the next line opens as no paragraph
 * does (a small letter, a digit, a bracket), or the note's line is as wide as a page. The
 * paragraph before the notes must be complete (`before`, its last line): a page break puts a
 * paragraph's rest after the notes, and that rest is the paragraph's (see `continues`).
 */
function noteGoesOn(note: string, last: string, next: SourceLine, before: SourceLine | null, typed: ReadonlySet<number>): boolean {
  if (next.kind !== 'text' || endsComplete(note) || (before !== null && !endsComplete(before.text, typed))) return false;
  const width = printedWidth(last);
  return width >= FULL_LINE_WIDTH || (width >= WRAPPED_LINE_WIDTH && NOTE_GOES_ON.test(next.text));
}

function takeFootnotes(lines: SourceLine[], warnings: WarningLog, typed: ReadonlySet<number>): { rest: Placed[]; footnotes: Outline['footnotes'] } {
  const rest: Placed[] = [];
  const footnotes: Outline['footnotes'] = [];
  let pending = false;
  // The last line of the footnote just read, while no other line has come after it.
  let noteLine: string | null = null;
  for (const line of lines) {
    if (line.kind === 'footnote') {
      footnotes.push(line);
      pending = true;
      noteLine = line.text;
      continue;
    }
    const at = footnotes.length - 1;
    if (noteLine !== null && noteGoesOn(footnotes[at]!.note, noteLine, line, rest[rest.length - 1]?.line ?? null, typed)) {
      footnotes[at] = { ...footnotes[at]!, note: joinHalves(footnotes[at]!.note, line.text) };
      warnings.add('page-split-joined', `Line ${line.no} continues footnote ${footnotes[at]!.printed} (a note wrapped onto a second line): joined.`, line.no);
      noteLine = line.text;
      continue;
    }
    rest.push({ line, afterFootnotes: pending });
    pending = false;
    noteLine = null;
  }
  return { rest, footnotes };
}

/**
 * Whether `next` carries on the paragraph `unit`: the paragraph lacks its final punctuation,
 * the next line does not open a paragraph of its own, and there is evidence of a page break or
 * a wrapped line rather than a heading (footnote lines in between, a numbered or lettered
 * paragraph, a line as wide as the page, or a wide line going on in a small letter).
 */
function continues(unit: Unit, next: Placed, typed: ReadonlySet<number>): boolean {
  if (next.line.kind !== 'text' || endsComplete(unit.body, typed)) return false;
  const width = printedWidth(unit.body);
  return next.afterFootnotes || unit.first.kind !== 'text' || width >= FULL_LINE_WIDTH || (width >= WRAPPED_LINE_WIDTH && /^\p{Ll}/u.test(next.line.text));
}

// How far down the opening formula is looked for. A draft's masthead typed as lines (United
// Nations, the symbol, the organ, "Distr.: Limited", the date, "Original: English"), then its
// session, committee, agenda item, the item's title, the sponsors line and its own title put the
// formula thirteenth.
const LINES_OVER_FORMULA = 16;

// Whether a line is the opening formula. A first preambular paragraph ends with a comma too: the
// formula is told by naming the body as its subject.
function isFormulaLine(line: SourceLine, typed: ReadonlySet<number>): boolean {
  return line.kind === 'text' && (endsWithComma(line.text, typed) || endsWithColon(line.text, typed)) && isOpeningFormula(line.text);
}

// Where the opening formula stands when two or more unnumbered lines without final punctuation
// come before it within the first sixteen (what a draft prints over its title, or a title on two
// lines), or null.
function formulaAhead(rest: Placed[], from: number, typed: ReadonlySet<number>): number | null {
  for (let j = from; j < Math.min(rest.length, from + LINES_OVER_FORMULA); j++) {
    const line = rest[j]!.line;
    if (line.kind !== 'text') return null;
    if (isFormulaLine(line, typed)) return j >= from + 2 ? j : null;
    if (endsComplete(line.text, typed)) return null;
  }
  return null;
}

/**
 * Lays out the lines of a structured text; `warnings` receives the page splits it joined, `typed`
 * holds the note references typed "(n)" (typedNotes.ts).
 */
export function outlineText(lines: SourceLine[], warnings: WarningLog, typed: ReadonlySet<number> = new Set()): Outline {
  const { rest, footnotes } = takeFootnotes(lines, warnings, typed);
  const out: Outline = { heading: null, title: null, formula: null, main: [], annexes: [], footnotes, typed };
  let i = 0;
  const first = rest[0]?.line;
  if (first?.kind === 'heading') {
    out.heading = first;
    i++;
  }
  if (out.heading && out.heading.number === '') {
    // Under "Resolution adopted by …": "[on the report of the Fifth Committee (A/35/…)]", then "35/219. Title".
    while (rest[i]?.line.kind === 'text' && /^\[.*\]$/u.test(rest[i]!.line.text)) i++;
    const line = rest[i]?.line;
    const numbered = line?.kind === 'text' ? readNumberedTitle(line.text) : null;
    if (line && numbered) {
      out.heading = { ...out.heading, number: numbered.number };
      out.title = { text: numbered.title, line: line.no };
      i++;
    }
  }
  // A title has no final punctuation; a first line ending with a comma is already the formula.
  const titleLine = rest[i]?.line;
  const ahead = out.title === null ? formulaAhead(rest, i, typed) : null;
  if (ahead !== null) {
    // Lines over the title (session, committee, agenda item, sponsors, "Draft resolution") or a title wrapped in two.
    let start = ahead - 1;
    while (start > i && /^\p{Ll}/u.test(rest[start]!.line.text)) start--;
    if (start > i) {
      const [first, last] = [rest[i]!.line.no, rest[start - 1]!.line.no];
      const which = first === last ? `Line ${first} stands` : `Lines ${first} to ${last} stand`;
      warnings.add('lines-before-title', `${which} before the title (a heading, the sponsors?) and ${first === last ? 'is' : 'are'} not imported.`, first);
    }
    out.title = {
      text: rest
        .slice(start, ahead)
        .map((p) => p.line.text)
        .reduce(joinHalves),
      line: rest[start]!.line.no,
    };
    i = ahead;
  } else if (out.title === null) {
    // A title that ends with a stop or a comma ("Follow-up to the Summit.", "Oceans, seas and
    // coasts,") is still the title when the opening formula comes right under it.
    const overFormula = titleLine !== undefined && !isFormulaLine(titleLine, typed) && rest[i + 1] !== undefined && isFormulaLine(rest[i + 1]!.line, typed);
    if (titleLine?.kind === 'text' && (!endsComplete(titleLine.text, typed) || overFormula)) {
      out.title = { text: titleLine.text, line: titleLine.no };
      i++;
    } else {
      warnings.add('no-title', 'No title recognised: the text will start with an empty title.', titleLine?.no ?? null);
    }
  }
  const formulaLine = rest[i]?.line;
  if (formulaLine !== undefined && isFormulaLine(formulaLine, typed)) {
    out.formula = { text: formulaLine.text, line: formulaLine.no };
    i++;
  }

  let units = out.main;
  let annex: AnnexOutline | null = null;
  let expectHeading = false;
  for (; i < rest.length; i++) {
    const placed = rest[i]!;
    const line = placed.line;
    if (line.kind === 'annex') {
      // "Annex I: Terms of reference" prints its heading on the marker's line; otherwise the next line is the heading.
      annex = { marker: line, heading: line.heading === null ? null : { text: line.heading, line: line.no }, units: [] };
      out.annexes.push(annex);
      units = annex.units;
      expectHeading = line.heading === null;
      continue;
    }
    if (expectHeading && annex) {
      expectHeading = false;
      if (line.kind === 'text') {
        annex.heading = { text: line.text, line: line.no };
        continue;
      }
      warnings.add('annex-without-heading', `"${annex.marker.text}" is not followed by a heading: the annex heading is left empty.`, annex.marker.no);
    }
    // Narrows the type only: a number line is always first and footnote lines were taken out.
    if (line.kind === 'heading' || line.kind === 'footnote') continue;
    const last = units[units.length - 1];
    if (last && continues(last, placed, typed)) {
      last.body = joinHalves(last.body, line.text);
      warnings.add('page-split-joined', `Line ${line.no} continues the paragraph of line ${last.lines[0]} (a paragraph split across a page): joined.`, line.no);
      last.lines.push(line.no);
      continue;
    }
    units.push({ first: line, body: line.body, lines: [line.no] });
  }
  if (annex && expectHeading) {
    warnings.add('annex-without-heading', `"${annex.marker.text}" is not followed by a heading: the annex heading is left empty.`, annex.marker.no);
  }
  return out;
}

/** Whether the lines show any structure of a resolution at all (`typed` as for `outlineText`); if not, the text is imported as plain paragraphs. */
export function hasStructure(lines: SourceLine[], typed: ReadonlySet<number> = new Set()): boolean {
  if (lines.some((l) => l.kind === 'heading' || l.kind === 'annex' || l.kind === 'numbered' || l.kind === 'lettered')) return true;
  // Without numbers, only an opening formula that names a body gives the text away.
  const text = lines.filter((l) => l.kind === 'text').slice(0, 2);
  return text.some((l) => (endsWithComma(l.text, typed) || endsWithColon(l.text, typed)) && namesABody(l.text));
}
