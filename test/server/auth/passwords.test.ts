import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from '../../../server/auth/passwords';
import { hashSecret, newSecret, readCookie, sessionCookie } from '../../../server/auth/sessions';

describe('passwords', () => {
  it('verifies the password it hashed, and no other', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash, so equal passwords do not give equal hashes', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('keeps the parameters in the stored string, so old hashes keep working when they change', async () => {
    const stored = await hashPassword('pässwörd');
    const [, n, r, p] = stored.split('$');
    expect([Number(n), Number(r), Number(p)]).toEqual([32768, 8, 1]);
    // Unicode is normalised: the composed and decomposed spellings are one password.
    expect(await verifyPassword('pa\u0308sswo\u0308rd', stored)).toBe(true);
  });

  it('never matches a malformed or absurd stored string (and does not throw)', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$2$3', 'bcrypt$a$b$c$d$e', 'scrypt$4194304$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAA==', 'scrypt$16384$8$1$AAAA$AA==']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('generates typeable passwords of the asked length without look-alike characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const pw = generatePassword();
      expect(pw).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{20}$/);
      seen.add(pw);
    }
    expect(seen.size).toBe(50);
  });
});

describe('session secrets', () => {
  it('are 32 random bytes, stored only as their SHA-256', () => {
    const secret = newSecret();
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(hashSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(secret)).not.toContain(secret);
    expect(newSecret()).not.toBe(secret);
  });

  it('travel in an httpOnly SameSite=Lax cookie, Secure when asked', () => {
    const expires = new Date(Date.now() + 3600_000).toISOString();
    const plain = sessionCookie('abc', expires, false);
    expect(plain).toMatch(/^ph_session=abc; Path=\/; Max-Age=(3599|3600); HttpOnly; SameSite=Lax$/);
    expect(sessionCookie('abc', expires, true)).toMatch(/; Secure$/);
  });

  it('are read from a Cookie header among other cookies', () => {
    expect(readCookie('a=1; ph_session=xyz; b=2', 'ph_session')).toBe('xyz');
    expect(readCookie('ph_sessionx=1', 'ph_session')).toBeNull();
    expect(readCookie(undefined, 'ph_session')).toBeNull();
  });
});
