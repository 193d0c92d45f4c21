/**
 * The character diff inside a changed paragraph: diff-match-patch by character, then its
 * semantic clean-up, which turns a scatter of one-character matches into whole changed phrases
 * and so reads well in Chinese (no spaces to split words on) as in English and Arabic.
 *
 * diff-match-patch counts UTF-16 code units, so it may cut an emoji's surrogate pair or an
 * accent from its letter. Each unchanged run is therefore trimmed to grapheme-cluster
 * boundaries on both sides, and what is trimmed off joins the neighbouring change: a change to
 * one member of an emoji sequence shows the whole emoji deleted and the new one inserted. In
 * scripts written with spaces the trim also goes to word boundaries, so that English and Arabic
 * changes show whole words.
 */
import DiffMatchPatch from 'diff-match-patch';
import type { Segment } from './types';

// The default time limit is kept: it also turns on the half-match speed-up, and a paragraph never
// comes near the limit itself.
const dmp = new DiffMatchPatch();

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// UTF-16 units that are each a grapheme of their own and never join a neighbour: ASCII,
// Latin-1, most Chinese and Japanese, general punctuation. Between two of them is always a
// grapheme boundary; anywhere else (marks, joiners, surrogates, Hangul, Indic and Arabic prepend
// signs) Intl.Segmenter decides, which costs far more than the diff itself.
function simpleUnit(c: number): boolean {
  return (
    c === 9 ||
    c === 10 ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0x2ff) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x205e) ||
    (c >= 0x2460 && c <= 0x24ff) ||
    c === 0x27e6 ||
    c === 0x27e7 ||
    (c >= 0x3000 && c <= 0x3029) ||
    (c >= 0x3030 && c <= 0x3098) ||
    (c >= 0x309b && c <= 0x30ff) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xff01 && c <= 0xff9d)
  );
}

// Letters of scripts that separate words with spaces; Chinese, Japanese and Thai do not, so a
// change there may start inside a run of letters.
const WORD = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
// Whether a UTF-16 unit is a letter of a spaced script. ASCII and the CJK unified ideographs,
// most of what a comparison meets, are answered without the Unicode-property regexes.
function inWord(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0x4e00 && c <= 0x9fff) return false;
  const ch = String.fromCharCode(c);
  return WORD.test(ch) && !UNSPACED.test(ch);
}

// Where a change may start or end in a text: at a grapheme-cluster boundary that is not inside
// a word ("Request|s" reads worse than "Requests"). Grapheme cuts are computed only when asked.
class Cuts {
  private set: Set<number> | null = null;

  constructor(private readonly text: string) {}

  at(pos: number): boolean {
    const text = this.text;
    if (pos === 0 || pos === text.length) return true;
    const before = text.charCodeAt(pos - 1);
    const after = text.charCodeAt(pos);
    if (inWord(before) && inWord(after)) return false;
    if (simpleUnit(before) && simpleUnit(after)) return true;
    if (!this.set) {
      this.set = new Set<number>();
      for (const s of graphemes.segment(text)) this.set.add(s.index);
    }
    return this.set.has(pos);
  }
}

/** The character diff of two paragraph texts, cut at grapheme boundaries only. */
export function diffText(left: string, right: string): Segment[] {
  if (left === right) return left === '' ? [] : [{ op: 'equal', text: left }];
  const diffs = dmp.diff_main(left, right);
  dmp.diff_cleanupSemantic(diffs);
  const atLeft = new Cuts(left);
  const atRight = new Cuts(right);
  const out: Segment[] = [];
  let del: string | null = null; // the change being gathered, as its two sides
  let ins = '';
  let a = 0;
  let b = 0;
  for (const [op, text] of diffs) {
    if (op !== 0) {
      del ??= '';
      if (op === -1) (del += text), (a += text.length);
      else (ins += text), (b += text.length);
      continue;
    }
    let s = 0;
    if (del !== null) while (s < text.length && !(atLeft.at(a + s) && atRight.at(b + s))) s++;
    let e = text.length;
    while (e > s && !(atLeft.at(a + e) && atRight.at(b + e))) e--;
    if (e <= s) {
      del = (del ?? '') + text;
      ins += text;
    } else {
      if (del !== null) {
        pushChange(out, del + text.slice(0, s), ins + text.slice(0, s));
        del = null;
        ins = '';
      }
      out.push({ op: 'equal', text: text.slice(s, e) });
      if (e < text.length) (del = text.slice(e)), (ins = text.slice(e));
    }
    a += text.length;
    b += text.length;
  }
  if (del !== null) pushChange(out, del, ins);
  return out;
}

// A gathered change as its deletion and insertion, each only when not empty.
function pushChange(out: Segment[], del: string, ins: string): void {
  if (del) out.push({ op: 'delete', text: del });
  if (ins) out.push({ op: 'insert', text: ins });
}

/** The share of the two texts' characters that the diff kept: 1 for the same text, 0 for nothing in common. */
export function keptShare(segments: readonly Segment[], left: string, right: string): number {
  const total = left.length + right.length;
  if (total === 0) return 1;
  let kept = 0;
  for (const s of segments) if (s.op === 'equal') kept += s.text.length;
  return (2 * kept) / total;
}

/** The text of one side of a diff: 'left' spells the left text, 'right' the right one. */
export function sideText(segments: readonly Segment[], side: 'left' | 'right'): string {
  const skip = side === 'left' ? 'insert' : 'delete';
  let text = '';
  for (const s of segments) if (s.op !== skip) text += s.text;
  return text;
}
