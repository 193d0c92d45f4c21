/**
 * Services of a test's own, for faults: a redis-server and a PostgreSQL cluster in a temp dir
 * on free ports, which the test may stop and start again. The machine's shared PostgreSQL and
 * Redis are never touched (other suites use them at the same time).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A redis-server of one's own. */
export interface OwnRedis {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A redis-server on a free port, no persistence; call start(). */
export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let proc: ChildProcess | null = null;
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
        proc!.stdout!.on('data', (d: Buffer) => {
          if (d.toString().includes('Ready to accept connections')) {
            clearTimeout(t);
            resolve();
          }
        });
      });
    },
    async stop() {
      const p = proc;
      proc = null;
      if (!p || p.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill('SIGKILL');
      });
    },
  };
}

/** The newest installed PostgreSQL's binaries, or null. */
export function postgresBin(): string | null {
  try {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    return versions.length > 0 ? `/usr/lib/postgresql/${versions[0]}/bin` : null;
  } catch {
    return null;
  }
}

/** A PostgreSQL cluster of one's own. */
export interface OwnPostgres {
  /** URL of its `postgres` database. */
  url: string;
  start(): void;
  /** Stop at once (fast shutdown: clients are cut off). */
  stop(): void;
  /** Stop and delete the cluster. */
  remove(): void;
}

// initdb refuses to run as root: the cluster belongs to the postgres OS user when we are root.
function asPostgres(cmd: string[]): void {
  const root = process.getuid?.() === 0;
  const quoted = cmd.map((c) => `'${c.replace(/'/g, `'\\''`)}'`).join(' ');
  if (root) execFileSync('su', ['postgres', '-c', quoted], { stdio: 'pipe', timeout: 60_000 });
  else execFileSync(cmd[0]!, cmd.slice(1), { stdio: 'pipe', timeout: 60_000 });
}

/** initdb a cluster in a temp dir on a free port (trust auth, 127.0.0.1 only). */
export async function ownPostgres(): Promise<OwnPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ph-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  asPostgres([`${bin}/initdb`, '-D', data, '-A', 'trust', '-U', 'postgres']);
  const ctl = (...args: string[]) => asPostgres([`${bin}/pg_ctl`, '-D', data, '-w', '-t', '30', ...args]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => ctl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'log'), 'start'),
    stop: () => ctl('-m', 'fast', 'stop'),
    remove() {
      try {
        ctl('-m', 'immediate', 'stop');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
