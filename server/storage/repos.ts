/**
 * The records and the update log written once in SQL that both SQLite and PostgreSQL accept
 * (`?` placeholders, `RETURNING`, `ON CONFLICT`), over a small connection interface each backend
 * implements (sqlConnection.ts). Uniqueness, foreign keys and append-only are the database's job
 * (see migrations/); this layer assigns ids, times and seqs, and maps rows. The update log's
 * writes live in updateLogWrites.mjs.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/accounts';
import type {
  AuditEntryRow,
  AuditFilter,
  AuthSessionRow,
  DelegationPatch,
  NewAuditEntry,
  PasswordResetRow,
  UserPatch,
  BodyRow,
  CheckpointRow,
  DelegationRow,
  DraftEventRow,
  DraftRow,
  GroupMemberRow,
  NewBody,
  NewDelegation,
  NewDraft,
  NewDraftEvent,
  NewNotification,
  NewRevision,
  NewSession,
  NewSessionRecordEntry,
  NewSponsorshipEvent,
  NewUpdate,
  NewUser,
  NotificationQuery,
  NotificationRow,
  RecordRepos,
  RevisionRow,
  SessionRecordRow,
  SessionRow,
  SponsorshipEventRow,
  StoredUpdate,
  UpdateLogRepo,
  UserRow,
} from './types';
import * as accounts from './accountRepos';
import * as room from './roomRepos';
import * as versions from './versionRepos';
import type { Lang } from '../../shared/languages';
import type { LanguageVersionRow, LanguageVersionSummary, NewLanguageVersion } from './types';
import * as rows from './rows';
import { toIso, toJson, toJsonOrNull, type RawRow } from './rows';
import type { SqlConnection } from './sqlConnection';
import {
  appendUpdateRows,
  claimClientIdRows,
  holdUpdateLog,
  reserveSeqs,
  saveCheckpointRow,
  type CheckpointInput,
  type ClientIdClaim,
  type UpdateRow,
} from './updateLogWrites.mjs';

const first = <T>(list: RawRow[], map: (r: RawRow) => T): T | null => (list.length > 0 ? map(list[0]!) : null);

/** The record and update-log methods of a store, bound to one connection (a pool or a transaction). */
export class SqlRepos implements RecordRepos, UpdateLogRepo {
  constructor(protected readonly conn: SqlConnection) {}

  async createBody(b: NewBody): Promise<BodyRow> {
    const r = await this.conn.all('INSERT INTO bodies (id, name, created_at) VALUES (?, ?, ?) RETURNING *', [b.id ?? randomUUID(), toJson(b.name), toIso()]);
    return rows.bodyRow(r[0]!);
  }

  async getBody(id: string): Promise<BodyRow | null> {
    return first(await this.conn.all('SELECT * FROM bodies WHERE id = ?', [id]), rows.bodyRow);
  }

