/**
 * Proposals: changes any delegation tables on a draft's working text during informal
 * consultations — replace, insert or delete words, insert, delete, replace or move a paragraph —
 * with a short rationale, attributed to the delegation (maybe "on behalf of" a group). The
 * amendment is the one model of shared/oralAmendments.ts.
 *
 * A proposal lives in the draft's governed record: `proposal_tabled` when tabled,
 * `proposal_decided` for each change of state (accepted, accepted as modified, rejected,
 * withdrawn, superseded). Its state is folded from those entries, never stored apart.
 *
 *   pending ──▶ accepted | accepted_as_modified | rejected | withdrawn | superseded
 *
 * Only a pending proposal changes state, and only once. A proposal is **stale** when the words
 * it quotes were changed since it was tabled (or its paragraph is gone): derived from where its
 * anchor stands in the live text now (server/collab/anchors.ts), never recorded.
 */
import type { LocalizedText } from './delegations';
import type { Lang } from './languages';
import { hashParagraphText } from './negotiation';
import type { OralAmendment } from './oralAmendments';
import type { PermissionJSON } from './policy';
import { fail, ok, type Result } from './result';

/** The states of a proposal, the first one its start. */
export const PROPOSAL_STATES = ['pending', 'accepted', 'accepted_as_modified', 'rejected', 'withdrawn', 'superseded'] as const;
/** One state of a proposal. */
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/**
 * "on behalf of the Group of 77 and China", from what a proposal records of whom it speaks for:
 * the group's name, or the words whole as sponsor lists write them ("also on behalf of its member
 * States"), which are not prefixed twice. Null when it speaks for its delegation alone.
 */
export function onBehalfWords(onBehalfOf: string | null | undefined): string | null {
  if (!onBehalfOf) return null;
  return /on behalf of/i.test(onBehalfOf) ? onBehalfOf : `on behalf of ${onBehalfOf}`;
}

/** The states a decision (the penholder's, the chair's, the secretariat's) may give. */
export const DECISION_STATES = ['accepted', 'accepted_as_modified', 'rejected'] as const satisfies readonly ProposalState[];
/** One state a decision gives. */
export type DecisionState = (typeof DECISION_STATES)[number];

/** What each state reads as, in English and Chinese. */
export const PROPOSAL_STATE_LABELS: Record<ProposalState, Record<Lang, string>> = {
  // Said of a proposal: اقتراح, proposition, propuesta, предложение.
  pending: { ar: 'قيد النظر', zh: '待决', en: 'pending', fr: 'en attente', ru: 'на рассмотрении', es: 'pendiente' },
  accepted: { ar: 'مقبول', zh: '已接受', en: 'accepted', fr: 'acceptée', ru: 'принято', es: 'aceptada' },
  accepted_as_modified: {
    ar: 'مقبول بصيغته المعدلة',
    zh: '经修改后接受',
    en: 'accepted as modified',
    fr: 'acceptée sous une forme modifiée',
    ru: 'принято с изменениями',
    es: 'aceptada con modificaciones',
  },
  rejected: { ar: 'غير مقبول', zh: '未接受', en: 'rejected', fr: 'non acceptée', ru: 'не принято', es: 'no aceptada' },
  withdrawn: { ar: 'مسحوب', zh: '已撤回', en: 'withdrawn', fr: 'retirée', ru: 'отозвано', es: 'retirada' },
  superseded: { ar: 'حل محله اقتراح آخر', zh: '已被取代', en: 'superseded', fr: 'remplacée', ru: 'заменено', es: 'sustituida' },
};

/** The longest a proposal's texts may be, in characters (its words, its new text, its rationale, a decision's note). */
export const PROPOSAL_LIMITS = { text: 2000, rationale: 2000, note: 2000 } as const;

/** Where a proposal's quoted words are: two Yjs relative positions, base64 (null: the paragraph's start or end). */
export interface ProposalAnchor {
  start: string | null;
  end: string | null;
}

