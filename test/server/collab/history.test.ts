/** History over HTTP: the text as of a seq or time, the changes over a span, authorship by delegation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type { ChangeEntry, ParagraphAuthorship, TextAsOf } from '../../../shared/history';
import { connect, seedDraft, seedText, startCollabServer, synced, typeInto, until, type CollabServer, type SeededUsers } from '../../helpers/collab';

let server: CollabServer;
let draftId: string;
let users: SeededUsers;
let sponsorDelegationId: string;
let otherDelegationId: string;
let afterA: { seq: number; at: string };
const open: WebsocketProvider[] = [];

async function get<T>(path: string, token: string | null = users.sponsor.token): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}/api${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  server = await startCollabServer();
  ({ draftId, users, sponsorDelegationId } = await seedDraft(server.store));
  const a = connect(server.wsUrl, draftId, users.sponsor.token);
  open.push(a.provider);
  await synced(a.provider);
  seedText(a.doc);
  typeInto(a.doc, 1, 0, 'AAA ');
  await until(async () => (await server.store.lastSeq(draftId)) >= 2, 5_000, 'A stored');
  const last = (await server.store.listUpdates(draftId)).at(-1)!;
  afterA = { seq: last.seq, at: last.at };
  await new Promise((r) => setTimeout(r, 20));

  // The observer's delegation joins as co-sponsor, and writes too.
  const observer = await server.store.getUser(users.observer.id);
  otherDelegationId = observer!.delegationId!;
  await server.store.addSponsorshipEvent({ draftId, delegationId: otherDelegationId, type: 'join', date: '2022-10-17', onBehalfOf: null, recordedBy: null });
  const b = connect(server.wsUrl, draftId, users.observer.token);
  open.push(b.provider);
  await synced(b.provider);
  typeInto(b.doc, 2, 0, 'BBB ');
  await until(async () => (await server.store.lastSeq(draftId)) > afterA.seq, 5_000, 'B stored');
});

afterAll(async () => {
  for (const p of open) p.destroy();
  await server.close();
});

describe('history routes', () => {
  it('give the text as of a seq, a time, and now', async () => {
    const then = await get<TextAsOf>(`/drafts/${draftId}/text?seq=${afterA.seq}`);
    expect(then.status).toBe(200);
    expect(then.body.seq).toBe(afterA.seq);
    expect(then.body.plain).toContain('AAA ');
    expect(then.body.plain).not.toContain('BBB');
    expect(then.body.doc).toMatchObject({ type: 'doc' });
    const byTime = await get<TextAsOf>(`/drafts/${draftId}/text?at=${encodeURIComponent(afterA.at)}`);
    expect(byTime.body.seq).toBe(afterA.seq);
    const now = await get<TextAsOf>(`/drafts/${draftId}/text`);
    expect(now.body.plain).toContain('BBB ');
    const before = await get<TextAsOf>(`/drafts/${draftId}/text?at=2000-01-01T00:00:00Z`);
    expect(before.body).toMatchObject({ seq: 0, plain: '' });
  });

  it('list the changes with who and how many characters', async () => {
    const { body } = await get<{ changes: ChangeEntry[] }>(`/drafts/${draftId}/changes`);
    expect(body.changes.map((c) => c.seq)).toEqual(body.changes.map((_, i) => i + 1));
    const ofB = body.changes.filter((c) => c.delegationId === otherDelegationId);
    expect(ofB.reduce((n, c) => n + c.inserted, 0)).toBe(4);
    const ofA = body.changes.filter((c) => c.userId === users.sponsor.id);
    expect(ofA.reduce((n, c) => n + c.inserted, 0)).toBe('Draft resolution'.length + 'Paragraph 1.'.length * 3 + 4);
    const span = await get<{ changes: ChangeEntry[] }>(`/drafts/${draftId}/changes?from=2&to=2`);
    expect(span.body.changes.map((c) => c.seq)).toEqual([2]);
  });

  it("attribute each paragraph's characters to delegations", async () => {
    const { body } = await get<{ paragraphs: ParagraphAuthorship[] }>(`/drafts/${draftId}/authorship`);
    const p2 = body.paragraphs.find((p) => p.id === 'p2')!;
    expect(p2.text).toBe('BBB Paragraph 2.');
    expect(p2.byDelegation).toEqual([
      { delegationId: sponsorDelegationId, chars: 'Paragraph 2.'.length },
      { delegationId: otherDelegationId, chars: 4 },
    ]);
    expect(p2.runs[0]).toMatchObject({ delegationId: otherDelegationId, length: 4 });
    const p1 = body.paragraphs.find((p) => p.id === 'p1')!;
    expect(p1.byDelegation).toEqual([{ delegationId: sponsorDelegationId, chars: 'AAA Paragraph 1.'.length }]);
  });

  it('refuse without credentials, for unknown drafts and bad parameters', async () => {
    expect((await get(`/drafts/${draftId}/text`, null)).status).toBe(401);
    expect((await get(`/drafts/nope/text`)).status).toBe(404);
    const bad = await get<{ error: { id: string } }>(`/drafts/${draftId}/text?seq=-1`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.id).toBe('validation_failed');
  });
});