  async createSession(s: NewSession): Promise<SessionRow> {
    const r = await this.conn.all(
      `INSERT INTO sessions (id, body_id, number, title, symbol_prefix, place, opens, closes, cosponsor_deadline, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      [s.id ?? randomUUID(), s.bodyId, s.number, toJson(s.title), s.symbolPrefix, s.place, s.opens, s.closes, s.cosponsorDeadline ? toIso(s.cosponsorDeadline) : null, toIso()],
    );
    return rows.sessionRow(r[0]!);
  }

  async getSession(id: string): Promise<SessionRow | null> {
    return first(await this.conn.all('SELECT * FROM sessions WHERE id = ?', [id]), rows.sessionRow);
  }

  async listSessions(): Promise<SessionRow[]> {
    return (await this.conn.all('SELECT * FROM sessions ORDER BY opens, number, id')).map(rows.sessionRow);
  }

  async createDelegation(d: NewDelegation): Promise<DelegationRow> {
    const r = await this.conn.all('INSERT INTO delegations (id, code, name, kind, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *', [
      d.id ?? randomUUID(),
      d.code,
      toJson(d.name),
      d.kind,
      toIso(),
    ]);
    return rows.delegationRow(r[0]!);
  }

  async getDelegation(id: string): Promise<DelegationRow | null> {
    return first(await this.conn.all('SELECT * FROM delegations WHERE id = ?', [id]), rows.delegationRow);
  }

  async getDelegationByCode(code: string): Promise<DelegationRow | null> {
    return first(await this.conn.all('SELECT * FROM delegations WHERE code = ?', [code]), rows.delegationRow);
  }

  async listDelegations(): Promise<DelegationRow[]> {
    return (await this.conn.all('SELECT * FROM delegations ORDER BY code')).map(rows.delegationRow);
  }

  async createUser(u: NewUser): Promise<UserRow> {
    const r = await this.conn.all(
      `INSERT INTO users (id, login, display_name, role, delegation_id, password_hash, active, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      [u.id ?? randomUUID(), u.login.toLowerCase(), u.displayName, u.role, u.delegationId, u.passwordHash, u.active ?? true, toIso()],
    );
    return rows.userRow(r[0]!);
  }

  async getUser(id: string): Promise<UserRow | null> {
    return first(await this.conn.all('SELECT * FROM users WHERE id = ?', [id]), rows.userRow);
  }

  async getUserByLogin(login: string): Promise<UserRow | null> {
    // lower(login) so that the lookup uses the unique expression index.
    const r = await this.conn.all('SELECT * FROM users WHERE lower(login) = ?', [login.toLowerCase()]);
    return first(r, rows.userRow);
  }

  async listUsers(): Promise<UserRow[]> {
    return (await this.conn.all('SELECT * FROM users ORDER BY login')).map(rows.userRow);
  }

  async countUsers(): Promise<number> {
    const [r] = await this.conn.all('SELECT count(*) AS n FROM users');
    return Number(r!.n);
  }

  async createAuthSession(s: AuthSessionRow): Promise<void> {
    await this.conn.run('INSERT INTO auth_sessions (token_hash, user_id, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
      s.tokenHash,
      s.userId,
      s.kind,
      toIso(s.createdAt),
      toIso(s.expiresAt),
    ]);
  }

  async getAuthSession(tokenHash: string): Promise<AuthSessionRow | null> {
    const r = await this.conn.all('SELECT * FROM auth_sessions WHERE token_hash = ?', [tokenHash]);
    return first(r, rows.authSessionRow);
  }

  async deleteAuthSession(tokenHash: string): Promise<void> {
    await this.conn.run('DELETE FROM auth_sessions WHERE token_hash = ?', [tokenHash]);
  }

  async deleteExpiredAuthSessions(now: string): Promise<number> {
    return this.conn.run('DELETE FROM auth_sessions WHERE expires_at <= ?', [toIso(now)]);
  }

