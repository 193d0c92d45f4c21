/** Delegations: `/api/delegations`. Everyone signed in reads; the secretariat adds them. */
import { Router } from 'express';
import { z } from 'zod';
import { DELEGATION_KINDS } from '../../../shared/delegations';
import { mayAdminister } from '../../../shared/policy';
import { sortByEnglishName } from '../../../shared/sponsorship';
import { createDelegation } from '../../commands/delegationCreator';
import { presentDelegation } from '../../presenters/delegation';
import { requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { HttpErrors } from '../errors';
import { localizedText, parse } from '../validate';

const newDelegationBody = z.strictObject({
  code: z.string().trim().regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'a code in capitals, such as CHL or EU'),
  name: localizedText,
  kind: z.enum(DELEGATION_KINDS),
});

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
    if (!permission.ok) throw HttpErrors.forbidden(permission.error);
    send(res, 201, presentDelegation(await createDelegation(store, input)));
  });

  return router;
}
