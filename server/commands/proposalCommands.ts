/**
 * Proposals on a draft's working text (shared/proposals.ts): tabling one, deciding on it
 * (accepted, accepted as modified, rejected), withdrawing it, superseding it with a new one.
 * Each is one entry (or, superseding, two) of the draft's governed record, appended through the
 * record's guard (recordAppender.ts), so one seq orders everything and the audit says who and when.
 *
 * The live working text is reached through `ProposalText` — the collaboration room's document and
 * its server-written change (server/collab/index.ts in the server; the demo's seed passes its own).
 * Tabling finds the quoted words in the live paragraph and anchors them (server/collab/anchors.ts);
 * accepting applies the amendment as one change under the proposer's user, so history credits
 * the proposing delegation (server/collab/proposalApply.ts), then records the decision with the
 * update's seq. Decisions and withdrawals on one draft run one at a time in this process, so a
 * proposal is never applied twice.
 */
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import type { Actor } from '../../shared/accounts';
import type { LocalizedText } from '../../shared/delegations';
import { ErrorIds } from '../../shared/errors';
import { sequentialNumbering } from '../../shared/numbering';
import { applyOralAmendments, checkOralAmendment, type OralAmendment } from '../../shared/oralAmendments';
import { paragraphIdOf } from '../../shared/paragraphLabels';
import { mayDecideProposal, mayTableProposal, mayWithdrawProposal, type DraftAccess } from '../../shared/policy';
import {
  checkProposalDecision,
  modifiedAmendment,
  overLimit,
  type PROPOSAL_RECORD_TYPES,
  proposalsOf,
  proposalTextHash,
  type DecisionState,
  type Proposal,
  type ProposalDecidedPayload,
  type ProposalTabledPayload,
} from '../../shared/proposals';
import type { AuthenticatedUser } from '../auth';
import { anchorAmendment } from '../collab/anchors';
import { docText } from '../collab/fragmentText';
import { DomainError, DomainErrors } from '../errors';
import type { DraftEventRow, Store } from '../storage/types';
import { oneAtATime } from './appendGuard';
import { RecordTypes } from './meetingRecord';
import { proposalsInText } from './proposalLocation';
import { appendChecked, loadRecordContext, recordEntry, underRecordGuard } from './recordAppender';
import { loadDraftAccess } from '../readModels/draftAccess';

/** The live working text of a draft, as the proposal commands reach it. */
export interface ProposalText {
  /** Read the draft's live document (its collaboration room's, loaded if needed). */
  readWorkingDoc<T>(draftId: string, read: (doc: Y.Doc) => T): Promise<T>;
  /** Apply an accepted proposal as one server-written change under the proposer's user; the update's seq (409 proposal_stale when its words changed). */
  applyProposal(draftId: string, proposal: Proposal, modifiedText: string | null, proposer: AuthenticatedUser): Promise<number>;
}

/** A proposal as received. */
export interface TableProposalInput {
  draftId: string;
  actor: Actor;
  /** An amendment of shared/oralAmendments.ts, the paragraph by `paragraphId` or as printed (`paragraph: "OP 3"`; a move's `target: "OP 5"`). */
  amendment: unknown;
  rationale?: string | null;
  onBehalfOf?: LocalizedText | null;
  /** A pending proposal this one replaces (re-anchored or reworded). */
  supersedes?: string | null;
  /** The new proposal's id (drawn when absent). */
  proposalId?: string;
}

/** What a command leaves: the proposal as the record now says, the record and the policy's view. */
export interface ProposalResult {
  proposal: Proposal;
  rows: DraftEventRow[];
  access: DraftAccess;
}

const asRecord = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

function refuseOverLimit(found: { field: string; limit: number } | null): void {
  if (found) throw DomainErrors.textTooLong(found.field, found.limit);
}

