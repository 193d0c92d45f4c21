/**
 * Who may do what in the secretariat's record, on every write: each row runs once per role on
 * a fresh world; a refused request answers 403 and leaves the store exactly as it was. A frozen
 * draft refuses every path that would change its text, to everyone.
 */
import { textHash } from '../../../shared/canonical';
import type { Store } from '../../../server/storage/types';
import type { World } from '../../helpers/factories';
import { permissionMatrix, type Row } from '../http/permissionMatrix';
import { adoptedWithoutVote, draftText, setWorkingText } from './helpers';

const F: [number, number, number, number] = [403, 403, 403, 403];

async function withText(w: World, store: Store): Promise<void> {
  await setWorkingText(store, w.draft.id, draftText(), { userId: w.users.sponsor.id, delegationId: w.delegations.main.id });
}
async function issued(w: World, store: Store): Promise<void> {
  await withText(w, store);
  const text = draftText();
  await store.createRevision({
    draftId: w.draft.id,
    symbol: `${w.session.symbolPrefix}/L.1`,
    revision: 0,
    text: text.toJSON(),
    hash: textHash(text),
    sponsorIds: [w.delegations.main.id],
    issuedAt: new Date().toISOString(),
    issuedBy: w.users.secretariat.id,
  });
  await store.appendDraftEvent({ draftId: w.draft.id, type: 'issued', payload: { symbol: `${w.session.symbolPrefix}/L.1`, revision: 0 }, userId: null });
}
async function adopted(w: World, store: Store): Promise<void> {
  await issued(w, store);
  await store.appendDraftEvent({ draftId: w.draft.id, type: 'adopted', payload: adoptedWithoutVote, userId: null });
}
async function frozen(w: World, store: Store): Promise<void> {
  await adopted(w, store);
  await store.appendDraftEvent({ draftId: w.draft.id, type: 'frozen', payload: { hash: textHash(draftText()) }, userId: null });
}

const post = (path: string, body: unknown) => (w: World) => ({ method: 'POST', path: `/api/drafts/${w.draft.id}${path}`, body });
const amendment = { paragraphId: 'op2', kind: 'replace_words', words: 'twelfth', text: 'thirteenth', proposedBy: null, accepted: true };

const ROWS: Row[] = [
  { name: 'issue L.1', setup: withText, request: post('/revisions', { symbol: 'L.1' }), expect: [201, 403, 403, 403] },
  { name: 'record a corrigendum', setup: issued, request: post('/revisions/0/documents', { kind: 'corrigendum' }), expect: [201, 403, 403, 403] },
  { name: 'set a paragraph state', setup: withText, request: post('/paragraph-states', { paragraphId: 'op1', state: 'agreed' }), expect: [201, 201, 403, 403] },
  { name: 'record an oral amendment', setup: issued, request: post('/amendments', amendment), expect: [201, 403, 403, 403] },
  { name: 'number an adopted text', setup: adopted, request: post('/number', {}), expect: [201, 403, 403, 403] },
  { name: 'freeze', setup: adopted, request: post('/freeze', {}), expect: [201, 403, 403, 403] },
  { name: "record the report's wording", setup: adopted, request: post('/report-details', { remarks: { en: 'R.', zh: 'R。' } }), expect: [201, 403, 403, 403] },
  { name: 'issue Rev.1 of a frozen draft', setup: frozen, request: post('/revisions', { symbol: 'L.1/Rev.1' }), expect: F },
  { name: 'import into a frozen draft', setup: frozen, request: post('/import', { text: draftText().toJSON() }), expect: F },
  { name: 'amend a frozen draft', setup: frozen, request: post('/amendments', amendment), expect: F },
  { name: 'set a paragraph state of a frozen draft', setup: frozen, request: post('/paragraph-states', { paragraphId: 'op1', state: 'agreed' }), expect: F },
  { name: 'issue a corrigendum to a frozen draft', setup: frozen, request: post('/revisions/0/documents', { kind: 'corrigendum' }), expect: F },
];

await permissionMatrix("permissions in the secretariat's record", ROWS);
