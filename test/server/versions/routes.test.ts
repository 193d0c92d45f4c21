/**
 * The language version routes against a real server (port 0, SQLite): a version is imported in
 * its language and aligned before anything is stored (a mismatch is listed with where it is, and
 * nothing changes); only the secretariat records; the reference language is the revision itself;
 * a translator types a paragraph and it stops being pending; a version is carried to the next
 * revision with the unchanged paragraphs kept; corrigenda for one language; hostile bodies are
 * refused with stable ids. The French, Spanish and Chinese words are illustrative translations
 * made for these tests, not the UN's.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeBodyLimit } from '../../../server/http/bodyLimit';
import { MAX_DOCX_BYTES, MAX_TEXT_BYTES, MediaTypes } from '../../../shared/export/transfer';
import { FORMULA_ID, TITLE_ID } from '../../../shared/languageVersions';
import { doc, em, formula, op, pp, title } from '../../builders';
import { call, startTestServer, type TestServer } from '../../helpers/server';
import { adoptedWithoutVote, meetingWorld, setWorkingText, type MeetingWorld } from '../meeting/helpers';

const french = [
  'Renforcement de la coopération internationale',
  'La Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée,',
  'Rappelant sa résolution 10/4,',
  '1. Décide de poursuivre ses travaux ;',
  '2. Prie le Secrétariat de faire rapport à la Conférence à sa douzième session ;',
  '3. Invite les États Membres à verser des contributions.',
].join('\n');

// The same without its operative paragraph 2.
const frenchWithoutOp2 = french
  .split('\n')
  .filter((l) => !l.startsWith('2.'))
  .map((l) => l.replace(/^3\./, '2.'))
  .join('\n');

const chinese = [
  '加强国际合作',
  '联合国打击跨国有组织犯罪公约缔约方会议，',
  '回顾其第10/4号决议，',
  '1. 决定继续开展工作；',
  '2. 请秘书处向缔约方会议第十二届会议报告；',
  '3. 邀请会员国提供捐助。',
].join('\n');

const text = (op2: string) =>
  doc(
    title('Strengthening international cooperation'),
    formula('The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,'),
    pp({ id: 'pp1' }, em('Recalling'), ' its resolution 10/4,'),
    op({ id: 'op1' }, 'Decides to continue its work;'),
    op({ id: 'op2' }, op2),
    op({ id: 'op3' }, 'Invites Member States to contribute.'),
  );
const rev0Text = () => text('Requests the Secretariat to report to the Conference at its twelfth session;');
const rev1Text = () => text('Requests the Secretariat to report to the Conference at its twelfth and thirteenth sessions;');

/** Declare a body of `length` bytes, send a few, and wait: only a server that answers before reading it answers at all. */
function declareAndStall(path: string, type: string, length: number): Promise<{ status: number; body: { error?: { id: string } } }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let data = '';
    const clock = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer: the server waited for the body'));
    }, 5_000);
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', () => {}); // a reset after the answer is the server refusing the rest
    socket.on('close', () => {
      clearTimeout(clock);
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: body ? JSON.parse(body) : {} });
    });
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${w.as.secretariat.token}\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\n\r\nPK\u0003\u0004abc`,
    );
  });
}

let server: TestServer;
let w: MeetingWorld;
const versions = (rest = '') => w.draftPath(`/revisions/0/versions${rest}`);
const words = (text: unknown) => JSON.stringify(text);

beforeAll(async () => {
  server = await startTestServer();
  w = await meetingWorld(server, rev0Text());
  expect((await w.issue()).status).toBe(201);
});
afterAll(() => server.close());

describe('importing a version', () => {
  it('lists where a version differs, before anything is stored, and stores it once it aligns', async () => {
    const checked = await w.api('secretariat', 'POST', versions('/fr?check=1'), { text: frenchWithoutOp2 });
    expect(checked.status).toBe(200);
    expect(checked.body).toEqual({ ok: false, mismatches: [expect.objectContaining({ kind: 'missing', at: 'OP 2', versionAt: null })] });

    const refused = await w.api('secretariat', 'POST', versions('/fr'), { text: frenchWithoutOp2 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.id).toBe('version_misaligned');
    expect(refused.body.error.details.mismatches).toEqual([expect.objectContaining({ kind: 'missing', at: 'OP 2', lang: 'fr' })]);
    expect((await w.api('nonSponsor', 'GET', versions('/fr'))).body.error.id).toBe('version_not_found');

    expect((await w.api('secretariat', 'POST', versions('/fr?check=1'), { text: french })).body).toEqual({ ok: true, mismatches: [] });
    const stored = await w.api('secretariat', 'POST', versions('/fr'), { text: french });
    expect([stored.status, stored.body]).toEqual([201, { seq: 1 }]);

    // Anyone who may read the draft reads it, aligned with the revision's ids.
    const read = await w.api('nonSponsor', 'GET', versions('/fr'));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ revision: 0, symbol: `${w.session.symbolPrefix}/L.1`, lang: 'fr', original: false, reference: false, pending: [] });
    expect(read.body.text.content.map((n: { attrs?: { id: string } }) => n.attrs?.id ?? null)).toEqual([null, null, 'pp1', 'op1', 'op2', 'op3']);
    expect(words(read.body.text)).toContain('Prie le Secrétariat');
    expect(read.body.history).toEqual([expect.objectContaining({ seq: 1, kind: 'issued', note: null, recordedBy: w.users.secretariat.displayName })]);
  });

  it('reads a pasted Chinese version in its own punctuation', async () => {
    const stored = await w.api('secretariat', 'POST', versions('/zh'), { text: chinese });
    expect(stored.status, words(stored.body)).toBe(201);
    const read = await w.api('sponsor', 'GET', versions('/zh'));
    expect(read.body.text.content.map((n: { type: string }) => n.type)).toEqual(['title', 'formula', 'preambular', 'operative', 'operative', 'operative']);
  });

  it('takes a Word file, raw or in base64', async () => {
    const docx = await fetch(`${server.url}${w.draftPath('/export.docx')}?text=${encodeURIComponent(w.short())}`, { headers: { cookie: w.as.secretariat.cookie } });
    expect(docx.status).toBe(200);
    const bytes = new Uint8Array(await docx.arrayBuffer());
    // The English Word file read as a Russian version: same structure, so it aligns (the words do not matter to alignment).
    const raw = await fetch(`${server.url}${versions('/ru?check=1')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.as.secretariat.token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      body: bytes,
    });
    expect([raw.status, await raw.json()]).toEqual([200, { ok: true, mismatches: [] }]);
    const b64 = await w.api('secretariat', 'POST', versions('/ru?check=1'), { docx: Buffer.from(bytes).toString('base64') });
    expect(b64.body).toEqual({ ok: true, mismatches: [] });
  });

  it('refuses anyone but the secretariat, the reference language, unknown revisions and languages, and hostile bodies, storing nothing', async () => {
    const before = await server.store.listLanguageVersions(w.draft.id);
    for (const who of ['sponsor', 'chair', 'nonSponsor'] as const) {
      const res = await w.api(who, 'POST', versions('/es'), { text: french });
      expect([who, res.status, res.body.error.id]).toEqual([who, 403, 'forbidden']);
    }
    const reference = await w.api('secretariat', 'POST', versions('/en'), { text: french });
    expect([reference.status, reference.body.error.id]).toEqual([409, 'reference_language']);
    const unknown = await w.api('secretariat', 'POST', w.draftPath('/revisions/7/versions/es'), { text: french });
    expect([unknown.status, unknown.body.error.id]).toEqual([404, 'not_found']);
    expect((await w.api('secretariat', 'POST', versions('/de'), { text: french })).status).toBe(400);
    const hostile = [
      { text: 42 },
      { text: french, more: true },
      { doc: { type: 'doc', content: [{ type: 'script', text: 'x' }] } },
      { doc: { type: 'paragraph' } },
      { docx: 'not base64 !' },
      [],
      { text: '   ' },
    ];
    for (const body of hostile) {
      const res = await w.api('secretariat', 'POST', versions('/es'), body);
      expect([words(body), res.status, res.body.error.id]).toEqual([words(body), 400, 'validation_failed']);
    }
    const plain = await call(server, 'POST', versions('/es'), { token: w.as.secretariat.token, raw: 'x', headers: { 'content-type': 'application/xml' } });
    expect(plain.status).toBe(415);
    expect(await server.store.listLanguageVersions(w.draft.id)).toEqual(before);
  });

  it('lists every revision’s versions with the reference language flagged original', async () => {
    const list = await w.api('nonSponsor', 'GET', w.draftPath('/versions'));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ reference: 'en', original: 'en', corrigenda: [] });
    expect(list.body.revisions).toHaveLength(1);
    expect(list.body.revisions[0].versions.map((v: { lang: string; kind: string; original: boolean | null; seq: number }) => [v.lang, v.kind, v.original, v.seq])).toEqual([
      ['zh', 'issued', false, 1],
      ['en', 'issued', true, 0],
      ['fr', 'issued', false, 1],
    ]);
    const en = await w.api('nonSponsor', 'GET', versions('/en'));
    expect(en.body).toMatchObject({ lang: 'en', original: true, reference: true, pending: [] });
    expect(words(en.body.text)).toContain('Decides to continue its work');
  });
});

