/**
 * Restoring a draft's working text (the secretariat only):
 *   POST /drafts/:id/restore { "seq": n } | { "at": "<ISO time>" }
 * The working text becomes its text as of that seq (or the last update stored at or before that
 * time), as one server-written change relayed to every open editor. Answers 201 with the point
 * restored and the seq of the change; 403 for others or a frozen draft, 422 for a point the log
 * does not have or whose text is not valid. Each restore is in the audit record.
 */
import { Router } from 'express';
import { z } from 'zod';
import { AuditActions } from '../../../shared/audit';
import { restoreWorkingText } from '../../commands/draftRestorer';
import { audit } from '../audit';
import { requireUser, send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { idParams, parse } from '../validate';
import { DomainErrors } from '../../errors';

const isoTime = z
  .string()
  .max(64)
  .refine((v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), 'an ISO-8601 time (2022-10-19T14:30:00Z)');

const restoreBody = z.union([
  z.strictObject({ seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }),
  z.strictObject({ at: isoTime.transform((v) => new Date(Date.parse(v)).toISOString()) }),
]);

/** The restore route, to mount on the /api router. */
export function restoreRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.post('/drafts/:id/restore', async (req, res) => {
    const actor = requireUser(req);
    const params = parse(idParams, req.params, 'params');
    const point = parse(restoreBody, req.body);
    // Without the collaboration server there is no room to write through (tools, store tests).
    if (!deps.replaceWorkingText) throw DomainErrors.refused('restoring a working text needs the collaboration server');
    const restored = await restoreWorkingText(deps.store, { draftId: params.id, actor, point, replace: deps.replaceWorkingText });
    await audit(deps, req, {
      action: AuditActions.textRestored,
      target: params.id,
      detail: { requested: point, fromSeq: restored.from.seq, fromAt: restored.from.at, seq: restored.seq },
    });
    await refreshQuietly(deps, params.id);
    send(res, 201, {
      draftId: restored.draftId,
      from: { seq: restored.from.seq, at: restored.from.at },
      seq: restored.seq,
      changed: restored.seq !== null,
      lastSeq: restored.lastSeq,
    });
  });

  return router;
}
