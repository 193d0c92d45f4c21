/**
 * The chair of a draft's informal consultations: `PUT /api/drafts/:id/chair`, the secretariat's
 * administration. The chair may edit the text and record paragraph states, so open sockets on
 * the draft are re-evaluated at once.
 */
import { Router } from 'express';
import { z } from 'zod';
import { AuditActions } from '../../../shared/audit';
import { mayAdminister } from '../../../shared/policy';
import { presentUserRef } from '../../presenters/user';
import { audit } from '../audit';
import { requireUser, send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { id, idParams, parse } from '../validate';
import { DomainErrors } from '../../errors';

const chairBody = z.strictObject({ chairUserId: id.nullable() });

/** The chair route, mounted at /api. */
export function chairRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  router.put('/drafts/:id/chair', async (req, res) => {
    const actor = requireUser(req);
    const { id: draftId } = parse(idParams, req.params, 'params');
    const { chairUserId } = parse(chairBody, req.body);
    const permission = mayAdminister(actor);
    if (!permission.ok) throw DomainErrors.forbidden(permission.error);
    const draft = await store.getDraft(draftId);
    if (!draft) throw DomainErrors.notFound('draft');
    const chair = chairUserId === null ? null : await store.getUser(chairUserId);
    if (chairUserId !== null && !chair?.active) throw DomainErrors.refused(`there is no active user with id "${chairUserId}" to chair the consultations`);
    if (chair && chair.role === 'delegate') throw DomainErrors.refused('a delegate speaks for a delegation and cannot chair the consultations');
    await store.assignChair(draftId, chairUserId);
    await refreshQuietly(deps, draftId);
    await audit(deps, req, { action: AuditActions.chairChanged, target: draftId, detail: { from: draft.chairUserId, to: chairUserId } });
    send(res, 200, { draftId, chair: presentUserRef(chair) });
  });

  return router;
}
