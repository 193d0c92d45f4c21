/**
 * The writes of the update log, in SQL that both SQLite and PostgreSQL accept: reserving seqs,
 * appending a batch, saving a checkpoint, claiming client ids. Written once and run by
 * `SqlRepos` on both backends. It is plain JavaScript because a SQLite writer thread once ran it
 * too; the types are in updateLogWrites.d.mts. Callers validate and normalise the input first
 * (repos.ts), so that every path refuses the same things with the same errors.
 */

/** Rows per multi-row INSERT: well under both backends' limits on bound parameters. */
export const INSERT_CHUNK = 200;

/** The `code` of a DraftFrozen error, also as it crosses the SQLite writer thread's boundary. */
export const DRAFT_FROZEN = 'draft_frozen';

/**
 * An append refused because a draft is frozen: its log takes no update after the freeze. The
 * whole transaction rolled back, so nothing of the batch was stored; `draftIds` lists every
 * frozen draft the batch held, so that the caller can commit the others' rows again.
 */
export class DraftFrozen extends Error {
  constructor(draftIds) {
    super(`the text of draft ${draftIds.join(', ')} is frozen: its log takes no more updates`);
    this.name = 'DraftFrozen';
    this.code = DRAFT_FROZEN;
    this.draftIds = [...draftIds];
  }
}

/**
 * Reserve `n` seqs of a draft's stream and return the first. Race-free across connections and
 * processes: the UPDATE (or, for a stream's first row, the upsert) takes the counter row's lock
 * until the surrounding transaction ends, so a second writer (another request, another server
 * instance, a script on the same SQLite file) waits and then continues from the committed
 * value. Must run inside a transaction, which also makes a rolled-back reservation leave no gap.
 */
export async function reserveSeqs(conn, draftId, stream, n) {
  // The counter exists but for a stream's first row: move it (taking its lock) without the
  // insert attempt an upsert makes first; the upsert only when it is not there yet.
  const [moved] = await conn.all('UPDATE draft_counters SET last_seq = last_seq + ? WHERE draft_id = ? AND stream = ? RETURNING last_seq', [n, draftId, stream]);
  if (moved) return Number(moved.last_seq) - n + 1;
  const [row] = await conn.all(
    `INSERT INTO draft_counters (draft_id, stream, last_seq) VALUES (?, ?, ?)
     ON CONFLICT (draft_id, stream) DO UPDATE SET last_seq = draft_counters.last_seq + excluded.last_seq
     RETURNING last_seq`,
    [draftId, stream, n],
  );
  return Number(row.last_seq) - n + 1;
}

/**
 * Keep every append to a draft's log waiting until the surrounding transaction ends, and
 * resolve to the log's last seq. The upsert takes the same counter row lock as reserveSeqs
 * without moving the counter. A freeze takes it before it reads the text it hashes, so that an
 * append commits entirely before the freeze (and is in that text) or finds the freeze and is
 * refused. On SQLite the transaction's write lock already serialises writers; this is harmless.
 */
export async function holdUpdateLog(conn, draftId) {
  const [row] = await conn.all(
    `INSERT INTO draft_counters (draft_id, stream, last_seq) VALUES (?, 'update', 0)
     ON CONFLICT (draft_id, stream) DO UPDATE SET last_seq = draft_counters.last_seq
     RETURNING last_seq`,
    [draftId],
  );
  return Number(row.last_seq);
}

/**
 * Which of `draftIds` are frozen, read inside the appending transaction after their counters are
 * locked: a freeze recorded before then is seen (PostgreSQL reads what was committed before each
 * statement), and a freeze not yet recorded waits for this transaction (holdUpdateLog).
 */
