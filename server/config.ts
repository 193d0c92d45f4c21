/**
 * Server configuration from the environment, checked once at start: a wrong value stops the
 * server with a message that names the variable, rather than surfacing later as odd behaviour.
 */
import path from 'node:path';

/** Everything the server reads from the environment. */
export interface Config {
  /** HTTP and WebSocket port (0 picks a free one, as tests do). */
  port: number;
  /** Address to listen on; a product serves the network, so the default is every interface. */
  host: string;
  /** Where the SQLite file (and the demo accounts list) live. */
  dataDir: string;
  /** A PostgreSQL URL; when set, everything is stored there instead of SQLite. */
  databaseUrl: string | null;
  /** A Redis URL shared by server instances (with DATABASE_URL): the fan-out, and the sign-in and write limits' counters. */
  redisUrl: string | null;
  /** Mark the session cookie `Secure` (behind HTTPS). */
  cookieSecure: boolean;
  /** Largest JSON request body, in bytes. */
  bodyLimitBytes: number;
  /** How long a browser session lasts, in ms. */
  sessionTtlMs: number;
  /** How long a bearer token lasts, in ms. */
  tokenTtlMs: number;
  /** A browser session ends after this long without a request, in ms (sessionTtlMs is the fixed maximum). */
  sessionIdleMs: number;
  /** How long a one-time password-reset code stays valid, in ms. */
  resetTtlMs: number;
  /** The app's own origin (`https://penholder.example.org`) when behind a proxy that rewrites Host; null: the Host header. */
  publicOrigin: string | null;
  /** Take the client address from X-Forwarded-For (one proxy in front). */
  trustProxy: boolean;
  /** Failed sign-ins: how many an account may have before a delay, and how many an address may. */
  loginThrottle: { accountFailures: number; addressFailures: number; windowMs: number; baseDelayMs: number; maxDelayMs: number };
  /** Writes per user: sustained per second and the burst allowed above it. */
  writeRate: { perSecond: number; burst: number };
}

/** Raised at start when a variable has a value the server cannot use. */
export class ConfigError extends Error {
  constructor(variable: string, value: string, expected: string) {
    super(`${variable}=${JSON.stringify(value)} is not valid: expected ${expected}`);
    this.name = 'ConfigError';
  }
}

/** The defaults, for values the environment does not set. */
export const defaultConfig: Config = {
  port: 3000,
  host: '0.0.0.0',
  dataDir: './data',
  databaseUrl: null,
  redisUrl: null,
  cookieSecure: false,
  bodyLimitBytes: 1024 * 1024,
  sessionTtlMs: 12 * 60 * 60 * 1000,
  tokenTtlMs: 10 * 60 * 1000,
  sessionIdleMs: 2 * 60 * 60 * 1000,
  resetTtlMs: 24 * 60 * 60 * 1000,
  publicOrigin: null,
  trustProxy: false,
  // Five wrong passwords, then 30 s, doubling to 15 min; an office behind one address gets more.
  loginThrottle: { accountFailures: 5, addressFailures: 50, windowMs: 15 * 60 * 1000, baseDelayMs: 30_000, maxDelayMs: 15 * 60 * 1000 },
  // Generous enough for a console issuing a session's drafts at once; it stops runaway scripts.
  writeRate: { perSecond: 20, burst: 200 },
};

type Env = Record<string, string | undefined>;

// An unset or blank variable means "use the default".
function read(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function integer(env: Env, name: string, min: number, max: number, fallback: number): number {
  const v = read(env, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new ConfigError(name, v, `an integer from ${min} to ${max}`);
  return Number(v);
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const v = read(env, name);
  if (v === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new ConfigError(name, v, 'true or false');
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const v = read(env, name);
  if (v === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw new ConfigError(name, v, `a URL (${protocols.join(', ')})`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(name, v, `a URL starting with ${protocols.join(' or ')}//`);
  return v;
}

// An origin is scheme, host and port only: `https://penholder.example.org`.
function origin(env: Env, name: string): string | null {
  const v = url(env, name, ['http:', 'https:']);
  return v === null ? null : new URL(v).origin;
}

// "1mb", "512kb", "100000": the same forms body-parser accepts, checked here once.
function size(env: Env, name: string, fallback: number): number {
  const v = read(env, name);
  if (v === undefined) return fallback;
  const m = /^(\d+)\s*(b|kb|mb)?$/i.exec(v);
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(m?.[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'];
  const bytes = m ? Number(m[1]) * unit : NaN;
  if (!(bytes >= 1024 && bytes <= 64 * 1024 * 1024)) throw new ConfigError(name, v, 'a size from 1kb to 64mb (e.g. 1mb)');
  return bytes;
}

/** Read and check the configuration; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const host = read(env, 'HOST') ?? defaultConfig.host;
  if (/\s|\//.test(host)) throw new ConfigError('HOST', host, 'a host name or IP address');
  return {
    port: integer(env, 'PORT', 0, 65535, defaultConfig.port),
    host,
    dataDir: path.resolve(read(env, 'DATA_DIR') ?? defaultConfig.dataDir),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    cookieSecure: bool(env, 'COOKIE_SECURE', defaultConfig.cookieSecure),
    bodyLimitBytes: size(env, 'BODY_LIMIT', defaultConfig.bodyLimitBytes),
    sessionTtlMs: integer(env, 'SESSION_TTL_MINUTES', 1, 60 * 24 * 30, defaultConfig.sessionTtlMs / 60_000) * 60_000,
    tokenTtlMs: defaultConfig.tokenTtlMs,
    sessionIdleMs: integer(env, 'SESSION_IDLE_MINUTES', 1, 60 * 24 * 30, defaultConfig.sessionIdleMs / 60_000) * 60_000,
    resetTtlMs: defaultConfig.resetTtlMs,
    publicOrigin: origin(env, 'PUBLIC_ORIGIN'),
    trustProxy: bool(env, 'TRUST_PROXY', defaultConfig.trustProxy),
    loginThrottle: defaultConfig.loginThrottle,
    writeRate: defaultConfig.writeRate,
  };
}
