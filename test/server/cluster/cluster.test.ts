/**
 * Two instances on one PostgreSQL database and one Redis: stock providers on each see each
 * other's edits and presence, every update is stored once, lost pub/sub messages are repaired
 * from the log, and a freeze on one instance turns the other's sockets read-only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NoticeKinds } from '../../../shared/protocol';
import { announceAs, connect, presentNames, rawSocket, seedDraft, seedText, synced, textJSON, typeInto, until, type SeededUsers } from '../../helpers/collab';
import { REDIS_TEST_URL, redisGate, startInstance, uniquePrefix, type Instance } from '../../helpers/cluster';
import { createTestDatabase, postgresGate, type TestDatabase } from '../../helpers/postgres';
import { FanoutKinds, type FanoutKind } from '../../../server/collab/redisFanout';

const pg = await postgresGate('cluster');
const redis = pg.run && (await redisGate('cluster'));

type Client = ReturnType<typeof connect>;
const same = (cs: Client[]) => cs.every((c) => JSON.stringify(textJSON(c.doc)) === JSON.stringify(textJSON(cs[0]!.doc)));

/** Count the updates a client made itself (each goes to the server as one message, stored as one row). */
function countOwn(c: Client): { n: number } {
  const counter = { n: 0 };
  c.doc.on('update', (_u: Uint8Array, origin: unknown) => origin !== c.provider && counter.n++);
  return counter;
}

describe.skipIf(!redis)('two instances', () => {
  let db: TestDatabase;
  let draftId: string;
  let users: SeededUsers;
  let instances: Instance[] = [];
  let clients: Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('penholder_cluster');
    const seeder = await startInstance({ databaseUrl: db.url, fanout: { url: REDIS_TEST_URL, prefix: uniquePrefix() } });
    ({ draftId, users } = await seedDraft(seeder.store));
    await seeder.close();
  });
  afterEach(async () => {
    for (const c of clients) c.provider.destroy();
    for (const i of instances) await i.close();
    clients = [];
    instances = [];
  });
  afterAll(() => db?.drop());

  async function pair(drop?: (kind: FanoutKind, draftId: string | null) => boolean): Promise<[Instance, Instance]> {
    const prefix = uniquePrefix();
    const a = await startInstance({ databaseUrl: db.url, fanout: { url: REDIS_TEST_URL, prefix } });
    const b = await startInstance({ databaseUrl: db.url, fanout: { url: REDIS_TEST_URL, prefix, drop } });
    await Promise.all([a.fanout.ready(), b.fanout.ready()]);
    instances.push(a, b);
    return [a, b];
  }

  function open(i: Instance, token: string): Client {
    const c = connect(i.wsUrl, draftId, token);
    clients.push(c);
    return c;
  }

  it('edits and presence cross over; the texts converge; each update is stored once', async () => {
    const [a, b] = await pair();
    const before = (await a.store.listUpdates(draftId)).length;
    const onA = open(a, users.sponsor.token);
    const onB = open(b, users.sponsor2.token);
    const counts = [countOwn(onA), countOwn(onB)];
    await Promise.all([synced(onA.provider), synced(onB.provider)]);
    if (onA.doc.getXmlFragment('prosemirror').length === 0) seedText(onA.doc);
    await until(() => onB.doc.getXmlFragment('prosemirror').length > 0, 5_000, 'seed crosses to B');

    for (let n = 0; n < 30; n++) {
      typeInto(onA.doc, 1, 0, `a${n} `);
      typeInto(onB.doc, 2, 0, `b${n} `);
      await new Promise((r) => setTimeout(r, 3));
    }
    await until(() => same([onA, onB]) && JSON.stringify(textJSON(onA.doc)).includes('b29') && JSON.stringify(textJSON(onB.doc)).includes('a29'), 10_000, 'convergence');

    announceAs(onA.provider, 'sponsor');
    await until(() => presentNames(onB.provider).includes('sponsor'), 5_000, 'presence crosses to B');

    const own = counts[0]!.n + counts[1]!.n;
    await until(async () => (await a.store.listUpdates(draftId)).length - before === own, 5_000, 'every update stored');
    await new Promise((r) => setTimeout(r, 300));
    expect((await a.store.listUpdates(draftId)).length - before).toBe(own);
  });

  it('converges when pub/sub drops updates and presence (half of them, then all)', async () => {
    let dropAll = false;
    const [a, b] = await pair((kind) => kind !== FanoutKinds.access && (dropAll || Math.random() < 0.5));
    const onA = open(a, users.sponsor.token);
    const onB = open(b, users.sponsor2.token);
    await Promise.all([synced(onA.provider), synced(onB.provider)]);
    if (onA.doc.getXmlFragment('prosemirror').length === 0) seedText(onA.doc);
    for (let n = 0; n < 20; n++) {
      typeInto(onA.doc, 1, 0, `x${n} `);
      typeInto(onB.doc, 2, 0, `y${n} `);
      await new Promise((r) => setTimeout(r, 3));
    }
    await until(() => same([onA, onB]) && JSON.stringify(textJSON(onB.doc)).includes('x19'), 10_000, 'convergence with half dropped');
    dropAll = true;
    typeInto(onA.doc, 1, 0, 'LAST-FROM-A ');
    await until(() => JSON.stringify(textJSON(onB.doc)).includes('LAST-FROM-A') && same([onA, onB]), 10_000, 'convergence with all dropped');
    expect(Y.encodeStateVector(onA.doc)).toEqual(Y.encodeStateVector(onB.doc));
  });

  it('a freeze on A turns sockets on B read-only', async () => {
    const [a, b] = await pair();
    const onB = open(b, users.sponsor.token);
    await synced(onB.provider);
    const { ws, heard } = await rawSocket(b.wsUrl, draftId, users.sponsor2.token);
    await until(() => heard.notices.length > 0, 2_000, 'mode notice');
    expect(heard.notices[0]!.mode).toBe('edit');
    // A's room must be loaded for A to serve the freeze as it does in the app.
    open(a, users.secretariat.token);
    await a.store.appendDraftEvent({ draftId, type: 'frozen', payload: {}, userId: users.secretariat.id });
    await a.collab.refreshAccess(draftId);
    await until(() => heard.notices.some((n) => n.kind === NoticeKinds.mode && n.mode === 'read'), 5_000, 'read-only notice on B');
    const rows = (await b.store.listUpdates(draftId)).length;
    typeInto(onB.doc, 1, 0, 'AFTER FREEZE ');
    await new Promise((r) => setTimeout(r, 300));
    expect((await b.store.listUpdates(draftId)).length).toBe(rows);
    ws.close();
  });
});