// The paragraph a printed label names in the working text now: 422 unknown_paragraph naming the numbers it has.
function paragraphNamed(text: Parameters<typeof paragraphIdOf>[0], label: unknown, field: string): string {
  if (typeof label !== 'string' || label.trim() === '' || label.length > 100) throw DomainErrors.validation(`"${field}" must be a paragraph as printed ("OP 3")`, { field });
  const found = paragraphIdOf(text, label);
  if (!found.ok) throw new DomainError(ErrorIds.unknownParagraph, `the working text: ${found.error}`, { field, label });
  return found.value;
}

/** What tabling found in the live text: the amendment as validated, its quote and anchor. */
interface Tabled {
  amendment: OralAmendment;
  quoted: string | null;
  anchor: { start: string | null; end: string | null };
  paragraphTextHash: string;
}

// Validate the amendment against the live working text: names resolved, words found and anchored, and it applies.
function readAgainstText(doc: Y.Doc, raw: Record<string, unknown>, proposedBy: string | null): Tabled {
  const text = docText(doc);
  if (!text.ok) throw DomainErrors.textInvalid('the working text', text.error);
  const { paragraph, target, ...fields } = raw;
  const json: Record<string, unknown> = { ...fields, proposedBy, accepted: false };
  if (paragraph !== undefined) {
    if (fields.paragraphId !== undefined) throw DomainErrors.validation('name the paragraph by "paragraph" (as printed) or by "paragraphId", not both', { field: 'paragraph' });
    json.paragraphId = paragraphNamed(text.value, paragraph, 'paragraph');
  }
  if (target !== undefined) {
    if (fields.targetId !== undefined) throw DomainErrors.validation('name the target by "target" (as printed) or by "targetId", not both', { field: 'target' });
    json.targetId = paragraphNamed(text.value, target, 'target');
  }
  const checked = checkOralAmendment(json);
  if (!checked.ok) {
    const field = checked.error.field === 'paragraphId' && paragraph !== undefined ? 'paragraph' : checked.error.field;
    throw DomainErrors.validation(checked.error.message, { field });
  }
  const amendment = checked.value;
  if (amendment.kind === 'words_not_in_record') throw DomainErrors.validation('a proposal gives its words: words_not_in_record is for the record of a meeting', { field: 'kind' });
  const ref = sequentialNumbering(text.value).byId.get(amendment.paragraphId)?.ref || `paragraph ${amendment.paragraphId}`;
  const anchored = anchorAmendment(doc, amendment as Parameters<typeof anchorAmendment>[1]);
  if (!anchored.ok) {
    if (anchored.error.startsWith('there is no such paragraph')) {
      throw new DomainError(ErrorIds.unknownParagraph, `${anchored.error}: ${amendment.paragraphId}`, { field: paragraph !== undefined ? 'paragraph' : 'paragraphId' });
    }
    throw DomainErrors.wordsNotFound(`${ref}: ${anchored.error}`);
  }
  // It must apply to the text as it is now (a move into its own subparagraphs, a new paragraph's id taken …).
  const applies = applyOralAmendments(text.value, [{ ...amendment, accepted: true, proposedBy: null }]);
  if (!applies.ok) throw DomainErrors.refused(applies.error.replace(/^oral amendment 1 cannot apply to/, 'the proposal cannot apply to'));
  return { amendment, quoted: anchored.value.quoted, anchor: anchored.value.anchor, paragraphTextHash: proposalTextHash(anchored.value.paragraphText) };
}

// One decision, withdrawal or supersession per draft at a time, in this process (a queue) and
// against every other instance on the database (the store's lock): a proposal changes the text once.
const oneDecisionAtATime = <T>(store: Store, draftId: string, fn: () => Promise<T>) =>
  oneAtATime(store, `proposals:${draftId}`, () => store.exclusively(`proposals:${draftId}`, fn));

function find(rows: readonly DraftEventRow[], proposalId: string): Proposal {
  const found = proposalsOf(rows).find((p) => p.id === proposalId);
  if (!found) throw DomainErrors.notFound('proposal');
  return found;
}

