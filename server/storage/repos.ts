/**
 * The records and the update log written once in SQL that both SQLite and PostgreSQL accept
 * (`?` placeholders, `RETURNING`, `ON CONFLICT`), over a small connection interface each backend
 * implements. Uniqueness, foreign keys and append-only are the database's job (see migrations/);
 * this layer assigns ids, times and seqs, and maps rows.
 */
import { randomUUID } from 'node:crypto';
import type {
  AuthSessionRow,
  BodyRow,
  CheckpointRow,
  DelegationRow,
  DraftEventRow,
  DraftRow,
  NewBody,
  NewDelegation,
  NewDraft,
  NewDraftEvent,
  NewRevision,
  NewSession,
  NewSponsorshipEvent,
  NewUpdate,
  NewUser,
  RecordRepos,
  RevisionRow,
  SessionRow,
  SponsorshipEventRow,
  StoredUpdate,
  UpdateLogRepo,
  UserRow,
} from './types';
import * as rows from './rows';
import { toIso, toJson, toJsonOrNull, type RawRow } from './rows';

/** What the shared SQL needs from a backend: statements, and atomic units of work. */
export interface SqlConnection {
  /**
   * The rows of one statement with `?` placeholders. Unique violations reject with
   * `UniqueViolation`. `cache: false` for statements whose text varies (multi-row inserts).
   */
  all(sql: string, params?: readonly unknown[], options?: { cache?: boolean }): Promise<RawRow[]>;
  /** Run one statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[], options?: { cache?: boolean }): Promise<number>;
  /** Run `fn` atomically: in a new transaction, or inside the one this connection is already in. */
  atomic<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
}

/** The counters of `draft_counters`: each hands out 1, 2, 3 … per draft. */
type Stream = 'update' | 'event' | 'sponsorship';

/** Rows per multi-row INSERT: well under both backends' limits on bound parameters. */
const INSERT_CHUNK = 200;

/**
 * Reserve `n` seqs of a draft's stream and return the first. Race-free across processes: the
 * upsert takes the counter row's lock until the surrounding transaction ends, so a second writer
 * (another request, another server instance) waits and then continues from the committed value.
 * Must run inside a transaction, which also makes a rolled-back reservation leave no gap.
 */
async function reserveSeqs(conn: SqlConnection, draftId: string, stream: Stream, n: number): Promise<number> {
  const [row] = await conn.all(
    `INSERT INTO draft_counters (draft_id, stream, last_seq) VALUES (?, ?, ?)
     ON CONFLICT (draft_id, stream) DO UPDATE SET last_seq = draft_counters.last_seq + excluded.last_seq
     RETURNING last_seq`,
    [draftId, stream, n],
  );
  return Number(row!.last_seq) - n + 1;
}

const first = <T>(list: RawRow[], map: (r: RawRow) => T): T | null => (list.length > 0 ? map(list[0]!) : null);

/** The record and update-log methods of a store, bound to one connection (a pool or a transaction). */
export class SqlRepos implements RecordRepos, UpdateLogRepo {
  constructor(protected readonly conn: SqlConnection) {}

  async createBody(b: NewBody): Promise<BodyRow> {
    const r = await this.conn.all('INSERT INTO bodies (id, name, created_at) VALUES (?, ?, ?) RETURNING *', [
      b.id ?? randomUUID(),
      toJson(b.name),
      toIso(),
    ]);
    return rows.bodyRow(r[0]!);
  }

  async getBody(id: string): Promise<BodyRow | null> {
    return first(await this.conn.all('SELECT * FROM bodies WHERE id = ?', [id]), rows.bodyRow);
  }

