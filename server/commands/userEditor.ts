/**
 * Changing an account (the secretariat's user form): names, login, role, delegation, active.
 * Deactivating ends the user's sessions at once; the caller closes their sockets too. A
 * secretariat cannot lock itself out by deactivating or demoting its own account.
 */
import type { Role } from '../../shared/accounts';
import { UniqueViolation, type Store, type UserRow } from '../storage/types';
import { roleDelegationMismatch } from './userCreator';
import { DomainErrors } from '../errors';

/** The fields the secretariat may change; absent ones stay. */
export interface UserChanges {
  login?: string;
  displayName?: string;
  role?: Role;
  delegationId?: string | null;
  active?: boolean;
}

/** An account after a change, and what the change means for open connections. */
export interface UserEdit {
  before: UserRow;
  after: UserRow;
  /** The user's rights changed (deactivated, new role or delegation): close their sockets. */
  rightsChanged: boolean;
  /** Which fields changed, for the audit record (never the password). */
  changed: ('login' | 'displayName' | 'role' | 'delegationId' | 'active')[];
}

/** Apply `changes` to user `id` on behalf of `actorId`; 404, 409 or 422 when it cannot be. */
export async function editUser(store: Store, actorId: string, id: string, changes: UserChanges): Promise<UserEdit> {
  return store.transaction(async (tx) => {
    const before = await tx.getUser(id);
    if (!before) throw DomainErrors.notFound('user');
    const role = changes.role ?? before.role;
    const delegationId = changes.delegationId !== undefined ? changes.delegationId : before.delegationId;
    const mismatch = roleDelegationMismatch(role, delegationId);
    if (mismatch) throw DomainErrors.refused(mismatch);
    if (delegationId !== null && delegationId !== before.delegationId && !(await tx.getDelegation(delegationId))) {
      throw DomainErrors.refused(`there is no delegation with id "${delegationId}"`);
    }
    if (id === actorId && (changes.active === false || (changes.role !== undefined && changes.role !== 'secretariat'))) {
      throw DomainErrors.refused('you cannot deactivate or demote your own account; ask another member of the secretariat');
    }
    const login = changes.login?.trim().toLowerCase();
    let after: UserRow | null;
    try {
      after = await tx.updateUser(id, { login, displayName: changes.displayName, role: changes.role, delegationId: changes.delegationId, active: changes.active });
    } catch (err) {
      if (err instanceof UniqueViolation) throw DomainErrors.conflict(`the login ${login} is already taken`);
      throw err;
    }
    if (!after) throw DomainErrors.notFound('user');
    const changed = (['login', 'displayName', 'role', 'delegationId', 'active'] as const).filter((k) => before[k] !== after![k]);
    const rightsChanged = changed.some((k) => k === 'role' || k === 'delegationId' || k === 'active');
    if (before.active && !after.active) await tx.deleteAuthSessionsOfUser(id);
    return { before, after, rightsChanged, changed };
  });
}
