/**
 * A draft's sponsors: `/api/drafts/:id/sponsors`. Everyone signed in reads the list as of any
 * date; the secretariat adds and removes co-sponsors and names the main sponsor; a delegate asks
 * to join or to withdraw (`/requests`), and the main sponsor's delegates or the secretariat
 * confirm or decline. Every change is dated and kept. `cosponsorshipRoutes` adds the list as
 * text and the co-sponsorship deadlines of a draft and of a session.
 */
import { Router } from 'express';
import { z } from 'zod';
import { todayUTC } from '../../../shared/dates';
import { LANGUAGES } from '../../../shared/languages';
import { mayChangeSponsorship } from '../../../shared/policy';
import { COSPONSOR_DECISIONS, COSPONSOR_REQUEST_KINDS, isDeadline, sponsorListText, sponsorsAsOf, type CosponsorRequest } from '../../../shared/sponsorship';
import { loadDraftAccess } from '../../readModels/draftAccess';
import { changeSponsorship, type SponsorshipChangeInput } from '../../commands/sponsorshipChanger';
import { decideCosponsorRequest, loadCosponsorship, requestCosponsorship } from '../../commands/cosponsorRequests';
import { presentCosponsorRequest, presentCosponsorshipDeadline, presentSponsorList, presentSponsorshipEvent, sponsorListTextOf } from '../../presenters/sponsorship';
import type { AuthenticatedUser } from '../../auth';
import { requireUser, send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { draftRoute } from '../draftGuard';
import { calendarDate, id, idParams, localizedText, parse } from '../validate';
import { setDraftCosponsorDeadline, setSessionCosponsorDeadline } from '../../commands/cosponsorDeadline';
import { loadDraftView } from '../../readModels/draftViews';
import { DomainErrors } from '../../errors';
import { AuditActions } from '../../../shared/audit';
import { audit } from '../audit';

const asOfQuery = z.object({ asOf: calendarDate.optional() });
const joinBody = z.strictObject({ delegationId: id, date: calendarDate.optional(), onBehalfOf: localizedText.nullable().default(null) });
const changeParams = z.object({ id, delegationId: id });
const withdrawBody = z.strictObject({ date: calendarDate.optional() });
/** How long a note on a decision may be, in characters. */
const COSPONSOR_NOTE_LIMIT = 1000;
const requestBody = z.strictObject({ kind: z.enum(COSPONSOR_REQUEST_KINDS), onBehalfOf: localizedText.nullable().default(null) });
const decisionParams = z.object({ id, rid: id });
const decisionBody = z.strictObject({ decision: z.enum(COSPONSOR_DECISIONS), note: z.string().trim().max(COSPONSOR_NOTE_LIMIT).nullable().optional() });
const mainBody = z.strictObject({ date: calendarDate.optional(), onBehalfOf: localizedText.nullable().default(null) });

/** The routes under /api/drafts/:id/sponsors. */
export function sponsorRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router({ mergeParams: true });

  async function presentAsOf(draftId: string, asOf: string) {
    const [events, delegations, users] = await Promise.all([store.listSponsorshipEvents(draftId), store.listDelegations(), store.listUsers()]);
    const byId = new Map(delegations.map((d) => [d.id, d]));
    const usersById = new Map(users.map((u) => [u.id, u]));
    return {
      draftId,
      asOf,
      ...presentSponsorList(sponsorsAsOf(events, asOf), byId),
      changes: events.filter((e) => e.date <= asOf).map((e) => presentSponsorshipEvent(e, byId, usersById)),
    };
  }

  // Load → authorize on the current snapshot (fast 404/403); the command checks again inside
  // its transaction, where the decision and the write see the same record.
  async function change(actor: AuthenticatedUser, input: Omit<SponsorshipChangeInput, 'actor'>) {
    const loaded = await loadDraftAccess(store, input.draftId);
    if (!loaded) throw DomainErrors.notFound('draft');
    const permission = mayChangeSponsorship(actor, loaded.access, input.delegationId, input.type);
    if (!permission.ok) throw DomainErrors.forbidden(permission.error);
    const changed = await changeSponsorship(store, { ...input, actor });
    await refreshQuietly(deps, input.draftId);
    // Dates as YYYY-MM-DD compare as strings (Math.max would not).
    // biome-ignore lint/complexity/useMathMinMax: these are ISO dates, not numbers
    return presentAsOf(input.draftId, changed.row.date > todayUTC() ? changed.row.date : todayUTC());
  }

  router.get(
    '/',
    draftRoute(store, { query: asOfQuery }, async ({ res, draftId, query }) => {
      send(res, 200, await presentAsOf(draftId, query.asOf ?? todayUTC()));
    }),
  );

  router.post('/', async (req, res) => {
    const actor = requireUser(req);
    const params = parse(idParams, req.params, 'params');
    const body = parse(joinBody, req.body);
    send(res, 201, await change(actor, { draftId: params.id, type: 'join', ...body }));
  });

  router.post('/:delegationId/withdraw', async (req, res) => {
    const actor = requireUser(req);
    const params = parse(changeParams, req.params, 'params');
    const body = parse(withdrawBody, req.body);
    if (!(await store.getDelegation(params.delegationId))) throw DomainErrors.notFound('delegation');
    send(res, 201, await change(actor, { draftId: params.id, delegationId: params.delegationId, type: 'withdraw', ...body }));
  });

  router.post('/:delegationId/main', async (req, res) => {
    const actor = requireUser(req);
    const params = parse(changeParams, req.params, 'params');
    const body = parse(mainBody, req.body);
    if (!(await store.getDelegation(params.delegationId))) throw DomainErrors.notFound('delegation');
    send(res, 201, await change(actor, { draftId: params.id, delegationId: params.delegationId, type: 'main', ...body }));
  });

  router.get(
    '/requests',
    draftRoute(store, {}, async ({ res, draftId }) => {
      const [loaded, delegations, users] = await Promise.all([loadCosponsorship(store, draftId), store.listDelegations(), store.listUsers()]);
      if (!loaded) throw DomainErrors.notFound('draft');
      const byId = new Map(delegations.map((d) => [d.id, d]));
      const usersById = new Map(users.map((u) => [u.id, u]));
      send(res, 200, {
        requests: loaded.requests.map((r) => presentCosponsorRequest(r, byId, usersById)),
        deadline: presentCosponsorshipDeadline(loaded.deadline),
      });
    }),
  );

  router.post(
    '/requests',
    draftRoute(store, { body: requestBody }, async ({ res, user, draftId, body }) => {
      const { request } = await requestCosponsorship(store, { draftId, actor: user, kind: body.kind, onBehalfOf: body.onBehalfOf });
      await refreshQuietly(deps, draftId);
      send(res, 201, await presentRequest(request));
    }),
  );

  router.post(
    '/requests/:rid/decision',
    draftRoute(store, { params: decisionParams, body: decisionBody }, async ({ res, user, draftId, params, body }) => {
      const decided = await decideCosponsorRequest(store, { draftId, actor: user, requestId: params.rid, decision: body.decision, note: body.note ?? null });
      await refreshQuietly(deps, draftId);
      send(res, 200, await presentRequest(decided.request));
    }),
  );

  async function presentRequest(request: CosponsorRequest) {
    const [delegations, users] = await Promise.all([store.listDelegations(), store.listUsers()]);
    return presentCosponsorRequest(request, new Map(delegations.map((d) => [d.id, d])), new Map(users.map((u) => [u.id, u])));
  }

  return router;
}

