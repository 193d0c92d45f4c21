/**
 * Bodies, sessions and drafts in the store: L-numbers unique within a session, and resolution
 * and decision numbers unique per session and kind.
 * Run alike on SQLite and PostgreSQL (see test/helpers/storeContract.ts).
 */
import { expect, it } from 'vitest';
import { describeStoreContract, t, tag, ISO, seedSession, seedUser, draftInput, expectUnique } from '../../helpers/storeContract';

await describeStoreContract('storage.drafts', ({ store }) => {
  it('round-trips bodies and sessions, with localized text and calendar dates', async () => {
    const body = await store().createBody({ id: `body-${tag()}`, name: t('Commission on Narcotic Drugs', '麻醉药品委员会') });
    expect(body.createdAt).toMatch(ISO);
    expect(await store().getBody(body.id)).toEqual(body);
    expect(await store().getBody('missing')).toBeNull();
    const session = await store().createSession({
      bodyId: body.id,
      number: 67,
      title: t('Sixty-seventh session', '第六十七届会议'),
      symbolPrefix: `E/CN.7/2024/${tag()}`,
      place: 'Vienna',
      opens: '2024-03-14',
      closes: '2024-03-22',
    });
    expect(session).toMatchObject({ bodyId: body.id, number: 67, opens: '2024-03-14', closes: '2024-03-22' });
    expect(await store().getSession(session.id)).toEqual(session);
    expect(await store().listSessions()).toContainEqual(session);
    await expectUnique(store().createSession({ ...session, id: undefined }), 'sessions_symbol_prefix_key');
    await expect(store().createSession({ ...session, id: undefined, symbolPrefix: tag(), opens: '2024-02-30' })).rejects.toThrow();
  });

  it('round-trips drafts; an L-number is unique within its session', async () => {
    const session = await seedSession(store());
    const chair = await seedUser(store());
    expect(await store().maxLNumber(session.id)).toBe(0);
    const l9 = await store().createDraft(
      draftInput(session.id, 9, {
        submittedBy: t('Chair of the Working Group on International Cooperation', '国际合作工作组主席'),
        chairUserId: chair.id,
        createdBy: chair.id,
        createdAt: '2022-10-18T09:30:00Z',
        language: 'zh',
        kind: 'decision',
      }),
    );
    expect(l9).toMatchObject({ lNumber: 9, kind: 'decision', language: 'zh', createdAt: '2022-10-18T09:30:00.000Z' });
    const l4 = await store().createDraft(draftInput(session.id, 4));
    expect(l4.submittedBy).toBeNull();
    expect(await store().getDraft(l9.id)).toEqual(l9);
    expect(await store().getDraft('missing')).toBeNull();
    expect(await store().listDrafts(session.id)).toEqual([l4, l9]);
    expect(await store().maxLNumber(session.id)).toBe(9);
    await expectUnique(store().createDraft(draftInput(session.id, 9)), 'drafts_session_l_number_key');
    const other = await seedSession(store());
    await expect(store().createDraft(draftInput(other.id, 9))).resolves.toMatchObject({ lNumber: 9 });
    await expect(store().createDraft(draftInput('no-such-session', 1))).rejects.toThrow();
  });

  it('keeps resolution and decision numbers unique per session and kind, one per draft', async () => {
    const session = await seedSession(store());
    const [a, b2, c] = [
      await store().createDraft(draftInput(session.id, 1)),
      await store().createDraft(draftInput(session.id, 2)),
      await store().createDraft(draftInput(session.id, 3)),
    ];
    await store().claimTextNumber(session.id, 'resolution', '11/5', a.id);
    await expectUnique(store().claimTextNumber(session.id, 'resolution', '11/5', b2.id), 'text_numbers_session_kind_number_key');
    await expectUnique(store().claimTextNumber(session.id, 'resolution', '11/6', a.id), 'text_numbers_draft_key');
    // The same number of the other kind, or in another session, is another number.
    await store().claimTextNumber(session.id, 'decision', '11/5', c.id);
    const other = await seedSession(store());
    await store().claimTextNumber(other.id, 'resolution', '11/5', (await store().createDraft(draftInput(other.id, 1))).id);
    await store().claimTextNumber(session.id, 'resolution', '11/6', b2.id);
  });
});
