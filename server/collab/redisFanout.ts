/**
 * Fan-out over Redis pub/sub: one channel per draft (updates, presence, access changes) and one
 * control channel (revoked users, heartbeats). Publishing never waits for a disconnected Redis —
 * a lost message is repaired from the update log — and every room catches up after Redis comes
 * back and every few seconds, so instances converge whatever pub/sub drops.
 *
 * Every instance beats once a second on the control channel and says bye when it closes; the
 * presence of another instance's clients is taken out of the rooms here when that instance says
 * bye or misses its heartbeats for a few seconds (killed, cut off), not 30 s later when
 * y-protocols' awareness timeout would. The removal is applied as if it came from that instance
 * (never published again): every instance judges the silence for itself.
 *
 * Presence that an instance lacks is asked for rather than waited for (clients renew theirs only
 * every 15 s): a room loaded here asks the other instances for their clients' presence in its
 * draft; and when an instance declared gone speaks again (it was only stalled), it is asked to
 * have its clients announce themselves anew, with clocks newer than the removal's. The time this
 * instance itself was stalled does not count as the others' silence.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Fanout, FanoutHandlers, FanoutRoom } from './fanout';
import { RemotePresence } from './remotePresence';

/** Kinds of fan-out message (the first byte of each). */
export const FanoutKinds = { update: 1, awareness: 2, access: 3, revoke: 4, heartbeat: 5, bye: 6, presenceQuery: 7, presenceRenew: 8, signInsEnded: 9 } as const;

/** One kind of fan-out message. */
export type FanoutKind = (typeof FanoutKinds)[keyof typeof FanoutKinds];

/** Options of the Redis fan-out. */
export interface RedisFanoutOptions {
  /** `redis://host:port/db`. */
  url: string;
  /** Prefix of every channel name (tests use one per test to share a Redis). */
  prefix?: string;
  /** How often every loaded room compares itself with the log, in ms. */
  catchUpEveryMs?: number;
  /** Drop incoming messages for which this returns true (tests simulate pub/sub losses with it). */
  drop?(kind: FanoutKind, draftId: string | null): boolean;
  /** How often this instance says it is alive, in ms. */
  heartbeatEveryMs?: number;
  /** How long another instance may be silent before its clients' presence is removed, in ms. */
  goneAfterMs?: number;
  /** Where connection faults are reported (once per outage). */
  log?: Pick<Console, 'warn' | 'error'>;
}

const HEADER = 1 + 8 + 8; // kind, sender instance, seq

// Presence frames have no seq: theirs says that the sender sends heartbeats, so that an instance
// killed before its first heartbeat reached us is still judged by them (and an older instance,
// which sends 0 and no heartbeats, is left to the awareness timeout).
const SENDER_BEATS = 1;

function frame(kind: FanoutKind, instance: Buffer, seq: number, payload: Uint8Array): Buffer {
  const b = Buffer.allocUnsafe(HEADER + payload.length);
  b[0] = kind;
  instance.copy(b, 1);
  b.writeDoubleBE(seq, 9);
  b.set(payload, HEADER);
  return b;
}

/** Fan-out between the instances that share one Redis. */
export class RedisFanout implements Fanout {
  readonly distributed = true;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly instance = randomBytes(8);
  private readonly prefix: string;
  private readonly rooms = new Map<string, FanoutRoom>();
  private readonly timer: NodeJS.Timeout;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly presence: RemotePresence;
  private handlers: FanoutHandlers | null = null;
  private down = false;
  private wasReady = false;
  private readonly beatEveryMs: number;
  private lastBeat = Date.now();

