/**
 * Presence of a gone instance's clients: when an instance is killed (kill -9), the other
 * instances take its clients' presence away within a few seconds — not after y-protocols' 30 s
 * awareness timeout — and leave their own clients' presence alone. First the fan-out alone
 * with rooms of its own (silence, bye, a client that moved, an instance that never beats), then
 * two real instances with stock providers, one killed.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { FanoutKinds, RedisFanout, type RedisFanoutOptions } from '../../../server/collab/redisFanout';
import type { FanoutRoom } from '../../../server/collab/fanout';
import { openStore } from '../../../server/storage/index';
import { announceAs, connect, presentNames, quietLog, seedDraft, synced, until } from '../../helpers/collab';
import { REDIS_TEST_URL, redisGate, startChildInstance, startInstance, uniquePrefix, type Instance } from '../../helpers/cluster';
import { createTestDatabase, postgresGate } from '../../helpers/postgres';

const redis = await redisGate('cluster presence');
const pg = redis && (await postgresGate('cluster presence'));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A room as the fan-out sees it, holding only presence; `own`: the presence of its own clients. */
function presenceRoom(draftId: string, own: Uint8Array | null = null): FanoutRoom & { awareness: awarenessProtocol.Awareness; ids(): number[]; renewals: number } {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  return {
    draftId,
    awareness,
    renewals: 0,
    ids: () => [...awareness.getStates().keys()].sort((x, y) => x - y),
    applyRemoteUpdate() {},
    applyRemoteAwareness: (u) => awarenessProtocol.applyAwarenessUpdate(awareness, u, 'remote'),
    catchUp: async () => {},
    ownPresence: () => own,
    renewPresence() {
      this.renewals += 1;
    },
  };
}

/** A client's presence, as its awareness encodes it (each call is one more change). */
function client(clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  return {
    say(name: string): Uint8Array {
      awareness.setLocalState({ user: { name } });
      return awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]);
    },
  };
}

