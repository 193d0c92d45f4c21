import { expect, it } from 'vitest';
import type { DraftEvent } from '../../../shared/lifecycle';
import { recordDraftEvent } from '../../../server/commands/eventRecorder';
import type { DomainError } from '../../../server/errors';
import { makeWorld } from '../../helpers/factories';
import { describeOnStores } from './stores';

const adopted: DraftEvent = { type: 'adopted', meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' }, orallyAmended: false };

await describeOnStores('recordDraftEvent', ({ store, second }) => {
  it('appends the event with who recorded it, and returns the new status', async () => {
    const w = await makeWorld(store());
    const issued: DraftEvent = { type: 'issued', symbol: `${w.session.symbolPrefix}/L.1`, revision: 0 };
    const { row, status } = await recordDraftEvent(store(), { draftId: w.draft.id, actor: w.users.secretariat, event: issued });
    expect(row).toMatchObject({ seq: 1, type: 'issued', payload: { symbol: issued.symbol, revision: 0 }, userId: w.users.secretariat.id });
    expect(status).toMatchObject({ state: 'issued', symbol: issued.symbol });
  });

  it('throws not_found, forbidden and refused DomainErrors (no HTTP status: the boundary maps them), appending nothing', async () => {
    const w = await makeWorld(store());
    const attempt = (actor = w.users.secretariat, event: DraftEvent = adopted, draftId = w.draft.id) =>
      recordDraftEvent(store(), { draftId, actor, event }).then(
        () => null,
        (e: DomainError) => e.id,
      );
    expect(await attempt(w.users.secretariat, adopted, 'no-such-draft')).toBe('not_found');
    expect(await attempt(w.users.chair)).toBe('forbidden');
    expect(await attempt()).toBe('refused');
    expect(await store().listDraftEvents(w.draft.id)).toEqual([]);
  });

  it("takes as issued only the next text of this draft, and a frozen draft nothing (the lifecycle's reasons)", async () => {
    const w = await makeWorld(store());
    const record = (event: DraftEvent) =>
      recordDraftEvent(store(), { draftId: w.draft.id, actor: w.users.secretariat, event }).then(
        () => 'recorded',
        (e: DomainError) => `${e.id} ${e.message}`,
      );
    const own = `${w.session.symbolPrefix}/L.1`;
    expect(await record({ type: 'issued', symbol: `${w.session.symbolPrefix}/L.2`, revision: 0 })).toBe(
      `refused "${w.session.symbolPrefix}/L.2" is not a text of this draft; the next is ${own}`,
    );
    expect(await record({ type: 'issued', symbol: `OTHER/2022/L.1`, revision: 0 })).toBe(`refused "OTHER/2022/L.1" is not a text of this draft; the next is ${own}`);
    expect(await record({ type: 'issued', symbol: own, revision: 0 })).toBe('recorded');
    expect(await record(adopted)).toBe('recorded');
    expect(await record({ type: 'frozen', hash: 'h' })).toBe('recorded');
    expect(await record({ type: 'withdrawn', date: '2022-10-22' })).toBe('refused the draft is frozen: its record is final');
    expect((await store().listDraftEvents(w.draft.id)).map((e) => e.type)).toEqual(['issued', 'adopted', 'frozen']);
  });

  it("refuses a meeting outside the session's days, or on another day than the record gives it, storing nothing", async () => {
    const w = await makeWorld(store());
    const record = (event: DraftEvent) =>
      recordDraftEvent(store(), { draftId: w.draft.id, actor: w.users.secretariat, event }).then(
        () => 'recorded',
        (e: DomainError) => `${e.id} ${e.message}`,
      );
    expect(await record({ type: 'issued', symbol: `${w.session.symbolPrefix}/L.1`, revision: 0 })).toBe('recorded');
    expect(await record({ type: 'introduced', meeting: 9, date: '2023-10-20' })).toBe(
      'refused 20 October 2023 is outside the session, which met from 17 October 2022 to 21 October 2022',
    );
    expect(await record({ type: 'introduced', meeting: 9, date: '2022-10-20' })).toBe('recorded');
    expect(await record({ ...adopted, meeting: 9 })).toBe('refused the 9th meeting was held on 20 October 2022 (the record says so already), not on 21 October 2022');
    expect(await record({ ...adopted, meeting: 8 })).toBe('refused the 8th meeting cannot be on 21 October 2022: the 9th was held earlier, on 20 October 2022');
    expect(await record(adopted)).toBe('recorded');
    expect((await store().listDraftEvents(w.draft.id)).map((e) => e.type)).toEqual(['issued', 'introduced', 'adopted']);
  });

  it('records one of many racing identical events, within one server and across two', async () => {
    const w = await makeWorld(store());
    await recordDraftEvent(store(), { draftId: w.draft.id, actor: w.users.secretariat, event: { type: 'issued', symbol: `${w.session.symbolPrefix}/L.1`, revision: 0 } });
    // On PostgreSQL half the requests go through a second store: another instance on the same database.
    const through = (i: number) => (i % 2 === 1 ? (second() ?? store()) : store());
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => recordDraftEvent(through(i), { draftId: w.draft.id, actor: w.users.secretariat, event: adopted })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as DomainError).id).toBe('refused');
    expect((await store().listDraftEvents(w.draft.id)).map((e) => e.type)).toEqual(['issued', 'adopted']);
  });
});
