/**
 * Who may write the session record, in the permission matrix of test/server/http: the
 * secretariat only, for an entry about no draft and for one about a draft (whose sponsors,
 * chair and others are refused alike). That a refused request stores no entry is checked by
 * sessionRecord.test.ts (the matrix's snapshot does not read the session record yet).
 */
import type { World } from '../../helpers/factories';
import { permissionMatrix, type Row } from '../http/permissionMatrix';

const path = (w: World) => `/api/sessions/${w.session.id}/record`;
const vote = {
  kind: 'vote',
  meeting: 2,
  date: '2022-10-17',
  subject: 'procedural',
  question: { en: 'whether the matter is procedural', zh: '这一事项可否视为程序事项' },
  yes: 59,
  no: 12,
  abstain: 30,
  majority: 'simple',
};

const ROWS: Row[] = [
  { name: 'record a procedural vote', request: (w) => ({ method: 'POST', path: path(w), body: vote }), expect: [201, 403, 403, 403] },
  {
    name: "record the main sponsor's introduction of its draft",
    request: (w) => ({
      method: 'POST',
      path: path(w),
      body: { kind: 'statement', meeting: 3, date: '2022-10-18', draftId: w.draft.id, statement: 'introduction', speakers: [{ delegationId: w.delegations.main.id }] },
    }),
    expect: [201, 403, 403, 403],
  },
];

await permissionMatrix('the session record: who writes it', ROWS);
