/**
 * The storage contract, run alike against both backends: SQLite in a temp dir, and PostgreSQL in
 * a database of this file's own (skipped with a printed reason when PostgreSQL is not there,
 * failing instead when PENHOLDER_REQUIRE_POSTGRES=1). Then what only one backend has to show.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalizedText } from '../../shared/delegations';
import { openStore } from '../../server/storage';
import { PostgresStore } from '../../server/storage/postgres';
import { SqliteStore } from '../../server/storage/sqlite';
import { UniqueViolation, type NewDraft, type Store, type StoredUpdate } from '../../server/storage/types';
import { createTestDatabase, postgresGate, type TestDatabase } from '../helpers/postgres';

const gate = await postgresGate('storage.test');

/** One backend as the contract sees it. */
interface Backend {
  kind: 'sqlite' | 'postgres';
  skip: boolean;
  open(): Promise<Store>;
  /**
   * Another writer on the same database: on PostgreSQL a second pool, as a second server
   * instance would have; on SQLite the same store (one store per file per process).
   */
  second(): Promise<Store>;
  /** SQL straight to the database, past the store, to show what the database itself enforces. */
  raw(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

function sqliteBackend(): Backend {
  let dir = '';
  let store: SqliteStore | undefined;
  return {
    kind: 'sqlite',
    skip: false,
    async open() {
      dir = await mkdtemp(join(tmpdir(), 'penholder-storage-'));
      store = SqliteStore.open(join(dir, 'penholder.sqlite'));
      await store.migrate();
      return store;
    },
    async second() {
      return store!;
    },
    async raw(sql) {
      const stmt = store!.database.prepare(sql);
      if (stmt.reader) return stmt.all() as Record<string, unknown>[];
      stmt.run();
      return [];
    },
    async close() {
      await store?.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(): Backend {
  let db: TestDatabase | undefined;
  const stores: Store[] = [];
  const openOne = async () => {
    const store = PostgresStore.open(db!.url);
    stores.push(store);
    await store.migrate();
    return store;
  };
  return {
    kind: 'postgres',
    skip: !gate.run,
    async open() {
      db = await createTestDatabase();
      return openOne();
    },
    second: openOne,
    async raw(sql) {
      const client = new pg.Client({ connectionString: db!.url });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    },
    async close() {
      await Promise.all(stores.map((s) => s.close()));
      await db?.drop();
    },
  };
}

// Builders: every test makes its own world, so tests share a database without meeting.
const t = (en: string, zh: string): LocalizedText => ({ en, zh });
const tag = () => randomUUID().slice(0, 8);
const bytes = (...b: number[]) => new Uint8Array(b);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

async function seedSession(store: Pick<Store, 'createBody' | 'createSession'>) {
  const body = await store.createBody({ name: t('Conference of the Parties to UNTOC', '联合国打击跨国有组织犯罪公约缔约方会议') });
  return store.createSession({
    bodyId: body.id,
    number: 11,
    title: t('Eleventh session', '第十一届会议'),
    symbolPrefix: `CTOC/COP/2022/${tag()}`,
    place: 'Vienna',
    opens: '2022-10-17',
    closes: '2022-10-21',
  });
}

const seedDelegation = (store: Store, code = `X${tag()}`) =>
  store.createDelegation({ code, name: t('State of Palestine', '巴勒斯坦国'), kind: 'observer' });

const seedUser = (store: Store, delegationId: string | null = null) =>
  store.createUser({ login: `u${tag()}`, displayName: 'Delegate', role: 'delegate', delegationId, passwordHash: 'scrypt$1$2$3$s$h' });

const draftInput = (sessionId: string, lNumber: number, more: Partial<NewDraft> = {}): NewDraft => ({
  sessionId,
  lNumber,
  kind: 'resolution',
  title: t('Implementation of the Convention', '公约的执行'),
  agendaItem: '2',
  language: 'en',
  submittedBy: null,
  chairUserId: null,
  createdBy: null,
  ...more,
});

async function seedDraft(store: Store) {
  const session = await seedSession(store);
  return store.createDraft(draftInput(session.id, 1));
}

const update = (draftId: string, ...b: number[]) => ({ draftId, update: bytes(...b), userId: null, delegationId: null });

async function expectUnique(promise: Promise<unknown>, constraint: string): Promise<void> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UniqueViolation);
  expect((err as UniqueViolation).constraint).toBe(constraint);
}

function storeContract(b: Backend) {
  let store: Store;
  beforeAll(async () => {
    store = await b.open();
  });
  afterAll(() => b.close());

  it('migrates idempotently, recording each migration once', async () => {
    await store.migrate();
    await store.migrate();
    const rows = await b.raw('SELECT id, name FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => [Number(r.id), r.name])).toEqual([
      [1, 'records'],
      [2, 'update_log'],
      [3, 'accounts_audit'],
      [4, 'text_numbers'],
    ]);
    expect(store.kind).toBe(b.kind);
  });

  it('round-trips bodies and sessions, with localized text and calendar dates', async () => {
    const body = await store.createBody({ id: `body-${tag()}`, name: t('Commission on Narcotic Drugs', '麻醉药品委员会') });
    expect(body.createdAt).toMatch(ISO);
    expect(await store.getBody(body.id)).toEqual(body);
    expect(await store.getBody('missing')).toBeNull();
    const session = await store.createSession({
      bodyId: body.id,
      number: 67,
      title: t('Sixty-seventh session', '第六十七届会议'),
      symbolPrefix: `E/CN.7/2024/${tag()}`,
      place: 'Vienna',
      opens: '2024-03-14',
      closes: '2024-03-22',
    });
    expect(session).toMatchObject({ bodyId: body.id, number: 67, opens: '2024-03-14', closes: '2024-03-22' });
    expect(await store.getSession(session.id)).toEqual(session);
    expect(await store.listSessions()).toContainEqual(session);
    await expectUnique(store.createSession({ ...session, id: undefined }), 'sessions_symbol_prefix_key');
    await expect(store.createSession({ ...session, id: undefined, symbolPrefix: tag(), opens: '2024-02-30' })).rejects.toThrow();
  });

  it('round-trips delegations; a code is unique', async () => {
    const code = `EU${tag()}`;
    const d = await store.createDelegation({ code, name: t('European Union', '欧洲联盟'), kind: 'regional' });
    expect(await store.getDelegation(d.id)).toEqual(d);
    expect(await store.getDelegationByCode(code)).toEqual(d);
    expect(await store.getDelegationByCode('NOPE')).toBeNull();
    const codes = (await store.listDelegations()).map((x) => x.code);
    expect(codes).toContain(code);
    expect(codes).toEqual([...codes].sort());
    await expectUnique(seedDelegation(store, code), 'delegations_code_key');
  });

  it('round-trips users; logins are case-insensitive and unique', async () => {
    const before = await store.countUsers();
    const delegation = await seedDelegation(store);
    const login = `Alice${tag()}`;
    const alice = await store.createUser({ login, displayName: 'Alice', role: 'delegate', delegationId: delegation.id, passwordHash: 'scrypt$x' });
    expect(alice).toMatchObject({ login: login.toLowerCase(), active: true, delegationId: delegation.id });
    const sec = await store.createUser({ login: `sec${tag()}`, displayName: 'Secretariat', role: 'secretariat', delegationId: null, passwordHash: 'scrypt$y', active: false });
    expect(sec).toMatchObject({ active: false, delegationId: null, role: 'secretariat' });
    expect(await store.getUser(sec.id)).toEqual(sec);
    expect(await store.getUserByLogin(login.toUpperCase())).toEqual(alice);
    expect(await store.getUserByLogin('nobody')).toBeNull();
    expect(await store.countUsers()).toBe(before + 2);
    const logins = (await store.listUsers()).map((u) => u.login);
    expect(logins).toEqual(expect.arrayContaining([alice.login, sec.login]));
    await expectUnique(store.createUser({ ...sec, id: undefined, login: login.toUpperCase() }), 'users_login_key');
    await expectUnique(store.createUser({ ...sec, login: `other${tag()}` }), 'users_pkey');
  });

  it('keeps auth sessions until deleted or expired', async () => {
    const user = await seedUser(store);
    const s = (tokenHash: string, expiresAt: string) =>
      ({ tokenHash, userId: user.id, kind: 'cookie', createdAt: '2022-10-21T10:00:00Z', expiresAt }) as const;
    await store.createAuthSession(s(`a${tag()}`, '2022-10-21T11:00:00Z'));
    const live = s(`b${tag()}`, '2999-01-01T00:00:00.000Z');
    await store.createAuthSession({ ...live, kind: 'token' });
    expect(await store.getAuthSession(live.tokenHash)).toEqual({ ...live, kind: 'token', createdAt: '2022-10-21T10:00:00.000Z' });
    expect(await store.deleteExpiredAuthSessions('2022-10-21T12:00:00Z')).toBeGreaterThanOrEqual(1);
    expect(await store.getAuthSession(live.tokenHash)).not.toBeNull();
    await store.deleteAuthSession(live.tokenHash);
    expect(await store.getAuthSession(live.tokenHash)).toBeNull();
    await expectUnique(store.createAuthSession(s(live.tokenHash, live.expiresAt)).then(() => store.createAuthSession(s(live.tokenHash, live.expiresAt))), 'auth_sessions_pkey');
    // Foreign keys are on: a session of no user is refused.
    await expect(store.createAuthSession({ ...live, tokenHash: tag(), userId: 'ghost' })).rejects.toThrow();
  });

  it('round-trips drafts; an L-number is unique within its session', async () => {
    const session = await seedSession(store);
    const chair = await seedUser(store);
    expect(await store.maxLNumber(session.id)).toBe(0);
    const l9 = await store.createDraft(
      draftInput(session.id, 9, {
        submittedBy: t('Chair of the Working Group on International Cooperation', '国际合作工作组主席'),
        chairUserId: chair.id,
        createdBy: chair.id,
        createdAt: '2022-10-18T09:30:00Z',
        language: 'zh',
        kind: 'decision',
      }),
    );
    expect(l9).toMatchObject({ lNumber: 9, kind: 'decision', language: 'zh', createdAt: '2022-10-18T09:30:00.000Z' });
    const l4 = await store.createDraft(draftInput(session.id, 4));
    expect(l4.submittedBy).toBeNull();
    expect(await store.getDraft(l9.id)).toEqual(l9);
    expect(await store.getDraft('missing')).toBeNull();
    expect(await store.listDrafts(session.id)).toEqual([l4, l9]);
    expect(await store.maxLNumber(session.id)).toBe(9);
    await expectUnique(store.createDraft(draftInput(session.id, 9)), 'drafts_session_l_number_key');
    const other = await seedSession(store);
    await expect(store.createDraft(draftInput(other.id, 9))).resolves.toMatchObject({ lNumber: 9 });
    await expect(store.createDraft(draftInput('no-such-session', 1))).rejects.toThrow();
  });

  it('keeps resolution and decision numbers unique per session and kind, one per draft', async () => {
    const session = await seedSession(store);
    const [a, b2, c] = [await store.createDraft(draftInput(session.id, 1)), await store.createDraft(draftInput(session.id, 2)), await store.createDraft(draftInput(session.id, 3))];
    await store.claimTextNumber(session.id, 'resolution', '11/5', a.id);
    await expectUnique(store.claimTextNumber(session.id, 'resolution', '11/5', b2.id), 'text_numbers_session_kind_number_key');
    await expectUnique(store.claimTextNumber(session.id, 'resolution', '11/6', a.id), 'text_numbers_draft_key');
    // The same number of the other kind, or in another session, is another number.
    await store.claimTextNumber(session.id, 'decision', '11/5', c.id);
    const other = await seedSession(store);
    await store.claimTextNumber(other.id, 'resolution', '11/5', (await store.createDraft(draftInput(other.id, 1))).id);
    await store.claimTextNumber(session.id, 'resolution', '11/6', b2.id);
  });

  it('numbers sponsorship events per draft, and lists them per session', async () => {
    const session = await seedSession(store);
    const [a, b2] = [await store.createDraft(draftInput(session.id, 2)), await store.createDraft(draftInput(session.id, 1))];
    const eu = await seedDelegation(store);
    const chl = await seedDelegation(store);
    const main = await store.addSponsorshipEvent({ draftId: a.id, delegationId: eu.id, type: 'main', date: '2022-10-17', onBehalfOf: t('also on behalf of its member States', '还代表其成员国'), recordedBy: null, recordedAt: '2022-10-17T08:00:00Z' });
    expect(main).toMatchObject({ seq: 1, recordedAt: '2022-10-17T08:00:00.000Z', date: '2022-10-17' });
    const join = await store.addSponsorshipEvent({ draftId: a.id, delegationId: chl.id, type: 'join', date: '2022-10-18', onBehalfOf: null, recordedBy: null });
    expect(join).toMatchObject({ seq: 2, onBehalfOf: null });
    expect(join.recordedAt).toMatch(ISO);
    const other = await store.addSponsorshipEvent({ draftId: b2.id, delegationId: chl.id, type: 'main', date: '2022-10-18', onBehalfOf: null, recordedBy: null });
    expect(other.seq).toBe(1);
    expect(await store.listSponsorshipEvents(a.id)).toEqual([main, join]);
    expect(await store.listSponsorshipEventsForSession(session.id)).toEqual([other, main, join]);
  });

  it('numbers draft events per draft, keeping their payloads', async () => {
    const session = await seedSession(store);
    const user = await seedUser(store);
    const l1 = await store.createDraft(draftInput(session.id, 1));
    const l2 = await store.createDraft(draftInput(session.id, 2));
    const payload = { vote: { yes: 63, no: 15, abstain: 25 }, majority: 'simple', note: '经口头修正', flags: [true, null] };
    const e1 = await store.appendDraftEvent({ draftId: l2.id, type: 'adopted', payload, userId: user.id, at: '2022-10-21T15:00:00Z' });
    expect(e1).toEqual({ seq: 1, draftId: l2.id, type: 'adopted', payload, userId: user.id, at: '2022-10-21T15:00:00.000Z' });
    const e2 = await store.appendDraftEvent({ draftId: l2.id, type: 'frozen', payload: {}, userId: null });
    const e3 = await store.appendDraftEvent({ draftId: l1.id, type: 'deferred', payload: {}, userId: null });
    expect([e2.seq, e3.seq]).toEqual([2, 1]);
    expect(await store.listDraftEvents(l2.id)).toEqual([e1, e2]);
    expect(await store.listDraftEventsForSession(session.id)).toEqual([e3, e1, e2]);
  });

  it('round-trips revisions; symbols and revision numbers are unique', async () => {
    const draft = await seedDraft(store);
    const [s1, s2] = [await seedDelegation(store), await seedDelegation(store)];
    const symbol = `CTOC/COP/2022/L.${tag()}`;
    const text = { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: '注意到 — noting' }] }] };
    const rev0 = await store.createRevision({ draftId: draft.id, symbol, revision: 0, text, hash: 'ab'.repeat(32), sponsorIds: [s2.id, s1.id], issuedAt: '2022-10-18T00:00:00Z', issuedBy: null });
    expect(rev0).toMatchObject({ symbol, revision: 0, text, sponsorIds: [s2.id, s1.id], issuedAt: '2022-10-18T00:00:00.000Z' });
    const rev1 = await store.createRevision({ ...rev0, id: undefined, symbol: `${symbol}/Rev.1`, revision: 1, sponsorIds: [] });
    expect(await store.listRevisions(draft.id)).toEqual([rev0, rev1]);
    expect(await store.getRevisionBySymbol(`${symbol}/Rev.1`)).toEqual(rev1);
    expect(await store.getRevisionBySymbol('nope')).toBeNull();
    await expectUnique(store.createRevision({ ...rev1, id: undefined, revision: 2 }), 'revisions_symbol_key');
    await expectUnique(store.createRevision({ ...rev1, id: undefined, symbol: `${symbol}/Rev.9` }), 'revisions_draft_revision_key');
  });

  it('appends a batch of updates of several drafts in one go, numbering each draft from 1', async () => {
    const [a, c] = [await seedDraft(store), await seedDraft(store)];
    const author = await seedUser(store, (await seedDelegation(store)).id);
    expect(await store.appendUpdates([])).toEqual([]);
    const big = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const stored = await store.appendUpdates([
      { ...update(a.id, 0, 255, 0), userId: author.id, delegationId: author.delegationId, at: '2022-10-19T10:00:00Z' },
      update(c.id, 1),
      { draftId: a.id, update: big, userId: null, delegationId: null },
      update(a.id),
    ]);
    expect(stored.map((s) => [s.draftId, s.seq])).toEqual([
      [a.id, 1],
      [c.id, 1],
      [a.id, 2],
      [a.id, 3],
    ]);
    const log = await store.listUpdates(a.id);
    // Bytes compared apart: a deep toEqual of 100 kB walks it element by element.
    const meta = (list: StoredUpdate[]) => list.map(({ update: _bytes, ...rest }) => rest);
    expect(meta(log)).toEqual(meta(stored.filter((s) => s.draftId === a.id)));
    expect(log[0]).toEqual({ draftId: a.id, seq: 1, update: bytes(0, 255, 0), userId: author.id, delegationId: author.delegationId, at: '2022-10-19T10:00:00.000Z' });
    expect(log[1]!.update).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(log[1]!.update).equals(Buffer.from(big))).toBe(true);
    expect(log[2]!.update).toEqual(bytes());
    expect([await store.lastSeq(a.id), await store.lastSeq(c.id), await store.lastSeq('none')]).toEqual([3, 1, 0]);
  });

  it('lists updates in (afterSeq, uptoSeq] ranges', async () => {
    const draft = await seedDraft(store);
    await store.appendUpdates(range(1, 6).map((i) => update(draft.id, i)));
    const seqs = async (after?: number, upto?: number) => (await store.listUpdates(draft.id, after, upto)).map((u) => u.seq);
    expect(await seqs()).toEqual(range(1, 6));
    expect(await seqs(2)).toEqual([3, 4, 5, 6]);
    expect(await seqs(2, 4)).toEqual([3, 4]);
    expect(await seqs(0, 1)).toEqual([1]);
    expect(await seqs(6)).toEqual([]);
    expect(await seqs(4, 4)).toEqual([]);
    expect((await store.listUpdates(draft.id, 3, 4))[0]!.update).toEqual(bytes(4));
  });

  it('gives 20 concurrent appends to one draft the seqs 1..20, without gaps or duplicates', async () => {
    const draft = await seedDraft(store);
    const writers = [store, await b.second()];
    const results = await Promise.all(range(0, 19).map((i) => writers[i % 2]!.appendUpdates([update(draft.id, i)])));
    expect(results.map((r) => r[0]!.seq).sort((x, y) => x - y)).toEqual(range(1, 20));
    const log = await store.listUpdates(draft.id);
    expect(log.map((u) => u.seq)).toEqual(range(1, 20));
    for (const [i, r] of results.entries()) expect(log[r[0]!.seq - 1]!.update).toEqual(bytes(i));
    expect(await store.lastSeq(draft.id)).toBe(20);
  });

  it('commits crossing batches of two writers without deadlock or gaps', async () => {
    const [a, c] = [await seedDraft(store), await seedDraft(store)];
    const writers = [store, await b.second()];
    await Promise.all(
      range(0, 9).map((i) =>
        writers[i % 2]!.appendUpdates(i % 2 ? [update(a.id, i), update(c.id, i)] : [update(c.id, i), update(a.id, i), update(a.id, i)]),
      ),
    );
    expect((await store.listUpdates(a.id)).map((u) => u.seq)).toEqual(range(1, 15));
    expect((await store.listUpdates(c.id)).map((u) => u.seq)).toEqual(range(1, 10));
  });

  it('keeps every stream contiguous when appends, transactions and record writes interleave', async () => {
    const [a, c] = [await seedDraft(store), await seedDraft(store)];
    const delegation = await seedDelegation(store);
    const writers = [store, await b.second()];
    const appended: StoredUpdate[] = [];
    // On SQLite the plain appends commit in the writer thread, the rest on the main connection.
    await Promise.all(
      range(0, 29).map(async (i) => {
        const w = writers[i % 2]!;
        switch (i % 5) {
          case 0:
          case 1:
            appended.push(...(await w.appendUpdates([update(a.id, i), update(c.id, i)])));
            return;
          case 2:
            appended.push(...(await w.transaction(async (tx) => {
              await tx.appendDraftEvent({ draftId: a.id, type: 'x', payload: { i }, userId: null });
              return tx.appendUpdates([update(a.id, i)]);
            })));
            return;
          case 3:
            await w.appendDraftEvent({ draftId: a.id, type: 'x', payload: { i }, userId: null });
            return;
          case 4:
            await w.addSponsorshipEvent({ draftId: c.id, delegationId: delegation.id, type: 'join', date: '2022-10-20', onBehalfOf: null, recordedBy: null });
        }
      }),
    );
    const logA = await store.listUpdates(a.id);
    expect(logA.map((u) => u.seq)).toEqual(range(1, 18));
    expect((await store.listUpdates(c.id)).map((u) => u.seq)).toEqual(range(1, 12));
    for (const s of appended.filter((u) => u.draftId === a.id)) expect(logA[s.seq - 1]!.update).toEqual(s.update);
    expect((await store.listDraftEvents(a.id)).map((e) => e.seq)).toEqual(range(1, 12));
    expect((await store.listSponsorshipEvents(c.id)).map((e) => e.seq)).toEqual(range(1, 6));
  });

  it('numbers many concurrent batches of several drafts without gaps, each row where its seq says', async () => {
    const drafts = [await seedDraft(store), await seedDraft(store), await seedDraft(store)];
    const writers = [store, await b.second()];
    const results = await Promise.all(
      range(0, 59).map((i) => writers[i % 2]!.appendUpdates(range(0, i % 4).map((k) => update(drafts[(i + k) % 3]!.id, i, k)))),
    );
    const stored = results.flat();
    for (const d of drafts) {
      const log = await store.listUpdates(d.id);
      const mine = stored.filter((s) => s.draftId === d.id);
      expect(log.map((u) => u.seq)).toEqual(range(1, mine.length));
      for (const s of mine) expect(log[s.seq - 1]!.update).toEqual(s.update);
      expect(await store.lastSeq(d.id)).toBe(mine.length);
    }
  });

  it('finds the latest checkpoint at or before a seq', async () => {
    const draft = await seedDraft(store);
    expect(await store.latestCheckpoint(draft.id)).toBeNull();
    await store.saveCheckpoint({ draftId: draft.id, seq: 3, state: bytes(3, 3), at: '2022-10-19T00:00:00Z' });
    await store.saveCheckpoint({ draftId: draft.id, seq: 7, state: bytes(7) });
    await store.saveCheckpoint({ draftId: draft.id, seq: 3, state: bytes(9) }); // harmless repeat
    expect(await store.latestCheckpoint(draft.id)).toMatchObject({ seq: 7, state: bytes(7) });
    expect(await store.latestCheckpoint(draft.id, 6)).toEqual({ draftId: draft.id, seq: 3, state: bytes(3, 3), at: '2022-10-19T00:00:00.000Z' });
    expect(await store.latestCheckpoint(draft.id, 7)).toMatchObject({ seq: 7 });
    expect(await store.latestCheckpoint(draft.id, 2)).toBeNull();
  });

  it('lets a user claim client ids, reporting ids that someone else owns', async () => {
    const [draft, other] = [await seedDraft(store), await seedDraft(store)];
    const [ana, ben] = [await seedUser(store), await seedUser(store)];
    expect(await store.claimClientIds(draft.id, ana.id, [1, 2, 2])).toEqual([]);
    expect(await store.claimClientIds(draft.id, ana.id, [2, 3])).toEqual([]);
    expect(await store.claimClientIds(draft.id, ben.id, [4, 3, 1, 5])).toEqual([3, 1]);
    expect(await store.claimClientIds(draft.id, ben.id, [4, 5])).toEqual([]);
    expect(await store.claimClientIds(other.id, ben.id, [1, 0xffffffff])).toEqual([]);
    expect(await store.claimClientIds(draft.id, ben.id, [])).toEqual([]);
    await expect(store.claimClientIds(draft.id, ben.id, [-1])).rejects.toThrow(RangeError);
    // Two writers racing for one id: exactly one owns it.
    const writers = [store, await b.second()];
    const [ra, rb] = await Promise.all([writers[0]!.claimClientIds(draft.id, ana.id, [77]), writers[1]!.claimClientIds(draft.id, ben.id, [77])]);
    expect([ra, rb].filter((r) => r.length === 0)).toHaveLength(1);
  });

  it('commits all of a transaction, or nothing of it when fn throws', async () => {
    const session = await seedSession(store);
    const user = await seedUser(store);
    const kept = await store.transaction(async (tx) => {
      const d = await tx.createDraft(draftInput(session.id, 1));
      await tx.appendDraftEvent({ draftId: d.id, type: 'created', payload: {}, userId: user.id });
      await tx.appendUpdates([update(d.id, 1)]);
      return d;
    });
    expect(await store.listDraftEvents(kept.id)).toHaveLength(1);
    expect(await store.lastSeq(kept.id)).toBe(1);

    const boom = new Error('boom');
    const draftId = randomUUID();
    const loginOfGhost = `ghost${tag()}`;
    await expect(
      store.transaction(async (tx) => {
        const d = await tx.createDraft({ ...draftInput(session.id, 2), id: draftId });
        await tx.appendDraftEvent({ draftId: d.id, type: 'created', payload: {}, userId: null });
        await tx.appendDraftEvent({ draftId: kept.id, type: 'adopted', payload: {}, userId: null });
        await tx.addSponsorshipEvent({ draftId: d.id, delegationId: (await tx.createDelegation({ code: tag(), name: t('a', 'b'), kind: 'member' })).id, type: 'main', date: '2022-10-20', onBehalfOf: null, recordedBy: null });
        await tx.appendUpdates([update(kept.id, 2), update(d.id, 1)]);
        await tx.saveCheckpoint({ draftId: kept.id, seq: 1, state: bytes(1) });
        await tx.createRevision({ draftId: d.id, symbol: `R${tag()}`, revision: 0, text: {}, hash: 'h', sponsorIds: [], issuedAt: '2022-10-20T00:00:00Z', issuedBy: null });
        await tx.claimClientIds(kept.id, user.id, [99]);
        await tx.createUser({ login: loginOfGhost, displayName: 'G', role: 'chair', delegationId: null, passwordHash: 'x' });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await store.getDraft(draftId)).toBeNull();
    expect(await store.listDrafts(session.id)).toEqual([kept]);
    expect(await store.listDraftEvents(kept.id)).toHaveLength(1);
    expect(await store.listRevisions(draftId)).toEqual([]);
    expect(await store.latestCheckpoint(kept.id)).toBeNull();
    expect(await store.getUserByLogin(loginOfGhost)).toBeNull();
    expect(await store.claimClientIds(kept.id, (await seedUser(store)).id, [99])).toEqual([]);
    // The seq counters rolled back too: the log stays contiguous.
    expect(await store.lastSeq(kept.id)).toBe(1);
    expect((await store.appendUpdates([update(kept.id, 3)]))[0]!.seq).toBe(2);
    expect((await store.appendDraftEvent({ draftId: kept.id, type: 'x', payload: {}, userId: null })).seq).toBe(2);
  });

  it('rolls back a transaction that breaks a uniqueness rule', async () => {
    const session = await seedSession(store);
    await store.createDraft(draftInput(session.id, 1));
    await expectUnique(
      store.transaction(async (tx) => {
        await tx.createDraft(draftInput(session.id, 2));
        await tx.createDraft(draftInput(session.id, 1));
      }),
      'drafts_session_l_number_key',
    );
    expect(await store.maxLNumber(session.id)).toBe(1);
  });

  it('keeps an open transaction from other callers until it commits', async () => {
    const session = await seedSession(store);
    let release!: () => void;
    const gateOpen = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const tx = store.transaction(async (t) => {
      const d = await t.createDraft(draftInput(session.id, 1));
      inside();
      await gateOpen;
      return d;
    });
    await entered;
    let settled = false;
    const outside = store.listDrafts(session.id).then((list) => ((settled = true), list));
    await new Promise((r) => setTimeout(r, 50));
    // SQLite makes the caller wait; PostgreSQL answers at once, without the uncommitted row.
    expect(settled).toBe(b.kind === 'postgres');
    if (b.kind === 'postgres') expect(await outside).toEqual([]);
    release();
    const draft = await tx;
    if (b.kind === 'sqlite') expect(await outside).toEqual([draft]);
    expect(await store.listDrafts(session.id)).toEqual([draft]);
  });

  it('refuses, in the database, to rewrite the update log and the governed record', async () => {
    const draft = await seedDraft(store);
    const delegation = await seedDelegation(store);
    await store.appendUpdates([update(draft.id, 1)]);
    await store.appendDraftEvent({ draftId: draft.id, type: 'created', payload: {}, userId: null });
    await store.addSponsorshipEvent({ draftId: draft.id, delegationId: delegation.id, type: 'main', date: '2022-10-20', onBehalfOf: null, recordedBy: null });
    await store.createRevision({ draftId: draft.id, symbol: `S${tag()}`, revision: 0, text: {}, hash: 'h', sponsorIds: [], issuedAt: '2022-10-20T00:00:00Z', issuedBy: null });
    await store.claimClientIds(draft.id, (await seedUser(store)).id, [5]);
    const where = `WHERE draft_id = '${draft.id}'`;
    for (const table of ['updates', 'draft_events', 'sponsorship_events', 'revisions']) {
      await expect(b.raw(`UPDATE ${table} SET draft_id = draft_id ${where}`), table).rejects.toThrow(/append-only/);
      await expect(b.raw(`DELETE FROM ${table} ${where}`), table).rejects.toThrow(/append-only/);
    }
    for (const table of ['updates', 'draft_events', 'client_ids']) {
      await expect(b.raw(`INSERT INTO ${table} SELECT * FROM ${table} ${where}`), table).rejects.toThrow(/unique/i);
    }
    expect(await store.listUpdates(draft.id)).toHaveLength(1);
    const names = Object.getOwnPropertyNames(Object.getPrototypeOf(Object.getPrototypeOf(store)));
    expect(names.filter((n) => /^(update|delete|remove|set)(Update|Draft|Sponsorship|Revision|Checkpoint)/.test(n))).toEqual([]);
  });
}

describe('Store on SQLite', () => storeContract(sqliteBackend()));
describe.skipIf(!gate.run)(`Store on PostgreSQL${gate.reason ? ` (skipped: ${gate.reason})` : ''}`, () => storeContract(postgresBackend()));

describe('SQLite store', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'penholder-sqlite-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('creates the data dir, survives close and reopen, and is durable (WAL, synchronous FULL)', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const first = await openStore({ dataDir });
    expect(first.kind).toBe('sqlite');
    expect(existsSync(join(dataDir, 'penholder.sqlite'))).toBe(true);
    const db = (first as SqliteStore).database;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const draft = await seedDraft(first);
    await first.appendUpdates([update(draft.id, 1, 2, 3)]);
    await first.close();

    const again = await openStore({ dataDir });
    expect(await again.getDraft(draft.id)).toEqual(draft);
    expect((await again.listUpdates(draft.id))[0]!.update).toEqual(bytes(1, 2, 3));
    expect((await again.appendUpdates([update(draft.id, 4)]))[0]!.seq).toBe(2);
    await again.close();
  });

  it('refuses a call on the store from inside its own transaction, rather than hanging', async () => {
    const store = await openStore({ dataDir: join(dir, 'reentry') });
    await expect(store.transaction(() => store.countUsers())).rejects.toThrow(/use the tx argument/);
    const draft = await seedDraft(store);
    // The writer thread would wait for the transaction's lock: refused too.
    await expect(store.transaction(() => store.appendUpdates([update(draft.id, 1)]))).rejects.toThrow(/use the tx argument/);
    await expect(store.transaction(() => store.claimClientIds(draft.id, 'u', [1]))).rejects.toThrow(/use the tx argument/);
    expect(await store.lastSeq(draft.id)).toBe(0);
    expect(await store.countUsers()).toBe(0);
    await store.close();
  });
});

