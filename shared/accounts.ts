/**
 * Accounts: who a user is in the drafting room. A user belongs to a delegation (as a
 * delegate) or to the secretariat; a chair of informal consultations is named per draft.
 */

/** The roles a user can hold. */
export const ROLES = ['secretariat', 'chair', 'delegate'] as const;
/** One of the roles. */
export type Role = (typeof ROLES)[number];

/** A signed-in user as the policy sees it. */
export interface Actor {
  id: string;
  role: Role;
  /** The delegation a delegate speaks for; null for the secretariat and for chairs without one. */
  delegationId: string | null;
}

/** The shortest password accepted: long passphrases beat complexity rules. */
export const PASSWORD_MIN_LENGTH = 10;
/** The longest password accepted (scrypt hashes any length; this bounds the work). */
export const PASSWORD_MAX_LENGTH = 1024;
