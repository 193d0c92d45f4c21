/**
 * Deciding what each printed paragraph is: preambular, operative, subparagraph (and its
 * level) or plain, and checking the printed numbers and letters for gaps. The printed labels
 * are only evidence: the editor derives numbers again, so a gap is reported, not kept.
 */
import type { Lang } from '../languages';
import { subparagraphLabel } from '../numberingLabels';
import type { ParagraphType } from '../schema';
import { endsSentence, endsWithComma, letterIndex, romanValue, type SourceLine } from './lines';
import type { Unit } from './outline';
import type { WarningLog } from './report';

/** A paragraph with its kind decided. */
export interface Classified {
  unit: Unit;
  kind: ParagraphType;
  level: 1 | 2;
  printed: string | null;
  /** The label exactly as printed, or null. */
  asPrinted: string | null;
}

/** Checks a part's printed paragraph numbers run 1, 2, 3 … ("bis" paragraphs stay on their number). */
class NumberSequence {
  private last: number | null = null;

  constructor(
    private readonly where: string,
    private readonly warnings: WarningLog,
  ) {}

  check(number: number, suffix: string | null, asPrinted: string, line: number): void {
    if (suffix !== null) {
      if (number !== this.last) this.warnings.add('numbering-jump', `Paragraph "${asPrinted}" ${this.where} does not follow paragraph ${number}.`, line);
      return;
    }
    const expected = this.last === null ? 1 : this.last + 1;
    if (number !== expected) {
      const message = this.last === null ? `Numbering ${this.where} starts at ${number}, not 1.` : `Numbering ${this.where} jumps from ${this.last} to ${number}.`;
      this.warnings.add('numbering-jump', message, line);
    }
    this.last = number;
  }
}

/**
 * Reads (a), (b) … and (i), (ii) … under one operative paragraph. A label such as (i), (v)
 * or (x) is both a letter and a roman numeral: it is read as whatever continues the sequence
 * in hand, so (i) after (h) is the letter i, (i) after (b) or straight under the operative
 * paragraph opens roman sub-items, and (ii) right after an (i) that was taken for a letter turns
 * that (i) into roman one.
 */
class LetterSequence {
  private lastLetter: number | null = null;
  private lastRoman: number | null = null;
  // The previous subparagraph if it was read as the letter i after (h), which (ii) may revise.
  private letterI: Classified | null = null;
  // Whether the previous subparagraph's label was in Latin letters.
  private latinBefore = false;

  constructor(
    private readonly where: string,
    private readonly warnings: WarningLog,
    private readonly lang: Lang,
  ) {}

  // A letter's label as the text's language prints it, for the warnings: (c), c), (ج).
  private sign(index: number): string {
    return subparagraphLabel({ n: index + 1, k: 0 }, 1, this.lang);
  }

  /** Starts again under a new operative paragraph. */
  reset(): void {
    this.lastLetter = null;
    this.lastRoman = null;
    this.letterI = null;
    this.latinBefore = false;
  }

  /**
   * The letters and level a lettered line stands for. A Russian text typed on two keyboards may
   * print "с)" in Cyrillic between "b)" and "d)" in Latin: after a Latin label, a Cyrillic letter
   * drawn like a Latin one is read as that Latin letter, so that it continues the Latin list; by its
   * place in the Cyrillic alphabet it would be (q). A list all in Cyrillic keeps its own alphabet.
   */
  read(line: Extract<SourceLine, { kind: 'lettered' }>): { letters: string; level: 1 | 2 | null } {
    // A label whose sign gives no level is in Latin letters: (c), c), (ii).
    const latin = this.latinBefore && line.latin !== undefined ? line.latin : null;
    this.latinBefore = latin !== null || line.level === null;
    return latin === null ? { letters: line.letters, level: line.level } : { letters: latin, level: null };
  }

