/**
 * Exports of language versions over HTTP: a revision issued in English, its French, Spanish,
 * Russian and Arabic versions stored through the store (server/storage/versionRepos.ts), each
 * exported as Word, Akoma Ntoso, plain text and the print view's JSON in its own language —
 * its words, its numbers as that language prints them, the symbol block as UN documents in that
 * language print it, Arabic right to left — and `version_not_found` where no version is recorded;
 * a version carried forward marks, in each, the paragraph that still holds the English words.
 *
 * The translations below were written for these tests; they are not the UN's official texts.
 */
import JSZip from 'jszip';
import type { Node as PMNode } from 'prosemirror-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../shared/languages';
import { doc, em, op, pp, title } from '../../builders';
import { startTestServer, type TestServer } from '../../helpers/server';
import { meetingWorld, type MeetingWorld } from '../meeting/helpers';
import { validateAkn, xmllintAvailable } from './xmllint';

// The meeting world's English text (test/server/meeting/helpers.ts draftText), paragraph by paragraph, with its ids.
const VERSIONS: Record<'fr' | 'es' | 'ru' | 'ar', PMNode> = {
  fr: doc(
    title('Renforcement de la coopération internationale'),
    pp({ id: 'pp1' }, em('Rappelant'), ' sa résolution 10/4,'),
    op({ id: 'op1' }, 'Décide de poursuivre ses travaux\u00a0;'),
    op({ id: 'op2' }, 'Prie le Secrétariat de lui faire rapport à sa douzième session\u00a0;'),
    op({ id: 'op3' }, 'Invite les États Membres à contribuer.'),
  ),
  es: doc(
    title('Fortalecimiento de la cooperación internacional'),
    pp({ id: 'pp1' }, em('Recordando'), ' su resolución 10/4,'),
    op({ id: 'op1' }, 'Decide proseguir su labor;'),
    op({ id: 'op2' }, 'Solicita a la Secretaría que la informe en su 12º período de sesiones;'),
    op({ id: 'op3' }, 'Invita a los Estados Miembros a que contribuyan.'),
  ),
  ru: doc(
    title('Укрепление международного сотрудничества'),
    pp({ id: 'pp1' }, em('ссылаясь'), ' на свою резолюцию 10/4,'),
    op({ id: 'op1' }, 'постановляет продолжить свою работу;'),
    op({ id: 'op2' }, 'просит секретариат представить Конференции доклад на ее двенадцатой сессии;'),
    op({ id: 'op3' }, 'предлагает государствам-членам вносить взносы.'),
  ),
  ar: doc(
    title('تعزيز التعاون الدولي'),
    pp({ id: 'pp1' }, em('إذ يشير'), ' إلى قراره 10/4،'),
    op({ id: 'op1' }, 'يقرر مواصلة عمله؛'),
    op({ id: 'op2' }, 'يطلب إلى الأمانة أن تقدم تقريرا إلى المؤتمر في دورته الثانية عشرة؛'),
    op({ id: 'op3' }, 'يدعو الدول الأعضاء إلى المساهمة.'),
  ),
};

let server: TestServer;
let w: MeetingWorld;

async function get(path: string): Promise<Response> {
  return fetch(`${server.url}/api/drafts/${w.draft.id}${path}`, { headers: { cookie: w.as.nonSponsor.cookie } });
}

async function wordParts(res: Response): Promise<{ document: string; numbering: string; styles: string }> {
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const part = async (name: string) => (await zip.file(`word/${name}.xml`)?.async('string')) ?? '';
  return { document: await part('document'), numbering: await part('numbering'), styles: await part('styles') };
}

