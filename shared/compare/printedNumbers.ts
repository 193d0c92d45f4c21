/**
 * The numbers two pasted or uploaded texts print, for comparing them by those numbers.
 *
 * A text pasted during consultations prints negotiation numbers ("5 bis.", "12 ter.", "OP 5 bis"),
 * and the room refers to its paragraphs by them. Imported, the text keeps no number (numbers are
 * derived, never stored: shared/numbering.ts), so numbered in sequence its "5 bis" would read as
 * OP 6 and every paragraph after it one too high. When either text prints a negotiation number,
 * both are therefore numbered against a base made of their own printed numbers, which
 * `negotiationNumbering` keeps; where it cannot keep one (a "5 bis" printed after 7, a number
 * printed twice), both texts are numbered in sequence and the answer says so in a note.
 * Paragraphs printed without a number (preambular paragraphs) keep their place in sequence.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { ImportedJSON } from '../import/make';
import type { RecognisedParagraph } from '../import/report';
import { negotiationNumbering, sequentialNumbering, type NumberingBase } from '../numbering';
import { parseOrdinal } from '../numberingLabels';

/** One imported text: its document and what the importer read of each paragraph's printed label. */
export interface PrintedText {
  /** The text: a node (an uploaded Word file), or the importer's JSON of a pasted text. */
  doc: PMNode | ImportedJSON;
  paragraphs: readonly Pick<RecognisedParagraph, 'id' | 'printed'>[];
}

/** How two pasted texts are numbered for their comparison. */
export interface PastedNumbering {
  /** `negotiation` when the printed numbers are kept; pass `base` to `compareTexts`. */
  numbering: 'sequential' | 'negotiation';
  base?: NumberingBase;
  /** A plain sentence for the reader when the printed numbers could not be kept; null otherwise. */
  note: string | null;
}

const numberable = (doc: PrintedText['doc']) => (doc instanceof ImportedJSON ? doc.json : doc);

// "5 bis." → "5 bis", "OP 5 bis" → "5 bis", "(a)" → "(a)".
function printedToken(printed: string): string {
  return printed
    .replace(/^(?:OP|PP)\s*/u, '')
    .replace(/[.．:：]$/u, '')
    .trim();
}

// Whether a printed label is a negotiation number: a number with "bis", "ter" …
function isNegotiationNumber(printed: string | null): boolean {
  if (printed === null) return false;
  const ordinal = parseOrdinal(printedToken(printed), 'arabic');
  return ordinal !== null && ordinal.k > 0;
}

/** The references a text prints: its sequential references with each printed number put in place of the derived one. */
export function printedReferences(text: PrintedText): Map<string, string> {
  const printed = new Map<string, string>();
  for (const p of text.paragraphs) if (p.printed !== null) printed.set(p.id, printedToken(p.printed));
  const refs = new Map<string, string>();
  for (const p of sequentialNumbering(numberable(text.doc)).paragraphs) {
    if (p.ref === '' || p.ref === 'OP' || refs.has(p.id)) continue;
    const token = printed.get(p.id) ?? p.number;
    const parent = p.parentId === null ? undefined : refs.get(p.parentId);
    // A subparagraph reads after its parent's printed reference; any other keeps its head ("OP ", "Annex I, para. ").
    refs.set(p.id, parent !== undefined ? `${parent} ${token}` : `${p.ref.slice(0, p.ref.length - p.number.length)}${token}`);
  }
  return refs;
}

// Whether numbering the text against `base` gives every paragraph the reference it prints.
function keeps(text: PrintedText, base: ReadonlyMap<string, string>): boolean {
  const numbered = negotiationNumbering(numberable(text.doc), base);
  if (!numbered.ok) return false;
  return numbered.value.paragraphs.every((p) => !base.has(p.id) || base.get(p.id) === p.ref);
}

/** How to number two pasted texts: by the numbers they print when either prints a negotiation number, else in sequence. */
export function pastedNumbering(left: PrintedText, right: PrintedText): PastedNumbering {
  const printsNegotiation = (t: PrintedText) => t.paragraphs.some((p) => isNegotiationNumber(p.printed));
  if (!printsNegotiation(left) && !printsNegotiation(right)) return { numbering: 'sequential', note: null };
  const bases = [printedReferences(left), printedReferences(right)];
  const sharedId = [...bases[0]!.keys()].some((id) => bases[1]!.has(id));
  if (!sharedId && keeps(left, bases[0]!) && keeps(right, bases[1]!)) {
    return { numbering: 'negotiation', base: new Map([...bases[0]!, ...bases[1]!]), note: null };
  }
  return {
    numbering: 'sequential',
    note: 'The texts print negotiation numbers ("5 bis") that could not all be kept as printed (a number out of order or printed twice): both texts are numbered in sequence (1, 2, 3), so some references differ from the printed ones.',
  };
}
