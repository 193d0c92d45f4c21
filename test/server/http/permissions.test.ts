/**
 * Who may do what, on every write (and on the secretariat's reads of accounts and the audit record): each row runs once per role on a fresh world, and a refused
 * request must leave the store exactly as it was.
 */
import type { Store } from '../../../server/storage/types';
import { uniqueTag, type World } from '../../helpers/factories';
import { draftText, setWorkingText } from '../meeting/helpers';
import { permissionMatrix, type Row } from './permissionMatrix';

const adopted = { meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' }, orallyAmended: false };
const event = (w: World, type: string, payload: Record<string, unknown>) => ({ method: 'POST', path: `/api/drafts/${w.draft.id}/events`, body: { type, payload } });
async function issueAndAdopt(w: World, store: Store): Promise<void> {
  await store.appendDraftEvent({ draftId: w.draft.id, type: 'issued', payload: { symbol: `${w.session.symbolPrefix}/L.1`, revision: 0 }, userId: null });
  await store.appendDraftEvent({ draftId: w.draft.id, type: 'adopted', payload: adopted, userId: null });
}
const join = (w: World, delegationId: string) => ({ method: 'POST', path: `/api/drafts/${w.draft.id}/sponsors`, body: { delegationId, date: '2022-10-19' } });

const ROWS: Row[] = [
  {
    name: 'open a session',
    request: () => ({
      method: 'POST',
      path: '/api/sessions',
      body: {
        body: { name: { en: 'B', zh: 'B' } },
        number: 1,
        title: { en: 'S', zh: 'S' },
        symbolPrefix: `P/${uniqueTag()}`,
        place: 'Vienna',
        opens: '2023-01-01',
        closes: '2023-01-02',
      },
    }),
    expect: [201, 403, 403, 403],
  },
  {
    name: 'add a delegation',
    request: () => ({ method: 'POST', path: '/api/delegations', body: { code: `X${uniqueTag()}`.slice(0, 12), name: { en: 'X', zh: 'X' }, kind: 'member' } }),
    expect: [201, 403, 403, 403],
  },
  {
    name: 'create an account',
    request: () => ({ method: 'POST', path: '/api/users', body: { login: `u-${uniqueTag()}@t`, displayName: 'U', role: 'chair' } }),
    expect: [201, 403, 403, 403],
  },
  // Administration (issue 9): the secretariat's alone.
  { name: 'edit an account', request: (w) => ({ method: 'PATCH', path: `/api/users/${w.users.third.id}`, body: { displayName: 'Renamed' } }), expect: [200, 403, 403, 403] },
  { name: 'deactivate an account', request: (w) => ({ method: 'PATCH', path: `/api/users/${w.users.third.id}`, body: { active: false } }), expect: [200, 403, 403, 403] },
  { name: 'issue a password-reset code', request: (w) => ({ method: 'POST', path: `/api/users/${w.users.third.id}/password-reset`, body: {} }), expect: [201, 403, 403, 403] },
  {
    name: 'edit a delegation',
    request: (w) => ({ method: 'PATCH', path: `/api/delegations/${w.delegations.third.id}`, body: { kind: 'observer' } }),
    expect: [200, 403, 403, 403],
  },
  {
    name: 'name the chair of a draft',
    request: (w) => ({ method: 'PUT', path: `/api/drafts/${w.draft.id}/chair`, body: { chairUserId: w.users.secretariat.id } }),
    expect: [200, 403, 403, 403],
  },
  { name: 'read the audit record', request: () => ({ method: 'GET', path: '/api/audit', body: undefined }), expect: [200, 403, 403, 403] },
  { name: 'list the accounts', request: () => ({ method: 'GET', path: '/api/users', body: undefined }), expect: [200, 403, 403, 403] },
  {
    name: 'put a draft forward',
    request: (w) => ({ method: 'POST', path: `/api/sessions/${w.session.id}/drafts`, body: { kind: 'resolution', title: { en: 'T', zh: 'T' }, agendaItem: '1' } }),
    expect: [201, 403, 201, 201],
  },
  {
    name: 'put a draft forward for a third delegation',
    request: (w) => ({
      method: 'POST',
      path: `/api/sessions/${w.session.id}/drafts`,
      body: { kind: 'resolution', title: { en: 'T', zh: 'T' }, agendaItem: '1', mainSponsorId: w.delegations.third.id },
    }),
    expect: [201, 403, 403, 403],
  },
  // The sponsor list is the secretariat's to change; a delegate asks, and the penholder or the secretariat confirms.
  { name: 'make Peru join', request: (w) => join(w, w.delegations.other.id), expect: [201, 403, 403, 403] },
  { name: 'make the main sponsor join again', request: (w) => join(w, w.delegations.main.id), expect: [422, 403, 403, 403] },
  {
    name: 'ask to co-sponsor',
    request: (w) => ({ method: 'POST', path: `/api/drafts/${w.draft.id}/sponsors/requests`, body: { kind: 'join' } }),
    expect: [403, 403, 403, 201],
  },
  {
    name: "confirm Peru's request to co-sponsor",
    setup: async (w, store) => {
      await store.appendDraftEvent({
        draftId: w.draft.id,
        type: 'cosponsor_requested',
        payload: { requestId: 'r1', delegationId: w.delegations.other.id, kind: 'join', onBehalfOf: null },
        userId: null,
      });
    },
    request: (w) => ({ method: 'POST', path: `/api/drafts/${w.draft.id}/sponsors/requests/r1/decision`, body: { decision: 'confirmed' } }),
    expect: [200, 403, 200, 403],
  },
  {
    name: "set the draft's co-sponsorship deadline",
    request: (w) => ({ method: 'PUT', path: `/api/drafts/${w.draft.id}/cosponsorship-deadline`, body: { deadline: '2022-10-20T18:00:00Z' } }),
    expect: [200, 403, 403, 403],
  },
  {
    name: "set the session's co-sponsorship deadline",
    request: (w) => ({ method: 'PUT', path: `/api/sessions/${w.session.id}/cosponsorship-deadline`, body: { deadline: '2022-10-20T18:00:00Z' } }),
    expect: [200, 403, 403, 403],
  },
  {
    name: 'withdraw the main sponsor',
    request: (w) => ({ method: 'POST', path: `/api/drafts/${w.draft.id}/sponsors/${w.delegations.main.id}/withdraw`, body: { date: '2022-10-19' } }),
    expect: [403, 403, 403, 403],
  },
  {
    name: 'withdraw co-sponsor Peru',
    setup: async (w, store) => {
      await store.addSponsorshipEvent({ draftId: w.draft.id, delegationId: w.delegations.other.id, type: 'join', date: '2022-10-18', onBehalfOf: null, recordedBy: null });
    },
    request: (w) => ({ method: 'POST', path: `/api/drafts/${w.draft.id}/sponsors/${w.delegations.other.id}/withdraw`, body: { date: '2022-10-19' } }),
    expect: [201, 403, 403, 403],
  },
  {
    name: 'name Peru main sponsor',
    request: (w) => ({ method: 'POST', path: `/api/drafts/${w.draft.id}/sponsors/${w.delegations.other.id}/main`, body: { date: '2022-10-19' } }),
    expect: [201, 403, 403, 403],
  },
  // Issuing and freezing have routes of their own (test/server/meeting): here they are refused.
  { name: 'record an issue as a bare event', request: (w) => event(w, 'issued', { symbol: `${w.session.symbolPrefix}/L.1`, revision: 0 }), expect: [422, 403, 403, 403] },
  {
    name: 'issue the text',
    // The issuer issues the working text, and refuses one without a paragraph.
    setup: (w, s) => setWorkingText(s, w.draft.id, draftText(), { userId: w.users.sponsor.id, delegationId: w.delegations.main.id }),
    request: (w) => ({ method: 'POST', path: `/api/drafts/${w.draft.id}/revisions`, body: { symbol: `${w.session.symbolPrefix}/L.1` } }),
    expect: [201, 403, 403, 403],
  },
  { name: 'record the draft withdrawn', request: (w) => event(w, 'withdrawn', { date: '2022-10-19' }), expect: [201, 403, 201, 403] },
  {
    name: 'record adoption',
    setup: async (w, s) => {
      await s.appendDraftEvent({ draftId: w.draft.id, type: 'issued', payload: { symbol: `${w.session.symbolPrefix}/L.1`, revision: 0 }, userId: null });
    },
    request: (w) => event(w, 'adopted', adopted),
    expect: [201, 403, 403, 403],
  },
  { name: 'freeze as a bare event', setup: issueAndAdopt, request: (w) => event(w, 'frozen', { hash: 'abc' }), expect: [422, 403, 403, 403] },
  {
    name: 'join a frozen draft',
    setup: async (w, s) => {
      await issueAndAdopt(w, s);
      await s.appendDraftEvent({ draftId: w.draft.id, type: 'frozen', payload: { hash: 'abc' }, userId: null });
    },
    request: (w) => join(w, w.delegations.other.id),
    expect: [403, 403, 403, 403],
  },
];

await permissionMatrix('permissions on every write', ROWS);