// The visible words of WordprocessingML, paragraph by paragraph.
const paragraphTexts = (xml: string) => [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

beforeAll(async () => {
  server = await startTestServer();
  w = await meetingWorld(server);
  expect((await w.issue()).status).toBe(201);
  const [issued] = await server.store.listRevisions(w.draft.id);
  for (const [lang, text] of Object.entries(VERSIONS)) {
    await server.store.addLanguageVersion({
      draftId: w.draft.id,
      revision: issued!.revision,
      lang: lang as Lang,
      kind: 'issued',
      text: text.toJSON(),
      pending: [],
      note: null,
      recordSeq: null,
      recordedBy: w.users.secretariat.id,
    });
  }
});

afterAll(async () => {
  await server?.close();
});

describe('plain text of a language version', () => {
  it.each([
    ['fr', '1. Décide de poursuivre ses travaux\u00a0;', 'Renforcement de la coopération internationale'],
    ['es', '2. Solicita a la Secretaría', 'Fortalecimiento de la cooperación internacional'],
    ['ru', '3. предлагает государствам-членам вносить взносы.', 'Укрепление международного сотрудничества'],
    ['ar', '1 - يقرر مواصلة عمله؛', 'تعزيز التعاون الدولي'],
  ])('%s: the version’s words with the numbers as its documents print them', async (lang, paragraph, heading) => {
    const res = await get(`/export.txt?lang=${lang}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`_${lang}.txt`);
    const text = await res.text();
    expect(text).toContain(paragraph);
    expect(text.split('\n\n')[0]).toBe(heading);
    expect(text).not.toContain('Decides to continue');
  });
});

describe('Akoma Ntoso of a language version', () => {
  it.each([
    ['fr', 'fra', 'Distr. limitée', 'Original\u00a0: anglais', 'Français'],
    ['es', 'spa', 'Distr. limitada', 'Original: inglés', 'Español'],
    ['ru', 'rus', 'Distr.: Limited', 'Original: English', 'Russian'],
    ['ar', 'ara', 'Distr.: Limited', 'Original: English', 'Arabic'],
  ])('%s: FRBRlanguage %s, xml:lang, a translation of the English original, the block as its documents print it; valid', async (lang, iso, distribution, original, version) => {
    const res = await get(`/export.akn.xml?lang=${lang}`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain(`<FRBRlanguage language="${iso}"/>`);
    expect(xml).toMatch(/<FRBRtranslation href="[^"]+\/eng@[^"]+" fromLanguage="eng" authoritative="true" by="#secretariat"\/>/);
    expect(xml).toContain(`<preface xml:lang="${lang}">`);
    expect(xml).toContain(`<mainBody xml:lang="${lang}">`);
    expect(xml).toContain(`<docStatus>${distribution}</docStatus>`);
    expect(xml).toContain(`<p class="version">${version}</p>`);
    expect(xml).toContain(`<p class="original">${original}</p>`);
    expect(xml).toContain(`<docTitle>${VERSIONS[lang as keyof typeof VERSIONS].firstChild!.textContent}</docTitle>`);
    if (xmllintAvailable()) expect(validateAkn(xml)).toBe('');
  });

  it('the reference language needs no version and names no translation', async () => {
    const xml = await (await get('/export.akn.xml?lang=en')).text();
    expect(xml).toContain('<FRBRlanguage language="eng"/>');
    expect(xml).not.toContain('FRBRtranslation');
    expect(xml).not.toContain('class="version"');
  });
});

describe('Word of a language version', () => {
  it('Arabic runs right to left: section and paragraphs w:bidi, runs w:rtl, the symbol block mirrored, numbers "1 -"', async () => {
    const res = await get('/export.docx?lang=ar');
    expect(res.status).toBe(200);
    const { document, numbering, styles } = await wordParts(res);
    // Proofed as Arabic: the complex-script language of the document's default run.
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang [^>]*w:bidi="ar-SA"[\s\S]*<\/w:docDefaults>/);
    expect(document).toMatch(/<w:sectPr\b[\s\S]*<w:titlePg\/>[\s\S]*<w:bidi\/>[\s\S]*<w:docGrid\b[\s\S]*<\/w:sectPr>/);
    expect(document).toMatch(/<w:tblPr>[\s\S]*<w:bidiVisual\/>[\s\S]*<\/w:tblPr>/);
    const paragraphs = [...document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const decides = paragraphs.find((p) => p.includes('يقرر مواصلة عمله'))!;
    expect(decides).toMatch(/<w:pPr>[\s\S]*<w:bidi\/>[\s\S]*<\/w:pPr>/);
    expect(decides).toContain('<w:rtl/>');
    // Aligned at the paragraph's start, which is the right in a right-to-left paragraph: no alignment to the left.
    expect(decides).not.toContain('<w:jc w:val="left"/>');
    expect(numbering).toContain('<w:lvlText w:val="%1 -"/>');
    const words = paragraphTexts(document);
    expect(words).toContain('الأمم المتحدة');
    expect(words).toContain('Arabic');
    expect(words).toContain('Original: English');
    expect(words).toContain('تعزيز التعاون الدولي');
  });

  it.each([
    ['fr', 'Nations Unies', 'Français', 'projet de résolution'],
    ['es', 'Naciones Unidas', 'Español', 'proyecto de resolución'],
    ['ru', 'Организация Объединенных Наций', 'Russian', 'проект резолюции'],
  ])('%s: masthead, language line and proponent in the version’s language, left to right', async (lang, masthead, version, noun) => {
    const res = await get(`/export.docx?lang=${lang}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`_${lang}.docx`);
    const { document, numbering, styles } = await wordParts(res);
    expect(styles).toMatch(new RegExp(`<w:docDefaults>[\\s\\S]*<w:lang w:val="${lang}-[A-Z]{2}"`));
    const words = paragraphTexts(document);
    expect(words).toContain(masthead);
    expect(words).toContain(version);
    expect(words.some((p) => p.includes(noun))).toBe(true);
    expect(document).not.toContain('<w:bidi/>');
    expect(numbering).toContain('<w:lvlText w:val="%1."/>');
  });
});

describe('the print view of a language version', () => {
  it('gives the Arabic version right to left with the heading lines the Word file prints', async () => {
    const res = await get('/print-view?lang=ar');
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view).toMatchObject({
      lang: 'ar',
      dir: 'rtl',
      version: true,
      lines: { masthead: 'الأمم المتحدة', distribution: 'Distr.: Limited', version: 'Arabic', original: 'Original: English' },
    });
    expect(JSON.stringify(view.text)).toContain('يقرر مواصلة عمله؛');
  });

  it('gives the reference text left to right by default', async () => {
    const view = await (await get('/print-view')).json();
    expect(view).toMatchObject({ lang: 'en', dir: 'ltr', version: false, lines: { masthead: 'United Nations', version: null, original: 'Original: English' } });
  });
});

