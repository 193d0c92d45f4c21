/** How a comparison looks in JSON: the only path from a `Comparison` and its two texts to the client. */
import type { ComparedParagraph, ComparedSide, Comparison } from '../../shared/compare';
import { formatTextSpec } from '../../shared/textSpec';
import type { ResolvedText } from '../texts';

/** One of the two texts compared, as the client names and links it. */
export type ComparedTextJSON = ReturnType<typeof presentComparedText>;

/** A text of a draft that was compared: how to ask for it again, and how to name it. */
export function presentComparedText(t: ResolvedText) {
  return {
    spec: formatTextSpec(t.spec),
    label: t.label,
    state: t.state,
    symbol: t.symbol,
    seq: t.seq,
    at: t.at,
    revision: t.revision ? { symbol: t.revision.symbol, revision: t.revision.revision, issuedAt: t.revision.issuedAt } : null,
  };
}

/** A pasted or uploaded text: no spec, no symbol, only the name the user gave it. */
export function presentImportedText(label: string) {
  return { spec: null, label, state: 'imported' as const, symbol: null, seq: null, at: null, revision: null };
}

function side(s: ComparedSide | undefined) {
  return s ? { id: s.id, kind: s.kind, ref: s.ref, label: s.label, text: s.text } : undefined;
}

/** Who wrote a changed paragraph's new words, and when last, as the comparison names them. */
export interface ChangeWriterJSON {
  delegationId: string | null;
  /** The delegation's name, or "the secretariat or a chair" for writers without one. */
  name: string;
  chars: number;
  at: string;
}

function row(r: ComparedParagraph, writers?: ReadonlyMap<string, ChangeWriterJSON[]>) {
  const by = r.status !== 'unchanged' && r.status !== 'deleted' && r.right ? writers?.get(r.right.id) : undefined;
  return {
    kind: r.kind,
    status: r.status,
    label: r.label,
    left: side(r.left),
    right: side(r.right),
    similarity: r.similarity,
    segments: r.segments?.map((s) => ({ op: s.op, text: s.text })),
    ...(by ? { by } : {}),
  };
}

/**
 * The comparison with the two texts it compared, the numbering it used, notes for the reader
 * (two pasted texts whose printed negotiation numbers could not be kept were numbered in sequence),
 * and, where the history knows it, who wrote each changed paragraph's new words and when (`by`).
 */
export function presentComparison(
  comparison: Comparison,
  texts: { left: ComparedTextJSON | ReturnType<typeof presentImportedText>; right: ComparedTextJSON | ReturnType<typeof presentImportedText> },
  numbering: 'sequential' | 'negotiation',
  notes: readonly string[] = [],
  writers?: ReadonlyMap<string, ChangeWriterJSON[]>,
) {
  return {
    left: texts.left,
    right: texts.right,
    numbering,
    notes: [...notes],
    paragraphs: comparison.paragraphs.map((r) => row(r, writers)),
    // Said in each of the six languages, every one given.
    summary: { ar: comparison.summary.ar, zh: comparison.summary.zh, en: comparison.summary.en, fr: comparison.summary.fr, ru: comparison.summary.ru, es: comparison.summary.es },
    counts: { ...comparison.counts },
  };
}
