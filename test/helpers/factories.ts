/**
 * Factories for server tests: a body and session, delegations, users of each role with a
 * known password, drafts with a main sponsor. They write through the store and the commands
 * (never the HTTP API), so a test of a route does not depend on another route.
 *
 *   const world = await makeWorld(server.store);
 *   const sponsor = await loginAs(server, world.users.sponsor.login, TEST_PASSWORD);
 */
import type { Role } from '../../shared/accounts';
import type { DelegationKind, LocalizedText } from '../../shared/delegations';
import { hashPassword } from '../../server/auth/passwords';
import { createDraft, type NewDraftInput } from '../../server/commands/draftCreator';
import type { BodyRow, DelegationRow, DraftRow, SessionRow, Store, UserRow } from '../../server/storage/types';

/** The password of every factory-made user. */
export const TEST_PASSWORD = 'correct horse battery staple';

let counter = 0;
/** A tag unique within the test process, to keep codes, logins and prefixes apart. */
export function uniqueTag(): string {
  counter += 1;
  return `${process.pid.toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}

// scrypt is slow on purpose; one hash of the test password serves every factory user.
let testHash: Promise<string> | undefined;
function testPasswordHash(): Promise<string> {
  testHash ??= hashPassword(TEST_PASSWORD);
  return testHash;
}

/** A body and one of its sessions, with a unique symbol prefix. */
export async function makeSession(
  store: Store,
  overrides: Partial<Pick<SessionRow, 'symbolPrefix' | 'number' | 'opens' | 'closes'>> = {},
): Promise<{ body: BodyRow; session: SessionRow }> {
  const body = await store.createBody({ name: { en: 'Conference of the Parties', zh: '缔约方会议' } });
  const session = await store.createSession({
    bodyId: body.id,
    number: overrides.number ?? 11,
    title: { en: 'Eleventh session', zh: '第十一届会议' },
    symbolPrefix: overrides.symbolPrefix ?? `CTOC/COP/T${uniqueTag()}`,
    place: 'Vienna',
    opens: overrides.opens ?? '2022-10-17',
    closes: overrides.closes ?? '2022-10-21',
  });
  return { body, session };
}

/** A delegation with a unique code. */
export async function makeDelegation(store: Store, name: LocalizedText = { en: 'Chile', zh: '智利' }, kind: DelegationKind = 'member'): Promise<DelegationRow> {
  return store.createDelegation({ code: `D${uniqueTag()}`, name, kind });
}

/** A user made by a factory, with the login and password to sign in with. */
export interface TestUser extends UserRow {
  password: string;
}

/** A user of a role (a delegate needs a delegation), with TEST_PASSWORD. */
export async function makeUser(store: Store, role: Role, opts: { delegationId?: string | null; login?: string; displayName?: string; active?: boolean } = {}): Promise<TestUser> {
  const login = (opts.login ?? `${role}-${uniqueTag()}@test`).toLowerCase();
  const user = await store.createUser({
    login,
    displayName: opts.displayName ?? `${role} ${login}`,
    role,
    delegationId: opts.delegationId ?? null,
    passwordHash: await testPasswordHash(),
    active: opts.active,
  });
  return { ...user, password: TEST_PASSWORD };
}

/** A draft put forward through the draft creator (so its main sponsorship is recorded). */
export async function makeDraft(
  store: Store,
  input: Pick<NewDraftInput, 'sessionId' | 'createdBy'> & Partial<NewDraftInput> & { mainSponsorId?: string | null },
): Promise<DraftRow> {
  const { mainSponsorId, ...rest } = input;
  return createDraft(store, {
    kind: 'resolution',
    title: { en: 'Strengthening international cooperation', zh: '加强国际合作' },
    agendaItem: '4 (a)',
    language: 'en',
    date: '2022-10-17',
    mainSponsor: mainSponsorId ? { delegationId: mainSponsorId, onBehalfOf: null } : null,
    ...rest,
  });
}

/** A session with a draft and one user of each kind the policy tells apart. */
export interface World {
  body: BodyRow;
  session: SessionRow;
  delegations: { main: DelegationRow; other: DelegationRow; third: DelegationRow };
  users: {
    secretariat: TestUser;
    /** Chairs the draft's consultations. */
    chair: TestUser;
    /** Delegate of the main sponsor. */
    sponsor: TestUser;
    /** Delegate of a delegation that does not sponsor. */
    nonSponsor: TestUser;
    /** Delegate of a third delegation (not sponsoring either). */
    third: TestUser;
  };
  /** L.1, main sponsor `delegations.main`, chaired by `users.chair`, dated 2022-10-17. */
  draft: DraftRow;
}

/** Everything most server tests need, in one call. */
export async function makeWorld(store: Store): Promise<World> {
  const { body, session } = await makeSession(store);
  const main = await makeDelegation(store, { en: 'Chile', zh: '智利' });
  const other = await makeDelegation(store, { en: 'Peru', zh: '秘鲁' });
  const third = await makeDelegation(store, { en: 'Austria', zh: '奥地利' });
  const secretariat = await makeUser(store, 'secretariat');
  const chair = await makeUser(store, 'chair');
  const sponsor = await makeUser(store, 'delegate', { delegationId: main.id });
  const nonSponsor = await makeUser(store, 'delegate', { delegationId: other.id });
  const thirdUser = await makeUser(store, 'delegate', { delegationId: third.id });
  const draft = await makeDraft(store, { sessionId: session.id, createdBy: secretariat.id, mainSponsorId: main.id, chairUserId: chair.id, lNumber: 1 });
  return {
    body,
    session,
    delegations: { main, other, third },
    users: { secretariat, chair, sponsor, nonSponsor, third: thirdUser },
    draft,
  };
}
