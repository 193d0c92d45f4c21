/**
 * Proposals on PostgreSQL (issue #17): tabled, superseded (two entries in one transaction),
 * accepted through the room, and two accepts of one proposal racing — one applies, the other is
 * refused (409 proposal_not_pending) and the text changes once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParagraphAuthorship } from '../../../shared/history';
import { createTestDatabase, postgresGate, type TestDatabase } from '../../helpers/postgres';
import { startTestServer, type TestServer } from '../../helpers/server';
import { meetingWorld } from '../meeting/helpers';

const gate = await postgresGate('proposals.postgres');

describe.skipIf(!gate.run)('proposals on PostgreSQL', () => {
  let db: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('supersedes in one transaction, and applies a proposal once when two accept it at once', async () => {
    const w = await meetingWorld(server);
    const amendment = { kind: 'replace_words', paragraph: 'OP 2', words: 'twelfth', text: 'thirteenth' };
    const first = await w.api('nonSponsor', 'POST', w.draftPath('/proposals'), { amendment: { ...amendment, text: '13th' } });
    expect(first.status).toBe(201);
    const second = await w.api('nonSponsor', 'POST', w.draftPath('/proposals'), { amendment, supersedes: first.body.id });
    expect(second.status).toBe(201);
    const rows = (await server.store.listDraftEvents(w.draft.id)).filter((r) => r.type.startsWith('proposal_'));
    expect(rows.map((r) => [r.type, r.payload.proposalId])).toEqual([
      ['proposal_tabled', first.body.id],
      ['proposal_tabled', second.body.id],
      ['proposal_decided', first.body.id],
    ]);

    const before = await server.store.lastSeq(w.draft.id);
    const answers = await Promise.all([
      w.api('sponsor', 'POST', w.draftPath(`/proposals/${second.body.id}/decision`), { state: 'accepted' }),
      w.api('chair', 'POST', w.draftPath(`/proposals/${second.body.id}/decision`), { state: 'accepted' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error.id).toBe('proposal_not_pending');
    expect(await server.store.lastSeq(w.draft.id)).toBe(before + 1);
    const authorship = await w.api('sponsor', 'GET', w.draftPath('/authorship'));
    const op2 = (authorship.body as { paragraphs: ParagraphAuthorship[] }).paragraphs.find((p) => p.id === 'op2')!;
    expect(op2.text).toBe('Requests the Secretariat to report to the Conference at its thirteenth session;');
    const listed = await w.api('nonSponsor', 'GET', w.draftPath('/proposals'));
    expect(listed.body.counts).toMatchObject({ pending: 0, accepted: 1, superseded: 1 });
  });
});
