/**
 * The working text with its pending proposals applied, for a comparison that shows them as
 * tracked changes by the delegations that tabled them (issue #17): each proposal applied in the
 * order tabled, by the one amendment model (shared/oralAmendments.ts); one that no longer applies
 * (its words changed, its paragraph gone, or stale by its anchor) is skipped and listed. Who wrote
 * each character of a changed paragraph, and who deleted each character of the working text's
 * paragraph, is followed through the successive changes, so that two proposals on one paragraph
 * each keep their own words. Pure.
 */
import DiffMatchPatch from 'diff-match-patch';
import type { Node as PMNode } from 'prosemirror-model';
import { applyOralAmendments, findWords, type OralAmendment } from '../oralAmendments';

/** A pending proposal as applied here. */
export interface PendingChange {
  id: string;
  /** The delegation it is tabled for; null for the chair or the secretariat. */
  delegationId: string | null;
  amendment: OralAmendment;
  /** Which occurrence of its words it means now (from its anchor), when known; else the one it was tabled with. */
  occurrence?: number | null;
  /** Why it is not applied although it is pending (stale by its anchor), or null. */
  stale?: string | null;
}

/** Who made a paragraph of the text with proposals what it is. */
export interface ParagraphChanges {
  /** The paragraph's characters now (`node.textContent`: footnotes' text included). */
  text: string;
  /** Who wrote each character of `text`: a proposal's delegation id, or undefined where the working text had it. */
  writtenBy: (string | null | undefined)[];
  /** For each character of `text`, its index in `original`, or -1 for one a proposal brought. */
  fromOriginal: number[];
  /** The paragraph's characters in the working text ('' for a paragraph a proposal inserted). */
  original: string;
  /** Who deleted each character of `original`: a delegation id (null: the chair or the secretariat), or undefined. */
  deletedBy: (string | null | undefined)[];
  /** The delegation whose proposal moved the paragraph, inserted or deleted it whole (undefined: none). */
  wholeBy?: string | null;
  /** The proposals that changed it, in the order applied. */
  proposals: string[];
}

/** The working text with its pending proposals applied. */
export interface ProposalsApplied {
  doc: PMNode;
  applied: { id: string; delegationId: string | null }[];
  /** Those left out, and why; `deletedBy`: the proposal tabled before it that deletes its paragraph. */
  skipped: { id: string; delegationId: string | null; why: string; deletedBy?: string }[];
  /** By paragraph id, every paragraph a proposal changed, inserted, deleted or moved. */
  changes: Map<string, ParagraphChanges>;
}

const dmp = new DiffMatchPatch();

function paragraphsById(doc: PMNode): Map<string, PMNode> {
  const out = new Map<string, PMNode>();
  doc.descendants((node) => {
    const id = node.attrs.id;
    if (typeof id === 'string' && id !== '' && node.type.name !== 'annex' && node.type.name !== 'footnote' && !out.has(id)) out.set(id, node);
    return node.type.name === 'annex' || node.type.name === 'doc';
  });
  return out;
}

// The paragraphs moved with a moved one: its subparagraphs (deeper ones after it), as the model moves them.
function movedBlock(doc: PMNode, id: string): string[] {
  const kids: PMNode[] = [];
  doc.descendants((node) => {
    if (node.type.name !== 'annex') kids.push(node);
    return node.type.name === 'annex' || node.type.name === 'doc';
  });
  const at = kids.findIndex((n) => n.attrs.id === id);
  if (at < 0) return [];
  const head = kids[at]!;
  const depth = (n: PMNode) => (n.type.name === 'subparagraph' ? Number(n.attrs.level ?? 1) : 0);
  const out = [id];
  for (let i = at + 1; i < kids.length; i++) {
    const n = kids[i]!;
    if (n.type.name !== 'subparagraph' || depth(n) <= depth(head)) break;
    out.push(String(n.attrs.id ?? ''));
  }
  return out;
}

// "oral amendment 1 cannot apply to OP 3 (paragraph p3): …" said of a proposal.
function reason(error: string): string {
  return error.replace(/^oral amendment 1 cannot apply to /, '').replace(/\.$/, '');
}