  async createDraft(d: NewDraft): Promise<DraftRow> {
    const r = await this.conn.all(
      `INSERT INTO drafts (id, session_id, l_number, kind, title, agenda_item, language, submitted_by,
         chair_user_id, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      [
        d.id ?? randomUUID(),
        d.sessionId,
        d.lNumber,
        d.kind,
        toJson(d.title),
        d.agendaItem,
        d.language,
        toJsonOrNull(d.submittedBy),
        d.chairUserId,
        d.createdBy,
        toIso(d.createdAt),
      ],
    );
    return rows.draftRow(r[0]!);
  }

  async getDraft(id: string): Promise<DraftRow | null> {
    return first(await this.conn.all('SELECT * FROM drafts WHERE id = ?', [id]), rows.draftRow);
  }

  async listDrafts(sessionId: string): Promise<DraftRow[]> {
    const r = await this.conn.all('SELECT * FROM drafts WHERE session_id = ? ORDER BY l_number', [sessionId]);
    return r.map(rows.draftRow);
  }

  async maxLNumber(sessionId: string): Promise<number> {
    const [r] = await this.conn.all('SELECT coalesce(max(l_number), 0) AS n FROM drafts WHERE session_id = ?', [sessionId]);
    return Number(r!.n);
  }

  async addSponsorshipEvent(e: NewSponsorshipEvent): Promise<SponsorshipEventRow> {
    return this.conn.atomic(async (conn) => {
      const seq = await reserveSeqs(conn, e.draftId, 'sponsorship', 1);
      const r = await conn.all(
        `INSERT INTO sponsorship_events (draft_id, seq, delegation_id, type, date, on_behalf_of, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        [e.draftId, seq, e.delegationId, e.type, e.date, toJsonOrNull(e.onBehalfOf), e.recordedBy, toIso(e.recordedAt)],
      );
      return rows.sponsorshipEventRow(r[0]!);
    });
  }

  async listSponsorshipEvents(draftId: string): Promise<SponsorshipEventRow[]> {
    const r = await this.conn.all('SELECT * FROM sponsorship_events WHERE draft_id = ? ORDER BY seq', [draftId]);
    return r.map(rows.sponsorshipEventRow);
  }

  async appendDraftEvent(e: NewDraftEvent): Promise<DraftEventRow> {
    return this.conn.atomic(async (conn) => {
      const seq = await reserveSeqs(conn, e.draftId, 'event', 1);
      const r = await conn.all('INSERT INTO draft_events (draft_id, seq, type, payload, user_id, at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *', [
        e.draftId,
        seq,
        e.type,
        toJson(e.payload),
        e.userId,
        toIso(e.at),
      ]);
      return rows.draftEventRow(r[0]!);
    });
  }

  async listDraftEvents(draftId: string): Promise<DraftEventRow[]> {
    const r = await this.conn.all('SELECT * FROM draft_events WHERE draft_id = ? ORDER BY seq', [draftId]);
    return r.map(rows.draftEventRow);
  }

  async draftEventTypesAmong(draftId: string, types: readonly string[]): Promise<Set<string>> {
    if (types.length === 0) return new Set();
    const list = types.map(() => '?').join(', ');
    const r = await this.conn.all(`SELECT DISTINCT type FROM draft_events WHERE draft_id = ? AND type IN (${list})`, [draftId, ...types]);
    return new Set(r.map((row) => String(row.type)));
  }

  async listDraftEventsForSession(sessionId: string): Promise<DraftEventRow[]> {
    const r = await this.conn.all(
      `SELECT e.* FROM draft_events e JOIN drafts d ON d.id = e.draft_id
       WHERE d.session_id = ? ORDER BY d.l_number, e.seq`,
      [sessionId],
    );
    return r.map(rows.draftEventRow);
  }

  async listSponsorshipEventsForSession(sessionId: string): Promise<SponsorshipEventRow[]> {
    const r = await this.conn.all(
      `SELECT e.* FROM sponsorship_events e JOIN drafts d ON d.id = e.draft_id
       WHERE d.session_id = ? ORDER BY d.l_number, e.seq`,
      [sessionId],
    );
    return r.map(rows.sponsorshipEventRow);
  }

  async createRevision(rev: NewRevision): Promise<RevisionRow> {
    const r = await this.conn.all(
      `INSERT INTO revisions (id, draft_id, symbol, revision, text, hash, sponsor_ids, issued_at, issued_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      [rev.id ?? randomUUID(), rev.draftId, rev.symbol, rev.revision, toJson(rev.text), rev.hash, toJson(rev.sponsorIds), toIso(rev.issuedAt), rev.issuedBy],
    );
    return rows.revisionRow(r[0]!);
  }

  async listRevisions(draftId: string): Promise<RevisionRow[]> {
    const r = await this.conn.all('SELECT * FROM revisions WHERE draft_id = ? ORDER BY revision', [draftId]);
    return r.map(rows.revisionRow);
  }

  async getRevisionBySymbol(symbol: string): Promise<RevisionRow | null> {
    return first(await this.conn.all('SELECT * FROM revisions WHERE symbol = ?', [symbol]), rows.revisionRow);
  }

  async appendSessionRecord(e: NewSessionRecordEntry): Promise<SessionRecordRow> {
    return this.conn.atomic(async (conn) => {
      const [counter] = await conn.all(
        `INSERT INTO session_record_counters (session_id, last_seq) VALUES (?, 1)
         ON CONFLICT (session_id) DO UPDATE SET last_seq = session_record_counters.last_seq + 1
         RETURNING last_seq`,
        [e.sessionId],
      );
      const r = await conn.all(
        `INSERT INTO session_record (session_id, seq, kind, meeting, date, draft_id, payload, user_id, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        [e.sessionId, Number(counter!.last_seq), e.kind, e.meeting, e.date, e.draftId, toJson(e.payload), e.userId, toIso(e.at)],
      );
      return rows.sessionRecordRow(r[0]!);
    });
  }

  async listSessionRecord(sessionId: string): Promise<SessionRecordRow[]> {
    const r = await this.conn.all('SELECT * FROM session_record WHERE session_id = ? ORDER BY seq', [sessionId]);
    return r.map(rows.sessionRecordRow);
  }

  // The whole room (issue 17): the SQL is in roomRepos.ts.
  insertNotifications(list: NewNotification[]): Promise<NotificationRow[]> {
    return room.insertNotifications(this.conn, list);
  }

  listNotifications(userId: string, query: NotificationQuery): Promise<NotificationRow[]> {
    return room.listNotifications(this.conn, userId, query);
  }

  countUnreadNotifications(userId: string): Promise<number> {
    return room.countUnreadNotifications(this.conn, userId);
  }

  markNotificationsRead(userId: string, ids: readonly string[] | 'all'): Promise<number> {
    return room.markNotificationsRead(this.conn, userId, ids);
  }

  activeUserIds(who: { delegationIds?: readonly string[]; roles?: readonly Role[]; userIds?: readonly string[] }): Promise<string[]> {
    return room.activeUserIds(this.conn, who);
  }

  listGroupMembers(): Promise<GroupMemberRow[]> {
    return room.listGroupMembers(this.conn);
  }

  setGroupMembers(groupId: string, memberIds: readonly string[]): Promise<void> {
    return room.setGroupMembers(this.conn, groupId, memberIds);
  }

  setSessionCosponsorDeadline(sessionId: string, deadline: string | null): Promise<SessionRow | null> {
    return room.setSessionCosponsorDeadline(this.conn, sessionId, deadline);
  }

  // Language versions (issue #19): the SQL is in versionRepos.ts.
  addLanguageVersion(v: NewLanguageVersion): Promise<LanguageVersionRow> {
    return versions.addLanguageVersion(this.conn, v);
  }

  latestLanguageVersion(draftId: string, revision: number, lang: Lang): Promise<LanguageVersionRow | null> {
    return versions.latestLanguageVersion(this.conn, draftId, revision, lang);
  }

  languageVersionHistory(draftId: string, revision: number, lang: Lang): Promise<LanguageVersionSummary[]> {
    return versions.languageVersionHistory(this.conn, draftId, revision, lang);
  }

  listLanguageVersions(draftId: string): Promise<LanguageVersionSummary[]> {
    return versions.listLanguageVersions(this.conn, draftId);
  }

  async appendUpdates(updates: NewUpdate[]): Promise<StoredUpdate[]> {
    const input = updateRows(updates);
    return storedUpdates(input, await appendUpdateRows(this.conn, input));
  }

  holdUpdateLog(draftId: string): Promise<number> {
    return holdUpdateLog(this.conn, draftId);
  }

  async listUpdates(draftId: string, afterSeq = 0, uptoSeq?: number): Promise<StoredUpdate[]> {
    const r =
      uptoSeq === undefined
        ? await this.conn.all('SELECT * FROM updates WHERE draft_id = ? AND seq > ? ORDER BY seq', [draftId, afterSeq])
        : await this.conn.all('SELECT * FROM updates WHERE draft_id = ? AND seq > ? AND seq <= ? ORDER BY seq', [draftId, afterSeq, uptoSeq]);
    return r.map(rows.storedUpdate);
  }

  async lastSeq(draftId: string): Promise<number> {
    const r = await this.conn.all("SELECT last_seq FROM draft_counters WHERE draft_id = ? AND stream = 'update'", [draftId]);
    return r.length > 0 ? Number(r[0]!.last_seq) : 0;
  }

  async saveCheckpoint(c: Omit<CheckpointRow, 'at'> & { at?: string }): Promise<void> {
    await saveCheckpointRow(this.conn, checkpointInput(c));
  }

  async latestCheckpoint(draftId: string, uptoSeq?: number): Promise<CheckpointRow | null> {
    const r =
      uptoSeq === undefined
        ? await this.conn.all('SELECT * FROM checkpoints WHERE draft_id = ? ORDER BY seq DESC LIMIT 1', [draftId])
        : await this.conn.all('SELECT * FROM checkpoints WHERE draft_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1', [draftId, uptoSeq]);
    return first(r, rows.checkpointRow);
  }

  async claimClientIds(draftId: string, userId: string, clientIds: number[]): Promise<number[]> {
    return claimClientIdRows(this.conn, clientIdClaim(draftId, userId, clientIds));
  }

  // Accounts and access (issue 9): the SQL is in accountRepos.ts.
  updateUser(id: string, patch: UserPatch): Promise<UserRow | null> {
    return accounts.updateUser(this.conn, id, patch);
  }

  updateDelegation(id: string, patch: DelegationPatch): Promise<DelegationRow | null> {
    return accounts.updateDelegation(this.conn, id, patch);
  }

  assignChair(draftId: string, chairUserId: string | null): Promise<DraftRow | null> {
    return accounts.assignChair(this.conn, draftId, chairUserId);
  }

  async claimTextNumber(sessionId: string, kind: 'resolution' | 'decision', number: string, draftId: string): Promise<void> {
    await this.conn.run('INSERT INTO text_numbers (session_id, kind, number, draft_id, taken_at) VALUES (?, ?, ?, ?, ?)', [
      sessionId,
      kind,
      number,
      draftId,
      new Date().toISOString(),
    ]);
  }

  deleteAuthSessionsOfUser(userId: string, exceptTokenHash?: string): Promise<number> {
    return accounts.deleteAuthSessionsOfUser(this.conn, userId, exceptTokenHash);
  }

  extendAuthSession(tokenHash: string, expiresAt: string): Promise<void> {
    return accounts.extendAuthSession(this.conn, tokenHash, expiresAt);
  }

  appendAudit(e: NewAuditEntry): Promise<AuditEntryRow> {
    return accounts.appendAudit(this.conn, e);
  }

  listAudit(filter: AuditFilter): Promise<AuditEntryRow[]> {
    return accounts.listAudit(this.conn, filter);
  }

  createPasswordReset(r: Omit<PasswordResetRow, 'usedAt'>): Promise<void> {
    return accounts.createPasswordReset(this.conn, r);
  }

  consumePasswordReset(codeHash: string, now: string): Promise<string | null> {
    return accounts.consumePasswordReset(this.conn, codeHash, now);
  }
}

