/**
 * Language versions on PostgreSQL, with two server instances on one database: a version imported
 * and refused as on SQLite, paragraphs typed at once through both instances all kept (each row
 * made from the one before it: a writer that lost the race runs again), and two corrigenda
 * recorded at once through both taking Corr.1 and Corr.2, each with its version row. The French
 * and Chinese words are illustrative translations made for these tests, not the UN's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_ID, TITLE_ID } from '../../../shared/languageVersions';
import { doc, em, formula, op, pp, title } from '../../builders';
import { createTestDatabase, postgresGate, type TestDatabase } from '../../helpers/postgres';
import { call, startTestServer, type TestServer } from '../../helpers/server';
import { meetingWorld, type MeetingWorld } from '../meeting/helpers';

const gate = await postgresGate('versions.postgres');

const reference = doc(
  title('Strengthening international cooperation'),
  formula('The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,'),
  pp({ id: 'pp1' }, em('Recalling'), ' its resolution 10/4,'),
  op({ id: 'op1' }, 'Decides to continue its work;'),
  op({ id: 'op2' }, 'Requests the Secretariat to report to the Conference at its twelfth session;'),
  op({ id: 'op3' }, 'Invites Member States to contribute.'),
);

const french = [
  'Renforcement de la coopération internationale',
  'La Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée,',
  'Rappelant sa résolution 10/4,',
  '1. Décide de poursuivre ses travaux ;',
  '2. Prie le Secrétariat de faire rapport à la Conférence à sa douzième session ;',
  '3. Invite les États Membres à verser des contributions.',
].join('\n');

describe.skipIf(!gate.run)('language versions on PostgreSQL, two instances', () => {
  let db: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  let w: MeetingWorld;
  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestServer({ databaseUrl: db.url });
    b = await startTestServer({ databaseUrl: db.url });
    w = await meetingWorld(a, reference);
    expect((await w.issue()).status).toBe(201);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });
  const on = (server: TestServer, method: string, path: string, body?: unknown) => call(server, method, path, { cookie: w.as.secretariat.cookie, body });

  it('imports a version once it aligns, and stores nothing of one that does not', async () => {
    const missing = french
      .split('\n')
      .filter((l) => !l.startsWith('2.'))
      .join('\n');
    const refused = await on(b, 'POST', w.draftPath('/revisions/0/versions/fr'), { text: missing });
    expect([refused.status, refused.body.error.id]).toEqual([422, 'version_misaligned']);
    expect(refused.body.error.details.mismatches).toEqual([expect.objectContaining({ kind: 'missing', at: 'OP 2' })]);
    expect(await a.store.listLanguageVersions(w.draft.id)).toEqual([]);
    const stored = await on(b, 'POST', w.draftPath('/revisions/0/versions/fr'), { text: french });
    expect([stored.status, stored.body]).toEqual([201, { seq: 1 }]);
    const read = await on(a, 'GET', w.draftPath('/revisions/0/versions/fr'));
    expect(read.body.text.content.map((n: { attrs?: { id: string } }) => n.attrs?.id ?? null)).toEqual([null, null, 'pp1', 'op1', 'op2', 'op3']);
  });

  it('keeps every paragraph typed at once through both instances', async () => {
    const ids = [TITLE_ID, FORMULA_ID, 'pp1', 'op1', 'op2', 'op3'];
    const typed = await Promise.all(
      ids.map((pid, i) => on(i % 2 ? a : b, 'PUT', w.draftPath(`/revisions/0/versions/es/paragraphs/${encodeURIComponent(pid)}`), { text: `Texto en español ${pid}` })),
    );
    expect(typed.map((r) => r.status)).toEqual(ids.map(() => 200));
    expect(typed.map((r) => r.body.seq).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const read = await on(a, 'GET', w.draftPath('/revisions/0/versions/es'));
    expect(read.body.pending).toEqual([]);
    for (const pid of ids) expect(JSON.stringify(read.body.text)).toContain(`Texto en español ${pid}`);
  });

  it('numbers two corrigenda recorded at once through both instances, each with its version row', async () => {
    const answers = await Promise.all(
      [a, b].map((server) => on(server, 'POST', w.draftPath('/revisions/0/corrigenda'), { kind: 'corrigendum', langs: ['fr'], texts: { fr: { text: french } } })),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    expect(answers.map((r) => r.body.symbol).sort()).toEqual([`${w.session.symbolPrefix}/L.1/Corr.1`, `${w.session.symbolPrefix}/L.1/Corr.2`]);
    const history = await on(a, 'GET', w.draftPath('/revisions/0/versions/fr'));
    expect(history.body.history.map((h: { seq: number; kind: string }) => [h.seq, h.kind])).toEqual([
      [1, 'issued'],
      [2, 'corrigendum'],
      [3, 'corrigendum'],
    ]);
    const rows = await a.store.languageVersionHistory(w.draft.id, 0, 'fr');
    const entries = (await a.store.listDraftEvents(w.draft.id)).filter((r) => r.type === 'language_corrigendum');
    expect(
      rows
        .slice(1)
        .map((r) => r.recordSeq)
        .sort(),
    ).toEqual(entries.map((e) => e.seq).sort());
  });
});
