/**
 * The fault suite: kill -9 of one of two instances while clients on both type; Redis stopping
 * and coming back; PostgreSQL stopping and coming back. Redis and PostgreSQL faults use servers
 * of the test's own (never the machine's shared ones); everything is on 127.0.0.1 and bounded.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DeniedPrefix, NoticeKinds } from '../../../shared/protocol';
import { updateFrame } from '../../../server/collab/wire';
import { openStore } from '../../../server/storage/index';
import { connect, keepTyping, rawSocket, seedDraft, seedText, synced, textJSON, typeInto, until, type SeededUsers } from '../../helpers/collab';
import { REDIS_TEST_URL, redisGate, startChildInstance, startInstance, uniquePrefix, type Instance } from '../../helpers/cluster';
import { createTestDatabase, postgresGate } from '../../helpers/postgres';
import { ownPostgres, ownRedis, postgresBin } from '../../helpers/ownServices';

const gate = await postgresGate('cluster faults');
const run = gate.run && (await redisGate('cluster faults'));

type Client = ReturnType<typeof connect>;
const json = (c: Client) => JSON.stringify(textJSON(c.doc));
const same = (cs: Client[]) => cs.every((c) => json(c) === json(cs[0]!));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function seeded(databaseUrl: string): Promise<{ draftId: string; users: SeededUsers }> {
  const store = await openStore({ dataDir: '', databaseUrl });
  try {
    return await seedDraft(store);
  } finally {
    await store.close();
  }
}

describe.skipIf(!run)('faults with two instances', () => {
  it('kill -9 of one instance: its clients move to the other; nothing seen is lost; texts converge', async () => {
    const db = await createTestDatabase('penholder_fault');
    const { draftId, users } = await seeded(db.url);
    const env = { databaseUrl: db.url, redisUrl: REDIS_TEST_URL, prefix: uniquePrefix() };
    const a = await startChildInstance(env);
    const b = await startChildInstance(env);
    const tokens = [users.sponsor.token, users.secretariat.token, users.sponsor2.token];
    let clients = tokens.map((t, i) => connect(i < 2 ? a.wsUrl : b.wsUrl, draftId, t));
    const seen: Uint8Array[] = [];
    const watch = (c: Client) => c.doc.on('update', (u: Uint8Array, origin: unknown) => origin === c.provider && seen.push(u));
    clients.forEach(watch);
    try {
      await Promise.all(clients.map((c) => synced(c.provider)));
      seedText(clients[0]!.doc);
      await until(() => clients.every((c) => c.doc.getXmlFragment('prosemirror').length > 0), 5_000, 'seed');
      const stopTyping = keepTyping(
        clients.map((c) => c.doc),
        (i) => 3 + i,
      );
      await pause(300 + Math.random() * 400);
      await a.kill9();
      await stopTyping();
      expect(seen.length).toBeGreaterThan(0);
      // The load balancer sends the dead instance's clients to the live one, with their documents.
      clients = clients.map((c, i) => {
        if (i >= 2) return c;
        c.provider.destroy();
        const moved = connect(b.wsUrl, draftId, tokens[i]!, c.doc);
        return moved;
      });
      clients.forEach((c, i) => typeInto(c.doc, 1, 0, `after-${i} `));
      const probe = connect(b.wsUrl, draftId, users.observer.token);
      await synced(probe.provider, 10_000);
      const all = [...clients, probe];
      await until(() => same(all) && clients.every((_, i) => json(probe).includes(`after-${i} `)), 15_000, 'convergence on B');
      const final = Y.snapshot(probe.doc);
      for (const u of seen) expect(Y.snapshotContainsUpdate(final, u)).toBe(true);
      // And it is all in the log: a fresh load has the same text.
      const late = connect(b.wsUrl, draftId, users.observer.token);
      await synced(late.provider, 10_000);
      expect(json(late)).toBe(json(probe));
      late.provider.destroy();
      probe.provider.destroy();
    } finally {
      for (const c of clients) c.provider.destroy();
      await a.kill9();
      await b.kill9();
      await db.drop();
    }
  }, 60_000);

  it('Redis stops and comes back: each instance keeps serving its clients; they converge after', async () => {
    const redis = await ownRedis();
    await redis.start();
    const db = await createTestDatabase('penholder_fault');
    const { draftId, users } = await seeded(db.url);
    const prefix = uniquePrefix();
    // Only the return of Redis (or a seq gap) may trigger catching up here, not the periodic check.
    const fanout = { url: redis.url, prefix, catchUpEveryMs: 60_000 };
    const instances: Instance[] = [await startInstance({ databaseUrl: db.url, fanout }), await startInstance({ databaseUrl: db.url, fanout })];
    const [a, b] = instances as [Instance, Instance];
    await Promise.all(instances.map((i) => i.fanout.ready()));
    const a1 = connect(a.wsUrl, draftId, users.sponsor.token);
    const a2 = connect(a.wsUrl, draftId, users.secretariat.token);
    const b1 = connect(b.wsUrl, draftId, users.sponsor2.token);
    const clients = [a1, a2, b1];
    try {
      await Promise.all(clients.map((c) => synced(c.provider)));
      seedText(a1.doc);
      await until(() => same(clients) && b1.doc.getXmlFragment('prosemirror').length > 0, 5_000, 'seed crosses');

      await redis.stop();
      typeInto(a1.doc, 1, 0, 'A-WHILE-DOWN ');
      typeInto(b1.doc, 2, 0, 'B-WHILE-DOWN ');
      await until(() => json(a2).includes('A-WHILE-DOWN'), 5_000, 'A serves its own clients without Redis');

      await redis.start();
      await until(() => same(clients) && json(a1).includes('B-WHILE-DOWN') && json(b1).includes('A-WHILE-DOWN'), 15_000, 'convergence after Redis returns');
      // Pub/sub itself works again (resubscribed), not only the log.
      await Promise.all(instances.map((i) => i.fanout.ready()));
      typeInto(a1.doc, 3, 0, 'A-AFTER ');
      await until(() => json(b1).includes('A-AFTER'), 5_000, 'a new edit crosses over');
    } finally {
      for (const c of clients) c.provider.destroy();
      for (const i of instances) await i.close();
      await redis.stop();
      await db.drop();
    }
  }, 60_000);

  it.skipIf(!postgresBin())(
    'PostgreSQL stops and comes back: edits are refused while down, accepted after',
    async () => {
      const own = await ownPostgres();
      const instances: Instance[] = [];
      const clients: Client[] = [];
      try {
        own.start();
        const admin = new pg.Client({ connectionString: own.url });
        await admin.connect();
        await admin.query('CREATE DATABASE penholder_fault');
        await admin.end();
        const url = own.url.replace(/\/postgres$/, '/penholder_fault');
        const { draftId, users } = await seeded(url);
        const fanout = { url: REDIS_TEST_URL, prefix: uniquePrefix() };
        instances.push(await startInstance({ databaseUrl: url, fanout }), await startInstance({ databaseUrl: url, fanout }));
        const [a, b] = instances as [Instance, Instance];
        await Promise.all(instances.map((i) => i.fanout.ready()));
        const onA = connect(a.wsUrl, draftId, users.sponsor.token);
        const onB = connect(b.wsUrl, draftId, users.secretariat.token);
        clients.push(onA, onB);
        await Promise.all(clients.map((c) => synced(c.provider)));
        seedText(onA.doc);
        await until(() => same(clients) && onB.doc.getXmlFragment('prosemirror').length > 0, 5_000, 'seed crosses');
        const { ws, heard } = await rawSocket(b.wsUrl, draftId, users.sponsor2.token);

        own.stop();
        typeInto(onB.doc, 1, 0, 'B-WHILE-DOWN ');
        typeInto(onA.doc, 2, 0, 'A-WHILE-DOWN ');
        await until(() => heard.notices.some((n) => n.kind === NoticeKinds.storageUnavailable), 10_000, 'storage-unavailable notice');
        // A new edit is refused, with the reason.
        const local = new Y.Doc();
        Y.applyUpdate(local, Y.encodeStateAsUpdate(onB.doc));
        local.clientID = 777_111;
        let crafted: Uint8Array | null = null;
        local.on('update', (u: Uint8Array) => (crafted = u));
        typeInto(local, 1, 0, 'RAW ');
        ws.send(updateFrame(crafted!));
        await until(() => heard.denied.some((d) => d.startsWith(`${DeniedPrefix.storageUnavailable}:`)), 5_000, 'refusal');
        // Nothing unstored is relayed: neither side sees the other's edit.
        await pause(300);
        expect(json(onA)).not.toContain('B-WHILE-DOWN');
        expect(json(onB)).not.toContain('A-WHILE-DOWN');

        own.start();
        await until(() => heard.notices.some((n) => n.kind === NoticeKinds.storageRestored), 15_000, 'storage-restored notice');
        await until(() => same(clients) && json(onA).includes('B-WHILE-DOWN') && json(onB).includes('A-WHILE-DOWN'), 15_000, 'convergence after PostgreSQL returns');
        typeInto(onA.doc, 3, 0, 'A-AFTER ');
        await until(() => json(onB).includes('A-AFTER'), 5_000, 'edits accepted again');
        const late = connect(b.wsUrl, draftId, users.observer.token);
        clients.push(late);
        await synced(late.provider, 10_000);
        await until(() => json(late) === json(onA), 5_000, 'everything stored');
        ws.close();
      } finally {
        for (const c of clients) c.provider.destroy();
        for (const i of instances) await i.close();
        own.remove();
      }
    },
    90_000,
  );
});