describe.skipIf(!redis)('the fan-out takes away the presence of instances that are gone', () => {
  const opened: RedisFanout[] = [];
  afterAll(async () => {
    for (const f of opened) await f.close();
  });

  async function pair(y: Partial<RedisFanoutOptions> = {}) {
    const prefix = uniquePrefix();
    const x = new RedisFanout({ url: REDIS_TEST_URL, prefix, heartbeatEveryMs: 100, log: quietLog });
    const other = new RedisFanout({ url: REDIS_TEST_URL, prefix, heartbeatEveryMs: 100, goneAfterMs: 500, log: quietLog, ...y });
    opened.push(x, other);
    await Promise.all([x.ready(), other.ready()]);
    const draftId = `draft-${Math.random().toString(36).slice(2)}`;
    const roomX = presenceRoom(draftId);
    const roomY = presenceRoom(draftId);
    x.join(roomX);
    other.join(roomY);
    await pause(200); // subscribed, and heard each other's heartbeat
    return { x, y: other, roomX, roomY, draftId, prefix };
  }

  it("removes a silent instance's clients after its heartbeats stop, and keeps the local ones", async () => {
    let silent = false;
    const { x, roomY, draftId } = await pair({ drop: (kind) => silent && kind !== FanoutKinds.awareness });
    const theirs = client(41);
    const ours = client(7);
    x.publishAwareness(draftId, theirs.say('Chile'));
    roomY.applyRemoteAwareness(ours.say('Peru')); // as a local peer's would be
    await until(() => roomY.ids().length === 2, 2_000, 'presence from X');
    silent = true;
    const t0 = Date.now();
    await until(() => !roomY.ids().includes(41), 2_000, "X's client to go");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(roomY.ids()).toEqual([7]);
  });

  it("removes a closing instance's clients at once (it says bye)", async () => {
    const { x, roomY, draftId } = await pair({ goneAfterMs: 10_000 });
    x.publishAwareness(draftId, client(42).say('Chile'));
    await until(() => roomY.ids().includes(42), 2_000, 'presence from X');
    const t0 = Date.now();
    await x.close();
    await until(() => !roomY.ids().includes(42), 1_000, "X's client to go");
    expect(Date.now() - t0).toBeLessThan(1_000);
  });

  it('keeps a client that moved here since (its newer presence wins over the removal)', async () => {
    let silent = false;
    const { x, y, roomY, draftId } = await pair({ drop: (kind) => silent && kind === FanoutKinds.heartbeat });
    const mover = client(43);
    x.publishAwareness(draftId, mover.say('Chile on X'));
    await until(() => roomY.ids().includes(43), 2_000, 'presence from X');
    // It reconnects here: the room applies and publishes its newer state.
    const here = mover.say('Chile on Y');
    roomY.applyRemoteAwareness(here);
    y.publishAwareness(draftId, here);
    silent = true;
    await pause(1_000);
    expect(roomY.awareness.getStates().get(43)).toEqual({ user: { name: 'Chile on Y' } });
  });

  it("answers a room loaded later with its own clients' presence at once (clients renew theirs only every 15 s)", async () => {
    const prefix = uniquePrefix();
    const x = new RedisFanout({ url: REDIS_TEST_URL, prefix, log: quietLog });
    const y = new RedisFanout({ url: REDIS_TEST_URL, prefix, log: quietLog });
    opened.push(x, y);
    await Promise.all([x.ready(), y.ready()]);
    const draftId = `draft-${Math.random().toString(36).slice(2)}`;
    x.join(presenceRoom(draftId, client(45).say('Chile on X')));
    await pause(200);
    const late = presenceRoom(draftId);
    y.join(late);
    await until(() => late.ids().includes(45), 1_000, "the late room to hear X's client");
    expect(late.awareness.getStates().get(45)).toEqual({ user: { name: 'Chile on X' } });
  });

  it('asks an instance it gave up on, once it speaks again, to have its clients announce themselves anew', async () => {
    let silent = false;
    const { x, roomX, roomY, draftId } = await pair({ drop: () => silent });
    x.publishAwareness(draftId, client(46).say('Chile'));
    await until(() => roomY.ids().includes(46), 2_000, 'presence from X');
    silent = true; // X stalls: Y hears nothing from it
    await until(() => !roomY.ids().includes(46), 2_000, "X's client to go");
    expect(roomX.renewals).toBe(0);
    silent = false; // X speaks again (its next heartbeat)
    await until(() => roomX.renewals > 0, 2_000, "Y to ask X's clients to renew");
  });

  it("does not count its own stall as the others' silence", async () => {
    const { x, roomY, draftId } = await pair();
    x.publishAwareness(draftId, client(47).say('Chile'));
    await until(() => roomY.ids().includes(47), 2_000, 'presence from X');
    const removed: number[] = [];
    roomY.awareness.on('change', ({ removed: r }: { removed: number[] }) => removed.push(...r));
    // This whole process (Y's event loop included) is blocked for twice Y's 500 ms of silence.
    const until1s = Date.now() + 1_000;
    while (Date.now() < until1s) {
      /* a long synchronous task */
    }
    await pause(600);
    expect(removed).toEqual([]);
    expect(roomY.ids()).toEqual([47]);
  });

  it('leaves alone an instance that never sent a heartbeat (an older version: the timeout applies)', async () => {
    const { roomY, draftId, prefix } = await pair();
    // An older instance's presence frame: kind, its id, seq 0, the update; and no heartbeats.
    const older = new Redis(REDIS_TEST_URL);
    try {
      const update = client(44).say('Chile');
      const message = Buffer.alloc(17 + update.length);
      message[0] = FanoutKinds.awareness;
      randomBytes(8).copy(message, 1);
      message.set(update, 17);
      await older.publish(`${prefix}draft:${draftId}`, message);
      await until(() => roomY.ids().includes(44), 2_000, 'presence from the older instance');
      await pause(1_000);
      expect(roomY.ids()).toEqual([44]);
    } finally {
      older.disconnect();
    }
  });
});

type Client = ReturnType<typeof connect>;
const sees = (c: Client) => presentNames(c.provider);

/**
 * Instance A in a process of its own (to be killed or stopped) and B in this one, on a fresh
 * database and the test Redis; a client on A and two on B, named, each seeing all three.
 */
