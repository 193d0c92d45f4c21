/**
 * Changing a draft's sponsors: a delegation joins or withdraws (or, by the secretariat, is
 * named main sponsor). Checked against the policy and shared/sponsorship on the record as it
 * is inside the transaction, then appended to the sponsorship record.
 */
import type { Actor } from '../../shared/accounts';
import { delegationNameIn, type LocalizedText } from '../../shared/delegations';
import { mayChangeSponsorship } from '../../shared/policy';
import { checkSponsorshipChange, type SponsorList } from '../../shared/sponsorship';
import type { SponsorshipEventRow, Store } from '../storage/types';
import { expectNextSeq, lastSeqOf, oneAtATime, retryLostRaces } from './appendGuard';
import { todayUTC } from '../../shared/dates';
import { draftAccessOf } from '../readModels/draftAccess';
import { DomainErrors } from '../errors';

/** A change to make, and who makes it. */
export interface SponsorshipChangeInput {
  draftId: string;
  actor: Actor;
  delegationId: string;
  type: 'main' | 'join' | 'withdraw';
  /** The date the change takes effect; today when absent. */
  date?: string;
  onBehalfOf?: LocalizedText | null;
}

/** The stored change and the sponsor list after it. */
export interface SponsorshipChanged {
  row: SponsorshipEventRow;
  list: SponsorList;
}

/** Make one sponsorship change: 404, 403 or 422 (with the reason) when it cannot be made. */
export function changeSponsorship(store: Store, input: SponsorshipChangeInput): Promise<SponsorshipChanged> {
  const { draftId, actor, delegationId, type } = input;
  const date = input.date ?? todayUTC();
  return oneAtATime(store, `draft-sponsors:${draftId}`, () =>
    retryLostRaces(() =>
      store.transaction(async (tx) => {
        const draft = await tx.getDraft(draftId);
        if (!draft) throw DomainErrors.notFound('draft');
        // One after another: a transaction is one connection, which runs one query at a time.
        const sponsorship = await tx.listSponsorshipEvents(draftId);
        const events = await tx.listDraftEvents(draftId);
        const delegation = await tx.getDelegation(delegationId);
        if (!delegation) throw DomainErrors.refused(`there is no delegation with id "${delegationId}"`);
        const permission = mayChangeSponsorship(actor, draftAccessOf(draft, sponsorship, events), delegationId, type);
        if (!permission.ok) throw DomainErrors.forbidden(permission.error);
        const names = new Map((await tx.listDelegations()).map((d) => [d.id, delegationNameIn(d)]));
        const change = { delegationId, type, date, onBehalfOf: input.onBehalfOf ?? null };
        const checked = checkSponsorshipChange(sponsorship, change, (id) => names.get(id) ?? id);
        if (!checked.ok) throw DomainErrors.refused(checked.error);
        const row = await tx.addSponsorshipEvent({ draftId, ...change, recordedBy: actor.id });
        expectNextSeq(`the sponsors of draft ${draftId}`, lastSeqOf(sponsorship), row.seq);
        return { row, list: checked.value };
      }),
    ),
  );
}
