/**
 * Issued texts: `/api/drafts/:id/revisions`. Everyone signed in reads them; the secretariat
 * issues the working text as the next symbol of the lineage and records addenda and corrigenda.
 *   GET  /drafts/:id/revisions                           the lineage, with the next symbol
 *   GET  /drafts/:id/revisions/:revision                 one text: { symbol, text, hash, sponsors, issuedAt, … }
 *   POST /drafts/:id/revisions { symbol }                issue the working text as `symbol` (409 when already issued)
 *   POST /drafts/:id/revisions/:revision/documents { kind, date?, note? }   an addendum or corrigendum
 */
import { Router } from 'express';
import { textFromJSON } from '../../../shared/schema';
import { z } from 'zod';
import { nextText } from '../../../shared/lifecycle';
import { statusOfRecord } from '../../readModels/draftStatus';
import { recordDocument } from '../../commands/documentRecorder';
import { documentsOf, RecordTypes } from '../../commands/meetingRecord';
import { authorizeRecord } from '../../commands/recordAppender';
import { issueRevision } from '../../commands/revisionIssuer';
import { presentDraftEvent } from '../../presenters/event';
import { presentDocument, presentRevision, presentRevisionSummary } from '../../presenters/revision';
import { presentStatus } from '../../presenters/status';
import type { Store } from '../../storage/types';
import { requireUser, send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { authorizeDraft } from '../draftGuard';
import { calendarDate, id, parse } from '../validate';
import { DomainErrors } from '../../errors';

const revisionParams = z.object({ id, revision: z.string().regex(/^\d{1,6}$/, 'a revision number (0 for the original)').transform(Number) });
const idOnly = z.object({ id });
const issueBody = z.strictObject({ symbol: z.string().trim().min(1).max(200) });
const documentBody = z.strictObject({ kind: z.enum(['addendum', 'corrigendum']), date: calendarDate.optional(), note: z.string().trim().min(1).max(2000).optional() });


async function lineage(store: Store, draftId: string) {
  const [draft, revisions, events, delegations, users] = await Promise.all([
    store.getDraft(draftId), store.listRevisions(draftId), store.listDraftEvents(draftId), store.listDelegations(), store.listUsers(),
  ]);
  if (!draft) throw DomainErrors.notFound('draft');
  return {
    draft, events, documents: documentsOf(events),
    revisions: [...revisions].sort((a, b) => a.revision - b.revision),
    delegations: new Map(delegations.map((d) => [d.id, d])),
    users: new Map(users.map((u) => [u.id, u])),
  };
}

/** The revision routes, to mount on the /api router. */
export function revisionRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get('/drafts/:id/revisions', async (req, res) => {
    const actor = requireUser(req);
    const params = parse(idOnly, req.params, 'params');
    await authorizeDraft(store, actor, params.id);
    const l = await lineage(store, params.id);
    const session = await store.getSession(l.draft.sessionId);
    const next = session ? nextText(statusOfRecord(l.events), { prefix: session.symbolPrefix, lNumber: l.draft.lNumber }) : null;
    send(res, 200, { next: next?.symbol ?? null, revisions: l.revisions.map((r) => presentRevisionSummary(r, l.draft, l.delegations, l.documents)) });
  });

  router.get('/drafts/:id/revisions/:revision', async (req, res) => {
    const actor = requireUser(req);
    const params = parse(revisionParams, req.params, 'params');
    await authorizeDraft(store, actor, params.id);
    const l = await lineage(store, params.id);
    const revision = l.revisions.find((r) => r.revision === params.revision);
    if (!revision) throw DomainErrors.notFound(`revision ${params.revision}`);
    send(res, 200, presentRevision(revision, l.draft, l.delegations, l.users, l.documents));
  });

  router.post('/drafts/:id/revisions', async (req, res) => {
    const actor = requireUser(req);
    const params = parse(idOnly, req.params, 'params');
    const body = parse(issueBody, req.body);
    const loaded = await authorizeDraft(store, actor, params.id);
    // Refused before the sockets are asked to commit; issueRevision checks again in its transaction.
    authorizeRecord(actor, loaded, 'issued');
    // Edits the sockets accepted are committed first: "the working text now" includes them.
    await refreshQuietly(deps, params.id);
    const issued = await issueRevision(store, { draftId: params.id, actor, symbol: body.symbol });
    // Negotiation goes on from the issued text: its brackets are cleared in the working text too.
    // The revision stands whatever happens here; a failure is logged, not answered.
    if (deps.replaceWorkingText) {
      await deps.replaceWorkingText(params.id, textFromJSON(issued.revision.text), actor).catch((err: unknown) => deps.log(`clearing negotiation marks in the working text of ${params.id} failed`, err));
    }
    const l = await lineage(store, params.id);
    send(res, 201, {
      revision: presentRevision(issued.revision, l.draft, l.delegations, l.users, l.documents),
      event: presentDraftEvent(issued.event, l.users),
      status: presentStatus(issued.status),
    });
  });

  router.post('/drafts/:id/revisions/:revision/documents', async (req, res) => {
    const actor = requireUser(req);
    const params = parse(revisionParams, req.params, 'params');
    const body = parse(documentBody, req.body);
    await authorizeDraft(store, actor, params.id, RecordTypes.document);
    const recorded = await recordDocument(store, { draftId: params.id, actor, revision: params.revision, ...body });
    send(res, 201, presentDocument({ ...recorded.payload, at: recorded.row.at }));
  });

  return router;
}