async function aInAChildAndB(fanout: { heartbeatEveryMs?: number; goneAfterMs?: number } = {}) {
  const db = await createTestDatabase('penholder_presence');
  const store = await openStore({ dataDir: '', databaseUrl: db.url });
  const { draftId, users } = await seedDraft(store).finally(() => store.close());
  const prefix = uniquePrefix();
  const a = await startChildInstance({ databaseUrl: db.url, redisUrl: REDIS_TEST_URL, prefix });
  let b: Instance | undefined;
  const clients: Client[] = [];
  const close = async () => {
    for (const c of clients) c.provider.destroy();
    if (a.proc.signalCode === null && a.proc.exitCode === null) a.proc.kill('SIGCONT');
    await a.kill9();
    await b?.close();
    await db.drop();
  };
  try {
    b = await startInstance({ databaseUrl: db.url, fanout: { url: REDIS_TEST_URL, prefix, ...fanout } });
    await b.fanout.ready();
    const onA = connect(a.wsUrl, draftId, users.sponsor.token);
    const onB = connect(b.wsUrl, draftId, users.secretariat.token);
    const alsoOnB = connect(b.wsUrl, draftId, users.sponsor2.token);
    clients.push(onA, onB, alsoOnB);
    await Promise.all(clients.map((c) => synced(c.provider)));
    // The seeded users' display names: the server stamps them on their presence.
    const names = ['sponsor', 'secretariat', 'sponsor2'];
    clients.forEach((c, i) => announceAs(c.provider, names[i]!));
    await until(() => clients.every((c) => sees(c).length === 3), 5_000, 'everyone to see everyone');
    return { a, onA, onB, alsoOnB, close };
  } catch (e) {
    await close();
    throw e;
  }
}

describe.skipIf(!(redis && pg !== false && pg.run))('kill -9 of an instance', () => {
  it("its clients' presence leaves the other instance within seconds; that instance's own stay", async () => {
    const { a, onB, alsoOnB, close } = await aInAChildAndB();
    try {
      await a.kill9();
      const t0 = Date.now();
      await until(() => !sees(onB).includes('sponsor') && !sees(alsoOnB).includes('sponsor'), 6_000, "A's client to leave B's presence");
      const took = Date.now() - t0;
      expect(took).toBeLessThan(6_000);
      expect(sees(onB)).toEqual(['secretariat', 'sponsor2']);
      expect(sees(alsoOnB)).toEqual(['secretariat', 'sponsor2']);
      // And it stays so: nothing brings it back, nothing else goes.
      await pause(1_500);
      expect(sees(onB)).toEqual(['secretariat', 'sponsor2']);
      console.info(`[cluster presence] a killed instance's client left the other's presence after ${took} ms`);
    } finally {
      await close();
    }
  }, 60_000);
});

describe.skipIf(!(redis && pg !== false && pg.run))('an instance stalled for seconds (SIGSTOP, then SIGCONT)', () => {
  it("its client comes back in the others' presence within seconds of it resuming, and itself loses nobody", async () => {
    // B gives up on a silent instance after 1 s; A is stopped for 3 s.
    const { a, onA, onB, alsoOnB, close } = await aInAChildAndB({ heartbeatEveryMs: 200, goneAfterMs: 1_000 });
    try {
      const lostOnA: number[] = [];
      onA.provider.awareness.on('change', ({ removed }: { removed: number[] }) => lostOnA.push(...removed));
      a.proc.kill('SIGSTOP');
      await until(() => !sees(onB).includes('sponsor'), 5_000, 'B to give up on A');
      await pause(3_000);
      a.proc.kill('SIGCONT');
      const t0 = Date.now();
      // A's client is asked to announce itself again, with a clock newer than B's removal.
      await until(() => sees(onB).includes('sponsor') && sees(alsoOnB).includes('sponsor'), 5_000, "A's client back in B's presence");
      const took = Date.now() - t0;
      // A's own judgement: its stall was not B's silence.
      await pause(1_000);
      // (Asked to renew, the client hears of its own removal, keeps its state and re-announces it:
      // y-protocols reports that as a change that removed itself. Nobody else went.)
      expect(lostOnA.filter((id) => id !== onA.doc.clientID)).toEqual([]);
      expect(sees(onA)).toEqual(['secretariat', 'sponsor', 'sponsor2']);
      console.info(`[cluster presence] a stalled instance's client was back in the other's presence ${took} ms after it resumed`);
    } finally {
      await close();
    }
  }, 60_000);
});
