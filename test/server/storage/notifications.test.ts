/**
 * Migration 7 in the store (issue #17): the inbox's notifications (inserted in one statement,
 * listed newest first page by page, counted, marked read only by their user), the members a
 * group speaks for, and a session's co-sponsorship deadline. Run alike on SQLite and PostgreSQL
 * (see test/helpers/storeContract.ts).
 */
import { expect, it } from 'vitest';
import type { NewNotification } from '../../../server/storage/types';
import { describeStoreContract, draftInput, ISO, range, seedDelegation, seedSession, seedUser } from '../../helpers/storeContract';

await describeStoreContract('storage.notifications', ({ store }) => {
  const world = async () => {
    const s = store();
    const session = await seedSession(s);
    const draft = await s.createDraft(draftInput(session.id, 1));
    const alice = await seedUser(s);
    const bob = await seedUser(s);
    return { s, session, draft, alice, bob };
  };

  it('inserts many notifications at once and lists a user’s newest first, page by page', async () => {
    const { s, draft, alice, bob } = await world();
    const base = Date.parse('2026-12-05T10:00:00.000Z');
    const rows: NewNotification[] = range(1, 5).map((i) => ({
      userId: alice.id,
      draftId: draft.id,
      kind: 'comment_added',
      payload: { n: i, body: '<b>kept as written</b>' },
      at: new Date(base + i * 1000).toISOString(),
    }));
    // Two with the same time: the id breaks the tie, so paging neither repeats nor skips one.
    rows.push({ userId: alice.id, draftId: draft.id, kind: 'revision_issued', payload: { n: 6 }, at: new Date(base + 5000).toISOString() });
    rows.push({ userId: bob.id, draftId: null, kind: 'text_frozen', payload: { n: 7 } });
    const stored = await s.insertNotifications(rows);
    expect(stored).toHaveLength(7);
    expect(stored[0]).toMatchObject({ userId: alice.id, draftId: draft.id, kind: 'comment_added', payload: { n: 1, body: '<b>kept as written</b>' }, readAt: null });
    expect(stored[6]!.at).toMatch(ISO);
    expect(await s.insertNotifications([])).toEqual([]);

    const page1 = await s.listNotifications(alice.id, { limit: 4 });
    expect(page1.map((n) => n.payload.n)).toEqual(expect.arrayContaining([6, 5]));
    expect(page1).toHaveLength(4);
    const page2 = await s.listNotifications(alice.id, { limit: 4, before: page1[3]!.id });
    expect([...page1, ...page2].map((n) => n.payload.n).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(page2.map((n) => n.payload.n)).toEqual([2, 1]);
    const times = [...page1, ...page2].map((n) => n.at);
    expect(times).toEqual([...times].sort().reverse());
    // Another user's id as the cursor gives nothing of theirs.
    expect(await s.listNotifications(bob.id, { limit: 10, before: page1[0]!.id })).toEqual([]);
    expect((await s.listNotifications(bob.id, { limit: 10 })).map((n) => n.kind)).toEqual(['text_frozen']);
  });

  it('counts unread and marks read only the user’s own', async () => {
    const { s, draft, alice, bob } = await world();
    const mine = await s.insertNotifications(range(1, 3).map((i) => ({ userId: alice.id, draftId: draft.id, kind: 'proposal_tabled', payload: { i } })));
    const theirs = await s.insertNotifications([{ userId: bob.id, draftId: draft.id, kind: 'proposal_tabled', payload: {} }]);
    expect(await s.countUnreadNotifications(alice.id)).toBe(3);
    expect(await s.markNotificationsRead(alice.id, [mine[0]!.id, theirs[0]!.id, mine[0]!.id])).toBe(1);
    expect(await s.countUnreadNotifications(alice.id)).toBe(2);
    expect(await s.countUnreadNotifications(bob.id)).toBe(1);
    expect(await s.markNotificationsRead(alice.id, [])).toBe(0);
    expect(await s.markNotificationsRead(alice.id, 'all')).toBe(2);
    expect(await s.markNotificationsRead(alice.id, 'all')).toBe(0);
    expect(await s.countUnreadNotifications(alice.id)).toBe(0);
    expect(await s.countUnreadNotifications(bob.id)).toBe(1);
    const listed = await s.listNotifications(alice.id, { limit: 10 });
    expect(listed.every((n) => n.readAt !== null && ISO.test(n.readAt))).toBe(true);
  });

  it('writes notifications with the transaction, or not at all', async () => {
    const { s, draft, alice } = await world();
    await expect(
      s.transaction(async (tx) => {
        await tx.insertNotifications([{ userId: alice.id, draftId: draft.id, kind: 'text_frozen', payload: {} }]);
        throw new Error('the record entry failed');
      }),
    ).rejects.toThrow('the record entry failed');
    expect(await s.countUnreadNotifications(alice.id)).toBe(0);
    await s.transaction((tx) => tx.insertNotifications([{ userId: alice.id, draftId: draft.id, kind: 'text_frozen', payload: {} }]));
    expect(await s.countUnreadNotifications(alice.id)).toBe(1);
  });

  it('finds the active users of delegations, roles and ids to notify', async () => {
    const s = store();
    const [a, b] = [await seedDelegation(s), await seedDelegation(s)];
    const a1 = await seedUser(s, a!.id);
    const a2 = await seedUser(s, a!.id);
    const b1 = await seedUser(s, b!.id);
    const loner = await seedUser(s);
    const secretariat = await s.createUser({ login: `s${a!.id.slice(0, 6)}`, displayName: 'Secretariat', role: 'secretariat', delegationId: null, passwordHash: 'x' });
    await s.updateUser(a2.id, { active: false });
    const found = await s.activeUserIds({ delegationIds: [a!.id], userIds: [loner.id, a1.id], roles: ['secretariat'] });
    expect(found).toContain(a1.id);
    expect(found).toContain(loner.id);
    expect(found).toContain(secretariat.id);
    expect(found).not.toContain(a2.id);
    expect(found).not.toContain(b1.id);
    expect(new Set(found).size).toBe(found.length);
    expect(await s.activeUserIds({})).toEqual([]);
    expect(await s.activeUserIds({ delegationIds: [b!.id] })).toEqual([b1.id]);
  });

  it('keeps the delegations a group speaks for, replaced whole', async () => {
    const s = store();
    const eu = await seedDelegation(s);
    const [de, fr, it_] = [await seedDelegation(s), await seedDelegation(s), await seedDelegation(s)];
    await s.setGroupMembers(eu.id, [de!.id, fr!.id, de!.id]);
    const mine = (await s.listGroupMembers()).filter((g) => g.groupId === eu.id);
    expect(mine.map((g) => g.memberId).sort()).toEqual([de!.id, fr!.id].sort());
    await s.setGroupMembers(eu.id, [it_!.id]);
    expect((await s.listGroupMembers()).filter((g) => g.groupId === eu.id)).toEqual([{ groupId: eu.id, memberId: it_!.id }]);
    await expect(s.setGroupMembers(eu.id, ['no-such-delegation'])).rejects.toThrow();
    // The failed replacement kept the members as they were.
    expect((await s.listGroupMembers()).filter((g) => g.groupId === eu.id)).toEqual([{ groupId: eu.id, memberId: it_!.id }]);
    await s.setGroupMembers(eu.id, []);
    expect((await s.listGroupMembers()).filter((g) => g.groupId === eu.id)).toEqual([]);
  });

  it('sets and clears a session’s co-sponsorship deadline', async () => {
    const s = store();
    const session = await seedSession(s);
    expect(session.cosponsorDeadline).toBeNull();
    const set = await s.setSessionCosponsorDeadline(session.id, '2022-10-19T18:00:00+02:00');
    expect(set?.cosponsorDeadline).toBe('2022-10-19T16:00:00.000Z');
    expect((await s.getSession(session.id))?.cosponsorDeadline).toBe('2022-10-19T16:00:00.000Z');
    expect((await s.listSessions()).find((x) => x.id === session.id)?.cosponsorDeadline).toBe('2022-10-19T16:00:00.000Z');
    expect((await s.setSessionCosponsorDeadline(session.id, null))?.cosponsorDeadline).toBeNull();
    expect(await s.setSessionCosponsorDeadline('no-such-session', null)).toBeNull();
  });
});
