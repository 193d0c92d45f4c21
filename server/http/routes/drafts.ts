/**
 * Drafts: the list of a session's drafts and putting one forward
 * (`/api/sessions/:id/drafts`; the title in any of the six languages, the one in the draft's
 * `language` required: shared/titles.ts), a draft's page (`/api/drafts/:id`), and the secretariat's
 * provenance notes on it (`POST /api/drafts/:id/provenance { kind, symbol, note }`).
 */
import { Router } from 'express';
import { z } from 'zod';
import { mayAdminister, mayChangeSponsorship, mayCreateDraft } from '../../../shared/policy';
import { createDraft } from '../../commands/draftCreator';
import { PROVENANCE_KINDS, RecordTypes } from '../../commands/meetingRecord';
import { recordProvenance } from '../../commands/provenanceRecorder';
import { loadDraftList, loadDraftView } from '../../readModels/draftViews';
import { presentDraft, presentDraftSummary, presentProvenance } from '../../presenters/draft';
import type { AuthenticatedUser } from '../../auth';
import { requireUser, send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { draftRoute } from '../draftGuard';
import { calendarDate, id, idParams, localizedText, parse, visibleName } from '../validate';
import { DomainErrors } from '../../errors';
import { delegationNameIn } from '../../../shared/delegations';
import { titleRefusal } from '../../../shared/titles';

const newDraftBody = z.strictObject({
  kind: z.enum(['resolution', 'decision']),
  title: localizedText,
  agendaItem: visibleName(200),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as en or zh')
    .default('en'),
  lNumber: z.number().int().min(1).max(100_000).optional(),
  mainSponsorId: id.nullable().optional(),
  onBehalfOf: localizedText.nullable().default(null),
  submittedBy: localizedText.nullable().default(null),
  chairUserId: id.nullable().default(null),
  date: calendarDate.optional(),
});

type NewDraftBody = z.output<typeof newDraftBody>;

const provenanceBody = z.strictObject({
  kind: z.enum(PROVENANCE_KINDS),
  symbol: z.string().trim().min(1).max(200).nullable().default(null),
  note: localizedText.nullable().default(null),
});

// Who sponsors a new draft: a delegate's own delegation (named main sponsor by putting it
// forward); the secretariat names any delegation, or none for a draft an officer submits.
function mainSponsorFor(actor: AuthenticatedUser, body: NewDraftBody): string | null {
  if (actor.role === 'delegate' && actor.delegationId !== null) {
    const wanted = body.mainSponsorId ?? actor.delegationId;
    if (wanted === actor.delegationId) return wanted;
  }
  const requested = body.mainSponsorId ?? null;
  if (requested === null) return null;
  const noDraftYet = { chairUserId: null, mainSponsorId: null, sponsorIds: new Set<string>(), frozen: false };
  const permission = mayChangeSponsorship(actor, noDraftYet, requested, 'main');
  if (!permission.ok) throw DomainErrors.forbidden(permission.error);
  return requested;
}

function authorizeCreate(actor: AuthenticatedUser, body: NewDraftBody): string | null {
  const permission = mayCreateDraft(actor);
  if (!permission.ok) throw DomainErrors.forbidden(permission.error);
  // Naming the chair or a submitting officer is the secretariat's administration.
  if ((body.chairUserId !== null || body.submittedBy !== null || body.lNumber !== undefined) && !mayAdminister(actor).ok) {
    throw DomainErrors.forbidden('only the secretariat sets the L-number, the chair or the officer submitting a draft');
  }
  return mainSponsorFor(actor, body);
}

/** The routes under /api/sessions/:id/drafts. */
export function sessionDraftRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    const actor = requireUser(req);
    const params = parse(idParams, req.params, 'params');
    const session = await store.getSession(params.id);
    if (!session) throw DomainErrors.notFound('session');
    const [items, delegations] = await Promise.all([loadDraftList(store, session.id), store.listDelegations()]);
    const names = new Map(delegations.map((d) => [d.id, delegationNameIn(d)]));
    // "In it now": the delegations (or, for the secretariat and chairs, the people) connected.
    const present = (draftId: string) => [...new Set((deps.presentIn?.(draftId) ?? []).map((u) => (u.delegationId ? names.get(u.delegationId) : null) ?? u.displayName))].sort();
    send(
      res,
      200,
      items.map((item) => presentDraftSummary(item, session, actor, present(item.draft.id))),
    );
  });

  router.post('/', async (req, res) => {
    const actor = requireUser(req);
    const params = parse(idParams, req.params, 'params');
    const body = parse(newDraftBody, req.body);
    if (!(await store.getSession(params.id))) throw DomainErrors.notFound('session');
    const mainSponsorId = authorizeCreate(actor, body);
    const refusal = titleRefusal(body.title, body.language);
    if (refusal) throw DomainErrors.refused(refusal);
    const draft = await createDraft(store, {
      sessionId: params.id,
      kind: body.kind,
      title: body.title,
      agendaItem: body.agendaItem,
      language: body.language,
      lNumber: body.lNumber,
      mainSponsor: mainSponsorId ? { delegationId: mainSponsorId, onBehalfOf: body.onBehalfOf } : null,
      submittedBy: body.submittedBy,
      chairUserId: body.chairUserId,
      date: body.date,
      createdBy: actor.id,
    });
    const view = await loadDraftView(store, draft.id);
    send(res, 201, presentDraft(view!, actor));
  });

  return router;
}

/** The routes under /api/drafts/:id (sponsors and events have their own files). */
export function draftRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get(
    '/:id',
    draftRoute(store, {}, async ({ res, user: actor, draftId }) => {
      const view = await loadDraftView(store, draftId);
      if (!view) throw DomainErrors.notFound('draft');
      send(res, 200, presentDraft(view, actor));
    }),
  );

  router.post(
    '/:id/provenance',
    draftRoute(store, { body: provenanceBody, record: RecordTypes.provenance, refuseFrozen: true }, async ({ res, user: actor, draftId, body }) => {
      const recorded = await recordProvenance(store, { draftId, actor, ...body });
      await refreshQuietly(deps, draftId);
      send(res, 201, { seq: recorded.row.seq, at: recorded.row.at, ...presentProvenance(recorded.payload) });
    }),
  );

  return router;
}