  /**
   * The level of a subparagraph labelled `letters`, revising the one before it when the sequence
   * demands; `level` is the level the sign itself gives (Arabic letters 1, ’2‘ and ㈡ 2), if any.
   */
  place(item: Classified, letters: string, level: 1 | 2 | null, line: number): 1 | 2 {
    const shown = item.asPrinted ?? `(${letters})`;
    if (level !== null) return this.placeKnown(letters, level, shown, line);
    const li = letterIndex(letters);
    const rv = romanValue(letters);
    const expectedLetter = this.lastLetter === null ? 0 : this.lastLetter + 1;
    const previousI = this.letterI;
    this.letterI = null;
    if (this.lastRoman !== null && rv === this.lastRoman + 1) return this.roman(rv);
    if (li === expectedLetter) {
      if (letters === 'i') this.letterI = item;
      return this.letter(li);
    }
    // (i) under a letter opens roman sub-items; straight under an operative paragraph (no letter
    // before it) it opens a list numbered in roman numerals, as "used for: (i) …; (ii) …" is printed.
    if (this.lastRoman === null && rv === 1) return this.roman(1);
    if (this.lastRoman === null && rv === 2 && previousI) {
      previousI.level = 2;
      this.lastLetter = letterIndex('h');
      return this.roman(2);
    }
    // Out of sequence: keep the level the label most likely means, and say so.
    if (rv !== null && (this.lastRoman !== null || (li === null && this.lastLetter !== null))) {
      this.warnings.add('lettering-jump', `Sub-item ${shown} ${this.where} does not follow the sub-items before it.`, line);
      return this.roman(rv);
    }
    this.letterJump(shown, line);
    return this.letter(li ?? expectedLetter);
  }

  /**
   * The level of a subparagraph inserted after another ("(a) bis" after "(a)", "(ii) ter" after
   * "(ii) bis"): it stays on the letter or numeral it names, which must be the last one read; the
   * sequence does not move on.
   */
  placeInserted(letters: string, level: 1 | 2 | null, shown: string, line: number): 1 | 2 {
    this.letterI = null;
    const rv = romanValue(letters);
    if (level !== 1 && rv !== null && rv === this.lastRoman) return 2;
    if (level !== 2 && this.lastLetter !== null && letterIndex(letters) === this.lastLetter) {
      // Back to the letters: numerals after it open a list of its own.
      this.lastRoman = null;
      return 1;
    }
    this.warnings.add('lettering-jump', `Sub-item ${shown} ${this.where} does not follow the sub-item it is inserted after.`, line);
    return level ?? (this.lastRoman !== null && rv !== null ? 2 : 1);
  }

  // A sign that says its level: a letter continues the letters, a numeral the numerals.
  private placeKnown(letters: string, level: 1 | 2, shown: string, line: number): 1 | 2 {
    // A letter i read before cannot be revised into a numeral by a sign that says its own level.
    this.letterI = null;
    if (level === 2) {
      const rv = romanValue(letters)!;
      const expected = this.lastRoman === null ? 1 : this.lastRoman + 1;
      // Numerals straight under the operative paragraph, with no letter before them, are a list of
      // their own (as "(i)" is read above): only a numeral out of sequence is worth a warning.
      if (rv !== expected) this.warnings.add('lettering-jump', `Sub-item ${shown} ${this.where} does not follow the sub-items before it.`, line);
      return this.roman(rv);
    }
    const li = letterIndex(letters)!;
    if (li !== (this.lastLetter === null ? 0 : this.lastLetter + 1)) this.letterJump(shown, line);
    return this.letter(li);
  }

  private letterJump(shown: string, line: number): void {
    const message =
      this.lastLetter === null
        ? `Lettering ${this.where} starts at ${shown}, not ${this.sign(0)}.`
        : `Lettering ${this.where} jumps from ${this.sign(this.lastLetter)} to ${shown}.`;
    this.warnings.add('lettering-jump', message, line);
  }

  private letter(index: number): 1 {
    this.lastLetter = index;
    this.lastRoman = null;
    return 1;
  }

