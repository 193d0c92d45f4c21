/** Types of updateLogWrites.mjs: the update log's writes, run by SqlRepos on both backends. */

/** What the writes need from a connection (sqlConnection.ts `SqlConnection` is one). */
export interface WriteConnection {
  all(sql: string, params?: readonly unknown[], options?: { cache?: boolean }): Promise<Record<string, unknown>[]>;
  run(sql: string, params?: readonly unknown[], options?: { cache?: boolean }): Promise<number>;
  atomic<T>(fn: (conn: WriteConnection) => Promise<T>, options?: { lazy?: boolean; apartFromLogs?: boolean }): Promise<T>;
}

/** The counters of `draft_counters`: each hands out 1, 2, 3 … per draft. */
export type Stream = 'update' | 'event' | 'sponsorship';

/** An update ready to store: validated, its time an ISO string. */
export interface UpdateRow {
  draftId: string;
  update: Uint8Array;
  userId: string | null;
  delegationId: string | null;
  at: string;
}

/** A checkpoint ready to store. */
export interface CheckpointInput {
  draftId: string;
  seq: number;
  state: Uint8Array;
  at: string;
}

/** A claim of distinct, valid Yjs client ids. */
export interface ClientIdClaim {
  draftId: string;
  userId: string;
  clientIds: number[];
  at: string;
}

/** Rows per multi-row INSERT. */
export declare const INSERT_CHUNK: number;
/** The `code` of a DraftFrozen error. */
export declare const DRAFT_FROZEN: 'draft_frozen';
/** An append refused, storing nothing, because drafts of the batch are frozen. */
export declare class DraftFrozen extends Error {
  constructor(draftIds: readonly string[]);
  readonly code: typeof DRAFT_FROZEN;
  /** Every frozen draft the refused batch held. */
  readonly draftIds: string[];
}
/** Keep appends to a draft's log waiting until the current transaction ends; resolves to its last seq. */
export declare function holdUpdateLog(conn: WriteConnection, draftId: string): Promise<number>;
/** Reserve `n` seqs of a draft's stream inside the current transaction; resolves to the first. */
export declare function reserveSeqs(conn: WriteConnection, draftId: string, stream: Stream, n: number): Promise<number>;
/** Append rows in one transaction; resolves to their seqs, in order. Throws DraftFrozen (storing nothing) when a draft is frozen. */
export declare function appendUpdateRows(conn: WriteConnection, rows: UpdateRow[]): Promise<number[]>;
/** Save a checkpoint; a second save of the same seq keeps the first. */
export declare function saveCheckpointRow(conn: WriteConnection, c: CheckpointInput): Promise<void>;
/** Claim client ids; resolves to those another user owns. */
export declare function claimClientIdRows(conn: WriteConnection, claim: ClientIdClaim): Promise<number[]>;
