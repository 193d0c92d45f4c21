/**
 * Setting a co-sponsorship deadline: a draft's own (an entry of its record, which wins) or a
 * session's (a column of the session, for every draft without its own). From the deadline on,
 * requests to join are refused (shared/sponsorship.ts checkCosponsorRequest). The secretariat
 * sets both, as it manages the sponsor lists.
 */
import type { Actor } from '../../shared/accounts';
import { mayAdminister, maySetCosponsorshipDeadline } from '../../shared/policy';
import { CosponsorshipEntries, type CosponsorshipDeadlinePayload } from '../../shared/sponsorship';
import { DomainErrors } from '../errors';
import type { DraftEventRow, SessionRow, Store } from '../storage/types';
import { appendChecked, loadRecordContext, underRecordGuard } from './recordAppender';

/**
 * Set (or, with null, clear) a draft's own deadline, an ISO date-time in UTC: 404, 403 (only the
 * secretariat, who may change the sponsor list; never on a frozen draft).
 */
export function setDraftCosponsorDeadline(store: Store, input: { draftId: string; actor: Actor; deadline: string | null }): Promise<DraftEventRow> {
  return underRecordGuard(store, input.draftId, async (tx) => {
    const ctx = await loadRecordContext(tx, input.draftId);
    const permission = maySetCosponsorshipDeadline(input.actor, ctx.access);
    if (!permission.ok) throw DomainErrors.forbidden(permission.error);
    const payload: CosponsorshipDeadlinePayload = { deadline: input.deadline };
    return appendChecked(ctx, input.actor, CosponsorshipEntries.deadline, payload);
  });
}

/** Set (or clear) a session's deadline: 403 unless the secretariat, 404 for no such session. */
export async function setSessionCosponsorDeadline(store: Store, input: { sessionId: string; actor: Actor; deadline: string | null }): Promise<SessionRow> {
  const permission = mayAdminister(input.actor);
  if (!permission.ok) throw DomainErrors.forbidden(permission.error);
  const session = await store.setSessionCosponsorDeadline(input.sessionId, input.deadline);
  if (!session) throw DomainErrors.notFound('session');
  return session;
}
