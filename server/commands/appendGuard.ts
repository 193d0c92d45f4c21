/**
 * Keeping append-only records consistent under concurrency. A command re-reads a draft's
 * record inside its transaction, checks the change against it, and appends. Two requests
 * racing could both pass the check on the same snapshot; so:
 *
 * - within one process, writes to one draft's record run one at a time (`oneAtATime`);
 * - across processes (several instances on one PostgreSQL), the append must land right after
 *   the record that was checked: the store hands out seqs from a per-draft counter, so a
 *   seq other than last + 1 means someone appended in between. The command then throws
 *   `LostRace`, its transaction rolls back, and it runs again on the new record
 *   (`retryLostRaces`), where the domain refuses the duplicate with its own reason.
 */
import { UniqueViolation } from '../storage/types';

/** Thrown inside a transaction when another writer appended to the same record first. */
export class LostRace extends Error {
  constructor(record: string) {
    super(`another change to ${record} landed first`);
    this.name = 'LostRace';
  }
}

/** Throw LostRace unless the appended seq directly follows the record that was checked. */
export function expectNextSeq(record: string, checkedLastSeq: number, appendedSeq: number): void {
  if (appendedSeq !== checkedLastSeq + 1) throw new LostRace(record);
}

/** The highest seq of a record, or 0. */
export function lastSeqOf(rows: readonly { seq: number }[]): number {
  return rows.reduce((max, r) => Math.max(max, r.seq), 0);
}

// PostgreSQL's serialization failure and deadlock: the transaction may simply run again.
const RETRYABLE_CODES = new Set(['40001', '40P01']);

function isRetryable(err: unknown): boolean {
  if (err instanceof LostRace) return true;
  if (err instanceof UniqueViolation) return /_pkey$|seq/i.test(err.constraint) && !/_key$/.test(err.constraint);
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

/** Run a transaction again while it loses races, up to `attempts` times. */
export async function retryLostRaces<T>(run: () => Promise<T>, attempts = 10): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      if (i >= attempts || !isRetryable(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * i));
    }
  }
}

// Per store: two stores on one database behave like two server instances (as tests use them).
const queuesByStore = new WeakMap<object, Map<string, Promise<unknown>>>();

/** Run `fn` after every earlier `fn` with the same store and key has settled (in this process). */
export function oneAtATime<T>(store: object, key: string, fn: () => Promise<T>): Promise<T> {
  let queues = queuesByStore.get(store);
  if (!queues) queuesByStore.set(store, (queues = new Map()));
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}
