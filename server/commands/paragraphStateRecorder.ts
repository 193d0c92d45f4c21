/**
 * The chair's paragraph states (open, agreed ad referendum, agreed): a governed record kept
 * beside the co-edited text, never in it, where any editor could change them. The chair of the
 * draft's consultations (and the secretariat) records them while the draft is negotiated.
 */
import type { Actor } from '../../shared/accounts';
import {
  checkParagraphStateChange,
  negotiationCounts,
  paragraphStandings,
  paragraphStatesAsOf,
  paragraphsById,
  paragraphTextHash,
  type NegotiationCounts,
  type ParagraphState,
} from '../../shared/negotiation';
import { negotiationOpen } from '../../shared/policy';
import type { DraftEventRow, Store } from '../storage/types';
import { paragraphStateEvents, RecordTypes, type ParagraphStatePayload } from './meetingRecord';
import { recordEntry } from './recordAppender';
import { workingTextNow } from './revisionIssuer';
import { DomainErrors } from '../errors';

/** A state to set, and who sets it. */
export interface ParagraphStateInput {
  draftId: string;
  actor: Actor;
  paragraphId: string;
  state: ParagraphState;
  /** Lock the paragraph's text (agreed or agreed ad referendum only); false or absent unlocks it. */
  locked?: boolean;
}

/**
 * Record a paragraph's state, with the paragraph's text hash and the log's seq at that moment
 * (so that "changed since agreed" can be derived) and whether the chair locks it: 403 for anyone
 * but the chair of the draft and the secretariat, 422 when the paragraph is not in the text,
 * already in that state, or open and locked.
 */
export async function recordParagraphState(
  store: Store,
  input: ParagraphStateInput,
): Promise<{ row: DraftEventRow; states: ReadonlyMap<string, ParagraphState>; counts: NegotiationCounts }> {
  let counts: NegotiationCounts | null = null;
  const { row, ctx } = await recordEntry<ParagraphStatePayload>(store, {
    draftId: input.draftId,
    actor: input.actor,
    type: RecordTypes.paragraphState,
    check: async (ctx) => {
      const open = negotiationOpen(ctx.status);
      if (!open.ok) throw DomainErrors.refused(open.error);
      // The text marked is the text at this seq: edits wait until the entry is written.
      const logSeq = await ctx.tx.holdUpdateLog(ctx.draft.id);
      const doc = await workingTextNow(ctx.tx, ctx.draft.id);
      const events = paragraphStateEvents(ctx.rows);
      const states = paragraphStatesAsOf(events);
      const checked = checkParagraphStateChange(doc, states, { paragraphId: input.paragraphId, state: input.state, locked: input.locked }, paragraphStandings(events, doc));
      if (!checked.ok) throw DomainErrors.refused(checked.error);
      const after = new Map(states);
      if (checked.value.state === 'open') after.delete(checked.value.paragraphId);
      else after.set(checked.value.paragraphId, checked.value.state);
      counts = negotiationCounts(doc, after);
      const node = paragraphsById(doc).get(checked.value.paragraphId)!;
      const { paragraphId, state, locked } = checked.value;
      return { paragraphId, state, textHash: paragraphTextHash(node), logSeq, ...(locked ? { locked } : {}) };
    },
  });
  return { row, states: paragraphStatesAsOf(paragraphStateEvents(ctx.rows)), counts: counts! };
}

/** The negotiation's progress on a draft's working text, or null when no state was ever recorded. */
export async function negotiationOf(store: Store, draftId: string, rows: readonly DraftEventRow[]): Promise<NegotiationCounts | null> {
  const events = paragraphStateEvents(rows);
  if (events.length === 0) return null;
  return negotiationCounts(await workingTextNow(store, draftId), paragraphStatesAsOf(events));
}
