/**
 * A real Penholder server for test suites: port 0 on 127.0.0.1, a temporary DATA_DIR (SQLite)
 * or a given PostgreSQL database, and small clients to sign in and call the API.
 *
 *   const server = await startTestServer();
 *   const { cookie } = await loginAs(server, 'secretariat@test', TEST_PASSWORD);
 *   const res = await call(server, 'GET', '/api/sessions', { cookie });
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPenholder, type Penholder } from '../../server/app';
import type { CollabOptions } from '../../server/collab';
import { defaultConfig, type Config } from '../../server/config';
import type { Store } from '../../server/storage/types';

/** A running test server. */
export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `ws://127.0.0.1:PORT` */
  wsUrl: string;
  port: number;
  store: Store;
  penholder: Penholder;
  config: Config;
  /** Faults the server logged (500s), for tests that check nothing leaks to the client. */
  logs: { message: string; err: unknown }[];
  close(): Promise<void>;
}

/** Options of a test server. */
export interface TestServerOptions {
  /** Use this PostgreSQL database instead of a temporary SQLite file. */
  databaseUrl?: string;
  collab?: Partial<CollabOptions>;
  /** Seed the demo (with fixed passwords, see server/demo/accounts.ts). */
  seedDemo?: boolean;
  /** Configuration overrides (body limit, session lifetimes, Secure cookies, REDIS_URL). */
  config?: Partial<Config>;
  /** Redis fan-out options besides the URL (a channel prefix of the test's own on a shared Redis). */
  fanout?: { prefix?: string };
}

/** Start a server on port 0; close it in afterAll/afterEach. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'penholder-test-'));
  const config: Config = { ...defaultConfig, port: 0, host: '127.0.0.1', dataDir, databaseUrl: opts.databaseUrl ?? null, ...opts.config };
  const logs: TestServer['logs'] = [];
  const penholder = await createPenholder(config, {
    collab: opts.collab,
    fanout: opts.fanout,
    seed: opts.seedDemo,
    demoPasswords: 'fixed',
    log: (message, err) => logs.push({ message, err }),
  });
  const { port } = await penholder.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    store: penholder.store,
    penholder,
    config,
    logs,
    async close() {
      await penholder.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** An answer of the API: status, parsed JSON body (null when empty), headers. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** How to call: with a session cookie, a bearer token, or neither; a JSON body or raw bytes. */
export interface CallOptions {
  cookie?: string;
  token?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  body?: unknown;
  /** Sent as is (set the content type yourself in `headers`). */
  raw?: string;
  headers?: Record<string, string>;
}

/** Call the API of a test server. */
export async function call<T = any>(server: Pick<TestServer, 'url'>, method: string, urlPath: string, opts: CallOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  Object.assign(headers, opts.headers);
  const res = await fetch(server.url + urlPath, {
    method,
    headers,
    body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  });
  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

/** A signed-in client: the `Cookie` header value, a bearer token, and the user as /me shows it. */
export interface SignedIn {
  cookie: string;
  token: string;
  user: { id: string; login: string; displayName: string; role: string; delegationId: string | null };
}

/** Sign in through the API and get both a cookie and a bearer token; throws on refusal. */
export async function loginAs(server: Pick<TestServer, 'url'>, login: string, password: string): Promise<SignedIn> {
  const res = await call(server, 'POST', '/api/auth/login', { body: { login, password } });
  if (res.status !== 200) throw new Error(`login as ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const [cookie = ''] = setCookie.split(';'); // split always gives at least one part
  const token = await call(server, 'POST', '/api/auth/token', { cookie, body: {} });
  if (token.status !== 201) throw new Error(`token for ${login} failed: ${token.status} ${JSON.stringify(token.body)}`);
  return { cookie, token: token.body.token, user: res.body };
}
