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
import { connect, quietLog, seedDraft, synced, until } from '../../helpers/collab';
import { REDIS_TEST_URL, redisGate, startChildInstance, startInstance, uniquePrefix, type Instance } from '../../helpers/cluster';
import { createTestDatabase, postgresGate } from '../../helpers/postgres';

const redis = await redisGate('cluster presence');
const pg = redis && (await postgresGate('cluster presence'));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A room as the fan-out sees it, holding only presence. */
function presenceRoom(draftId: string): FanoutRoom & { awareness: awarenessProtocol.Awareness; ids(): number[] } {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  return {
    draftId,
    awareness,
    ids: () => [...awareness.getStates().keys()].sort((x, y) => x - y),
    applyRemoteUpdate() {},
    applyRemoteAwareness: (u) => awarenessProtocol.applyAwarenessUpdate(awareness, u, 'remote'),
    catchUp: async () => {},
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
    return { x, y: other, roomY, draftId, prefix };
  }

  it('removes a silent instance\'s clients after its heartbeats stop, and keeps the local ones', async () => {
    let silent = false;
    const { x, roomY, draftId } = await pair({ drop: (kind) => silent && kind !== FanoutKinds.awareness });
    const theirs = client(41);
    const ours = client(7);
    x.publishAwareness(draftId, theirs.say('Chile'));
    roomY.applyRemoteAwareness(ours.say('Peru')); // as a local peer's would be
    await until(() => roomY.ids().length === 2, 2_000, 'presence from X');
    silent = true;
    const t0 = Date.now();
    await until(() => !roomY.ids().includes(41), 2_000, 'X\'s client to go');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(roomY.ids()).toEqual([7]);
  });

  it('removes a closing instance\'s clients at once (it says bye)', async () => {
    const { x, roomY, draftId } = await pair({ goneAfterMs: 10_000 });
    x.publishAwareness(draftId, client(42).say('Chile'));
    await until(() => roomY.ids().includes(42), 2_000, 'presence from X');
    const t0 = Date.now();
    await x.close();
    await until(() => !roomY.ids().includes(42), 1_000, 'X\'s client to go');
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

describe.skipIf(!(redis && pg && pg.run))('kill -9 of an instance', () => {
  it('its clients\' presence leaves the other instance within seconds; that instance\'s own stay', async () => {
    const db = await createTestDatabase('penholder_presence');
    const store = await openStore({ dataDir: '', databaseUrl: db.url });
    const { draftId, users } = await seedDraft(store).finally(() => store.close());
    const prefix = uniquePrefix();
    // A in a process of its own, to be killed; B here, with the default heartbeat and silence.
    const a = await startChildInstance({ databaseUrl: db.url, redisUrl: REDIS_TEST_URL, prefix });
    let b: Instance | undefined;
    const clients: ReturnType<typeof connect>[] = [];
    try {
      b = await startInstance({ databaseUrl: db.url, fanout: { url: REDIS_TEST_URL, prefix } });
      await b.fanout.ready();
      const onA = connect(a.wsUrl, draftId, users.sponsor.token);
      const onB = connect(b.wsUrl, draftId, users.secretariat.token);
      const alsoOnB = connect(b.wsUrl, draftId, users.sponsor2.token);
      clients.push(onA, onB, alsoOnB);
      await Promise.all(clients.map((c) => synced(c.provider)));
      const names = ['Chile on A', 'Secretariat on B', 'Chile 2 on B'];
      clients.forEach((c, i) => c.provider.awareness.setLocalStateField('user', { name: names[i] }));
      const sees = (c: (typeof clients)[number]) =>
        [...c.provider.awareness.getStates().values()].map((s) => (s as { user?: { name: string } }).user?.name).filter(Boolean).sort();
      await until(() => clients.every((c) => sees(c).length === 3), 5_000, 'everyone to see everyone');

      await a.kill9();
      const t0 = Date.now();
      await until(() => !sees(onB).includes('Chile on A') && !sees(alsoOnB).includes('Chile on A'), 6_000, 'A\'s client to leave B\'s presence');
      const took = Date.now() - t0;
      expect(took).toBeLessThan(6_000);
      expect(sees(onB)).toEqual(['Chile 2 on B', 'Secretariat on B']);
      expect(sees(alsoOnB)).toEqual(['Chile 2 on B', 'Secretariat on B']);
      // And it stays so: nothing brings it back, nothing else goes.
      await pause(1_500);
      expect(sees(onB)).toEqual(['Chile 2 on B', 'Secretariat on B']);
      console.info(`[cluster presence] a killed instance's client left the other's presence after ${took} ms`);
    } finally {
      for (const c of clients) c.provider.destroy();
      await a.kill9();
      await b?.close();
      await db.drop();
    }
  }, 60_000);
});
