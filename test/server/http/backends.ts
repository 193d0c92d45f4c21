/**
 * Run a server suite on each backend: SQLite always, PostgreSQL when it answers (or fail when
 * PENHOLDER_REQUIRE_POSTGRES=1), each with its own fresh server and database.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { createTestDatabase, postgresGate, type TestDatabase } from '../../helpers/postgres';
import { startTestServer, type TestServer, type TestServerOptions } from '../../helpers/server';

/** What a suite body gets: the running server (after beforeAll) and the backend's name. */
export interface BackendContext {
  kind: 'sqlite' | 'postgres';
  server(): TestServer;
}

/** `describe` the suite once per available backend. Call at the top level with `await`. */
export async function describeOnBackends(suite: string, body: (ctx: BackendContext) => void, options: Omit<TestServerOptions, 'databaseUrl'> = {}): Promise<void> {
  const gate = await postgresGate(suite);
  const kinds: BackendContext['kind'][] = gate.run ? ['sqlite', 'postgres'] : ['sqlite'];
  describe.each(kinds)(`${suite} (%s)`, (kind) => {
    let server: TestServer | undefined;
    let db: TestDatabase | undefined;
    beforeAll(async () => {
      if (kind === 'postgres') db = await createTestDatabase('penholder_http');
      server = await startTestServer({ ...options, databaseUrl: db?.url });
    });
    afterAll(async () => {
      await server?.close();
      await db?.drop();
    });
    body({
      kind,
      server: () => {
        if (!server) throw new Error('the test server is not started yet (use it inside a test or hook)');
        return server;
      },
    });
  });
}
