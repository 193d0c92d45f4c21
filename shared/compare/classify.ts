/**
 * From an alignment to the rows a chair reads: each block's status, its heading ("OP 6 → OP 7",
 * "PP 3 (deleted)") and, where its words changed, the character diff. Rows follow the right
 * text; a deleted block stands where it stood, just before the next block that kept its place.
 */
import type { AlignedPair } from './align';
import { diffText, keptShare } from './inline';
import type { ComparedParagraph, ComparedSide, ComparisonStatus } from './types';
import type { Unit } from './units';

function side(u: Unit): ComparedSide {
  return { id: u.id, kind: u.kind, ref: u.ref, label: u.label, text: u.text };
}

// An unnumbered paragraph's name without the order that tells it from others opening alike
// ("… (2)", units.ts): that order moves when one of them is deleted, which renumbers nothing.
const nameOf = (u: Unit) => (u.number === '' ? u.ref.replace(/ \(\d+\)$/u, '') : u.ref);

function statusOf(l: Unit, r: Unit, moved: boolean, same: boolean): ComparisonStatus {
  if (moved) return same ? 'moved' : 'moved-and-changed';
  if (!same) return 'changed';
  return nameOf(l) === nameOf(r) ? 'unchanged' : 'renumbered-only';
}

/**
 * Whether a row only renumbered a paragraph without changing anything printed: the same words
 * and the same printed label. A preambular paragraph is not numbered in print, so after a
 * deleted PP 1 every "PP 2 → PP 1" is such a row; so is a subparagraph that kept its letter
 * under a renumbered paragraph. An operative paragraph whose printed "2." became "3." is not:
 * the reader sees its number change. The comparison view keeps these rows out of the list of
 * changes unless the reader asks to see the renumbering (client/compare/changes.ts).
 */
export function renumberedUnprinted(row: ComparedParagraph): boolean {
  // An annex heading has no label of its own, but its "Annex I" → "Annex II" is printed.
  return row.status === 'renumbered-only' && row.kind !== 'annexHeading' && row.left!.label === row.right!.label;
}

/** The heading of a row, with the reference it has on each side. */
export function rowLabel(status: ComparisonStatus, left?: ComparedSide, right?: ComparedSide): string {
  if (!right) return `${left!.ref} (deleted)`;
  if (!left) return `${right.ref} (new)`;
  const refs = left.ref === right.ref ? right.ref : `${left.ref} → ${right.ref}`;
  return status === 'moved' || status === 'moved-and-changed' ? `${refs} (moved)` : refs;
}

function pairRow(l: Unit, r: Unit, moved: boolean): ComparedParagraph {
  // Compared once: two pasted texts' paragraphs are equal strings in different places, read whole.
  const same = l.text === r.text;
  const status = statusOf(l, r, moved, same);
  const left = side(l);
  const right = side(r);
  const row: ComparedParagraph = { kind: r.kind, status, label: rowLabel(status, left, right), left, right, similarity: 1 };
  if (!same) {
    row.segments = diffText(l.text, r.text);
    row.similarity = keptShare(row.segments, l.text, r.text);
  }
  return row;
}

function loneRow(u: Unit, which: 'left' | 'right'): ComparedParagraph {
  const s = side(u);
  const status = which === 'left' ? 'deleted' : 'inserted';
  const row: ComparedParagraph = { kind: u.kind, status, label: '', similarity: 0, [which]: s };
  row.label = rowLabel(status, row.left, row.right);
  return row;
}

/** A row with the blocks it shows, which the summary reads for their parents. */
export interface PlacedRow {
  row: ComparedParagraph;
  l?: Unit;
  r?: Unit;
}

/** The rows of a comparison, in the order of the right text, every block of each side exactly once. */
export function buildRows(left: readonly Unit[], right: readonly Unit[], pairs: readonly AlignedPair[]): PlacedRow[] {
  // Indexed by block, so that placing each row is an array read.
  const byRight: (AlignedPair | undefined)[] = new Array(right.length);
  const matchedLeft = new Uint8Array(left.length);
  for (const p of pairs) {
    byRight[p.right] = p;
    matchedLeft[p.left] = 1;
  }
  const rows: PlacedRow[] = [];
  let cursor = 0; // the left blocks before it have been placed
  const deletedUpTo = (end: number) => {
    for (; cursor < end; cursor++) if (!matchedLeft[cursor]) rows.push({ row: loneRow(left[cursor]!, 'left'), l: left[cursor]! });
  };
  // The left block of the next pair that kept its place, from each right block on: deleted blocks before it come before an insertion.
  const nextKept = new Int32Array(right.length + 1).fill(left.length);
  for (let j = right.length - 1; j >= 0; j--) nextKept[j] = byRight[j] && !byRight[j]!.moved ? byRight[j]!.left : nextKept[j + 1]!;
  for (let j = 0; j < right.length; j++) {
    const r = right[j]!;
    const p = byRight[j];
    if (!p) {
      deletedUpTo(nextKept[j]!);
      rows.push({ row: loneRow(r, 'right'), r });
      continue;
    }
    if (!p.moved) deletedUpTo(p.left + 1);
    rows.push({ row: pairRow(left[p.left]!, r, p.moved), l: left[p.left]!, r });
  }
  deletedUpTo(left.length);
  return rows;
}
