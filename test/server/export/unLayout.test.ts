/**
 * The published document: the Word file opened (unzipped) and read part by part — the symbol
 * block of the first page, headers from page 2, page numbers, footnotes, right-to-left
 * paragraphs, the heading of the adopted text — and the export source read from a real record
 * (the number, the meeting and date of adoption, the text as orally amended) reaching every export.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTexts } from '../../../shared/compare';
import { exportAkn } from '../../../shared/export/akn';
import type { ExportMeta } from '../../../shared/export/meta';
import { exportPlainText } from '../../../shared/export/plainText';
import { importPlainText } from '../../../shared/importText';
import { exportDocx } from '../../../server/export/docx';
import { importDocx } from '../../../server/export/docxImport';
import { exportRedline } from '../../../server/export/redline';
import { loadExportSource, originalLanguageNotInRecord } from '../../../server/export/source';
import { numberOf } from '../../../server/commands/meetingRecord';
import { seedDemo } from '../../../server/demo/seed';
import { statusOfRecord } from '../../../server/readModels/draftStatus';
import { openStore } from '../../../server/storage';
import type { DraftEventRow, Store } from '../../../server/storage/types';
import { doc, fn, op, pp, sub, title, withoutIds } from '../../builders';
import { startTestServer, type TestServer } from '../../helpers/server';
import { englishText, metaFor } from '../../shared/export/helpers';
import { adoptedWithoutVote, meetingWorld, replaceWords, type MeetingWorld } from '../meeting/helpers';
import { validateAkn, xmllintAvailable } from './xmllint';

/** A .docx opened: its body, its footnotes, and its headers and footers by the page they serve. */
interface OpenedDocx {
  document: string;
  footnotes: string;
  headers: { first: string; default: string; even: string };
  footers: { first: string; default: string; even: string };
  settings: string;
}

async function open(bytes: Buffer): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  // sectPr names each header and footer by relationship id; the relationships give the part.
  const part = async (kind: 'header' | 'footer', type: 'first' | 'default' | 'even') => {
    const id = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="([^"]+)"`).exec(document)?.[1];
    const target = id ? new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels) : null;
    return target ? read(`word/${target[1] ?? target[2]}`) : '';
  };
  return {
    document,
    footnotes: await read('word/footnotes.xml'),
    headers: { first: await part('header', 'first'), default: await part('header', 'default'), even: await part('header', 'even') },
    footers: { first: await part('footer', 'first'), default: await part('footer', 'default'), even: await part('footer', 'even') },
    settings: await read('word/settings.xml'),
  };
}

