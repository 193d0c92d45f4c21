/**
 * Aligning a language version with the issued text (shared/languageVersions.ts alignVersion):
 * structure first (kinds, levels, annexes, footnotes), then what survives translation (each
 * paragraph's share of the text's length, its numbers, its footnotes), or the ids a version made
 * from the reference keeps; every place the structures differ is named where it is.
 */
import { FORMULA_ID, TITLE_ID, asNode, asciiDigits, clone, excerpt, read, type Block, type NodeJSON, type Reading } from './versionBlocks';
import type { TextJSON } from './schema';
import { letterIndex, romanValue } from './import/lines';
import { ARABIC_LETTERS } from './numberingLabels';
import { alignSeq, BAND, type Op } from './versionAlignSeq';

/** The ways a version's structure can differ from the reference's. */
export const MISMATCH_KINDS = ['missing', 'extra', 'split', 'kind_differs', 'lettering_differs', 'annex_missing', 'annex_extra', 'footnotes_differ', 'title_missing'] as const;

/** One place where a version's structure differs from the reference's. */
export interface Mismatch {
  kind: (typeof MISMATCH_KINDS)[number];
  /** Where, in the reference text, as printed in English: "OP 3 (b)", "PP 2", "Annex I, para. 4". */
  at: string;
  /** Where in the version (its own printed label or "paragraph 7 of the version"), or null. */
  versionAt: string | null;
  /** One sentence a reviser understands. */
  detail: string;
}

// --- Alignment -------------------------------------------------------------------------------

// How far a length is from the expected one, 0 (as expected) to 1 (three times off or more).
function lengthGap(versionLength: number, referenceLength: number, ratio: number): number {
  return Math.min(1, Math.abs(Math.log(versionLength / (ratio * referenceLength))) / Math.log(3));
}

// How unlike two blocks are in what survives translation, 0 to 1.
function unlike(a: Block, b: Block, ratio: number): number {
  let digits = 0;
  if (a.digits.length > 0 || b.digits.length > 0) {
    // Both lists are sorted: count the numbers they share by walking them together.
    let common = 0;
    for (let i = 0, j = 0; i < a.digits.length && j < b.digits.length; ) {
      if (a.digits[i] === b.digits[j]) {
        common++;
        i++;
        j++;
      } else if (a.digits[i]! < b.digits[j]!) i++;
      else j++;
    }
    digits = 1 - common / Math.max(a.digits.length, b.digits.length);
  }
  const notes = a.notes.length === b.notes.length ? 0 : 1;
  return 0.5 * lengthGap(b.length, a.length, ratio) + 0.3 * digits + 0.2 * notes;
}

const WEIGHT = 0.5;

// What pairing two blocks costs: a different kind or level first, then how unlike they are; when the
// version carries the reference's ids (made from it, not read from Word or paste), another id costs too.
function pairCost(a: Block, b: Block, ratio: number, byId: boolean): number {
  const shape = a.kind !== b.kind ? 1 : a.level !== b.level ? 0.8 : 0;
  return shape + WEIGHT * unlike(a, b, ratio) + (byId && a.id !== b.id ? 0.3 : 0);
}

/** How close two placements of a gap may cost and still both be named: the lengths cannot tell them apart. */
const ALIKE = 0.06;

/** Options of `alignVersion`. */
export interface AlignOptions {
  /** The labels the version printed, by the version's paragraph ids (the importer's report): "(c)", "c)", "(ج)". */
  printed?: Readonly<Record<string, string | null>>;
}

const KIND_WORDS: Record<string, string> = {
  formula: 'the opening formula',
  preambular: 'a preambular paragraph',
  operative: 'an operative paragraph',
  subparagraph: 'a subparagraph',
  plain: 'an unnumbered paragraph',
  annexHeading: 'an annex heading',
};

