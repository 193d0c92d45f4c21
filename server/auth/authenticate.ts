/**
 * Who is asking: a request is signed in by the session cookie (browsers), an
 * `Authorization: Bearer` token (other clients), or a `?token=` query (the WebSocket upgrade,
 * where browsers cannot set headers). Used by the HTTP routes and the collaboration endpoint.
 */
import type { IncomingMessage } from 'node:http';
import type { Actor } from '../../shared/accounts';
import type { AuthSessionRow, RecordRepos } from '../storage/types';
import { hashSecret, readCookie, SESSION_COOKIE } from './sessions';

/** A signed-in user: what the policy needs, plus how to name them. */
export type AuthenticatedUser = Actor & { login: string; displayName: string };

/** How a request presented its credentials: a cookie, or a token (header or query). */
export interface Credentials {
  via: 'cookie' | 'bearer' | 'query';
  secret: string;
}

/** A request's signed-in user and the credentials that signed it in. */
export interface Authentication {
  user: AuthenticatedUser;
  credentials: Credentials;
  /** The stored session or token (a browser session's expiry slides with activity). */
  session?: AuthSessionRow;
}

/**
 * The credentials a request carries. An Authorization header wins and is the only thing
 * read when present, so a client cannot mix a stale cookie with a token.
 */
export function credentialsOf(req: IncomingMessage): Credentials | null {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const [, secret] = /^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/i.exec(auth) ?? [];
    return secret !== undefined ? { via: 'bearer', secret } : null;
  }
  const query = req.url?.includes('token=') ? new URL(req.url, 'http://x').searchParams.get('token') : null;
  if (query) return { via: 'query', secret: query };
  const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
  return cookie ? { via: 'cookie', secret: cookie } : null;
}

// A cookie secret only works as a cookie, a token only as a token: a browser session id
// never travels in a URL, and a bearer token never becomes a 12-hour session.
const kindFor: Record<Credentials['via'], AuthSessionRow['kind']> = { cookie: 'cookie', bearer: 'token', query: 'token' };

/** Resolve credentials to an active user, or null (unknown, expired, wrong kind, inactive). */
export async function authenticateCredentials(
  store: Pick<RecordRepos, 'getAuthSession' | 'getUser'>,
  credentials: Credentials,
  now: Date = new Date(),
): Promise<AuthenticatedUser | null> {
  return (await resolveCredentials(store, credentials, now))?.user ?? null;
}

// The user and the stored session the credentials stand for.
async function resolveCredentials(
  store: Pick<RecordRepos, 'getAuthSession' | 'getUser'>,
  credentials: Credentials,
  now: Date,
): Promise<{ user: AuthenticatedUser; session: AuthSessionRow } | null> {
  const session = await store.getAuthSession(hashSecret(credentials.secret));
  if (!session || session.kind !== kindFor[credentials.via]) return null;
  if (Date.parse(session.expiresAt) <= now.getTime()) return null;
  const user = await store.getUser(session.userId);
  if (!user?.active) return null;
  return { user: { id: user.id, role: user.role, delegationId: user.delegationId, login: user.login, displayName: user.displayName }, session };
}

/** Authenticate a request in full: the user and how they signed in, or null. */
export async function authenticate(store: Pick<RecordRepos, 'getAuthSession' | 'getUser'>, req: IncomingMessage): Promise<Authentication | null> {
  const credentials = credentialsOf(req);
  if (!credentials) return null;
  const found = await resolveCredentials(store, credentials, new Date());
  return found ? { ...found, credentials } : null;
}

/** The signed-in user of a request (HTTP or WebSocket upgrade), or null. */
export async function authenticateRequest(store: Pick<RecordRepos, 'getAuthSession' | 'getUser'>, req: IncomingMessage): Promise<AuthenticatedUser | null> {
  return (await authenticate(store, req))?.user ?? null;
}
