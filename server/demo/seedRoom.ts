/**
 * What the seed needs to run the API's commands inside its one transaction, before the
 * collaboration server exists: a store whose transactions are the seed's own, the working text's
 * document as the room would load it from the update log, and a server-written change to it.
 *
 * A command opens its own transaction (`store.transaction`); inside the seed's, that would be a
 * second one, which SQLite cannot start and PostgreSQL would commit on its own. The store handed
 * to the commands runs each of them in the seed's transaction instead, so the demo is still all
 * there or none of it is.
 *
 * Accepting a proposal changes the working text "through the room" (server/collab/proposalApply.ts)
 * as one server-written change under the proposer's user. At seed time no room is open, so the
 * seed makes the room's own change (the same located, anchored update) against the document the
 * log holds and stores it the way the room would: one update, under a client id claimed for the
 * proposer, credited to the proposer's delegation.
 */
import type { Node as PMNode } from 'prosemirror-model';
import * as Y from 'yjs';
import type { Actor } from '../../shared/accounts';
import { docText } from '../collab/fragmentText';
import { locateProposal, type PlacedProposal, proposalUpdate } from '../collab/proposalApply';
import type { RecordRepos, Store, UpdateLogRepo } from '../storage/types';

/** A store for commands run inside the seed's transaction `tx`: their `transaction(fn)` runs `fn` in `tx`. */
export function storeInTransaction(tx: RecordRepos & UpdateLogRepo): Store {
  return new Proxy(tx, {
    get(target, key) {
      if (key === 'transaction') return <T>(fn: (inner: RecordRepos & UpdateLogRepo) => Promise<T>) => fn(target);
      // The seed is the only writer of its transaction: nothing to take turns with.
      if (key === 'exclusively') return <T>(_name: string, fn: () => Promise<T>) => fn();
      return Reflect.get(target, key, target);
    },
  }) as Store;
}

/** The working text's document as its log holds it (the room loads it so). */
export async function workingDoc(tx: Pick<UpdateLogRepo, 'listUpdates'>, draftId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const u of await tx.listUpdates(draftId, 0)) Y.applyUpdate(doc, u.update);
  return doc;
}

/** The working text of a document; throws when it does not fit the schema (the seed wrote it). */
export function textOfDoc(doc: Y.Doc): PMNode {
  const text = docText(doc);
  if (!text.ok) throw new Error(`the demo's working text does not fit the schema: ${text.error}`);
  return text.value;
}

/**
 * Accept a proposal into the working text as `proposer`, as the room does
 * (server/collab/proposalApply.ts `applyProposal`: located by its anchor, refused when stale, the
 * same update), stored as the room stores a server-written change: appended to the log under a
 * client id claimed for the proposer, credited to the proposer's delegation, and applied to
 * `doc`. Returns the change's seq.
 */
export async function applyProposalAtSeed(
  tx: Pick<UpdateLogRepo, 'appendUpdates' | 'claimClientIds'>,
  input: { draftId: string; doc: Y.Doc; proposal: PlacedProposal; modifiedText: string | null; proposer: Actor },
): Promise<number> {
  const { draftId, doc, proposal, proposer } = input;
  const where = locateProposal(doc, proposal);
  if (where.stale) throw new Error(`the demo's accepted proposal is stale: ${where.why}`);
  const change = proposalUpdate(doc, proposal, where, input.modifiedText);
  if (!change) throw new Error("the demo's accepted proposal changes nothing in the working text");
  const taken = await tx.claimClientIds(draftId, proposer.id, [change.clientId]);
  if (taken.length > 0) throw new Error("the demo change's client id is taken");
  const [stored] = await tx.appendUpdates([{ draftId, update: change.update, userId: proposer.id, delegationId: proposer.delegationId }]);
  Y.applyUpdate(doc, change.update);
  return stored!.seq;
}
