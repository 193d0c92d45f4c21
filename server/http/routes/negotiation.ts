/**
 * The chair's paragraph states: `/api/drafts/:id/paragraph-states`. Everyone signed in reads
 * them; the chair of the draft's consultations (and the secretariat) sets them. They are a
 * governed record beside the working text, never inside it.
 *   GET  /drafts/:id/paragraph-states                      { states, counts, changes }
 *   POST /drafts/:id/paragraph-states { paragraphId, state }   set one (open, agreed_ad_ref, agreed)
 */
import { Router } from 'express';
import { z } from 'zod';
import { PARAGRAPH_STATES, paragraphStatesAsOf } from '../../../shared/negotiation';
import { paragraphStateEvents, RecordTypes } from '../../commands/meetingRecord';
import { negotiationOf, recordParagraphState } from '../../commands/paragraphStateRecorder';
import { presentParagraphStates } from '../../presenters/meeting';
import { send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { draftRoute } from '../draftGuard';

const stateBody = z.strictObject({ paragraphId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a paragraph id'), state: z.enum(PARAGRAPH_STATES) });

/** The paragraph-state routes, to mount on the /api router. */
export function negotiationRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  const present = async (draftId: string) => {
    const [rows, users] = await Promise.all([store.listDraftEvents(draftId), store.listUsers()]);
    const events = paragraphStateEvents(rows);
    return presentParagraphStates(paragraphStatesAsOf(events), await negotiationOf(store, draftId, rows), events, new Map(users.map((u) => [u.id, u])));
  };

  router.get(
    '/drafts/:id/paragraph-states',
    draftRoute(store, {}, async ({ res, draftId }) => {
      send(res, 200, await present(draftId));
    }),
  );

  router.post(
    '/drafts/:id/paragraph-states',
    draftRoute(store, { body: stateBody, record: RecordTypes.paragraphState }, async ({ res, user: actor, draftId, body }) => {
      await recordParagraphState(store, { draftId, actor, ...body });
      // Everyone in the draft sees the chair's marks at once.
      await refreshQuietly(deps, draftId);
      send(res, 201, await present(draftId));
    }),
  );

  return router;
}
