/**
 * The SQL of the whole room (issue 17), written once for both backends like repos.ts: the inbox's
 * notifications, whom to tell (active users by delegation, role or id), the delegations a group
 * speaks for, and a session's co-sponsorship deadline.
 * SqlRepos delegates to these so that repos.ts stays one screenful per concern.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/accounts';
import type { SqlConnection } from './sqlConnection';
import * as rows from './rows';
import { toIso, toJson } from './rows';
import type { GroupMemberRow, NewNotification, NotificationQuery, NotificationRow, SessionRow } from './types';

export async function insertNotifications(conn: SqlConnection, list: NewNotification[]): Promise<NotificationRow[]> {
  if (list.length === 0) return [];
  const values = list.map(() => '(?, ?, ?, ?, ?, ?, NULL)').join(', ');
  const now = toIso();
  // One notice goes to many users with one payload: serialise each payload once.
  const payloads = new Map<object, string>();
  const json = (p: object) => payloads.get(p) ?? (payloads.set(p, toJson(p)).get(p) as string);
  const params = list.flatMap((n) => [n.id ?? randomUUID(), n.userId, n.draftId, n.kind, json(n.payload), n.at === undefined ? now : toIso(n.at)]);
  // One statement whatever the count: its text varies with the count, so it is not cached.
  const r = await conn.all(`INSERT INTO notifications (id, user_id, draft_id, kind, payload, at, read_at) VALUES ${values} RETURNING *`, params, { cache: false });
  return r.map(rows.notificationRow);
}

export async function listNotifications(conn: SqlConnection, userId: string, query: NotificationQuery): Promise<NotificationRow[]> {
  const limit = Math.max(0, Math.floor(query.limit));
  const r = query.before
    ? await conn.all(
        `SELECT n.* FROM notifications n, notifications b
         WHERE b.id = ? AND b.user_id = ? AND n.user_id = ? AND (n.at < b.at OR (n.at = b.at AND n.id < b.id))
         ORDER BY n.at DESC, n.id DESC LIMIT ?`,
        [query.before, userId, userId, limit],
      )
    : await conn.all('SELECT * FROM notifications WHERE user_id = ? ORDER BY at DESC, id DESC LIMIT ?', [userId, limit]);
  return r.map(rows.notificationRow);
}

export async function countUnreadNotifications(conn: SqlConnection, userId: string): Promise<number> {
  const [r] = await conn.all('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL', [userId]);
  return Number(r!.n);
}

export async function markNotificationsRead(conn: SqlConnection, userId: string, ids: readonly string[] | 'all'): Promise<number> {
  const now = toIso();
  if (ids === 'all') return conn.run('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL', [now, userId]);
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return 0;
  return conn.run(`UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN (${distinct.map(() => '?').join(', ')})`, [now, userId, ...distinct], {
    cache: false,
  });
}

export async function activeUserIds(conn: SqlConnection, who: { delegationIds?: readonly string[]; roles?: readonly Role[]; userIds?: readonly string[] }): Promise<string[]> {
  const parts: string[] = [];
  const params: unknown[] = [];
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    const list = [...new Set(values ?? [])];
    if (list.length === 0) return;
    parts.push(`${column} IN (${list.map(() => '?').join(', ')})`);
    params.push(...list);
  };
  anyOf('delegation_id', who.delegationIds);
  anyOf('role', who.roles);
  anyOf('id', who.userIds);
  if (parts.length === 0) return [];
  const r = await conn.all(`SELECT id FROM users WHERE active = ? AND (${parts.join(' OR ')}) ORDER BY id`, [true, ...params], { cache: false });
  return r.map((x) => String(x.id));
}

export async function listGroupMembers(conn: SqlConnection): Promise<GroupMemberRow[]> {
  return (await conn.all('SELECT * FROM group_members ORDER BY group_id, member_id')).map(rows.groupMemberRow);
}

export async function setGroupMembers(conn: SqlConnection, groupId: string, memberIds: readonly string[]): Promise<void> {
  const members = [...new Set(memberIds)];
  await conn.atomic(async (conn) => {
    await conn.run('DELETE FROM group_members WHERE group_id = ?', [groupId]);
    if (members.length === 0) return;
    await conn.run(
      `INSERT INTO group_members (group_id, member_id) VALUES ${members.map(() => '(?, ?)').join(', ')}`,
      members.flatMap((m) => [groupId, m]),
      { cache: false },
    );
  });
}

export async function setSessionCosponsorDeadline(conn: SqlConnection, sessionId: string, deadline: string | null): Promise<SessionRow | null> {
  const r = await conn.all('UPDATE sessions SET cosponsor_deadline = ? WHERE id = ? RETURNING *', [deadline === null ? null : toIso(deadline), sessionId]);
  return r.length > 0 ? rows.sessionRow(r[0]!) : null;
}