function forbidUnless(permission: { ok: true } | { ok: false; error: string }): void {
  if (!permission.ok) throw DomainErrors.forbidden(permission.error);
}

function pendingOrRefuse(p: Proposal, next: Parameters<typeof checkProposalDecision>[1]): void {
  if (!checkProposalDecision(p.state, next).ok) throw DomainErrors.proposalNotPending(p.state);
}

/**
 * Table a proposal: 403 when the actor may not (or the text is read-only), 400 for a malformed
 * amendment, 422 unknown_paragraph / words_not_found / text_too_long / refused (it would not
 * apply), 404 / 409 for a `supersedes` that is unknown / no longer pending.
 */
export async function tableProposal(store: Store, text: ProposalText, input: TableProposalInput): Promise<ProposalResult> {
  const { draftId, actor } = input;
  const loaded = await loadDraftAccess(store, draftId);
  if (!loaded) throw DomainErrors.notFound('draft');
  forbidUnless(mayTableProposal(actor, loaded.access));
  const raw = asRecord(input.amendment);
  if (!raw) throw DomainErrors.validation('"amendment" must be an object', { field: 'amendment' });
  refuseOverLimit(overLimit({ amendment: raw as unknown as OralAmendment, rationale: input.rationale ?? null }));
  const tabled = await text.readWorkingDoc(draftId, (doc) => readAgainstText(doc, raw, actor.delegationId));
  const proposalId = input.proposalId ?? randomUUID();
  const supersedes = input.supersedes ?? null;
  const payload: ProposalTabledPayload = {
    proposalId,
    amendment: tabled.amendment,
    rationale: input.rationale?.trim() ? input.rationale : null,
    delegationId: actor.delegationId,
    onBehalfOf: input.onBehalfOf ?? null,
    supersedes,
    quoted: tabled.quoted,
    paragraphTextHash: tabled.paragraphTextHash,
    anchor: tabled.anchor,
  };
  const append = () =>
    underRecordGuard(store, draftId, async (tx) => {
      const ctx = await loadRecordContext(tx, draftId);
      forbidUnless(mayTableProposal(actor, ctx.access));
      let old: Proposal | null = null;
      if (supersedes !== null) {
        old = find(ctx.rows, supersedes);
        pendingOrRefuse(old, 'superseded');
        forbidUnless(mayWithdrawProposal(actor, ctx.access, old.delegationId, old.proposedBy, 'supersede'));
      }
      const row = await appendChecked(ctx, actor, RecordTypes.proposalTabled, payload);
      const rows = [...ctx.rows, row];
      if (old !== null) {
        const superseded: ProposalDecidedPayload = { proposalId: old.id, state: 'superseded', note: null };
        rows.push(await appendChecked({ ...ctx, rows: [...rows] }, actor, RecordTypes.proposalDecided, superseded));
      }
      return { proposal: find(rows, proposalId), rows, access: ctx.access };
    });
  // Superseding closes a proposal: not while it is being accepted (it would be applied, then not recorded).
  return supersedes === null ? append() : oneDecisionAtATime(store, draftId, append);
}

/** A decision as received. */
export interface DecideProposalInput {
  draftId: string;
  actor: Actor;
  proposalId: string;
  state: DecisionState;
  /** Accepted as modified: the words as modified. */
  text?: string | null;
  note?: string | null;
}

async function proposerOf(store: Store, p: Proposal, fallback: Actor): Promise<AuthenticatedUser> {
  const user = await store.getUser(p.proposedBy);
  if (user) return { id: user.id, role: user.role, delegationId: user.delegationId, login: user.login, displayName: user.displayName };
  return { ...fallback, login: '', displayName: '' };
}

/**
 * Decide on a pending proposal: 404, 403 (not the penholder, the chair or the secretariat; a
 * read-only text), 409 proposal_not_pending, 409 proposal_stale (accepting words that changed),
 * 422 (modifying a deletion or a move, a note or text over its limit). Accepting applies the
 * change through the room first, then records the decision with the update's seq.
 */
