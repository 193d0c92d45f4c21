/**
 * A draft's record of action: `/api/drafts/:id/events`. Everyone signed in reads it; the
 * secretariat records events (the main sponsor may withdraw its own draft). A transition the
 * lifecycle refuses is a 422 with its reason.
 */
import { Router } from 'express';
import { z } from 'zod';
import { EVENT_TYPES, validateEvent } from '../../../shared/lifecycle';
import { recordDraftEvent } from '../../commands/eventRecorder';
import { presentDraftEvent } from '../../presenters/event';
import { presentStatus } from '../../presenters/status';
import { requireUser, send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { authorizeDraft, draftRoute } from '../draftGuard';
import { idParams, parse } from '../validate';
import { DomainErrors } from '../../errors';

const eventBody = z.strictObject({
  type: z.enum(EVENT_TYPES),
  payload: z.record(z.string(), z.unknown()).default({}),
});

// Events that only their own command may record.
const DEDICATED_ROUTES: Partial<Record<string, string>> = {
  issued: 'POST /api/drafts/:id/revisions',
  frozen: 'POST /api/drafts/:id/freeze',
};

/** The routes under /api/drafts/:id/events. */
export function eventRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router({ mergeParams: true });

  router.get(
    '/',
    draftRoute(store, {}, async ({ res, draftId }) => {
      const [events, users] = await Promise.all([store.listDraftEvents(draftId), store.listUsers()]);
      const byId = new Map(users.map((u) => [u.id, u]));
      send(
        res,
        200,
        events.map((e) => presentDraftEvent(e, byId)),
      );
    }),
  );

  router.post('/', async (req, res) => {
    const actor = requireUser(req);
    const params = parse(idParams, req.params, 'params');
    const body = parse(eventBody, req.body);
    // The payload's shape is the lifecycle's to check; a bad field is a validation error.
    const event = validateEvent({ ...body.payload, type: body.type });
    if (!event.ok) throw DomainErrors.validation(event.error);
    await authorizeDraft(store, actor, params.id, body.type);
    // Issuing stores a text and freezing hashes one: they have routes of their own that do
    // that work in the same transaction. Recorded here, the event would claim a text that
    // was never stored, or a hash the client made up.
    const dedicated = DEDICATED_ROUTES[event.value.type];
    if (dedicated) throw DomainErrors.refused(`${event.value.type} is recorded by ${dedicated}, not here`);
    const recorded = await recordDraftEvent(store, { draftId: params.id, actor, event: event.value });
    await refreshQuietly(deps, params.id);
    const user = await store.getUser(actor.id);
    send(res, 201, { event: presentDraftEvent(recorded.row, new Map(user ? [[user.id, user]] : [])), status: presentStatus(recorded.status) });
  });

  return router;
}
