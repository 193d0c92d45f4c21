/**
 * Comparisons over HTTP on a real server: two revisions, a revision and the working text, the
 * working text at a past point, two pasted texts; the Word redline; and every refusal with its
 * stable id.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorIds } from '../../../shared/errors';
import { MediaTypes } from '../../../shared/export/transfer';
import { exportDocx } from '../../../server/export/docx';
import { call, loginAs, startTestServer, type TestServer } from '../../helpers/server';
import { makeWorld, type World } from '../../helpers/factories';
import { englishText, metaFor } from '../../shared/export/helpers';
import { issueLineage, TYPED, type Lineage } from '../../helpers/lineage';

let server: TestServer;
let world: World;
let lineage: Lineage;
let token: string;
let firstAt: string;

const SUMMARY = 'PP 2 deleted; OP 1 changed; OP 2 inserted; former OP 2–3 renumbered 3–4';
const compare = (left: string, right: string, extra = '') =>
  call(server, 'GET', `/api/drafts/${lineage.draft.id}/compare?left=${encodeURIComponent(left)}&right=${encodeURIComponent(right)}${extra}`, { token });
const changed = (body: { paragraphs: { status: string; label: string }[] }) => body.paragraphs.filter((p) => p.status !== 'unchanged').map((p) => `${p.status} ${p.label}`);

beforeAll(async () => {
  server = await startTestServer();
  world = await makeWorld(server.store);
  lineage = await issueLineage(server.store, world.session, world.draft, { userId: world.users.secretariat.id, delegationId: world.delegations.main.id });
  firstAt = (await server.store.listUpdates(world.draft.id))[0]!.at;
  // A delegate of a delegation that does not sponsor: every signed-in user may read, so may compare.
  token = (await loginAs(server, world.users.nonSponsor.login, world.users.nonSponsor.password)).token;
});

afterAll(async () => {
  await server?.close();
});

describe('GET /api/drafts/:id/compare', () => {
  it('compares two issued revisions by short and by full symbol', async () => {
    const res = await compare(lineage.short.original, lineage.short.revised);
    expect(res.status).toBe(200);
    expect(res.body.summary.en).toBe(SUMMARY);
    expect(res.body.summary.zh).toContain('删除序言部分第 2 段');
    expect(changed(res.body)).toEqual(['deleted PP 2 (deleted)', 'changed OP 1', 'inserted OP 2 (new)', 'renumbered-only OP 2 → OP 3', 'renumbered-only OP 3 → OP 4']);
    expect(res.body.left).toMatchObject({ spec: lineage.short.original, label: lineage.short.original, state: 'issued', symbol: lineage.symbols.original });
    expect(res.body.right.revision).toMatchObject({ symbol: lineage.symbols.revised, revision: 1 });
    expect(res.body.counts).toMatchObject({ changed: 1, inserted: 1, deleted: 1, 'renumbered-only': 2 });
    const op1 = res.body.paragraphs.find((p: { label: string }) => p.label === 'OP 1');
    expect(op1.segments).toContainEqual({ op: 'insert', text: 'and strengthen ' });
    const full = await compare(lineage.symbols.original, lineage.symbols.revised);
    expect(full.body.summary.en).toBe(SUMMARY);
  });

  it('numbers against the text under negotiation on request ("OP 1 bis")', async () => {
    const res = await compare(lineage.short.original, lineage.short.revised, '&numbering=negotiation');
    expect(res.status).toBe(200);
    expect(res.body.numbering).toBe('negotiation');
    expect(res.body.summary.en).toBe('PP 2 deleted; OP 1 changed; OP 1 bis inserted');
  });

  it('compares a revision with the working text now', async () => {
    const res = await compare(lineage.short.revised, 'working');
    expect(res.status).toBe(200);
    expect(res.body.summary.en).toBe('OP 1 changed');
    expect(res.body.right).toMatchObject({ spec: 'working', state: 'working', seq: 2, revision: null });
    const op1 = res.body.paragraphs.find((p: { label: string }) => p.label === 'OP 1');
    expect(op1.segments).toContainEqual({ op: 'insert', text: TYPED });
  });

  it('compares the working text at a past seq or time with now', async () => {
    const bySeq = await compare('seq:1', 'working');
    expect(bySeq.status).toBe(200);
    expect(bySeq.body.left).toMatchObject({ spec: 'seq:1', seq: 1, label: 'working text at seq 1' });
    expect(bySeq.body.summary.en).toBe('OP 1 changed');
    const byTime = await compare(`at:${firstAt}`, lineage.short.revised);
    expect(byTime.status).toBe(200);
    expect(byTime.body.left.seq).toBe(1);
    // Named as people read a time, never as a raw ISO string.
    expect(byTime.body.left.label).toMatch(/^working text at \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} UTC$/);
    expect(byTime.body.summary.en).toBe('No changes');
  });

  it('refuses specs that name no text with 400 validation_failed', async () => {
    for (const [left, right] of [
      ['!', 'working'],
      ['seq:abc', 'working'],
      ['at:yesterday', 'working'],
      ['working', 'L.1 Rev.1'],
      ['', 'working'],
    ]) {
      const res = await compare(left!, right!);
      expect(res.status, `${left} / ${right}`).toBe(400);
      expect(res.body.error.id).toBe(ErrorIds.validation);
    }
    const missing = await call(server, 'GET', `/api/drafts/${lineage.draft.id}/compare?left=working`, { token });
    expect(missing.status).toBe(400);
    const badNumbering = await compare('working', 'working', '&numbering=roman');
    expect(badNumbering.status).toBe(400);
  });

  it('answers 404 for an unknown draft, revision or seq, and 422 for a text as orally amended (not recorded yet)', async () => {
    const noDraft = await call(server, 'GET', '/api/drafts/no-such-draft/compare?left=working&right=working', { token });
    expect([noDraft.status, noDraft.body.error.id]).toEqual([404, ErrorIds.notFound]);
    const noRevision = await compare('L.99/Rev.4', 'working');
    expect([noRevision.status, noRevision.body.error.id]).toEqual([404, ErrorIds.notFound]);
    const pastEnd = await compare('seq:99', 'working');
    expect([pastEnd.status, pastEnd.body.error.id]).toEqual([404, ErrorIds.notFound]);
    const amended = await compare(`amended:${lineage.short.revised}`, 'working');
    expect([amended.status, amended.body.error.id]).toEqual([422, ErrorIds.refused]);
  });

  it('answers 401 to a caller who is not signed in', async () => {
    const res = await call(server, 'GET', `/api/drafts/${lineage.draft.id}/compare?left=working&right=working`);
    expect([res.status, res.body.error.id]).toEqual([401, ErrorIds.unauthenticated]);
    const docx = await call(server, 'GET', `/api/drafts/${lineage.draft.id}/compare.docx?left=working&right=working`);
    expect(docx.status).toBe(401);
    const pasted = await call(server, 'POST', '/api/compare', { body: { left: { text: 'a' }, right: { text: 'b' } } });
    expect([pasted.status, pasted.body.error.id]).toEqual([401, ErrorIds.unauthenticated]);
  });
});

describe('GET /api/drafts/:id/compare.docx', () => {
  it('is a Word file whose changes are real tracked changes by Penholder', async () => {
    const res = await fetch(`${server.url}/api/drafts/${lineage.draft.id}/compare.docx?left=${lineage.short.original}&right=${lineage.short.revised}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(MediaTypes.docx);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.docx"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const ins = [...xml.matchAll(/<w:ins\b[^>]*>([\s\S]*?)<\/w:ins>/g)].map((m) => m[0]);
    const del = [...xml.matchAll(/<w:del\b[^>]*>([\s\S]*?)<\/w:del>/g)].map((m) => m[0]);
    expect(ins.some((x) => x.includes('and strengthen '))).toBe(true);
    expect(ins.some((x) => x.includes('Urges States parties to cooperate;'))).toBe(true);
    expect(del.some((x) => x.includes('<w:delText') && x.includes('the growth of transnational organized crime,'))).toBe(true);
    expect(xml).toMatch(/<w:ins [^>]*w:author="Penholder"[^>]*w:date="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"/);
    const read = await mammoth.extractRawText({ buffer: bytes });
    expect(read.value).toContain('Urges States parties to cooperate;');
    expect(read.value).toContain(SUMMARY);
  });

  it('is asked for in any of the six languages, and no other', async () => {
    const url = (lang: string) => `${server.url}/api/drafts/${lineage.draft.id}/compare.docx?left=${lineage.short.original}&right=${lineage.short.revised}&lang=${lang}`;
    const headers = { authorization: `Bearer ${token}` };
    for (const lang of ['ar', 'fr']) expect((await fetch(url(lang), { headers })).status, lang).toBe(200);
    const refused = await fetch(url('de'), { headers });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { id: string } }).error.id).toBe(ErrorIds.validation);
  });
});

describe('POST /api/compare (two pasted or uploaded texts)', () => {
  const before = 'Strengthening cooperation\n\nThe Conference,\n\n1. Decides to continue its work;\n\n2. Requests the Secretariat to report;\n\n3. Invites States to contribute.';
  const after =
    'Strengthening cooperation\n\nThe Conference,\n\n1. Decides to continue its work;\n\n2. Urges States parties to cooperate;\n\n3. Requests the Secretariat to report;\n\n4. Invites States to contribute.';

  it('aligns two pasted texts without ids by similarity', async () => {
    const res = await call(server, 'POST', '/api/compare', { token, body: { left: { text: before }, right: { text: after }, leftLabel: 'Monday', rightLabel: 'Tuesday' } });
    expect(res.status).toBe(200);
    expect(res.body.left).toEqual({ spec: null, label: 'Monday', state: 'imported', symbol: null, seq: null, at: null, revision: null });
    expect(res.body.summary.en).toBe('OP 2 inserted; former OP 2–3 renumbered 3–4');
  });

  it('reads an uploaded Word file against a pasted text, and gives the redline of both', async () => {
    const docx = (await exportDocx(englishText(), metaFor({ lang: 'en', originalLanguage: 'en' }))).toString('base64');
    const res = await call(server, 'POST', '/api/compare', { token, body: { left: { docx }, right: { docx } } });
    expect(res.status).toBe(200);
    expect(res.body.summary.en).toBe('No changes');
    const redline = await fetch(`${server.url}/api/compare.docx`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ left: { text: before }, right: { text: after } }),
    });
    expect(redline.status).toBe(200);
    const xml = await (await JSZip.loadAsync(Buffer.from(await redline.arrayBuffer()))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Urges States parties to cooperate;');
    expect(xml).toContain('<w:ins ');
  });

  it('compares texts that print negotiation numbers by those numbers, or says plainly that it numbered them in sequence', async () => {
    const bis = after.replace('2. Urges', '2 bis. Urges').replace('3. Requests', '2. Requests').replace('4. Invites', '3. Invites');
    const res = await call(server, 'POST', '/api/compare', { token, body: { left: { text: before }, right: { text: bis } } });
    expect(res.status).toBe(200);
    expect(res.body.numbering).toBe('negotiation');
    expect(res.body.notes).toEqual([]);
    expect(changed(res.body)).toEqual(['inserted OP 2 bis (new)']);
    expect(res.body.summary.en).toBe('OP 2 bis inserted');
    // The same "2 bis" printed twice cannot be kept: numbered in sequence, and the answer says so.
    const twice = bis.replace('3. Invites', '2 bis. Invites');
    const fallback = await call(server, 'POST', '/api/compare', { token, body: { left: { text: before }, right: { text: twice } } });
    expect(fallback.status).toBe(200);
    expect(fallback.body.numbering).toBe('sequential');
    expect(fallback.body.notes).toHaveLength(1);
    expect(fallback.body.notes[0]).toMatch(/numbered in sequence/);
    // Texts without negotiation numbers are numbered in sequence without a note.
    const plain = await call(server, 'POST', '/api/compare', { token, body: { left: { text: before }, right: { text: after } } });
    expect([plain.body.numbering, plain.body.notes]).toEqual(['sequential', []]);
  });

  it('refuses an empty text or a body of the wrong shape with 400, naming the side', async () => {
    const empty = await call(server, 'POST', '/api/compare', { token, body: { left: { text: '  ' }, right: { text: after } } });
    expect([empty.status, empty.body.error.id]).toEqual([400, ErrorIds.validation]);
    expect(empty.body.error.message).toMatch(/^left: /);
    const shape = await call(server, 'POST', '/api/compare', { token, body: { left: before, right: after } });
    expect([shape.status, shape.body.error.id]).toEqual([400, ErrorIds.validation]);
    const notWord = await call(server, 'POST', '/api/compare', { token, body: { left: { docx: 'aGVsbG8=' }, right: { text: after } } });
    expect(notWord.status).toBeGreaterThanOrEqual(400);
    expect(notWord.status).toBeLessThan(500);
  });
});
