/**
 * The audit record: who did what, when and from where. Every sign-in, failed sign-in, permission
 * refusal, account change and action on a draft leaves one entry; nothing ever changes an entry.
 * The action names are shared so that the secretariat's filter and the server agree on them.
 */

/** Every kind of audited action. Add names here; never rename one (old entries keep it). */
export const AuditActions = {
  /** A sign-in that succeeded. */
  signIn: 'auth.sign_in',
  /** A sign-in refused for a wrong login or password (the login typed is recorded). */
  signInFailed: 'auth.sign_in_failed',
  /** A sign-in refused because of too many failures. */
  signInThrottled: 'auth.sign_in_throttled',
  /** A sign-out. */
  signOut: 'auth.sign_out',
  /** A user changed their own password. */
  passwordChanged: 'auth.password_changed',
  /** A user set a new password with a one-time reset code. */
  passwordReset: 'auth.password_reset',
  /** A reset code was refused (unknown, used or expired). */
  passwordResetFailed: 'auth.password_reset_failed',
  /** The policy refused a request (HTTP 403, or a refused collaboration socket). */
  permissionRefused: 'access.refused',
  /** A user wrote too fast and was slowed down. */
  rateLimited: 'access.rate_limited',
  /** The secretariat created an account. */
  userCreated: 'account.user_created',
  /** The secretariat changed an account (name, login, role, delegation, active). */
  userUpdated: 'account.user_updated',
  /** The secretariat issued a one-time password-reset code. */
  resetIssued: 'account.reset_issued',
  /** The secretariat created a delegation. */
  delegationCreated: 'account.delegation_created',
  /** The secretariat changed a delegation. */
  delegationUpdated: 'account.delegation_updated',
  /** The secretariat named (or removed) the chair of a draft's consultations. */
  chairChanged: 'account.chair_changed',
  /** A write on a draft or a session's drafts that succeeded (the path and method say which). */
  draftAction: 'draft.action',
  /** The secretariat restored a draft's working text to an earlier point of its log (the seq or time it came from). */
  textRestored: 'draft.text_restored',
} as const;

/** One audited action name. */
export type AuditAction = (typeof AuditActions)[keyof typeof AuditActions];

/** Every audited action name, for the filter's choices. */
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AuditActions);

/** An audit entry as the API presents it. */
export interface AuditEntryJSON {
  seq: number;
  at: string;
  action: string;
  /** The user who acted, when known (null for a failed sign-in or an anonymous request). */
  userId: string | null;
  /** The login as it was at the time (or as typed, for a failed sign-in). */
  login: string | null;
  /** The client address the request came from. */
  ip: string | null;
  /** What the action was about: a draft id, a user id, a delegation id. */
  target: string | null;
  detail: Record<string, unknown>;
}