async function frozenAmong(conn, draftIds) {
  const frozen = [];
  for (let i = 0; i < draftIds.length; i += INSERT_CHUNK) {
    const chunk = draftIds.slice(i, i + INSERT_CHUNK);
    const list = chunk.map(() => '?').join(', ');
    const found = await conn.all(`SELECT DISTINCT draft_id FROM draft_events WHERE type = 'frozen' AND draft_id IN (${list})`, chunk, {
      cache: chunk.length === 1,
    });
    for (const r of found) frozen.push(String(r.draft_id));
  }
  return frozen;
}

/**
 * Append rows (of one or more drafts) in one transaction; resolves to their seqs, in order.
 * Throws DraftFrozen, storing nothing, when any of the drafts is frozen.
 */
export async function appendUpdateRows(conn, rows) {
  if (rows.length === 0) return [];
  return conn.atomic(async (c) => {
    const counts = new Map();
    for (const r of rows) counts.set(r.draftId, (counts.get(r.draftId) ?? 0) + 1);
    // Reserve in a fixed (sorted) order of drafts: two writers committing batches that touch
    // the same drafts then lock the counters in the same order and cannot deadlock.
    const drafts = [...counts.keys()].sort();
    const next = new Map();
    for (const draftId of drafts) {
      next.set(draftId, await reserveSeqs(c, draftId, 'update', counts.get(draftId)));
    }
    // Under the counters' locks: a frozen draft's log is closed (throwing rolls the reservations back).
    const frozen = await frozenAmong(c, drafts);
    if (frozen.length > 0) throw new DraftFrozen(frozen);
    const seqs = rows.map((r) => {
      const seq = next.get(r.draftId);
      next.set(r.draftId, seq + 1);
      return seq;
    });
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      const values = chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ');
      const params = chunk.flatMap((r, j) => [r.draftId, seqs[i + j], r.update, r.userId, r.delegationId, r.at]);
      // Only the one-row statement is worth caching; the others vary with the batch size.
      await c.run(`INSERT INTO updates (draft_id, seq, data, user_id, delegation_id, at) VALUES ${values}`, params, {
        cache: chunk.length === 1,
      });
    }
    return seqs;
  });
}

/** Save a checkpoint; a second save of the same seq keeps the first. */
export async function saveCheckpointRow(conn, c) {
  // A checkpoint is derived data: the state at a seq is the same whoever computes it, so a
  // second save of the same seq (two instances compacting at once) keeps the first.
  await conn.run('INSERT INTO checkpoints (draft_id, seq, state, at) VALUES (?, ?, ?, ?) ON CONFLICT (draft_id, seq) DO NOTHING', [c.draftId, c.seq, c.state, c.at]);
}

/**
 * Claim distinct, valid client ids in one transaction; resolves to those another user owns.
 *
 * The claim is committed lazily, without a flush of its own: a client's first edit would
 * otherwise wait for two flushes, the claim's and the update's. It needs none: the update it
 * guards is appended after it, and the append's durable commit flushes the log up to itself,
 * the claim included (SQLite's WAL and PostgreSQL's WAL are both written in order). A claim
 * that a crash loses guarded nothing that was stored.
 */
export async function claimClientIdRows(conn, claim) {
  if (claim.clientIds.length === 0) return [];
  return conn.atomic(
    async (c) => {
      const conflicts = [];
      for (const id of claim.clientIds) {
        // First claim wins; a concurrent claim of the same id waits on the key and then reads the owner.
        const claimed = await c.all(
          `INSERT INTO client_ids (draft_id, client_id, user_id, claimed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (draft_id, client_id) DO NOTHING RETURNING client_id`,
          [claim.draftId, id, claim.userId, claim.at],
        );
        if (claimed.length > 0) continue;
        const [owner] = await c.all('SELECT user_id FROM client_ids WHERE draft_id = ? AND client_id = ?', [claim.draftId, id]);
        if (owner && String(owner.user_id) !== claim.userId) conflicts.push(id);
      }
      return conflicts;
    },
    // It touches no draft's log: edits waiting in the SQLite store's journal stay there.
    { lazy: true, apartFromLogs: true },
  );
}