/** Validate updates and fix their times, before either write path (SqlRepos, the SQLite writer thread). */
export function updateRows(updates: NewUpdate[]): UpdateRow[] {
  return updates.map((u) => {
    if (!(u.update instanceof Uint8Array)) throw new TypeError('appendUpdates: update must be a Uint8Array');
    return { draftId: u.draftId, update: u.update, userId: u.userId, delegationId: u.delegationId, at: toIso(u.at) };
  });
}

/** The stored rows of `rows`, given the seqs their commit assigned. */
export function storedUpdates(rows: UpdateRow[], seqs: number[]): StoredUpdate[] {
  return rows.map((r, i) => ({ draftId: r.draftId, seq: seqs[i]!, update: r.update, userId: r.userId, delegationId: r.delegationId, at: r.at }));
}

/** A checkpoint with its time fixed. */
export function checkpointInput(c: Omit<CheckpointRow, 'at'> & { at?: string }): CheckpointInput {
  return { draftId: c.draftId, seq: c.seq, state: c.state, at: toIso(c.at) };
}

/** A claim of distinct client ids; throws a RangeError for an id Yjs cannot have. */
export function clientIdClaim(draftId: string, userId: string, clientIds: number[]): ClientIdClaim {
  const ids = [...new Set(clientIds)];
  for (const id of ids) {
    if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) throw new RangeError(`invalid Yjs client id: ${id}`);
  }
  return { draftId, userId, clientIds: ids, at: toIso() };
}
