/**
 * Two instances behind a real load balancer (HAProxy, as `npm run start:cluster` runs it): the
 * clients only know the balancer's address. Round robin spreads them over both instances; when
 * one is killed with kill -9 while everyone types, its clients' own providers reconnect through
 * the balancer, land on the live instance, and nothing any client had seen is lost.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backendStats, HAPROXY, haproxyInstalled, startLoadBalancer, type LoadBalancer } from '../../../scripts/loadBalancer';
import { openStore } from '../../../server/storage/index';
import { connect, keepTyping, seedDraft, seedText, synced, textJSON, typeInto, until } from '../../helpers/collab';
import { REDIS_TEST_URL, redisGate, startChildInstance, uniquePrefix } from '../../helpers/cluster';
import { freePort } from '../../helpers/ownServices';
import { createTestDatabase, postgresGate, postgresRequired } from '../../helpers/postgres';

const SUITE = 'load balancer';
const gate = await postgresGate(SUITE);
const services = gate.run && (await redisGate(SUITE));
const haproxy = haproxyInstalled();
if (!haproxy && (process.env.CI === 'true' || postgresRequired())) throw new Error(`${SUITE}: ${HAPROXY} is missing on CI: install haproxy`);
if (!haproxy) console.warn(`[${SUITE}] SKIPPED: ${HAPROXY} is not installed (apt-get install haproxy)`);

type Client = ReturnType<typeof connect>;
const json = (c: Client) => JSON.stringify(textJSON(c.doc));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!services || !haproxy)('two instances behind HAProxy', () => {
  it('spreads clients over both; after kill -9 of one they reconnect through it by themselves; nothing seen is lost', async () => {
    const db = await createTestDatabase('penholder_lb');
    const store = await openStore({ dataDir: '', databaseUrl: db.url });
    const { draftId, users } = await seedDraft(store).finally(() => store.close());
    const env = { databaseUrl: db.url, redisUrl: REDIS_TEST_URL, prefix: uniquePrefix() };
    const a = await startChildInstance(env);
    const b = await startChildInstance(env);
    const [port, statsPort] = [await freePort(), await freePort()];
    const via = `ws://127.0.0.1:${port}/collab`;
    let lb: LoadBalancer | undefined;
    const clients: Client[] = [];
    const seen: Uint8Array[] = [];
    try {
      lb = await startLoadBalancer({ port, statsPort, backends: [a.port, b.port] });
      for (const t of [users.sponsor.token, users.secretariat.token, users.sponsor2.token, users.sponsor.token]) clients.push(connect(via, draftId, t));
      clients.forEach((c) => c.doc.on('update', (u: Uint8Array, origin: unknown) => origin === c.provider && seen.push(u)));
      await Promise.all(clients.map((c) => synced(c.provider)));
      // Round robin: two connections each.
      expect((await backendStats(statsPort)).map((s) => s.sessions)).toEqual([2, 2]);
      seedText(clients[0]!.doc);
      await until(() => clients.every((c) => c.doc.getXmlFragment('prosemirror').length > 0), 5_000, 'seed');

      const stopTyping = keepTyping(
        clients.map((c) => c.doc),
        (i) => 3 + i,
      );
      await pause(300 + Math.random() * 400);
      await a.kill9();
      // Keep typing while the dead instance's clients find their way back.
      await pause(500);
      await stopTyping();
      expect(seen.length).toBeGreaterThan(0);

      // Nobody moved anyone: the providers reconnect to the balancer's address on their own.
      await until(() => clients.every((c) => c.provider.wsconnected && c.provider.synced), 15_000, 'everyone reconnected');
      clients.forEach((c, i) => typeInto(c.doc, 1, 0, `after-${i} `));
      const probe = connect(via, draftId, users.observer.token);
      await synced(probe.provider, 10_000);
      const all = [...clients, probe];
      await until(() => all.every((c) => json(c) === json(probe)) && clients.every((_, i) => json(probe).includes(`after-${i} `)), 15_000, 'convergence');
      const final = Y.snapshot(probe.doc);
      for (const u of seen) expect(Y.snapshotContainsUpdate(final, u)).toBe(true);

      // The health check takes the dead instance out (two failed checks, 500 ms apart).
      let stats = await backendStats(statsPort);
      await until(async () => (stats = await backendStats(statsPort)).map((s) => s.up).join() === 'false,true', 5_000, 'A marked down');
      // The two clients that were on A, and the probe, came in through B.
      expect(stats[1]!.sessions).toBeGreaterThanOrEqual(5);
      probe.provider.destroy();
    } finally {
      for (const c of clients) c.provider.destroy();
      await lb?.stop();
      await a.kill9();
      await b.kill9();
      await db.drop();
    }
  }, 60_000);
});