// The visible words of some WordprocessingML, paragraph by paragraph.
const paragraphTexts = (xml: string) => [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
const cells = (xml: string) => [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphTexts(m[0]));

const published = (over: Partial<ExportMeta> = {}) =>
  metaFor({ lang: 'en', originalLanguage: 'en', adoption: { meeting: 11, date: '2022-10-21', number: { kind: 'resolution', number: '11/5' } }, ...over });

describe('Word in the UN layout', () => {
  it('opens with the symbol block: masthead and symbol over a rule, the body beside Distr., date and Original', async () => {
    const { document } = await open(await exportDocx(englishText(), metaFor({ lang: 'en' })));
    const body = document.slice(document.indexOf('<w:body>'));
    expect(body.startsWith('<w:body><w:tbl>')).toBe(true);
    const table = body.slice(0, body.indexOf('</w:tbl>'));
    expect(cells(table)).toEqual([
      ['United Nations'],
      ['CTOC/COP/2022/L.10/Rev.2'],
      ['Conference of the Parties to the United Nations Convention against Transnational Organized Crime'],
      ['Distr.: Limited', '20 October 2022', 'Original: Chinese'],
    ]);
    // The symbol in its own large style; a rule under the first row.
    expect(table).toMatch(/<w:pStyle w:val="PhSymbol"\/><\/w:pPr><w:r><w:t[^>]*>CTOC\/COP\/2022\/L.10\/Rev.2</);
    expect(table).toMatch(/<w:bottom w:val="single"/);
    // Then the session heading, and the revision's proponent line.
    const after = paragraphTexts(body.slice(body.indexOf('</w:tbl>')));
    expect(after.slice(1, 5)).toEqual([
      'Eleventh session',
      'Vienna, 17–21 October 2022',
      'Agenda item 2 (d)',
      'Brazil, European Union (also on behalf of its member States) and Mexico: revised draft resolution',
    ]);
  });

  it('carries the symbol in the header from page 2 (a different first page) and the page number in the footer as a PAGE field', async () => {
    const opened = await open(await exportDocx(englishText(), metaFor({ lang: 'en' })));
    expect(opened.document).toContain('<w:titlePg/>');
    expect(paragraphTexts(opened.headers.default)).toContain('CTOC/COP/2022/L.10/Rev.2');
    expect(opened.headers.first).not.toContain('CTOC/COP/2022');
    expect(opened.footers.default).toMatch(/<w:fldChar w:fldCharType="begin"\/>[\s\S]*<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>[\s\S]*<w:fldChar w:fldCharType="end"\/>/);
    expect(opened.footers.first).not.toContain('PAGE');
    // At the outer edge: right on odd pages, left on even ones (which Word shows only with evenAndOddHeaders).
    expect(opened.settings).toContain('<w:evenAndOddHeaders/>');
    expect(opened.headers.default).toMatch(/<w:jc w:val="right"\/>[\s\S]*CTOC\/COP\/2022\/L.10\/Rev.2/);
    expect(opened.headers.even).toMatch(/<w:jc w:val="left"\/>[\s\S]*CTOC\/COP\/2022\/L.10\/Rev.2/);
    expect(opened.footers.even).toMatch(/<w:jc w:val="left"\/>[\s\S]*<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
  });

  it('mirrors the headers and footers of an Arabic document, bound on the right: the symbol and the page number on the left of odd pages, on the right of even ones', async () => {
    const header = (xml: string) => /<w:jc w:val="(\w+)"\/>/.exec(xml)?.[1];
    const ar = await open(await exportDocx(englishText(), metaFor({ lang: 'ar', originalLanguage: 'en' })));
    expect(paragraphTexts(ar.headers.default)).toContain('CTOC/COP/2022/L.10/Rev.2');
    expect([header(ar.headers.default), header(ar.headers.even), header(ar.footers.default), header(ar.footers.even)]).toEqual(['left', 'right', 'left', 'right']);
    // The symbol is Latin: its paragraph stays left to right, so that "left" is the page's left.
    expect(ar.headers.default).not.toContain('<w:bidi/>');
    const en = await open(await exportDocx(englishText(), metaFor({ lang: 'en' })));
    expect([header(en.headers.default), header(en.headers.even), header(en.footers.default), header(en.footers.even)]).toEqual(['right', 'left', 'right', 'left']);
    // The redline of an Arabic comparison is laid out the same way.
    const comparison = compareTexts(englishText(), englishText());
    const redline = await open(await exportRedline(comparison, { symbol: 'CTOC/COP/2022/L.10/Rev.2', left: 'L.10/Rev.1', right: 'L.10/Rev.2', lang: 'ar' }));
    expect([header(redline.headers.default), header(redline.headers.even)]).toEqual(['left', 'right']);
  });

  it('writes footnotes as Word footnotes, numbered from 1 in every text (the report numbers them through the session)', async () => {
    const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../server/demo/fixtures/cop11-zh/resolution-11-5.txt');
    const printed = readFileSync(fixture, 'utf8');
    expect(printed).toContain('²¹ 联合国，《条约汇编》');
    const imported = importPlainText(printed);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const { document, footnotes } = await open(await exportDocx(imported.value.doc, metaFor()));
    const refs = [...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(refs[0]).toBe(1);
    expect(refs).toEqual(refs.map((_, i) => i + 1));
    expect(footnotes).toMatch(/<w:footnote w:id="1">[\s\S]*?联合国，《条约汇编》，第 2225、2237、2241 和 2326 卷/);
    expect(exportPlainText(imported.value.doc, { lang: 'zh' })).toContain('\n\n¹ 联合国，《条约汇编》');
  });

  it('heads a revision "revised draft resolution" (决议修订草案) and an original L.n "draft resolution"', async () => {
    const zh = paragraphTexts((await open(await exportDocx(englishText(), metaFor()))).document);
    expect(zh).toContain('巴西、欧洲联盟（也代表其成员国）和墨西哥：决议修订草案');
    const original = paragraphTexts((await open(await exportDocx(englishText(), metaFor({ lang: 'en', symbol: 'CTOC/COP/2022/L.10' })))).document);
    expect(original).toContain('Brazil, European Union (also on behalf of its member States) and Mexico: draft resolution');
  });

  it('prints place names in the language of the document: 维也纳, not Vienna, in Chinese', async () => {
    const zh = paragraphTexts(
      (await open(await exportDocx(englishText(), metaFor({ session: { number: 11, place: 'Vienna', opens: '2022-10-17', closes: '2022-10-21' } })))).document,
    );
    expect(zh).toContain('维也纳，2022年10月17日至21日');
    expect(zh.join('\n')).not.toContain('Vienna');
    // The distribution block of a Chinese document is in English (CTOC/COP/2022/15 in Chinese); a version in its original language has no language line.
    expect(zh).toContain('Original: Chinese');
    expect(zh).not.toContain('Chinese');
    // A place the table does not hold is printed as recorded.
    const elsewhere = paragraphTexts(
      (await open(await exportDocx(englishText(), metaFor({ session: { number: 11, place: 'Palermo', opens: '2022-10-17', closes: '2022-10-21' } })))).document,
    );
    expect(elsewhere).toContain('Palermo，2022年10月17日至21日');
  });

  it('says so when the record does not give the original language', async () => {
    const en = paragraphTexts((await open(await exportDocx(englishText(), metaFor({ lang: 'en', originalInRecord: false })))).document);
    expect(en).toContain('Original: not in the record');
    expect(en).not.toContain('Original: Chinese');
    const zh = paragraphTexts((await open(await exportDocx(englishText(), metaFor({ originalInRecord: false })))).document);
    expect(zh).toContain('Original: not in the record');
    // Its language is then printed, as a version not known to be the original.
    expect(zh).toContain('Chinese');
  });

  it('sets an Arabic paragraph right to left (w:bidi, w:rtl), the others left to right', async () => {
    const text = doc(
      title('Strengthening cooperation'),
      pp('Recalling its resolutions,'),
      op('يقرر مواصلة عمله؛', fn('انظر الوثيقة')),
      op('Requests a report.', fn('See A/77/1.')),
    );
    const { document, footnotes } = await open(await exportDocx(text, metaFor({ lang: 'en', originalLanguage: 'en' })));
    const notes = [...footnotes.matchAll(/<w:footnote w:id="\d+">[\s\S]*?<\/w:footnote>/g)].map((m) => m[0]);
    expect(notes.find((n) => n.includes('انظر'))).toMatch(/<w:bidi\/>[\s\S]*<w:rtl\/>/);
    expect(notes.find((n) => n.includes('See A/77/1.'))).not.toContain('<w:bidi/>');
    const ps = [...document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const arabic = ps.find((p) => p.includes('يقرر'))!;
    expect(arabic).toMatch(/<w:pPr>[\s\S]*<w:bidi\/>[\s\S]*<\/w:pPr>/);
    expect(arabic).toContain('<w:rtl/>');
    expect(ps.find((p) => p.includes('Requests a report.'))).not.toContain('<w:bidi/>');
  });
});

describe('the adopted text as published', () => {
  it('reads "Resolution 11/5" and the line of its adoption instead of the draft heading, in English and Chinese', async () => {
    const en = paragraphTexts((await open(await exportDocx(englishText(), published()))).document);
    const at = en.indexOf('Resolution 11/5');
    expect(at).toBeGreaterThan(-1);
    expect(en[at + 1]).toBe('Adopted at the 11th meeting, on 21 October 2022');
    expect(en[at + 2]).toBe('Strengthening international cooperation');
    expect(en.join('\n')).not.toContain('draft resolution');
    const zh = paragraphTexts((await open(await exportDocx(englishText(), published({ lang: 'zh' })))).document);
    expect(zh).toContain('第 11/5 号决议');
    expect(zh).toContain('2022年10月21日第11次会议通过');
    const decision = paragraphTexts(
      (await open(await exportDocx(englishText(), published({ kind: 'decision', adoption: { meeting: 3, date: '2022-10-18', number: { kind: 'decision', number: '11/1' } } }))))
        .document,
    );
    expect(decision).toContain('Decision 11/1');
    expect(decision).toContain('Adopted at the 3rd meeting, on 18 October 2022');
  });

  it('marks a text as orally amended beside the symbol, and in AKN, which still validates', async () => {
    const meta = published({ asOrallyAmended: true });
    const [right] = cells((await open(await exportDocx(englishText(), meta))).document).slice(3);
    expect(right).toEqual(['Distr.: Limited', '20 October 2022', 'Original: English', 'As orally amended']);
    const xml = exportAkn(englishText(), meta);
    expect(xml).toContain('<p class="asOrallyAmended">As orally amended</p>');
    expect(xml).toContain('<p class="publishedAs">Resolution 11/5</p>');
    expect(xml).toContain('<p class="adoption">Adopted at the 11th meeting, on 21 October 2022</p>');
    if (xmllintAvailable()) expect(validateAkn(xml)).toBe('');
  });

  it('reads the provenance note that the original language is not in the record, for the draft or one text', () => {
    const row = (type: string, payload: Record<string, unknown>, seq = 1) => ({ seq, type, payload }) as unknown as DraftEventRow;
    const prefix = 'CTOC/COP/2022';
    expect(originalLanguageNotInRecord([row('provenance', { kind: 'original_language_not_in_record', symbol: null, note: null })], `${prefix}/L.4`, prefix)).toBe(true);
    expect(originalLanguageNotInRecord([row('provenance', { kind: 'original_language_not_in_record', symbol: 'L.4', note: null })], `${prefix}/L.4`, prefix)).toBe(true);
    expect(originalLanguageNotInRecord([row('provenance', { kind: 'original_language_not_in_record', symbol: 'L.5', note: null })], `${prefix}/L.4`, prefix)).toBe(false);
    expect(originalLanguageNotInRecord([row('provenance', { kind: 'illustrative', symbol: null, note: null })], `${prefix}/L.4`, prefix)).toBe(false);
  });
});

describe('the export source from the record', () => {
  let server: TestServer;
  let w: MeetingWorld;
  beforeAll(async () => {
    server = await startTestServer();
    w = await meetingWorld(server);
    expect((await w.issue()).status).toBe(201);
    expect((await w.amend(replaceWords)).status).toBe(201);
    expect((await w.record('adopted', { ...adoptedWithoutVote, orallyAmended: true })).status).toBe(201);
    // The number the secretariat gives after adoption (a `numbered` entry, not the adoption's `becomes`).
    expect((await w.api('secretariat', 'POST', w.draftPath('/number'), { number: '11/5' })).status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('gives the text as orally amended its number, meeting and date, and every export prints them', async () => {
    const source = await loadExportSource(server.store, w.draft.id, `amended:${w.short()}`, 'en');
    expect(source.meta).toMatchObject({
      symbol: `${w.session.symbolPrefix}/L.1`,
      textState: 'issued',
      asOrallyAmended: true,
      adoption: { meeting: 11, date: '2022-10-21', number: { kind: 'resolution', number: '11/5' } },
    });
    expect(source.adoptedAs).toEqual({ kind: 'resolution', number: '11/5', meeting: 11, date: '2022-10-21' });
    expect(JSON.stringify(source.text)).toContain('thirteenth');
    const word = paragraphTexts((await open(await exportDocx(source.text, source.meta, { numbering: source.numbering }))).document);
    expect(word).toContain('Resolution 11/5');
    expect(word).toContain('Adopted at the 11th meeting, on 21 October 2022');
    expect(word).toContain('As orally amended');
    const plain = exportPlainText(source.text, { numbering: source.numbering, adoptedAs: source.adoptedAs, lang: 'en' }).split('\n\n');
    expect(plain.slice(0, 2)).toEqual(['Resolution 11/5', 'Strengthening international cooperation']);
    expect(plain.at(-1)).toBe('Adopted at the 11th meeting, on 21 October 2022\n');
    const akn = exportAkn(source.text, source.meta, source.record, { numbering: source.numbering });
    expect(akn).toContain('<p class="publishedAs">Resolution 11/5</p>');
    // The workflow's outcome is the number given after the adoption.
    expect(akn).toMatch(/<step date="2022-10-21" by="#[a-z0-9-]+" refersTo="#adoptedAsOrallyAmended" outcome="#resolution-11-5"\/>/);
    if (xmllintAvailable()) expect(validateAkn(akn)).toBe('');
  });

  it('does not publish the issued text when the body adopted it as orally amended: that is not the text acted on', async () => {
    const source = await loadExportSource(server.store, w.draft.id, w.short(), 'en');
    expect(source.meta.asOrallyAmended).toBe(false);
    expect(source.meta.adoption).toBeNull();
    expect(source.adoptedAs).toBeNull();
    expect(JSON.stringify(source.text)).toContain('twelfth');
  });

  it('reads a number over HTTP in every export format', async () => {
    for (const format of ['txt', 'akn.xml', 'docx']) {
      const res = await fetch(`${server.url}/api/drafts/${w.draft.id}/export.${format}?text=${encodeURIComponent(`amended:${w.short()}`)}&lang=en`, {
        headers: { cookie: w.as.secretariat.cookie },
      });
      expect(res.status, format).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      const words = format === 'docx' ? paragraphTexts((await open(bytes)).document).join('\n') : bytes.toString('utf8');
      expect(words, format).toContain('Resolution 11/5');
    }
  });

  it('publishes the final text even when the adoption says "as orally amended" and the record holds no amendment: the issued text, not labelled amended', async () => {
    const other = await meetingWorld(server);
    expect((await other.issue()).status).toBe(201);
    expect((await other.record('adopted', { ...adoptedWithoutVote, meeting: 9, orallyAmended: true })).status).toBe(201);
    const source = await loadExportSource(server.store, other.draft.id, 'final', 'en');
    expect(source.meta.adoption).toEqual({ meeting: 9, date: '2022-10-21', number: null });
    expect(source.meta.asOrallyAmended).toBe(false);
    const word = paragraphTexts((await open(await exportDocx(source.text, source.meta, { numbering: source.numbering }))).document);
    expect(word).toContain('Adopted at the 9th meeting, on 21 October 2022');
    expect(word).not.toContain('As orally amended');
    // Not yet numbered: no number line, and the plain text has nothing to print before the title.
    expect(word.join('\n')).not.toContain('Resolution ');
    expect(source.adoptedAs).toBeNull();
  });

  it('once frozen, every export by default is the final text as published: the amended words, the number, the adoption line', async () => {
    expect((await w.api('secretariat', 'POST', w.draftPath('/freeze'), {})).status).toBe(201);
    for (const format of ['txt', 'akn.xml', 'docx']) {
      const res = await fetch(`${server.url}/api/drafts/${w.draft.id}/export.${format}?lang=en`, { headers: { cookie: w.as.secretariat.cookie } });
      expect(res.status, format).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      const words = format === 'docx' ? paragraphTexts((await open(bytes)).document).join('\n') : bytes.toString('utf8');
      expect(words, format).toContain('Resolution 11/5');
      expect(words, format).toContain('Adopted at the 11th meeting, on 21 October 2022');
      expect(words, format).toContain('at its thirteenth session');
      expect(words, format).not.toContain('twelfth');
      if (format !== 'txt') expect(words, format).toContain('As orally amended');
      if (format === 'akn.xml' && xmllintAvailable()) expect(validateAkn(bytes.toString('utf8'))).toBe('');
    }
  });
});

describe('the text a published document shows', () => {
  it('reads back into the same text: the symbol block, the number and the adoption line are not text', async () => {
    const back = await importDocx(await exportDocx(englishText(), published({ asOrallyAmended: true, originalInRecord: false })));
    expect(back.ok && back.value.readAs).toBe('penholder');
    if (back.ok) expect(back.value.doc.toJSON()).toEqual(englishText().toJSON());
  });

  it('keeps numbering and footnotes of the text itself', async () => {
    const text = doc(title('T'), op('Decides to continue', fn('See A/77/1.'), ';'), op('Requests a report.'));
    const { document } = await open(await exportDocx(text, published()));
    expect(document).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(document.match(/<w:pStyle w:val="PhOperative"\/><w:numPr>/g)).toHaveLength(2);
  });
});

describe('the demo session, published', () => {
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'penholder-unlayout-'));
    store = await openStore({ dataDir: dir });
    await seedDemo(store, { passwords: 'fixed' });
  });
  afterAll(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('exports the final text of every adopted draft under its number, with the meeting and date of adoption, its original language not in the record', async () => {
    const session = (await store.listSessions()).find((s) => s.symbolPrefix === 'CTOC/COP/2022')!;
    let adopted = 0;
    for (const draft of await store.listDrafts(session.id)) {
      const rows = await store.listDraftEvents(draft.id);
      const action = statusOfRecord(rows).finalAction;
      if (action?.type !== 'adopted') continue;
      adopted++;
      const number = numberOf(rows)!;
      const source = await loadExportSource(store, draft.id, 'final', 'zh');
      expect(source.meta.adoption).toEqual({ meeting: action.meeting, date: action.date, number });
      expect(source.meta.originalInRecord).toBe(false);
      const word = paragraphTexts((await open(await exportDocx(source.text, source.meta, { numbering: source.numbering }))).document);
      expect(word).toContain(`第 ${number.number} 号${number.kind === 'decision' ? '决定' : '决议'}`);
      expect(word).toContain(`2022年10月21日第${action.meeting}次会议通过`);
      expect(word).toContain('Chinese');
      expect(word).toContain('Original: not in the record');
      expect(word).toContain('维也纳，2022年10月17日至21日');
      expect(word.includes('经口头修正')).toBe(action.orallyAmended);
    }
    // Six resolutions and two decisions.
    expect(adopted).toBe(8);
  });
});

describe('a language version as a file', () => {
  // Words made for this test (not a UN translation): an Arabic and a French text with every kind of numbered paragraph and a footnote.
  const arabic = () =>
    doc(
      title('تعزيز التعاون الدولي'),
      pp({ id: 'p1' }, 'إذ يشير إلى قراره 10/4،', fn({ id: 'f1' }, 'انظر الوثيقة CTOC/COP/2020/10.')),
      op({ id: 'o1' }, 'يطلب إلى الأمانة:'),
      sub({ id: 's1' }, 'أن تساعد الدول؛'),
      sub({ id: 's2' }, 'أن تقدم تقريرا؛'),
      op({ id: 'o2' }, 'يقرر مواصلة عمله.'),
    );
  const french = () =>
    doc(
      title('Renforcement de la coopération internationale'),
      pp({ id: 'p1' }, 'Rappelant sa résolution 10/4,'),
      op({ id: 'o1' }, 'Prie le Secrétariat\u00a0:'),
      sub({ id: 's1' }, 'D’aider les États\u00a0;'),
      sub({ id: 's2' }, 'De faire rapport\u00a0;'),
      op({ id: 'o2' }, 'Décide de poursuivre ses travaux.'),
    );

  it('types the Arabic numbers Word cannot be trusted to count — (أ), (ب) — and reads the file back into the same text', async () => {
    const bytes = await exportDocx(arabic(), metaFor({ lang: 'ar', originalLanguage: 'en' }));
    const { document } = await open(bytes);
    const texts = paragraphTexts(document);
    expect(texts).toContain('1 -\tيطلب إلى الأمانة:');
    expect(texts).toContain('(أ)\tأن تساعد الدول؛');
    expect(texts).toContain('(ب)\tأن تقدم تقريرا؛');
    const back = await importDocx(bytes);
    expect(back.ok && back.value.readAs).toBe('penholder');
    if (back.ok) expect(back.value.doc.toJSON()).toEqual(arabic().toJSON());
  });

  it('counts French subparagraphs with Word numbering "a)" and reads the file back into the same text', async () => {
    const bytes = await exportDocx(french(), metaFor({ lang: 'fr', originalLanguage: 'en' }));
    const zip = await JSZip.loadAsync(bytes);
    const numbering = (await zip.file('word/numbering.xml')?.async('string')) ?? '';
    expect(numbering).toContain('<w:lvlText w:val="%2)"/>');
    expect(paragraphTexts((await open(bytes)).document)).toContain('D’aider les États\u00a0;');
    const back = await importDocx(bytes);
    if (back.ok) expect(back.value.doc.toJSON()).toEqual(french().toJSON());
    expect(back.ok).toBe(true);
  });

  it('prints the plain text with the language’s numbers', () => {
    const ar = exportPlainText(arabic(), { lang: 'ar' }).split('\n\n');
    expect(ar).toContain('1 - يطلب إلى الأمانة:');
    expect(ar).toContain('(أ) أن تساعد الدول؛');
    const fr = exportPlainText(french(), { lang: 'fr' }).split('\n\n');
    expect(fr).toContain('a) D’aider les États\u00a0;');
    // And reads back into the same structure with the importer of that language (shared/importText.ts).
    for (const [lang, text] of [
      ['ar', arabic()],
      ['fr', french()],
    ] as const) {
      const back = importPlainText(exportPlainText(text, { lang }), { lang });
      expect(back.ok, lang).toBe(true);
      if (back.ok) expect(withoutIds(back.value.doc), lang).toEqual(withoutIds(text));
    }
  });
});
