/**
 * The demo seed, against a real store: SQLite in a temp dir, and PostgreSQL in a database of
 * this file's own (skipped with a printed reason when PostgreSQL is not there, failing instead
 * when PENHOLDER_REQUIRE_POSTGRES=1). The facts checked are the report's: nine drafts, their
 * sponsors, their lineage and the action taken.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveStatus, statusLabel, validateEvent, type DraftEvent, type DraftStatus } from '../../../shared/lifecycle';
import { textFromJSON } from '../../../shared/schema';
import { splitAtIssue, sponsorsAsOf } from '../../../shared/sponsorship';
import { verifyPassword } from '../../../server/auth/passwords';
import { DEMO_ACCOUNTS, demoPassword } from '../../../server/demo/accounts';
import { DEMO_DELEGATIONS } from '../../../server/demo/delegations';
import { codeOfSponsor } from '../../../server/demo/plan';
import { canonicalTextJSON, textHash } from '../../../shared/canonical';
import { DemoAlreadySeeded, seedDemo, type DemoAccount } from '../../../server/demo/seed';
import { openStore } from '../../../server/storage';
import type { DelegationRow, DraftEventRow, DraftRow, RecordRepos, RevisionRow, SessionRow, Store } from '../../../server/storage/types';
import { createTestDatabase, postgresGate, type TestDatabase } from '../../helpers/postgres';

const gate = await postgresGate('demo/seed.test');

const facts = JSON.parse(readFileSync(new URL('../../../server/demo/fixtures/cop11-session.json', import.meta.url), 'utf8')) as {
  drafts: { symbol: string; sponsors?: { en: string }[] }[];
};
const PREFIX = 'CTOC/COP/2022';

async function sqliteStore(): Promise<{ store: Store; done(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'penholder-demo-'));
  const store = await openStore({ dataDir: dir });
  return {
    store,
    done: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What the seeded store holds, read once per backend. */
interface Seeded {
  accounts: DemoAccount[];
  session: SessionRow;
  delegations: DelegationRow[];
  drafts: Map<string, { draft: DraftRow; revisions: RevisionRow[]; events: DraftEventRow[]; status: DraftStatus }>;
}

function statusOf(rows: readonly DraftEventRow[]): DraftStatus {
  const events = rows.map((r) => {
    const valid = validateEvent({ ...r.payload, type: r.type });
    if (!valid.ok) throw new Error(valid.error);
    return valid.value;
  });
  const status = deriveStatus(events);
  if (!status.ok) throw new Error(status.error);
  return status.value;
}

async function readSeeded(store: Store, accounts: DemoAccount[]): Promise<Seeded> {
  const session = (await store.listSessions()).find((s) => s.symbolPrefix === PREFIX)!;
  const drafts: Seeded['drafts'] = new Map();
  for (const draft of await store.listDrafts(session.id)) {
    const revisions = (await store.listRevisions(draft.id)).sort((a, b) => a.revision - b.revision);
    const events = await store.listDraftEvents(draft.id);
    drafts.set(revisions.at(-1)!.symbol, { draft, revisions, events, status: statusOf(events) });
  }
  return { accounts, session, delegations: await store.listDelegations(), drafts };
}