/** The ordinal a printed label stands for: "(c)", "c)", "(ج)", "(iii)", "iii)", "㈢", "3.", "٣ -" → 3; null when it is not one. */
export function printedOrdinal(label: string, level: number): number | null {
  const core = asciiDigits(label)
    .replace(/[\s().\-–’‘'"]/g, '')
    .replace(/[\u200f\u200e]/g, '');
  if (/^\d+$/.test(core)) return Number(core);
  if (/^[\u3220-\u3229]$/.test(core)) return core.charCodeAt(0) - 0x3220 + 1;
  const abjad = (ARABIC_LETTERS as readonly string[]).indexOf(core === 'ه' ? 'هـ' : core);
  if (abjad >= 0) return abjad + 1;
  const lower = core.toLowerCase();
  const roman = level === 2 ? romanValue(lower) : null;
  if (roman !== null) return roman;
  const letter = letterIndex(lower);
  if (letter !== null) return letter + 1;
  return null;
}

/**
 * Put the reference's ids on a version read from Word or paste, or say exactly where the structure
 * differs. The version must have the reference's structure: the same paragraphs of the same kinds
 * and levels, the same annexes, the same number of footnotes in each paragraph, a title when the
 * reference has one (and, given the labels it printed, its subparagraphs lettered as the
 * reference's). Throws a RangeError when either is not the JSON of a doc.
 */
export function alignVersion(reference: TextJSON, version: TextJSON, options: AlignOptions = {}): { ok: true; text: TextJSON } | { ok: false; mismatches: Mismatch[] } {
  const ref = read(reference);
  const ver = read(version);
  const total = (r: Reading) => [r.title, ...r.body, ...r.annexes.flatMap((x) => [x.heading, ...x.blocks])].reduce((sum, b) => sum + b.length, 0);
  // How much longer the version's language writes the same words. The whole texts' ratio is off
  // when a paragraph is missing or extra; so candidate ratios around it are tried, each plan
  // scored with the ratio of the blocks it matched, and the cheapest plan kept.
  const global = total(ver) / total(ref);
  const paragraphsOf = (r: Reading) => [...r.body, ...r.annexes.flatMap((x) => x.blocks)].filter((b) => b.kind !== 'formula');
  const refIds = new Set(paragraphsOf(ref).map((b) => b.id));
  const verParagraphs = paragraphsOf(ver);
  const byId = verParagraphs.length > 0 && verParagraphs.filter((b) => refIds.has(b.id)).length * 2 >= verParagraphs.length;
  // The same shape block for block (the usual case): paired in order, no search. Otherwise a text
  // too far from the reference to align is said so at once (and no hostile text costs n × m).
  const sameShape = shapeOf(ref) === shapeOf(ver);
  if (!sameShape) {
    const [n, m] = [blockCount(ref), blockCount(ver)];
    if (Math.abs(n - m) > BAND || (n + 1) * (m + 1) > MAX_CELLS) {
      const detail = `The version has ${m} paragraphs and headings where the text has ${n}: too different to align paragraph by paragraph. Check that it is a version of this text, read in its language.`;
      return { ok: false, mismatches: [{ kind: m < n ? 'missing' : 'extra', at: 'the whole text', versionAt: null, detail }] };
    }
  }
  let plan = sameShape ? positionalPlan(ref, ver, global) : planAlignment(ref, ver, global, byId);
  // A plan with nothing missing or extra needs no other ratio.
  const gaps = (p: Plan) => [...p.body, ...p.annexes, ...p.inAnnexes.flat()].some((o) => o.op !== 'match');
  for (const factor of gaps(plan) ? [0.6, 0.7, 0.8, 0.9, 1.12, 1.25, 1.4, 1.6] : []) {
    const other = planAlignment(ref, ver, global * factor, byId);
    if (other.score < plan.score - 1e-9) plan = other;
  }
  const { ratio } = plan;
  const mismatches: Mismatch[] = [];
  const ids = new Map<NodeJSON, string>(); // version node → reference id
  const refIdOf = new Map<string, string>(); // version paragraph id → reference id
  const verParagraphIndex = new Map<Block, number>();
  [...ver.body, ...ver.annexes.flatMap((a) => a.blocks)].filter((b) => b.kind !== 'formula').forEach((b, i) => verParagraphIndex.set(b, i + 1));
  const where = (b: Block) => {
    const printed = options.printed?.[b.id];
    if (b.kind === 'formula' || b.kind === 'annexHeading') return b.ref;
    const position = `paragraph ${verParagraphIndex.get(b)} of the version`;
    return printed ? `“${printed.trim()}” (${b.ref}, ${position})` : `${b.ref} (${position})`;
  };

  if (ref.title.text.trim() !== '' && ver.title.text.trim() === '') {
    mismatches.push({ kind: 'title_missing', at: 'the title', versionAt: null, detail: 'The version has no title: give the title in its language above the opening formula.' });
  }

  const region = (ops: Op<Block>[]) => {
    const disturbed = new Set<string | null>();
    const used = new Set<number>();
    for (let k = 0; k < ops.length; k++) {
      const o = ops[k]!;
      if (o.op !== 'extra') continue;
      // A version paragraph beside a matched one whose length the two fill together: a split.
      for (const n of [k - 1, k + 1]) {
        const next = ops[n];
        if (next?.op !== 'match' || used.has(n)) continue;
        const alone = Math.abs(Math.log(next.b.length / (ratio * next.a.length)));
        const joined = Math.abs(Math.log((next.b.length + o.b.length) / (ratio * next.a.length)));
        if (joined < alone && joined < Math.log(1.6)) {
          const [first, second] = n < k ? [next.b, o.b] : [o.b, next.b];
          mismatches.push({
            kind: 'split',
            at: next.a.ref,
            versionAt: `${where(first)} and ${where(second)}`,
            detail: `${next.a.ref} is split in two in the version: ${where(first)} and ${where(second)} hold its words; make them one paragraph.`,
          });
          used.add(n);
          ops[k] = { op: 'extra', b: { ...o.b, kind: ':split' } };
          disturbed.add(next.a.parentId ?? next.a.id);
          break;
        }
      }
    }
    let lastVersion: Block | null = null;
    let lastRef: string | null = null;
    for (let k = 0; k < ops.length; k++) {
      const o = ops[k]!;
      if (o.op === 'match') {
        lastVersion = o.b;
        lastRef = o.a.ref;
        ids.set(o.b.node, o.a.id);
        refIdOf.set(o.b.id, o.a.id);
        if (o.a.kind !== o.b.kind) {
          mismatches.push({
            kind: 'kind_differs',
            at: o.a.ref,
            versionAt: where(o.b),
            detail: `${o.a.ref} is ${KIND_WORDS[o.a.kind] ?? o.a.kind} in the reference but ${KIND_WORDS[o.b.kind] ?? o.b.kind} in the version (${where(o.b)}).`,
          });
        } else if (o.a.level !== o.b.level) {
          mismatches.push({
            kind: 'lettering_differs',
            at: o.a.ref,
            versionAt: where(o.b),
            detail: `${o.a.ref} is a subparagraph of level ${o.a.level} (${o.a.level === 1 ? '(a), (b)' : '(i), (ii)'}) in the reference but of level ${o.b.level} in the version (${where(o.b)}).`,
          });
          disturbed.add(o.a.parentId);
        }
        if (o.a.notes.length !== o.b.notes.length) {
          mismatches.push({
            kind: 'footnotes_differ',
            at: o.a.ref,
            versionAt: where(o.b),
            detail: `${o.a.ref} has ${o.a.notes.length} footnote(s) in the reference and ${o.b.notes.length} in the version (${where(o.b)}).`,
          });
        }
      } else if (o.op === 'missing') {
        disturbed.add(o.a.parentId);
        const joinedWith = [ops[k - 1], ops[k + 1]].find((x) => x?.op === 'match') as { a: Block; b: Block } | undefined;
        const joined =
          joinedWith &&
          Math.abs(Math.log(joinedWith.b.length / (ratio * (joinedWith.a.length + o.a.length)))) < Math.abs(Math.log(joinedWith.b.length / (ratio * joinedWith.a.length)));
        const alike = alikeGaps(ops, k, (x, y) => pairCost(x, y, ratio, byId));
        const or = alike.length > 0 ? ` Their lengths cannot tell it from ${alike.join(' or ')}, which may be the one missing instead: compare their words.` : '';
        mismatches.push({
          kind: 'missing',
          at: o.a.ref,
          versionAt: null,
          detail: joined
            ? `${o.a.ref} is not a paragraph of its own in the version: its words seem joined with ${joinedWith.a.ref} (${where(joinedWith.b)}).`
            : `${o.a.ref} is missing from the version${lastVersion ? ` (after ${where(lastVersion)})` : ''}.${or}`,
        });
      } else if (o.b.kind !== ':split') {
        disturbed.add(o.b.parentId === null ? null : (refIdOf.get(o.b.parentId) ?? null));
        mismatches.push({
          kind: 'extra',
          at: lastRef ? `after ${lastRef}` : 'at the start',
          versionAt: where(o.b),
          detail: `The version has a paragraph the reference does not have: ${where(o.b)}, “${excerpt(o.b.text)}”.`,
        });
      }
    }
    // Letters as printed: only where the run of subparagraphs otherwise matches.
    if (!options.printed) return;
    for (const o of ops) {
      if (o.op !== 'match' || o.a.kind !== 'subparagraph' || o.b.kind !== 'subparagraph' || o.a.level !== o.b.level) continue;
      if (disturbed.has(o.a.parentId)) continue;
      const printed = options.printed[o.b.id];
      if (!printed) continue;
      const want = printedOrdinal(o.a.number, o.a.level);
      const got = printedOrdinal(printed, o.b.level);
      if (want !== null && got !== null && want !== got) {
        mismatches.push({
          kind: 'lettering_differs',
          at: o.a.ref,
          versionAt: where(o.b),
          detail: `${o.a.ref} is lettered “${printed.trim()}” in the version: it is the subparagraph ${o.a.number} of the reference.`,
        });
      }
    }
  };

  region(plan.body);
  plan.annexes.forEach((o, k) => {
    if (o.op === 'match') {
      ids.set(o.b.heading.node, o.a.id);
      region(plan.inAnnexes[k]!);
    } else if (o.op === 'missing') {
      const label = o.a.heading.ref.replace(/ heading$/, '');
      mismatches.push({ kind: 'annex_missing', at: label, versionAt: null, detail: `${label} is missing from the version.` });
    } else {
      const label = o.b.heading.ref.replace(/ heading$/, '');
      mismatches.push({
        kind: 'annex_extra',
        at: label,
        versionAt: `${label} of the version`,
        detail: `The version has an annex the reference does not have: ${label} of the version, “${excerpt(o.b.heading.text)}”.`,
      });
    }
  });
  if (mismatches.length > 0) return { ok: false, mismatches };
  return { ok: true, text: withIds(version, ref, ids) };
}

// The reference blocks of the same kind around a missing one (ops[k]) that the gap could stand at
// instead for almost the same cost: each pairing shifted one step costs less than ALIKE more.
function alikeGaps(ops: readonly Op<Block>[], k: number, pair: (a: Block, b: Block) => number): string[] {
  const gap = ops[k] as { a: Block };
  const found: string[] = [];
  for (const step of [-1, 1]) {
    let delta = 0;
    let carried = gap.a; // the reference block that would take the version block of ops[j]
    for (let j = k + step; j >= 0 && j < ops.length; j += step) {
      const o = ops[j]!;
      if (o.op !== 'match' || o.a.kind !== gap.a.kind || o.b.kind !== gap.a.kind || o.a.level !== gap.a.level) break;
      delta += pair(carried, o.b) - pair(o.a, o.b);
      if (delta >= ALIKE) break;
      found.push(o.a.ref);
      carried = o.a;
    }
  }
  return found;
}

/** The most cells one alignment computes (about 2,000 paragraphs against as many): past it, a text is not aligned block by block. */
const MAX_CELLS = 4_000_000;

// What alignment compares of a text, block by block: kinds, levels, footnote counts, annexes.
function shapeOf(r: Reading): string {
  const sig = (b: Block) => `${b.kind}.${b.level}.${b.notes.length}`;
  return [...r.body.map(sig), ...r.annexes.flatMap((a) => ['annex', ...a.blocks.map(sig)])].join('|');
}

function blockCount(r: Reading): number {
  return r.body.length + r.annexes.reduce((sum, a) => sum + 1 + a.blocks.length, 0);
}

// Two texts of the same shape, paired in order.
function positionalPlan(ref: Reading, ver: Reading, ratio: number): Plan {
  const zip = <T>(a: readonly T[], b: readonly T[]): Op<T>[] => a.map((x, i) => ({ op: 'match', a: x, b: b[i]! }));
  const annexes = zip(ref.annexes, ver.annexes);
  return { ratio, score: 0, body: zip(ref.body, ver.body), annexes, inAnnexes: annexes.map((o) => (o.op === 'match' ? zip(o.a.blocks, o.b.blocks) : [])) };
}

type Annex = Reading['annexes'][number];

/** One way to pair two texts' blocks, with the length ratio of what it matched and its cost at that ratio. */
interface Plan {
  ratio: number;
  score: number;
  body: Op<Block>[];
  annexes: Op<Annex>[];
  /** The blocks of each annex pair (empty for an annex missing or extra), by index in `annexes`. */
  inAnnexes: Op<Block>[][];
}

// Aligns the body and the annexes at `ratio`, then scores the plan at the ratio of its own matches.
function planAlignment(ref: Reading, ver: Reading, ratio: number, byId: boolean): Plan {
  const size = (a: Annex) => [a.heading, ...a.blocks].reduce((s, b) => s + b.length, 0);
  const pair = (x: Block, y: Block) => pairCost(x, y, ratio, byId);
  const body = alignSeq(ref.body, ver.body, pair, 1);
  const annexes: Op<Annex>[] =
    ref.annexes.length === ver.annexes.length
      ? ref.annexes.map((a, i) => ({ op: 'match', a, b: ver.annexes[i]! }))
      : alignSeq(ref.annexes, ver.annexes, (a, b) => WEIGHT * lengthGap(size(b), size(a), ratio), 1);
  const inAnnexes = annexes.map((o) => (o.op === 'match' ? alignSeq(o.a.blocks, o.b.blocks, pair, 1) : []));
  let a = 0;
  let b = 0;
  for (const o of [...body, ...inAnnexes.flat()]) {
    if (o.op !== 'match') continue;
    a += o.a.length;
    b += o.b.length;
  }
  const own = a > 0 && b > 0 ? b / a : ratio;
  let score = annexes.filter((o) => o.op !== 'match').length;
  for (const o of [...body, ...inAnnexes.flat()]) score += o.op === 'match' ? pairCost(o.a, o.b, own, byId) : 1;
  return { ratio: own, score, body, annexes, inAnnexes };
}

// The version with the reference's ids: paragraphs, annexes and footnotes (in order within each paragraph).
function withIds(version: TextJSON, ref: Reading, ids: Map<NodeJSON, string>): TextJSON {
  const refNotes = new Map<string, string[]>();
  const refRoot = [...ref.body, ...ref.annexes.flatMap((a) => a.blocks)];
  for (const b of refRoot)
    refNotes.set(
      b.id,
      (b.node.content ?? []).filter((c) => c.type === 'footnote').map((c) => String(c.attrs?.id ?? '')),
    );
  const out = clone(asNode(version));
  const origin = new Map<NodeJSON, NodeJSON>();
  // Walk the original and the copy together, so that ids found on original nodes land on copies.
  const walk = (orig: NodeJSON, copy: NodeJSON) => {
    origin.set(copy, orig);
    (orig.content ?? []).forEach((c, i) => walk(c, copy.content![i]!));
  };
  walk(asNode(version), out);
  const set = (copy: NodeJSON) => {
    const orig = origin.get(copy)!;
    const id = ids.get(orig);
    if (id !== undefined && id !== TITLE_ID && id !== FORMULA_ID) {
      if (copy.type === 'annexHeading') return;
      copy.attrs = { ...copy.attrs, id };
      const notes = refNotes.get(id) ?? [];
      let n = 0;
      for (const child of copy.content ?? []) if (child.type === 'footnote') child.attrs = { ...child.attrs, id: notes[n++] ?? '' };
    }
  };
  for (const child of out.content ?? []) {
    if (child.type !== 'annex') set(child);
    else {
      const heading = (child.content ?? []).find((c) => c.type === 'annexHeading');
      const annexId = heading ? ids.get(origin.get(heading)!) : undefined;
      if (annexId !== undefined) child.attrs = { ...child.attrs, id: annexId };
      for (const part of child.content ?? []) set(part);
    }
  }
  return out;
}
