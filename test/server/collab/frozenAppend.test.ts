/**
 * A freeze the room has not heard of yet (recorded by another instance, its access message late):
 * the store refuses the room's next commit, and the room drops those edits (not applied, stored
 * or relayed), tells their senders, turns read-only, and does not take it for a storage outage.
 * The group commit keeps other drafts' edits of the same batch flowing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { DeniedPrefix, NoticeKinds } from '../../../shared/protocol';
import { resolutionSchema as schema } from '../../../shared/schema';
import { GroupCommitter } from '../../../server/collab/persistence';
import { loadDoc } from '../../../server/collab/registry';
import { updateFrame } from '../../../server/collab/wire';
import { DraftFrozen, type NewUpdate, type Store } from '../../../server/storage/types';
import { connect, craftEdit, rawSocket, seedDraft, seedText, startCollabServer, synced, textJSON, until, type CollabServer } from '../../helpers/collab';
import { describeOnStores } from '../commands/stores';

/** Record a freeze straight into the store, as another instance would: this server's rooms are not told. */
const freezeBehindTheRoom = (store: Store, draftId: string) => store.appendDraftEvent({ draftId, type: 'frozen', payload: { hash: 'h' }, userId: null });

await describeOnStores('group commit with a frozen draft in the batch', ({ store }) => {
  it("refuses only the frozen draft's callers and commits the others", async () => {
    const update = (draftId: string, b: number): NewUpdate => ({ draftId, update: new Uint8Array([b]), userId: null, delegationId: null });
    const frozen = (await seedDraft(store())).draftId;
    const open = (await seedDraft(store())).draftId;
    await freezeBehindTheRoom(store(), frozen);
    // A wide window: the three calls share one batch.
    const committer = new GroupCommitter(store(), 50);
    const [a, f, b] = await Promise.allSettled([
      committer.submit([update(open, 1)]),
      committer.submit([update(frozen, 2), update(frozen, 3)]),
      committer.submit([update(open, 4)]),
    ]);
    expect(a).toMatchObject({ status: 'fulfilled', value: [{ draftId: open, seq: 1 }] });
    expect(b).toMatchObject({ status: 'fulfilled', value: [{ draftId: open, seq: 2 }] });
    expect(f.status).toBe('rejected');
    expect((f as PromiseRejectedResult).reason).toBeInstanceOf(DraftFrozen);
    expect((f as PromiseRejectedResult).reason).toMatchObject({ draftIds: [frozen] });
    expect(await store().lastSeq(frozen)).toBe(0);
  });
});

describe('a room whose draft was frozen behind its back', () => {
  let server: CollabServer;
  let draftId: string;
  let users: Awaited<ReturnType<typeof seedDraft>>['users'];
  const providers: WebsocketProvider[] = [];

  beforeAll(async () => {
    server = await startCollabServer({ options: { storageRetryMs: 50 } });
    ({ draftId, users } = await seedDraft(server.store));
  });
  afterAll(async () => {
    for (const p of providers) p.destroy();
    await server.close();
  });

  /** An update adding `text` to the stored draft, made under `clientId`. */
  async function craftStoredEdit(clientId: number, text: string): Promise<Uint8Array> {
    return craftEdit((await loadDoc(server.store, draftId)).doc, clientId, text);
  }

  it('drops the refused edits, tells the sender, turns everyone read-only, and keeps no retry going', async () => {
    const viewer = connect(server.wsUrl, draftId, users.sponsor.token);
    providers.push(viewer.provider);
    await synced(viewer.provider);
    seedText(viewer.doc);
    await until(async () => (await server.store.lastSeq(draftId)) > 0, 5_000, 'text stored');
    const { ws, heard } = await rawSocket(server.wsUrl, draftId, users.sponsor2.token);
    await until(() => heard.notices.some((n) => n.kind === NoticeKinds.mode), 2_000, 'mode notice');
    expect(heard.notices[0]!.mode).toBe('edit');

    await freezeBehindTheRoom(server.store, draftId);
    const before = await server.store.listUpdates(draftId);
    ws.send(updateFrame(await craftStoredEdit(888_001, 'RACED ')));

    await until(() => heard.denied.length > 0, 3_000, 'a refusal');
    await until(() => heard.notices.some((n) => n.kind === NoticeKinds.updateRefused), 3_000, 'the refusal notice');
    expect(heard.denied.every((r) => r.startsWith(`${DeniedPrefix.readOnly}: the text is frozen`))).toBe(true);
    expect(heard.notices).toContainEqual(expect.objectContaining({ kind: NoticeKinds.mode, mode: 'read' }));
    expect(heard.notices).toContainEqual(expect.objectContaining({ kind: NoticeKinds.recordChanged }));

    // Refused as read-only from now on, without the store being asked and without an outage.
    ws.send(updateFrame(await craftStoredEdit(888_002, 'AGAIN ')));
    await until(() => heard.denied.length >= 3, 2_000, 'the second refusal');
    await new Promise((r) => setTimeout(r, 200));
    expect(heard.notices.map((n) => n.kind)).not.toContain(NoticeKinds.storageUnavailable);
    expect(await server.store.listUpdates(draftId)).toEqual(before);
    expect(JSON.stringify(textJSON(viewer.doc))).not.toMatch(/RACED|AGAIN/);
    const reader = connect(server.wsUrl, draftId, users.observer.token);
    providers.push(reader.provider);
    await synced(reader.provider);
    expect(JSON.stringify(textJSON(reader.doc))).toBe(JSON.stringify(textJSON(viewer.doc)));
    expect(await new Promise((r) => setTimeout(() => r(ws.readyState), 50))).toBe(ws.OPEN);
    ws.close();
  });

  it('refuses a server-written change clearly, whether the room knew of the freeze or the store found it', async () => {
    const other = await seedDraft(server.store);
    const officer = { id: other.users.secretariat.id, role: 'secretariat' as const, delegationId: null, login: 'officer', displayName: 'Officer' };
    const text = (words: string) => schema.node('doc', null, [schema.node('title', null, [schema.text(words)])]);
    expect(await server.collab.replaceWorkingText(other.draftId, text('First'), officer)).toBeGreaterThan(0);
    const before = await server.store.listUpdates(other.draftId);

    await freezeBehindTheRoom(server.store, other.draftId);
    const found = await server.collab.replaceWorkingText(other.draftId, text('Second'), officer).catch((e: unknown) => e);
    expect(found).toBeInstanceOf(DraftFrozen);
    expect((found as Error).message).toMatch(/frozen/);
    const known = await server.collab.replaceWorkingText(other.draftId, text('Third'), officer).catch((e: unknown) => e);
    expect(known).toBeInstanceOf(DraftFrozen);
    expect(await server.store.listUpdates(other.draftId)).toEqual(before);
  });
});
