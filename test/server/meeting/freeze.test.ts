/**
 * After the action: the freeze, with the hash of the text acted on computed by the server, and
 * every path that would change the text refused afterwards; the report paragraph of a draft.
 */
import { beforeEach, expect, it } from 'vitest';
import { describeOnBackends } from '../http/backends';
import { snapshot } from '../http/snapshot';
import { adoptedWithoutVote, meetingWorld, replaceWords, type MeetingWorld } from './helpers';

await describeOnBackends('after the action', ({ server }) => {
  let w: MeetingWorld;
  beforeEach(async () => {
    w = await meetingWorld(server());
  });

  it('freezes after final action with the hash of the text acted on, computed by the server', async () => {
    await w.issue();
    const early = await w.api('secretariat', 'POST', w.draftPath('/freeze'), {});
    expect([early.status, early.body.error.message]).toEqual([422, 'cannot freeze a draft before final action is taken on it']);
    await w.amend(replaceWords);
    await w.record('adopted', { ...adoptedWithoutVote, orallyAmended: true });
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
    expect((await w.amend(replaceWords)).status).toBe(403);
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
    const issued = await w.issue();
    await w.record('rejected', { meeting: 11, date: '2022-10-21', vote: { kind: 'recorded', yes: 10, no: 40, abstain: 3, majority: 'simple' } });
    const frozen = await w.api('secretariat', 'POST', w.draftPath('/freeze'), {});
    expect(frozen.body.finalText).toMatchObject({ hash: issued.body.revision.hash, label: `${w.session.symbolPrefix}/L.1` });
  });

  it('writes the report paragraph of a draft from the record, in English and Chinese', async () => {
    await w.issue();
    const pending = await w.api('chair', 'GET', w.draftPath('/report-paragraph?lang=en'));
    expect([pending.status, pending.body.error.id]).toEqual([422, 'refused']);
    await w.api('secretariat', 'POST', w.draftPath('/sponsors'), { delegationId: w.delegations.other.id, date: '2022-10-20' });
    await w.record('adopted', { ...adoptedWithoutVote, vote: { kind: 'recorded', yes: 63, no: 15, abstain: 25, majority: 'simple' } });
    await w.api('secretariat', 'POST', w.draftPath('/number'), {});
    const en = await w.api('chair', 'GET', w.draftPath('/report-paragraph?lang=en'));
    expect(en.body.paragraph).toBe(
      `At its 11th meeting, on 21 October 2022, the Conference adopted, by a recorded vote of 63 to 15, with 25 abstentions, a draft resolution (${w.session.symbolPrefix}/L.1), sponsored by Chile and Peru. (For the text, see chap. I, sect. A, resolution 11/1.)`,
    );
    const zh = await w.api('chair', 'GET', w.draftPath('/report-paragraph?lang=zh'));
    expect(zh.body.paragraph).toContain(`通过了一项决议草案（${w.session.symbolPrefix}/L.1），提案国有：智利和秘鲁。（案文见第一章 A 节，第 11/1 号决议。）`);
    const section = await w.api('chair', 'GET', `/api/sessions/${w.session.id}/action-taken?lang=en&firstNumber=12`);
    expect(section.body.paragraphs).toEqual([{ draftId: w.draft.id, symbol: `${w.session.symbolPrefix}/L.1`, text: `12. ${en.body.paragraph}` }]);
  });
});
