/**
 * Row and input types of accounts and access: user accounts and the delegations they belong to,
 * and (issue 9) the audit record, password-reset codes and the patches the secretariat's
 * administration applies. Re-exported by types.ts, through which the store's callers import them.
 */
import type { Role } from '../../shared/accounts';
import type { DelegationKind, LocalizedText } from '../../shared/delegations';

/** A delegation that may sponsor drafts. `code` is unique. */
export interface DelegationRow {
  id: string;
  code: string;
  name: LocalizedText;
  kind: DelegationKind;
  createdAt: string;
}

/** A user account. `login` is unique (case-insensitive; stored lower-case). */
export interface UserRow {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  delegationId: string | null;
  /** `scrypt$N$r$p$salt$hash`, never the password. */
  passwordHash: string;
  active: boolean;
  createdAt: string;
}

/** An entry of the append-only audit record: who did what, when, from where. */
export interface AuditEntryRow {
  seq: number;
  at: string;
  action: string;
  userId: string | null;
  /** The login at the time (or as typed, for a failed sign-in). */
  login: string | null;
  ip: string | null;
  /** What the action was about: a draft, user or delegation id. */
  target: string | null;
  detail: Record<string, unknown>;
}
/** An audit entry to append; the store assigns seq and, unless given, the time. */
export type NewAuditEntry = Omit<AuditEntryRow, 'seq' | 'at'> & { at?: string };

/** Which audit entries to list: all filters optional, newest first. */
export interface AuditFilter {
  userId?: string;
  /** An action name, or a family of them (`auth` matches `auth.sign_in`, `auth.sign_out` …). */
  action?: string;
  /** Entries at or after this time (ISO). */
  from?: string;
  /** Entries before this time (ISO). */
  to?: string;
  /** Only entries with a seq below this one (the next page). */
  beforeSeq?: number;
  limit: number;
}

/** A one-time password-reset code: only its SHA-256 is stored; single use, expiring. */
export interface PasswordResetRow {
  codeHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** The changeable fields of an account; absent fields stay as they are. */
export type UserPatch = Partial<Pick<UserRow, 'login' | 'displayName' | 'role' | 'delegationId' | 'active' | 'passwordHash'>>;

/** The changeable fields of a delegation (its code is its identity and stays). */
export type DelegationPatch = Partial<Pick<DelegationRow, 'name' | 'kind'>>;
