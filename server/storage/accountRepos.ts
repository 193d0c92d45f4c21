/**
 * The SQL of accounts and access (issue 9), written once for both backends like repos.ts: account
 * and delegation changes, a draft's chair, ending sessions, tokens tied to their sign-in, the
 * audit record, reset codes and the secrets instances share.
 * SqlRepos delegates to these so that repos.ts stays one screenful per concern.
 */
import type { SqlConnection } from './sqlConnection';
import * as rows from './rows';
import { toIso, toJson } from './rows';
import type { AuditEntryRow, AuditFilter, AuthSessionRow, DelegationPatch, DelegationRow, DraftRow, NewAuditEntry, PasswordResetRow, UserPatch, UserRow } from './types';

const USER_COLUMNS: Record<keyof UserPatch, string> = {
  login: 'login',
  displayName: 'display_name',
  role: 'role',
  delegationId: 'delegation_id',
  active: 'active',
  passwordHash: 'password_hash',
};

/** Change the given fields of an account; null when there is no such user. */
export async function updateUser(conn: SqlConnection, id: string, patch: UserPatch): Promise<UserRow | null> {
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [key, column] of Object.entries(USER_COLUMNS) as [keyof UserPatch, string][]) {
    if (patch[key] === undefined) continue;
    sets.push(`${column} = ?`);
    params.push(key === 'login' ? String(patch.login).toLowerCase() : patch[key]);
  }
  if (sets.length === 0) {
    const r = await conn.all('SELECT * FROM users WHERE id = ?', [id]);
    return r.length > 0 ? rows.userRow(r[0]!) : null;
  }
  const r = await conn.all(`UPDATE users SET ${sets.join(', ')} WHERE id = ? RETURNING *`, [...params, id], { cache: false });
  return r.length > 0 ? rows.userRow(r[0]!) : null;
}

/** Change a delegation's names or kind; null when there is no such delegation. */
export async function updateDelegation(conn: SqlConnection, id: string, patch: DelegationPatch): Promise<DelegationRow | null> {
  const r = await conn.all('UPDATE delegations SET name = coalesce(?, name), kind = coalesce(?, kind) WHERE id = ? RETURNING *', [
    patch.name ? toJson(patch.name) : null,
    patch.kind ?? null,
    id,
  ]);
  return r.length > 0 ? rows.delegationRow(r[0]!) : null;
}

/** Name or remove a draft's chair; null when there is no such draft. */
export async function assignChair(conn: SqlConnection, draftId: string, chairUserId: string | null): Promise<DraftRow | null> {
  const r = await conn.all('UPDATE drafts SET chair_user_id = ? WHERE id = ? RETURNING *', [chairUserId, draftId]);
  return r.length > 0 ? rows.draftRow(r[0]!) : null;
}

/** End a user's sessions and tokens, except one (the session that changed its own password). */
export function deleteAuthSessionsOfUser(conn: SqlConnection, userId: string, exceptTokenHash?: string): Promise<number> {
  return exceptTokenHash === undefined
    ? conn.run('DELETE FROM auth_sessions WHERE user_id = ?', [userId])
    : conn.run('DELETE FROM auth_sessions WHERE user_id = ? AND token_hash <> ?', [userId, exceptTokenHash]);
}

/** Move a session's expiry. */
export async function extendAuthSession(conn: SqlConnection, tokenHash: string, expiresAt: string): Promise<void> {
  await conn.run('UPDATE auth_sessions SET expires_at = ? WHERE token_hash = ?', [toIso(expiresAt), tokenHash]);
}

/** Append one audit entry. */
export async function appendAudit(conn: SqlConnection, e: NewAuditEntry): Promise<AuditEntryRow> {
  const r = await conn.all('INSERT INTO audit_entries (at, action, user_id, login, ip, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *', [
    toIso(e.at),
    e.action,
    e.userId,
    e.login,
    e.ip,
    e.target,
    toJson(e.detail),
  ]);
  return rows.auditEntryRow(r[0]!);
}

