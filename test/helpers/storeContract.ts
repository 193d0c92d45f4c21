/**
 * The storage contract's harness: one suite run alike against both backends, SQLite in a temp
 * dir and PostgreSQL in a database of the test file's own (skipped with a printed reason when
 * PostgreSQL is not there, failing instead when PENHOLDER_REQUIRE_POSTGRES=1), and the small
 * builders its tests make their worlds with.
 *
 *   await describeStoreContract('storage: accounts', ({ store }) => {
 *     it('round-trips delegations', async () => {
 *       const d = await seedDelegation(store());
 *       expect(await store().getDelegation(d.id)).toEqual(d);
 *     });
 *   });
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { LocalizedText } from '../../shared/delegations';
import { PostgresStore } from '../../server/storage/postgres';
import { SqliteStore } from '../../server/storage/sqlite';
import { UniqueViolation, type NewDraft, type Store } from '../../server/storage/types';
import { createTestDatabase, postgresGate, type TestDatabase } from './postgres';

/** One backend as the contract sees it. */
interface Backend {
  kind: 'sqlite' | 'postgres';
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

/** What a contract suite's body gets: the backend's name, its store (after beforeAll), and more. */
export interface ContractContext {
  kind: Backend['kind'];
  /** The store the suite's tests share (each test makes its own world in it). */
  store(): Store;
  /** Another writer on the same database (a second pool on PostgreSQL; the same store on SQLite). */
  second(): Promise<Store>;
  /** SQL straight to the database, past the store. */
  raw(sql: string): Promise<Record<string, unknown>[]>;
}

/**
 * `describe` a part of the storage contract as 'Store on SQLite' and 'Store on PostgreSQL'.
 * Call at the top level of a test file with `await`; `suite` names the file in the gate's report.
 */
export async function describeStoreContract(suite: string, contract: (ctx: ContractContext) => void): Promise<void> {
  const gate = await postgresGate(suite);
  const run = (b: Backend) => {
    let store: Store | undefined;
    beforeAll(async () => {
      store = await b.open();
    });
    afterAll(() => b.close());
    contract({
      kind: b.kind,
      store: () => {
        if (!store) throw new Error('the store is not open yet (use it inside a test or hook)');
        return store;
      },
      second: () => b.second(),
      raw: (sql) => b.raw(sql),
    });
  };
  describe('Store on SQLite', () => run(sqliteBackend()));
  describe.skipIf(!gate.run)(`Store on PostgreSQL${gate.reason ? ` (skipped: ${gate.reason})` : ''}`, () => run(postgresBackend()));
}

// Builders: every test makes its own world, so tests share a database without meeting.

/** Localized text. */
export const t = (en: string, zh: string): LocalizedText => ({ en, zh });
/** A short random tag, to keep codes, logins and symbols of tests apart. */
export const tag = () => randomUUID().slice(0, 8);
/** Bytes from numbers. */
export const bytes = (...b: number[]) => new Uint8Array(b);
/** The integers from..to, both included. */
export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** A timestamp as the stores return it. */
export const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** A body and one of its sessions, with a unique symbol prefix. */
export async function seedSession(store: Pick<Store, 'createBody' | 'createSession'>) {
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

/** A delegation, by default with a unique code. */
export const seedDelegation = (store: Store, code = `X${tag()}`) => store.createDelegation({ code, name: t('State of Palestine', '巴勒斯坦国'), kind: 'observer' });

/** A delegate with a unique login. */
export const seedUser = (store: Store, delegationId: string | null = null) =>
  store.createUser({ login: `u${tag()}`, displayName: 'Delegate', role: 'delegate', delegationId, passwordHash: 'scrypt$1$2$3$s$h' });

/** A draft's fields, L.`lNumber` of a session, with `more` over the defaults. */
export const draftInput = (sessionId: string, lNumber: number, more: Partial<NewDraft> = {}): NewDraft => ({
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

/** L.1 of a new session. */
export async function seedDraft(store: Store) {
  const session = await seedSession(store);
  return store.createDraft(draftInput(session.id, 1));
}

/** An update of a draft, of no one, holding these bytes. */
export const update = (draftId: string, ...b: number[]) => ({ draftId, update: bytes(...b), userId: null, delegationId: null });

/** Expect a promise to reject with UniqueViolation of this constraint. */
export async function expectUnique(promise: Promise<unknown>, constraint: string): Promise<void> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UniqueViolation);
  expect((err as UniqueViolation).constraint).toBe(constraint);
}
