/** The Word redline: every change a tracked change, whole paragraphs with their marks, numbers kept, moves as moves, notes as notes. */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTexts } from '../../../shared/compare';
import { blockOrder, exportRedline, orderFromReferences, REDLINE_AUTHOR } from '../../../server/export/redline';
import { negotiationBase, sequentialNumbering } from '../../../shared/numbering';
import { annex, doc, fn, heading, op, pp, sub, sub2, title } from '../../builders';
import { issueLineage, original, revised, TYPED, type Lineage } from '../../helpers/lineage';
import { makeWorld, type World } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/server';
import { redlineContext } from '../../../server/export/redlineAuthors';
import { loadDraftTexts, resolveText } from '../../../server/texts';

const documentXml = async (bytes: Buffer) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
async function wordParts(bytes: Buffer): Promise<{ document: string; footnotes: string }> {
  const zip = await JSZip.loadAsync(bytes);
  return { document: await zip.file('word/document.xml')!.async('string'), footnotes: (await zip.file('word/footnotes.xml')?.async('string')) ?? '' };
}
// The body's paragraphs, each as its XML.
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
const options = { left: 'L.1', right: 'L.1/Rev.1', symbol: 'X/L.1/Rev.1', lang: 'en' as const, date: new Date('2022-10-18T09:30:00.123Z') };

