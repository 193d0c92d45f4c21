/**
 * One proposal accepted on two instances at the same moment (one PostgreSQL database, one Redis):
 * the text changes once. Each instance would otherwise read the proposal as pending and its
 * quoted words as there, before the other's change reached it, and both would change the text;
 * the store's lock (`Store.exclusively`) makes the second wait and find it decided.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/accounts';
import { ErrorIds } from '../../../shared/errors';
import { paragraphElement } from '../../../server/collab/anchors';
import { loadDoc } from '../../../server/collab/registry';
import { decideProposal, tableProposal } from '../../../server/commands/proposalCommands';
import type { DomainError } from '../../../server/errors';
import type { Store } from '../../../server/storage/types';
import { connect, seedDraft, seedText, synced, until, type SeededUsers } from '../../helpers/collab';
import { redisGate, startInstancePair, type Instance, type InstancePair } from '../../helpers/cluster';
import { postgresGate } from '../../helpers/postgres';

const pg = await postgresGate('decision race');
const redis = pg.run && (await redisGate('decision race'));

async function actor(store: Store, id: string): Promise<Actor> {
  const u = (await store.getUser(id))!;
  return { id: u.id, role: u.role, delegationId: u.delegationId };
}

describe.skipIf(!redis)('one proposal accepted on two instances at once', () => {
  let pair: InstancePair;
  let a: Instance;
  let b: Instance;
  let draftId: string;
  let users: SeededUsers;

  beforeAll(async () => {
    pair = await startInstancePair('penholder_decision_race');
    ({ a, b } = pair);
    ({ draftId, users } = await seedDraft(a.store));
    const editor = connect(a.wsUrl, draftId, users.sponsor.token);
    await synced(editor.provider);
    seedText(editor.doc, 3);
    await until(async () => (await b.collab.readWorkingDoc(draftId, (doc) => paragraphElement(doc, 'p3') !== null)) === true, 10_000, 'the text on B');
    editor.provider.destroy();
  });
  afterAll(async () => {
    await pair?.close();
  });

  const p2 = (i: Instance) => i.collab.readWorkingDoc(draftId, (doc) => paragraphElement(doc, 'p2')!.toString());

  it('changes the text once: one acceptance succeeds, the other is told the proposal is decided', async () => {
    const observer = await actor(a.store, users.observer.id);
    const sponsor = await actor(a.store, users.sponsor.id);
    for (const round of [1, 2, 3]) {
      const from = round === 1 ? 'Paragraph' : `Section${round - 1}`;
      const to = `Section${round}`;
      const tabled = await tableProposal(a.store, a.collab, { draftId, actor: observer, amendment: { kind: 'replace_words', paragraphId: 'p2', words: from, text: to } });
      const decide = (i: Instance) => decideProposal(i.store, i.collab, { draftId, actor: sponsor, proposalId: tabled.proposal.id, state: 'accepted' });
      const results = await Promise.allSettled([decide(a), decide(b)]);
      expect(
        results.filter((r) => r.status === 'fulfilled'),
        `round ${round}`,
      ).toHaveLength(1);
      const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect([ErrorIds.proposalNotPending, ErrorIds.proposalStale]).toContain((refused.reason as DomainError).id);
      // Both instances and the log hold the words once.
      for (const i of [a, b]) await until(async () => (await p2(i)).includes(to), 10_000, `${to} on each instance`);
      for (const i of [a, b]) expect((await p2(i)).split(to).length - 1).toBe(1);
      const stored = (await loadDoc(a.store, draftId)).doc;
      expect(paragraphElement(stored, 'p2')!.toString().split(to).length - 1).toBe(1);
    }
  });
});
