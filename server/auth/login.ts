/** Checking a login and password, so that nobody can tell an unknown login from a wrong password. */
import type { RecordRepos, UserRow } from '../storage/types';
import { UNMATCHABLE_HASH, verifyPassword } from './passwords';

/** The active user these credentials belong to, or null (unknown login, wrong password, inactive). */
export async function checkCredentials(store: Pick<RecordRepos, 'getUserByLogin'>, login: string, password: string): Promise<UserRow | null> {
  const user = await store.getUserByLogin(login.trim().toLowerCase());
  // Hash even for an unknown login: the answer takes the same time either way.
  const matches = await verifyPassword(password, user?.passwordHash ?? UNMATCHABLE_HASH);
  return user?.active && matches ? user : null;
}
