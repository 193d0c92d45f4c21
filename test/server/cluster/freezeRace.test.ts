/**
 * A freeze on instance A while a client on instance B is typing, with B never hearing of it over
 * Redis (its access messages dropped): the database alone keeps the log closed. Afterwards the
 * log holds nothing past the freeze, the hash recorded is of the text the log holds, and B's
 * client was told and turned read-only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type WebSocket from 'ws';
import { textHash } from '../../../shared/canonical';
import { DeniedPrefix, NoticeKinds } from '../../../shared/protocol';
import { recordDraftEvent } from '../../../server/commands/eventRecorder';
import { freezeDraft } from '../../../server/commands/freezer';
import { workingTextNow } from '../../../server/commands/revisionIssuer';
import { FanoutKinds } from '../../../server/collab/redisFanout';
import { loadDoc } from '../../../server/collab/registry';
import { updateFrame } from '../../../server/collab/wire';
import { connect, rawSocket, seedDraft, seedText, synced, textJSON, typeInto, until, type SeededUsers } from '../../helpers/collab';
import { REDIS_TEST_URL, redisGate, startInstance, uniquePrefix, type Instance } from '../../helpers/cluster';
import { createTestDatabase, postgresGate, type TestDatabase } from '../../helpers/postgres';

const pg = await postgresGate('cluster freeze race');
const redis = pg.run && (await redisGate('cluster freeze race'));

/** A client typing into its copy of the working text as fast as a person with a fast keyboard, over a raw socket. */
function typeContinuously(ws: WebSocket, base: Y.Doc): { stop(): Promise<number> } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  let typing = true;
  let sent = 0;
  const done = (async () => {
    while (typing) {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      typeInto(doc, 1, 0, `k${sent} `);
      ws.send(updateFrame(update!));
      sent++;
      await new Promise((r) => setTimeout(r, 5));
    }
    return sent;
  })();
  return {
    stop: () => {
      typing = false;
      return done;
    },
  };
}

describe.skipIf(!redis)('a freeze on one instance while a client types on another', () => {
  let db: TestDatabase;
  let draftId: string;
  let users: SeededUsers;
  const instances: Instance[] = [];
  const closers: (() => void)[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('penholder_freeze_race');
    const seeder = await startInstance({ databaseUrl: db.url, fanout: { url: REDIS_TEST_URL, prefix: uniquePrefix() } });
    ({ draftId, users } = await seedDraft(seeder.store));
    const start = new Y.Doc();
    seedText(start);
    await seeder.store.appendUpdates([{ draftId, update: Y.encodeStateAsUpdate(start), userId: users.sponsor.id, delegationId: null }]);
    await seeder.close();
  });
  afterAll(async () => {
    for (const close of closers) close();
    for (const i of instances) await i.close();
    await db?.drop();
  });

  it("stores nothing after the freeze, hashes the text the log holds, and turns B's client read-only", async () => {
    const prefix = uniquePrefix();
    const a = await startInstance({ databaseUrl: db.url, fanout: { url: REDIS_TEST_URL, prefix } });
    // B never hears that the draft's access changed: only the database can stop its edits.
    const b = await startInstance({ databaseUrl: db.url, fanout: { url: REDIS_TEST_URL, prefix, drop: (kind) => kind === FanoutKinds.access } });
    instances.push(a, b);
    await Promise.all([a.fanout.ready(), b.fanout.ready()]);

    // The officer has the draft open on A, as in the app; the delegate types on B.
    const onA = connect(a.wsUrl, draftId, users.secretariat.token);
    closers.push(() => onA.provider.destroy());
    await synced(onA.provider);
    const { ws, heard } = await rawSocket(b.wsUrl, draftId, users.sponsor.token);
    closers.push(() => ws.close());
    await until(() => heard.notices.some((n) => n.kind === NoticeKinds.mode), 2_000, 'mode notice on B');
    expect(heard.notices[0]!.mode).toBe('edit');
    const firstSeq = await a.store.lastSeq(draftId);
    const typist = typeContinuously(ws, (await loadDoc(b.store, draftId)).doc);
    await until(async () => (await a.store.lastSeq(draftId)) > firstSeq + 5, 5_000, 'edits from B stored');

    // Withdrawn before any issue (the text frozen is the working text itself), recorded on A: the
    // working text is read-only from then on, but B, which never hears of it, keeps taking edits.
    const officer = { id: users.secretariat.id, role: 'secretariat' as const, delegationId: null };
    await recordDraftEvent(a.store, { draftId, actor: officer, event: { type: 'withdrawn', date: '2022-10-21' } });
    await a.collab.refreshAccess(draftId);
    const afterWithdrawal = await a.store.lastSeq(draftId);
    await until(async () => (await a.store.lastSeq(draftId)) > afterWithdrawal + 3, 5_000, 'edits from B still stored');
    const frozen = await freezeDraft(a.store, { draftId, actor: officer, refreshAccess: (id) => a.collab.refreshAccess(id) });
    const lastAtFreeze = await a.store.lastSeq(draftId);
    await new Promise((r) => setTimeout(r, 400));
    const sent = await typist.stop();
    await new Promise((r) => setTimeout(r, 300));

    expect(sent, 'B was still typing after the freeze').toBeGreaterThan(lastAtFreeze - firstSeq);
    expect(await a.store.lastSeq(draftId), 'nothing stored after the freeze').toBe(lastAtFreeze);
    expect(frozen.final.hash, 'the frozen hash is of the text the log holds').toBe(textHash(await workingTextNow(a.store, draftId)));
    expect(
      heard.denied.some((r) => r.startsWith(`${DeniedPrefix.readOnly}: the text is frozen`)),
      'B told its edits are refused',
    ).toBe(true);
    expect(heard.notices).toContainEqual(expect.objectContaining({ kind: NoticeKinds.mode, mode: 'read' }));
    expect(heard.notices.map((n) => n.kind)).not.toContain(NoticeKinds.storageUnavailable);
    // Both instances show the stored text, not B's dropped edits.
    const stored = JSON.stringify(textJSON((await loadDoc(a.store, draftId)).doc));
    const readerOnB = connect(b.wsUrl, draftId, users.observer.token);
    closers.push(() => readerOnB.provider.destroy());
    await synced(readerOnB.provider);
    expect(JSON.stringify(textJSON(readerOnB.doc))).toBe(stored);
    await until(() => JSON.stringify(textJSON(onA.doc)) === stored, 5_000, 'A shows the stored text');
  });
});
