/**
 * The audit record for the secretariat: `GET /api/audit?user=&action=&from=&to=&before=&limit=`,
 * newest first. `action` takes a name (`auth.sign_in`) or a family (`auth`); `from` and `to`
 * take a date (whole days, `to` included) or a time.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AuditNames } from '../../../shared/audit';
import { mayAdminister } from '../../../shared/policy';
import { draftSymbol } from '../../../shared/symbols';
import type { Store } from '../../storage/types';
import { presentAuditEntry } from '../../presenters/audit';
import { requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { id, parse } from '../validate';
import { DomainErrors } from '../../errors';
import { delegationNameIn } from '../../../shared/delegations';

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

/** The names the audit page shows for the ids in entries: people, delegations, drafts by symbol. */
async function auditNames(store: Store): Promise<AuditNames> {
  const [users, delegations, sessions] = await Promise.all([store.listUsers(), store.listDelegations(), store.listSessions()]);
  const drafts = new Map<string, string>();
  for (const session of sessions) for (const d of await store.listDrafts(session.id)) drafts.set(d.id, draftSymbol(session.symbolPrefix, d.lNumber));
  const people = new Map(users.map((u) => [u.id, u.displayName]));
  const delegationNames = new Map(delegations.map((d) => [d.id, delegationNameIn(d)]));
  return { user: (id) => people.get(id) ?? null, delegation: (id) => delegationNames.get(id) ?? null, draft: (id) => drafts.get(id) ?? null };
}

/** The /api/audit route. */
export function auditRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const actor = requireUser(req);
    const q = parse(auditQuery, req.query, 'query');
    const permission = mayAdminister(actor);
    if (!permission.ok) throw DomainErrors.forbidden(permission.error);
    const [entries, names] = await Promise.all([
      deps.store.listAudit({
        userId: q.user,
        action: q.action,
        from: q.from === undefined ? undefined : new Date(q.from).toISOString(),
        to: q.to === undefined ? undefined : upTo(q.to),
        beforeSeq: q.before,
        limit: q.limit,
      }),
      auditNames(deps.store),
    ]);
    send(
      res,
      200,
      entries.map((e) => presentAuditEntry(e, names)),
    );
  });
  return router;
}
