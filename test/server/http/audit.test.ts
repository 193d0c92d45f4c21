/**
 * The audit record, on both backends: sign-ins, failed sign-ins, refusals, account changes and
 * actions on drafts each leave an entry with who, when, from where and what; only the
 * secretariat reads it, filtered; and nothing can change an entry afterwards.
 */
import { beforeAll, expect, it } from 'vitest';
import { AuditActions } from '../../../shared/audit';
import { makeWorld, TEST_PASSWORD, type World } from '../../helpers/factories';
import { call, loginAs, type SignedIn } from '../../helpers/server';
import { describeOnBackends } from './backends';

await describeOnBackends('the audit record', ({ server, kind }) => {
  let w: World;
  let officer: SignedIn;
  let sponsor: SignedIn;
  const started = new Date(Date.now() - 1_000).toISOString();
  beforeAll(async () => {
    w = await makeWorld(server().store);
    officer = await loginAs(server(), w.users.secretariat.login, TEST_PASSWORD);
    sponsor = await loginAs(server(), w.users.sponsor.login, TEST_PASSWORD);
    await call(server(), 'POST', '/api/auth/login', { body: { login: w.users.nonSponsor.login, password: 'wrong password' } });
    await call(server(), 'POST', '/api/users', { cookie: sponsor.cookie, body: { login: 'x-audit@t', displayName: 'X', role: 'chair' } });
    await call(server(), 'PATCH', `/api/users/${w.users.third.id}`, { cookie: officer.cookie, body: { displayName: 'Third, renamed' } });
    await call(server(), 'POST', `/api/drafts/${w.draft.id}/sponsors`, { cookie: officer.cookie, body: { delegationId: w.delegations.other.id, date: '2022-10-19' } });
  });
  const read = (query: string, who = officer) => call(server(), 'GET', `/api/audit${query}`, { cookie: who.cookie });

  it('records sign-ins and failed sign-ins with who, when and from where', async () => {
    const res = await read(`?action=auth&from=${started}`);
    expect(res.status).toBe(200);
    const signIn = res.body.find((e: any) => e.action === AuditActions.signIn && e.userId === w.users.sponsor.id);
    expect(signIn).toMatchObject({ login: w.users.sponsor.login, target: w.users.sponsor.id });
    expect(signIn.ip).toMatch(/127\.0\.0\.1/);
    expect(Date.parse(signIn.at)).toBeGreaterThan(Date.parse(started));
    const failed = res.body.find((e: any) => e.action === AuditActions.signInFailed);
    expect(failed).toMatchObject({ userId: null, login: w.users.nonSponsor.login });
    expect(JSON.stringify(res.body)).not.toContain('wrong password');
  });

  it('records permission refusals, account changes and actions on drafts', async () => {
    const refused = (await read(`?action=${AuditActions.permissionRefused}&user=${w.users.sponsor.id}`)).body;
    expect(refused[0]).toMatchObject({ userId: w.users.sponsor.id, detail: { method: 'POST', path: '/users', id: 'forbidden' } });
    const changed = (await read(`?action=${AuditActions.userUpdated}`)).body;
    expect(changed[0]).toMatchObject({ userId: w.users.secretariat.id, target: w.users.third.id, detail: { displayName: { to: 'Third, renamed' } } });
    const acted = (await read(`?action=draft&user=${w.users.secretariat.id}`)).body;
    expect(acted[0]).toMatchObject({ action: AuditActions.draftAction, target: w.draft.id, detail: { method: 'POST', path: `/drafts/${w.draft.id}/sponsors`, status: 201 } });
  });

  it('says each entry in words: names for ids, the change as "from → to", never raw JSON', async () => {
    const officerName = w.users.secretariat.displayName;
    const changed = (await read(`?action=${AuditActions.userUpdated}`)).body[0];
    expect(changed).toMatchObject({ label: 'Changed an account', about: 'Third, renamed' });
    expect(changed.who).toContain(officerName);
    expect(changed.summary).toMatch(/^display name: .+ → Third, renamed$/);
    const acted = (await read(`?action=draft&user=${w.users.secretariat.id}`)).body[0];
    expect(acted.label).toBe('Acted on a draft');
    expect(acted.summary).toBe('added a sponsor');
    expect(acted.about).toMatch(/\/L\.\d+$/); // the draft's symbol, not its id
    const failed = (await read(`?action=${AuditActions.signInFailed}`)).body[0];
    expect(failed.who).toBe(`nobody signed in (typed: ${w.users.nonSponsor.login})`);
    const refused = (await read(`?action=${AuditActions.permissionRefused}&user=${w.users.sponsor.id}`)).body[0];
    expect(refused.summary).toContain('(POST /users)');
    for (const e of (await read('?limit=1000')).body) {
      expect(e.summary).not.toMatch(/[{}"]/);
      // Every id the store knows is shown by its name.
      if (e.target === w.draft.id || e.target === w.users.sponsor.id) expect(e.about).not.toBe(e.target);
    }
  });

  it('filters by user, action and dates, newest first', async () => {
    const all = (await read('?limit=1000')).body;
    expect(all.map((e: any) => e.seq)).toEqual([...all.map((e: any) => e.seq)].sort((a: number, b: number) => b - a));
    const mine = (await read(`?user=${w.users.secretariat.id}`)).body;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e: any) => e.userId === w.users.secretariat.id)).toBe(true);
    expect((await read('?to=2000-01-01')).body).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await read(`?from=${today}&to=${today}`)).body.length).toBeGreaterThan(0);
    expect((await read('?action=auth.sign_in&limit=1')).body).toHaveLength(1);
    expect((await read('?action=DROP TABLE')).status).toBe(400);
    expect((await read('?from=yesterday')).status).toBe(400);
  });

  it('is read by the secretariat alone', async () => {
    expect((await read('', sponsor)).status).toBe(403);
    expect((await call(server(), 'GET', '/api/audit')).status).toBe(401);
  });

  it(`keeps entries append-only in the database itself (${kind})`, async () => {
    const [entry] = await server().store.listAudit({ limit: 1 });
    const conn = (server().store as unknown as { conn: { run(sql: string, p: unknown[]): Promise<number> } }).conn;
    await expect(conn.run('UPDATE audit_entries SET action = ? WHERE seq = ?', ['forged', entry!.seq])).rejects.toThrow(/append-only/);
    await expect(conn.run('DELETE FROM audit_entries WHERE seq = ?', [entry!.seq])).rejects.toThrow(/append-only/);
  });
});