/** Audit entries matching a filter, newest first. Conditions are added only when set, so that
 * PostgreSQL never has to guess the type of a NULL parameter. */
export async function listAudit(conn: SqlConnection, f: AuditFilter): Promise<AuditEntryRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.userId !== undefined) {
    where.push('user_id = ?');
    params.push(f.userId);
  }
  if (f.action !== undefined) {
    // `auth` matches the family `auth.*`; substr avoids LIKE and its escaping.
    where.push('(action = ? OR substr(action, 1, ?) = ?)');
    params.push(f.action, f.action.length + 1, `${f.action}.`);
  }
  if (f.from !== undefined) {
    where.push('at >= ?');
    params.push(toIso(f.from));
  }
  if (f.to !== undefined) {
    where.push('at < ?');
    params.push(toIso(f.to));
  }
  if (f.beforeSeq !== undefined) {
    where.push('seq < ?');
    params.push(f.beforeSeq);
  }
  const sql = `SELECT * FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
  return (await conn.all(sql, [...params, f.limit], { cache: false })).map(rows.auditEntryRow);
}

/** Store a reset code's hash, withdrawing the user's earlier unused codes (only the newest works). */
export async function createPasswordReset(conn: SqlConnection, r: Omit<PasswordResetRow, 'usedAt'>): Promise<void> {
  await conn.atomic(async (c) => {
    await c.run('DELETE FROM password_resets WHERE user_id = ? AND used_at IS NULL', [r.userId]);
    await c.run('INSERT INTO password_resets (code_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [r.codeHash, r.userId, toIso(r.createdAt), toIso(r.expiresAt)]);
  });
}

/** Mark a code used, in one statement so that two requests racing with it cannot both win. */
export async function consumePasswordReset(conn: SqlConnection, codeHash: string, now: string): Promise<string | null> {
  const at = toIso(now);
  const r = await conn.all('UPDATE password_resets SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id', [at, codeHash, at]);
  return r.length > 0 ? String(r[0]!.user_id) : null;
}

/** Store a bearer token that ends with the sign-in `issuedBy`; false when that sign-in has ended already. */
export async function createIssuedToken(conn: SqlConnection, t: AuthSessionRow, issuedBy: string): Promise<boolean> {
  try {
    await conn.run('INSERT INTO auth_sessions (token_hash, user_id, kind, created_at, expires_at, issued_by) VALUES (?, ?, ?, ?, ?, ?)', [
      t.tokenHash,
      t.userId,
      t.kind,
      toIso(t.createdAt),
      toIso(t.expiresAt),
      issuedBy,
    ]);
    return true;
  } catch (err) {
    // The foreign key refuses a token of a sign-in ended meanwhile (a sign-out racing the
    // request): that is an answer, not a fault. Anything else is.
    if ((await conn.all('SELECT 1 AS one FROM auth_sessions WHERE token_hash = ?', [issuedBy])).length === 0) return false;
    throw err;
  }
}

/** The hashes of a sign-in (session or token) and of every token issued under it, at any depth. */
export async function signInFamily(conn: SqlConnection, tokenHash: string): Promise<string[]> {
  const r = await conn.all(
    `WITH RECURSIVE family (token_hash) AS (
       SELECT token_hash FROM auth_sessions WHERE token_hash = ?
       UNION SELECT a.token_hash FROM auth_sessions a JOIN family f ON a.issued_by = f.token_hash
     ) SELECT token_hash FROM family`,
    [tokenHash],
  );
  return r.map((row) => String(row.token_hash));
}

/** The secret named `name`, storing `candidate` first when there is none: the first instance to
 * ask wins, in one statement, and every instance reads the same value ever after. */
export async function sharedSecret(conn: SqlConnection, name: string, candidate: string): Promise<string> {
  await conn.run('INSERT INTO server_secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING', [name, candidate, new Date().toISOString()]);
  const r = await conn.all('SELECT value FROM server_secrets WHERE name = ?', [name]);
  return String(r[0]!.value);
}