describe('exportRedline', () => {
  it('tracks an inserted and a deleted paragraph with their paragraph marks, and a renumbering on the label', async () => {
    const xml = await documentXml(await exportRedline(compareTexts(original(), revised()), options));
    const ps = paragraphs(xml);
    const inserted = ps.find((p) => p.includes('Urges States parties'))!;
    expect(inserted).toMatch(/<w:pPr>[\s\S]*<w:rPr><w:ins [^>]*w:author="Penholder"/);
    const deleted = ps.find((p) => p.includes('transnational organized crime'))!;
    expect(deleted).toMatch(/<w:pPr>[\s\S]*<w:rPr><w:del /);
    expect(deleted).not.toContain('<w:t ');
    // OP 2 → OP 3: "2." struck, "3." inserted, the text untouched.
    const renumbered = ps.find((p) => p.includes('Requests the Secretariat'))!;
    expect(renumbered).toMatch(/<w:del [^>]*>[\s\S]*?<w:delText[^>]*>2\.<\/w:delText>/);
    expect(renumbered).toMatch(/<w:ins [^>]*>[\s\S]*?<w:t[^>]*>3\.<\/w:t>/);
    expect(xml).toContain('w:date="2022-10-18T09:30:00Z"');
    // Every revision id is distinct: Word refuses to accept a change whose id repeats.
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps Chinese edits inside a sentence, and a footnote as a Word footnote with its change tracked inside it', async () => {
    const a = doc(title('加强国际合作'), op({ id: 'o1' }, '决定继续开展工作', fn('联合国，《条约汇编》'), '；'));
    const b = doc(title('加强国际合作'), op({ id: 'o1' }, '决定继续并加强开展工作', fn('联合国，《条约汇编》，第 2225 卷'), '；'));
    const bytes = await exportRedline(compareTexts(a, b), { ...options, lang: 'zh' });
    const { document, footnotes } = await wordParts(bytes);
    expect(document).toMatch(/<w:ins [^>]*>[\s\S]*?<w:t[^>]*>并加强<\/w:t>/);
    expect(document).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(document).not.toContain('联合国');
    expect(footnotes).toMatch(/<w:footnote w:id="1">[\s\S]*联合国，《条约汇编》[\s\S]*<w:ins [^>]*>[\s\S]*?<w:t[^>]*>，第 2225 卷<\/w:t>/);
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    expect(text).toContain('比较：L.1 → L.1/Rev.1');
    expect(text).toContain(REDLINE_AUTHOR);
  });

  it('words its heading and the summary in the language asked for, Arabic right to left', async () => {
    const comparison = compareTexts(original(), revised());
    for (const [lang, heading] of [
      ['fr', 'Comparaison de L.1 avec L.1/Rev.1'],
      ['es', 'Comparación de L.1 con L.1/Rev.1'],
      ['ru', 'Сравнение L.1 с L.1/Rev.1'],
      ['ar', 'مقارنة L.1 مع L.1/Rev.1'],
    ] as const) {
      const bytes = await exportRedline(comparison, { ...options, lang });
      const text = (await mammoth.extractRawText({ buffer: bytes })).value;
      expect(text).toContain(heading);
      expect(text).toContain(comparison.summary[lang]);
      expect(text).not.toContain('Comparison of');
      const xml = await documentXml(bytes);
      const headingParagraph = xml.slice(0, xml.indexOf(heading));
      const last = headingParagraph.slice(headingParagraph.lastIndexOf('<w:p>') >= 0 ? headingParagraph.lastIndexOf('<w:p>') : headingParagraph.lastIndexOf('<w:p '));
      if (lang === 'ar') expect(last).toContain('<w:bidi/>');
      else expect(last).not.toContain('<w:bidi/>');
    }
  });

  it('tracks a footnote inserted with the words around it: its reference inside the insertion', async () => {
    const a = doc(title('T'), op({ id: 'o1' }, 'Decides to continue;'));
    const b = doc(title('T'), op({ id: 'o1' }, 'Decides to continue', fn('See A/77/1.'), ';'));
    const { document, footnotes } = await wordParts(await exportRedline(compareTexts(a, b), options));
    expect(document).toMatch(/<w:ins [^>]*>(?:(?!<\/w:ins>)[\s\S])*<w:footnoteReference w:id="1"\/>/);
    expect(footnotes).toContain('See A/77/1.');
  });

  it('writes a moved paragraph as a Word move: moveFrom where it stood, moveTo where it stands, one name for both', async () => {
    const a = doc(
      title('T'),
      op({ id: 'a' }, 'Decides to continue its work;'),
      op({ id: 'b' }, 'Requests the Secretariat to report;'),
      op({ id: 'c' }, 'Invites Member States to contribute;'),
    );
    const b = doc(
      title('T'),
      op({ id: 'b' }, 'Requests the Secretariat to report;'),
      op({ id: 'c' }, 'Invites Member States to contribute;'),
      op({ id: 'a' }, 'Decides to continue its work;'),
    );
    const comparison = compareTexts(a, b);
    const moved = comparison.paragraphs.find((r) => r.status === 'moved')!;
    expect(moved.left?.id).toBe('a');
    const { document } = await wordParts(await exportRedline(comparison, { ...options, leftOrder: blockOrder(a) }));
    const ps = paragraphs(document);
    const from = ps.findIndex((p) => p.includes('<w:moveFrom '));
    const to = ps.findIndex((p) => p.includes('<w:moveTo '));
    // It stood first (before "Requests") and now stands last (after "Invites").
    expect(from).toBeGreaterThan(-1);
    expect(from).toBeLessThan(ps.findIndex((p) => p.includes('Requests the Secretariat')));
    expect(to).toBeGreaterThan(ps.findIndex((p) => p.includes('Invites Member States')));
    expect(ps[from]).toMatch(
      /<w:moveFromRangeStart w:id="\d+" w:author="Penholder" w:date="[^"]+" w:name="move1"\/>[\s\S]*<w:moveFrom [^>]*>[\s\S]*Decides to continue its work;[\s\S]*<\/w:moveFrom>[\s\S]*<w:moveFromRangeEnd w:id="\d+"\/>/,
    );
    expect(ps[to]).toMatch(
      /<w:moveToRangeStart w:id="\d+" w:author="Penholder" w:date="[^"]+" w:name="move1"\/>[\s\S]*<w:moveTo [^>]*>[\s\S]*Decides to continue its work;[\s\S]*<\/w:moveTo>[\s\S]*<w:moveToRangeEnd w:id="\d+"\/>/,
    );
    // The old number struck at the old place, the new one at the new.
    expect(ps[from]).toContain('1.');
    expect(ps[to]).toContain('3.');
    // Nothing else in the text is tracked as a move.
    expect(ps.filter((p) => p.includes('moveFromRangeStart'))).toHaveLength(1);
  });

  it("without the older text, places the move by the older side's references", async () => {
    const a = doc(
      title('T'),
      op({ id: 'a' }, 'Decides to continue its work;'),
      op({ id: 'b' }, 'Requests the Secretariat to report;'),
      op({ id: 'c' }, 'Invites Member States to contribute;'),
    );
    const b = doc(
      title('T'),
      op({ id: 'b' }, 'Requests the Secretariat to report;'),
      op({ id: 'a' }, 'Decides to continue its work;'),
      op({ id: 'c' }, 'Invites Member States to contribute;'),
    );
    const ps = paragraphs((await wordParts(await exportRedline(compareTexts(a, b), options))).document);
    const text = (p: string) => p.replace(/<[^>]+>/g, '');
    // One of the two paragraphs that swapped is the move; it leaves its place and reaches the other.
    const from = ps.findIndex((p) => p.includes('<w:moveFrom '));
    const to = ps.findIndex((p) => p.includes('<w:moveTo '));
    expect(from).toBeGreaterThan(-1);
    expect(to).toBeGreaterThan(-1);
    // The words of a paragraph without its number (struck and inserted where it was renumbered).
    const order = (i: number) => text(ps[i]!).replace(/^[\d.]*\t/, '');
    expect(order(from)).toBe(order(to));
    const kept = ps.map((_, i) => i).filter((i) => i !== from && i !== to && /Decides|Requests|Invites/.test(ps[i]!));
    // Reading the moveFrom and the kept paragraphs gives the older order; the moveTo and the kept ones, the newer.
    const older = [from, ...kept].sort((x, y) => x - y).map(order);
    const newer = [to, ...kept].sort((x, y) => x - y).map(order);
    expect(older).toEqual(['Decides to continue its work;', 'Requests the Secretariat to report;', 'Invites Member States to contribute;']);
    expect(newer).toEqual(['Requests the Secretariat to report;', 'Decides to continue its work;', 'Invites Member States to contribute;']);
  });

  it('reads the older order from references: preambular before operative, subparagraphs under their paragraph, "bis" after its number, annexes last', () => {
    const a = doc(
      title('T'),
      pp({ id: 'p1' }, 'Recalling,'),
      pp({ id: 'p2' }, 'Noting,'),
      op({ id: 'o1' }, 'Decides:'),
      sub({ id: 's1' }, 'To meet;'),
      sub2({ id: 's2' }, 'In Vienna;'),
      sub({ id: 's3' }, 'To report;'),
      op({ id: 'o2' }, 'Requests.'),
      annex({ id: 'x1' }, heading('Recommendations'), op({ id: 'x2' }, 'Training;'), op({ id: 'x3' }, 'Outreach.')),
    );
    // The newer text reverses everything numbered, so no order survives in the rows by chance.
    const b = doc(
      title('T'),
      op({ id: 'o2' }, 'Requests.'),
      op({ id: 'o1' }, 'Decides:'),
      sub({ id: 's3' }, 'To report;'),
      sub({ id: 's1' }, 'To meet;'),
      sub2({ id: 's2' }, 'In Vienna;'),
      pp({ id: 'p2' }, 'Noting,'),
      pp({ id: 'p1' }, 'Recalling,'),
    );
    expect(orderFromReferences(compareTexts(a, b))).toEqual(['p1', 'p2', 'o1', 's1', 's2', 's3', 'o2', 'x2', 'x3']);
    const base = sequentialNumbering(a);
    const working = doc(title('T'), op({ id: 'o1' }, 'Decides:'), op({ id: 'n1' }, 'Inserted;'), op({ id: 'o2' }, 'Requests.'));
    const negotiated = compareTexts(working, a, { base: negotiationBase(base) });
    expect(orderFromReferences(negotiated)).toEqual(['o1', 'n1', 'o2']);
  });

  it('a paragraph moved and changed: words deleted at the old place, inserted at the new', async () => {
    const a = doc(
      title('T'),
      op({ id: 'a' }, 'Decides to continue its work on firearms;'),
      op({ id: 'b' }, 'Requests the Secretariat to report;'),
      op({ id: 'c' }, 'Invites Member States to contribute;'),
    );
    const b = doc(
      title('T'),
      op({ id: 'b' }, 'Requests the Secretariat to report;'),
      op({ id: 'c' }, 'Invites Member States to contribute;'),
      op({ id: 'a' }, 'Decides to continue its work on firearms and ammunition;'),
    );
    const comparison = compareTexts(a, b);
    expect(comparison.paragraphs.some((r) => r.status === 'moved-and-changed')).toBe(true);
    const { document } = await wordParts(await exportRedline(comparison, { ...options, leftOrder: blockOrder(a) }));
    const ps = paragraphs(document);
    const to = ps.find((p) => p.includes('<w:moveTo '))!;
    expect(to).toMatch(/<w:ins [^>]*>[\s\S]*?<w:t[^>]*> and ammunition<\/w:t>/);
    expect(ps.find((p) => p.includes('<w:moveFrom '))).not.toContain('ammunition');
  });

  it('gives each insertion the delegation that typed it where the history knows it, "Penholder" elsewhere', async () => {
    const a = doc(title('T'), op({ id: 'o1' }, 'Decides to continue its work;'), op({ id: 'o2' }, 'Requests a report;'));
    const b = doc(title('T'), op({ id: 'o1' }, 'Decides to continue and strengthen its work;'), op({ id: 'o2' }, 'Requests a short report;'));
    const right = 'Decides to continue and strengthen its work;';
    const at = right.indexOf('and strengthen ');
    const authors = new Map([
      [
        'o1',
        {
          text: right,
          runs: [
            { author: 'Chile', length: at },
            { author: 'Mexico', length: 'and strengthen '.length },
            { author: 'Chile', length: right.length - at - 15 },
          ],
        },
      ],
      // The history's text of o2 is not the compared one: its authors are not taken.
      ['o2', { text: 'Something else', runs: [{ author: 'Chile', length: 14 }] }],
    ]);
    const { document } = await wordParts(await exportRedline(compareTexts(a, b), { ...options, authors }));
    expect(document).toMatch(/<w:ins [^>]*w:author="Mexico"[^>]*>[\s\S]*?<w:t[^>]*>and strengthen <\/w:t>/);
    expect(document).toMatch(/<w:ins [^>]*w:author="Penholder"[^>]*>[\s\S]*?<w:t[^>]*>short <\/w:t>/);
    expect(document).not.toContain('w:author="Chile"');
  });

  it('sets Arabic paragraphs right to left (w:bidi, w:rtl) and leaves the others alone', async () => {
    const a = doc(title('T'), op({ id: 'o1' }, 'يقرر مواصلة عمله؛'), op({ id: 'o2' }, 'Requests a report;'));
    const b = doc(title('T'), op({ id: 'o1' }, 'يقرر مواصلة وتعزيز عمله؛'), op({ id: 'o2' }, 'Requests a short report;'));
    const { document } = await wordParts(await exportRedline(compareTexts(a, b), options));
    const ps = paragraphs(document);
    const arabic = ps.find((p) => p.includes('يقرر'))!;
    expect(arabic).toMatch(/<w:pPr>[\s\S]*<w:bidi\/>/);
    expect(arabic).toContain('<w:rtl/>');
    expect(ps.find((p) => p.includes('Requests a'))).not.toContain('<w:bidi/>');
    // A text recorded in Arabic: every paragraph runs right to left, the English title too.
    const all = paragraphs((await wordParts(await exportRedline(compareTexts(a, b), { ...options, textLanguage: 'ar' }))).document);
    expect(all.find((p) => p.includes('Requests a'))).toContain('<w:bidi/>');
  });

  it('carries the symbol in the header from page 2 and page numbers in the footer', async () => {
    const zip = await JSZip.loadAsync(await exportRedline(compareTexts(original(), revised()), options));
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toContain('<w:titlePg/>');
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/header\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(headers.some((h) => h.includes('X/L.1/Rev.1'))).toBe(true);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/footer\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(footers.some((f) => /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(f))).toBe(true);
  });
});

