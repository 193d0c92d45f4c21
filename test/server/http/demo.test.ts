/** The server started as `npm start` starts it: the demo seeded into an empty store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPenholder } from '../../../server/app';
import { call, loginAs, startTestServer, type TestServer } from '../../helpers/server';

describe('a server with the demo', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('returns the demo accounts it created, and they can sign in', async () => {
    const accounts = server.penholder.demoAccounts!;
    expect(accounts.map((a) => a.role)).toEqual(expect.arrayContaining(['secretariat', 'chair', 'delegate']));
    for (const a of accounts.slice(0, 3)) {
      const { user } = await loginAs(server, a.login, a.password);
      expect(user.role).toBe(a.role);
    }
  });

  it("lists the session's drafts with their symbols, statuses and sponsors", async () => {
    const officer = server.penholder.demoAccounts!.find((a) => a.role === 'secretariat')!;
    const { cookie } = await loginAs(server, officer.login, officer.password);
    const sessions = await call(server, 'GET', '/api/sessions', { cookie });
    expect(sessions.status).toBe(200);
    const cop = sessions.body.find((s: { symbolPrefix: string }) => s.symbolPrefix === 'CTOC/COP/2022');
    expect(cop).toBeDefined();
    const drafts = await call(server, 'GET', `/api/sessions/${cop.id}/drafts`, { cookie });
    expect(drafts.status).toBe(200);
    expect(drafts.body.length).toBeGreaterThanOrEqual(8);
    for (const d of drafts.body) {
      expect(d.symbol).toMatch(/^CTOC\/COP\/2022\/L\.\d+(\/Rev\.\d+)?$/);
      expect(d.status.label.en).toEqual(expect.any(String));
    }
    const l9 = drafts.body.find((d: { lNumber: number }) => d.lNumber === 9);
    expect(l9.status.state).toBe('deferred');
    const page = await call(server, 'GET', `/api/drafts/${l9.id}`, { cookie });
    expect(page.status).toBe(200);
    expect(page.body.lineage.map((l: { symbol: string }) => l.symbol)).toContain('CTOC/COP/2022/L.9/Rev.1');
  });

  it('does not seed twice: a second start on the same data keeps what is there', async () => {
    const usersBefore = await server.store.countUsers();
    const again = await createPenholder(server.config, { seed: true, demoPasswords: 'fixed', log: () => undefined });
    try {
      expect(again.demoAccounts).toBeNull();
      expect(await again.store.countUsers()).toBe(usersBefore);
    } finally {
      await again.close();
    }
  });
});