  constructor(private readonly opts: RedisFanoutOptions) {
    this.prefix = opts.prefix ?? 'penholder:';
    const common = { retryStrategy: (n: number) => Math.min(100 * n, 1_000), connectTimeout: 2_000, maxRetriesPerRequest: 1 };
    // No offline queue for publishing: a message held for minutes is worth less than the log.
    this.pub = new Redis(opts.url, { ...common, enableOfflineQueue: false });
    // Subscriptions made while Redis is away wait for it (and are renewed on every reconnect).
    this.sub = new Redis(opts.url, { ...common, maxRetriesPerRequest: null });
    for (const c of [this.pub, this.sub]) c.on('error', (e: Error) => this.fault(e));
    this.presence = new RemotePresence(opts.goneAfterMs ?? 3_000);
    this.beatEveryMs = opts.heartbeatEveryMs ?? 1_000;
    this.sub.on('ready', () => {
      if (this.down) opts.log?.warn('fanout: redis is back; catching up');
      this.down = false;
      // Whoever was silent while we could not listen is given a fresh chance.
      this.presence.pardonAll();
      // Whatever was published while we were away is in the log.
      if (this.wasReady) this.catchUpAll();
      this.wasReady = true;
    });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
    void this.sub.subscribe(this.controlChannel).catch((e: unknown) => this.fault(e));
    this.timer = setInterval(() => this.catchUpAll(), opts.catchUpEveryMs ?? 3_000);
    this.timer.unref();
    this.heartbeat = setInterval(() => this.beat(), this.beatEveryMs);
    this.heartbeat.unref();
  }

  /** Resolves once both connections are ready (for tests and the cluster script). */
  async ready(): Promise<void> {
    await Promise.all([this.pub, this.sub].map((c) => (c.status === 'ready' ? undefined : new Promise((r) => c.once('ready', r)))));
  }

  start(handlers: FanoutHandlers): void {
    this.handlers = handlers;
  }

  join(room: FanoutRoom): void {
    this.rooms.set(room.draftId, room);
    // Anything published between loading the room and subscribing is read from the log; the
    // presence of the other instances' clients is asked for.
    this.sub.subscribe(this.draftChannel(room.draftId)).then(
      () => {
        void room.catchUp().catch(() => undefined);
        this.askForPresence(room.draftId);
      },
      (e: unknown) => this.fault(e),
    );
  }

  leave(draftId: string): void {
    this.rooms.delete(draftId);
    this.presence.forgetDraft(draftId);
    void this.sub.unsubscribe(this.draftChannel(draftId)).catch(() => undefined);
  }

  publishUpdates(draftId: string, stored: { seq: number; update: Uint8Array }[]): void {
    for (const s of stored) this.publish(this.draftChannel(draftId), frame(FanoutKinds.update, this.instance, s.seq, s.update));
  }

  publishAwareness(draftId: string, update: Uint8Array): void {
    try {
      this.presence.published(draftId, update);
    } catch {
      // The room encoded it: it cannot be malformed; and if it were, nothing here depends on it.
    }
    this.publish(this.draftChannel(draftId), frame(FanoutKinds.awareness, this.instance, SENDER_BEATS, update));
  }

  publishAccessChanged(draftId: string): void {
    this.publish(this.draftChannel(draftId), frame(FanoutKinds.access, this.instance, 0, new Uint8Array(0)));
  }

  publishUserRevoked(userId: string): void {
    this.publish(this.controlChannel, frame(FanoutKinds.revoke, this.instance, 0, Buffer.from(userId)));
  }

  publishSignInsEnded(hashes: string[]): void {
    this.publish(this.controlChannel, frame(FanoutKinds.signInsEnded, this.instance, 0, Buffer.from(hashes.join(','))));
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.heartbeat);
    // Others remove our clients' presence at once rather than after the heartbeat's silence.
    if (this.pub.status === 'ready') {
      const bye = this.pub.publish(this.controlChannel, frame(FanoutKinds.bye, this.instance, 0, new Uint8Array(0))).catch(() => undefined);
      await Promise.race([bye, new Promise((r) => setTimeout(r, 500))]);
    }
    this.rooms.clear();
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private get controlChannel(): string {
    return `${this.prefix}control`;
  }

  private draftChannel(draftId: string): string {
    return `${this.prefix}draft:${draftId}`;
  }

