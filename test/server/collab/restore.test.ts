/**
 * A draft broken by hand — an update holding 5,000 nested elements written straight into the
 * update log, as a database edited by hand (or a bug) would leave it — answers a clear error on
 * every read of its text instead of a 500 with a stack overflow; the secretariat restores it to
 * the text before the break, as server-written changes relayed to the open editors, audited,
 * refused to everyone else and on a frozen draft, and still there after a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rm } from 'node:fs/promises';
import { textHash } from '../../../shared/canonical';
import { CloseReasons } from '../../../shared/protocol';
import type { TextJSON } from '../../../shared/schema';
import { createPenholder, type Penholder } from '../../../server/app';
import { docText } from '../../../server/collab/fragmentText';
import { loadDoc } from '../../../server/collab/registry';
import type { Store } from '../../../server/storage/types';
import { connect, FRAGMENT, synced, until } from '../../helpers/collab';
import { createTestDatabase, postgresGate, type TestDatabase } from '../../helpers/postgres';
import { call, startTestServer, type TestServer } from '../../helpers/server';
import { adoptedWithoutVote, draftText, meetingWorld, type MeetingWorld } from '../meeting/helpers';

/** Append an update nesting `depth` operative elements at the end of the working text, bypassing the room. */
async function breakByHand(store: Store, draftId: string, userId: string, depth = 5_000): Promise<number> {
  const { doc } = await loadDoc(store, draftId);
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment(FRAGMENT);
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = fragment;
    for (let i = 0; i < depth; i++) {
      const el = new Y.XmlElement('operative');
      parent.insert(parent === fragment ? fragment.length : 0, [el]);
      parent = el;
    }
  });
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  const [stored] = await store.appendUpdates([{ draftId, update, userId, delegationId: null }]);
  return stored!.seq;
}

/** What every reader of a text must answer for a broken one: 409 text_invalid, saying how to repair it. */
function expectTextInvalid(res: { status: number; body: any }): void {
  expect([res.status, res.body?.error?.id]).toEqual([409, 'text_invalid']);
  expect(res.body.error.message).toMatch(/secretariat can restore/);
  expect(res.body.error.message).not.toMatch(/call stack|at .*\.ts/);
}

const sameText = (a: unknown, b: unknown) => textHash(a as TextJSON) === textHash(b as TextJSON);

const postgres = await postgresGate('restore');

