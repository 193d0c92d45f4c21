/**
 * Crash: the server is killed with SIGKILL while three clients type. After a restart on the same
 * data, every update any client had received from the server is in the restored text, and the
 * clients still open reconnect and merge what they had not yet sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, keepTyping, seedText, synced, textJSON, typeInto, until, type SeededUsers } from '../../helpers/collab';

const TRIALS = 5;

interface Child {
  proc: ChildProcess;
  port: number;
  seeded?: { draftId: string; users: SeededUsers };
}

async function startChild(dataDir: string, port: number, seed: boolean): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/collabProcess.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), SEED: seed ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('child did not start')), 20_000);
    createInterface({ input: proc.stdout! }).once('line', (l) => {
      clearTimeout(t);
      resolve(l);
    });
    proc.once('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
  const info = JSON.parse(line) as { port: number; seeded?: Child['seeded'] };
  return { proc, port: info.port, seeded: info.seeded };
}

function kill9(child: Child): Promise<void> {
  return new Promise((resolve) => {
    child.proc.once('exit', () => resolve());
    child.proc.kill('SIGKILL');
  });
}

describe('kill -9 of the server', () => {
  for (let trial = 1; trial <= TRIALS; trial++) {
    it(`trial ${trial}: nothing a client saw is lost; open clients merge their unsent edits`, async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'ph-crash-'));
      let child = await startChild(dataDir, 0, true);
      const { draftId, users } = child.seeded!;
      const wsUrl = `ws://127.0.0.1:${child.port}/collab`;
      const tokens = [users.sponsor.token, users.sponsor2.token, users.secretariat.token];
      const clients = tokens.map((t) => connect(wsUrl, draftId, t));
      // Everything a client received from the server, merged.
      const seen: Uint8Array[] = [];
      for (const c of clients) c.doc.on('update', (u: Uint8Array, origin: unknown) => origin === c.provider && seen.push(u));
      try {
        await Promise.all(clients.map((c) => synced(c.provider)));
        seedText(clients[0]!.doc);
        await until(() => clients.every((c) => c.doc.getXmlFragment('prosemirror').length > 0), 5_000, 'seed');
        const stopTyping = keepTyping(
          clients.map((c) => c.doc),
          (i) => 2 + i,
        );
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 500));
        await kill9(child);
        await stopTyping();
        expect(seen.length).toBeGreaterThan(0);
        // Edits made while the server is down are unsent; they must merge after the restart.
        clients.forEach((c, i) => typeInto(c.doc, 1, 0, `unsent-${i} `));

        child = await startChild(dataDir, child.port, false);
        // A newcomer's first sync comes from the loaded document, never an empty one.
        const probe = connect(wsUrl, draftId, users.observer.token);
        await synced(probe.provider, 10_000);
        const restored = Y.snapshot(probe.doc);
        for (const u of seen) expect(Y.snapshotContainsUpdate(restored, u)).toBe(true);

        const all = [...clients, probe];
        const sameText = () => all.every((c) => JSON.stringify(textJSON(c.doc)) === JSON.stringify(textJSON(probe.doc)));
        await until(sameText, 15_000, 'reconnect and merge');
        for (let i = 0; i < clients.length; i++) expect(JSON.stringify(textJSON(probe.doc))).toContain(`unsent-${i} `);
        probe.provider.destroy();
      } finally {
        for (const c of clients) c.provider.destroy();
        if (child.proc.exitCode === null) await kill9(child);
        await rm(dataDir, { recursive: true, force: true });
      }
    }, 60_000);
  }
});
