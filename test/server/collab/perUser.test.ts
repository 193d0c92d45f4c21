/**
 * A cap on the connections one user holds open, against a real server: past it, an upgrade is
 * refused with 429 rate_limited before any socket opens; other users are not affected; a place is
 * given back when a connection closes, however it ends, and a refused upgrade takes none.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { ErrorIds } from '../../../shared/errors';
import { connect, rawSocket, seedDraft, startCollabServer, synced, until, upgradeStatus, type CollabServer, type SeededUsers } from '../../helpers/collab';

const CAP = 3;
let server: CollabServer;
let draftId: string;
let users: SeededUsers;

beforeAll(async () => {
  server = await startCollabServer({ options: { connectionsPerUser: CAP } });
  ({ draftId, users } = await seedDraft(server.store));
});

afterAll(async () => {
  await server.close();
});

const observerUrl = () => `${server.wsUrl}/${draftId}?token=${users.observer.token}`;

/** The status and error id of an upgrade that is refused, read as plain HTTP. */
function refusedUpgrade(url: string): Promise<{ status: number; id: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url.replace(/^ws/, 'http'), {
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, id: (JSON.parse(body) as { error: { id: string } }).error.id }));
    });
    req.on('upgrade', () => reject(new Error('the upgrade was accepted')));
    req.on('error', reject);
  });
}

/** Open the cap's worth of connections as the observer (each waits until a place is free: a probe may still be closing). */
async function openCap(): Promise<WebSocket[]> {
  const open: WebSocket[] = [];
  for (let i = 0; i < CAP; i++) {
    await until(
      async () => {
        const opened = await rawSocket(server.wsUrl, draftId, users.observer.token).catch(() => null);
        if (opened) open.push(opened.ws);
        return opened !== null;
      },
      5_000,
      `connection ${i + 1} of ${CAP}`,
    );
  }
  return open;
}

async function closeAll(open: WebSocket[]): Promise<void> {
  await Promise.all(open.map((ws) => new Promise((r) => (ws.once('close', r), ws.close()))));
}

describe('connections per user', () => {
  it('past the cap, an upgrade is refused with 429 rate_limited; another user still connects', async () => {
    const open = await openCap();
    expect(await refusedUpgrade(observerUrl())).toEqual({ status: 429, id: ErrorIds.rateLimited });
    expect(await upgradeStatus(observerUrl())).toBe(429);
    const other = connect(server.wsUrl, draftId, users.sponsor.token);
    await synced(other.provider);
    other.provider.destroy();
    await closeAll(open);
  });

  it('a closed connection gives its place back, and refused upgrades take none', async () => {
    const open = await openCap();
    for (let i = 0; i < 5; i++) expect(await upgradeStatus(observerUrl())).toBe(429);
    // One ends from the client, one is cut off without a close frame.
    open[0]!.close();
    open[1]!.terminate();
    await until(async () => (await upgradeStatus(observerUrl())) === 101, 5_000, 'a place given back');
    await closeAll(open.slice(2));
    // Everything closed: the whole cap is free again, the refusals did not use any of it.
    await until(async () => (await upgradeStatus(observerUrl())) === 101, 5_000, 'all places back');
    const again = await openCap();
    expect(again).toHaveLength(CAP);
    expect(await upgradeStatus(observerUrl())).toBe(429);
    await closeAll(again);
  });
});
