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

  it("drops a client whose connection is cut without a word at once, not after y-protocols' 30 s timeout", async () => {
    const [a, b] = [0, 1].map((i) => {
      const c = connect(server.wsUrl, draftId, tokens[i]!);
      open.push(c);
      announceAs(c.provider, i === 0 ? 'sponsor' : 'sponsor2');
      return c;
    }) as [Client, Client];
    await Promise.all([a, b].map((c) => synced(c.provider)));
    // (The first test's clients are still here, under the same users: follow this client by its id.)
    const seesA = () => b.provider.awareness.getStates().has(a.doc.clientID);
    await until(seesA, 5_000, 'the other client to be seen');
    // The network goes: no awareness removal, no close frame; the socket under it just ends.
    a.provider.shouldConnect = false;
    const socket = (a.provider.ws as unknown as { _socket: { destroy(): void } })._socket;
    const t0 = Date.now();
    socket.destroy();
    await until(() => !seesA(), 2_000, 'the cut client to leave the presence of the other within 2 s');
    console.info(`[presence] a client whose socket was cut left the others' presence after ${Date.now() - t0} ms`);
  });
});