// The list as text in any of the six languages; names not recorded in it are printed in brackets (shared/reportLanguage.ts).
const textQuery = z.object({ lang: z.enum(LANGUAGES).default('en') });
const deadlineBody = z.strictObject({ deadline: z.string().refine(isDeadline, 'not a date-time in UTC (2022-10-20T18:00:00Z)').nullable() });
// One spelling in the record, whatever the client sent ("…T18:00Z" → "…T18:00:00.000Z").
const normalized = (deadline: string | null) => (deadline === null ? null : new Date(deadline).toISOString());

/**
 * The co-sponsorship routes outside /api/drafts/:id/sponsors, with their full paths: the sponsor
 * list as text (`/drafts/:id/sponsors.txt`), the deadlines of a draft and of a session.
 */
export function cosponsorshipRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get(
    '/drafts/:id/sponsors.txt',
    draftRoute(store, { query: textQuery }, async ({ res, draftId, query }) => {
      const view = await loadDraftView(store, draftId);
      if (!view) throw DomainErrors.notFound('draft');
      res
        .status(200)
        .type('text/plain; charset=utf-8')
        .send(sponsorListText(sponsorListTextOf(view), query.lang));
    }),
  );

  router.put(
    '/drafts/:id/cosponsorship-deadline',
    draftRoute(store, { body: deadlineBody }, async ({ res, user, draftId, body }) => {
      await setDraftCosponsorDeadline(store, { draftId, actor: user, deadline: normalized(body.deadline) });
      await refreshQuietly(deps, draftId);
      const loaded = await loadCosponsorship(store, draftId);
      if (!loaded) throw DomainErrors.notFound('draft');
      send(res, 200, { deadline: presentCosponsorshipDeadline(loaded.deadline) });
    }),
  );

  router.put('/sessions/:id/cosponsorship-deadline', async (req, res) => {
    const actor = requireUser(req);
    const { id: sessionId } = parse(idParams, req.params, 'params');
    const body = parse(deadlineBody, req.body);
    const session = await setSessionCosponsorDeadline(store, { sessionId, actor, deadline: normalized(body.deadline) });
    // Not a draft's path, so the router's audit of draft writes does not see it: recorded here in the same shape.
    await audit(deps, req, {
      action: AuditActions.draftAction,
      target: `session:${session.id}`,
      detail: { method: req.method, path: `/sessions/${session.id}/cosponsorship-deadline`, status: 200, deadline: session.cosponsorDeadline },
    });
    send(res, 200, { sessionId: session.id, deadline: session.cosponsorDeadline });
  });

  return router;
}
