/**
 * The stale watch beside another instance (one PostgreSQL database, one Redis): the sponsor types
 * on instance A into a proposal's quoted words; the proposer, connected to instance B, is told
 * the record changed, and the inbox gets ONE proposal_stale item, not one per instance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { OralAmendment } from '../../../shared/oralAmendments';
import { NoticeKinds } from '../../../shared/protocol';
import { anchorAmendment, paragraphElement } from '../../../server/collab/anchors';
import { connect, rawSocket, seedDraft, seedText, synced, until, type SeededUsers } from '../../helpers/collab';
import { redisGate, startInstancePair, type Instance, type InstancePair } from '../../helpers/cluster';
import { postgresGate } from '../../helpers/postgres';

const pg = await postgresGate('staleWatchCluster');
const redis = pg.run && (await redisGate('staleWatchCluster'));

describe.skipIf(!redis)('the stale watch on two instances', () => {
  let pair: InstancePair;
  let a: Instance;
  let b: Instance;
  let draftId: string;
  let users: SeededUsers;

  beforeAll(async () => {
    pair = await startInstancePair('penholder_stalewatch');
    ({ a, b } = pair);
    ({ draftId, users } = await seedDraft(a.store));
  });
  afterAll(async () => {
    await pair?.close();
  });

  it('tells the proposer once, and the peers of both instances', async () => {
    const editor = connect(a.wsUrl, draftId, users.sponsor.token);
    const raw = await rawSocket(b.wsUrl, draftId, users.observer.token);
    try {
      await synced(editor.provider);
      seedText(editor.doc, 3);
      await until(async () => (await b.collab.readWorkingDoc(draftId, (doc) => paragraphElement(doc, 'p3') !== null)) === true, 10_000, 'text on B');
      const observer = (await a.store.getUser(users.observer.id))!;
      const amendment = { kind: 'replace_words', paragraphId: 'p2', words: 'Paragraph', text: 'Section', proposedBy: observer.delegationId, accepted: false } as OralAmendment;
      const anchored = await a.collab.readWorkingDoc(draftId, (doc) => anchorAmendment(doc, amendment));
      if (!anchored.ok) throw new Error(anchored.error);
      await a.store.appendDraftEvent({
        draftId,
        type: 'proposal_tabled',
        payload: {
          proposalId: 'pc',
          amendment,
          rationale: null,
          delegationId: observer.delegationId,
          onBehalfOf: null,
          supersedes: null,
          quoted: 'Paragraph',
          paragraphTextHash: '',
          anchor: anchored.value.anchor,
        },
        userId: observer.id,
      });
      // As the proposal routes do: every instance hears that the record changed.
      await a.collab.refreshAccess(draftId);
      await new Promise((r) => setTimeout(r, 300));
      const told = raw.heard.notices.filter((n) => n.kind === NoticeKinds.recordChanged).length;

      ((editor.doc.getXmlFragment('prosemirror').get(2) as Y.XmlElement).get(0) as Y.XmlText).insert(4, 'X');
      await until(() => raw.heard.notices.filter((n) => n.kind === NoticeKinds.recordChanged).length > told, 10_000, "B's peer told");
      const stale = async () => (await a.store.listNotifications(users.observer.id, { limit: 20 })).filter((n) => n.kind === 'proposal_stale');
      await until(async () => (await stale()).length > 0, 10_000, 'the proposer told');
      await new Promise((r) => setTimeout(r, 500));
      expect(await stale()).toHaveLength(1);
    } finally {
      editor.provider.destroy();
      raw.ws.close();
    }
  });
});
