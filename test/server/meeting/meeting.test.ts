/**
 * The meeting over HTTP: the chair's paragraph states, oral amendments and the text as orally
 * amended (also as `amended:` for comparisons), and numbering adopted texts.
 */
import { beforeEach, expect, it } from 'vitest';
import { textHash } from '../../../shared/canonical';
import { describeOnBackends } from '../http/backends';
import { makeDraft } from '../../helpers/factories';
import { adoptedWithoutVote, draftText, meetingWorld, replaceWords, setWorkingText, type MeetingWorld } from './helpers';

await describeOnBackends('the meeting', ({ server }) => {
  let w: MeetingWorld;
  beforeEach(async () => {
    w = await meetingWorld(server());
  });

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
    expect(list.body[0].agreed.text).toMatchObject({ en: '1 of 4 agreed, 1 ad referendum', zh: '4 段中已商定 1 段，1 段暂时商定', fr: '1 sur 4 convenus, 1 ad referendum' });
    expect(Object.keys(list.body[0].agreed.text)).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
    // The states never enter the working text: it still has its four paragraphs and no marks.
    expect((await server().store.listUpdates(w.draft.id)).length).toBe(1);
  });

  it('records oral amendments against the issued text and derives the text as orally amended', async () => {
    expect((await w.amend(replaceWords)).status).toBe(422); // nothing issued yet
    await w.issue();
    const first = await w.amend({ ...replaceWords, proposedBy: w.delegations.other.id, meeting: 10 });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ symbol: `${w.session.symbolPrefix}/L.1`, meeting: 10, amendment: { kind: 'replace_words', proposedBy: w.delegations.other.id } });
    const refused = await w.amend({ paragraphId: 'op3', kind: 'delete_words', words: 'Secretariat', proposedBy: null, accepted: false });
    expect(refused.status).toBe(422);
    expect((await w.amend({ paragraphId: 'op3', kind: 'delete_words', words: 'Member', proposedBy: null, accepted: false })).status).toBe(201);
    expect((await w.amend({ paragraphId: 'op2', kind: 'shout', proposedBy: null, accepted: true })).status).toBe(400);
    expect((await w.amend({ ...replaceWords, proposedBy: 'no-such-delegation' })).status).toBe(422);

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

    await w.record('adopted', { ...adoptedWithoutVote, orallyAmended: true });
    expect((await w.amend(replaceWords)).status).toBe(422); // after action: too late
  });

  it('numbers adopted texts in sequence for the session and refuses a duplicate with 409', async () => {
    await w.issue();
    expect((await w.api('secretariat', 'POST', w.draftPath('/number'), {})).status).toBe(422); // not adopted yet
    await w.record('adopted', adoptedWithoutVote);
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
});