  private roman(value: number): 2 {
    this.lastRoman = value;
    return 2;
  }
}

/** Decides the kinds in the body of the text (between the formula and the first annex); `typed` as for `outlineText`. */
export function classifyMain(units: Unit[], warnings: WarningLog, lang: Lang = 'en', typed: ReadonlySet<number> = new Set()): Classified[] {
  const numbered = units.some((u) => u.first.kind === 'numbered');
  const numbers = new NumberSequence('in the body of the text', warnings);
  const letters = new LetterSequence('in the body of the text', warnings, lang);
  const out: Classified[] = [];
  let seenOperative = false;
  for (const unit of units) {
    const item = place(unit, numbers, letters);
    if (item.kind === 'operative') seenOperative = true;
    if (unit.first.kind === 'text') {
      if (!seenOperative && endsWithComma(unit.body, typed)) {
        item.kind = 'preambular';
      } else if (!numbered && endsSentence(unit.body, typed)) {
        // A text without numbers has its one operative paragraph unnumbered (resolution 11/3).
        item.kind = 'operative';
        seenOperative = true;
        letters.reset();
      } else if (numbered && !seenOperative && endsSentence(unit.body, typed)) {
        // Decision 11/1: its one sentence introduces a quoted agenda numbered 1 to 9. Kept plain,
        // the agenda items take the derived numbers they are printed with.
        warnings.add(
          'unnumbered-before-numbered',
          'An unnumbered sentence stands before the numbered paragraphs: imported as a plain paragraph so that the numbered ones keep their numbers.',
          unit.lines[0]!,
        );
      }
    }
    out.push(item);
  }
  const unnumberedOperative = out.filter((c) => c.kind === 'operative' && c.printed === null);
  if (unnumberedOperative.length > 1) {
    warnings.add(
      'unnumbered-operative',
      `${unnumberedOperative.length} unnumbered paragraphs read as operative: the editor will number them 1 to ${unnumberedOperative.length}.`,
      unnumberedOperative[0]!.unit.lines[0]!,
    );
  }
  if (units.length > 0 && !out.some((c) => c.kind === 'operative' || c.kind === 'subparagraph')) {
    warnings.add('no-operative', 'No operative paragraph recognised in the body of the text.', null);
  }
  return out;
}

/** Decides the kinds in one annex: unnumbered paragraphs there are plain (chapeaux, sub-headings). */
export function classifyAnnex(units: Unit[], where: string, warnings: WarningLog, lang: Lang = 'en'): Classified[] {
  const numbers = new NumberSequence(where, warnings);
  const letters = new LetterSequence(where, warnings, lang);
  return units.map((unit) => place(unit, numbers, letters));
}

function place(unit: Unit, numbers: NumberSequence, letters: LetterSequence): Classified {
  const first = unit.first;
  const item: Classified = { unit, kind: 'plain', level: 1, printed: null, asPrinted: null };
  if (first.kind === 'numbered' && first.head === 'pp') {
    // A negotiation text's "PP 3 bis": preambular, its label kept as printed; PPs are not checked for gaps.
    item.kind = 'preambular';
    item.printed = first.label;
    item.asPrinted = first.asPrinted;
  } else if (first.kind === 'numbered') {
    item.kind = 'operative';
    item.printed = first.label;
    item.asPrinted = first.asPrinted;
    numbers.check(first.number, first.suffix, first.asPrinted, first.no);
    letters.reset();
  } else if (first.kind === 'lettered') {
    const read = letters.read(first);
    item.kind = 'subparagraph';
    item.printed = `(${read.letters})${first.suffix ? ` ${first.suffix}` : ''}`;
    item.asPrinted = first.asPrinted;
    item.level = first.suffix ? letters.placeInserted(read.letters, read.level, first.asPrinted, first.no) : letters.place(item, read.letters, read.level, first.no);
  }
  return item;
}
