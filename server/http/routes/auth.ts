/**
 * Signing in and out. `POST /api/auth/login` sets the `ph_session` cookie (httpOnly,
 * SameSite=Lax); `POST /api/auth/token` gives a short-lived bearer token for non-browser
 * clients and the collaboration socket (`?token=`).
 */
import { Router } from 'express';
import { z } from 'zod';
import { checkCredentials, clearedSessionCookie, issueSecret, revokeSecret, sessionCookie, type AuthenticatedUser } from '../../auth';
import { presentMe } from '../../presenters/user';
import type { Store } from '../../storage/types';
import { authenticationOf, requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { HttpErrors } from '../errors';
import { parse } from '../validate';

const loginBody = z.strictObject({ login: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) });

async function me(store: Store, user: AuthenticatedUser) {
  return presentMe(user, user.delegationId ? await store.getDelegation(user.delegationId) : null);
}

/** The /api/auth routes. */
export function authRoutes(deps: ApiDeps): Router {
  const { store, config } = deps;
  const router = Router();

  router.post('/login', async (req, res) => {
    const { login, password } = parse(loginBody, req.body);
    const user = await checkCredentials(store, login, password);
    if (!user) throw HttpErrors.badCredentials();
    // Signing in replaces any session this browser had: it cannot keep someone else's.
    const previous = authenticationOf(req);
    if (previous?.credentials.via === 'cookie') await revokeSecret(store, previous.credentials.secret);
    await store.deleteExpiredAuthSessions(new Date().toISOString());
    const session = await issueSecret(store, user.id, 'cookie', config.sessionTtlMs);
    res.setHeader('Set-Cookie', sessionCookie(session.secret, session.expiresAt, config.cookieSecure));
    const signedIn = { id: user.id, role: user.role, delegationId: user.delegationId, login: user.login, displayName: user.displayName };
    send(res, 200, { ...(await me(store, signedIn)), expiresAt: session.expiresAt });
  });

  router.post('/logout', async (req, res) => {
    const auth = authenticationOf(req);
    if (auth) await revokeSecret(store, auth.credentials.secret);
    if (!auth || auth.credentials.via === 'cookie') res.setHeader('Set-Cookie', clearedSessionCookie(config.cookieSecure));
    res.status(204).end();
  });

  router.get('/me', async (req, res) => {
    send(res, 200, await me(store, requireUser(req)));
  });

  router.post('/token', async (req, res) => {
    const user = requireUser(req);
    const token = await issueSecret(store, user.id, 'token', config.tokenTtlMs);
    send(res, 201, { token: token.secret, tokenType: 'Bearer', expiresAt: token.expiresAt });
  });

  return router;
}
