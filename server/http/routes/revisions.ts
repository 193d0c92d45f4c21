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
import { documentsOf, provenanceOf, RecordTypes } from '../../commands/meetingRecord';
import { issueRevision } from '../../commands/revisionIssuer';
import { presentDraftEvent } from '../../presenters/event';
import { presentDocument, presentRevision, presentRevisionSummary } from '../../presenters/revision';
import { presentStatus } from '../../presenters/status';
import type { Store } from '../../storage/types';
import { send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { draftRoute } from '../draftGuard';
import { calendarDate, id } from '../validate';
import { DomainErrors } from '../../errors';

const revisionParams = z.object({
  id,
  revision: z
    .string()
    .regex(/^\d{1,6}$/, 'a revision number (0 for the original)')
    .transform(Number),
});
const issueBody = z.strictObject({ symbol: z.string().trim().min(1).max(200) });
const documentBody = z.strictObject({ kind: z.enum(['addendum', 'corrigendum']), date: calendarDate.optional(), note: z.string().trim().min(1).max(2000).optional() });

async function lineage(store: Store, draftId: string) {
  const [draft, revisions, events, delegations, users] = await Promise.all([
    store.getDraft(draftId),
    store.listRevisions(draftId),
    store.listDraftEvents(draftId),
    store.listDelegations(),
    store.listUsers(),
  ]);
  if (!draft) throw DomainErrors.notFound('draft');
  return {
    draft,
    events,
    documents: documentsOf(events),
    provenance: provenanceOf(events),
    revisions: [...revisions].sort((a, b) => a.revision - b.revision),
    delegations: new Map(delegations.map((d) => [d.id, d])),
    users: new Map(users.map((u) => [u.id, u])),
  };
}

/** The revision routes, to mount on the /api router. */
export function revisionRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get(
    '/drafts/:id/revisions',
    draftRoute(store, {}, async ({ res, draftId }) => {
      const l = await lineage(store, draftId);
      const session = await store.getSession(l.draft.sessionId);
      const next = session ? nextText(statusOfRecord(l.events), { prefix: session.symbolPrefix, lNumber: l.draft.lNumber }) : null;
      send(res, 200, { next: next?.symbol ?? null, revisions: l.revisions.map((r) => presentRevisionSummary(r, l.draft, l.delegations, l.documents, l.provenance)) });
    }),
  );

  router.get(
    '/drafts/:id/revisions/:revision',
    draftRoute(store, { params: revisionParams }, async ({ res, draftId, params }) => {
      const l = await lineage(store, draftId);
      const revision = l.revisions.find((r) => r.revision === params.revision);
      if (!revision) throw DomainErrors.notFound(`revision ${params.revision}`);
      send(res, 200, presentRevision(revision, l.draft, l.delegations, l.users, l.documents, l.provenance));
    }),
  );

  // Refused at the door (a frozen draft too) before the sockets are asked to commit; issueRevision checks again in its transaction.
  router.post(
    '/drafts/:id/revisions',
    draftRoute(store, { body: issueBody, record: 'issued', refuseFrozen: true }, async ({ res, user: actor, draftId, body }) => {
      // Edits the sockets accepted are committed first: "the working text now" includes them.
      await refreshQuietly(deps, draftId);
      const issued = await issueRevision(store, { draftId, actor, symbol: body.symbol });
      // Negotiation goes on from the issued text: its brackets are cleared in the working text too.
      // The revision stands whatever happens here; a failure is logged, not answered.
      if (deps.replaceWorkingText) {
        await deps
          .replaceWorkingText(draftId, textFromJSON(issued.revision.text), actor)
          .catch((err: unknown) => deps.log(`clearing negotiation marks in the working text of ${draftId} failed`, err));
      }
      const l = await lineage(store, draftId);
      send(res, 201, {
        revision: presentRevision(issued.revision, l.draft, l.delegations, l.users, l.documents, l.provenance),
        event: presentDraftEvent(issued.event, l.users),
        status: presentStatus(issued.status),
      });
    }),
  );

  router.post(
    '/drafts/:id/revisions/:revision/documents',
    draftRoute(store, { params: revisionParams, body: documentBody, record: RecordTypes.document }, async ({ res, user: actor, draftId, body, params }) => {
      const recorded = await recordDocument(store, { draftId, actor, revision: params.revision, ...body });
      send(res, 201, presentDocument({ ...recorded.payload, at: recorded.row.at }));
    }),
  );

  return router;
}