function seedSuite(kind: 'sqlite' | 'postgres', open: () => Promise<{ store: Store; done(): Promise<void> }>) {
  let store: Store;
  let done: () => Promise<void>;
  let seeded: Seeded;
  const code = (id: string) => seeded.delegations.find((d) => d.id === id)?.code;
  const idOf = (c: string) => seeded.delegations.find((d) => d.code === c)!.id;
  const draft = (symbol: string) => seeded.drafts.get(`${PREFIX}/${symbol}`)!;

  beforeAll(async () => {
    ({ store, done } = await open());
    seeded = await readSeeded(store, await seedDemo(store, { passwords: 'fixed' }));
  });
  afterAll(async () => done?.());

  it('creates the body and its eleventh session', async () => {
    expect(seeded.session).toMatchObject({ number: 11, place: 'Vienna', opens: '2022-10-17', closes: '2022-10-21' });
    const body = await store.getBody(seeded.session.bodyId);
    expect(body?.name.zh).toBe('联合国打击跨国有组织犯罪公约缔约方会议');
    expect(body?.name.en).toMatch(/^Conference of the Parties to the United Nations Convention against Transnational Organized Crime$/);
  });

  it('creates the nine drafts under the symbols the session acted on', () => {
    expect([...seeded.drafts.keys()].sort()).toEqual(facts.drafts.map((d) => d.symbol).sort());
    expect(seeded.drafts.size).toBe(9);
    for (const [symbol, { draft: d }] of seeded.drafts) {
      expect(symbol).toContain(`/L.${d.lNumber}`);
      expect(d.language).toBe('zh');
      expect(d.title.en).not.toBe('');
    }
    expect(draft('L.4').draft.submittedBy?.en).toBe('Chair of the Working Group on International Cooperation');
    expect(draft('L.9/Rev.1').draft).toMatchObject({ kind: 'decision', agendaItem: '2(a)' });
  });

  it('issues every text of each lineage, with the hash of its text', () => {
    expect(draft('L.7/Rev.2').revisions.map((r) => r.symbol)).toEqual([`${PREFIX}/L.7`, `${PREFIX}/L.7/Rev.1`, `${PREFIX}/L.7/Rev.2`]);
    expect(draft('L.4').revisions.map((r) => r.revision)).toEqual([0]);
    for (const { revisions, events } of seeded.drafts.values()) {
      const issued = events.filter((e) => e.type === 'issued').map((e) => e.payload.symbol);
      expect(issued).toEqual(revisions.map((r) => r.symbol));
      for (const r of revisions) {
        const node = textFromJSON(r.text);
        expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(createHash('sha256').update(canonicalTextJSON(node)).digest('hex')).toBe(r.hash);
        expect(textHash(node)).toBe(r.hash);
      }
    }
  });

  it('derives L.9/Rev.1 as deferred by its sponsors, no action taken, annexed to the report', () => {
    const { status } = draft('L.9/Rev.1');
    expect(status.state).toBe('deferred');
    expect(status.finalAction).toMatchObject({ type: 'deferred', decidedBy: 'sponsors', noAction: true, annexedToReport: true, meeting: 11, date: '2022-10-21' });
    expect(status.introduction).toEqual({ meeting: 11, date: '2022-10-21', by: idOf('CHL') });
  });

  it('derives L.10/Rev.2 as adopted as orally amended at the 10th meeting, becoming resolution 11/6', () => {
    const { status } = draft('L.10/Rev.2');
    expect(status.state).toBe('adopted');
    expect(status.finalAction).toMatchObject({ meeting: 10, orallyAmended: true, vote: { kind: 'without_vote' }, becomes: { kind: 'resolution', number: '11/6' } });
    expect(statusLabel(status, 'en')).toBe('adopted as orally amended');
  });

  it('derives the other drafts as adopted without a vote, numbered as the report numbers them', () => {
    const becomes = [...seeded.drafts.values()].flatMap(({ status }) => {
      const a = status.finalAction as Extract<DraftEvent, { type: 'adopted' }> | null;
      return a?.type === 'adopted' ? [`${a.becomes?.kind} ${a.becomes?.number}`] : [];
    });
    expect(becomes.sort()).toEqual(['decision 11/1', 'decision 11/2', ...[1, 2, 3, 4, 5, 6].map((n) => `resolution 11/${n}`)]);
    expect(draft('L.4').status.finalAction).toMatchObject({ orallyAmended: false, vote: { kind: 'without_vote' } });
  });

  it('gives L.7/Rev.2 its 14 sponsors, the State of Palestine among them', async () => {
    const { draft: d, revisions } = draft('L.7/Rev.2');
    const list = sponsorsAsOf(await store.listSponsorshipEvents(d.id));
    expect(code(list.main!.delegationId)).toBe('DZA');
    expect(list.coSponsors).toHaveLength(13);
    expect(revisions.at(-1)!.sponsorIds).toHaveLength(14);
    expect(revisions.at(-1)!.sponsorIds).toContain(idOf('PSE'));
    expect(seeded.delegations.find((x) => x.code === 'PSE')).toMatchObject({ kind: 'observer', name: { en: 'State of Palestine', zh: '巴勒斯坦国' } });
  });

  it('keeps the 13 sponsors of L.9 at issue apart from the 3 who joined later', async () => {
    const { draft: d, revisions } = draft('L.9/Rev.1');
    const events = await store.listSponsorshipEvents(d.id);
    const rev1 = revisions.at(-1)!;
    expect(rev1.sponsorIds).toHaveLength(13);
    expect(rev1.sponsorIds.map(code)[0]).toBe('CHL');
    const split = splitAtIssue(events, { date: rev1.issuedAt.slice(0, 10) });
    expect(split.atIssue.map((s) => s.delegationId)).toEqual(rev1.sponsorIds);
    expect(split.joinedAfter.map((s) => code(s.delegationId))).toEqual(['CAN', 'ECU', 'GTM']);
    expect(split.joinedAfter.every((s) => s.since === '2022-10-21')).toBe(true);
    expect(events.find((e) => code(e.delegationId) === 'EU')?.onBehalfOf?.en).toBe('also on behalf of its member States');
  });

  it('names no main sponsor for drafts an officer submitted', async () => {
    const list = sponsorsAsOf(await store.listSponsorshipEvents(draft('L.4').draft.id));
    expect(list.main).toBeNull();
    expect(list.coSponsors.map((s) => code(s.delegationId))).toEqual(['GBR', 'USA']);
  });

  it('keeps each delegation once whatever name the report gives it, and has non-sponsors too', async () => {
    expect(seeded.delegations.filter((d) => d.code === 'GBR')).toHaveLength(1);
    expect(seeded.delegations.find((d) => d.code === 'GBR')!.name).toEqual({ en: 'United Kingdom', zh: '联合王国' });
    expect(seeded.delegations.find((d) => d.code === 'EU')!.kind).toBe('regional');
    expect(new Set(seeded.delegations.map((d) => d.name.en)).size).toBe(seeded.delegations.length);
    const sponsoring = new Set<string>();
    for (const { draft: d } of seeded.drafts.values()) {
      for (const e of await store.listSponsorshipEvents(d.id)) sponsoring.add(code(e.delegationId)!);
    }
    expect(sponsoring.has('GBR') && sponsoring.has('USA')).toBe(true);
    const nonSponsors = seeded.delegations.map((d) => d.code).filter((c) => !sponsoring.has(c));
    expect(nonSponsors.sort()).toEqual(['CHN', 'DEU', 'IND', 'NGA']);
  });

  it('lets every account sign in with its password, as who it says', async () => {
    expect(seeded.accounts.map((a) => a.login)).toContain('chile@demo.penholder');
    for (const a of seeded.accounts) {
      const user = await store.getUserByLogin(a.login);
      expect(user, a.login).not.toBeNull();
      expect(await verifyPassword(a.password, user!.passwordHash), a.login).toBe(true);
      expect(await verifyPassword(`${a.password}x`, user!.passwordHash)).toBe(false);
      expect(user).toMatchObject({ role: a.role, displayName: a.displayName, active: true });
      const delegation = user!.delegationId === null ? null : seeded.delegations.find((d) => d.id === user!.delegationId)!.name.en;
      expect(delegation).toBe(a.delegation);
    }
    expect(seeded.accounts.map((a) => a.role).sort()).toEqual(['chair', 'delegate', 'delegate', 'delegate', 'delegate', 'delegate', 'delegate', 'secretariat']);
  });

  it('makes the chair account chair the consultations on L.9/Rev.1', async () => {
    const chair = await store.getUserByLogin('chair@demo.penholder');
    expect(draft('L.9/Rev.1').draft.chairUserId).toBe(chair!.id);
    expect(draft('L.4').draft.chairUserId).toBeNull();
  });

  it('writes no working text: the update log stays empty', async () => {
    for (const { draft: d } of seeded.drafts.values()) {
      expect(await store.lastSeq(d.id)).toBe(0);
      expect(await store.latestCheckpoint(d.id)).toBeNull();
    }
  });

  it('refuses to seed twice, and changes nothing', async () => {
    const users = await store.countUsers();
    await expect(seedDemo(store, { passwords: 'fixed' })).rejects.toThrow(DemoAlreadySeeded);
    await expect(seedDemo(store)).rejects.toThrow(/already in the store/);
    expect(await store.countUsers()).toBe(users);
    expect(await store.listSessions()).toHaveLength(1);
    expect(await store.listDrafts(seeded.session.id)).toHaveLength(9);
  });

  it(`runs on ${kind}`, () => expect(store.kind).toBe(kind));
}

