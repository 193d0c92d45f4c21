/**
 * Session lifetime: a browser session ends after a spell of inactivity and, whatever the
 * activity, at a fixed maximum age from sign-in. The stored expiry is the inactivity deadline;
 * each request pushes it forward, never past the maximum age.
 */
import type { AuthSessionRow, RecordRepos } from '../storage/types';

// Writing the expiry on every request would make every read a write; a minute's slack is plenty.
const SLACK_MS = 60_000;

/** The session's new expiry after activity at `now`, or null when it need not move. */
export function slidingExpiry(session: AuthSessionRow, now: number, idleMs: number, maxAgeMs: number): string | null {
  const cap = Date.parse(session.createdAt) + maxAgeMs;
  const next = Math.min(now + idleMs, cap);
  return next - Date.parse(session.expiresAt) > Math.min(SLACK_MS, idleMs / 10) ? new Date(next).toISOString() : null;
}

/** Record activity on a browser session (tokens keep their fixed, short lifetime). */
export async function keepSessionAlive(
  store: Pick<RecordRepos, 'extendAuthSession'>,
  session: AuthSessionRow | undefined,
  limits: { sessionIdleMs: number; sessionTtlMs: number },
  now: number = Date.now(),
): Promise<void> {
  if (session?.kind !== 'cookie') return;
  const next = slidingExpiry(session, now, limits.sessionIdleMs, limits.sessionTtlMs);
  if (next !== null) await store.extendAuthSession(session.tokenHash, next);
}

/** When a new browser session first expires: after the inactivity spell, capped by the maximum age. */
export function firstExpiryMs(limits: { sessionIdleMs: number; sessionTtlMs: number }): number {
  return Math.min(limits.sessionIdleMs, limits.sessionTtlMs);
}