export async function decideProposal(store: Store, text: ProposalText, input: DecideProposalInput): Promise<ProposalResult> {
  const { draftId, actor, proposalId, state } = input;
  refuseOverLimit(overLimit({ amendment: {} as OralAmendment, note: input.note ?? null, text: input.text ?? null }));
  return oneDecisionAtATime(store, draftId, async () => {
    const loaded = await loadDraftAccess(store, draftId);
    if (!loaded) throw DomainErrors.notFound('draft');
    const proposal = find(await store.listDraftEvents(draftId), proposalId);
    forbidUnless(mayDecideProposal(actor, loaded.access));
    pendingOrRefuse(proposal, state);
    let modifiedText: string | null = null;
    if (state === 'accepted_as_modified') {
      if (typeof input.text !== 'string') throw DomainErrors.validation('accepting as modified gives the words as modified in "text"', { field: 'text' });
      const modified = modifiedAmendment(proposal.amendment, input.text);
      if (!modified.ok) throw DomainErrors.refused(modified.error);
      modifiedText = (modified.value as { text: string }).text;
    }
    let logSeq: number | undefined;
    if (state !== 'rejected') {
      const judged = await text.readWorkingDoc(draftId, (doc) => proposalsInText(doc, [proposal], { numbers: false }).staleness.get(proposal.id));
      if (judged?.stale) throw DomainErrors.proposalStale(judged.why ?? 'its words changed');
      logSeq = await text.applyProposal(draftId, proposal, modifiedText, await proposerOf(store, proposal, actor));
    }
    const payload: ProposalDecidedPayload = {
      proposalId,
      state,
      ...(modifiedText !== null ? { text: modifiedText } : {}),
      note: input.note?.trim() ? input.note : null,
      ...(logSeq !== undefined ? { logSeq } : {}),
    };
    const { ctx } = await recordEntry(store, {
      draftId,
      actor,
      type: RecordTypes.proposalDecided,
      authorize: (c) => mayDecideProposal(actor, c.access),
      check: (c) => {
        pendingOrRefuse(find(c.rows, proposalId), state);
        return payload;
      },
    });
    return { proposal: find(ctx.rows, proposalId), rows: ctx.rows, access: ctx.access };
  });
}

/** Withdraw a pending proposal: 404, 403 (not its delegation, its proposer or the secretariat; a read-only text), 409 proposal_not_pending. */
export async function withdrawProposal(store: Store, input: { draftId: string; actor: Actor; proposalId: string; note?: string | null }): Promise<ProposalResult> {
  const { draftId, actor, proposalId } = input;
  refuseOverLimit(overLimit({ amendment: {} as OralAmendment, note: input.note ?? null }));
  return oneDecisionAtATime(store, draftId, async () => {
    const { ctx } = await recordEntry(store, {
      draftId,
      actor,
      type: RecordTypes.proposalDecided,
      authorize: (c) => {
        const p = find(c.rows, proposalId);
        return mayWithdrawProposal(actor, c.access, p.delegationId, p.proposedBy);
      },
      check: (c): ProposalDecidedPayload => {
        pendingOrRefuse(find(c.rows, proposalId), 'withdrawn');
        return { proposalId, state: 'withdrawn', note: input.note?.trim() ? input.note : null };
      },
    });
    return { proposal: find(ctx.rows, proposalId), rows: ctx.rows, access: ctx.access };
  });
}

/** The type strings a proposal's entries carry (shared/proposals.ts names the same). */
export const PROPOSAL_TYPES = [RecordTypes.proposalTabled, RecordTypes.proposalDecided] as const satisfies readonly [
  typeof PROPOSAL_RECORD_TYPES.tabled,
  typeof PROPOSAL_RECORD_TYPES.decided,
];
