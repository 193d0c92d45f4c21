/**
 * Language versions in the store (migration 8): rows appended with the next seq of their (draft,
 * revision, language), the latest row read as the version, histories and lists without texts,
 * only for a revision that exists, nothing kept from a failed transaction, seqs without gaps under
 * concurrent writers, and no rewrite even by SQL past the store. Run alike on SQLite and
 * PostgreSQL (test/helpers/storeContract.ts).
 */
import { expect, it } from 'vitest';
import { retryLostRaces } from '../../../server/commands/appendGuard';
import type { NewLanguageVersion, Store } from '../../../server/storage/types';
import { describeStoreContract, ISO, range, seedDraft, seedUser } from '../../helpers/storeContract';

const text = (words: string) => ({ type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: words }] }] });

async function issued(store: Store) {
  const draft = await seedDraft(store);
  for (const revision of [0, 1]) {
    await store.createRevision({
      draftId: draft.id,
      symbol: `${draft.id}/L.1${revision ? `/Rev.${revision}` : ''}`,
      revision,
      text: text('Strengthening international cooperation'),
      hash: 'h',
      sponsorIds: [],
      issuedAt: '2022-10-18T10:00:00.000Z',
      issuedBy: null,
    });
  }
  return draft;
}

const row = (draftId: string, more: Partial<NewLanguageVersion> = {}): NewLanguageVersion => ({
  draftId,
  revision: 0,
  lang: 'fr',
  kind: 'issued',
  text: text('Renforcement de la coopération internationale'),
  pending: [],
  note: null,
  recordSeq: null,
  recordedBy: null,
  ...more,
});

await describeStoreContract('storage: language versions', ({ store, second, raw }) => {
  it('appends rows with the seq of their version, and reads the latest as the version', async () => {
    const draft = await issued(store());
    const user = await seedUser(store());
    const first = await store().addLanguageVersion(row(draft.id, { recordedBy: user.id }));
    expect(first).toEqual({ ...row(draft.id, { recordedBy: user.id }), seq: 1, recordedAt: expect.stringMatching(ISO) });
    const typed = await store().addLanguageVersion(row(draft.id, { kind: 'typed', text: text('Renforcer la coopération'), pending: ['p1'], note: { fr: 'titre revu' } }));
    expect(typed.seq).toBe(2);
    // Another language and another revision count on their own.
    expect((await store().addLanguageVersion(row(draft.id, { lang: 'ar', text: text('تعزيز التعاون الدولي') }))).seq).toBe(1);
    expect((await store().addLanguageVersion(row(draft.id, { revision: 1, kind: 'carried_forward' }))).seq).toBe(1);

    expect(await store().latestLanguageVersion(draft.id, 0, 'fr')).toEqual(typed);
    expect(await store().latestLanguageVersion(draft.id, 0, 'es')).toBeNull();
    const history = await store().languageVersionHistory(draft.id, 0, 'fr');
    expect(history.map((h) => [h.seq, h.kind, h.note])).toEqual([
      [1, 'issued', null],
      [2, 'typed', { fr: 'titre revu' }],
    ]);
    expect(history[0]).not.toHaveProperty('text');
    const list = await store().listLanguageVersions(draft.id);
    expect(list.map((v) => [v.revision, v.lang, v.seq, v.kind])).toEqual([
      [0, 'ar', 1, 'issued'],
      [0, 'fr', 2, 'typed'],
      [1, 'fr', 1, 'carried_forward'],
    ]);
    expect(list[1]!.pending).toEqual(['p1']);
  });

  it('keeps versions to revisions that exist and to the six languages', async () => {
    const draft = await issued(store());
    await expect(store().addLanguageVersion(row(draft.id, { revision: 7 }))).rejects.toThrow();
    await expect(store().addLanguageVersion(row(draft.id, { lang: 'de' as 'fr' }))).rejects.toThrow();
    await expect(store().addLanguageVersion(row(draft.id, { kind: 'draft' as 'typed' }))).rejects.toThrow();
    expect(await store().listLanguageVersions(draft.id)).toEqual([]);
  });

  it('keeps nothing of a transaction that failed', async () => {
    const draft = await issued(store());
    await expect(
      store().transaction(async (tx) => {
        await tx.addLanguageVersion(row(draft.id));
        throw new Error('refused after the write');
      }),
    ).rejects.toThrow('refused after the write');
    expect(await store().latestLanguageVersion(draft.id, 0, 'fr')).toBeNull();
  });

  it('gives concurrent writers seqs without gaps (a lost race runs again)', async () => {
    const draft = await issued(store());
    const other = await second();
    const writers = range(1, 8).map((i) => retryLostRaces(() => (i % 2 ? store() : other).addLanguageVersion(row(draft.id, { note: { en: `w${i}` } }))));
    const seqs = (await Promise.all(writers)).map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(range(1, 8));
  });

  it('is append-only, even by SQL past the store', async () => {
    const draft = await issued(store());
    await store().addLanguageVersion(row(draft.id));
    const where = `WHERE draft_id = '${draft.id}'`;
    await expect(raw(`UPDATE language_versions SET kind = 'typed' ${where}`)).rejects.toThrow(/append-only/);
    await expect(raw(`DELETE FROM language_versions ${where}`)).rejects.toThrow(/append-only/);
    expect((await store().latestLanguageVersion(draft.id, 0, 'fr'))?.kind).toBe('issued');
  });
});
