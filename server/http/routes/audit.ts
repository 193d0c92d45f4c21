/**
 * The audit record for the secretariat: `GET /api/audit?user=&action=&from=&to=&before=&limit=`,
 * newest first. `action` takes a name (`auth.sign_in`) or a family (`auth`); `from` and `to`
 * take a date (whole days, `to` included) or a time.
 */
import { Router } from 'express';
import { z } from 'zod';
import { mayAdminister } from '../../../shared/policy';
import { presentAuditEntry } from '../../presenters/audit';
import { requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { id, parse } from '../validate';
import { DomainErrors } from '../../errors';

const DAY_MS = 24 * 60 * 60 * 1000;
const when = z.string().refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}/.test(v), 'a date (YYYY-MM-DD) or an ISO time');

const auditQuery = z.strictObject({
  user: id.optional(),
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)?$/, 'an action name such as auth.sign_in, or a family such as auth')
    .optional(),
  from: when.optional(),
  to: when.optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

// A bare date in `to` means "up to the end of that day".
const upTo = (to: string) => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString() : new Date(to).toISOString());

/** The /api/audit route. */
export function auditRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const actor = requireUser(req);
    const q = parse(auditQuery, req.query, 'query');
    const permission = mayAdminister(actor);
    if (!permission.ok) throw DomainErrors.forbidden(permission.error);
    const entries = await deps.store.listAudit({
      userId: q.user,
      action: q.action,
      from: q.from === undefined ? undefined : new Date(q.from).toISOString(),
      to: q.to === undefined ? undefined : upTo(q.to),
      beforeSeq: q.before,
      limit: q.limit,
    });
    send(res, 200, entries.map(presentAuditEntry));
  });
  return router;
}
