/**
 * Sign-in sessions and bearer tokens. The client holds a random 32-byte secret; the store
 * keeps only its SHA-256, so a leaked database does not let anyone sign in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuthSessionRow, RecordRepos, Store } from '../storage/types';

/** The name of the browser session cookie. */
export const SESSION_COOKIE = 'ph_session';

/** The secret a client holds: 32 random bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a secret (hex SHA-256). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A session or token just created: the secret goes to the client, once. */
export interface IssuedSecret {
  secret: string;
  kind: AuthSessionRow['kind'];
  expiresAt: string;
}

/** Start a browser session ('cookie') or issue a bearer token ('token') for a user. */
export async function issueSecret(
  store: Pick<RecordRepos, 'createAuthSession'>,
  userId: string,
  kind: AuthSessionRow['kind'],
  ttlMs: number,
  now: Date = new Date(),
): Promise<IssuedSecret> {
  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await store.createAuthSession({ tokenHash: hashSecret(secret), userId, kind, createdAt: now.toISOString(), expiresAt });
  return { secret, kind, expiresAt };
}

/**
 * Issue a bearer token for the sign-in that asks for it (`issuedBySecret`, a session cookie or a
 * token): it ends when that sign-in ends, whichever way (sign-out, rotation, expiry), so that
 * signing out leaves nothing usable behind. Null when the sign-in has just ended.
 */
export async function issueToken(
  store: Pick<Store, 'createIssuedToken'>,
  userId: string,
  issuedBySecret: string,
  ttlMs: number,
  now: Date = new Date(),
): Promise<IssuedSecret | null> {
  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  const row: AuthSessionRow = { tokenHash: hashSecret(secret), userId, kind: 'token', createdAt: now.toISOString(), expiresAt };
  return (await store.createIssuedToken(row, hashSecret(issuedBySecret))) ? { secret, kind: 'token', expiresAt } : null;
}

/**
 * Sign out: end a session or token and every token it issued. Resolves to the hashes of what
 * ended, for closing the collaboration sockets opened with them (unknown secrets end nothing:
 * signing out twice is fine).
 */
export async function endSignIn(store: Pick<Store, 'signInFamily' | 'deleteAuthSession'>, secret: string): Promise<string[]> {
  const ended = await store.signInFamily(hashSecret(secret));
  await store.deleteAuthSession(hashSecret(secret));
  return ended;
}

/** End a session or revoke a token, and with it every token it issued (unknown secrets are
 * ignored: signing out twice is fine). */
export async function revokeSecret(store: Pick<RecordRepos, 'deleteAuthSession'>, secret: string): Promise<void> {
  await store.deleteAuthSession(hashSecret(secret));
}

/** The Set-Cookie value that hands a browser its session. */
export function sessionCookie(secret: string, expiresAt: string, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
  return [`${SESSION_COOKIE}=${secret}`, 'Path=/', `Max-Age=${maxAge}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}

/** The Set-Cookie value that makes a browser forget its session. */
export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'Max-Age=0', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}

/** Read one cookie from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}
