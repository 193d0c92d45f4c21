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
 * seed writes that change itself the way the room would store it: one update, under a client id
 * claimed for the proposer, credited to the proposer's delegation, computed against the document
 * the log holds (y-prosemirror diffs the texts, so only the words brought are new).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { resolutionSchema as schema } from '../../shared/schema';
import { docText } from '../collab/fragmentText';
import { TEXT_FRAGMENT } from '../../shared/protocol';
import type { RecordRepos, Store, UpdateLogRepo } from '../storage/types';

/** A store for commands run inside the seed's transaction `tx`: their `transaction(fn)` runs `fn` in `tx`. */
export function storeInTransaction(tx: RecordRepos & UpdateLogRepo): Store {
  return new Proxy(tx, {
    get(target, key) {
      if (key === 'transaction') return <T>(fn: (inner: RecordRepos & UpdateLogRepo) => Promise<T>) => fn(target);
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
 * Write `after` into the working text as one change by `writer`, as the room stores a
 * server-written change: its update appended to the log under a client id claimed for the
 * writer, credited to the writer's delegation, and applied to `doc`. Returns the update's seq.
 */
export async function writeChange(
  tx: Pick<UpdateLogRepo, 'appendUpdates' | 'claimClientIds'>,
  input: { draftId: string; doc: Y.Doc; after: PMNode; writer: { id: string; delegationId: string | null } },
): Promise<number> {
  const { draftId, doc, after, writer } = input;
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  let update: Uint8Array | null = null;
  scratch.on('update', (u: Uint8Array) => (update = u));
  scratch.transact(() => updateYFragment(scratch, scratch.getXmlFragment(TEXT_FRAGMENT), schema.nodeFromJSON(after.toJSON()), { mapping: new Map(), isOMark: new Map() }));
  const clientId = scratch.clientID;
  scratch.destroy();
  if (update === null) throw new Error('the demo change changes nothing in the working text');
  const taken = await tx.claimClientIds(draftId, writer.id, [clientId]);
  if (taken.length > 0) throw new Error("the demo change's client id is taken");
  const [stored] = await tx.appendUpdates([{ draftId, update, userId: writer.id, delegationId: writer.delegationId }]);
  Y.applyUpdate(doc, update);
  return stored!.seq;
}