describe('typing, carrying forward, corrigenda', () => {
  it('types a paragraph of a version begun from scratch: only that paragraph stops being pending', async () => {
    const first = await w.api('secretariat', 'PUT', versions(`/es/paragraphs/op1`), { text: 'Decide proseguir su labor;' });
    expect(first.status, words(first.body)).toBe(200);
    expect(first.body).toEqual({ seq: 1, pending: [TITLE_ID, FORMULA_ID, 'pp1', 'op2', 'op3'] });
    const titled = await w.api('secretariat', 'PUT', versions(`/es/paragraphs/${encodeURIComponent(TITLE_ID)}`), { text: 'Fortalecimiento de la cooperación internacional' });
    expect(titled.body).toEqual({ seq: 2, pending: [FORMULA_ID, 'pp1', 'op2', 'op3'] });
    const read = await w.api('sponsor', 'GET', versions('/es'));
    expect(read.body.pending).toEqual([FORMULA_ID, 'pp1', 'op2', 'op3']);
    expect(words(read.body.text)).toContain('Decide proseguir su labor');
    expect(words(read.body.text)).toContain('Invites Member States'); // still the reference's words, pending
    expect(read.body.history.map((h: { kind: string }) => h.kind)).toEqual(['typed', 'typed']);

    const noMarks = await w.api('secretariat', 'PUT', versions('/es/paragraphs/op2'), { text: 'Pide a la Secretaría[^1] que informe;' });
    expect([noMarks.status, noMarks.body.error.id]).toEqual([422, 'refused']);
    expect((await w.api('secretariat', 'PUT', versions('/es/paragraphs/nope'), { text: 'x' })).status).toBe(404);
    expect((await w.api('sponsor', 'PUT', versions('/es/paragraphs/op2'), { text: 'x' })).status).toBe(403);
    expect((await w.api('secretariat', 'PUT', versions('/en/paragraphs/op2'), { text: 'x' })).status).toBe(409);
    expect((await w.api('secretariat', 'PUT', versions('/es/paragraphs/op2'), { text: ' ', more: 1 })).status).toBe(400);
    expect((await w.api('sponsor', 'GET', versions('/es'))).body.history).toHaveLength(2);
  });

  it('carries a version to the next revision: unchanged paragraphs kept, the changed one pending until typed', async () => {
    await setWorkingText(server.store, w.draft.id, rev1Text(), { userId: w.users.sponsor.id, delegationId: w.delegations.main.id });
    expect((await w.issue(w.short(1))).status).toBe(201);
    const next = (rest: string) => w.draftPath(`/revisions/1/versions${rest}`);

    const carried = await w.api('secretariat', 'POST', next('/fr/carry-forward'), { from: 0 });
    expect([carried.status, carried.body]).toEqual([201, { seq: 1, pending: ['op2'] }]);
    const read = await w.api('nonSponsor', 'GET', next('/fr'));
    expect(words(read.body.text)).toContain('Décide de poursuivre ses travaux'); // kept
    expect(words(read.body.text)).toContain('twelfth and thirteenth sessions'); // pending, in English
    expect(read.body.history).toEqual([expect.objectContaining({ seq: 1, kind: 'carried_forward' })]);

    const typed = await w.api('secretariat', 'PUT', next('/fr/paragraphs/op2'), {
      text: 'Prie le Secrétariat de faire rapport à la Conférence à ses douzième et treizième sessions ;',
    });
    expect(typed.body).toEqual({ seq: 2, pending: [] });

    const list = await w.api('nonSponsor', 'GET', w.draftPath('/versions'));
    expect(list.body.revisions[1].versions.find((v: { lang: string }) => v.lang === 'fr')).toMatchObject({ kind: 'typed', seq: 2, pending: [] });

    // From a revision that has no version in that language, or not from an earlier one.
    expect((await w.api('secretariat', 'POST', next('/ar/carry-forward'), { from: 0 })).body.error.id).toBe('version_not_found');
    expect((await w.api('secretariat', 'POST', next('/fr/carry-forward'), { from: 1 })).status).toBe(422);
    expect((await w.api('secretariat', 'POST', next('/fr/carry-forward'), { from: '0' })).status).toBe(400);
    expect((await w.api('chair', 'POST', next('/fr/carry-forward'), { from: 0 })).status).toBe(403);
  });

  it('records a corrigendum for one language with its corrected text, and refuses a misaligned one whole', async () => {
    const corrected = chinese.replace('报告', '提出报告');
    const bad = await w.api('secretariat', 'POST', w.draftPath('/revisions/0/corrigenda'), {
      kind: 'corrigendum',
      langs: ['zh', 'fr'],
      texts: { zh: { text: corrected }, fr: { text: frenchWithoutOp2 } },
    });
    expect([bad.status, bad.body.error.id]).toEqual([422, 'version_misaligned']);
    expect(bad.body.error.details.mismatches).toEqual([expect.objectContaining({ lang: 'fr', kind: 'missing', at: 'OP 2' })]);
    expect((await w.api('nonSponsor', 'GET', w.draftPath('/versions'))).body.corrigenda).toEqual([]);
    expect((await w.api('nonSponsor', 'GET', versions('/zh'))).body.history).toHaveLength(1);

    const res = await w.api('secretariat', 'POST', w.draftPath('/revisions/0/corrigenda'), {
      kind: 'corrigendum',
      langs: ['zh'],
      note: { en: 'Chinese only', zh: '只有中文' },
      texts: { zh: { text: corrected } },
    });
    expect(res.status, words(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'corrigendum', langs: ['zh'], symbol: `${w.session.symbolPrefix}/L.1/Corr.1`, texts: ['zh'], versions: [{ lang: 'zh', seq: 2 }] });
    const zh = await w.api('nonSponsor', 'GET', versions('/zh'));
    expect(words(zh.body.text)).toContain('提出报告');
    expect(zh.body.history.map((h: { kind: string; note: unknown }) => [h.kind, h.note])).toEqual([
      ['issued', null],
      ['corrigendum', { en: 'Chinese only', zh: '只有中文' }],
    ]);
    const list = await w.api('nonSponsor', 'GET', w.draftPath('/versions'));
    expect(list.body.corrigenda).toEqual([expect.objectContaining({ kind: 'corrigendum', langs: ['zh'], symbol: `${w.session.symbolPrefix}/L.1/Corr.1`, revision: 0 })]);

    // A reissue of several languages without texts; the reference language may be named, not given a text.
    const reissue = await w.api('secretariat', 'POST', w.draftPath('/revisions/1/corrigenda'), { kind: 'reissue', langs: ['fr', 'en'] });
    expect(reissue.body).toMatchObject({ kind: 'reissue', langs: ['en', 'fr'], symbol: `${w.session.symbolPrefix}/L.1/Rev.1*`, texts: [] });
    const withReference = await w.api('secretariat', 'POST', w.draftPath('/revisions/1/corrigenda'), { kind: 'corrigendum', langs: ['en'], texts: { en: { text: french } } });
    expect([withReference.status, withReference.body.error.id]).toEqual([409, 'reference_language']);
    for (const body of [
      { kind: 'erratum', langs: ['fr'] },
      { kind: 'corrigendum', langs: [] },
      { kind: 'corrigendum', langs: ['xx'] },
      { kind: 'corrigendum', langs: ['fr'], note: { en: '' } },
    ]) {
      expect((await w.api('secretariat', 'POST', w.draftPath('/revisions/1/corrigenda'), body)).status).toBe(400);
    }
    expect((await w.api('secretariat', 'POST', w.draftPath('/revisions/1/corrigenda'), { kind: 'corrigendum', langs: ['fr'], texts: { es: { text: french } } })).status).toBe(400);
    expect((await w.api('secretariat', 'POST', w.draftPath('/revisions/1/corrigenda'), { kind: 'corrigendum', langs: ['fr'], symbol: 'not a symbol' })).status).toBe(422);
    expect((await w.api('sponsor', 'POST', w.draftPath('/revisions/1/corrigenda'), { kind: 'corrigendum', langs: ['fr'] })).status).toBe(403);
    expect((await w.api('nonSponsor', 'GET', w.draftPath('/versions'))).body.corrigenda).toHaveLength(2);
    // The record's other readers take the new entries in their stride.
    for (const rest of ['', '/events', '/revisions']) expect((await w.api('sponsor', 'GET', w.draftPath(rest))).status, rest).toBe(200);
  });
});

