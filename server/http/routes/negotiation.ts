/**
 * The chair's paragraph states: `/api/drafts/:id/paragraph-states`. Everyone signed in reads
 * them; the chair of the draft's consultations (and the secretariat) sets them. They are a
 * governed record beside the working text, never inside it.
 *   GET  /drafts/:id/paragraph-states                      { states, counts, changes }
 *   POST /drafts/:id/paragraph-states { paragraphId, state, locked? }   set one (open, agreed_ad_ref, agreed), locked or not
 * Each agreed paragraph's state says whether it is locked and whether its text changed since it
 * was marked ("changed since agreed"), derived from the working text, and who changed it last.
 */
import { Router } from 'express';
import { z } from 'zod';
import { negotiationCounts, PARAGRAPH_STATES, paragraphStandings, paragraphStatesAsOf, type ParagraphStanding } from '../../../shared/negotiation';
import { lastChangesSince } from '../../collab/agreedHistory';
import { paragraphStateEvents, RecordTypes } from '../../commands/meetingRecord';
import { recordParagraphState } from '../../commands/paragraphStateRecorder';
import { workingTextNow } from '../../commands/revisionIssuer';
import { presentParagraphStates } from '../../presenters/meeting';
import { send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { draftRoute } from '../draftGuard';

const stateBody = z.strictObject({ paragraphId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a paragraph id'), state: z.enum(PARAGRAPH_STATES), locked: z.boolean().optional() });

/** The paragraph-state routes, to mount on the /api router. */
export function negotiationRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  const present = async (draftId: string) => {
    const [rows, users] = await Promise.all([store.listDraftEvents(draftId), store.listUsers()]);
    const events = paragraphStateEvents(rows);
    const states = paragraphStatesAsOf(events);
    // Derived on every read from the working text: "changed since agreed" needs nobody to set it.
    const doc = events.length > 0 ? await workingTextNow(store, draftId) : null;
    const standings = doc ? paragraphStandings(events, doc) : new Map<string, ParagraphStanding>();
    const marks = [...standings].filter(([, s]) => s.changedSinceAgreed).map(([, s]) => events.find((e) => e.seq === s.since.seq)!);
    const lastChanges = await lastChangesSince(store, draftId, marks);
    return presentParagraphStates(states, doc ? negotiationCounts(doc, states) : null, events, new Map(users.map((u) => [u.id, u])), standings, lastChanges);
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
