/** Word and pasted texts in the six languages, through `importDocx` and `POST /api/imports/preview?lang=`. */
import { readFileSync } from 'node:fs';
import { Document, LevelFormat, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocx } from '../../../server/export/docxImport';
import { ErrorIds } from '../../../shared/errors';
import { call, loginAs, startTestServer, type TestServer } from '../../helpers/server';
import { makeWorld } from '../../helpers/factories';

const fixture = (file: string) => readFileSync(new URL(`../../fixtures/languages/${file}`, import.meta.url), 'utf8');

// A Word file of a few lines, numbered by Word's own lists (operative paragraphs at level 0, subparagraphs at 1).
async function wordFile(lines: readonly [string, 0 | 1 | null][]): Promise<Uint8Array> {
  const file = new Document({
    numbering: {
      config: [
        {
          reference: 'l',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1 -' },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)' },
          ],
        },
      ],
    },
    sections: [{ children: lines.map(([text, level]) => (level === null ? new Paragraph(text) : new Paragraph({ text, numbering: { reference: 'l', level } }))) }],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

describe('Word files in the six languages', () => {
  it('an Arabic file numbered by Word lists is read as Arabic, its list numbers spelled 1 - and (أ)', async () => {
    const bytes = await wordFile([
      ['استعمال اللغة العربية', null],
      ['إن الجمعية العامة،', null],
      ['إذ تشير إلى قرارها 3190 (د-28)،', null],
      ['تطلب إلى الأمين العام ما يلي:', 0],
      ['تعزيز دائرة الترجمة العربية؛', 1],
      ['إنشاء وحدة للترجمة الشفوية؛', 1],
      ['تقرر أن تبقي المسألة قيد نظرها.', 0],
    ]);
    const read = await importDocx(bytes);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.readAs).toBe('word');
    expect(read.value.report).toMatchObject({ lang: 'ar', langGuessed: true, title: 'استعمال اللغة العربية', formula: 'إن الجمعية العامة،' });
    expect(read.value.report.paragraphs.map((p) => [p.kind, p.asPrinted])).toEqual([
      ['preambular', null],
      ['operative', '1 -'],
      ['subparagraph', '(أ)'],
      ['subparagraph', '(ب)'],
      ['operative', '2 -'],
    ]);
  });

  it('a French file with its labels typed is read by the French conventions, told or not', async () => {
    const lines = fixture('res-34-226.fr.txt')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => [l, null] as [string, null]);
    const bytes = await wordFile(lines);
    for (const lang of [undefined, 'fr'] as const) {
      const read = await importDocx(bytes, lang ? { lang } : {});
      if (!read.ok) throw new Error(read.error.message);
      expect(read.value.report.lang).toBe('fr');
      expect(read.value.report.paragraphs.map((p) => p.asPrinted)).toEqual([null, null, null, null, '1.', 'a)', 'b)', '2.']);
    }
  });
});

describe('POST /api/imports/preview?lang=', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    const world = await makeWorld(server.store);
    token = (await loginAs(server, world.users.secretariat.login, world.users.secretariat.password)).token;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('reads a text in the language asked, and gives each label as printed and as the language prints its number', async () => {
    const res = await call(server, 'POST', '/api/imports/preview?lang=fr', { token, body: { text: fixture('res-34-226.fr.txt') } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ readAs: 'text', lang: 'fr', langGuessed: false });
    const rows = res.body.paragraphs.map((p: { kind: string; asPrinted: string | null; printedLabel: string; label: string }) => [p.kind, p.asPrinted, p.printedLabel, p.label]);
    expect(rows.slice(4)).toEqual([
      ['operative', '1.', '1.', '1.'],
      ['subparagraph', 'a)', 'a)', '(a)'],
      ['subparagraph', 'b)', 'b)', '(b)'],
      ['operative', '2.', '2.', '2.'],
    ]);
  });

  it('guesses the language when none is asked, and says so', async () => {
    const res = await call(server, 'POST', '/api/imports/preview', { token, body: { text: fixture('res-34-226.ar.txt') } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ lang: 'ar', langGuessed: true });
    expect(res.body.paragraphs.map((p: { printedLabel: string }) => p.printedLabel).filter(Boolean)).toEqual(['1 -', '(أ)', '(ب)', '2 -']);
  });

  it('refuses a language that is not one of the six with a validation error', async () => {
    const res = await call(server, 'POST', '/api/imports/preview?lang=de', { token, body: { text: '1. Beschließt.' } });
    expect(res.status).toBe(400);
    expect(res.body.error.id).toBe(ErrorIds.validation);
  });
});
