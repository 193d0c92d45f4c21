import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: path.resolve('./data'),
      databaseUrl: null,
      redisUrl: null,
      cookieSecure: false,
      bodyLimitBytes: 1024 * 1024,
      sessionTtlMs: 12 * 3600_000,
      tokenTtlMs: 10 * 60_000,
      sessionIdleMs: 2 * 3600_000,
      resetTtlMs: 24 * 3600_000,
      publicOrigin: null,
      trustProxy: false,
      loginThrottle: { accountFailures: 5, addressFailures: 50, windowMs: 15 * 60_000, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000 },
      writeRate: { perSecond: 20, burst: 200 },
    });
  });

  it('reads each variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/penholder',
      DATABASE_URL: 'postgres://u@db:5432/ph',
      REDIS_URL: 'redis://cache:6379',
      COOKIE_SECURE: 'true',
      BODY_LIMIT: '2mb',
      SESSION_TTL_MINUTES: '60',
      SESSION_IDLE_MINUTES: '30',
      PUBLIC_ORIGIN: 'https://penholder.example.org/',
      TRUST_PROXY: 'yes',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/penholder',
      databaseUrl: 'postgres://u@db:5432/ph',
      redisUrl: 'redis://cache:6379',
      cookieSecure: true,
      bodyLimitBytes: 2 * 1024 * 1024,
      sessionTtlMs: 3600_000,
      sessionIdleMs: 30 * 60_000,
      publicOrigin: 'https://penholder.example.org',
      trustProxy: true,
    });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: ' ', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: null });
  });

  it('stops at start with a message naming the variable', () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ PORT: 'eighty' }, /^PORT="eighty" is not valid: expected an integer from 0 to 65535$/],
      [{ PORT: '70000' }, /PORT/],
      [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL.*postgres/],
      [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
      [{ REDIS_URL: 'http://x' }, /REDIS_URL/],
      [{ COOKIE_SECURE: 'maybe' }, /COOKIE_SECURE.*true or false/],
      [{ BODY_LIMIT: '1gb' }, /BODY_LIMIT/],
      [{ BODY_LIMIT: '10' }, /BODY_LIMIT/],
      [{ HOST: 'a b' }, /HOST/],
      [{ PUBLIC_ORIGIN: 'ftp://x' }, /PUBLIC_ORIGIN/],
      [{ SESSION_IDLE_MINUTES: '0' }, /SESSION_IDLE_MINUTES/],
    ];
    for (const [env, message] of bad) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    }
  });
});