describe('redlineContext: what the draft record and history give a redline', () => {
  let server: TestServer;
  let world: World;
  let lineage: Lineage;
  beforeAll(async () => {
    server = await startTestServer();
    world = await makeWorld(server.store);
    // Peru's delegate issues the lineage's texts and types into OP 1 of the working text.
    lineage = await issueLineage(server.store, world.session, world.draft, { userId: world.users.nonSponsor.id, delegationId: world.delegations.other.id });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('names the delegation that typed an insertion into the working text, in the language of the redline', async () => {
    const texts = await loadDraftTexts(server.store, lineage.draft.id);
    const [left, right] = await Promise.all([
      resolveText(server.store, texts, { kind: 'revision', symbol: lineage.symbols.revised }),
      resolveText(server.store, texts, { kind: 'working' }),
    ]);
    const comparison = compareTexts(left.text, right.text);
    for (const [lang, name] of [
      ['en', 'Peru'],
      ['zh', '秘鲁'],
    ] as const) {
      const context = await redlineContext(server.store, texts.draft, left, lang);
      expect(context.leftOrder).toEqual(blockOrder(left.text));
      const { document } = await wordParts(await exportRedline(comparison, { ...options, lang, ...context }));
      expect(document).toMatch(new RegExp(`<w:ins [^>]*w:author="${name}"[^>]*>[\\s\\S]*?<w:t[^>]*>${TYPED}</w:t>`));
    }
  });
});
