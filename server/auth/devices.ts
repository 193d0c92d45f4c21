/**
 * Device cookies, after OWASP's "Slow Down Online Guessing Attacks with Device Cookies": a
 * browser that signed in to an account before carries a signed cookie that names the login, and
 * its sign-in attempts for that login are throttled on their own (per device), not with the
 * account's. Someone guessing one delegate's password from elsewhere locks out only browsers
 * that never signed in as that delegate; the delegate's own laptop still gets in.
 *
 * The cookie holds up to four entries (a shared secretariat laptop used by several officers), each
 * `nonce.expiry.mac`, where mac is an HMAC-SHA256 of the lower-case login, the nonce and the
 * expiry. The login is not in the cookie: an entry is valid only for the login typed with it.
 * The key is stored in the database (`server_secrets`), so every instance and every restart
 * signs and checks with the same one.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../storage/types';
import { readCookie } from './sessions';

/** The name of the device cookie (sent only to /api/auth). */
export const DEVICE_COOKIE = 'ph_device';

/** How long a browser stays a known device of a login after its last sign-in there. */
export const DEVICE_TTL_MS = 180 * 24 * 60 * 60 * 1000;

// The name of the signing key in server_secrets.
const KEY_NAME = 'device-cookie-key';
// Entries per cookie: one per login that signed in from this browser, the newest first.
const MAX_ENTRIES = 4;
const ENTRY = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/** Issues and checks device cookies with the key all instances share. */
export class DeviceCookies {
  private key: Promise<Buffer> | null = null;

  constructor(
    private readonly store: Pick<Store, 'sharedSecret'>,
    private readonly ttlMs: number = DEVICE_TTL_MS,
  ) {}

  /**
   * The device a sign-in attempt comes from, when its Cookie header carries a valid, unexpired
   * entry for `login` (the key its failures are counted under); null for any other browser.
   */
  async deviceOf(cookieHeader: string | undefined, login: string, now: number = Date.now()): Promise<string | null> {
    const entries = entriesOf(cookieHeader);
    if (entries.length === 0) return null;
    const key = await this.signingKey();
    return entries.find((e) => isValidFor(key, e, login, now))?.nonce ?? null;
  }

  /**
   * The Set-Cookie value that makes this browser a known device of `login` (after a sign-in or a
   * reset code redeemed here): a fresh entry first, then the entries it had for other logins.
   */
  async cookieFor(cookieHeader: string | undefined, login: string, secure: boolean, now: number = Date.now()): Promise<string> {
    const key = await this.signingKey();
    const expires = Math.floor((now + this.ttlMs) / 1000);
    const nonce = randomBytes(16).toString('base64url');
    const fresh: Entry = { nonce, expires, mac: mac(key, login, nonce, expires) };
    const others = entriesOf(cookieHeader).filter((e) => e.expires * 1000 > now && !isValidFor(key, e, login, now));
    const value = [fresh, ...others]
      .slice(0, MAX_ENTRIES)
      .map((e) => `${e.nonce}.${e.expires}.${e.mac}`)
      .join('~');
    const maxAge = Math.floor(this.ttlMs / 1000);
    return [`${DEVICE_COOKIE}=${value}`, 'Path=/api/auth', `Max-Age=${maxAge}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
  }

  // Loaded once; the first instance to need it stores it. A failed load is tried again next time.
  private signingKey(): Promise<Buffer> {
    this.key ??= this.store.sharedSecret(KEY_NAME, randomBytes(32).toString('base64url')).then(
      (secret) => Buffer.from(secret, 'base64url'),
      (err: unknown) => {
        this.key = null;
        throw err;
      },
    );
    return this.key;
  }
}

interface Entry {
  nonce: string;
  /** Unix seconds. */
  expires: number;
  mac: string;
}

function entriesOf(cookieHeader: string | undefined): Entry[] {
  const value = readCookie(cookieHeader, DEVICE_COOKIE);
  if (!value) return [];
  const entries: Entry[] = [];
  for (const part of value.split('~').slice(0, MAX_ENTRIES)) {
    const m = ENTRY.exec(part);
    if (m) entries.push({ nonce: m[1]!, expires: Number(m[2]), mac: m[3]! });
  }
  return entries;
}

function mac(key: Buffer, login: string, nonce: string, expires: number): string {
  return createHmac('sha256', key).update(`device\n${login.trim().toLowerCase()}\n${nonce}\n${expires}`).digest('base64url');
}

function isValidFor(key: Buffer, e: Entry, login: string, now: number): boolean {
  if (e.expires * 1000 <= now) return false;
  return timingSafeEqual(Buffer.from(mac(key, login, e.nonce, e.expires)), Buffer.from(e.mac));
}
