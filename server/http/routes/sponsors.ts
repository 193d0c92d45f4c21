/**
 * A draft's sponsors: `/api/drafts/:id/sponsors`. Everyone signed in reads the list as of any
 * date; a delegate joins or withdraws for their own delegation, the secretariat for anyone,
 * and names the main sponsor. Every change is dated and kept.
 */
import { Router } from 'express';
import { z } from 'zod';
import { todayUTC } from '../../../shared/dates';
import { mayChangeSponsorship } from '../../../shared/policy';
import { sponsorsAsOf } from '../../../shared/sponsorship';
import { loadDraftAccess } from '../../readModels/draftAccess';
import { changeSponsorship, type SponsorshipChangeInput } from '../../commands/sponsorshipChanger';
import { presentSponsorList, presentSponsorshipEvent } from '../../presenters/sponsorship';
import type { AuthenticatedUser } from '../../auth';
import { requireUser, send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { draftRoute } from '../draftGuard';
import { calendarDate, id, idParams, localizedText, parse } from '../validate';
import { DomainErrors } from '../../errors';

const asOfQuery = z.object({ asOf: calendarDate.optional() });
const joinBody = z.strictObject({ delegationId: id, date: calendarDate.optional(), onBehalfOf: localizedText.nullable().default(null) });
const changeParams = z.object({ id, delegationId: id });
const withdrawBody = z.strictObject({ date: calendarDate.optional() });
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

  return router;
}

/**
 * The co-sponsorship routes outside /api/drafts/:id/sponsors, with their full paths: the sponsor
 * list as text (`/drafts/:id/sponsors.txt`), the deadlines of a draft and of a session.
 */
export function cosponsorshipRoutes(_deps: ApiDeps): Router {
  return Router();
}