describe.each(postgres.run ? ['sqlite', 'postgres'] : ['sqlite'])('on %s', (kind) => {
  let server: TestServer;
  let db: TestDatabase | undefined;
  let w: MeetingWorld;
  /** The last seq before the break. */
  let goodSeq: number;
  let badSeq: number;

  beforeAll(async () => {
    if (kind === 'postgres') db = await createTestDatabase('penholder_restore');
    server = await startTestServer({ databaseUrl: db?.url });
    w = await meetingWorld(server);
    goodSeq = await server.store.lastSeq(w.draft.id);
    badSeq = await breakByHand(server.store, w.draft.id, w.users.sponsor.id);
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  describe('a working text broken by hand', () => {
    it('answers text_invalid to its text, exports, comparison, issuing, freezing and authorship, never a 500', async () => {
      expectTextInvalid(await w.api('sponsor', 'GET', w.draftPath('/text')));
      expectTextInvalid(await w.api('sponsor', 'GET', w.draftPath(`/text?seq=${badSeq}`)));
      for (const format of ['txt', 'docx', 'akn.xml']) expectTextInvalid(await w.api('sponsor', 'GET', w.draftPath(`/export.${format}?text=working`)));
      expectTextInvalid(await w.api('chair', 'GET', w.draftPath(`/compare?left=seq:${goodSeq}&right=working`)));
      expectTextInvalid(await w.api('sponsor', 'GET', w.draftPath('/authorship')));
      expectTextInvalid(await w.issue());
      // Freezing a draft withdrawn before any issue hashes its working text: the same clear error.
      const withdrawn = await meetingWorld(server);
      await breakByHand(server.store, withdrawn.draft.id, withdrawn.users.sponsor.id);
      expect((await withdrawn.record('withdrawn', { date: '2022-10-21' })).status).toBe(201);
      expectTextInvalid(await withdrawn.api('secretariat', 'POST', withdrawn.draftPath('/freeze'), {}));
      // The draft's page and the session's list still answer (with paragraph states recorded, both
      // count agreed paragraphs in the working text): a broken text does not hide its draft.
      await server.store.appendDraftEvent({ draftId: w.draft.id, type: 'paragraph_state', payload: { paragraphId: 'op1', state: 'agreed' }, userId: w.users.chair.id });
      expect((await w.api('sponsor', 'GET', w.draftPath(''))).status).toBe(200);
      expect((await w.api('sponsor', 'GET', `/api/sessions/${w.draft.sessionId}/drafts`)).status).toBe(200);
      // The text before the break still reads.
      const before = await w.api('sponsor', 'GET', w.draftPath(`/text?seq=${goodSeq}`));
      expect(before.status).toBe(200);
      expect(sameText(before.body.doc, draftText().toJSON())).toBe(true);
      expect(server.logs).toEqual([]);
    });
  });

  describe('restoring the working text', () => {
    it('is refused to everyone but the secretariat, and for points the log does not have', async () => {
      for (const who of ['sponsor', 'chair', 'nonSponsor'] as const) {
        const res = await w.api(who, 'POST', w.draftPath('/restore'), { seq: goodSeq });
        expect([who, res.status, res.body.error.id]).toEqual([who, 403, 'forbidden']);
      }
      const last = await server.store.lastSeq(w.draft.id);
      for (const seq of [0, last + 1]) {
        const res = await w.api('secretariat', 'POST', w.draftPath('/restore'), { seq });
        expect([res.status, res.body.error.id]).toEqual([422, 'refused']);
        expect(res.body.error.message).toContain(`runs from 1 to ${last}`);
      }
      const broken = await w.api('secretariat', 'POST', w.draftPath('/restore'), { seq: badSeq });
      expect([broken.status, broken.body.error.message]).toEqual([422, `the working text at seq ${badSeq} is not a valid text either: choose an earlier point`]);
      const early = await w.api('secretariat', 'POST', w.draftPath('/restore'), { at: '2000-01-01T00:00:00Z' });
      expect(early.status).toBe(422);
      for (const body of [{}, { seq: 'one' }, { seq: 1.5 }, { at: 'yesterday' }, { seq: 1, at: '2022-10-19T10:00:00Z' }]) {
        expect((await w.api('secretariat', 'POST', w.draftPath('/restore'), body)).status).toBe(400);
      }
      expect(await server.store.lastSeq(w.draft.id)).toBe(last);
    });

    it('closes an editor opening the broken text with 4425, then brings the old text back, as server-written changes, audited', async () => {
      // The broken text would stop the editor (y-prosemirror reads it recursively): it is not sent.
      const early = connect(`${server.wsUrl}/collab`, w.draft.id, w.as.sponsor.token);
      const closedWith = await new Promise<number>((resolve) => early.provider.on('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)));
      early.provider.destroy();
      expect(closedWith).toBe(CloseReasons.textBroken.code);
      const res = await w.api('secretariat', 'POST', w.draftPath('/restore'), { seq: goodSeq });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ draftId: w.draft.id, from: { seq: goodSeq }, changed: true });
      expect(res.body.seq).toBeGreaterThan(badSeq);
      const editor = connect(`${server.wsUrl}/collab`, w.draft.id, w.as.sponsor.token);
      try {
        await synced(editor.provider);
        await until(
          () => {
            const text = docText(editor.doc, { whole: true });
            return text.ok && sameText(text.value.toJSON(), draftText().toJSON());
          },
          10_000,
          'the editor to show the restored text',
        );
        // Checkpointed at once: a load after a crash starts past the deletion instead of replaying it.
        expect((await server.store.latestCheckpoint(w.draft.id))?.seq).toBeGreaterThanOrEqual(res.body.seq);
        // Written by the server for the secretariat, after the break; nothing before it removed.
        const written = await server.store.listUpdates(w.draft.id, badSeq);
        expect(written.length).toBeGreaterThan(0);
        expect(new Set(written.map((u) => u.userId))).toEqual(new Set([w.users.secretariat.id]));
        expect((await server.store.listUpdates(w.draft.id, 0, badSeq)).length).toBe(badSeq);

        const text = await w.api('sponsor', 'GET', w.draftPath('/text'));
        expect(text.status).toBe(200);
        expect(sameText(text.body.doc, draftText().toJSON())).toBe(true);
        for (const format of ['txt', 'docx', 'akn.xml']) expect((await w.api('sponsor', 'GET', w.draftPath(`/export.${format}?text=working`))).status).toBe(200);
        expect((await w.api('chair', 'GET', w.draftPath(`/compare?left=seq:${goodSeq}&right=working`))).status).toBe(200);
        // Paragraphs equal to the old ones kept their authorship: the sponsor's delegation wrote them.
        const authorship = await w.api('sponsor', 'GET', w.draftPath('/authorship'));
        expect(authorship.status).toBe(200);
        const op1 = authorship.body.paragraphs.find((p: { id: string }) => p.id === 'op1');
        expect(op1.byDelegation).toEqual([{ delegationId: w.delegations.main.id, chars: 'Decides to continue its work;'.length }]);

        const audit = await w.api('secretariat', 'GET', '/api/audit?action=draft.text_restored');
        expect(audit.status).toBe(200);
        const entry = audit.body.entries?.[0] ?? audit.body[0];
        expect(entry).toMatchObject({
          action: 'draft.text_restored',
          userId: w.users.secretariat.id,
          target: w.draft.id,
          detail: { requested: { seq: goodSeq }, fromSeq: goodSeq },
        });
        expect(server.logs).toEqual([]);
      } finally {
        editor.provider.destroy();
      }
    });

    it('finds the point by time too, and changes nothing when the text already is that text', async () => {
      const [good] = await server.store.listUpdates(w.draft.id, goodSeq - 1, goodSeq);
      const last = await server.store.lastSeq(w.draft.id);
      // Just before the next update was stored: the point is still the good one.
      const res = await w.api('secretariat', 'POST', w.draftPath('/restore'), { at: good!.at });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ from: { seq: goodSeq, at: good!.at }, seq: null, changed: false, lastSeq: last });
      expect(await server.store.lastSeq(w.draft.id)).toBe(last);
    });

    it('is still the working text after a restart', async () => {
      const { config } = server;
      await server.penholder.close();
      let again: Penholder | null = null;
      try {
        again = await createPenholder(config, { demoPasswords: 'fixed', log: (message, err) => server.logs.push({ message, err }) });
        const { port } = await again.listen(0, '127.0.0.1');
        const url = `http://127.0.0.1:${port}`;
        const text = await call({ url }, 'GET', w.draftPath('/text'), { cookie: w.as.sponsor.cookie });
        expect(text.status).toBe(200);
        expect(sameText(text.body.doc, draftText().toJSON())).toBe(true);
        // An editor opening the draft now gets the restored text.
        const editor = connect(`ws://127.0.0.1:${port}/collab`, w.draft.id, w.as.sponsor.token);
        try {
          await synced(editor.provider);
          const shown = docText(editor.doc, { whole: true });
          expect(shown.ok && sameText(shown.value.toJSON(), draftText().toJSON())).toBe(true);
        } finally {
          editor.provider.destroy();
        }
        expect(server.logs).toEqual([]);
      } finally {
        await again?.close();
        await rm(config.dataDir, { recursive: true, force: true });
        server = undefined as unknown as TestServer;
      }
    });
  });
});

describe('restoring a frozen draft', () => {
  it("is refused with the record's refusal, and changes nothing", async () => {
    const frozenServer = await startTestServer();
    try {
      const f = await meetingWorld(frozenServer);
      const seq = await frozenServer.store.lastSeq(f.draft.id);
      expect((await f.issue()).status).toBe(201);
      expect((await f.record('adopted', adoptedWithoutVote)).status).toBe(201);
      expect((await f.api('secretariat', 'POST', f.draftPath('/freeze'), {})).status).toBe(201);
      const last = await frozenServer.store.lastSeq(f.draft.id);
      const res = await f.api('secretariat', 'POST', f.draftPath('/restore'), { seq });
      expect([res.status, res.body.error.id, res.body.error.message]).toEqual([403, 'forbidden', 'the draft is frozen: its text is final']);
      expect(await frozenServer.store.lastSeq(f.draft.id)).toBe(last);
    } finally {
      await frozenServer.close();
    }
  });
});
