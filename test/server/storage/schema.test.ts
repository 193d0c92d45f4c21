/**
 * The schema: migrations recorded once, and what the database itself refuses — a rewrite of
 * the update log or of the governed record, even by SQL that goes past the store.
 * Run alike on SQLite and PostgreSQL (see test/helpers/storeContract.ts).
 */
import { expect, it } from 'vitest';
import { describeStoreContract, tag, seedDelegation, seedUser, seedDraft, update } from '../../helpers/storeContract';

await describeStoreContract('storage.schema', ({ kind, store, raw }) => {
  it('migrates idempotently, recording each migration once', async () => {
    await store().migrate();
    await store().migrate();
    const rows = await raw('SELECT id, name FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => [Number(r.id), r.name])).toEqual([
      [1, 'records'],
      [2, 'update_log'],
      [3, 'accounts_audit'],
      [4, 'text_numbers'],
      [5, 'sign_ins'],
      [6, 'session_record'],
      [7, 'notifications'],
      [8, 'language_versions'],
      [9, 'record_lookups'],
    ]);
    expect(store().kind).toBe(kind);
  });

  it('refuses, in the database, to rewrite the update log and the governed record', async () => {
    const draft = await seedDraft(store());
    const delegation = await seedDelegation(store());
    await store().appendUpdates([update(draft.id, 1)]);
    await store().appendDraftEvent({ draftId: draft.id, type: 'created', payload: {}, userId: null });
    await store().addSponsorshipEvent({ draftId: draft.id, delegationId: delegation.id, type: 'main', date: '2022-10-20', onBehalfOf: null, recordedBy: null });
    await store().createRevision({ draftId: draft.id, symbol: `S${tag()}`, revision: 0, text: {}, hash: 'h', sponsorIds: [], issuedAt: '2022-10-20T00:00:00Z', issuedBy: null });
    await store().claimClientIds(draft.id, (await seedUser(store())).id, [5]);
    const where = `WHERE draft_id = '${draft.id}'`;
    for (const table of ['updates', 'draft_events', 'sponsorship_events', 'revisions']) {
      await expect(raw(`UPDATE ${table} SET draft_id = draft_id ${where}`), table).rejects.toThrow(/append-only/);
      await expect(raw(`DELETE FROM ${table} ${where}`), table).rejects.toThrow(/append-only/);
    }
    for (const table of ['updates', 'draft_events', 'client_ids']) {
      await expect(raw(`INSERT INTO ${table} SELECT * FROM ${table} ${where}`), table).rejects.toThrow(/unique/i);
    }
    expect(await store().listUpdates(draft.id)).toHaveLength(1);
    const names = Object.getOwnPropertyNames(Object.getPrototypeOf(Object.getPrototypeOf(store())));
    expect(names.filter((n) => /^(update|delete|remove|set)(Update|Draft|Sponsorship|Revision|Checkpoint)/.test(n))).toEqual([]);
  });

  it("looks a draft's record up by type: the frozen check of every edit and the access question read an index, not the whole record", async () => {
    const draft = await seedDraft(store());
    await store().transaction(async (tx) => {
      for (let i = 0; i < 2000; i++) await tx.appendDraftEvent({ draftId: draft.id, type: i % 2 ? 'comment_added' : 'proposal_tabled', payload: { i }, userId: null });
    });
    await store().appendDraftEvent({ draftId: draft.id, type: 'frozen', payload: {}, userId: null });
    // The two questions as the store asks them (updateLogWrites.mjs, SqlRepos.draftEventTypesAmong).
    const questions = [
      `SELECT DISTINCT draft_id FROM draft_events WHERE type = 'frozen' AND draft_id IN ('${draft.id}')`,
      `SELECT DISTINCT type FROM draft_events WHERE draft_id = '${draft.id}' AND type IN ('frozen', 'adopted')`,
    ];
    // PostgreSQL plans from statistics: give it this table's.
    if (kind === 'postgres') await raw('ANALYZE draft_events');
    for (const sql of questions) {
      const plan = (await raw(`${kind === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${sql}`)).map((r) => String(r.detail ?? r['QUERY PLAN'])).join('\n');
      expect(plan, sql).toContain('draft_events_draft_type_idx');
    }
    expect(await store().draftEventTypesAmong(draft.id, ['frozen', 'adopted'])).toEqual(new Set(['frozen']));
  });
});
