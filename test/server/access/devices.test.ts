/**
 * Sign-in throttling that does not lock the owner out (OWASP device cookies). Two addresses, as a
 * proxy reports them (TRUST_PROXY and X-Forwarded-For): someone guessing a delegate's password
 * from one address locks the account for every browser that never signed in to it, from any
 * address, while the delegate's own browser, which did, still gets in; its failures are counted
 * per device. A device cookie is good only for its login and as signed, and its key is shared by
 * instances on one database and survives a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueResetCode } from '../../../server/auth/resets';
import type { Config } from '../../../server/config';
import { makeUser, TEST_PASSWORD, type TestUser } from '../../helpers/factories';
import { createTestDatabase, postgresGate } from '../../helpers/postgres';
import { call, startTestServer, type ApiResponse, type TestServer } from '../../helpers/server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Three wrong passwords lock an account (or a device) for `lockMs`, doubling with each further one.
const config = (lockMs: number): Partial<Config> => ({
  trustProxy: true,
  loginThrottle: { accountFailures: 3, addressFailures: 100, windowMs: 60_000, baseDelayMs: lockMs, maxDelayMs: 60_000 },
});

/** A browser: the address it comes from, and the device cookie it keeps (if it signed in). */
class Browser {
  device: string | null = null;
  constructor(readonly address: string) {}

  async signIn(server: Pick<TestServer, 'url'>, login: string, password: string): Promise<ApiResponse> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.address };
    if (this.device) headers.cookie = this.device;
    const res = await call(server, 'POST', '/api/auth/login', { body: { login, password }, headers });
    this.keep(res);
    return res;
  }

  keep(res: ApiResponse): void {
    const set = res.headers.getSetCookie().find((c) => c.startsWith('ph_device='));
    if (set) this.device = set.split(';')[0]!;
  }
}

const OWNER_ADDRESS = '198.51.100.7';
const GUESSER_ADDRESS = '203.0.113.9';