describe('SQLite writer thread', () => {
  let dir: string;
  let file: string;
  let store: SqliteStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'penholder-writer-'));
    file = join(dir, 'penholder.sqlite');
    store = SqliteStore.open(file);
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('commits with its own durable connection (WAL, synchronous FULL, foreign keys, busy timeout)', async () => {
    expect(await store.writer.settings()).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 5000 });
  });

  it('makes what it committed visible to any connection at once, and after reopening the file', async () => {
    const draft = await seedDraft(store);
    await store.appendUpdates([update(draft.id, 1), update(draft.id, 2)]);
    await store.saveCheckpoint({ draftId: draft.id, seq: 2, state: bytes(9) });
    // A connection of its own, opened after the commit resolved and before anything is closed.
    const other = new Database(file, { readonly: true });
    try {
      expect(other.prepare('SELECT seq FROM updates WHERE draft_id = ? ORDER BY seq').all(draft.id)).toEqual([{ seq: 1 }, { seq: 2 }]);
      expect(other.prepare('SELECT seq FROM checkpoints WHERE draft_id = ?').all(draft.id)).toEqual([{ seq: 2 }]);
    } finally {
      other.close();
    }
    const again = SqliteStore.open(file);
    expect((await again.listUpdates(draft.id)).map((u) => u.update)).toEqual([bytes(1), bytes(2)]);
    await again.close();
  });

  it('waits for a transaction on the main connection instead of failing, then continues its seqs', async () => {
    const draft = await seedDraft(store);
    let release!: () => void;
    const gateOpen = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const tx = store.transaction(async (t) => {
      await t.appendUpdates([update(draft.id, 1)]);
      inside();
      await gateOpen;
    });
    await entered;
    let settled = false;
    const outside = store.appendUpdates([update(draft.id, 2)]).then((r) => ((settled = true), r));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    release();
    await tx;
    expect((await outside)[0]!.seq).toBe(2);
  });

  it('reports a failed write as an error and keeps serving', async () => {
    await expect(store.appendUpdates([update('no-such-draft', 1)])).rejects.toThrow(/FOREIGN KEY/);
    const draft = await seedDraft(store);
    expect((await store.appendUpdates([update(draft.id, 1)]))[0]!.seq).toBe(1);
  });

  it('is restarted after it dies: unanswered calls reject, the next ones commit, seqs stay contiguous', async () => {
    const draft = await seedDraft(store);
    await store.appendUpdates([update(draft.id, 0)]);
    const during = range(1, 5).map((i) => store.appendUpdates([update(draft.id, i)]).then(() => 'stored', () => 'rejected'));
    await store.writer.terminate();
    const outcomes = await Promise.all(during);
    expect(outcomes).toContain('rejected');
    // The dead thread's connection left no lock behind: both connections write again.
    expect((await store.appendDraftEvent({ draftId: draft.id, type: 'x', payload: {}, userId: null })).seq).toBe(1);
    const after = await store.appendUpdates([update(draft.id, 6)]);
    const log = await store.listUpdates(draft.id);
    expect(log.map((u) => u.seq)).toEqual(range(1, log.length));
    expect(after[0]!.seq).toBe(log.length);
    expect(await store.writer.settings()).toMatchObject({ synchronous: 2 });
  });

  it('finishes the commits in flight when the store closes', async () => {
    const own = SqliteStore.open(join(dir, 'closing.sqlite'));
    await own.migrate();
    const draft = await seedDraft(own);
    const pending = own.appendUpdates(range(1, 50).map((i) => update(draft.id, i)));
    await own.close();
    expect((await pending).map((u) => u.seq)).toEqual(range(1, 50));
    await expect(own.appendUpdates([update(draft.id, 1)])).rejects.toThrow(/closed/);
    const again = SqliteStore.open(join(dir, 'closing.sqlite'));
    expect(await again.lastSeq(draft.id)).toBe(50);
    await again.close();
  });
});

