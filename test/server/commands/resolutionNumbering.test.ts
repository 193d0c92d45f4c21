/**
 * Resolution numbers under races: two drafts adopted at once and numbered at once, in one
 * server and (on PostgreSQL) across two instances, never share a number.
 */
import { expect, it } from 'vitest';
import type { DraftEvent } from '../../../shared/lifecycle';
import { recordDraftEvent } from '../../../server/commands/eventRecorder';
import { numberAdoptedText } from '../../../server/commands/resolutionNumbering';
import type { DomainError } from '../../../server/errors';
import { makeDraft, makeWorld } from '../../helpers/factories';
import { describeOnStores } from './stores';

const adopted: DraftEvent = { type: 'adopted', meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' }, orallyAmended: false };

await describeOnStores('numberAdoptedText', ({ kind, store, second }) => {
  it('gives a number to one draft only, whichever instance each request reaches', async () => {
    const w = await makeWorld(store());
    const other = await makeDraft(store(), { sessionId: w.session.id, mainSponsorId: w.delegations.main.id, lNumber: 2, createdBy: w.users.secretariat.id });
    for (const [i, draft] of [w.draft, other].entries()) {
      await recordDraftEvent(store(), { draftId: draft.id, actor: w.users.secretariat, event: { type: 'issued', symbol: `${w.session.symbolPrefix}/L.${i + 1}`, revision: 0 } });
      await recordDraftEvent(store(), { draftId: draft.id, actor: w.users.secretariat, event: adopted });
    }
    // On PostgreSQL the second draft is numbered through another store: another instance.
    const stores = kind === 'postgres' ? [store(), second()!] : [store(), store()];
    const outcomes = await Promise.allSettled(
      [w.draft, other].map((draft, i) =>
        numberAdoptedText(stores[i]!, { draftId: draft.id, sessionId: w.session.id, actor: w.users.secretariat, number: `${w.session.number}/5` }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as DomainError).id).toBe('conflict');
  });
});
