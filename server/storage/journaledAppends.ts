/**
 * Appends to the update log through the journal of edits (editJournal.ts), for the SQLite store.
 *
 * An append does what the SQL one does (updateLogWrites.mjs, `appendUpdateRows`) with no SQL on
 * its way, once a draft is known: it refuses a frozen draft, an unknown draft, user or
 * delegation, as the database would; gives each row the next seq of its draft; writes the rows
 * to the journal; and resolves once the journal is flushed. What the journal holds beyond the
 * `updates` table (`pending`) is copied into it (`drain`) every `DRAIN_MS`, and before any other
 * statement runs on the connection but a claim of client ids, which touches no log (sqlite.ts
 * calls `drain` with its mutex held): whatever reads or writes a draft's log or record sees every
 * append made before it, and a freeze's transaction hashes a text that holds them.
 *
 * What is known about a draft (its last seq, that it exists and is not frozen) is read once and
 * then kept until the next write that does not go through here: any such write may freeze a
 * draft or append to its log inside a transaction (`forget`).
 */
import type { EditJournal, JournalRow } from './editJournal';
import type { RawRow } from './rows';
import { DraftFrozen, type UpdateRow } from './updateLogWrites.mjs';

/** How long an edit may sit in the journal only before it is copied into the `updates` table, in ms. */
export const DRAIN_MS = 100;

/** What the appends need of the SQLite connection, with its mutex held. */
export interface JournalHost {
  all(sql: string, params?: readonly unknown[]): RawRow[];
  run(sql: string, params?: readonly unknown[]): number;
  /**
   * Say that a COMMIT of the journal's rows has just returned: they are durable in the journal,
   * which starts over only once SQLite's log holding them is flushed; readers need not wait.
   */
  copied(): void;
}

/** The same refusal SQLite gives for a row whose draft, user or delegation does not exist. */
function foreignKeyFailed(what: string): Error {
  return Object.assign(new Error(`FOREIGN KEY constraint failed (no ${what})`), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
}

/** The journal's side of the SQLite store. */
export class JournaledAppends {
  /** Rows written to the journal and not yet in the `updates` table, in order. */
  private pending: JournalRow[] = [];
  /** Last seq of each draft known to exist and not to be frozen. */
  private readonly known = new Map<string, number>();
  private readonly knownUsers = new Set<string>();
  private readonly knownDelegations = new Set<string>();

  constructor(
    private readonly host: JournalHost,
    readonly journal: EditJournal,
  ) {}

  /**
   * Check and write `rows` (of one or more drafts); returns their seqs, in order. Call with the
   * connection's mutex held; the rows are durable once `journal.sync()` resolves. Throws
   * DraftFrozen (naming every frozen draft of the batch) or a foreign-key error, writing nothing.
   */
  write(rows: readonly UpdateRow[]): number[] {
    const last = new Map<string, number>();
    const frozen: string[] = [];
    for (const r of rows) {
      if (last.has(r.draftId) || frozen.includes(r.draftId)) continue;
      const seq = this.lastSeq(r.draftId);
      if (seq === null) frozen.push(r.draftId);
      else last.set(r.draftId, seq);
    }
    if (frozen.length > 0) throw new DraftFrozen(frozen);
    for (const r of rows) {
      if (r.userId !== null) this.checkExists(this.knownUsers, 'users', r.userId, 'user');
      if (r.delegationId !== null) this.checkExists(this.knownDelegations, 'delegations', r.delegationId, 'delegation');
    }
    const written: JournalRow[] = rows.map((r) => {
      const seq = last.get(r.draftId)! + 1;
      last.set(r.draftId, seq);
      return { draftId: r.draftId, seq, update: r.update, userId: r.userId, delegationId: r.delegationId, at: r.at };
    });
    this.journal.append(written);
    for (const [draftId, seq] of last) this.known.set(draftId, seq);
    for (const w of written) this.pending.push(w);
    return written.map((w) => w.seq);
  }

  /** Copy what the journal holds beyond the `updates` table into it, in one transaction. Call with the mutex held. */
  drain(): void {
    if (this.pending.length === 0) return;
    this.insert(this.pending);
    this.pending = [];
  }

  /**
   * At open: store the journal's rows that SQLite lacks (those above their draft's counter: a
   * row at or under it was copied before the crash); returns how many.
   */
  replay(rows: readonly JournalRow[]): number {
    const missing = rows.filter((r) => r.seq > this.counter(r.draftId));
    if (missing.length > 0) this.insert(missing);
    return missing.length;
  }

  /** Forget what is known of drafts, users and delegations (a write went around the journal). */
  forget(): void {
    this.known.clear();
    this.knownUsers.clear();
    this.knownDelegations.clear();
  }

  // The draft's last seq, or null when it is frozen; throws when there is no such draft.
  private lastSeq(draftId: string): number | null {
    const cached = this.known.get(draftId);
    if (cached !== undefined) return cached;
    const [row] = this.host.all(
      `SELECT (SELECT last_seq FROM draft_counters WHERE draft_id = d.id AND stream = 'update') AS last_seq,
              EXISTS (SELECT 1 FROM draft_events WHERE draft_id = d.id AND type = 'frozen') AS frozen
       FROM drafts d WHERE d.id = ?`,
      [draftId],
    );
    if (!row) throw foreignKeyFailed(`draft ${draftId}`);
    if (Number(row.frozen) === 1) return null;
    const seq = Number(row.last_seq ?? 0);
    this.known.set(draftId, seq);
    return seq;
  }

  private counter(draftId: string): number {
    const [row] = this.host.all("SELECT last_seq FROM draft_counters WHERE draft_id = ? AND stream = 'update'", [draftId]);
    return row ? Number(row.last_seq) : 0;
  }

  private checkExists(known: Set<string>, table: 'users' | 'delegations', id: string, what: string): void {
    if (known.has(id)) return;
    if (this.host.all(`SELECT 1 FROM ${table} WHERE id = ?`, [id]).length === 0) throw foreignKeyFailed(`${what} ${id}`);
    known.add(id);
  }

  // One transaction: the rows, and each draft's counter moved to its last row.
  private insert(rows: readonly JournalRow[]): void {
    const top = new Map<string, number>();
    this.host.run('BEGIN IMMEDIATE');
    try {
      for (const r of rows) {
        this.host.run('INSERT INTO updates (draft_id, seq, data, user_id, delegation_id, at) VALUES (?, ?, ?, ?, ?, ?)', [
          r.draftId,
          r.seq,
          r.update,
          r.userId,
          r.delegationId,
          r.at,
        ]);
        top.set(r.draftId, Math.max(top.get(r.draftId) ?? 0, r.seq));
      }
      for (const [draftId, seq] of top) {
        this.host.run(
          `INSERT INTO draft_counters (draft_id, stream, last_seq) VALUES (?, 'update', ?)
           ON CONFLICT (draft_id, stream) DO UPDATE SET last_seq = max(draft_counters.last_seq, excluded.last_seq)`,
          [draftId, seq],
        );
      }
      this.host.run('COMMIT');
    } catch (err) {
      this.host.run('ROLLBACK');
      throw err;
    }
    this.host.copied();
  }
}
