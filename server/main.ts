/**
 * `npm start`: read the configuration, open Penholder, seed the demo into an empty store and
 * print its accounts, listen, and close cleanly on SIGINT/SIGTERM (pending edits are flushed).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createPenholder } from './app';
import { loadConfig } from './config';
import type { DemoAccount } from './demo/seed';

type Row = readonly [login: string, password: string, role: string, delegation: string];

function accountsTable(accounts: DemoAccount[]): string {
  const heading: Row = ['login', 'password', 'role', 'delegation'];
  const rows = accounts.map((a): Row => [a.login, a.password, a.role, a.delegation ?? '—']);
  // Every column but the last is padded to its widest cell, the heading included.
  const width = (i: 0 | 1 | 2) => Math.max(...[heading, ...rows].map((r) => r[i].length));
  const [login, password, role] = [width(0), width(1), width(2)];
  const line = (r: Row) => [r[0].padEnd(login), r[1].padEnd(password), r[2].padEnd(role), r[3]].join('  ');
  return [heading, ...rows].map(line).join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const penholder = await createPenholder(config, { seed: true });
  if (penholder.demoAccounts) {
    const table = accountsTable(penholder.demoAccounts);
    console.log(`\nDemo created. Accounts (passwords are shown only now):\n\n${table}\n`);
    // Kept beside the data so that whoever runs the demo can find the passwords again.
    const file = path.join(config.dataDir, 'demo-accounts.txt');
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(file, `${table}\n`, { mode: 0o600 });
    console.log(`(also written to ${file})\n`);
  }
  const { port } = await penholder.listen(config.port, config.host);
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`Penholder is running on http://${shown}:${port} (${penholder.store.kind})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing…`);
    penholder.close().then(
      () => process.exit(0),
      (err) => {
        console.error('closing failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error && err.name === 'ConfigError' ? `Penholder cannot start: ${err.message}` : err);
  process.exit(1);
});
