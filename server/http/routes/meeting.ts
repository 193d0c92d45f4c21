/**
 * The secretariat's acts after the meeting (introduction, votes and actions go through the
 * events route with shared/lifecycle's checks):
 *   POST /drafts/:id/freeze                              lock the final text, its hash computed here
 *   POST /drafts/:id/number { number? }                  number an adopted text (the next free one when absent)
 *   GET  /sessions/:id/numbers                           the numbers taken and the next of each kind
 *   POST /drafts/:id/report-details { describedAs, remarks }   the report's wording for the draft
 */
import { Router } from 'express';
import { z } from 'zod';
import { freezeDraft } from '../../commands/freezer';
import { numberOf, RecordTypes } from '../../commands/meetingRecord';
import { nextNumber, numberAdoptedText, numbersInSession } from '../../commands/resolutionNumbering';
import { recordReportDetails } from '../../commands/reportDetailsRecorder';
import { presentDraftEvent } from '../../presenters/event';
import { presentNumber } from '../../presenters/meeting';
import { presentStatus } from '../../presenters/status';
import { requireUser, send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { idParams, localizedText, parse } from '../validate';
import { draftRoute } from '../draftGuard';
import { DomainErrors } from '../../errors';

const numberBody = z.strictObject({
  number: z
    .string()
    .trim()
    .regex(/^\d{1,4}\/\d{1,4}$/, 'a number such as 11/5')
    .optional(),
});
const detailsBody = z.strictObject({ describedAs: localizedText.nullable().default(null), remarks: localizedText.nullable().default(null) });

/** The meeting routes, to mount on the /api router. */
export function meetingRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  router.post(
    '/drafts/:id/freeze',
    draftRoute(store, { body: z.strictObject({}), record: 'frozen' }, async ({ res, user: actor, draftId }) => {
      const frozen = await freezeDraft(store, { draftId, actor, refreshAccess: deps.refreshAccess });
      // Every open socket turns read-only now; one that misses it is refused at its next write.
      await refreshQuietly(deps, draftId);
      const user = await store.getUser(actor.id);
      send(res, 201, {
        event: presentDraftEvent(frozen.row, new Map(user ? [[user.id, user]] : [])),
        status: presentStatus(frozen.status),
        finalText: frozen.final,
      });
    }),
  );

  router.post(
    '/drafts/:id/number',
    draftRoute(store, { body: numberBody, record: RecordTypes.number }, async ({ res, user: actor, draftId, body, draft }) => {
      const numbered = await numberAdoptedText(store, { draftId, sessionId: draft.sessionId, actor, number: body.number });
      send(res, 201, presentNumber(numbered.payload));
    }),
  );

  router.get('/sessions/:id/numbers', async (req, res) => {
    requireUser(req);
    const params = parse(idParams, req.params, 'params');
    const session = await store.getSession(params.id);
    if (!session) throw DomainErrors.notFound('session');
    const taken = await numbersInSession(store, session.id);
    send(res, 200, {
      next: { resolution: nextNumber(session, 'resolution', taken.values()), decision: nextNumber(session, 'decision', taken.values()) },
      taken: [...taken].map(([draftId, n]) => ({ draftId, ...presentNumber(n)! })),
    });
  });

  router.get(
    '/drafts/:id/number',
    draftRoute(store, {}, async ({ res, draftId }) => {
      send(res, 200, { number: presentNumber(numberOf(await store.listDraftEvents(draftId))) });
    }),
  );

  router.post(
    '/drafts/:id/report-details',
    draftRoute(store, { body: detailsBody, record: RecordTypes.reportDetails }, async ({ res, user: actor, draftId, body }) => {
      const recorded = await recordReportDetails(store, { draftId, actor, ...body });
      send(res, 201, recorded.payload);
    }),
  );

  return router;
}
