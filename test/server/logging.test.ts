/**
 * Secrets never reach the logs: the redactor on its own, then a real server driven through every
 * path that handles a secret (sign-in, failed sign-in, tokens in headers and URLs, sockets,
 * reset codes, password changes) with faults forced on the way, and every captured log line
 * searched for each secret.
 */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { redact, redactValue } from '../../server/logging';
import { makeUser, makeWorld, TEST_PASSWORD } from '../helpers/factories';
import { call, loginAs, startTestServer } from '../helpers/server';

describe('the redactor', () => {
  it('masks cookies, bearer tokens, token and code parameters, password fields and hashes', () => {
    const text = [
      'Cookie: ph_session=AbCdEf0123456789abcdef0123456789',
      'Authorization: Bearer s3cr3tT0k3nValue_abcdefgh',
      'GET /api/sessions?token=QUERYtoken123456789&x=1',
      'POST /reset#code=RESETcode0123456789',
      '{"login":"a@b","password":"hunter2 is long","newPassword":"another one"}',
      'scrypt$32768$8$1$c2FsdA==$aGFzaA==',
    ].join('\n');
    const out = redact(text);
    for (const secret of ['AbCdEf0123456789', 's3cr3tT0k3nValue', 'QUERYtoken', 'RESETcode', 'hunter2', 'another one', 'aGFzaA==']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('a@b');
    expect(out).toContain('x=1');
  });

  it('masks secret-named fields of errors and objects, and keeps harmless codes', () => {
    const err = Object.assign(new Error('failed for Bearer abcdefghijklmnop'), {
      code: 'ECONNREFUSED',
      headers: { authorization: 'Bearer abc', cookie: 'ph_session=xyz' },
      password: 'pw',
    });
    const out = JSON.stringify(redactValue(err));
    expect(out).not.toMatch(/abcdefghijklmnop|xyz|"pw"/);
    expect(out).toContain('ECONNREFUSED');
  });
});

describe("a server's logs", () => {
  it('never show a password, session id, token or reset code, whatever happens', async () => {
    const server = await startTestServer();
    const captured: string[] = [];
    const original = console.error;
    const originalWarn = console.warn;
    console.error = (...args: unknown[]) => captured.push(args.map(String).join(' '));
    console.warn = console.error;
    try {
      const w = await makeWorld(server.store);
      const officer = await loginAs(server, w.users.secretariat.login, TEST_PASSWORD);
      const u = await makeUser(server.store, 'chair');
      const signedIn = await loginAs(server, u.login, TEST_PASSWORD);
      await call(server, 'POST', '/api/auth/login', { body: { login: u.login, password: 'a wrong but secret password' } });
      const reset = await call(server, 'POST', `/api/users/${u.id}/password-reset`, { cookie: officer.cookie, body: {} });
      await call(server, 'POST', '/api/auth/reset', { body: { code: reset.body.code, newPassword: 'the brand new secret' } });
      const again = await loginAs(server, u.login, 'the brand new secret');
      await call(server, 'POST', '/api/auth/password', { cookie: again.cookie, body: { currentPassword: 'the brand new secret', newPassword: 'yet another secret' } });
      const ws = new WebSocket(`${server.wsUrl}/collab/${w.draft.id}?token=${officer.token}`);
      await new Promise((r) => ws.once('open', r));
      ws.send(Buffer.from([0xff, 0xff, 0xff]), { binary: true }); // malformed: closed, maybe logged
      await new Promise((r) => ws.once('close', r));

      // Faults on the way: the store fails while the request carries every kind of secret.
      server.store.listSessions = async () => {
        throw Object.assign(new Error(`query failed; request had Cookie: ${officer.cookie} and ?token=${officer.token}`), { password: TEST_PASSWORD });
      };
      await call(server, 'GET', `/api/sessions?token=${officer.token}`);
      await call(server, 'GET', '/api/sessions', { cookie: officer.cookie });
      await call(server, 'GET', '/api/sessions', { token: signedIn.token });

      const logged = [...captured, ...server.logs.map((l) => `${l.message} ${JSON.stringify(l.err)}`)].join('\n');
      expect(server.logs.length).toBeGreaterThanOrEqual(2);
      const secrets = [
        TEST_PASSWORD,
        'a wrong but secret password',
        'the brand new secret',
        'yet another secret',
        officer.cookie.split('=')[1]!,
        officer.token,
        signedIn.token,
        signedIn.cookie.split('=')[1]!,
        reset.body.code,
      ];
      for (const secret of secrets) expect(logged, `a secret leaked: ${secret.slice(0, 6)}…`).not.toContain(secret);
    } finally {
      console.error = original;
      console.warn = originalWarn;
      await server.close();
    }
  });
});
