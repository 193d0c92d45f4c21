/**
 * Storage failure: when commits fail the draft stops accepting edits and says so, keeps what it
 * has, relays nothing unstored, and recovers by itself when storage returns — nothing dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { NoticeKinds } from '../../../shared/protocol';
import { openStore } from '../../../server/storage/index';
import type { Store } from '../../../server/storage/types';
import { loadDoc } from '../../../server/collab/registry';
import { connect, rawSocket, seedDraft, seedText, startCollabServer, synced, textJSON, typeInto, until, type CollabServer } from '../../helpers/collab';

let real: Store;
let broken = false;
let server: CollabServer;
let draftId: string;
let editorToken: string;
let a: { doc: Y.Doc; provider: WebsocketProvider };
let b: { doc: Y.Doc; provider: WebsocketProvider };

/** The real store, with writes to the update log failing while `broken` is set. */
function flaky(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      if (['appendUpdates', 'claimClientIds', 'lastSeq'].includes(String(prop))) {
        return (...args: unknown[]) => (broken ? Promise.reject(new Error('disk on fire')) : v.apply(target, args));
      }
      return v.bind(target);
    },
  });
}

beforeAll(async () => {
  real = await openStore({ dataDir: await mkdtemp(join(tmpdir(), 'ph-flaky-')) });
  server = await startCollabServer({ store: flaky(real), options: { storageRetryMs: 50 } });
  const seeded = await seedDraft(real);
  draftId = seeded.draftId;
  editorToken = seeded.users.secretariat.token;
  a = connect(server.wsUrl, draftId, seeded.users.sponsor.token);
  b = connect(server.wsUrl, draftId, seeded.users.sponsor2.token);
  await Promise.all([synced(a.provider), synced(b.provider)]);
  seedText(a.doc);
  await until(() => b.doc.getXmlFragment('prosemirror').length > 0, 5_000, 'seed');
});

afterAll(async () => {
  a.provider.destroy();
  b.provider.destroy();
  await server.close();
  await real.close();
});

describe('when storage fails', () => {
  it('edits pause with a notice, nothing unstored is relayed, and everything lands once storage returns', async () => {
    const { ws, heard } = await rawSocket(server.wsUrl, draftId, editorToken);
    const seqBefore = await real.lastSeq(draftId);
    broken = true;
    typeInto(a.doc, 1, 0, 'DURING OUTAGE ');
    await until(() => heard.notices.some((n) => n.kind === NoticeKinds.storageUnavailable), 3_000, 'outage notice');
    typeInto(a.doc, 2, 0, 'STILL DOWN ');
    await new Promise((r) => setTimeout(r, 200));
    // Not stored, so not relayed.
    expect(JSON.stringify(textJSON(b.doc))).not.toContain('OUTAGE');
    expect(await real.lastSeq(draftId)).toBe(seqBefore);

    broken = false;
    await until(() => heard.notices.some((n) => n.kind === NoticeKinds.storageRestored), 3_000, 'restored notice');
    await until(() => JSON.stringify(textJSON(b.doc)) === JSON.stringify(textJSON(a.doc)), 5_000, 'b to catch up');
    const text = JSON.stringify(textJSON(b.doc));
    expect(text).toContain('DURING OUTAGE ');
    expect(text).toContain('STILL DOWN ');
    const { doc } = await loadDoc(real, draftId);
    expect(textJSON(doc)).toEqual(textJSON(a.doc));
    ws.close();
  });
});
