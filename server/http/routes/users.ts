/**
 * Accounts: `/api/users`, the secretariat's alone (logins are not for everyone to see). The
 * secretariat creates and edits accounts, deactivates them (their sessions and sockets end at
 * once) and issues one-time reset codes; it never sees or sends a password in clear.
 */
import { Router } from 'express';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES } from '../../../shared/accounts';
import { AuditActions } from '../../../shared/audit';
import { mayAdminister } from '../../../shared/policy';
import { generatePassword, issueResetCode, resetLink } from '../../auth';
import { createUser } from '../../commands/userCreator';
import { editUser } from '../../commands/userEditor';
import { presentUser } from '../../presenters/user';
import type { AuthenticatedUser } from '../../auth';
import { audit } from '../audit';
import { requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { id, idParams, parse, visibleName } from '../validate';
import { DomainErrors } from '../../errors';

// No spaces, and no invisible characters either: `adm\u200Bin` must not pass for `admin`.
const login = visibleName(254).pipe(
  z
    .string()
    .min(3)
    .regex(/^[^\s\p{Cf}]+$/u, 'no spaces or invisible characters'),
);
const displayName = visibleName(200);

const newUserBody = z.strictObject({
  login,
  displayName,
  role: z.enum(ROLES),
  delegationId: id.nullable().default(null),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH).optional(),
});

const userChangesBody = z.strictObject({
  login: login.optional(),
  displayName: displayName.optional(),
  role: z.enum(ROLES).optional(),
  delegationId: id.nullable().optional(),
  active: z.boolean().optional(),
});

function administer(actor: AuthenticatedUser): void {
  const permission = mayAdminister(actor);
  if (!permission.ok) throw DomainErrors.forbidden(permission.error);
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
    // Without a password, the account gets one nobody ever sees, and the answer carries a
    // one-time link for the user to choose their own: no password travels in clear.
    const user = await createUser(store, { ...input, password: input.password ?? generatePassword(32) });
    const reset = input.password === undefined ? await issueResetCode(store, user.id, deps.config.resetTtlMs) : null;
    await audit(deps, req, { action: AuditActions.userCreated, target: user.id, detail: { login: user.login, role: user.role, delegationId: user.delegationId } });
    send(res, 201, { ...presentUser(user), ...(reset ? { reset: { code: reset.code, link: resetLink(reset.code), expiresAt: reset.expiresAt } } : {}) });
  });

  router.patch('/:id', async (req, res) => {
    const actor = requireUser(req);
    const { id: userId } = parse(idParams, req.params, 'params');
    const changes = parse(userChangesBody, req.body);
    administer(actor);
    const edit = await editUser(store, actor.id, userId, changes);
    // A changed role or delegation, or a deactivation: open sockets carry the old rights, so they end.
    if (edit.rightsChanged) deps.revokeUser?.(userId);
    const detail = Object.fromEntries(edit.changed.map((k) => [k, { from: edit.before[k], to: edit.after[k] }]));
    await audit(deps, req, { action: AuditActions.userUpdated, target: userId, detail });
    send(res, 200, presentUser(edit.after));
  });

  router.post('/:id/password-reset', async (req, res) => {
    const actor = requireUser(req);
    const { id: userId } = parse(idParams, req.params, 'params');
    administer(actor);
    const user = await store.getUser(userId);
    if (!user) throw DomainErrors.notFound('user');
    if (!user.active) throw DomainErrors.refused('the account is deactivated: reactivate it first');
    const reset = await issueResetCode(store, user.id, deps.config.resetTtlMs);
    await audit(deps, req, { action: AuditActions.resetIssued, target: user.id, detail: { expiresAt: reset.expiresAt } });
    // Shown once, to the secretariat, to hand over; only its hash is kept.
    send(res, 201, { code: reset.code, link: resetLink(reset.code), expiresAt: reset.expiresAt });
  });

  return router;
}
