/** Accounts: `/api/users`, the secretariat's alone (logins are not for everyone to see). */
import { Router } from 'express';
import { z } from 'zod';
import { ROLES } from '../../../shared/accounts';
import { mayAdminister } from '../../../shared/policy';
import { generatePassword } from '../../auth';
import { createUser } from '../../commands/userCreator';
import { presentUser } from '../../presenters/user';
import type { AuthenticatedUser } from '../../auth';
import { requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { HttpErrors } from '../errors';
import { id, parse } from '../validate';

const newUserBody = z.strictObject({
  login: z.string().trim().min(3).max(254).regex(/^[^\s]+$/, 'no spaces'),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  delegationId: id.nullable().default(null),
  password: z.string().min(10).max(1024).optional(),
});

function administer(actor: AuthenticatedUser): void {
  const permission = mayAdminister(actor);
  if (!permission.ok) throw HttpErrors.forbidden(permission.error);
}

/** The /api/users routes. */
export function userRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get('/', async (req, res) => {
    administer(requireUser(req));
    send(res, 200, (await store.listUsers()).map(presentUser));
  });

  router.post('/', async (req, res) => {
    const actor = requireUser(req);
    const input = parse(newUserBody, req.body);
    administer(actor);
    // A generated password is shown once, in this answer, and never again.
    const password = input.password ?? generatePassword();
    const user = await createUser(store, { ...input, password });
    send(res, 201, { ...presentUser(user), ...(input.password === undefined ? { password } : {}) });
  });

  return router;
}