  private publish(channel: string, message: Buffer): void {
    if (this.pub.status !== 'ready') return; // lost on purpose: the log repairs it
    this.pub.publish(channel, message).catch((e: unknown) => this.fault(e));
  }

  private receive(channel: string, message: Buffer): void {
    if (message.length < HEADER || message.subarray(1, 9).equals(this.instance)) return;
    const kind = message[0] as FanoutKind;
    const draftPrefix = `${this.prefix}draft:`;
    const draftId = channel.startsWith(draftPrefix) ? channel.slice(draftPrefix.length) : null;
    if (this.opts.drop?.(kind, draftId)) return;
    const sender = message.toString('hex', 1, 9);
    if (kind === FanoutKinds.bye) return this.gone(sender, true);
    const beats = kind === FanoutKinds.heartbeat || (kind === FanoutKinds.awareness && message.readDoubleBE(9) === SENDER_BEATS);
    // An instance we had given up on was only stalled: have its clients say again who they are.
    if (this.presence.seen(sender, beats)) {
      for (const id of this.rooms.keys()) this.publish(this.draftChannel(id), frame(FanoutKinds.presenceRenew, this.instance, 0, message.subarray(1, 9)));
    }
    const payload = message.subarray(HEADER);
    if (kind === FanoutKinds.revoke) return this.handlers?.userRevoked(payload.toString());
    if (kind === FanoutKinds.signInsEnded) return this.handlers?.signInsEnded(payload.toString().split(',').filter(Boolean));
    const room = draftId === null ? undefined : this.rooms.get(draftId);
    if (!room) return;
    try {
      if (kind === FanoutKinds.update) room.applyRemoteUpdate(message.readDoubleBE(9), new Uint8Array(payload));
      else if (kind === FanoutKinds.awareness) {
        room.applyRemoteAwareness(new Uint8Array(payload));
        this.presence.received(sender, room.draftId, payload);
      } else if (kind === FanoutKinds.access) this.handlers?.accessChanged(room.draftId);
      else if (kind === FanoutKinds.presenceQuery) {
        const own = room.ownPresence();
        if (own) this.publishAwareness(room.draftId, own);
      } else if (kind === FanoutKinds.presenceRenew && payload.equals(this.instance)) room.renewPresence();
    } catch (e) {
      this.opts.log?.warn(`fanout: a message for ${room.draftId} did not apply; catching up from the log`, e);
      void room.catchUp().catch(() => undefined);
    }
  }

  // Say we are alive, and take out the presence of instances that stopped saying so (unless we
  // are the one cut off: then we heard nobody, and judge nobody).
  private beat(): void {
    this.publish(this.controlChannel, frame(FanoutKinds.heartbeat, this.instance, 0, new Uint8Array(0)));
    // A late beat means this event loop was blocked: the others' heartbeats of that time are
    // still waiting in our socket. Their silence counts only the time we were listening.
    const now = Date.now();
    const late = now - this.lastBeat - this.beatEveryMs;
    this.lastBeat = now;
    if (late > 0) this.presence.excuse(late);
    if (this.sub.status !== 'ready') return;
    for (const instance of this.presence.silent()) this.gone(instance);
  }

  /** Ask the other instances to say again who of their clients is in `draftId`. */
  private askForPresence(draftId: string): void {
    this.publish(this.draftChannel(draftId), frame(FanoutKinds.presenceQuery, this.instance, 0, new Uint8Array(0)));
  }

  private gone(instance: string, forGood = false): void {
    for (const [draftId, removal] of this.presence.gone(instance, forGood)) {
      try {
        this.rooms.get(draftId)?.applyRemoteAwareness(removal);
      } catch (e) {
        this.opts.log?.warn(`fanout: removing a gone instance's presence from ${draftId} failed`, e);
      }
    }
  }

  private catchUpAll(): void {
    for (const room of this.rooms.values()) void room.catchUp().catch(() => undefined);
  }

  private fault(e: unknown): void {
    if (this.down) return;
    this.down = true;
    this.opts.log?.error('fanout: redis unavailable; serving local clients, will catch up from the log', e);
  }
}
