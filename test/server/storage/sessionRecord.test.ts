/**
 * The session record in the store (migration 6): entries appended with the session's next seq,
 * read back as written, seqs without gaps under concurrent writers, nothing kept from a
 * transaction that failed, and no rewrite of the record even by SQL past the store. Run alike
 * on SQLite and PostgreSQL (see test/helpers/storeContract.ts).
 */
import { expect, it } from 'vitest';
import type { SessionRecordEntry } from '../../../shared/meetingRecord';
import { parseSessionRecordEntry } from '../../../shared/meetingRecordParse';
import { entryOfRow, entryPayload } from '../../../shared/meetingRecordStore';
import type { NewSessionRecordEntry, Store } from '../../../server/storage/types';
import { describeStoreContract, draftInput, range, seedDelegation, seedSession, seedUser } from '../../helpers/storeContract';

function entry(json: unknown): SessionRecordEntry {
  const parsed = parseSessionRecordEntry(json);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return parsed.value;
}

const row = (sessionId: string, e: SessionRecordEntry, userId: string | null = null): NewSessionRecordEntry => ({
  sessionId,
  kind: e.kind,
  meeting: e.meeting,
  date: e.date,
  draftId: e.draftId,
  payload: entryPayload(e),
  userId,
});

const vote = (yes: number) =>
  entry({
    kind: 'vote',
    meeting: 2,
    date: '2022-10-17',
    subject: 'procedural',
    question: { en: 'whether the matter is procedural', zh: '这一事项可否视为程序事项' },
    votedUnder: [61],
    majorityUnder: [63],
    yes,
    no: 15,
    abstain: 25,
    majority: 'two-thirds',
    twoThirds: 'more-than',
  });

await describeStoreContract('storage: session record', ({ store, raw }) => {
  const seed = async (s: Store) => {
    const session = await seedSession(s);
    const user = await seedUser(s);
    return { session, user };
  };

  it('appends entries with the session seq 1, 2, … and reads them back as written', async () => {
    const { session, user } = await seed(store());
    const delegation = await seedDelegation(store());
    const draft = await store().createDraft(draftInput(session.id, 9, { kind: 'decision' }));
    const first = await store().appendSessionRecord(row(session.id, vote(63), user.id));
    const explanation = entry({
      kind: 'statement',
      meeting: 2,
      date: '2022-10-17',
      statement: 'explanation_of_vote',
      timing: 'after',
      speakers: [{ delegationId: delegation.id }],
      voteSeq: first.seq,
    });
    const second = await store().appendSessionRecord(row(session.id, explanation, user.id));
    const conclusion = entry({
      kind: 'statement',
      meeting: 11,
      date: '2022-10-21',
      draftId: draft.id,
      statement: 'chair_conclusion',
      speakers: [{ officer: { en: 'President', zh: '主席' } }],
      accepted: true,
    });
    const third = await store().appendSessionRecord(row(session.id, conclusion));
    expect([first.seq, second.seq, third.seq]).toEqual([1, 2, 3]);
    const listed = await store().listSessionRecord(session.id);
    expect(listed.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(listed.map(entryOfRow)).toEqual([vote(63), explanation, conclusion]);
    expect(listed[0]).toMatchObject({ sessionId: session.id, kind: 'vote', meeting: 2, date: '2022-10-17', draftId: null, userId: user.id });
    expect(listed[2]!.draftId).toBe(draft.id);
    expect(new Date(listed[0]!.at).toISOString()).toBe(listed[0]!.at);
    // Another session's record starts at 1 and does not mix in.
    const other = await seed(store());
    expect((await store().appendSessionRecord(row(other.session.id, vote(60)))).seq).toBe(1);
    expect(await store().listSessionRecord(session.id)).toHaveLength(3);
  });

  it('hands out seqs without gaps or duplicates to concurrent writers', async () => {
    const { session } = await seed(store());
    const written = await Promise.all(range(1, 12).map((i) => store().transaction((tx) => tx.appendSessionRecord(row(session.id, vote(50 + i))))));
    expect(written.map((r) => r.seq).sort((a, b) => a - b)).toEqual(range(1, 12));
    expect((await store().listSessionRecord(session.id)).map((r) => r.seq)).toEqual(range(1, 12));
  });

  it('keeps nothing of a transaction that failed, and the next entry takes the seq it would have had', async () => {
    const { session } = await seed(store());
    await store().appendSessionRecord(row(session.id, vote(63)));
    await expect(
      store().transaction(async (tx) => {
        await tx.appendSessionRecord(row(session.id, vote(64)));
        throw new Error('refused after the append');
      }),
    ).rejects.toThrow('refused after the append');
    expect((await store().listSessionRecord(session.id)).map((r) => r.payload.yes)).toEqual([63]);
    expect((await store().appendSessionRecord(row(session.id, vote(65)))).seq).toBe(2);
  });

  it('refuses, in the database, an unknown session, a bad date, and any rewrite of the record', async () => {
    const { session } = await seed(store());
    await expect(store().appendSessionRecord(row('no-such-session', vote(63)))).rejects.toThrow();
    await expect(store().appendSessionRecord({ ...row(session.id, vote(63)), date: '2022-02-30' })).rejects.toThrow();
    await expect(store().appendSessionRecord({ ...row(session.id, vote(63)), kind: 'rumour' })).rejects.toThrow();
    await store().appendSessionRecord(row(session.id, vote(63)));
    const where = `WHERE session_id = '${session.id}'`;
    await expect(raw(`UPDATE session_record SET meeting = 3 ${where}`)).rejects.toThrow(/append-only/);
    await expect(raw(`DELETE FROM session_record ${where}`)).rejects.toThrow(/append-only/);
    await expect(raw(`INSERT INTO session_record SELECT * FROM session_record ${where}`)).rejects.toThrow(/unique|duplicate/i);
    expect((await store().listSessionRecord(session.id)).map((r) => r.meeting)).toEqual([2]);
  });
});
