/**
 * Helpers for cluster tests: Redis for test suites (reachable, required, skipped), a Penholder
 * collaboration instance on a PostgreSQL database with the Redis fan-out (in-process, or as a
 * child process that can be killed), and a unique channel prefix so that suites share a Redis.
 */
import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { authenticateRequest } from '../../server/auth/authenticate';
import { attachCollaboration, type Collaboration, type CollabOptions } from '../../server/collab/index';
import { RedisFanout, type RedisFanoutOptions } from '../../server/collab/redisFanout';
import { openStore } from '../../server/storage/index';
import type { Store } from '../../server/storage/types';
import type { Config } from '../../server/config';
import { makeWorld, type World } from './factories';
import { createTestDatabase, postgresRequired, type TestDatabase } from './postgres';
import { quietLog } from './collab';
import { startTestServer, type TestServer } from './server';

/** The Redis that non-fault suites share (override with PENHOLDER_TEST_REDIS_URL). */
export const REDIS_TEST_URL = process.env.PENHOLDER_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A channel prefix of one's own on a shared Redis. */
export function uniquePrefix(): string {
  return `penholder-test-${randomBytes(6).toString('hex')}:`;
}

/** Why Redis cannot be used, or null when it answers PING. */
export async function redisUnavailableReason(url = REDIS_TEST_URL): Promise<string | null> {
  const r = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (e) {
    return `Redis unreachable at ${url}: ${(e as Error).message}`;
  } finally {
    r.disconnect();
  }
}

/** Whether cluster suites run: Redis must answer where PostgreSQL is required (CI starts both). */
export async function redisGate(suite: string): Promise<boolean> {
  const reason = await redisUnavailableReason();
  if (reason === null) return true;
  if (postgresRequired()) throw new Error(`${suite}: PENHOLDER_REQUIRE_POSTGRES=1 and the cluster suites need Redis, but ${reason}`);
  console.warn(`[${suite}] cluster suites SKIPPED: ${reason}`);
  return false;
}

/** One Penholder collaboration instance in this process. */
export interface Instance {
  wsUrl: string;
  port: number;
  store: Store;
  collab: Collaboration;
  fanout: RedisFanout;
  close(): Promise<void>;
}

/** Start an instance on `databaseUrl` with the Redis fan-out. */
export async function startInstance(o: { databaseUrl: string; fanout: Omit<RedisFanoutOptions, 'log'>; options?: Partial<CollabOptions>; port?: number }): Promise<Instance> {
  const store = await openStore({ dataDir: '', databaseUrl: o.databaseUrl });
  const fanout = new RedisFanout({ catchUpEveryMs: 500, log: quietLog, ...o.fanout });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const collab = attachCollaboration(server, {
    store,
    fanout,
    authenticate: (req) => authenticateRequest(store, req),
    options: { log: quietLog, storageRetryMs: 200, ...o.options },
  });
  await new Promise<void>((r) => server.listen(o.port ?? 0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    store,
    collab,
    fanout,
    async close() {
      await collab.close().catch(() => undefined);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await store.close().catch(() => undefined);
    },
  };
}

/** Two instances on one fresh PostgreSQL database and the test Redis (a prefix of their own), ready to hear each other. */
export interface InstancePair {
  db: TestDatabase;
  a: Instance;
  b: Instance;
  close(): Promise<void>;
}

/** Start two instances on a fresh database named after `database`. */
export async function startInstancePair(database: string): Promise<InstancePair> {
  const db = await createTestDatabase(database);
  const prefix = uniquePrefix();
  const a = await startInstance({ databaseUrl: db.url, fanout: { url: REDIS_TEST_URL, prefix } });
  const b = await startInstance({ databaseUrl: db.url, fanout: { url: REDIS_TEST_URL, prefix } });
  await Promise.all([a.fanout.ready(), b.fanout.ready()]);
  return {
    db,
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      await db.drop();
    },
  };
}

/** An instance in a child process (for kill -9). */
export interface ChildInstance {
  proc: ChildProcess;
  port: number;
  wsUrl: string;
  /** SIGKILL, resolving once it is gone. */
  kill9(): Promise<void>;
}

/** Start `test/helpers/clusterProcess.ts` on a database, a Redis and a channel prefix. */
export async function startChildInstance(env: { databaseUrl: string; redisUrl: string; prefix: string }): Promise<ChildInstance> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/clusterProcess.ts'], {
    env: { ...process.env, DATABASE_URL: env.databaseUrl, REDIS_URL: env.redisUrl, CHANNEL_PREFIX: env.prefix },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('instance did not start')), 20_000);
    createInterface({ input: proc.stdout! }).once('line', (l) => {
      clearTimeout(t);
      resolve(l);
    });
    proc.once('exit', (code) => reject(new Error(`instance exited ${code}`)));
  });
  const { port } = JSON.parse(line) as { port: number };
  return {
    proc,
    port,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    kill9: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGKILL');
      }),
  };
}

/** Two whole Penholder servers on one fresh PostgreSQL database and the test Redis, as behind a load balancer. */
export interface TwoServers {
  db: TestDatabase;
  a: TestServer;
  b: TestServer;
  /** A session, a draft and its users, made through `a`. */
  world: World;
  close(): Promise<void>;
}

/** Start two servers configured as `npm start` with DATABASE_URL and REDIS_URL (plus `config`). */
export async function startTwoServers(database: string, config: Partial<Config> = {}): Promise<TwoServers> {
  const db = await createTestDatabase(database);
  const prefix = uniquePrefix();
  const opts = { databaseUrl: db.url, config: { redisUrl: REDIS_TEST_URL, ...config }, fanout: { prefix } };
  const a = await startTestServer(opts);
  const b = await startTestServer(opts);
  return {
    db,
    a,
    b,
    world: await makeWorld(a.store),
    async close() {
      await a.close();
      await b.close();
      await db.drop();
    },
  };
}
