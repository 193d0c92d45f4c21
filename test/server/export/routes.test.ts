import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../server/export/docx';
import { MediaTypes } from '../../../shared/export/transfer';
import { call, loginAs, startTestServer, type TestServer } from '../../helpers/server';
import { makeWorld, type World } from '../../helpers/factories';
import { englishText, metaFor } from '../../shared/export/helpers';
import { validateAkn, xmllintAvailable } from './xmllint';

let server: TestServer;
let world: World;
let token: string;
let sponsorToken: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await makeWorld(server.store);

  token = (await loginAs(server, world.users.secretariat.login, world.users.secretariat.password)).token;
  sponsorToken = (await loginAs(server, world.users.sponsor.login, world.users.sponsor.password)).token;
});

afterAll(async () => {
  await server?.close();
});

describe('imports over HTTP', () => {
  it('previews a Word file (raw body), then puts the confirmed text in as the working text; exports read it back', async () => {
    const bytes = await exportDocx(englishText(), metaFor({ lang: 'en', originalLanguage: 'en' }));
    const res = await fetch(`${server.url}/api/imports/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': MediaTypes.docx },
      body: new Uint8Array(bytes),
    });
    expect(res.status).toBe(200);
    const preview = await res.json();
    expect(preview.readAs).toBe('penholder');
    expect(preview.paragraphs.map((p: { label: string }) => p.label)).toEqual(['', '', '1.', '2.', '(a)', '(i)', '(b)', '', '(a)', '1.']);
    const put = await call(server, 'POST', `/api/drafts/${world.draft.id}/import`, { token: sponsorToken, body: { text: preview.text } });
    expect(put.status).toBe(201);
    // The same text again changes nothing; the log does not grow.
    const seqAfterFirst = await server.store.lastSeq(world.draft.id);
    const again = await call(server, 'POST', `/api/drafts/${world.draft.id}/import`, { token: sponsorToken, body: { text: preview.text } });
    expect(again.status).toBe(201);
    expect(await server.store.lastSeq(world.draft.id)).toBe(seqAfterFirst);

    const txt = await call(server, 'GET', `/api/drafts/${world.draft.id}/export.txt?text=working`, { token });
    expect(txt.status).toBe(200);
    expect(txt.body).toContain('1. Urges States parties to cooperate;');
    const akn = await fetch(`${server.url}/api/drafts/${world.draft.id}/export.akn.xml`, { headers: { authorization: `Bearer ${token}` } });
    expect(akn.headers.get('content-type')).toContain(MediaTypes.akn);
    const xml = await akn.text();
    expect(xml).toContain('Working text (not issued)');
    if (xmllintAvailable()) expect(validateAkn(xml)).toBe('');
    const docx = await fetch(`${server.url}/api/drafts/${world.draft.id}/export.docx?text=working`, { headers: { authorization: `Bearer ${token}` } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('_working.docx');
  });

  it('previews pasted text as JSON', async () => {
    const res = await call(server, 'POST', '/api/imports/preview', { token, body: { text: 'Title\n\nThe Conference,\n\n1. Decides;\n\n2. Requests.' } });
    expect(res.status).toBe(200);
    expect(res.body.readAs).toBe('text');
    expect(res.body.paragraphs.map((p: { kind: string }) => p.kind)).toEqual(['operative', 'operative']);
  });

  it.each([
    ['an empty file', MediaTypes.docx, Buffer.alloc(0), 400, 'empty'],
    ['a text file sent as Word', MediaTypes.docx, Buffer.from('hello'), 415, 'not-docx'],
    ['an empty text', MediaTypes.text, Buffer.from('   '), 400, 'empty'],
  ])('refuses %s with a clear error', async (_what, type, body, status, reason) => {
    const res = await fetch(`${server.url}/api/imports/preview`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });
    expect(res.status).toBe(status);
    expect((await res.json()).error.details.reason).toBe(reason);
  });

  it('refuses a file over the size limit with 413', async () => {
    const res = await fetch(`${server.url}/api/imports/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': MediaTypes.docx },
      body: Buffer.alloc(6 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.id).toBe('payload_too_large');
  });

  it('answers 404 for an unknown revision and 401 without credentials', async () => {
    expect((await call(server, 'GET', `/api/drafts/${world.draft.id}/export.txt?text=CTOC/COP/2099/L.1`, { token })).status).toBe(404);
    expect((await call(server, 'GET', `/api/drafts/${world.draft.id}/export.txt`)).status).toBe(401);
  });
});
