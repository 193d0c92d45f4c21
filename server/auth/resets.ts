/**
 * One-time password-reset codes. The secretariat issues one for a user and hands it over (as a
 * link or a code read out); the user sets a new password with it. Only its SHA-256 is stored,
 * it works once, and it expires; issuing a new one withdraws the old.
 */
import type { RecordRepos } from '../storage/types';
import { hashSecret, newSecret } from './sessions';

/** A code just issued: shown once to the secretariat, never stored in clear. */
export interface IssuedReset {
  code: string;
  expiresAt: string;
}

/** Issue a reset code for a user. */
export async function issueResetCode(store: Pick<RecordRepos, 'createPasswordReset'>, userId: string, ttlMs: number, now: Date = new Date()): Promise<IssuedReset> {
  const code = newSecret();
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await store.createPasswordReset({ codeHash: hashSecret(code), userId, createdAt: now.toISOString(), expiresAt });
  return { code, expiresAt };
}

/** Use a code: the user id it was issued for, or null (unknown, used, expired). */
export function redeemResetCode(store: Pick<RecordRepos, 'consumePasswordReset'>, code: string, now: Date = new Date()): Promise<string | null> {
  return store.consumePasswordReset(hashSecret(code), now.toISOString());
}

/** The link a user opens to set a new password; the code rides in the fragment, which browsers
 * never send to a server, so it stays out of access logs and Referer headers. */
export function resetLink(code: string, origin = ''): string {
  return `${origin}/reset#code=${encodeURIComponent(code)}`;
}
