/**
 * What a route knows about its request beyond Express: who signed in and how. The auth
 * middleware sets it once per request; routes read it through these helpers.
 */
import type { Request, Response } from 'express';
import type { Authentication, AuthenticatedUser } from '../auth';
import { HttpErrors } from './errors';

const authentications = new WeakMap<Request, Authentication | null>();

/** Remember how a request authenticated (null: not signed in). */
export function setAuthentication(req: Request, auth: Authentication | null): void {
  authentications.set(req, auth);
}

/** How the request authenticated, or null. */
export function authenticationOf(req: Request): Authentication | null {
  return authentications.get(req) ?? null;
}

/** The signed-in user, or a 401. */
export function requireUser(req: Request): AuthenticatedUser {
  const auth = authentications.get(req);
  if (!auth) throw HttpErrors.unauthenticated();
  return auth.user;
}

/** Answer 201 or 200 with a presented JSON value (presenters are the only path to JSON). */
export function send(res: Response, status: 200 | 201, body: unknown): void {
  res.status(status).json(body);
}
