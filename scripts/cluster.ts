/**
 * `npm run start:cluster`: two or three Penholder instances on this machine, on consecutive
 * ports, sharing the local PostgreSQL and Redis — for trying several instances out (open a
 * draft on :3000 in one window and on :3001 in another). The database is created if missing.
 * When HAProxy is installed (`apt-get install haproxy`), it is started in front of them on
 * LB_PORT (8080), round robin: open :8080 and each new connection goes to the next instance.
 *
 *   INSTANCES=3 PORT=3000 LB_PORT=8080 DATABASE_URL=postgres://postgres@127.0.0.1:5432/penholder_cluster \
 *   REDIS_URL=redis://127.0.0.1:6379 npm run start:cluster
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { haproxyInstalled, startLoadBalancer, type LoadBalancer } from './loadBalancer';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/penholder_cluster';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const count = Math.min(3, Math.max(2, Number(process.env.INSTANCES ?? 2)));
const basePort = Number(process.env.PORT ?? 3000);
const lbPort = Number(process.env.LB_PORT ?? 8080);

/** Create the database of `url` through the server's maintenance database when it does not exist. */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`DATABASE_URL names an unusual database (${name}); create it yourself`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`);
      console.log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** Start one instance; resolves once it says it is listening. */
function startInstance(i: number): Promise<ChildProcess> {
  const port = basePort + i;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, REDIS_URL: redisUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        console.log(`[${port}] ${line}`);
        if (line.includes('Penholder is running')) resolve(child);
      });
    }
    child.once('exit', (code) => reject(new Error(`instance on ${port} exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  await ensureDatabase(databaseUrl);
  const children: ChildProcess[] = [];
  let balancer: LoadBalancer | null = null;
  const stop = () => {
    void balancer?.stop();
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The first instance migrates and seeds the demo alone; the others find it done.
  children.push(await startInstance(0));
  for (let i = 1; i < count; i++) children.push(await startInstance(i));
  console.log(`\n${count} instances: ${children.map((_, i) => `http://localhost:${basePort + i}`).join('  ')}`);
  if (haproxyInstalled()) {
    const backends = children.map((_, i) => basePort + i);
    balancer = await startLoadBalancer({ port: lbPort, host: '0.0.0.0', backends }, (line) => console.log(`[haproxy] ${line}`));
    console.log(`HAProxy in front of them, round robin: http://localhost:${lbPort}`);
  } else {
    console.log('no load balancer in front (install haproxy to have one on LB_PORT, 8080)');
  }
  console.log(`sharing ${new URL(databaseUrl).pathname.slice(1)} and ${redisUrl}; Ctrl-C stops them all\n`);
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode === null ? c.once('exit', r) : r(null)))));
  await balancer?.stop();
}

main().catch((err) => {
  console.error(`start:cluster: ${(err as Error).message}`);
  process.exit(1);
});
