import { beforeAll, expect, it } from 'vitest';
import { makeDelegation, makeUser, TEST_PASSWORD, uniqueTag } from '../../helpers/factories';
import { call, loginAs, type SignedIn } from '../../helpers/server';
import { describeOnBackends } from './backends';
import { snapshot } from './snapshot';

await describeOnBackends('delegations routes', ({ server }) => {
  let officer: SignedIn;
  let chair: SignedIn;
  let delegate: SignedIn;
  beforeAll(async () => {
    const s = server().store;
    const d = await makeDelegation(s, { en: 'Zimbabwe', zh: '津巴布韦' });
    officer = await loginAs(server(), (await makeUser(s, 'secretariat')).login, TEST_PASSWORD);
    chair = await loginAs(server(), (await makeUser(s, 'chair')).login, TEST_PASSWORD);
    delegate = await loginAs(server(), (await makeUser(s, 'delegate', { delegationId: d.id })).login, TEST_PASSWORD);
  });

  it('lets the secretariat add a delegation, listed in English alphabetical order for everyone', async () => {
    const code = `P${uniqueTag()}`.slice(0, 12);
    const res = await call(server(), 'POST', '/api/delegations', {
      cookie: officer.cookie,
      body: { code, name: { en: 'State of Palestine', zh: '巴勒斯坦国' }, kind: 'observer' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), code, name: { en: 'State of Palestine', zh: '巴勒斯坦国' }, kind: 'observer' });
    await makeDelegation(server().store, { en: 'Saudi Arabia', zh: '沙特阿拉伯' });
    await makeDelegation(server().store, { en: 'Sudan', zh: '苏丹' });
    const list = await call(server(), 'GET', '/api/delegations', { cookie: delegate.cookie });
    const names: string[] = list.body.map((d: { name: { en: string } }) => d.name.en);
    expect(names.indexOf('Saudi Arabia')).toBeLessThan(names.indexOf('State of Palestine'));
    expect(names.indexOf('State of Palestine')).toBeLessThan(names.indexOf('Sudan'));
    expect(names.indexOf('Sudan')).toBeLessThan(names.indexOf('Zimbabwe'));
  });

  it('takes a name in any of the six languages, at least one, and no other language', async () => {
    const code = `N${uniqueTag()}`.slice(0, 12);
    const name = { ar: 'دولة فلسطين', fr: 'État de Palestine' };
    const res = await call(server(), 'POST', '/api/delegations', { cookie: officer.cookie, body: { code, name, kind: 'observer' } });
    expect(res.status).toBe(201);
    expect(res.body.name).toEqual(name);
    const listed = (await call(server(), 'GET', '/api/delegations', { cookie: delegate.cookie })).body.find((d: { code: string }) => d.code === code);
    expect(listed.name).toEqual(name);
    const before = await snapshot(server().store);
    for (const bad of [{}, { de: 'Staat Palästina' }, { fr: 'État de Palestine', en: '' }]) {
      const refused = await call(server(), 'POST', '/api/delegations', { cookie: officer.cookie, body: { code: `M${uniqueTag()}`.slice(0, 12), name: bad, kind: 'observer' } });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error.id).toBe('validation_failed');
    }
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('refuses chairs and delegates (403), stores nothing', async () => {
    const before = await snapshot(server().store);
    for (const who of [chair, delegate]) {
      const res = await call(server(), 'POST', '/api/delegations', { cookie: who.cookie, body: { code: 'XYZ', name: { en: 'X', zh: 'X' }, kind: 'member' } });
      expect(res.status).toBe(403);
    }
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('validates (400) and refuses a code in use (409)', async () => {
    for (const body of [{}, { code: 'chl', name: { en: 'Chile', zh: '智利' }, kind: 'member' }, { code: 'CHL', name: { en: 'Chile', zh: '智利' }, kind: 'country' }]) {
      const res = await call(server(), 'POST', '/api/delegations', { cookie: officer.cookie, body });
      expect(res.status).toBe(400);
    }
    const code = `C${uniqueTag()}`.slice(0, 12);
    const body = { code, name: { en: 'Chile', zh: '智利' }, kind: 'member' };
    expect((await call(server(), 'POST', '/api/delegations', { cookie: officer.cookie, body })).status).toBe(201);
    const before = await snapshot(server().store);
    const duplicate = await call(server(), 'POST', '/api/delegations', { cookie: officer.cookie, body });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.id).toBe('conflict');
    expect(await snapshot(server().store)).toEqual(before);
  });
});
