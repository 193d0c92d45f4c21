/**
 * Signing in and out. `POST /api/auth/login` sets the `ph_session` cookie (httpOnly,
 * SameSite=Lax) with a fresh secret, and the `ph_device` cookie that makes the browser a known
 * device of the account, throttled per account (per device for known devices) and address;
 * `POST /api/auth/token` gives a short-lived bearer token for non-browser clients and the
 * collaboration socket (`?token=`), which ends with the sign-in that asked for it;
 * `POST /api/auth/password` changes one's own password; `POST /api/auth/reset` sets a new one
 * with a one-time code from the secretariat.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/accounts';
import { AuditActions } from '../../../shared/audit';
import {
  checkCredentials,
  clearedSessionCookie,
  credentialsOf,
  endSignIn,
  firstExpiryMs,
  hashPassword,
  hashSecret,
  issueSecret,
  issueToken,
  redeemResetCode,
  revokeSecret,
  sessionCookie,
  verifyPassword,
  type AuthenticatedUser,
  type LoginThrottle,
  type SignInAttempt,
  DeviceCookies,
} from '../../auth';
import { presentMe } from '../../presenters/user';
import type { Store } from '../../storage/types';
import { audit, clientAddress } from '../audit';
import { authenticationOf, requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { HttpErrors } from '../errors';
import { parse } from '../validate';
import { DomainErrors } from '../../errors';

const loginBody = z.strictObject({ login: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) });
const newPassword = z.string().min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`).max(PASSWORD_MAX_LENGTH);
const passwordBody = z.strictObject({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), newPassword });
const resetBody = z.strictObject({ code: z.string().min(16).max(128), newPassword });

async function me(store: Store, user: AuthenticatedUser) {
  return presentMe(user, user.delegationId ? await store.getDelegation(user.delegationId) : null);
}

/** The /api/auth routes; `throttle` counts failed sign-ins (and failed reset codes). */
export function authRoutes(deps: ApiDeps, throttle: LoginThrottle): Router {
  const { store, config } = deps;
  const router = Router();
  const devices = new DeviceCookies(store);

  // A fresh secret for this browser: the cookie lives for the maximum age, the server ends the
  // session sooner when it is idle.
  async function startSession(res: Parameters<Parameters<Router['post']>[1]>[1], userId: string) {
    const session = await issueSecret(store, userId, 'cookie', firstExpiryMs(config));
    const maxAgeEnd = new Date(Date.now() + config.sessionTtlMs).toISOString();
    res.setHeader('Set-Cookie', sessionCookie(session.secret, maxAgeEnd, config.cookieSecure));
    return session;
  }

  // This browser as a sign-in attempt: a known device of `login` is throttled on its own.
  async function attemptOf(req: Request, login: string): Promise<SignInAttempt> {
    return { login, address: clientAddress(req), device: await devices.deviceOf(req.headers.cookie, login) };
  }

  // Make this browser a known device of the account (it proved the password, or a reset code).
  async function rememberDevice(req: Request, res: Response, login: string): Promise<void> {
    res.append('Set-Cookie', await devices.cookieFor(req.headers.cookie, login, config.cookieSecure));
  }

  router.post('/login', async (req, res) => {
    const { login, password } = parse(loginBody, req.body);
    const attempt = await attemptOf(req, login);
    const wait = await throttle.waitMs(attempt);
    if (wait > 0) {
      await audit(deps, req, { action: AuditActions.signInThrottled, login, user: null });
      throw HttpErrors.tooManyAttempts(wait);
    }
    const user = await checkCredentials(store, login, password);
    if (!user) {
      await throttle.fail(attempt);
      await audit(deps, req, { action: AuditActions.signInFailed, login, user: null });
      throw HttpErrors.badCredentials();
    }
    await throttle.succeed(attempt);
    // Signing in rotates the session: whatever cookie this browser brought (valid, expired or
    // planted by someone else) is revoked, and a fresh secret replaces it.
    const previous = credentialsOf(req);
    if (previous?.via === 'cookie') await revokeSecret(store, previous.secret);
    await store.deleteExpiredAuthSessions(new Date().toISOString());
    const session = await startSession(res, user.id);
    await rememberDevice(req, res, user.login);
    const signedIn = { id: user.id, role: user.role, delegationId: user.delegationId, login: user.login, displayName: user.displayName };
    await audit(deps, req, { action: AuditActions.signIn, user: signedIn, target: user.id });
    send(res, 200, { ...(await me(store, signedIn)), expiresAt: session.expiresAt });
  });

  router.post('/logout', async (req, res) => {
    const auth = authenticationOf(req);
    if (auth) {
      // The tokens this sign-in issued end with it (the database cascades; the record says how many).
      const ended = await endSignIn(store, auth.credentials.secret);
      deps.endSignIns?.(ended);
      await audit(deps, req, { action: AuditActions.signOut, target: auth.user.id, detail: { tokensEnded: Math.max(0, ended.length - 1) } });
    }
    if (!auth || auth.credentials.via === 'cookie') res.setHeader('Set-Cookie', clearedSessionCookie(config.cookieSecure));
    res.status(204).end();
  });

  router.get('/me', async (req, res) => {
    send(res, 200, await me(store, requireUser(req)));
  });

  router.post('/token', async (req, res) => {
    const user = requireUser(req);
    // The token belongs to this sign-in: signing out (or the session ending) ends it too.
    const token = await issueToken(store, user.id, authenticationOf(req)!.credentials.secret, config.tokenTtlMs);
    if (!token) throw HttpErrors.unauthenticated();
    send(res, 201, { token: token.secret, tokenType: 'Bearer', expiresAt: token.expiresAt });
  });

  router.post('/password', async (req, res) => {
    const actor = requireUser(req);
    const auth = authenticationOf(req)!;
    const input = parse(passwordBody, req.body);
    // Guessing the current password from a stolen session is throttled like a sign-in (and the
    // owner on a known device can still change it while someone guesses elsewhere).
    const attempt = await attemptOf(req, actor.login);
    const wait = await throttle.waitMs(attempt);
    if (wait > 0) throw HttpErrors.tooManyAttempts(wait);
    const row = await store.getUser(actor.id);
    if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
      await throttle.fail(attempt);
      throw DomainErrors.refused('the current password is wrong');
    }
    await store.updateUser(actor.id, { passwordHash: await hashPassword(input.newPassword) });
    // Every other session and token ends; this browser gets a fresh session id.
    await store.deleteAuthSessionsOfUser(actor.id);
    if (auth.credentials.via === 'cookie') await startSession(res, actor.id);
    await audit(deps, req, { action: AuditActions.passwordChanged, target: actor.id });
    res.status(204).end();
  });

  router.post('/reset', async (req, res) => {
    const input = parse(resetBody, req.body);
    // Reset codes are guessed per address (there is no login to count them under).
    const attempt: SignInAttempt = { login: `(reset)${clientAddress(req)}`, address: clientAddress(req), device: null };
    const wait = await throttle.waitMs(attempt);
    if (wait > 0) throw HttpErrors.tooManyAttempts(wait);
    const userId = await redeemResetCode(store, input.code);
    const user = userId ? await store.getUser(userId) : null;
    if (!user?.active) {
      await throttle.fail(attempt);
      await audit(deps, req, { action: AuditActions.passwordResetFailed, user: null, detail: { code: hashSecret(input.code).slice(0, 12) } });
      throw HttpErrors.badResetCode();
    }
    await store.updateUser(user.id, { passwordHash: await hashPassword(input.newPassword) });
    await store.deleteAuthSessionsOfUser(user.id);
    deps.revokeUser?.(user.id);
    // Whoever holds the secretariat's code is the account's owner: this browser becomes a known
    // device, the way in while someone keeps the account locked for every other browser.
    await rememberDevice(req, res, user.login);
    await audit(deps, req, { action: AuditActions.passwordReset, user: { id: user.id, login: user.login }, target: user.id });
    res.status(204).end();
  });

  return router;
}
