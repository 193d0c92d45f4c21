/**
 * The same resolution pasted in the six languages through the routes (the fixtures of
 * test/fixtures/languages/, whose README says which texts are the UN's and which are translations
 * made for the tests): General Assembly resolution 35/219 A issued from its English text, every
 * other language stored as its version with the English ids, and the deliberate mismatch refused
 * at the exact paragraph with nothing stored; then the side-by-side view lines English and Arabic up.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPlainText } from '../../../shared/importText';
import { sideBySide } from '../../../shared/languageVersions';
import { startTestServer, type TestServer } from '../../helpers/server';
import { meetingWorld, type MeetingWorld } from '../meeting/helpers';

const dir = path.join(__dirname, '../../fixtures/languages');
const load = (file: string) => readFileSync(path.join(dir, file), 'utf8');

let server: TestServer;
let w: MeetingWorld;
beforeAll(async () => {
  server = await startTestServer();
  const english = importPlainText(load('res-35-219A.en.txt'), { lang: 'en' });
  if (!english.ok) throw new Error(english.error);
  w = await meetingWorld(server, english.value.doc);
  expect((await w.issue()).status).toBe(201);
});
afterAll(() => server.close());

it('stores the resolution in the five other languages as versions of the English, each with its ids', async () => {
  const english = (await w.api('nonSponsor', 'GET', w.draftPath('/revisions/0'))).body.text;
  const ids = (text: { content: { attrs?: { id?: string } }[] }) => text.content.map((n) => n.attrs?.id ?? null);
  for (const lang of ['fr', 'es', 'ru', 'ar', 'zh'] as const) {
    const stored = await w.api('secretariat', 'POST', w.draftPath(`/revisions/0/versions/${lang}`), { text: load(`res-35-219A.${lang}.txt`) });
    expect(stored.status, `${lang}: ${JSON.stringify(stored.body)}`).toBe(201);
    const read = await w.api('nonSponsor', 'GET', w.draftPath(`/revisions/0/versions/${lang}`));
    expect(ids(read.body.text), lang).toEqual(ids(english));
  }
  const list = await w.api('nonSponsor', 'GET', w.draftPath('/versions'));
  expect(list.body.revisions[0].versions.map((v: { lang: string }) => v.lang)).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);

  const arabic = (await w.api('nonSponsor', 'GET', w.draftPath('/revisions/0/versions/ar'))).body.text;
  const rows = sideBySide(english, 'en', arabic, 'ar');
  expect(rows.every((r) => r.a !== null && r.b !== null)).toBe(true);
  const firstOperative = rows.find((r) => r.kind === 'operative')!;
  expect([firstOperative.a!.label, firstOperative.b!.label]).toEqual(['1.', '1 -']);
});

it('refuses the version with a preambular paragraph left out, at PP 3, storing nothing', async () => {
  const before = await server.store.listLanguageVersions(w.draft.id);
  const checked = await w.api('secretariat', 'POST', w.draftPath('/revisions/0/versions/es?check=1'), { text: load('mismatch-35-219A.es.missing.txt') });
  expect(checked.body.mismatches.map((m: { kind: string; at: string }) => [m.kind, m.at])).toEqual([['missing', 'PP 3']]);
  const refused = await w.api('secretariat', 'POST', w.draftPath('/revisions/0/versions/es'), { text: load('mismatch-35-219A.es.missing.txt') });
  expect([refused.status, refused.body.error.id]).toEqual([422, 'version_misaligned']);
  expect(await server.store.listLanguageVersions(w.draft.id)).toEqual(before);
});
