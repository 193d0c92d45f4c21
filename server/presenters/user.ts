/** How a user looks in JSON: never the password hash. */
import type { AuthenticatedUser } from '../auth';
import type { DelegationRow, UserRow } from '../storage/types';
import { presentDelegation } from './delegation';

/** The signed-in user (`/api/auth/me`, login): who they are and which delegation they speak for. */
export function presentMe(user: AuthenticatedUser, delegation: DelegationRow | null) {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    delegationId: user.delegationId,
    delegation: delegation ? presentDelegation(delegation) : null,
  };
}

/** An account as the secretariat's user list shows it. */
export function presentUser(user: UserRow) {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    delegationId: user.delegationId,
    active: user.active,
    createdAt: user.createdAt,
  };
}

/** Another user as a draft's record names them: no login, no role details. */
export function presentUserRef(user: Pick<UserRow, 'id' | 'displayName'> | null) {
  return user ? { id: user.id, displayName: user.displayName } : null;
}
