/**
 * Creating an account (the secretariat's user form, `npm run user:add`, the test factories):
 * the password is hashed here and never stored or logged in clear.
 */
import type { Role } from '../../shared/accounts';
import { hashPassword } from '../auth/passwords';
import { UniqueViolation, type Store, type UserRow } from '../storage/types';
import { DomainErrors } from '../errors';

/** What a new account needs. */
export interface NewUserInput {
  login: string;
  displayName: string;
  role: Role;
  delegationId: string | null;
  password: string;
}

/** Why a role and delegation do not go together, or null: a delegate speaks for a delegation,
 * the secretariat for none. */
export function roleDelegationMismatch(role: Role, delegationId: string | null): string | null {
  if (role === 'delegate' && delegationId === null) return 'a delegate belongs to a delegation';
  if (role === 'secretariat' && delegationId !== null) return 'the secretariat does not belong to a delegation';
  return null;
}

/** Create an account; 422 for an unknown delegation or a role mismatch, 409 for a login taken. */
export async function createUser(store: Store, input: NewUserInput): Promise<UserRow> {
  const mismatch = roleDelegationMismatch(input.role, input.delegationId);
  if (mismatch) throw DomainErrors.refused(mismatch);
  if (input.delegationId !== null && !(await store.getDelegation(input.delegationId))) {
    throw DomainErrors.refused(`there is no delegation with id "${input.delegationId}"`);
  }
  const login = input.login.trim().toLowerCase();
  try {
    return await store.createUser({
      login,
      displayName: input.displayName,
      role: input.role,
      delegationId: input.delegationId,
      passwordHash: await hashPassword(input.password),
    });
  } catch (err) {
    if (err instanceof UniqueViolation) throw DomainErrors.conflict(`the login ${login} is already taken`);
    throw err;
  }
}
