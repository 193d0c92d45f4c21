/**
 * Device cookies (server/auth/devices.ts) on a real SQLite store: an entry is good for its login
 * until it expires, and for nothing else; a browser remembers up to four logins, the newest first;
 * two DeviceCookies on one database (two instances, or one restarted) accept each other's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_COOKIE, DeviceCookies } from '../../../server/auth/devices';
import { openStore } from '../../../server/storage';
import type { Store } from '../../../server/storage/types';

const DAY = 24 * 60 * 60 * 1000;
/** The Cookie header a browser sends back for a Set-Cookie value. */
const sentBack = (setCookie: string) => setCookie.split(';')[0]!;

describe('DeviceCookies', () => {
  let store: Store;
  let dir: string;
  let devices: DeviceCookies;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'penholder-devices-'));
    store = await openStore({ dataDir: dir });
    devices = new DeviceCookies(store, 10 * DAY);
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('knows the browser for the login it signed in with, in any case, until the entry expires', async () => {
    const now = Date.now();
    const cookie = sentBack(await devices.cookieFor(undefined, 'Chair@Example.org', false, now));
    expect(cookie.startsWith(`${DEVICE_COOKIE}=`)).toBe(true);
    const device = await devices.deviceOf(cookie, 'chair@example.org', now);
    expect(device).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await devices.deviceOf(`other=1; ${cookie}`, ' CHAIR@example.org ', now + 9 * DAY)).toBe(device);
    expect(await devices.deviceOf(cookie, 'chair@example.org', now + 10 * DAY + 1_000)).toBeNull();
    expect(await devices.deviceOf(cookie, 'someone-else@example.org', now)).toBeNull();
    expect(await devices.deviceOf(undefined, 'chair@example.org', now)).toBeNull();
  });

  it('keeps the entries of other logins, newest first, at most four, and replaces its own', async () => {
    let cookie: string | undefined;
    for (const login of ['a', 'b', 'c', 'd', 'e']) cookie = sentBack(await devices.cookieFor(cookie, `${login}@t`, false));
    expect(cookie!.split('~')).toHaveLength(4);
    for (const login of ['b', 'c', 'd', 'e']) expect(await devices.deviceOf(cookie, `${login}@t`), login).not.toBeNull();
    expect(await devices.deviceOf(cookie, 'a@t')).toBeNull();
    const before = await devices.deviceOf(cookie, 'c@t');
    const again = sentBack(await devices.cookieFor(cookie, 'c@t', false));
    expect(again.split('~')).toHaveLength(4);
    expect(await devices.deviceOf(again, 'c@t')).not.toBe(before);
    expect(again.split('=')[1]!.startsWith((await devices.deviceOf(again, 'c@t'))!)).toBe(true);
  });

  it('ignores malformed and tampered entries', async () => {
    const cookie = sentBack(await devices.cookieFor(undefined, 'x@t', false));
    const [nonce, expires, mac] = cookie.split('=')[1]!.split('.');
    const flipped = mac!.startsWith('A') ? `B${mac!.slice(1)}` : `A${mac!.slice(1)}`;
    for (const bad of [`${nonce}.${expires}.${flipped}`, `${nonce}.${Number(expires) + 1}.${mac}`, 'garbage', `${nonce}.${expires}`, '~~~~~~~~']) {
      expect(await devices.deviceOf(`${DEVICE_COOKIE}=${bad}`, 'x@t'), bad).toBeNull();
    }
  });

  it('accepts cookies another DeviceCookies on the same database gave (another instance, a restart)', async () => {
    const cookie = sentBack(await devices.cookieFor(undefined, 'x@t', false));
    expect(await new DeviceCookies(store).deviceOf(cookie, 'x@t')).not.toBeNull();
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    expect(await devices.cookieFor(undefined, 'x@t', true)).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
  });
});
