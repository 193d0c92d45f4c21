/**
 * Two Penholder servers started as `npm start` starts one — createPenholder with DATABASE_URL
 * and REDIS_URL — serve one draft together: edits cross between them, and deactivating a user
 * on one closes that user's socket on the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseReasons } from '../../../shared/protocol';
import { connect, rawSocket, seedText, synced, textJSON, typeInto, until } from '../../helpers/collab';
import { redisGate, startTwoServers, type TwoServers } from '../../helpers/cluster';
import type { World } from '../../helpers/factories';
import { postgresGate } from '../../helpers/postgres';
import { call, loginAs, type TestServer } from '../../helpers/server';

const pg = await postgresGate('cluster app');
const redis = pg.run && (await redisGate('cluster app'));

describe.skipIf(!redis)('two servers configured with DATABASE_URL and REDIS_URL', () => {
  let servers: TwoServers;
  let a: TestServer;
  let b: TestServer;
  let world: World;

  beforeAll(async () => {
    servers = await startTwoServers('penholder_cluster_app');
    ({ a, b, world } = servers);
  });

  afterAll(() => servers?.close());

  it('carries edits both ways and stores each once', async () => {
    const sponsor = await loginAs(a, world.users.sponsor.login, world.users.sponsor.password);
    const officer = await loginAs(b, world.users.secretariat.login, world.users.secretariat.password);
    const onA = connect(`${a.wsUrl}/collab`, world.draft.id, sponsor.token);
    const onB = connect(`${b.wsUrl}/collab`, world.draft.id, officer.token);
    try {
      await Promise.all([synced(onA.provider), synced(onB.provider)]);
      seedText(onA.doc);
      await until(() => onB.doc.getXmlFragment('prosemirror').length > 0, 5_000, 'the text to reach B');
      typeInto(onB.doc, 1, 0, 'From B. ');
      typeInto(onA.doc, 1, 0, 'From A. ');
      await until(() => JSON.stringify(textJSON(onA.doc)) === JSON.stringify(textJSON(onB.doc)) && JSON.stringify(textJSON(onA.doc)).includes('From B.'), 5_000, 'convergence');
      const text = await call(b, 'GET', `/api/drafts/${world.draft.id}/text`, { token: officer.token });
      expect(text.body.doc).toEqual(textJSON(onA.doc));
      // Three edits (the seed, A's typing, B's typing), one row each.
      expect((await a.store.listUpdates(world.draft.id)).length).toBe(3);
    } finally {
      onA.provider.destroy();
      onB.provider.destroy();
    }
  });

  it('closes a deactivated user\'s socket on the other server with "access revoked"', async () => {
    const officer = await loginAs(a, world.users.secretariat.login, world.users.secretariat.password);
    const peru = await loginAs(b, world.users.nonSponsor.login, world.users.nonSponsor.password);
    const { heard } = await rawSocket(`${b.wsUrl}/collab`, world.draft.id, peru.token);
    await until(() => heard.notices.length > 0, 2_000, 'the socket to be admitted');
    const res = await call(a, 'PATCH', `/api/users/${world.users.nonSponsor.id}`, { token: officer.token, body: { active: false } });
    expect(res.status).toBe(200);
    expect(await heard.closed).toBe(CloseReasons.accessRevoked.code);
  });
});
