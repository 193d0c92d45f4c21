/**
 * Characters no file takes, in a stored text: every export is still a file its reader opens.
 * U+FFFE in a paragraph made Word's document.xml not well-formed (Word refuses the whole file),
 * and a soft line break copied from Word (U+000B) was dropped, gluing two words together.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../../shared/compare';
import { exportAkn } from '../../../shared/export/akn';
import { exportPlainText } from '../../../shared/export/plainText';
import { printable } from '../../../shared/export/printable';
import { exportDocx } from '../../../server/export/docx';
import { exportRedline } from '../../../server/export/redline';
import { doc, fn, formula, op, title } from '../../builders';
import { metaFor } from '../../shared/export/helpers';
import { validateAkn, XMLLINT, xmllintAvailable } from './xmllint';

const canValidate = xmllintAvailable();

// xmllint's complaints about an XML document ('' when it is well-formed).
function notWellFormed(xml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'xml-'));
  try {
    const file = path.join(dir, 'part.xml');
    writeFileSync(file, xml);
    const run = spawnSync(XMLLINT, ['--noout', '--nonet', file], { encoding: 'utf8' });
    return run.status === 0 ? '' : `${run.stderr}`.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const words = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

// A stored text as a paste from Word or a hostile client could leave it.
const unruly = () =>
  doc(
    title('Strengthening\u000Bcooperation'),
    formula('The Conference of the Parties,'),
    op('Decides\u000Bto meet\uFFFE again\u2028in Vienna;', fn('See\u000CCTOC/COP/2022/1\uFFFF.')),
    op('Requests a report\u0007.'),
  );

describe('characters a file cannot carry', () => {
  it('prints breaks copied from Word as spaces and drops what XML refuses, leaving other text as it is', () => {
    expect(printable('Decides\u000Bto meet\uFFFE again\u2028in\u000CVienna\u0007.')).toBe('Decides to meet again in Vienna.');
    const plain = 'Décide de se réunir\u00a0; 决定 — يقرر\t(a)';
    expect(printable(plain)).toBe(plain);
    expect(printable('a\uD800b\uDC00c \uD83D\uDE00')).toBe('abc \uD83D\uDE00');
  });

  it.skipIf(!canValidate)('gives a Word file whose parts are well-formed, the words apart', async () => {
    const zip = await JSZip.loadAsync(await exportDocx(unruly(), metaFor({ lang: 'en' })));
    const document = (await zip.file('word/document.xml')!.async('string'))!;
    const footnotes = (await zip.file('word/footnotes.xml')!.async('string'))!;
    expect(notWellFormed(document)).toBe('');
    expect(notWellFormed(footnotes)).toBe('');
    expect(words(document)).toContain('Decides to meet again in Vienna;');
    expect(words(document)).toContain('Strengthening cooperation');
    expect(words(footnotes)).toContain('See CTOC/COP/2022/1.');
  });

  it.skipIf(!canValidate)('gives a valid Akoma Ntoso document and plain text with the words apart', () => {
    const xml = exportAkn(unruly(), metaFor());
    expect(validateAkn(xml)).toBe('');
    expect(xml).toContain('Decides to meet again in Vienna;');
    const text = exportPlainText(unruly(), { lang: 'en' });
    expect(text).toContain('Decides to meet again in Vienna;');
    expect([...text].filter((c) => '\u000B\u000C\uFFFE\uFFFF\u0007'.includes(c))).toEqual([]);
  });

  it.skipIf(!canValidate)('gives a redline whose document is well-formed', async () => {
    const older = doc(title('T'), formula('The Conference of the Parties,'), op('Decides to meet;'));
    const bytes = await exportRedline(compareTexts(older, unruly()), { symbol: 'CTOC/COP/2022/L.1', left: 'L.1', right: 'working text', lang: 'en' });
    const document = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string'))!;
    expect(notWellFormed(document)).toBe('');
    expect(words(document)).toContain('in Vienna');
  });
});
