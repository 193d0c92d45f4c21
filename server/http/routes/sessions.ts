/**
 * Sessions of bodies: `/api/sessions`. Everyone signed in reads; the secretariat opens them.
 *   GET  /sessions/:id/record      the session's record of its meetings (votes, statements, corrections)
 *   POST /sessions/:id/record      append one entry (the secretariat): 201, or 422 session_record_invalid
 *                                  with details.field naming the field at fault, nothing stored
 */
import { Router } from 'express';
import { z } from 'zod';
import { mayAdminister } from '../../../shared/policy';
import { AuditActions } from '../../../shared/audit';
import { createSession } from '../../commands/sessionCreator';
import { recordSessionEntry, sessionEntries } from '../../commands/sessionRecorder';
import { presentSession, presentSessionEntry, presentSessionRecord } from '../../presenters/session';
import { audit } from '../audit';
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

  router.get('/:id/record', async (req, res) => {
    requireUser(req);
    const params = parse(idParams, req.params, 'params');
    const session = await store.getSession(params.id);
    if (!session) throw DomainErrors.notFound('session');
    const [entries, delegations, users] = await Promise.all([sessionEntries(store, session.id), store.listDelegations(), store.listUsers()]);
    send(res, 200, presentSessionRecord(session.id, entries, delegations, new Map(users.map((u) => [u.id, u]))));
  });

  router.post('/:id/record', async (req, res) => {
    const actor = requireUser(req);
    const params = parse(idParams, req.params, 'params');
    // The body is checked whole by shared/meetingRecord.ts, which names the field at fault (422).
    const recorded = await recordSessionEntry(store, { sessionId: params.id, actor, entry: req.body });
    const entries = await sessionEntries(store, params.id);
    const user = await store.getUser(actor.id);
    await audit(deps, req, {
      action: AuditActions.draftAction,
      target: recorded.entry.draftId ?? `session:${params.id}`,
      detail: { method: 'POST', path: `/sessions/${params.id}/record`, type: `session_record.${recorded.entry.kind}`, seq: recorded.seq },
    });
    send(res, 201, presentSessionEntry(recorded, entries, new Map(user ? [[user.id, user]] : [])));
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
