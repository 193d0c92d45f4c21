/**
 * What `npm start` runs: the server bundled into one file (scripts/build-server.mjs), started as
 * a process of its own on an empty data directory. The rest of the suite runs the sources; this
 * checks what only the bundle can get wrong — the files read at run time, found from the
 * project's root (server/paths.ts) rather than from each module's own URL: the demo's fixtures
 * (seeded on first start), the Word reader's thread (an import), the SQLite checkpointer's thread
 * (a clean close after the demo's hundreds of commits) — and that it serves and signs in.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaTypes } from '../../shared/export/transfer';
import { plainDocx } from '../helpers/hostileDocx';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Inside the project, so that the bundle's imports of packages find node_modules; dist/ is not tracked.
const OUT_DIR = path.join(ROOT, 'dist', `bundle-test-${process.pid}`);
const BUNDLE = path.join(OUT_DIR, 'main.mjs');

let dataDir: string;
let proc: ChildProcess;
let url: string;
let output = '';
let exited: Promise<number | null>;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-server.mjs', 'server/main.ts', BUNDLE], { cwd: ROOT, stdio: 'inherit' });
  dataDir = mkdtempSync(path.join(tmpdir(), 'penholder-bundle-'));
  // Run from elsewhere than the project: nothing may depend on the working directory.
  proc = spawn(process.execPath, [BUNDLE], { cwd: dataDir, env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bundle did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Penholder is running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', read);
    proc.stderr!.on('data', read);
    proc.on('exit', (code) => reject(new Error(`the bundle exited (${code}):\n${output}`)));
  });
}, 90_000);

afterAll(async () => {
  if (proc && proc.exitCode === null) proc.kill('SIGKILL');
  rmSync(OUT_DIR, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(login: string): Promise<string> {
  const accounts = readFileSync(path.join(dataDir, 'demo-accounts.txt'), 'utf8');
  const password = accounts
    .split('\n')
    .find((line) => line.startsWith(`${login} `))
    ?.split(/\s+/)[1];
  expect(password).toBeTruthy();
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ login, password }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ph_session='));
  expect(cookie).toBeTruthy();
  return cookie!.split(';')[0]!;
}

describe('the server as npm start runs it (one bundled file)', () => {
  it('seeds the demo from its fixtures, signs in, reads a Word file in its thread, and closes cleanly', async () => {
    expect(output).toContain('Demo created.');
    const cookie = await signIn('secretariat@demo.penholder');
    const sessions = await fetch(`${url}/api/sessions`, { headers: { cookie } });
    expect(sessions.status).toBe(200);
    expect(JSON.stringify(await sessions.json())).toContain('CTOC/COP');

    const token = await fetch(`${url}/api/auth/token`, { method: 'POST', headers: { cookie, origin: url, 'content-type': 'application/json' }, body: '{}' });
    expect(token.status).toBe(201);
    const { token: bearer } = (await token.json()) as { token: string };
    const preview = await fetch(`${url}/api/imports/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': MediaTypes.docx },
      body: new Uint8Array(plainDocx(['The Conference,', '1. Decides to continue its work;'])),
    });
    expect(preview.status).toBe(200);
    expect(JSON.stringify(await preview.json())).toContain('Decides to continue its work;');

    // Enough commits (each token is one) for the store to copy its log into the database file in
    // the checkpointer's thread (sqlite.ts, every 256 commits): a thread that cannot start says so.
    // Past the burst of writes a user may make (200), at the rate allowed (20/s): a 429 waits its turn.
    for (let issued = 0; issued < 300; ) {
      const more = await fetch(`${url}/api/auth/token`, { method: 'POST', headers: { cookie, origin: url, 'content-type': 'application/json' }, body: '{}' });
      expect([201, 429]).toContain(more.status);
      if (more.status === 201) issued++;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/failed|Error/);
  }, 60_000);
});
