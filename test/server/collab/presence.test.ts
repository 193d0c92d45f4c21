/**
 * Presence on one instance, with stock y-websocket clients: everyone sees everyone's named
 * presence; a client that leaves takes only its own presence with it. (A stock client echoes
 * the presence of the others back to the server: the server must not take those as its own.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceAs, connect, presentNames, seedDraft, startCollabServer, synced, until, type CollabServer } from '../../helpers/collab';

type Client = ReturnType<typeof connect>;
const names = (c: Client) => presentNames(c.provider);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('presence on one instance', () => {
  let server: CollabServer;
  let draftId: string;
  let tokens: string[];
  const open: Client[] = [];

  beforeAll(async () => {
    server = await startCollabServer();
    const seeded = await seedDraft(server.store);
    draftId = seeded.draftId;
    tokens = [seeded.users.sponsor.token, seeded.users.sponsor2.token, seeded.users.secretariat.token];
  });

  afterAll(async () => {
    for (const c of open) c.provider.destroy();
    await server.close();
  });

  it('shows everyone to everyone, and a client that leaves takes only its own presence', async () => {
    // The seeded users' display names, which the server stamps on their presence.
    const clients = ['sponsor', 'sponsor2', 'secretariat'].map((person, i) => {
      const c = connect(server.wsUrl, draftId, tokens[i]!);
      open.push(c);
      announceAs(c.provider, person);
      return c;
    });
    await Promise.all(clients.map((c) => synced(c.provider)));
    await until(() => clients.every((c) => names(c).length === 3), 5_000, 'everyone to see everyone');
    // Let each client's echo of the others reach the server.
    await pause(300);

    const [chile, peru, secretariat] = clients as [Client, Client, Client];
    // Every presence that goes away from the two who stay (not even a flicker is allowed).
    const gone: number[] = [];
    for (const c of [peru, secretariat]) c.provider.awareness.on('change', ({ removed }: { removed: number[] }) => gone.push(...removed));
    chile.provider.disconnect();
    await until(() => !names(peru).includes('sponsor') && !names(secretariat).includes('sponsor'), 5_000, "Chile's sponsor to leave");
    await pause(300);
    expect(gone).toEqual([chile.doc.clientID, chile.doc.clientID]);
    expect(names(peru)).toEqual(['secretariat', 'sponsor2']);
    expect(names(secretariat)).toEqual(['secretariat', 'sponsor2']);

    // Back: it announces itself at the clock the room removed it at, which y-protocols alone
    // ignores until the client renews (15 s); the room asks it to announce itself again at once.
    const t0 = Date.now();
    chile.provider.connect();
    await until(() => names(peru).includes('sponsor') && names(secretariat).includes('sponsor'), 1_000, "Chile's sponsor back within a second");
    console.info(`[presence] a client that reconnected was back in the others' presence after ${Date.now() - t0} ms`);
  });
});