describe('under load, in the audit record, after final action', () => {
  it('keeps every paragraph typed at once: each row is made from the one before it', async () => {
    const ids = [TITLE_ID, FORMULA_ID, 'pp1', 'op1', 'op2', 'op3'];
    const typed = await Promise.all(ids.map((pid) => w.api('secretariat', 'PUT', versions(`/ru/paragraphs/${encodeURIComponent(pid)}`), { text: `Русский текст ${pid}` })));
    expect(typed.map((r) => r.status)).toEqual(ids.map(() => 200));
    expect(typed.map((r) => r.body.seq).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const read = await w.api('nonSponsor', 'GET', versions('/ru'));
    expect(read.body.pending).toEqual([]);
    for (const pid of ids) expect(words(read.body.text)).toContain(`Русский текст ${pid}`);
  });

  it('records each write in the audit record, and refuses a declared oversize body before reading it', async () => {
    const audit = await w.api('secretariat', 'GET', '/api/audit?limit=1000');
    const paths = audit.body.map((e: { detail: { path?: string } }) => e.detail.path ?? '');
    expect(paths).toContain(`/drafts/${w.draft.id}/revisions/0/versions/fr`);
    expect(paths).toContain(`/drafts/${w.draft.id}/revisions/0/corrigenda`);
    // A Word file is larger than the general JSON limit, and only these routes take one.
    const limit = (url: string, type: string) => routeBodyLimit({ method: 'POST', url, headers: { 'content-type': type } }, 1024);
    expect(limit(versions('/fr'), MediaTypes.docx)).toBe(MAX_DOCX_BYTES);
    expect(limit(versions('/fr'), MediaTypes.text)).toBe(MAX_TEXT_BYTES);
    expect(limit(w.draftPath('/revisions/0/corrigenda'), 'application/json')).toBeGreaterThan(MAX_DOCX_BYTES);
    expect(limit(versions('/fr/carry-forward'), 'application/json')).toBe(1024);
    const answer = await declareAndStall(versions('/fr'), MediaTypes.docx, MAX_DOCX_BYTES + 1);
    expect([answer.status, answer.body.error?.id]).toEqual([413, 'payload_too_large']);
  });

  it('records versions and corrigenda after final action and the freeze', async () => {
    expect((await w.record('adopted', adoptedWithoutVote)).status).toBe(201);
    const frozen = await w.api('secretariat', 'POST', w.draftPath('/freeze'), {});
    expect(frozen.status, words(frozen.body)).toBe(201);
    const carried = await w.api('secretariat', 'POST', w.draftPath('/revisions/1/versions/es/carry-forward'), { from: 0 });
    expect(carried.status, words(carried.body)).toBe(201);
    const corrigendum = await w.api('secretariat', 'POST', w.draftPath('/revisions/1/corrigenda'), { kind: 'corrigendum', langs: ['es'], note: { es: 'Solo en español' } });
    expect([corrigendum.status, corrigendum.body.symbol]).toEqual([201, `${w.session.symbolPrefix}/L.1/Rev.1/Corr.1`]);
    expect((await w.api('sponsor', 'POST', w.draftPath('/revisions/1/versions/es/carry-forward'), { from: 0 })).status).toBe(403);
  });
});

describe('what the record does not know', () => {
  it('says the original is not in the record, and keeps versions away from a text the record does not hold', async () => {
    const v = await meetingWorld(server, rev0Text());
    expect((await v.issue()).status).toBe(201);
    const note = await v.api('secretariat', 'POST', v.draftPath('/provenance'), {
      kind: 'original_language_not_in_record',
      note: { en: 'The report gives the Chinese text only.' },
    });
    expect(note.status, words(note.body)).toBe(201);
    expect((await v.api('secretariat', 'POST', v.draftPath('/revisions/0/versions/fr'), { text: french })).status).toBe(201);
    const list = await v.api('nonSponsor', 'GET', v.draftPath('/versions'));
    expect(list.body).toMatchObject({ reference: 'en', original: null });
    expect(list.body.revisions[0]).toMatchObject({ original: null, textInRecord: true });
    expect(list.body.revisions[0].versions.map((x: { lang: string; original: unknown }) => [x.lang, x.original])).toEqual([
      ['en', null],
      ['fr', null],
    ]);
    expect((await v.api('nonSponsor', 'GET', v.draftPath('/revisions/0/versions/fr'))).body.original).toBeNull();

    // A revision the record knows was issued but whose text it does not hold (as the demo's L.9): an empty stored text and a note.
    await server.store.createRevision({
      draftId: v.draft.id,
      symbol: `${v.session.symbolPrefix}/${v.short(1)}`,
      revision: 1,
      text: { type: 'doc', content: [{ type: 'title' }] },
      hash: 'not in the record',
      sponsorIds: [],
      issuedAt: '2022-10-19T10:00:00.000Z',
      issuedBy: null,
    });
    const missing = await v.api('secretariat', 'POST', v.draftPath('/provenance'), { kind: 'text_not_in_record', symbol: v.short(1) });
    expect(missing.status, words(missing.body)).toBe(201);
    const after = await v.api('nonSponsor', 'GET', v.draftPath('/versions'));
    expect(after.body.revisions[1]).toMatchObject({ revision: 1, textInRecord: false, versions: [] });
    const refused = await v.api('secretariat', 'POST', v.draftPath('/revisions/1/versions/es'), { text: french });
    expect([refused.status, refused.body.error.id]).toEqual([404, 'text_not_in_record']);
    expect((await v.api('secretariat', 'POST', v.draftPath('/revisions/1/versions/fr/carry-forward'), { from: 0 })).body.error.id).toBe('text_not_in_record');
  });
});
