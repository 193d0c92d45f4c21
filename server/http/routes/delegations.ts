/** Delegations: `/api/delegations`. Everyone signed in reads; the secretariat adds and edits them. */
import { Router } from 'express';
import { z } from 'zod';
import { DELEGATION_KINDS } from '../../../shared/delegations';
import { mayAdminister } from '../../../shared/policy';
import { sortByEnglishName } from '../../../shared/sponsorship';
import { createDelegation } from '../../commands/delegationCreator';
import { presentDelegation } from '../../presenters/delegation';
import { requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { idParams, localizedText, parse } from '../validate';
import { audit } from '../audit';
import { AuditActions } from '../../../shared/audit';
import { DomainErrors } from '../../errors';

const newDelegationBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'a code in capitals, such as CHL or EU'),
  name: localizedText,
  kind: z.enum(DELEGATION_KINDS),
});

// The code is a delegation's identity in symbols and records: it stays; names and kind may change.
const delegationChangesBody = z.strictObject({ name: localizedText.optional(), kind: z.enum(DELEGATION_KINDS).optional() });

/** The /api/delegations routes. */
export function delegationRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get('/', async (req, res) => {
    requireUser(req);
    // The order of sponsor lists: English alphabetical, whatever the language.
    send(res, 200, sortByEnglishName(await store.listDelegations()).map(presentDelegation));
  });

  router.post('/', async (req, res) => {
    const actor = requireUser(req);
    const input = parse(newDelegationBody, req.body);
    const permission = mayAdminister(actor);
    if (!permission.ok) throw DomainErrors.forbidden(permission.error);
    const created = await createDelegation(store, input);
    await audit(deps, req, { action: AuditActions.delegationCreated, target: created.id, detail: { code: created.code, kind: created.kind } });
    send(res, 201, presentDelegation(created));
  });

  router.patch('/:id', async (req, res) => {
    const actor = requireUser(req);
    const { id } = parse(idParams, req.params, 'params');
    const changes = parse(delegationChangesBody, req.body);
    const permission = mayAdminister(actor);
    if (!permission.ok) throw DomainErrors.forbidden(permission.error);
    const before = await store.getDelegation(id);
    const after = before ? await store.updateDelegation(id, changes) : null;
    if (!before || !after) throw DomainErrors.notFound('delegation');
    await audit(deps, req, {
      action: AuditActions.delegationUpdated,
      target: id,
      detail: { code: after.code, from: { name: before.name, kind: before.kind }, to: { name: after.name, kind: after.kind } },
    });
    send(res, 200, presentDelegation(after));
  });

  return router;
}