/** Apply pending proposals in the order given (the order tabled) to the working text `doc`. */
export function applyPendingProposals(doc: PMNode, proposals: readonly PendingChange[]): ProposalsApplied {
  const changes = new Map<string, ParagraphChanges>();
  const applied: ProposalsApplied['applied'] = [];
  const skipped: ProposalsApplied['skipped'] = [];
  let current = doc;
  let paragraphs = paragraphsById(current);
  const deleted = new Map<string, PendingChange>();
  const entry = (id: string, text: string): ParagraphChanges => {
    let c = changes.get(id);
    if (!c) {
      c = {
        text,
        writtenBy: new Array(text.length).fill(undefined),
        fromOriginal: Array.from({ length: text.length }, (_, i) => i),
        original: text,
        deletedBy: new Array(text.length).fill(undefined),
        proposals: [],
      };
      changes.set(id, c);
    }
    return c;
  };

  for (const p of proposals) {
    const a = p.amendment;
    if (a.kind === 'words_not_in_record') continue;
    if (p.stale) {
      skipped.push({ id: p.id, delegationId: p.delegationId, why: p.stale });
      continue;
    }
    const amendment = { ...a, proposedBy: null, accepted: true } as OralAmendment & { occurrence?: number };
    if (p.occurrence != null && 'words' in amendment) amendment.occurrence = p.occurrence;
    const next = applyOralAmendments(current, [amendment]);
    if (!next.ok) {
      const gone = deleted.get(a.paragraphId) ?? (a.kind === 'move_paragraph' ? deleted.get(a.targetId) : undefined);
      if (gone) skipped.push({ id: p.id, delegationId: p.delegationId, why: 'a proposal tabled before it deletes that paragraph', deletedBy: gone.id });
      else skipped.push({ id: p.id, delegationId: p.delegationId, why: reason(next.error) });
      continue;
    }
    const after = paragraphsById(next.value);
    const by = p.delegationId;
    if (a.kind === 'insert_paragraph') {
      const text = after.get(a.newId)?.textContent ?? '';
      const c = entry(a.newId, '');
      Object.assign(c, { text, writtenBy: new Array(text.length).fill(by), fromOriginal: new Array(text.length).fill(-1), wholeBy: by });
      c.proposals.push(p.id);
    } else if (a.kind === 'delete_paragraph') {
      deleted.set(a.paragraphId, p);
      const c = entry(a.paragraphId, paragraphs.get(a.paragraphId)?.textContent ?? '');
      for (const o of c.fromOriginal) if (o >= 0 && c.deletedBy[o] === undefined) c.deletedBy[o] = by;
      Object.assign(c, { text: '', writtenBy: [], fromOriginal: [], wholeBy: by });
      c.proposals.push(p.id);
    } else if (a.kind === 'move_paragraph') {
      for (const id of movedBlock(current, a.paragraphId)) {
        const c = entry(id, paragraphs.get(id)?.textContent ?? '');
        c.wholeBy = by;
        c.proposals.push(p.id);
      }
    } else {
      const c = entry(a.paragraphId, paragraphs.get(a.paragraphId)?.textContent ?? '');
      const text = after.get(a.paragraphId)?.textContent ?? '';
      const writtenBy: ParagraphChanges['writtenBy'] = [];
      const fromOriginal: number[] = [];
      let at = 0;
      for (const [op, piece] of dmp.diff_main(c.text, text, false)) {
        if (op === DiffMatchPatch.DIFF_EQUAL) {
          writtenBy.push(...c.writtenBy.slice(at, at + piece.length));
          fromOriginal.push(...c.fromOriginal.slice(at, at + piece.length));
          at += piece.length;
        } else if (op === DiffMatchPatch.DIFF_INSERT) {
          for (let i = 0; i < piece.length; i++) {
            writtenBy.push(by);
            fromOriginal.push(-1);
          }
        } else {
          for (let i = at; i < at + piece.length; i++) {
            const o = c.fromOriginal[i]!;
            if (o >= 0) c.deletedBy[o] = by;
          }
          at += piece.length;
        }
      }
      Object.assign(c, { text, writtenBy, fromOriginal });
      c.proposals.push(p.id);
    }
    applied.push({ id: p.id, delegationId: by });
    current = next.value;
    paragraphs = after;
  }
  return { doc: current, applied, skipped, changes };
}

/** Consecutive characters by one writer: a run-length list of `by` (undefined and null kept apart). */
export function runsOf<T>(by: readonly T[]): { who: T; length: number }[] {
  const out: { who: T; length: number }[] = [];
  for (const who of by) {
    const last = out[out.length - 1];
    if (last && last.who === who) last.length++;
    else out.push({ who, length: 1 });
  }
  return out;
}

/** Which occurrence of `words` (1 = first, as `findWords` counts) starts at `from` in `text`, or null. */
export function occurrenceAt(text: string, words: string, from: number): number | null {
  for (let k = 1; ; k++) {
    const found = findWords(text, words, k);
    if (!found.ok || found.value[0] > from) return null;
    if (found.value[0] === from) return k;
  }
}
