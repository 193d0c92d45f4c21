/**
 * The check at the door of the routes under /api/drafts/:id: the draft exists (404 otherwise)
 * and the signed-in user may read it — or, given an event type, record that event on it — by
 * the policy in shared/policy.ts (403 with the policy's reason otherwise).
 */
import { mayReadDraft, mayRecordEvent } from '../../shared/policy';
import type { AuthenticatedUser } from '../auth';
import { loadDraftAccess } from '../readModels/draftAccess';
import type { Store } from '../storage/types';
import { DomainErrors } from '../errors';

/** The draft and the policy's view of it, once `actor` may read it (or record `type` on it). */
export async function authorizeDraft(store: Store, actor: AuthenticatedUser, draftId: string, type?: string) {
  const loaded = await loadDraftAccess(store, draftId);
  if (!loaded) throw DomainErrors.notFound('draft');
  const permission = type === undefined ? mayReadDraft(actor, loaded.access) : mayRecordEvent(actor, loaded.access, type);
  if (!permission.ok) throw DomainErrors.forbidden(permission.error);
  return loaded;
}