describe('a version that is not recorded', () => {
  it('answers 404 version_not_found for a language without a version, and for the working text in another language', async () => {
    for (const path of ['/export.docx?lang=zh', '/export.txt?lang=zh', '/export.akn.xml?lang=zh', '/print-view?lang=zh', '/export.txt?text=working&lang=fr']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      const body = await res.json();
      expect(body.error.id, path).toBe('version_not_found');
      expect(body.error.message, path).toMatch(/no (Chinese|French) version of /);
    }
  });

  it('refuses a language that is not one of the six', async () => {
    expect((await get('/export.txt?lang=de')).status).toBe(400);
  });
});

describe('a version carried forward', () => {
  const note = ' [Aún no traducido: texto en el idioma de referencia]';

  beforeAll(async () => {
    const [issued] = await server.store.listRevisions(w.draft.id);
    await server.store.addLanguageVersion({
      draftId: w.draft.id,
      revision: issued!.revision,
      lang: 'es',
      kind: 'carried_forward',
      text: doc(
        title('Fortalecimiento de la cooperación internacional'),
        pp({ id: 'pp1' }, em('Recordando'), ' su resolución 10/4,'),
        op({ id: 'op1' }, 'Decide proseguir su labor;'),
        op({ id: 'op2' }, 'Requests the Secretariat to report to the Conference at its twelfth session;'),
        op({ id: 'op3' }, 'Invita a los Estados Miembros a que contribuyan.'),
      ).toJSON(),
      pending: ['op2'],
      note: null,
      recordSeq: null,
      recordedBy: w.users.secretariat.id,
    });
  });

  it('tells the print view which paragraphs still hold the reference language’s words', async () => {
    const view = await (await get('/print-view?lang=es')).json();
    expect(view.pending).toEqual(['op2']);
    expect((await (await get('/print-view?lang=fr')).json()).pending).toEqual([]);
  });

  it('plain text: the note in Spanish after the paragraph not yet translated, none after the others', async () => {
    const lines = (await (await get('/export.txt?lang=es')).text()).trim().split('\n\n');
    expect(lines).toContain(`2. Requests the Secretariat to report to the Conference at its twelfth session;${note}`);
    expect(lines).toContain('1. Decide proseguir su labor;');
    expect(lines.filter((l) => l.includes(note))).toHaveLength(1);
    // Neither the reference text nor a version wholly translated carries it.
    expect(await (await get('/export.txt')).text()).not.toContain('Not yet translated');
    expect(await (await get('/export.txt?lang=fr')).text()).not.toContain('Pas encore traduit');
  });

  it('Akoma Ntoso: the paragraph classed notYetTranslated, its words in English, the note in a remark; valid', async () => {
    const xml = await (await get('/export.akn.xml?lang=es')).text();
    expect(xml).toMatch(/<paragraph eId="para_2" GUID="op2" class="notYetTranslated">\s*<num>2.<\/num>\s*<content>\s*<p xml:lang="en">Requests/);
    expect(xml).toContain(`<p xml:lang="en">Requests the Secretariat to report to the Conference at its twelfth session;<remark xml:lang="es">${note}</remark></p>`);
    expect(xml).toMatch(/<paragraph eId="para_1" GUID="op1">\s*<num>1.<\/num>\s*<content>\s*<p>Decide proseguir su labor;<\/p>/);
    expect(xml.match(/notYetTranslated/g)).toHaveLength(1);
    if (xmllintAvailable()) expect(validateAkn(xml)).toBe('');
  });

  it('Word: the note in italics after the paragraph not yet translated, none after the others', async () => {
    const { document } = await wordParts(await get('/export.docx?lang=es'));
    const words = paragraphTexts(document);
    expect(words).toContain(`Requests the Secretariat to report to the Conference at its twelfth session;${note}`);
    expect(words).toContain('Decide proseguir su labor;');
    expect(words.filter((p) => p.includes(note))).toHaveLength(1);
    expect(document).toContain('<w:rStyle w:val="PhPendingNote"/><w:i/>');
  });
});