/** Payload of a `proposal_tabled` entry. */
export interface ProposalTabledPayload {
  proposalId: string;
  amendment: OralAmendment;
  rationale: string | null;
  /** The delegation it is tabled for; null for the chair or the secretariat. */
  delegationId: string | null;
  onBehalfOf: LocalizedText | null;
  /** The proposal it replaces (re-anchored, reworded), which becomes superseded in the same transaction. */
  supersedes: string | null;
  /** The words it quotes (replaces, deletes, inserts before or after); null when it quotes none. */
  quoted: string | null;
  /** `proposalTextHash` of the paragraph's inline text when tabled. */
  paragraphTextHash: string;
  anchor: ProposalAnchor;
}

/** Payload of a `proposal_decided` entry. */
export interface ProposalDecidedPayload {
  proposalId: string;
  state: Exclude<ProposalState, 'pending'>;
  /** Accepted as modified: the words as modified. */
  text?: string;
  note?: string | null;
  /** Accepted: the seq of the update that applied it to the working text. */
  logSeq?: number;
}

/** One entry of the record as the fold reads it. */
export interface ProposalRecordRow {
  seq: number;
  type: string;
  payload: unknown;
  userId: string | null;
  at: string;
}

/** A proposal as the record says it is now. */
export interface Proposal {
  id: string;
  /** The seq of its `proposal_tabled` entry. */
  seq: number;
  amendment: OralAmendment;
  rationale: string | null;
  delegationId: string | null;
  onBehalfOf: LocalizedText | null;
  supersedes: string | null;
  /** The proposal that replaced it, once superseded. */
  supersededBy: string | null;
  quoted: string | null;
  paragraphTextHash: string;
  anchor: ProposalAnchor;
  /** The user who tabled it. */
  proposedBy: string;
  tabledAt: string;
  state: ProposalState;
  decidedAt: string | null;
  decidedBy: string | null;
  note: string | null;
  /** Accepted as modified: the words as modified. */
  modifiedText: string | null;
  /** Accepted: the update seq that applied it. */
  logSeq: number | null;
}

/** The record's entry types a proposal is folded from. */
export const PROPOSAL_RECORD_TYPES = { tabled: 'proposal_tabled', decided: 'proposal_decided' } as const;

/**
 * Every proposal of a draft, in the order tabled, from its record (any order, any other
 * entries among them). A decision on an unknown or no longer pending proposal is ignored: the
 * commands never write one.
 */
export function proposalsOf(rows: readonly ProposalRecordRow[]): Proposal[] {
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  const byId = new Map<string, Proposal>();
  for (const row of sorted) {
    if (row.type === PROPOSAL_RECORD_TYPES.tabled) {
      const p = row.payload as ProposalTabledPayload;
      if (byId.has(p.proposalId)) continue;
      byId.set(p.proposalId, {
        id: p.proposalId,
        seq: row.seq,
        amendment: p.amendment,
        rationale: p.rationale ?? null,
        delegationId: p.delegationId ?? null,
        onBehalfOf: p.onBehalfOf ?? null,
        supersedes: p.supersedes ?? null,
        supersededBy: null,
        quoted: p.quoted ?? null,
        paragraphTextHash: p.paragraphTextHash ?? '',
        anchor: p.anchor ?? { start: null, end: null },
        proposedBy: row.userId ?? '',
        tabledAt: row.at,
        state: 'pending',
        decidedAt: null,
        decidedBy: null,
        note: null,
        modifiedText: null,
        logSeq: null,
      });
      if (p.supersedes) {
        const old = byId.get(p.supersedes);
        if (old) old.supersededBy = p.proposalId;
      }
    } else if (row.type === PROPOSAL_RECORD_TYPES.decided) {
      const d = row.payload as ProposalDecidedPayload;
      const p = byId.get(d.proposalId);
      if (!p || !checkProposalDecision(p.state, d.state).ok) continue;
      p.state = d.state;
      p.decidedAt = row.at;
      p.decidedBy = row.userId;
      p.note = d.note ?? null;
      p.modifiedText = d.text ?? null;
      p.logSeq = d.logSeq ?? null;
    }
  }
  return [...byId.values()];
}