describe.skipIf(!gate.run)('PostgreSQL store', () => {
  it('is chosen by openStore when a database URL is set', async () => {
    const db = await createTestDatabase();
    try {
      const store = await openStore({ dataDir: '/nonexistent/not-used', databaseUrl: db.url });
      expect(store.kind).toBe('postgres');
      expect(existsSync('/nonexistent/not-used')).toBe(false);
      expect(await store.countUsers()).toBe(0);
      await store.close();
    } finally {
      await db.drop();
    }
  });

  it('lets instances starting together migrate a fresh database once', async () => {
    const db = await createTestDatabase();
    const stores = range(1, 3).map(() => PostgresStore.open(db.url));
    try {
      await Promise.all(stores.map((s) => s.migrate()));
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query('SELECT id FROM schema_migrations ORDER BY id');
      await client.end();
      expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await db.drop();
    }
  });

  it('gives each test file a database of its own, and drops it', async () => {
    const db = await createTestDatabase('penholder_helper');
    expect(db.name).toMatch(/^penholder_helper_[0-9a-f]{12}$/);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    expect((await client.query('SELECT current_database() AS name')).rows[0].name).toBe(db.name);
    await client.end();
    await db.drop();
    await db.drop();
    const probe = new pg.Client({ connectionString: db.url });
    await expect(probe.connect()).rejects.toThrow(/does not exist/);
    await probe.end().catch(() => undefined);
  });
});
