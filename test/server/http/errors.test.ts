import { beforeAll, describe, expect, it } from 'vitest';
import { DraftFrozen, UniqueViolation } from '../../../server/storage/types';
import { HttpError, isStoreUnavailable, toHttpError } from '../../../server/http/errors';
import { makeUser, TEST_PASSWORD } from '../../helpers/factories';
import { call, loginAs, startTestServer, type SignedIn } from '../../helpers/server';
import { createTestDatabase, postgresGate } from '../../helpers/postgres';
import { describeOnBackends } from './backends';
import { snapshot } from './snapshot';

describe('toHttpError', () => {
  it('keeps HttpErrors, maps a unique violation to 409 and unknown faults to 500', () => {
    expect(toHttpError(new HttpError(422, 'refused', 'no')).status).toBe(422);
    expect(toHttpError(new UniqueViolation('drafts_session_l_number_key'))).toMatchObject({ status: 409, id: 'conflict' });
    const internal = toHttpError(new Error('SELECT * FROM users WHERE password_hash = …'));
    expect(internal).toMatchObject({ status: 500, id: 'internal_error' });
    expect(internal.message).not.toMatch(/SELECT|users/);
  });

  it('maps the update log refusing a frozen draft to 403', () => {
    expect(toHttpError(new DraftFrozen(['d1']))).toMatchObject({ status: 403, id: 'forbidden', message: 'the draft is frozen: its text is final' });
  });

  it('recognises an unreachable store, on either backend', () => {
    for (const code of ['ECONNREFUSED', '57P01', '08006', 'SQLITE_BUSY', 'SQLITE_IOERR_WRITE']) {
      expect(isStoreUnavailable(Object.assign(new Error('x'), { code })), code).toBe(true);
    }
    expect(isStoreUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isStoreUnavailable(new Error('x', { cause: Object.assign(new Error('y'), { code: 'ECONNRESET' }) }))).toBe(true);
    expect(isStoreUnavailable(Object.assign(new Error('x'), { code: '23505' }))).toBe(false);
    expect(toHttpError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toMatchObject({ status: 503, id: 'service_unavailable' });
  });
});

await describeOnBackends('error answers', ({ server }) => {
  let officer: SignedIn;
  beforeAll(async () => {
    const user = await makeUser(server().store, 'secretariat');
    officer = await loginAs(server(), user.login, TEST_PASSWORD);
  });

  it('answers malformed JSON with 400 validation_failed, storing nothing', async () => {
    const before = await snapshot(server().store);
    for (const raw of ['{"code": "CHL",', '{code: 1}', 'nul', '"just a string"', '[1, 2']) {
      const res = await call(server(), 'POST', '/api/delegations', { cookie: officer.cookie, raw, headers: { 'content-type': 'application/json' } });
      expect(res.status, raw).toBe(400);
      expect(res.body.error.id).toBe('validation_failed');
    }
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('answers an oversized body with 413 payload_too_large, and keeps serving', async () => {
    const huge = JSON.stringify({ code: 'BIG', name: { en: 'x'.repeat(2 * 1024 * 1024), zh: 'x' }, kind: 'member' });
    const res = await call(server(), 'POST', '/api/delegations', { cookie: officer.cookie, raw: huge, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(res.body.error.id).toBe('payload_too_large');
    expect((await call(server(), 'GET', '/api/auth/me', { cookie: officer.cookie })).status).toBe(200);
  });

  it('answers unknown API routes with 404 JSON', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing'],
      ['POST', '/api/sessions/x/nothing'],
      ['DELETE', '/api/drafts'],
      ['GET', '/api'],
    ] as const) {
      const res = await call(server(), method, path, { cookie: officer.cookie, body: method === 'GET' ? undefined : {} });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.id).toBe('not_found');
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
    }
  });

  it('answers unknown ids with 404 not_found', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const path of [
      `/api/sessions/${unknown}`,
      `/api/sessions/${unknown}/drafts`,
      `/api/drafts/${unknown}`,
      `/api/drafts/${unknown}/sponsors`,
      `/api/drafts/${unknown}/events`,
    ]) {
      const res = await call(server(), 'GET', path, { cookie: officer.cookie });
      expect(res.status, path).toBe(404);
      expect(res.body.error.id).toBe('not_found');
    }
  });

  it('answers a malformed id or path escape with 400 or 404, never 500', async () => {
    for (const path of ['/api/drafts/%E0%A4%A', '/api/drafts/a%20b', `/api/drafts/${'x'.repeat(200)}`]) {
      const res = await call(server(), 'GET', path, { cookie: officer.cookie });
      expect([400, 404], path).toContain(res.status);
    }
  });

  it('answers every API error in the one shape', async () => {
    const res = await call(server(), 'GET', '/api/sessions');
    expect(res.status).toBe(401);
    expect(Object.keys(res.body)).toEqual(['error']);
    expect(Object.keys(res.body.error).sort()).toEqual(['id', 'message']);
  });
});

describe('faults', () => {
  it('answers 500 without internals and logs the fault; 503 when the store is unreachable', async () => {
    const server = await startTestServer();
    try {
      const user = await makeUser(server.store, 'secretariat');
      const { cookie } = await loginAs(server, user.login, TEST_PASSWORD);
      const original = server.store.listSessions.bind(server.store);
      server.store.listSessions = async () => {
        throw new Error('syntax error at or near "SELECT password_hash FROM users"');
      };
      const fault = await call(server, 'GET', '/api/sessions', { cookie });
      expect(fault.status).toBe(500);
      expect(fault.body.error.id).toBe('internal_error');
      expect(JSON.stringify(fault.body)).not.toMatch(/SELECT|password_hash|at .*\.ts/);
      expect(server.logs.some((l) => String((l.err as Error).message).includes('SELECT password_hash'))).toBe(true);

      server.store.listSessions = async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      };
      const down = await call(server, 'GET', '/api/sessions', { cookie });
      expect(down.status).toBe(503);
      expect(down.body.error.id).toBe('service_unavailable');
      expect(JSON.stringify(down.body)).not.toContain('5432');

      server.store.listSessions = original;
      expect((await call(server, 'GET', '/api/sessions', { cookie })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('serves a page saying to build the client when dist/client is missing, for any client route', async () => {
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.url}/drafts/abc`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text.includes('npm run build') || text.toLowerCase().includes('<!doctype html')).toBe(true);
    } finally {
      await server.close();
    }
  });
});

const pg = await postgresGate('store unreachable');
describe.runIf(pg.run)('PostgreSQL going away', () => {
  it('answers 503 service_unavailable, with nothing about the database in the message', async () => {
    const db = await createTestDatabase('penholder_gone');
    const server = await startTestServer({ databaseUrl: db.url });
    try {
      const user = await makeUser(server.store, 'secretariat');
      const { token } = await loginAs(server, user.login, TEST_PASSWORD);
      await db.drop();
      const res = await call(server, 'GET', '/api/sessions', { token });
      expect(res.status).toBe(503);
      expect(res.body.error.id).toBe('service_unavailable');
      expect(JSON.stringify(res.body)).not.toContain(db.name);
    } finally {
      await server.close().catch(() => undefined);
      await db.drop();
    }
  });
});
