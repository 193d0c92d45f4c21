/**
 * Oral amendments: the secretariat records each change read out at the meeting against the
 * issued text the body is about to act on — which paragraph, what words, proposed by whom,
 * accepted or not. The text "as orally amended" is derived from the issued text and the
 * accepted amendments (shared/oralAmendments), never stored; an amendment that would not apply
 * after those before it is refused when it is recorded, so the derived text always exists.
 */
import type { Actor } from '../../shared/accounts';
import { applyOralAmendments, validateOralAmendment, type OralAmendment } from '../../shared/oralAmendments';
import { amendmentsOpen } from '../../shared/policy';
import { textFromJSON } from '../../shared/schema';
import type { DraftEventRow, RevisionRow, Store } from '../storage/types';
import { oralAmendmentsOf, RecordTypes, type OralAmendmentPayload } from './meetingRecord';
import { recordEntry } from './recordAppender';
import { DomainErrors } from '../errors';

/** An amendment as received, the issued text it amends (the latest when absent) and the meeting. */
export interface OralAmendmentInput {
  draftId: string;
  actor: Actor;
  amendment: unknown;
  symbol?: string;
  meeting?: number;
}

/** The accepted amendments applied to an issued revision: the text as orally amended, or why not. */
export function amendedText(revision: RevisionRow, amendments: readonly OralAmendment[]) {
  return applyOralAmendments(textFromJSON(revision.text), amendments);
}

/** The oral amendments recorded against a revision, read from a draft's record. */
export function amendmentsFor(rows: readonly DraftEventRow[], revision: RevisionRow): OralAmendment[] {
  return oralAmendmentsOf(rows, revision.revision).map((r) => r.payload.amendment);
}

/** Record one oral amendment: 400 for a malformed one, 403, 404 for an unknown text, 422 when it cannot apply or action was taken. */
export async function recordOralAmendment(store: Store, input: OralAmendmentInput): Promise<{ row: DraftEventRow; payload: OralAmendmentPayload }> {
  const valid = validateOralAmendment(input.amendment);
  if (!valid.ok) throw DomainErrors.validation(valid.error);
  let payload: OralAmendmentPayload | null = null;
  const { row } = await recordEntry<OralAmendmentPayload>(store, {
    draftId: input.draftId,
    actor: input.actor,
    type: RecordTypes.oralAmendment,
    check: async (ctx) => {
      const open = amendmentsOpen(ctx.status);
      if (!open.ok) throw DomainErrors.refused(open.error);
      const revisions = (await ctx.tx.listRevisions(ctx.draft.id)).sort((a, b) => a.revision - b.revision);
      const latest = revisions.at(-1);
      // The status counts the issued events, written with their revisions in one transaction.
      if (!latest) throw new Error(`draft ${ctx.draft.id} is issued but has no revision row`);
      const named = input.symbol === undefined ? latest : revisions.find((r) => r.symbol === input.symbol || r.symbol.endsWith(`/${input.symbol}`));
      if (!named) throw DomainErrors.notFound(`revision ${input.symbol}`);
      if (named !== latest) throw DomainErrors.refused(`oral amendments are made to the text before the body, ${latest.symbol}, not ${named.symbol}`);
      const amendment = valid.value;
      if (amendment.proposedBy !== null && !(await ctx.tx.getDelegation(amendment.proposedBy))) {
        throw DomainErrors.refused(`there is no delegation with id "${amendment.proposedBy}"`);
      }
      const applied = amendedText(latest, [...amendmentsFor(ctx.rows, latest), { ...amendment, accepted: true }]);
      if (!applied.ok) throw DomainErrors.refused(applied.error);
      payload = { symbol: latest.symbol, revision: latest.revision, amendment, ...(input.meeting ? { meeting: input.meeting } : {}) };
      return payload;
    },
  });
  return { row, payload: payload! };
}
