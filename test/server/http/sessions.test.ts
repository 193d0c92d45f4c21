import { beforeAll, expect, it } from 'vitest';
import { makeDelegation, makeUser, TEST_PASSWORD, uniqueTag } from '../../helpers/factories';
import { call, loginAs, type SignedIn } from '../../helpers/server';
import { describeOnBackends } from './backends';
import { snapshot } from './snapshot';

const sessionBody = (prefix: string, extra: Record<string, unknown> = {}) => ({
  body: { name: { en: 'Commission on Crime Prevention', zh: '预防犯罪委员会' } },
  number: 32,
  title: { en: 'Thirty-second session', zh: '第三十二届会议' },
  symbolPrefix: prefix,
  place: 'Vienna',
  opens: '2023-05-22',
  closes: '2023-05-26',
  ...extra,
});

await describeOnBackends('sessions routes', ({ server }) => {
  let officer: SignedIn;
  let chair: SignedIn;
  let delegate: SignedIn;
  beforeAll(async () => {
    const s = server().store;
    const d = await makeDelegation(s);
    officer = await loginAs(server(), (await makeUser(s, 'secretariat')).login, TEST_PASSWORD);
    chair = await loginAs(server(), (await makeUser(s, 'chair')).login, TEST_PASSWORD);
    delegate = await loginAs(server(), (await makeUser(s, 'delegate', { delegationId: d.id })).login, TEST_PASSWORD);
  });

  it('lets the secretariat open a session with a new body, and everyone read it', async () => {
    const prefix = `E/CN.15/T${uniqueTag()}`;
    const res = await call(server(), 'POST', '/api/sessions', { cookie: officer.cookie, body: sessionBody(prefix) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 32, symbolPrefix: prefix, place: 'Vienna', opens: '2023-05-22', closes: '2023-05-26' });
    expect(res.body.body.name.en).toBe('Commission on Crime Prevention');
    for (const who of [officer, chair, delegate]) {
      const one = await call(server(), 'GET', `/api/sessions/${res.body.id}`, { cookie: who.cookie });
      expect(one.status).toBe(200);
      expect(one.body).toEqual(res.body);
      const list = await call(server(), 'GET', '/api/sessions', { cookie: who.cookie });
      expect(list.body.map((x: { id: string }) => x.id)).toContain(res.body.id);
    }
  });

  it('takes names and titles in any of the six languages, and sends back those given', async () => {
    const body = sessionBody(`E/CN.15/T${uniqueTag()}`, {
      body: { name: { fr: 'Commission pour la prévention du crime', ar: 'لجنة منع الجريمة' } },
      title: { es: '32º período de sesiones' },
    });
    const res = await call(server(), 'POST', '/api/sessions', { cookie: officer.cookie, body });
    expect(res.status).toBe(201);
    expect(res.body.body.name).toEqual({ ar: 'لجنة منع الجريمة', fr: 'Commission pour la prévention du crime' });
    expect(res.body.title).toEqual({ es: '32º período de sesiones' });
    expect((await call(server(), 'GET', `/api/sessions/${res.body.id}`, { cookie: delegate.cookie })).body.title).toEqual({ es: '32º período de sesiones' });
  });

  it('opens a further session under an existing body', async () => {
    const first = await call(server(), 'POST', '/api/sessions', { cookie: officer.cookie, body: sessionBody(`E/CN.15/T${uniqueTag()}`) });
    const { body: _body, ...rest } = sessionBody(`E/CN.15/T${uniqueTag()}`, { number: 33 });
    const second = await call(server(), 'POST', '/api/sessions', { cookie: officer.cookie, body: { ...rest, bodyId: first.body.bodyId } });
    expect(second.status).toBe(201);
    expect(second.body.bodyId).toBe(first.body.bodyId);
  });

  it('refuses chairs and delegates (403) and stores nothing', async () => {
    const before = await snapshot(server().store);
    for (const who of [chair, delegate]) {
      const res = await call(server(), 'POST', '/api/sessions', { cookie: who.cookie, body: sessionBody(`E/CN.15/T${uniqueTag()}`) });
      expect(res.status).toBe(403);
      expect(res.body.error.id).toBe('forbidden');
    }
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('needs a signed-in user to read', async () => {
    expect((await call(server(), 'GET', '/api/sessions')).status).toBe(401);
    expect((await call(server(), 'POST', '/api/sessions', { body: sessionBody('X') })).status).toBe(401);
  });

  it('validates the body (400)', async () => {
    const prefix = `E/CN.15/T${uniqueTag()}`;
    const bad: Record<string, unknown>[] = [
      {},
      sessionBody(prefix, { number: 0 }),
      sessionBody(prefix, { number: '32' }),
      sessionBody(prefix, { opens: '2023-02-30' }),
      sessionBody(prefix, { title: {} }), // in no language
      sessionBody(prefix, { title: { de: 'Zweiunddreißigste Tagung' } }), // not one of the six
      sessionBody(prefix, { title: { en: 'Thirty-second session', fr: '   ' } }), // a language given blank
      sessionBody(prefix, { bodyId: 'b1' }), // both a body and a bodyId
      { ...sessionBody(prefix), body: undefined },
      sessionBody(prefix, { surprise: true }),
    ];
    for (const body of bad) {
      const res = await call(server(), 'POST', '/api/sessions', { cookie: officer.cookie, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.id).toBe('validation_failed');
    }
  });

  it('refuses a malformed symbol prefix or dates out of order (422), and a prefix in use (409)', async () => {
    const before = await snapshot(server().store);
    const malformed = await call(server(), 'POST', '/api/sessions', { cookie: officer.cookie, body: sessionBody('e/cn.15 2023') });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.id).toBe('refused');
    const order = await call(server(), 'POST', '/api/sessions', { cookie: officer.cookie, body: sessionBody(`E/T${uniqueTag()}`, { opens: '2023-05-26', closes: '2023-05-22' }) });
    expect(order.status).toBe(422);
    const unknownBody = { ...sessionBody(`E/T${uniqueTag()}`), body: undefined, bodyId: 'no-such-body' };
    expect((await call(server(), 'POST', '/api/sessions', { cookie: officer.cookie, body: unknownBody })).status).toBe(422);
    expect(await snapshot(server().store)).toEqual(before);

    const prefix = `E/CN.15/T${uniqueTag()}`;
    expect((await call(server(), 'POST', '/api/sessions', { cookie: officer.cookie, body: sessionBody(prefix) })).status).toBe(201);
    const again = await snapshot(server().store);
    const duplicate = await call(server(), 'POST', '/api/sessions', { cookie: officer.cookie, body: sessionBody(prefix) });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toEqual({ id: 'conflict', message: `the symbol prefix ${prefix} is already used by another session` });
    // The body created in the same transaction is rolled back with the session.
    expect(await snapshot(server().store)).toEqual(again);
  });
});
