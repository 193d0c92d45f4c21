/**
 * Issuing revisions over HTTP: the working text becomes the next symbol with its canonical
 * text, hash and sponsors; refusals with their reasons store nothing; fifty officers pressing
 * "issue" at once give one revision; addenda and corrigenda; sponsors shown apart after issue.
 */
import { beforeEach, expect, it } from 'vitest';
import { canonicalText, textHash } from '../../../shared/canonical';
import { makeDelegation } from '../../helpers/factories';
import { describeOnBackends } from '../http/backends';
import { snapshot } from '../http/snapshot';
import { draftText, meetingWorld, setWorkingText, type MeetingWorld } from './helpers';

await describeOnBackends('issuing revisions', ({ server }) => {
  let w: MeetingWorld;
  beforeEach(async () => {
    w = await meetingWorld(server());
  });
  const issue = (symbol: string, who: 'secretariat' | 'chair' = 'secretariat') => w.api(who, 'POST', w.draftPath('/revisions'), { symbol });
  const editor = () => ({ userId: w.users.sponsor.id, delegationId: w.delegations.main.id });

  it('issues the working text as L.n, then Rev.1, each with its canonical text, hash and sponsors', async () => {
    const first = await issue(w.short());
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const prefix = w.session.symbolPrefix;
    expect(first.body.revision).toMatchObject({
      symbol: `${prefix}/L.1`,
      revision: 0,
      hash: textHash(draftText()),
      language: 'en',
      sponsors: [{ delegationId: w.delegations.main.id, name: { en: 'Chile', zh: '智利' } }],
    });
    expect(first.body.revision.text).toEqual(canonicalText(draftText()).toJSON());
    expect(first.body.status).toMatchObject({ state: 'issued', symbol: `${prefix}/L.1`, revision: 0 });

    await setWorkingText(server().store, w.draft.id, draftText('Requests the Secretariat to report;'), editor());
    const second = await issue(`${prefix}/L.1/Rev.1`);
    expect(second.status).toBe(201);
    expect(second.body.revision.symbol).toBe(`${prefix}/L.1/Rev.1`);

    // The client's negotiation base reads exactly this: GET …/revisions/:revision → { text }.
    const original = await w.api('nonSponsor', 'GET', w.draftPath('/revisions/0'));
    expect(original.status).toBe(200);
    expect(Object.keys(original.body)).toEqual(expect.arrayContaining(['symbol', 'text', 'hash', 'sponsors', 'issuedAt']));
    expect(original.body.hash).toBe(textHash(original.body.text));
    expect(original.body.hash).not.toBe(second.body.revision.hash);
    const list = await w.api('nonSponsor', 'GET', w.draftPath('/revisions'));
    expect(list.body.next).toBe(`${prefix}/L.1/Rev.2`);
    expect(list.body.revisions.map((r: { symbol: string }) => r.symbol)).toEqual([`${prefix}/L.1`, `${prefix}/L.1/Rev.1`]);
    const page = await w.api('nonSponsor', 'GET', w.draftPath());
    expect(page.body.lineage.map((r: { hasText: boolean }) => r.hasText)).toEqual([true, true]);
  });

  it('clears the brackets of the working text too: negotiation goes on from the issued text', async () => {
    await setWorkingText(server().store, w.draft.id, draftText('Requests the Secretariat to [report] to the Conference;'), editor());
    const issued = await issue(w.short());
    expect(issued.status).toBe(201);
    expect(JSON.stringify(issued.body.revision.text)).not.toContain('[report]');
    const working = await w.api('nonSponsor', 'GET', w.draftPath('/text'));
    expect(working.body.plain).toContain('Requests the Secretariat to report to the Conference;');
    expect(textHash(working.body.doc)).toBe(issued.body.revision.hash);
    // Stored once, as the officer's change.
    const log = await server().store.listUpdates(w.draft.id);
    expect(log.at(-1)!.userId).toBe(w.users.secretariat.id);
  });

  it("clears brackets by deleting only the bracket characters: the words between them stay the delegation's", async () => {
    const op2 = 'Requests the [Secretariat] to report to the Conference [at its twelfth session];';
    await setWorkingText(server().store, w.draft.id, draftText(op2), editor());
    expect((await issue(w.short())).status).toBe(201);
    const authorship = await w.api('chair', 'GET', w.draftPath('/authorship'));
    const paragraph = authorship.body.paragraphs.find((p: { text: string }) => p.text.startsWith('Requests'));
    expect(paragraph.text).toBe(op2.replace(/[[\]]/g, ''));
    // Every character left is the sponsor delegation's; the officer only deleted four brackets.
    expect(paragraph.byDelegation).toEqual([{ delegationId: w.delegations.main.id, chars: paragraph.text.length }]);
    const log = await server().store.listUpdates(w.draft.id);
    expect(log.at(-1)!.userId).toBe(w.users.secretariat.id);
  });

  it('never changes an issued text when the working text moves on', async () => {
    const issued = await issue(w.short());
    await setWorkingText(server().store, w.draft.id, draftText('Something else entirely;'), editor());
    const again = await w.api('chair', 'GET', w.draftPath('/revisions/0'));
    expect([again.body.hash, again.body.text]).toEqual([issued.body.revision.hash, issued.body.revision.text]);
  });

  it('refuses a symbol out of turn (422), one already issued (409), alternatives and an empty text (422), storing nothing', async () => {
    const before = await snapshot(server().store);
    const skip = await issue(`${w.short()}/Rev.2`);
    expect([skip.status, skip.body.error.id]).toEqual([422, 'refused']);
    expect(skip.body.error.message).toContain('the next text of this draft is');
    const other = await issue('L.7');
    expect(other.status).toBe(422);
    const corrigendum = await issue(`${w.short()}/Corr.1`);
    expect(corrigendum.status).toBe(422);
    expect(await snapshot(server().store)).toEqual(before);

    await setWorkingText(server().store, w.draft.id, draftText('Requests the Secretariat to [report / submit a report] to the Conference;'), editor());
    const alternatives = await issue(w.short());
    expect(alternatives.status).toBe(422);
    expect(alternatives.body.error.message).toMatch(/OP 2 still offers alternatives, \[report \/ submit a report\]/);
    expect((await server().store.listRevisions(w.draft.id)).length).toBe(0);

    expect((await issue(w.short())).status).toBe(422);
    await setWorkingText(server().store, w.draft.id, draftText('Requests the Secretariat to [report] to the Conference;'), editor());
    const cleared = await issue(w.short());
    expect(cleared.status).toBe(201);
    expect(JSON.stringify(cleared.body.revision.text)).toContain('Requests the Secretariat to report to the Conference;');
    const twice = await issue(w.short());
    expect([twice.status, twice.body.error.id]).toEqual([409, 'conflict']);
    expect(twice.body.error.message).toContain('has already been issued; the next is');
  });

  it('refuses a draft with an empty working text and nothing issued', async () => {
    const empty = await meetingWorld(server(), null);
    const res = await empty.api('secretariat', 'POST', empty.draftPath('/revisions'), { symbol: 'L.1' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('nothing to issue');
  });

  it('gives exactly one revision to fifty simultaneous requests; the others get 409', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => issue(w.short())));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await server().store.listRevisions(w.draft.id)).toHaveLength(1);
    expect((await server().store.listDraftEvents(w.draft.id)).filter((e) => e.type === 'issued')).toHaveLength(1);
  });

  it('records corrigenda and addenda against an issued text, numbered per text and kind', async () => {
    await issue(w.short());
    const doc = (kind: string, note?: string) => w.api('secretariat', 'POST', w.draftPath('/revisions/0/documents'), { kind, note });
    const corr1 = await doc('corrigendum', 'Replace operative paragraph 2');
    const corr2 = await doc('corrigendum');
    const add1 = await doc('addendum');
    expect([corr1.status, corr2.status, add1.status]).toEqual([201, 201, 201]);
    const prefix = w.session.symbolPrefix;
    expect([corr1.body.symbol, corr2.body.symbol, add1.body.symbol]).toEqual([`${prefix}/L.1/Corr.1`, `${prefix}/L.1/Corr.2`, `${prefix}/L.1/Add.1`]);
    expect(corr1.body).toMatchObject({ of: `${prefix}/L.1`, note: 'Replace operative paragraph 2' });
    const list = await w.api('sponsor', 'GET', w.draftPath('/revisions'));
    expect(list.body.revisions[0].documents.map((d: { symbol: string }) => d.symbol)).toEqual([`${prefix}/L.1/Corr.1`, `${prefix}/L.1/Corr.2`, `${prefix}/L.1/Add.1`]);
    expect((await w.api('secretariat', 'POST', w.draftPath('/revisions/4/documents'), { kind: 'addendum' })).status).toBe(404);
    expect((await w.api('sponsor', 'POST', w.draftPath('/revisions/0/documents'), { kind: 'addendum' })).status).toBe(403);
  });

  it('shows apart the sponsors who joined after the text was issued', async () => {
    await issue(w.short());
    const joined = await w.api('secretariat', 'POST', w.draftPath('/sponsors'), { delegationId: w.delegations.other.id });
    expect(joined.status).toBe(201);
    const page = await w.api('chair', 'GET', w.draftPath());
    expect(page.body.sponsorsSinceIssue).toMatchObject({
      symbol: `${w.session.symbolPrefix}/L.1`,
      atIssue: [{ delegationId: w.delegations.main.id }],
      joinedAfter: [{ delegationId: w.delegations.other.id }],
      withdrawnAfter: [],
      text: { en: 'Subsequently, Peru joined the sponsors.', zh: '随后，秘鲁加入提案国行列。' },
    });
    expect(page.body.sponsors.count).toBe(2);
  });

  it('keeps one consistent sponsor list when delegations join while a revision is issued', async () => {
    const delegations = await Promise.all(Array.from({ length: 10 }, (_, i) => makeDelegation(server().store, { en: `State ${i}`, zh: `国 ${i}` })));
    const answers = await Promise.all([
      ...delegations.map((d) => w.api('secretariat', 'POST', w.draftPath('/sponsors'), { delegationId: d.id })),
      issue(w.short()),
      ...delegations.map((d) => w.api('secretariat', 'POST', w.draftPath('/sponsors'), { delegationId: d.id })),
    ]);
    // Each delegation joins once; the second request for it is refused with the reason.
    expect(answers.filter((a) => a.status === 201)).toHaveLength(11);
    expect(answers.filter((a) => a.status === 422)).toHaveLength(10);
    const record = await server().store.listSponsorshipEvents(w.draft.id);
    expect(record.map((e) => e.seq)).toEqual(record.map((_, i) => i + 1));
    const now = await w.api('chair', 'GET', w.draftPath('/sponsors'));
    expect(now.body.count).toBe(11);
    const [revision] = await server().store.listRevisions(w.draft.id);
    // The revision holds the list as it was at one moment: the main sponsor first, then a prefix of the joins.
    const joinedInOrder = record.filter((e) => e.type === 'join').map((e) => e.delegationId);
    expect(revision!.sponsorIds).toEqual([w.delegations.main.id, ...joinedInOrder.slice(0, revision!.sponsorIds.length - 1)]);
  });
});
