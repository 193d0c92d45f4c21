/**
 * The first pairs made by text alone, for blocks no id paired (texts pasted or imported, whose
 * ids are fresh): a text that occurs exactly once among the unmatched blocks of each side is the
 * same block on both (the anchors of a patience diff). align.ts aligns what lies between them.
 */
import type { Unit } from './units';

/** Blocks of different classes never pair by text: a heading is not a paragraph. */
export function classOf(u: Unit): string {
  return u.kind === 'title' || u.kind === 'formula' || u.kind === 'annexHeading' ? u.kind : 'paragraph';
}

/** Pairs texts that occur exactly once among the unmatched blocks of each side (`rightOf`, `leftOf`: -1 where unmatched), calling `link`. */
export function matchUniqueTexts(left: readonly Unit[], right: readonly Unit[], rightOf: Int32Array, leftOf: Int32Array, link: (i: number, j: number) => void): void {
  const [ls, rs] = [new TextIndex(left, rightOf), new TextIndex(right, leftOf)];
  for (const [print, first] of ls.heads) {
    const other = rs.heads.get(print);
    if (other === undefined) continue;
    for (let i = first; i !== -1; i = ls.next[i]!) {
      const j = rs.only(other, left[i]!.text);
      if (j >= 0 && ls.only(first, left[i]!.text) === i && classOf(left[i]!) === classOf(right[j]!)) link(i, j);
    }
  }
}

/**
 * The unmatched blocks of one side under a fingerprint of their text, each fingerprint's blocks
 * chained (the last first). Texts freshly imported have never been hashed, and hashing every paragraph
 * whole to key a map cost more than the rest of this step: the fingerprint reads a few
 * characters, and texts are compared whole only when their fingerprints agree.
 */
class TextIndex {
  /** The last block with each fingerprint, where its chain starts. */
  readonly heads = new Map<number, number>();
  /** The next block with the same fingerprint, or -1. */
  readonly next: Int32Array;

  constructor(
    private readonly units: readonly Unit[],
    taken: Int32Array,
  ) {
    this.next = new Int32Array(units.length).fill(-1);
    for (let k = 0; k < units.length; k++) {
      const u = units[k]!;
      if (taken[k] !== -1 || u.kind === 'title' || u.kind === 'formula') continue;
      const print = fingerprint(u.text);
      this.next[k] = this.heads.get(print) ?? -1;
      this.heads.set(print, k);
    }
  }

  /** The one block from `head` on whose text is `text`; -1 when none is, or several are. */
  only(head: number, text: string): number {
    let found = -1;
    for (let k = head; k !== -1; k = this.next[k]!) {
      if (this.units[k]!.text !== text) continue;
      if (found >= 0) return -1;
      found = k;
    }
    return found;
  }
}

// A number from the length and nine characters spread through a text: equal texts have equal fingerprints.
function fingerprint(text: string): number {
  const n = text.length;
  let h = n;
  if (n === 0) return h;
  for (let k = 0; k < 8; k++) h = (Math.imul(h, 31) + text.charCodeAt((k * n) >> 3)) | 0;
  return (Math.imul(h, 31) + text.charCodeAt(n - 1)) | 0;
}
