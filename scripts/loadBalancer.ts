/**
 * HAProxy in front of several Penholder instances on this machine: what `npm run start:cluster`
 * puts before its instances when HAProxy is installed, and what the load-balancer test runs.
 * Round robin per connection (a WebSocket stays on the instance it was sent to); a connection
 * that cannot reach its instance is sent to another at once (`option redispatch`), and an
 * instance that stops answering is taken out within a second by the health check.
 * No sticky sessions are needed: sign-ins live in the database and Redis carries the rest.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's `haproxy` package puts the binary (override with HAPROXY). */
export const HAPROXY = process.env.HAPROXY ?? '/usr/sbin/haproxy';

/** Whether HAProxy is installed (its binary answers `-v`). */
export function haproxyInstalled(): boolean {
  return spawnSync(HAPROXY, ['-v']).status === 0;
}

export interface LoadBalancerOptions {
  /** The port clients connect to (on 127.0.0.1 unless `host` says otherwise). */
  port: number;
  host?: string;
  /** The instances' ports on 127.0.0.1. */
  backends: number[];
  /** A port for HAProxy's statistics page (`/stats`, `/stats;csv`), if wanted. */
  statsPort?: number;
}

/** The HAProxy configuration for `o`. */
export function haproxyConfig(o: LoadBalancerOptions): string {
  const host = o.host ?? '127.0.0.1';
  const lines = [
    // No maxconn: HAProxy sizes it from the open-files limit (one WebSocket holds two descriptors).
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    // An open WebSocket is a tunnel: it is closed only after an hour in which nothing passed.
    '  timeout tunnel 1h',
    '  retries 2',
    '  option redispatch',
    '',
    'frontend penholder',
    `  bind ${host}:${o.port}`,
    '  option forwardfor',
    '  default_backend instances',
    '',
    'backend instances',
    '  balance roundrobin',
    ...o.backends.map((p, i) => `  server i${i} 127.0.0.1:${p} check inter 500 fall 2 rise 2`),
  ];
  if (o.statsPort !== undefined) lines.push('', 'listen stats', `  bind 127.0.0.1:${o.statsPort}`, '  stats enable', '  stats uri /stats');
  return lines.join('\n') + '\n';
}

/** A running HAProxy. */
export interface LoadBalancer {
  proc: ChildProcess;
  /** Stop it (SIGTERM) and remove its configuration. */
  stop(): Promise<void>;
}

/** Resolve once something accepts connections on host:port, or reject after `ms`. */
async function listening(host: string, port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = createConnection({ host, port }, () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`HAProxy did not listen on ${host}:${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Start HAProxy in the foreground with the configuration for `o`; resolves once it listens. */
export async function startLoadBalancer(o: LoadBalancerOptions, onLine: (line: string) => void = () => undefined): Promise<LoadBalancer> {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-haproxy-'));
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, haproxyConfig(o));
  const proc = spawn(HAPROXY, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  const said: string[] = [];
  const hear = (line: string) => {
    said.push(line);
    if (said.length > 5) said.shift();
    onLine(line);
  };
  for (const s of [proc.stdout!, proc.stderr!]) s.setEncoding('utf8').on('data', (d: string) => d.split('\n').filter(Boolean).forEach(hear));
  const exited = new Promise<never>((_, reject) => proc.once('exit', (code) => reject(new Error(`HAProxy exited with ${code}: ${said.join(' | ')}`))));
  exited.catch(() => undefined);
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      const gone = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await gone;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([listening(o.host ?? '127.0.0.1', o.port, 10_000), exited]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { proc, stop };
}

/** Per instance, how many connections HAProxy has sent it and whether it is up (from `/stats;csv`). */
export async function backendStats(statsPort: number): Promise<{ name: string; sessions: number; up: boolean }[]> {
  const csv = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text();
  const [header, ...rows] = csv
    .replace(/^# /, '')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const col = (name: string) => header!.indexOf(name);
  return rows
    .filter((r) => r[col('pxname')] === 'instances' && r[col('svname')]!.startsWith('i'))
    .map((r) => ({ name: r[col('svname')]!, sessions: Number(r[col('stot')]), up: r[col('status')]!.startsWith('UP') }));
}
