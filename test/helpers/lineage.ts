/**
 * A draft with a known lineage for the comparison tests, written through the store (never the
 * HTTP API): L.n and L.n/Rev.1 differ in known ways, and the working text has two points in its
 * log, the issued Rev.1 and then words typed into operative paragraph 1.
 */
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import type { Node as PMNode } from 'prosemirror-model';
import { textHash } from '../../shared/canonical';
import { draftSymbol } from '../../shared/symbols';
import type { DraftRow, SessionRow, Store } from '../../server/storage/types';
import { doc, em, op, pp, title } from '../builders';
import { FRAGMENT, typeInto } from './collab';

/** The first issued text: a title, two preambular and three operative paragraphs. */
export const original = (): PMNode =>
  doc(
    title('Strengthening international cooperation'),
    pp({ id: 'pp1' }, em('Recalling'), ' its resolution 10/4 of 16 October 2020,'),
    pp({ id: 'pp2' }, em('Noting with concern'), ' the growth of transnational organized crime,'),
    op({ id: 'op1' }, 'Decides to continue its work;'),
    op({ id: 'op2' }, 'Requests the Secretariat to report;'),
    op({ id: 'op3' }, 'Invites Member States to contribute;'),
  );

/** Rev.1: PP 2 deleted, OP 1 changed, a new OP 2 that renumbers OP 2–3 to 3–4. */
export const revised = (): PMNode =>
  doc(
    title('Strengthening international cooperation'),
    pp({ id: 'pp1' }, em('Recalling'), ' its resolution 10/4 of 16 October 2020,'),
    op({ id: 'op1' }, 'Decides to continue and strengthen its work;'),
    op({ id: 'opNew' }, 'Urges States parties to cooperate;'),
    op({ id: 'op2' }, 'Requests the Secretariat to report;'),
    op({ id: 'op3' }, 'Invites Member States to contribute;'),
  );

/** What the working text's log holds: seq 1 is Rev.1, seq 2 adds `TYPED` to the start of OP 1 (block 2). */
export const TYPED = 'Firmly ';

/** The symbols and ids a test needs. */
export interface Lineage {
  draft: DraftRow;
  symbols: { original: string; revised: string };
  /** The short forms a chair types: "L.n", "L.n/Rev.1". */
  short: { original: string; revised: string };
}

/** Issue L.n and L.n/Rev.1 of `draft`, then write two updates to its working text's log. */
export async function issueLineage(store: Store, session: SessionRow, draft: DraftRow, by: { userId: string; delegationId: string }): Promise<Lineage> {
  const symbols = { original: draftSymbol(session.symbolPrefix, draft.lNumber), revised: draftSymbol(session.symbolPrefix, draft.lNumber, 1) };
  const texts = [original(), revised()];
  for (const [revision, symbol] of [symbols.original, symbols.revised].entries()) {
    const text = texts[revision]!;
    await store.createRevision({
      draftId: draft.id,
      symbol,
      revision,
      text: text.toJSON(),
      hash: textHash(text),
      sponsorIds: [by.delegationId],
      issuedAt: `2022-10-1${7 + revision}T10:00:00.000Z`,
      issuedBy: by.userId,
    });
  }
  const y = new Y.Doc();
  prosemirrorToYXmlFragment(revised(), y.getXmlFragment(FRAGMENT));
  await store.appendUpdates([{ draftId: draft.id, update: Y.encodeStateAsUpdate(y), userId: by.userId, delegationId: by.delegationId }]);
  const before = Y.encodeStateVector(y);
  typeInto(y, 2, 0, TYPED);
  await store.appendUpdates([{ draftId: draft.id, update: Y.encodeStateAsUpdate(y, before), userId: by.userId, delegationId: by.delegationId }]);
  y.destroy();
  const prefix = `${session.symbolPrefix}/`;
  return { draft, symbols, short: { original: symbols.original.slice(prefix.length), revised: symbols.revised.slice(prefix.length) } };
}