describe('sign-in throttling with device cookies', () => {
  // Locks that outlast each test, and on `waiting`, locks short enough to wait out.
  let server: TestServer;
  let waiting: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: config(30_000) });
    waiting = await startTestServer({ config: config(700) });
  });
  afterAll(async () => {
    await server.close();
    await waiting.close();
  });

  /** A delegate whose own browser has signed in once, and so is a known device. */
  async function ownerWithLaptop(on: TestServer = server): Promise<{ user: TestUser; laptop: Browser }> {
    const user = await makeUser(on.store, 'chair');
    const laptop = new Browser(OWNER_ADDRESS);
    expect((await laptop.signIn(on, user.login, TEST_PASSWORD)).status).toBe(200);
    expect(laptop.device).toMatch(/^ph_device=/);
    return { user, laptop };
  }

  it('lets the owner in on a known browser while guesses from another address lock the account for every other browser', async () => {
    const { user, laptop } = await ownerWithLaptop();
    const guesser = new Browser(GUESSER_ADDRESS);
    for (let i = 0; i < 3; i++) expect((await guesser.signIn(server, user.login, `guess ${i}`)).status).toBe(401);
    // Locked for the guesser, even with the right password, and for a new browser at the owner's address.
    expect((await guesser.signIn(server, user.login, TEST_PASSWORD)).status).toBe(429);
    expect((await new Browser(OWNER_ADDRESS).signIn(server, user.login, TEST_PASSWORD)).status).toBe(429);
    // Not for the owner's laptop, at home or anywhere else.
    expect((await laptop.signIn(server, user.login, TEST_PASSWORD)).status).toBe(200);
    const onTheRoad = Object.assign(new Browser(GUESSER_ADDRESS), { device: laptop.device });
    expect((await onTheRoad.signIn(server, user.login, TEST_PASSWORD)).status).toBe(200);
  });

  it('keeps letting the owner in while one wrong guess each time the lock ends keeps the account locked', async () => {
    const { user, laptop } = await ownerWithLaptop(waiting);
    const guesser = new Browser(GUESSER_ADDRESS);
    for (let i = 0; i < 3; i++) await guesser.signIn(waiting, user.login, `guess ${i}`);
    for (let round = 0; round < 2; round++) {
      // Wait the lock out (a throttled attempt is not counted), then one more guess locks the
      // account again, for longer.
      const locked = await new Browser(GUESSER_ADDRESS).signIn(waiting, user.login, TEST_PASSWORD);
      expect(locked.status).toBe(429);
      await sleep(Number(locked.headers.get('retry-after')) * 1000);
      expect((await guesser.signIn(waiting, user.login, `guess after ${round}`)).status).toBe(401);
      expect((await new Browser(OWNER_ADDRESS).signIn(waiting, user.login, TEST_PASSWORD)).status).toBe(429);
      expect((await laptop.signIn(waiting, user.login, TEST_PASSWORD)).status).toBe(200);
    }
  });

  it("counts a known browser's own wrong passwords against it alone, not against the account", async () => {
    const { user, laptop } = await ownerWithLaptop(waiting);
    for (let i = 0; i < 3; i++) expect((await laptop.signIn(waiting, user.login, 'typo')).status).toBe(401);
    const locked = await laptop.signIn(waiting, user.login, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.id).toBe('too_many_attempts');
    // The account is not locked for the owner's other browsers.
    expect((await new Browser(GUESSER_ADDRESS).signIn(waiting, user.login, TEST_PASSWORD)).status).toBe(200);
    await sleep(Number(locked.headers.get('retry-after')) * 1000);
    expect((await laptop.signIn(waiting, user.login, TEST_PASSWORD)).status).toBe(200);
  });

  it('takes a device cookie only for the login it was given for, and only as signed', async () => {
    const { user } = await ownerWithLaptop();
    const { user: colleague, laptop: colleagues } = await ownerWithLaptop();
    const guesser = new Browser(GUESSER_ADDRESS);
    for (let i = 0; i < 3; i++) await guesser.signIn(server, user.login, `guess ${i}`);
    // The colleague's laptop is a known device of the colleague's account, not of this one.
    const borrowed = Object.assign(new Browser(OWNER_ADDRESS), { device: colleagues.device });
    expect((await borrowed.signIn(server, user.login, TEST_PASSWORD)).status).toBe(429);
    // A forged entry: a nonce and expiry of one's choosing with the colleague's signature.
    const [nonce, , mac] = colleagues.device!.slice('ph_device='.length).split('~')[0]!.split('.');
    const forged = Object.assign(new Browser(OWNER_ADDRESS), { device: `ph_device=${nonce}.${Math.floor(Date.now() / 1000) + 9_999_999}.${mac}` });
    expect((await forged.signIn(server, user.login, TEST_PASSWORD)).status).toBe(429);
    const garbled = Object.assign(new Browser(OWNER_ADDRESS), { device: `ph_device=${'A'.repeat(22)}.9999999999.${'B'.repeat(43)}` });
    expect((await garbled.signIn(server, user.login, TEST_PASSWORD)).status).toBe(429);
    // The colleague's own sign-in on it is untouched.
    expect((await colleagues.signIn(server, colleague.login, TEST_PASSWORD)).status).toBe(200);
  });

  it('remembers several logins on one browser', async () => {
    const a = await makeUser(server.store, 'chair');
    const b = await makeUser(server.store, 'chair');
    const shared = new Browser(OWNER_ADDRESS);
    expect((await shared.signIn(server, a.login, TEST_PASSWORD)).status).toBe(200);
    expect((await shared.signIn(server, b.login, TEST_PASSWORD)).status).toBe(200);
    const guesser = new Browser(GUESSER_ADDRESS);
    for (const u of [a, b]) for (let i = 0; i < 3; i++) await guesser.signIn(server, u.login, `guess ${i}`);
    expect((await shared.signIn(server, a.login, TEST_PASSWORD)).status).toBe(200);
    expect((await shared.signIn(server, b.login, TEST_PASSWORD)).status).toBe(200);
  });

  it('lets the owner change the password on a known browser while the account is locked, not a session taken elsewhere', async () => {
    const { user, laptop } = await ownerWithLaptop();
    const signedIn = await laptop.signIn(server, user.login, TEST_PASSWORD);
    const session = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const guesser = new Browser(GUESSER_ADDRESS);
    for (let i = 0; i < 3; i++) await guesser.signIn(server, user.login, `guess ${i}`);
    const change = (cookie: string, address: string) =>
      call(server, 'POST', '/api/auth/password', {
        cookie,
        headers: { 'x-forwarded-for': address },
        body: { currentPassword: TEST_PASSWORD, newPassword: 'another long password' },
      });
    // The session cookie alone, from the guesser's address (a stolen session), is held by the account's lock.
    expect((await change(session, GUESSER_ADDRESS)).status).toBe(429);
    expect((await change(`${session}; ${laptop.device}`, OWNER_ADDRESS)).status).toBe(204);
  });

  it('makes the browser that redeems a reset code a known device, the way in on a new browser while the account is locked', async () => {
    const user = await makeUser(server.store, 'chair');
    const guesser = new Browser(GUESSER_ADDRESS);
    for (let i = 0; i < 3; i++) await guesser.signIn(server, user.login, `guess ${i}`);
    const fresh = new Browser(OWNER_ADDRESS);
    expect((await fresh.signIn(server, user.login, TEST_PASSWORD)).status).toBe(429);
    const { code } = await issueResetCode(server.store, user.id, 60_000);
    const newPassword = 'a new password, long enough';
    const reset = await call(server, 'POST', '/api/auth/reset', { body: { code, newPassword }, headers: { 'x-forwarded-for': OWNER_ADDRESS } });
    expect(reset.status).toBe(204);
    fresh.keep(reset);
    expect((await fresh.signIn(server, user.login, newPassword)).status).toBe(200);
    expect((await new Browser(OWNER_ADDRESS).signIn(server, user.login, newPassword)).status).toBe(429);
  });
});

const pg = await postgresGate('device cookies across instances');

describe.skipIf(!pg.run)('device cookies across instances and restarts (PostgreSQL)', () => {
  it('takes a device cookie another instance gave, and one given before a restart', async () => {
    const db = await createTestDatabase('penholder_devices');
    let first: TestServer | undefined;
    let second: TestServer | undefined;
    try {
      first = await startTestServer({ databaseUrl: db.url, config: config(30_000) });
      const user = await makeUser(first.store, 'chair');
      const laptop = new Browser(OWNER_ADDRESS);
      expect((await laptop.signIn(first, user.login, TEST_PASSWORD)).status).toBe(200);
      second = await startTestServer({ databaseUrl: db.url, config: config(30_000) });
      // The first instance goes away (a restart, or a load balancer sending the laptop elsewhere).
      await first.close();
      first = undefined;
      const guesser = new Browser(GUESSER_ADDRESS);
      for (let i = 0; i < 3; i++) await guesser.signIn(second, user.login, `guess ${i}`);
      expect((await new Browser(OWNER_ADDRESS).signIn(second, user.login, TEST_PASSWORD)).status).toBe(429);
      expect((await laptop.signIn(second, user.login, TEST_PASSWORD)).status).toBe(200);
    } finally {
      await first?.close();
      await second?.close();
      await db.drop();
    }
  });
});