/** Whether a proposal may go from `current` to `next`: only a pending one changes, and never back to pending. */
export function checkProposalDecision(current: ProposalState, next: ProposalState): Result<true, string> {
  if (!(PROPOSAL_STATES as readonly string[]).includes(next)) return fail(`a proposal cannot become ${JSON.stringify(next)}`);
  if (next === 'pending') return fail('a proposal cannot be made pending again');
  if (current !== 'pending') return fail(`the proposal is no longer pending: it was ${PROPOSAL_STATE_LABELS[current].en}`);
  return ok(true);
}

/** Whether an amendment's kind brings words a decision may modify (a deletion or a move brings none). */
export function modifiable(a: OralAmendment): boolean {
  return a.kind === 'replace_words' || a.kind === 'insert_words' || a.kind === 'replace_paragraph' || a.kind === 'insert_paragraph';
}

/** The amendment as accepted with its words modified: the new words in place of those it brought. */
export function modifiedAmendment(a: OralAmendment, text: string): Result<OralAmendment, string> {
  if (!modifiable(a)) return fail(`${describeKind(a)} brings no words to modify: accept it or reject it`);
  const words = text.normalize('NFC');
  if (words.trim() === '' || words.includes('\uFFFC')) return fail('the modified words must be non-empty text (no footnote mark)');
  return ok({ ...a, text: words } as OralAmendment);
}

function describeKind(a: OralAmendment): string {
  if (a.kind === 'delete_words' || a.kind === 'delete_paragraph') return 'a deletion';
  if (a.kind === 'move_paragraph') return 'a move';
  return 'this amendment';
}

/** The paragraphs a proposal is about: the one it amends, and the one a moved paragraph goes before or after. */
export function proposalParagraphIds(a: OralAmendment): string[] {
  return a.kind === 'move_paragraph' ? [a.paragraphId, a.targetId] : [a.paragraphId];
}

/** Which of a proposal's fields is over its limit, or null: the amendment's words and new text, the rationale. */
export function overLimit(input: { amendment: OralAmendment; rationale?: string | null; note?: string | null; text?: string | null }): {
  field: string;
  limit: number;
} | null {
  const a = input.amendment as { words?: unknown; text?: unknown };
  if (typeof a.words === 'string' && a.words.length > PROPOSAL_LIMITS.text) return { field: 'words', limit: PROPOSAL_LIMITS.text };
  if (typeof a.text === 'string' && a.text.length > PROPOSAL_LIMITS.text) return { field: 'text', limit: PROPOSAL_LIMITS.text };
  if (typeof input.text === 'string' && input.text.length > PROPOSAL_LIMITS.text) return { field: 'text', limit: PROPOSAL_LIMITS.text };
  if (typeof input.rationale === 'string' && input.rationale.length > PROPOSAL_LIMITS.rationale) return { field: 'rationale', limit: PROPOSAL_LIMITS.rationale };
  if (typeof input.note === 'string' && input.note.length > PROPOSAL_LIMITS.note) return { field: 'note', limit: PROPOSAL_LIMITS.note };
  return null;
}

/**
 * A short fingerprint of a paragraph's inline text (a footnote as U+FFFC), kept with a proposal
 * when tabled: a proposal replacing the whole paragraph is stale once it differs. 53-bit cyrb53
 * in hex, as shared/negotiation.ts `paragraphTextHash` (which reads a ProseMirror node).
 */
export function proposalTextHash(text: string): string {
  return hashParagraphText(text);
}

/** Whether a proposal is stale, and why (a sentence a user reads). */
export interface Staleness {
  stale: boolean;
  why: string | null;
}

const FRESH: Staleness = { stale: false, why: null };

/**
 * Whether a pending proposal is stale now. `paragraphText`: its paragraph's inline text now
 * (null: the paragraph is gone); `quotedNow`: the characters its anchor spans now (null: they
 * were all deleted, or cannot be found). `targetPresent`: for a move, whether the paragraph it
 * goes before or after is still there. Decided proposals are never stale.
 */
