/**
 * Helpers for the secretariat's tests: a signed-in world, a way to put a text in a draft's
 * working text (through the update log, as an editor's update would land there), and short
 * calls to the meeting routes.
 */
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import type { Node as PMNode } from 'prosemirror-model';
import { loadDoc } from '../../../server/collab/registry';
import type { Store } from '../../../server/storage/types';
import { doc, em, op, pp, title } from '../../builders';
import { FRAGMENT } from '../../helpers/collab';
import { makeWorld, TEST_PASSWORD, type World } from '../../helpers/factories';
import { call, loginAs, type ApiResponse, type SignedIn, type TestServer } from '../../helpers/server';

/** A text of three operative paragraphs, with words to amend and an optional bracket. */
export const draftText = (op2 = 'Requests the Secretariat to report to the Conference at its twelfth session;'): PMNode =>
  doc(
    title('Strengthening international cooperation'),
    pp({ id: 'pp1' }, em('Recalling'), ' its resolution 10/4,'),
    op({ id: 'op1' }, 'Decides to continue its work;'),
    op({ id: 'op2' }, op2),
    op({ id: 'op3' }, 'Invites Member States to contribute.'),
  );

/**
 * Make `text` the draft's working text: an update appended to the log that replaces whatever
 * is there. Only for drafts no socket has open (an open room would not see it).
 */
export async function setWorkingText(store: Store, draftId: string, text: PMNode, by: { userId: string; delegationId: string | null }): Promise<void> {
  const { doc: y } = await loadDoc(store, draftId);
  const before = Y.encodeStateVector(y);
  const fragment = y.getXmlFragment(FRAGMENT);
  y.transact(() => {
    fragment.delete(0, fragment.length);
    prosemirrorToYXmlFragment(text, fragment);
  });
  await store.appendUpdates([{ draftId, update: Y.encodeStateAsUpdate(y, before), userId: by.userId, delegationId: by.delegationId }]);
  y.destroy();
}

/** A world with every user signed in, and a working text in its draft. */
export interface MeetingWorld extends World {
  as: { secretariat: SignedIn; chair: SignedIn; sponsor: SignedIn; nonSponsor: SignedIn };
  /** Call the API as one of the users. */
  api(who: keyof MeetingWorld['as'], method: string, path: string, body?: unknown): Promise<ApiResponse>;
  /** `/api/drafts/<the draft>` + rest. */
  draftPath(rest?: string): string;
  /** The draft's symbol of a revision, short ("L.1/Rev.1"). */
  short(revision?: number): string;
  /** As the secretariat: issue the working text under `symbol` (the draft's own by default). */
  issue(symbol?: string): Promise<ApiResponse>;
  /** As the secretariat: record an event of the draft's lifecycle. */
  record(type: string, payload: Record<string, unknown>): Promise<ApiResponse>;
  /** As the secretariat: record an oral amendment. */
  amend(body: Record<string, unknown>): Promise<ApiResponse>;
}

/** Make a world on a running server, sign everyone in, and put `text` in the draft's working text. */
export async function meetingWorld(server: TestServer, text: PMNode | null = draftText()): Promise<MeetingWorld> {
  const world = await makeWorld(server.store);
  const [secretariat, chair, sponsor, nonSponsor] = await Promise.all(
    [world.users.secretariat, world.users.chair, world.users.sponsor, world.users.nonSponsor].map((u) => loginAs(server, u.login, TEST_PASSWORD)),
  );
  if (text) await setWorkingText(server.store, world.draft.id, text, { userId: world.users.sponsor.id, delegationId: world.delegations.main.id });
  const as = { secretariat: secretariat!, chair: chair!, sponsor: sponsor!, nonSponsor: nonSponsor! };
  const api: MeetingWorld['api'] = (who, method, path, body) => call(server, method, path, { cookie: as[who].cookie, body });
  const draftPath = (rest = '') => `/api/drafts/${world.draft.id}${rest}`;
  const short = (revision = 0) => `L.${world.draft.lNumber}${revision ? `/Rev.${revision}` : ''}`;
  return {
    ...world,
    as,
    api,
    draftPath,
    short,
    issue: (symbol = short()) => api('secretariat', 'POST', draftPath('/revisions'), { symbol }),
    record: (type, payload) => api('secretariat', 'POST', draftPath('/events'), { type, payload }),
    amend: (body) => api('secretariat', 'POST', draftPath('/amendments'), body),
  };
}

/** An accepted oral amendment to op2 of `draftText()`: "twelfth" becomes "thirteenth". */
export const replaceWords = { paragraphId: 'op2', kind: 'replace_words', words: 'twelfth', text: 'thirteenth', proposedBy: null, accepted: true };

/** The body of an adoption without a vote, as the events route takes it. */
export const adoptedWithoutVote = { meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' }, orallyAmended: false };
