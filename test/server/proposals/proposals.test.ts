/**
 * Proposals over HTTP on a real server (port 0): tabled by a delegation that does not sponsor the
 * draft, listed with filters and counts, accepted (through the collaboration room, credited to the
 * proposing delegation), accepted as modified, rejected, withdrawn, superseded; each a record
 * entry with who and when. Refusals carry stable ids and store nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ParagraphAuthorship } from '../../../shared/history';
import { connect, synced, until } from '../../helpers/collab';
import { call, startTestServer, type TestServer } from '../../helpers/server';
import { adoptedWithoutVote, meetingWorld, type MeetingWorld } from '../meeting/helpers';

let server: TestServer;
let w: MeetingWorld;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(async () => {
  w = await meetingWorld(server);
});

const OP2 = 'Requests the Secretariat to report to the Conference at its twelfth session;';
const twelfth = { kind: 'replace_words', paragraph: 'OP 2', words: 'twelfth', text: 'thirteenth' };

const proposals = (who: keyof MeetingWorld['as'] = 'sponsor', query = '') => w.api(who, 'GET', w.draftPath(`/proposals${query}`));
const table = (who: keyof MeetingWorld['as'], body: Record<string, unknown>) => w.api(who, 'POST', w.draftPath('/proposals'), body);
const decide = (who: keyof MeetingWorld['as'], id: string, body: Record<string, unknown>) => w.api(who, 'POST', w.draftPath(`/proposals/${id}/decision`), body);
const withdraw = (who: keyof MeetingWorld['as'], id: string) => w.api(who, 'POST', w.draftPath(`/proposals/${id}/withdraw`), {});
const recordTypes = async () => (await server.store.listDraftEvents(w.draft.id)).map((e) => e.type);

async function authorship(paragraphId: string): Promise<ParagraphAuthorship> {
  const res = await w.api('sponsor', 'GET', w.draftPath('/authorship'));
  expect(res.status).toBe(200);
  return (res.body as { paragraphs: ParagraphAuthorship[] }).paragraphs.find((p) => p.id === paragraphId)!;
}

describe('proposals from any delegation', () => {
  it('a non-sponsor tables a proposal on a paragraph as printed; everyone lists it; the penholder accepts it and the text changes, credited to the proposer', async () => {
    const tabled = await table('nonSponsor', { amendment: twelfth, rationale: 'The next session is the thirteenth.' });
    expect(tabled.status).toBe(201);
    expect(tabled.body).toMatchObject({
      draftId: w.draft.id,
      paragraphId: 'op2',
      paragraph: 'OP 2',
      described: 'OP 2: replace "twelfth" with "thirteenth"',
      amendment: { kind: 'replace_words', paragraphId: 'op2', proposedBy: w.delegations.other.id, accepted: false },
      rationale: 'The next session is the thirteenth.',
      delegation: { id: w.delegations.other.id, code: w.delegations.other.code, name: { en: 'Peru', zh: '秘鲁' } },
      proposedBy: { id: w.users.nonSponsor.id },
      state: 'pending',
      stale: false,
      staleWhy: null,
      quoted: 'twelfth',
      permissions: { decide: { allowed: false }, withdraw: { allowed: true } },
    });
    expect(tabled.body.anchor.start).toEqual(expect.any(String));
    const id = tabled.body.id as string;

    const listed = await proposals('sponsor');
    expect(listed.status).toBe(200);
    expect(listed.body.counts).toEqual({ pending: 1, accepted: 0, accepted_as_modified: 0, rejected: 0, withdrawn: 0, superseded: 0, stale: 0 });
    expect(listed.body.proposals.map((p: { id: string }) => p.id)).toEqual([id]);
    expect(listed.body.proposals[0].permissions).toEqual({ decide: { allowed: true }, withdraw: expect.objectContaining({ allowed: false }) });
    expect((await proposals('sponsor', `?delegation=${w.delegations.other.code}`)).body.proposals).toHaveLength(1);
    expect((await proposals('sponsor', `?delegation=${w.delegations.main.id}`)).body.proposals).toHaveLength(0);
    expect((await proposals('sponsor', '?paragraph=OP%202')).body.proposals).toHaveLength(1);
    expect((await proposals('sponsor', '?paragraph=op1')).body.proposals).toHaveLength(0);
    expect((await proposals('sponsor', '?state=accepted')).body.proposals).toHaveLength(0);
    // The drafts list counts it.
    const list = await w.api('sponsor', 'GET', `/api/sessions/${w.session.id}/drafts`);
    expect(list.body.find((d: { id: string }) => d.id === w.draft.id)?.pendingProposals).toBe(1);

    const accepted = await decide('sponsor', id, { state: 'accepted', note: 'Agreed in the room.' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', decidedBy: { id: w.users.sponsor.id }, note: 'Agreed in the room.', stale: false });
    const op2 = await authorship('op2');
    expect(op2.text).toBe(OP2.replace('twelfth', 'thirteenth'));
    expect(Object.fromEntries(op2.byDelegation.map((d) => [d.delegationId, d.chars]))[w.delegations.other.id]).toBe('thirteenth'.length);

    // The record holds both entries, by whom.
    const rows = (await server.store.listDraftEvents(w.draft.id)).filter((e) => e.type.startsWith('proposal_'));
    expect(rows.map((r) => [r.type, r.userId])).toEqual([
      ['proposal_tabled', w.users.nonSponsor.id],
      ['proposal_decided', w.users.sponsor.id],
    ]);
    expect(rows[1]!.payload).toMatchObject({ proposalId: id, state: 'accepted', logSeq: await server.store.lastSeq(w.draft.id) });

    const again = await decide('chair', id, { state: 'rejected' });
    expect(again.status).toBe(409);
    expect(again.body.error.id).toBe('proposal_not_pending');
    expect((await proposals('nonSponsor')).body.counts).toMatchObject({ pending: 0, accepted: 1 });
  });

  it('accepts as modified, rejects with a note, lets the proposer withdraw, and supersedes in one step', async () => {
    const g77 = { en: 'the Group of 77 and China', zh: '77国集团和中国' };
    const insert = await table('nonSponsor', { amendment: { kind: 'insert_words', paragraphId: 'op3', position: 'end', text: 'and observers' }, onBehalfOf: g77 });
    expect(insert.status).toBe(201);
    expect(insert.body).toMatchObject({ onBehalfOf: g77, quoted: null, delegation: { id: w.delegations.other.id } });
    const modified = await decide('chair', insert.body.id, { state: 'accepted_as_modified', text: 'as appropriate' });
    expect(modified.status).toBe(200);
    expect(modified.body).toMatchObject({ state: 'accepted_as_modified', modifiedText: 'as appropriate', decidedBy: { id: w.users.chair.id } });
    expect((await authorship('op3')).text).toBe('Invites Member States to contribute. as appropriate');

    const deletion = await table('nonSponsor', { amendment: { kind: 'delete_words', paragraphId: 'op1', words: 'continue' } });
    const cannotModify = await decide('sponsor', deletion.body.id, { state: 'accepted_as_modified', text: 'x' });
    expect(cannotModify.status).toBe(422);
    expect(cannotModify.body.error.message).toContain('a deletion brings no words to modify');
    const rejected = await decide('secretariat', deletion.body.id, { state: 'rejected', note: 'Not acceptable to the sponsors.' });
    expect(rejected.body).toMatchObject({ state: 'rejected', note: 'Not acceptable to the sponsors.' });
    expect((await authorship('op1')).text).toBe('Decides to continue its work;');

    const mine = await table('nonSponsor', { amendment: { kind: 'move_paragraph', paragraph: 'OP 1', position: 'after', target: 'OP 3' } });
    expect(mine.body).toMatchObject({ described: 'OP 1: move the paragraph after OP 3', amendment: { targetId: 'op3' } });
    const notYours = await withdraw('sponsor', mine.body.id);
    expect(notYours.status).toBe(403);
    expect(notYours.body.error.id).toBe('forbidden');
    const withdrawn = await withdraw('nonSponsor', mine.body.id);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      state: 'withdrawn',
      decidedBy: { id: w.users.nonSponsor.id },
      permissions: { decide: { allowed: false }, withdraw: { allowed: false } },
    });

    const first = await table('nonSponsor', { amendment: { kind: 'replace_words', paragraphId: 'op2', words: 'report', text: 'report orally' } });
    const second = await table('nonSponsor', { amendment: { kind: 'replace_words', paragraphId: 'op2', words: 'report', text: 'report in writing' }, supersedes: first.body.id });
    expect(second.status).toBe(201);
    expect(second.body.supersedes).toBe(first.body.id);
    const after = (await proposals('sponsor')).body;
    const old = after.proposals.find((p: { id: string }) => p.id === first.body.id);
    expect(old).toMatchObject({ state: 'superseded', supersededBy: second.body.id });
    expect(after.counts).toMatchObject({ pending: 1, accepted_as_modified: 1, rejected: 1, withdrawn: 1, superseded: 1 });
    expect((await proposals('sponsor', '?state=superseded')).body.proposals).toHaveLength(1);
    // Superseding a proposal no longer pending is refused.
    const late = await table('nonSponsor', { amendment: twelfth, supersedes: first.body.id });
    expect(late.status).toBe(409);
    expect(late.body.error.id).toBe('proposal_not_pending');
  });
});

describe('paragraph proposals', () => {
  it('moves, inserts and deletes paragraphs when accepted, the numbers following', async () => {
    const move = await table('nonSponsor', { amendment: { kind: 'move_paragraph', paragraph: 'OP 1', position: 'after', target: 'OP 3' } });
    const insert = await table('nonSponsor', {
      amendment: { kind: 'insert_paragraph', paragraph: 'OP 2', position: 'before', paragraphType: 'operative', text: 'Welcomes the report;' },
    });
    const deletion = await table('nonSponsor', { amendment: { kind: 'delete_paragraph', paragraphId: 'pp1' } });
    for (const p of [move, insert, deletion]) {
      expect(p.status).toBe(201);
      expect((await decide('sponsor', p.body.id, { state: 'accepted' })).status).toBe(200);
    }
    const res = await w.api('sponsor', 'GET', w.draftPath('/authorship'));
    const texts = (res.body as { paragraphs: ParagraphAuthorship[] }).paragraphs.map((p) => p.text);
    expect(texts).toEqual(['Strengthening international cooperation', 'Welcomes the report;', OP2, 'Invites Member States to contribute.', 'Decides to continue its work;']);
    const listed = (await proposals('sponsor')).body.proposals;
    expect(listed.find((p: { id: string }) => p.id === move.body.id)).toMatchObject({ state: 'accepted', paragraph: 'OP 4' });
  });
});

describe('refusals, with stable ids, storing nothing', () => {
  it('refuses deciding without the right (403), words not in the paragraph (422), an unknown paragraph (422), over-long texts (422 / 413)', async () => {
    const tabled = await table('nonSponsor', { amendment: twelfth });
    const before = await recordTypes();

    const notTheirs = await decide('nonSponsor', tabled.body.id, { state: 'accepted' });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.error).toMatchObject({ id: 'forbidden', message: "only the main sponsor's delegates, the chair and the secretariat decide on proposals" });

    const missing = await table('nonSponsor', { amendment: { ...twelfth, words: 'fourteenth' } });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({ id: 'words_not_found', message: 'OP 2: the words "fourteenth" are not in it' });
    const twice = await table('nonSponsor', { amendment: { kind: 'delete_words', paragraphId: 'op2', words: 'to' } });
    expect(twice.status).toBe(422);
    expect(twice.body.error.id).toBe('words_not_found');
    expect(twice.body.error.message).toContain('occur 2 times');

    const nowhere = await table('nonSponsor', { amendment: { ...twelfth, paragraph: 'OP 9' } });
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.error.id).toBe('unknown_paragraph');

    const longRationale = await table('nonSponsor', { amendment: twelfth, rationale: 'r'.repeat(2001) });
    expect(longRationale.status).toBe(422);
    expect(longRationale.body.error).toMatchObject({ id: 'text_too_long', details: { field: 'rationale', limit: 2000 } });
    const longText = await table('nonSponsor', { amendment: { ...twelfth, text: 'x'.repeat(2001) } });
    expect(longText.body.error).toMatchObject({ id: 'text_too_long', details: { field: 'text', limit: 2000 } });
    const longNote = await decide('sponsor', tabled.body.id, { state: 'rejected', note: 'n'.repeat(2001) });
    expect(longNote.body.error).toMatchObject({ id: 'text_too_long', details: { field: 'note', limit: 2000 } });
    const huge = await table('nonSponsor', { amendment: twelfth, rationale: 'r'.repeat(server.config.bodyLimitBytes + 1) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.id).toBe('payload_too_large');

    const malformed = await table('nonSponsor', { amendment: { kind: 'replace_words', paragraphId: 'op2', words: 'twelfth' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.id).toBe('validation_failed');

    expect(await recordTypes()).toEqual(before);
    expect((await proposals()).body.counts.pending).toBe(1);
  });

  it('keeps HTML in a rationale as the text it is', async () => {
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const tabled = await table('nonSponsor', { amendment: twelfth, rationale: html });
    expect(tabled.status).toBe(201);
    expect((await proposals()).body.proposals[0].rationale).toBe(html);
  });

  it('refuses every act on a frozen draft (403) and after final action', async () => {
    const tabled = await table('nonSponsor', { amendment: twelfth });
    expect((await w.issue()).status).toBe(201);
    expect((await w.record('adopted', adoptedWithoutVote)).status).toBe(201);
    const afterAction = await table('nonSponsor', { amendment: twelfth });
    expect(afterAction.status).toBe(403);
    expect(afterAction.body.error.message).toContain('action has been taken on the draft');
    expect((await w.api('secretariat', 'POST', w.draftPath('/freeze'), {})).status).toBe(201);
    const before = await recordTypes();
    for (const res of [
      await table('nonSponsor', { amendment: twelfth }),
      await decide('sponsor', tabled.body.id, { state: 'accepted' }),
      await decide('secretariat', tabled.body.id, { state: 'rejected' }),
      await withdraw('nonSponsor', tabled.body.id),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ id: 'forbidden', message: 'the text is frozen: nobody can change it' });
    }
    expect(await recordTypes()).toEqual(before);
    const listed = (await proposals('sponsor')).body;
    expect(listed.proposals[0]).toMatchObject({ state: 'pending', permissions: { decide: { allowed: false }, withdraw: { allowed: false } } });
  });

  it('answers 404 for an unknown proposal or draft', async () => {
    expect((await decide('sponsor', 'nope', { state: 'accepted' })).status).toBe(404);
    expect((await withdraw('sponsor', 'nope')).status).toBe(404);
    expect((await w.api('sponsor', 'GET', '/api/drafts/nope/proposals')).status).toBe(404);
    expect((await call(server, 'GET', w.draftPath('/proposals'))).status).toBe(401);
  });
});

describe('the record with proposals in it', () => {
  it('is read by every reader of the record: the draft, its events, paragraph states, the report, the audit', async () => {
    const a = await table('nonSponsor', { amendment: twelfth });
    const b = await table('nonSponsor', { amendment: { kind: 'delete_words', paragraphId: 'op1', words: 'continue' } });
    await decide('sponsor', a.body.id, { state: 'accepted' });
    await decide('sponsor', b.body.id, { state: 'rejected' });
    await withdraw('nonSponsor', (await table('nonSponsor', { amendment: { kind: 'delete_paragraph', paragraphId: 'op3' } })).body.id);
    expect((await w.issue()).status).toBe(201);
    expect((await w.record('adopted', adoptedWithoutVote)).status).toBe(201);

    const draft = await w.api('sponsor', 'GET', w.draftPath());
    expect(draft.status).toBe(200);
    expect(draft.body.status.state).toBe('adopted');
    expect(draft.body.pendingProposals).toBe(0);
    const events = await w.api('sponsor', 'GET', w.draftPath('/events'));
    expect(events.status).toBe(200);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['proposal_tabled', 'proposal_decided', 'issued', 'adopted']));
    for (const path of [w.draftPath('/paragraph-states'), w.draftPath('/report-paragraph'), w.draftPath('/revisions'), `/api/sessions/${w.session.id}/report`]) {
      expect((await w.api('secretariat', 'GET', path)).status, path).toBe(200);
    }
    const audit = await w.api('secretariat', 'GET', '/api/audit?limit=50');
    expect(audit.status).toBe(200);
    const said = JSON.stringify(audit.body);
    for (const words of ['tabled a proposal', 'decided on a proposal', 'withdrew a proposal']) expect(said).toContain(words);
  });
});

describe('proposals in a live room', () => {
  it('accepts two proposals on one paragraph in turn, the second still applying, each relayed to an open editor', async () => {
    const editor = connect(`${server.wsUrl}/collab`, w.draft.id, w.as.sponsor.token);
    try {
      await synced(editor.provider);
      const first = await table('nonSponsor', { amendment: twelfth });
      const second = await table('chair', { amendment: { kind: 'insert_words', paragraphId: 'op2', position: 'after', words: 'Secretariat', text: 'of the Convention' } });
      expect(second.body).toMatchObject({ delegation: null, proposedBy: { id: w.users.chair.id } });
      expect((await decide('sponsor', first.body.id, { state: 'accepted' })).status).toBe(200);
      const listed = (await proposals('sponsor')).body.proposals.find((p: { id: string }) => p.id === second.body.id);
      expect(listed).toMatchObject({ state: 'pending', stale: false });
      const accepted = await decide('sponsor', second.body.id, { state: 'accepted' });
      expect(accepted.status).toBe(200);
      const want = 'Requests the Secretariat of the Convention to report to the Conference at its thirteenth session;';
      await until(() => editor.doc.getXmlFragment('prosemirror').toString().includes(want), 5_000, 'both changes relayed to the editor');
      expect((await authorship('op2')).text).toBe(want);
    } finally {
      editor.provider.destroy();
    }
  });

  it('turns a proposal stale when a sponsor edits its quoted words over a real client: listed as stale, accepting refused (409), re-anchored by superseding', async () => {
    const editor = connect(`${server.wsUrl}/collab`, w.draft.id, w.as.sponsor.token);
    try {
      await synced(editor.provider);
      const tabled = await table('nonSponsor', { amendment: twelfth });
      // The sponsor types inside "twelfth" (op2 is the fourth block: title, PP 1, OP 1, OP 2).
      const op2 = editor.doc.getXmlFragment('prosemirror').get(3) as unknown as { get(i: number): { insert(at: number, s: string): void } };
      op2.get(0).insert(OP2.indexOf('twelfth') + 5, 'X');
      await until(async () => (await proposals('nonSponsor')).body.counts.stale === 1, 5_000, 'the proposal listed as stale');
      const listed = (await proposals('nonSponsor')).body.proposals[0];
      expect(listed).toMatchObject({ id: tabled.body.id, state: 'pending', stale: true, staleWhy: 'the words "twelfth" it quotes now read "twelfXth"' });
      expect((await proposals('nonSponsor', '?state=stale')).body.proposals).toHaveLength(1);

      const refused = await decide('sponsor', tabled.body.id, { state: 'accepted' });
      expect(refused.status).toBe(409);
      expect(refused.body.error.id).toBe('proposal_stale');
      expect((await authorship('op2')).text).toBe(OP2.replace('twelfth', 'twelfXth'));

      const reanchored = await table('nonSponsor', { amendment: { ...twelfth, words: 'twelfXth' }, supersedes: tabled.body.id });
      expect(reanchored.status).toBe(201);
      expect(reanchored.body.stale).toBe(false);
      expect((await decide('sponsor', reanchored.body.id, { state: 'accepted' })).status).toBe(200);
      expect((await authorship('op2')).text).toBe(OP2.replace('twelfth', 'thirteenth'));
    } finally {
      editor.provider.destroy();
    }
  });
});
