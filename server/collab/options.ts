/** Tunables of the collaboration endpoint, with defaults. */
import { COLLAB_PATH_PREFIX, CollabLimits } from '../../shared/protocol';

/** Options of the collaboration endpoint. */
export interface CollabOptions {
  /** URL path prefix of the WebSocket endpoint; the draft id follows it. */
  pathPrefix: string;
  /** Largest WebSocket frame accepted, in bytes. */
  maxFrameBytes: number;
  /** Largest encoded state of one draft, in bytes; updates that would pass it are refused. */
  maxDraftBytes: number;
  /** Messages a connection may send per second (token bucket refill rate). */
  messagesPerSecond: number;
  /** Burst size of the per-connection token bucket. */
  messageBurst: number;
  /** Awareness messages a connection may send per second. */
  awarenessPerSecond: number;
  /** Presence client ids one connection may speak for. */
  presenceIdsPerConnection: number;
  /** Bytes held for one connection that is not reading them; past it, it is closed as too far behind. */
  maxBufferedBytes: number;
  /** Connections one user may hold open on this instance, over all drafts; more are refused (429). */
  connectionsPerUser: number;
  /** How long a connection closed as too far behind has to read its close frame before its socket is dropped, in ms. */
  behindGraceMs: number;
  /** How long the first update after a quiet spell waits to share its durable commit, in ms (0: not at all; batches form while a commit runs). */
  groupCommitMs: number;
  /** Write a checkpoint after this many updates since the last one. */
  checkpointEvery: number;
  /** Unload a draft this many ms after its last connection closed. */
  unloadAfterMs: number;
  /** While storage is failing, retry a commit this often, in ms. */
  storageRetryMs: number;
  /** Beside other instances: how long a missing seq may be late before the room reads the log, in ms. */
  gapWaitMs: number;
  /** Where the endpoint reports faults (storage failures, stored updates that would not apply). */
  log: Pick<Console, 'warn' | 'error'>;
}

/** The defaults. */
export const defaultCollabOptions: CollabOptions = {
  pathPrefix: COLLAB_PATH_PREFIX,
  maxFrameBytes: CollabLimits.maxFrameBytes,
  maxDraftBytes: CollabLimits.maxDraftBytes,
  messagesPerSecond: CollabLimits.messagesPerSecond,
  messageBurst: CollabLimits.messageBurst,
  awarenessPerSecond: CollabLimits.awarenessPerSecond,
  presenceIdsPerConnection: CollabLimits.presenceIdsPerConnection,
  maxBufferedBytes: CollabLimits.maxBufferedBytes,
  connectionsPerUser: CollabLimits.connectionsPerUser,
  behindGraceMs: 1_000,
  groupCommitMs: 0,
  checkpointEvery: 500,
  unloadAfterMs: 30_000,
  storageRetryMs: 1_000,
  gapWaitMs: 250,
  log: console,
};

/** Fill in the defaults. */
export function resolveOptions(partial: Partial<CollabOptions> | undefined): CollabOptions {
  return { ...defaultCollabOptions, ...(partial ?? {}) };
}