describe('seedDemo on SQLite', () => seedSuite('sqlite', sqliteStore));

describe.skipIf(!gate.run)('seedDemo on PostgreSQL', () => {
  let db: TestDatabase | undefined;
  seedSuite('postgres', async () => {
    db = await createTestDatabase('penholder_demo');
    const store = await openStore({ dataDir: '', databaseUrl: db.url });
    return {
      store,
      done: async () => {
        await store.close();
        await db?.drop();
      },
    };
  });
});

describe('seedDemo, whole or not at all', () => {
  it('chooses random readable passwords per install by default', async () => {
    const { store, done } = await sqliteStore();
    try {
      const accounts = await seedDemo(store);
      for (const a of accounts) {
        expect(a.password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
        expect(await verifyPassword(a.password, (await store.getUserByLogin(a.login))!.passwordHash)).toBe(true);
      }
      expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
      for (const spec of DEMO_ACCOUNTS) expect(demoPassword(spec, 'random')).not.toBe(demoPassword(spec, 'random'));
    } finally {
      await done();
    }
  });

  it('writes nothing when a write fails half-way', async () => {
    const { store, done } = await sqliteStore();
    try {
      let revisions = 0;
      // A store whose fifth revision cannot be written: the transaction must roll back whole.
      const failing = new Proxy(store, {
        get(target, key) {
          if (key !== 'transaction') return Reflect.get(target, key, target);
          return (fn: (tx: RecordRepos) => Promise<unknown>) =>
            target.transaction((tx) =>
              fn(
                new Proxy(tx, {
                  get(inner, k) {
                    if (k !== 'createRevision') return Reflect.get(inner, k, inner);
                    return (r: Parameters<RecordRepos['createRevision']>[0]) => {
                      if (++revisions === 5) throw new Error('disk full');
                      return inner.createRevision(r);
                    };
                  },
                }),
              ),
            );
        },
      });
      await expect(seedDemo(failing, { passwords: 'fixed' })).rejects.toThrow('disk full');
      expect(await store.listSessions()).toEqual([]);
      expect(await store.countUsers()).toBe(0);
      expect(await store.listDelegations()).toEqual([]);
      expect((await seedDemo(store, { passwords: 'fixed' })).length).toBe(DEMO_ACCOUNTS.length);
    } finally {
      await done();
    }
  });

  it('knows every sponsor the fixtures name', () => {
    for (const d of facts.drafts) for (const s of d.sponsors ?? []) expect(DEMO_DELEGATIONS.map((x) => x.code)).toContain(codeOfSponsor(s));
    expect(() => codeOfSponsor({ en: 'Atlantis' })).toThrow(/Atlantis/);
  });
});