export function staleness(
  proposal: Pick<Proposal, 'state' | 'amendment' | 'quoted' | 'paragraphTextHash'>,
  paragraphText: string | null,
  quotedNow: string | null,
  targetPresent = true,
): Staleness {
  if (proposal.state !== 'pending') return FRESH;
  const a = proposal.amendment;
  if (a.kind === 'words_not_in_record') return FRESH;
  if (paragraphText === null) return { stale: true, why: 'its paragraph was deleted' };
  if (a.kind === 'move_paragraph' && !targetPresent) return { stale: true, why: `the paragraph it is to go ${a.position} was deleted` };
  if (a.kind === 'replace_paragraph' && proposal.paragraphTextHash !== '' && proposalTextHash(paragraphText) !== proposal.paragraphTextHash) {
    return { stale: true, why: 'the paragraph it rewrites was changed since it was tabled' };
  }
  if (proposal.quoted === null) return FRESH;
  const quoted = JSON.stringify(proposal.quoted);
  if (quotedNow === null) return { stale: true, why: `the words ${quoted} it quotes were deleted` };
  if (quotedNow !== proposal.quoted) return { stale: true, why: `the words ${quoted} it quotes now read ${JSON.stringify(quotedNow)}` };
  return FRESH;
}

/** What the list of a draft's proposals may be narrowed to. */
export interface ProposalFilter {
  state?: ProposalState | 'stale' | null;
  delegationId?: string | null;
  paragraphId?: string | null;
}

/** The counts a list shows: by state, and the pending ones that are stale. */
export type ProposalCounts = Record<ProposalState | 'stale', number>;

/** Count proposals by state (`isStale` says which are stale). */
export function countProposals(proposals: readonly Proposal[], isStale: (p: Proposal) => boolean): ProposalCounts {
  const counts = Object.fromEntries([...PROPOSAL_STATES, 'stale'].map((s) => [s, 0])) as ProposalCounts;
  for (const p of proposals) {
    counts[p.state] += 1;
    if (isStale(p)) counts.stale += 1;
  }
  return counts;
}

/** The proposals a filter keeps (a paragraph filter keeps a move to or from it too). */
export function filterProposals(proposals: readonly Proposal[], filter: ProposalFilter, isStale: (p: Proposal) => boolean): Proposal[] {
  return proposals.filter(
    (p) =>
      (!filter.state || (filter.state === 'stale' ? isStale(p) : p.state === filter.state)) &&
      (!filter.delegationId || p.delegationId === filter.delegationId) &&
      (!filter.paragraphId || proposalParagraphIds(p.amendment).includes(filter.paragraphId)),
  );
}

/** How many proposals of a draft's record are pending (the drafts list's count). */
export function pendingCount(rows: readonly ProposalRecordRow[]): number {
  let tabled = 0;
  const closed = new Set<string>();
  for (const row of rows) {
    if (row.type === PROPOSAL_RECORD_TYPES.tabled) tabled += 1;
    else if (row.type === PROPOSAL_RECORD_TYPES.decided) closed.add((row.payload as ProposalDecidedPayload).proposalId);
  }
  return tabled - closed.size;
}

/** A proposal as the API sends it. */
export interface ProposalJSON {
  id: string;
  draftId: string;
  /** The seq of its `proposal_tabled` entry in the draft's record. */
  seq: number;
  amendment: OralAmendment;
  /** What it proposes, in one sentence naming the paragraph as printed now. */
  described: string;
  /** The same sentence in the six languages (shared/oralAmendmentWords.ts), for the interface to show its own. */
  describedIn?: LocalizedText;
  paragraphId: string;
  /** The paragraph as printed in the working text now ("OP 3"); null when unnumbered or gone. */
  paragraph: string | null;
  rationale: string | null;
  delegation: { id: string; code: string; name: LocalizedText } | null;
  onBehalfOf: LocalizedText | null;
  proposedBy: { id: string; displayName: string };
  tabledAt: string;
  state: ProposalState;
  stale: boolean;
  staleWhy: string | null;
  quoted: string | null;
  anchor: ProposalAnchor;
  supersedes: string | null;
  supersededBy: string | null;
  decidedAt: string | null;
  decidedBy: { id: string; displayName: string } | null;
  note: string | null;
  modifiedText: string | null;
  permissions: { decide: PermissionJSON; withdraw: PermissionJSON };
}