  async createSession(s: NewSession): Promise<SessionRow> {
    const r = await this.conn.all(
      `INSERT INTO sessions (id, body_id, number, title, symbol_prefix, place, opens, closes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      [s.id ?? randomUUID(), s.bodyId, s.number, toJson(s.title), s.symbolPrefix, s.place, s.opens, s.closes, toIso()],
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
    const r = await this.conn.all(
      'INSERT INTO delegations (id, code, name, kind, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
      [d.id ?? randomUUID(), d.code, toJson(d.name), d.kind, toIso()],
    );
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
      [
        u.id ?? randomUUID(),
        u.login.toLowerCase(),
        u.displayName,
        u.role,
        u.delegationId,
        u.passwordHash,
        u.active ?? true,
        toIso(),
      ],
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
    await this.conn.run(
      'INSERT INTO auth_sessions (token_hash, user_id, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      [s.tokenHash, s.userId, s.kind, toIso(s.createdAt), toIso(s.expiresAt)],
    );
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
    const [r] = await this.conn.all('SELECT coalesce(max(l_number), 0) AS n FROM drafts WHERE session_id = ?', [
      sessionId,
    ]);
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
      const r = await conn.all(
        'INSERT INTO draft_events (draft_id, seq, type, payload, user_id, at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
        [e.draftId, seq, e.type, toJson(e.payload), e.userId, toIso(e.at)],
      );
      return rows.draftEventRow(r[0]!);
    });
  }

  async listDraftEvents(draftId: string): Promise<DraftEventRow[]> {
    const r = await this.conn.all('SELECT * FROM draft_events WHERE draft_id = ? ORDER BY seq', [draftId]);
    return r.map(rows.draftEventRow);
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
      [
        rev.id ?? randomUUID(),
        rev.draftId,
        rev.symbol,
        rev.revision,
        toJson(rev.text),
        rev.hash,
        toJson(rev.sponsorIds),
        toIso(rev.issuedAt),
        rev.issuedBy,
      ],
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

  async appendUpdates(updates: NewUpdate[]): Promise<StoredUpdate[]> {
    if (updates.length === 0) return [];
    for (const u of updates) {
      if (!(u.update instanceof Uint8Array)) throw new TypeError('appendUpdates: update must be a Uint8Array');
    }
    return this.conn.atomic(async (conn) => {
      const counts = new Map<string, number>();
      for (const u of updates) counts.set(u.draftId, (counts.get(u.draftId) ?? 0) + 1);
      // Reserve in a fixed (sorted) order of drafts: two instances committing batches that touch
      // the same drafts then lock the counters in the same order and cannot deadlock.
      const next = new Map<string, number>();
      for (const draftId of [...counts.keys()].sort()) {
        next.set(draftId, await reserveSeqs(conn, draftId, 'update', counts.get(draftId)!));
      }
      const stored = updates.map((u): StoredUpdate => {
        const seq = next.get(u.draftId)!;
        next.set(u.draftId, seq + 1);
        return { draftId: u.draftId, seq, update: u.update, userId: u.userId, delegationId: u.delegationId, at: toIso(u.at) };
      });
      for (let i = 0; i < stored.length; i += INSERT_CHUNK) {
        const chunk = stored.slice(i, i + INSERT_CHUNK);
        const values = chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ');
        const params = chunk.flatMap((s) => [s.draftId, s.seq, s.update, s.userId, s.delegationId, s.at]);
        // Only the one-row statement is worth caching; the others vary with the batch size.
        await conn.run(`INSERT INTO updates (draft_id, seq, data, user_id, delegation_id, at) VALUES ${values}`, params, {
          cache: chunk.length === 1,
        });
      }
      return stored;
    });
  }

  async listUpdates(draftId: string, afterSeq = 0, uptoSeq?: number): Promise<StoredUpdate[]> {
    const r =
      uptoSeq === undefined
        ? await this.conn.all('SELECT * FROM updates WHERE draft_id = ? AND seq > ? ORDER BY seq', [draftId, afterSeq])
        : await this.conn.all('SELECT * FROM updates WHERE draft_id = ? AND seq > ? AND seq <= ? ORDER BY seq', [
            draftId,
            afterSeq,
            uptoSeq,
          ]);
    return r.map(rows.storedUpdate);
  }

  async lastSeq(draftId: string): Promise<number> {
    const r = await this.conn.all("SELECT last_seq FROM draft_counters WHERE draft_id = ? AND stream = 'update'", [
      draftId,
    ]);
    return r.length > 0 ? Number(r[0]!.last_seq) : 0;
  }

  async saveCheckpoint(c: Omit<CheckpointRow, 'at'> & { at?: string }): Promise<void> {
    // A checkpoint is derived data: the state at a seq is the same whoever computes it, so a
    // second save of the same seq (two instances compacting at once) keeps the first.
    await this.conn.run(
      'INSERT INTO checkpoints (draft_id, seq, state, at) VALUES (?, ?, ?, ?) ON CONFLICT (draft_id, seq) DO NOTHING',
      [c.draftId, c.seq, c.state, toIso(c.at)],
    );
  }

  async latestCheckpoint(draftId: string, uptoSeq?: number): Promise<CheckpointRow | null> {
    const r =
      uptoSeq === undefined
        ? await this.conn.all('SELECT * FROM checkpoints WHERE draft_id = ? ORDER BY seq DESC LIMIT 1', [draftId])
        : await this.conn.all('SELECT * FROM checkpoints WHERE draft_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1', [
            draftId,
            uptoSeq,
          ]);
    return first(r, rows.checkpointRow);
  }

  async claimClientIds(draftId: string, userId: string, clientIds: number[]): Promise<number[]> {
    const ids = [...new Set(clientIds)];
    for (const id of ids) {
      if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) throw new RangeError(`invalid Yjs client id: ${id}`);
    }
    if (ids.length === 0) return [];
    return this.conn.atomic(async (conn) => {
      const at = toIso();
      const conflicts: number[] = [];
      for (const id of ids) {
        // First claim wins; a concurrent claim of the same id waits on the key and then reads the owner.
        const claimed = await conn.all(
          `INSERT INTO client_ids (draft_id, client_id, user_id, claimed_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (draft_id, client_id) DO NOTHING RETURNING client_id`,
          [draftId, id, userId, at],
        );
        if (claimed.length > 0) continue;
        const [owner] = await conn.all('SELECT user_id FROM client_ids WHERE draft_id = ? AND client_id = ?', [draftId, id]);
        if (owner && String(owner.user_id) !== userId) conflicts.push(id);
      }
      return conflicts;
    });
  }
}
