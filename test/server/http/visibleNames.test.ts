/**
 * Names and titles a reader cannot see are refused at every route that takes one (users,
 * delegations, sessions and their bodies, drafts; and a session's place, a draft's agenda
 * item) with 400 validation_failed, and nothing is stored; a name with a control
 * character inside is refused too. The rule is
 * shared/visibleText.ts, applied by server/http/validate.ts.
 */
import { beforeAll, expect, it } from 'vitest';
import { makeDelegation, makeSession, makeUser, TEST_PASSWORD, uniqueTag } from '../../helpers/factories';
import { call, loginAs, type SignedIn } from '../../helpers/server';
import { describeOnBackends } from './backends';
import { snapshot } from './snapshot';

// Each shows nothing, or carries a character no name may hold.
const INVISIBLE: [string, string][] = [
  ['a zero-width space', '\u200B'],
  ['zero-width and format characters', '\u200C\u200D\u2060\uFEFF\u00AD'],
  ['spaces around a zero-width space', '  \u200B  '],
  ['a NUL', '\u0000'],
  ['bidi controls', '\u202E\u2066\u200F'],
  ['a NUL inside a name', 'Chi\u0000le'],
  ['an escape sequence inside a name', 'Chile\u001B[2J'],
  ['a right-to-left override inside a title', 'Draft \u202Eexe.txt'],
];

await describeOnBackends('names and titles a reader can see', ({ server }) => {
  let officer: SignedIn;
  let userId: string;
  let delegationId: string;
  let sessionId: string;
  beforeAll(async () => {
    const s = server().store;
    officer = await loginAs(server(), (await makeUser(s, 'secretariat')).login, TEST_PASSWORD);
    userId = (await makeUser(s, 'chair')).id;
    delegationId = (await makeDelegation(s)).id;
    sessionId = (await makeSession(s)).session.id;
  });

  // One request per route that takes a name or a title, with `bad` in it.
  const requests = (bad: string): [string, string, string, unknown][] => [
    ['new user name', 'POST', '/api/users', { login: `u-${uniqueTag()}@test`, displayName: bad, role: 'chair' }],
    ['user name', 'PATCH', `/api/users/${userId}`, { displayName: bad }],
    ['user login', 'POST', '/api/users', { login: `u${bad}x@test`, displayName: 'A. Person', role: 'chair' }],
    ['new delegation name', 'POST', '/api/delegations', { code: `X${uniqueTag().slice(0, 8)}`, name: { en: bad, zh: '智利' }, kind: 'member' }],
    ['delegation name', 'PATCH', `/api/delegations/${delegationId}`, { name: { en: 'Chile', zh: bad } }],
    ['session title', 'POST', '/api/sessions', sessionBody({ title: { en: bad, zh: '第三十二届会议' } })],
    ['body name', 'POST', '/api/sessions', sessionBody({ body: { name: { en: 'Commission', zh: bad } } })],
    ['draft title', 'POST', `/api/sessions/${sessionId}/drafts`, { kind: 'resolution', title: { en: bad, zh: '草案' }, agendaItem: '4' }],
    // Not names, but printed beside them (a NUL here was a 500 on PostgreSQL; symbol prefixes
    // have the domain's own rule, shared/symbols.ts).
    ['session place', 'POST', '/api/sessions', sessionBody({ place: bad })],
    ['agenda item', 'POST', `/api/sessions/${sessionId}/drafts`, { kind: 'resolution', title: { en: 'Draft', zh: '草案' }, agendaItem: bad }],
  ];

  it.each(INVISIBLE)('refuses %s in every name and title with 400 validation_failed, and stores nothing', async (_, bad) => {
    const before = await snapshot(server().store);
    for (const [what, method, path, body] of requests(bad)) {
      const res = await call(server(), method, path, { cookie: officer.cookie, body });
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.id, what).toBe('validation_failed');
    }
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('takes names with joiners and marks inside visible text, as Persian, Arabic and emoji need', async () => {
    const persian = { en: 'Iran (Islamic Republic of)', zh: 'می\u200Cخواهم' };
    const res = await call(server(), 'POST', '/api/delegations', { cookie: officer.cookie, body: { code: `X${uniqueTag().slice(0, 8)}`, name: persian, kind: 'member' } });
    expect(res.status).toBe(201);
    expect(res.body.name).toEqual(persian);
    const renamed = await call(server(), 'PATCH', `/api/users/${userId}`, { cookie: officer.cookie, body: { displayName: 'مصر\u200F delegate' } });
    expect(renamed.status).toBe(200);
  });
});

function sessionBody(extra: Record<string, unknown>) {
  return {
    body: { name: { en: 'Commission on Crime Prevention', zh: '预防犯罪委员会' } },
    number: 32,
    title: { en: 'Thirty-second session', zh: '第三十二届会议' },
    symbolPrefix: `E/CN.15/T${uniqueTag()}`,
    place: 'Vienna',
    opens: '2023-05-22',
    closes: '2023-05-26',
    ...extra,
  };
}
