/** Sessions of bodies: `/api/sessions`. Everyone signed in reads; the secretariat opens them. */
import { Router } from 'express';
import { z } from 'zod';
import { mayAdminister } from '../../../shared/policy';
import { createSession } from '../../commands/sessionCreator';
import { presentSession } from '../../presenters/session';
import { requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { calendarDate, id, idParams, localizedText, parse, visibleName } from '../validate';
import { DomainErrors } from '../../errors';

const newSessionBody = z
  .strictObject({
    bodyId: id.optional(),
    body: z.strictObject({ name: localizedText }).optional(),
    number: z.number().int().min(1).max(10_000),
    title: localizedText,
    symbolPrefix: z.string().trim().min(1).max(64),
    place: visibleName(200),
    opens: calendarDate,
    closes: calendarDate,
  })
  .refine((b) => (b.bodyId === undefined) !== (b.body === undefined), 'give either bodyId (an existing body) or body (a new one)');

/** The /api/sessions routes (drafts of a session live in drafts.ts). */
export function sessionRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get('/', async (req, res) => {
    requireUser(req);
    const sessions = await store.listSessions();
    const bodies = new Map<string, Awaited<ReturnType<typeof store.getBody>>>();
    for (const s of sessions) if (!bodies.has(s.bodyId)) bodies.set(s.bodyId, await store.getBody(s.bodyId));
    send(
      res,
      200,
      sessions.map((s) => presentSession(s, bodies.get(s.bodyId) ?? null)),
    );
  });

  router.get('/:id', async (req, res) => {
    requireUser(req);
    const params = parse(idParams, req.params, 'params');
    const session = await store.getSession(params.id);
    if (!session) throw DomainErrors.notFound('session');
    send(res, 200, presentSession(session, await store.getBody(session.bodyId)));
  });

  router.post('/', async (req, res) => {
    const actor = requireUser(req);
    const input = parse(newSessionBody, req.body);
    const permission = mayAdminister(actor);
    if (!permission.ok) throw DomainErrors.forbidden(permission.error);
    const { bodyId, body, ...rest } = input;
    const created = await createSession(store, { ...rest, body: bodyId !== undefined ? { id: bodyId } : { name: body!.name } });
    send(res, 201, presentSession(created.session, created.body));
  });

  return router;
}
