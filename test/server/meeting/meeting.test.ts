/**
 * The meeting over HTTP: the chair's paragraph states, oral amendments and the text as orally
 * amended (also as `amended:` for comparisons), numbering adopted texts, and the freeze with a
 * hash computed by the server.
 */
import { beforeEach, expect, it } from 'vitest';
import { textHash } from '../../../shared/canonical';
import { describeOnBackends } from '../http/backends';
import { snapshot } from '../http/snapshot';
import { makeDraft } from '../../helpers/factories';
import { adoptedWithoutVote, draftText, meetingWorld, setWorkingText, type MeetingWorld } from './helpers';

await describeOnBackends('the meeting', ({ server }) => {
  let w: MeetingWorld;
  beforeEach(async () => {
    w = await meetingWorld(server());
  });
  const issue = (symbol = w.short()) => w.api('secretariat', 'POST', w.draftPath('/revisions'), { symbol });
  const record = (type: string, payload: Record<string, unknown>) => w.api('secretariat', 'POST', w.draftPath('/events'), { type, payload });
  const amend = (body: Record<string, unknown>) => w.api('secretariat', 'POST', w.draftPath('/amendments'), body);
  const replaceWords = { paragraphId: 'op2', kind: 'replace_words', words: 'twelfth', text: 'thirteenth', proposedBy: null, accepted: true };

  it('lets the chair record paragraph states; everyone reads them; the list shows how many are agreed', async () => {
    const set = (who: 'chair' | 'sponsor', paragraphId: string, state: string) => w.api(who, 'POST', w.draftPath('/paragraph-states'), { paragraphId, state });
    expect((await set('chair', 'op1', 'agreed')).status).toBe(201);
    const adRef = await set('chair', 'op2', 'agreed_ad_ref');
    expect(adRef.status).toBe(201);
    expect(adRef.body.counts).toMatchObject({ total: 4, agreed: 1, agreedAdReferendum: 1, open: 2, text: { en: '1 of 4 agreed, 1 ad referendum' } });
    const again = await set('chair', 'op1', 'agreed');
    expect([again.status, again.body.error.message]).toEqual([422, 'OP 1 is already agreed']);
    expect((await set('chair', 'nope', 'agreed')).status).toBe(422);
    expect((await set('sponsor', 'op3', 'agreed')).status).toBe(403);
    const read = await w.api('nonSponsor', 'GET', w.draftPath('/paragraph-states'));
    expect(read.body.states).toMatchObject({ op1: { state: 'agreed' }, op2: { state: 'agreed_ad_ref', label: { en: 'agreed ad referendum' } } });
    expect(read.body.changes.map((c: { user: { id: string } }) => c.user.id)).toEqual([w.users.chair.id, w.users.chair.id]);
    const list = await w.api('nonSponsor', 'GET', `/api/sessions/${w.session.id}/drafts`);
    expect(list.body[0].agreed.text).toEqual({ en: '1 of 4 agreed, 1 ad referendum', zh: '4 段中已商定 1 段，1 段暂时商定' });
    // The states never enter the working text: it still has its four paragraphs and no marks.
    expect((await server().store.listUpdates(w.draft.id)).length).toBe(1);
  });

  it('records oral amendments against the issued text and derives the text as orally amended', async () => {
    expect((await amend(replaceWords)).status).toBe(422); // nothing issued yet
    await issue();
    const first = await amend({ ...replaceWords, proposedBy: w.delegations.other.id, meeting: 10 });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ symbol: `${w.session.symbolPrefix}/L.1`, meeting: 10, amendment: { kind: 'replace_words', proposedBy: w.delegations.other.id } });
    const refused = await amend({ paragraphId: 'op3', kind: 'delete_words', words: 'Secretariat', proposedBy: null, accepted: false });
    expect(refused.status).toBe(422);
    expect((await amend({ paragraphId: 'op3', kind: 'delete_words', words: 'Member', proposedBy: null, accepted: false })).status).toBe(201);
    expect((await amend({ paragraphId: 'op2', kind: 'shout', proposedBy: null, accepted: true })).status).toBe(400);
    expect((await amend({ ...replaceWords, proposedBy: 'no-such-delegation' })).status).toBe(422);

    const amended = await w.api('nonSponsor', 'GET', w.draftPath('/amended-text'));
    expect(amended.status).toBe(200);
    expect(amended.body.label).toBe(`${w.short()} as orally amended`);
    expect(JSON.stringify(amended.body.text)).toContain('at its thirteenth session');
    expect(JSON.stringify(amended.body.text)).toContain('Invites Member States'); // the rejected amendment is not applied
    expect(amended.body.amendments).toEqual({ recorded: 2, accepted: 1 });
    expect(amended.body.hash).toBe(textHash(amended.body.text));
    const list = await w.api('nonSponsor', 'GET', w.draftPath('/amendments'));
    expect(list.body.map((a: { amendment: { accepted: boolean } }) => a.amendment.accepted)).toEqual([true, false]);

    // The comparison reads the same text through server/texts.ts.
    const compared = await w.api('nonSponsor', 'GET', w.draftPath(`/compare?left=${encodeURIComponent(w.short())}&right=${encodeURIComponent(`amended:${w.short()}`)}`));
    expect(compared.status, JSON.stringify(compared.body)).toBe(200);
    expect(compared.body.paragraphs.filter((p: { status: string }) => p.status !== 'unchanged').map((p: { label: string }) => p.label)).toEqual(['OP 2']);

    await record('adopted', { ...adoptedWithoutVote, orallyAmended: true });
    expect((await amend(replaceWords)).status).toBe(422); // after action: too late
  });

  it('numbers adopted texts in sequence for the session and refuses a duplicate with 409', async () => {
    await issue();
    expect((await w.api('secretariat', 'POST', w.draftPath('/number'), {})).status).toBe(422); // not adopted yet
    await record('adopted', adoptedWithoutVote);
    const next = await w.api('chair', 'GET', `/api/sessions/${w.session.id}/numbers`);
    expect(next.body.next).toEqual({ resolution: '11/1', decision: '11/1' });
    const numbered = await w.api('secretariat', 'POST', w.draftPath('/number'), {});
    expect([numbered.status, numbered.body.text.en, numbered.body.text.zh]).toEqual([201, 'resolution 11/1', '第 11/1 号决议']);
    expect((await w.api('secretariat', 'POST', w.draftPath('/number'), { number: '11/2' })).status).toBe(409); // already numbered

    // A second adopted draft of the same session cannot take 11/1; left to the server, it takes 11/2.
    const second = await makeDraft(server().store, { sessionId: w.session.id, createdBy: w.users.secretariat.id, mainSponsorId: w.delegations.other.id, lNumber: 2 });
    await setWorkingText(server().store, second.id, draftText(), { userId: w.users.secretariat.id, delegationId: null });
    const path = (rest: string) => `/api/drafts/${second.id}${rest}`;
    expect((await w.api('secretariat', 'POST', path('/revisions'), { symbol: 'L.2' })).status).toBe(201);
    expect((await w.api('secretariat', 'POST', path('/events'), { type: 'adopted', payload: adoptedWithoutVote })).status).toBe(201);
    const taken = await w.api('secretariat', 'POST', path('/number'), { number: '11/1' });
    expect([taken.status, taken.body.error.message]).toEqual([409, 'resolution 11/1 is already taken in this session']);
    expect((await w.api('secretariat', 'POST', path('/number'), { number: '12/1' })).status).toBe(422);
    expect((await w.api('sponsor', 'POST', path('/number'), {})).status).toBe(403);
    expect((await w.api('secretariat', 'POST', path('/number'), {})).body.number).toBe('11/2');
    const after = await w.api('chair', 'GET', `/api/sessions/${w.session.id}/numbers`);
    expect(after.body.next).toEqual({ resolution: '11/3', decision: '11/1' });
  });

  it('freezes after final action with the hash of the text acted on, computed by the server', async () => {
    await issue();
    const early = await w.api('secretariat', 'POST', w.draftPath('/freeze'), {});
    expect([early.status, early.body.error.message]).toEqual([422, 'cannot freeze a draft before final action is taken on it']);
    await amend(replaceWords);
    await record('adopted', { ...adoptedWithoutVote, orallyAmended: true });
    expect((await w.api('chair', 'POST', w.draftPath('/freeze'), {})).status).toBe(403);
    expect((await w.api('secretariat', 'POST', w.draftPath('/freeze'), { hash: 'mine' })).status).toBe(400);
    const frozen = await w.api('secretariat', 'POST', w.draftPath('/freeze'), {});
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
    const amended = await w.api('nonSponsor', 'GET', w.draftPath('/amended-text'));
    expect(frozen.body.finalText).toMatchObject({ hash: amended.body.hash, label: `${w.session.symbolPrefix}/L.1 as orally amended`, amendments: 1 });
    expect(frozen.body.status).toMatchObject({ frozen: true, frozenHash: amended.body.hash });

    // Nothing changes the text any more, on any HTTP path; the draft can still be read, exported and compared.
    const before = await snapshot(server().store);
    expect((await w.api('secretariat', 'POST', w.draftPath('/freeze'), {})).status).toBe(422);
    expect((await w.api('secretariat', 'POST', w.draftPath('/revisions'), { symbol: `${w.short()}/Rev.1` })).status).toBe(403);
    expect((await w.api('secretariat', 'POST', w.draftPath('/import'), { text: { type: 'doc', content: [{ type: 'title' }] } })).status).toBe(403);
    expect((await amend(replaceWords)).status).toBe(403);
    expect((await w.api('chair', 'POST', w.draftPath('/paragraph-states'), { paragraphId: 'op1', state: 'agreed' })).status).toBe(403);
    expect((await w.api('secretariat', 'POST', w.draftPath('/revisions/0/documents'), { kind: 'corrigendum' })).status).toBe(403);
    expect(await snapshot(server().store)).toEqual(before);
    expect((await w.api('nonSponsor', 'GET', w.draftPath(`/compare?left=${encodeURIComponent(w.short())}&right=working`))).status).toBe(200);
    const page = await w.api('nonSponsor', 'GET', w.draftPath());
    expect(page.body.status).toMatchObject({ frozen: true, isFinal: true });
    // Its number and the report's wording describe the final text and may still be recorded.
    expect((await w.api('secretariat', 'POST', w.draftPath('/number'), {})).status).toBe(201);
    expect((await w.api('secretariat', 'POST', w.draftPath('/report-details'), { remarks: { en: 'A sentence.', zh: '一句。' } })).status).toBe(201);
  });

  it('hashes the issued text itself when no oral amendment was recorded', async () => {
    const issued = await issue();
    await record('rejected', { meeting: 11, date: '2022-10-21', vote: { kind: 'recorded', yes: 10, no: 40, abstain: 3, majority: 'simple' } });
    const frozen = await w.api('secretariat', 'POST', w.draftPath('/freeze'), {});
    expect(frozen.body.finalText).toMatchObject({ hash: issued.body.revision.hash, label: `${w.session.symbolPrefix}/L.1` });
  });

  it('writes the report paragraph of a draft from the record, in English and Chinese', async () => {
    await issue();
    const pending = await w.api('chair', 'GET', w.draftPath('/report-paragraph?lang=en'));
    expect([pending.status, pending.body.error.id]).toEqual([422, 'refused']);
    await w.api('secretariat', 'POST', w.draftPath('/sponsors'), { delegationId: w.delegations.other.id, date: '2022-10-20' });
    await record('adopted', { ...adoptedWithoutVote, vote: { kind: 'recorded', yes: 63, no: 15, abstain: 25, majority: 'simple' } });
    await w.api('secretariat', 'POST', w.draftPath('/number'), {});
    const en = await w.api('chair', 'GET', w.draftPath('/report-paragraph?lang=en'));
    expect(en.body.paragraph).toBe(`At its 11th meeting, on 21 October 2022, the Conference adopted, by a recorded vote of 63 to 15, with 25 abstentions, a draft resolution (${w.session.symbolPrefix}/L.1), sponsored by Chile and Peru. (For the text, see chap. I, sect. A, resolution 11/1.)`);
    const zh = await w.api('chair', 'GET', w.draftPath('/report-paragraph?lang=zh'));
    expect(zh.body.paragraph).toContain(`通过了一项决议草案（${w.session.symbolPrefix}/L.1），提案国有：智利和秘鲁。（案文见第一章 A 节，第 11/1 号决议。）`);
    const section = await w.api('chair', 'GET', `/api/sessions/${w.session.id}/action-taken?lang=en&firstNumber=12`);
    expect(section.body.paragraphs).toEqual([{ draftId: w.draft.id, symbol: `${w.session.symbolPrefix}/L.1`, text: `12. ${en.body.paragraph}` }]);
  });
});
