/**
 * The language versions page in a real Chromium, on the demo's illustrative draft (English, with
 * French and Spanish versions written for the demo): two versions side by side numbered as each
 * language prints them (Arabic right to left, "1 -"); a version imported with a paragraph missing
 * is refused at the exact paragraph and nothing is stored, then stored once fixed (on a draft of
 * the test's own, whose English has an opening formula as UN texts do); a version
 * carried forward flags the paragraphs whose English changed, and typing one clears its flag.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ILLUSTRATIVE_PREFIX } from '../../server/demo/illustrative';
import { TITLE_ID, typeParagraph } from '../../shared/languageVersions';
import { resolutionSchema as schema, type TextJSON } from '../../shared/schema';
import { call } from '../helpers/server';
import { axeViolations } from './axe';
import { closeBrowserWorld, hasChromium, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, type World } from './harness';

requireChromiumInCI();

// A test text in English with an opening formula, as UN texts have (pasted versions are read with theirs), and its Russian, as printed; `without` leaves out one operative paragraph.
function englishText() {
  const p = (kind: string, id: string, text: string) => schema.node(kind, { id }, [schema.text(text)]);
  return schema.node('doc', null, [
    schema.node('title', null, [schema.text('Training for criminal justice practitioners (a test text)')]),
    schema.node('formula', null, [schema.text('The Conference,')]),
    p('preambular', 'pp1', 'Recalling the importance of training for practitioners in the criminal justice system,'),
    p('preambular', 'pp2', 'Noting that training needs differ between regions and institutions,'),
    p('operative', 'op1', 'Encourages States to exchange information on training programmes;'),
    p(
      'operative',
      'op2',
      'Requests the secretariat to compile, in consultation with States and relevant international and regional organizations, a list of available training materials, and to make that list available on its website in all the official languages of the United Nations;',
    ),
    p('operative', 'op3', 'Invites donors to provide extrabudgetary resources;'),
    p('operative', 'op4', 'Decides to review progress at its next session.'),
  ]);
}

function russianText(without?: number): string {
  const operative = [
    'рекомендует государствам обмениваться информацией о программах подготовки;',
    'просит секретариат составить в консультации с государствами и соответствующими международными и региональными организациями перечень имеющихся учебных материалов и разместить этот перечень на своем веб-сайте на всех официальных языках Организации Объединенных Наций;',
    'предлагает донорам предоставлять внебюджетные ресурсы;',
    'постановляет рассмотреть ход работы на своей следующей сессии.',
  ].filter((_, i) => i + 1 !== without);
  return [
    'Подготовка специалистов системы уголовного правосудия (тестовый текст)',
    '',
    'Конференция,',
    '',
    'ссылаясь на важность подготовки специалистов системы уголовного правосудия,',
    '',
    'отмечая, что потребности в подготовке различаются в зависимости от регионов и учреждений,',
    '',
    ...operative.map((p, i) => `${i + 1}. ${p}`),
  ].join('\n');
}

// A draft of the test's own with `englishText` issued as its original; returns its id and symbol.
async function issuedDraft(world: World): Promise<{ id: string; symbol: string }> {
  const { server, secretariat } = world;
  const title = 'Training for criminal justice practitioners (a test text)';
  const created = await call<{ id: string; symbol: string }>(server, 'POST', `/api/sessions/${world.sessionId}/drafts`, {
    cookie: secretariat.cookie,
    body: { kind: 'resolution', title: { en: title, zh: title }, agendaItem: '3', mainSponsorId: world.delegations.get('CHL')! },
  });
  if (created.status !== 201) throw new Error(`draft not created: ${created.status} ${JSON.stringify(created.body)}`);
  const { id, symbol } = created.body;
  const imported = await call(server, 'POST', `/api/drafts/${id}/import`, { cookie: secretariat.cookie, body: { text: englishText().toJSON() } });
  if (imported.status !== 201) throw new Error(`text not imported: ${imported.status} ${JSON.stringify(imported.body)}`);
  const issued = await call(server, 'POST', `/api/drafts/${id}/revisions`, { cookie: secretariat.cookie, body: { symbol } });
  if (issued.status !== 201) throw new Error(`not issued: ${issued.status} ${JSON.stringify(issued.body)}`);
  return { id, symbol };
}

const rowLabels = (page: Page, column: 'a' | 'b') =>
  page
    .locator('table.versions-side tbody tr[data-kind="operative"]')
    .evaluateAll((rows, c) => rows.map((r) => r.querySelector(`td.version-${c} .version-label`)?.textContent ?? null), column);

describe.skipIf(!hasChromium)('the language versions page in Chromium', () => {
  let world: World;
  let browser: Browser;
  let draftId: string;
  const versionsOf = (revision: number, lang: string) =>
    call(world.server, 'GET', `/api/drafts/${draftId}/revisions/${revision}/versions/${lang}`, { cookie: world.secretariat.cookie });

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
    const session = (await world.server.store.listSessions()).find((s) => s.symbolPrefix === ILLUSTRATIVE_PREFIX)!;
    draftId = (await world.server.store.listDrafts(session.id))[0]!.id;
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it('shows English and French side by side, numbered alike, and an Arabic version right to left with its own numbers', async () => {
    // An Arabic Rev.1 recorded through the API: the English text with each block's words in Arabic (illustrative words for this test).
    const rev1 = (await world.server.store.listRevisions(draftId)).find((r) => r.revision === 1)!;
    let arabic = rev1.text as TextJSON;
    const ids = [TITLE_ID, 'ill-pp1', 'ill-pp3', 'ill-op1', 'ill-op5', 'ill-op3', 'ill-op2', 'ill-op4'];
    ids.forEach((id, i) => {
      const typed = typeParagraph(arabic, id, `نص توضيحي للفقرة ${i}`);
      if (!typed.ok) throw new Error(typed.error);
      arabic = typed.value;
    });
    const stored = await call(world.server, 'POST', `/api/drafts/${draftId}/revisions/1/versions/ar`, { cookie: world.secretariat.cookie, body: { doc: arabic } });
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);

    const { context, page } = await signedInPage(browser, world.server, 'secretariat', `/drafts/${draftId}/versions?revision=1&a=en&b=fr`);
    await page.locator('table.versions-side').waitFor({ timeout: 15_000 });
    expect(await page.locator('.versions-status tr[data-lang="en"] .version-status').textContent()).toMatch(/reference text.*original/);
    expect(await page.locator('.versions-status tr[data-lang="fr"] .version-status').textContent()).toMatch(/typed/);
    expect(await rowLabels(page, 'a')).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect(await rowLabels(page, 'b')).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect(await page.locator('tr[data-id="ill-op5"] td.version-b').textContent()).toContain('points de contact');
    expect(await page.locator('tr[data-id="ill-op5"] td.version-b').getAttribute('lang')).toBe('fr');
    expect(await page.locator('.needs-updating').count()).toBe(0);
    // The draft and its translations say they are illustrative.
    expect(await page.locator('.versions-page [data-provenance="illustrative"]').textContent()).toMatch(/^Illustrative — not part of any session’s record/);
    expect(await page.locator('.version-panel[data-lang="fr"] .version-note').textContent()).toMatch(
      /^French: Illustrative: a translation written for the demo, not an official translation/,
    );
    expect(await page.locator('tr[data-id="ill-pp3"] button.type-paragraph').textContent()).toBe('Type preambular paragraph 2');

    await page.locator('#versions-b').selectOption('ar');
    await page.locator('td.version-b[lang="ar"]').first().waitFor();
    expect(new URL(page.url()).search).toBe('?revision=1&a=en&b=ar');
    expect(await page.locator('td.version-b').evaluateAll((cells) => cells.map((c) => c.getAttribute('dir')))).toEqual(Array(8).fill('rtl'));
    expect(await page.locator('tr[data-id="ill-op1"] td.version-b').evaluate((c) => getComputedStyle(c).direction)).toBe('rtl');
    expect(await rowLabels(page, 'b')).toEqual(['1 -', '2 -', '3 -', '4 -', '5 -']);
    await screenshot(page, 'versions-en-ar');
    await context.close();
  }, 60_000);

  it('lists where an imported version differs before storing anything, and stores it once fixed', async () => {
    const draft = await issuedDraft(world);
    const russian = () => call(world.server, 'GET', `/api/drafts/${draft.id}/revisions/0/versions/ru`, { cookie: world.secretariat.cookie });
    expect((await russian()).status).toBe(404);
    const { context, page } = await signedInPage(browser, world.server, 'secretariat', `/drafts/${draft.id}/versions?revision=0&a=en&b=ru`);
    await page.locator('.versions-import').waitFor({ timeout: 15_000 });
    expect(await page.locator('.versions-missing').first().textContent()).toBe(`No Russian version of ${draft.symbol} is recorded.`);
    expect(await page.locator('#import-version-lang').inputValue()).toBe('ru');
    await page.locator('#import-version-text').fill(russianText(2));
    await page.getByRole('button', { name: 'Check against the reference text' }).click();
    const mismatch = page.locator('.import-result .mismatches li');
    await mismatch.first().waitFor();
    expect(await page.locator('.import-result [role="alert"]').textContent()).toMatch(/nothing has been stored/);
    // The paragraph left out is named where the English has it.
    expect(await mismatch.allTextContents()).toEqual([expect.stringMatching(/^OP 2: OP 2 is missing from the version/)]);
    expect(await page.getByRole('button', { name: /^Record it as/ }).count()).toBe(0);
    expect((await russian()).status).toBe(404);

    await page.locator('#import-version-text').fill(russianText());
    await page.getByRole('button', { name: 'Check against the reference text' }).click();
    await page.locator('.import-result .aligned').waitFor();
    expect((await russian()).status).toBe(404);
    await page.getByRole('button', { name: `Record it as the Russian version of ${draft.symbol}` }).click();
    await page.locator('.versions-said', { hasText: `The Russian version of ${draft.symbol} is recorded.` }).waitFor();
    const ru = await russian();
    expect(ru.status).toBe(200);
    expect(ru.body).toMatchObject({ lang: 'ru', original: false, reference: false, pending: [] });
    expect(ru.body.history.map((h: { kind: string }) => h.kind)).toEqual(['issued']);
    expect(await page.locator('tr[data-id="op2"] td.version-b').textContent()).toContain('перечень имеющихся учебных материалов');
    expect(await rowLabels(page, 'a')).toEqual(['1.', '2.', '3.', '4.']);
    expect(await rowLabels(page, 'b')).toEqual(['1.', '2.', '3.', '4.']);
    await context.close();
  }, 60_000);

  it('imports a version from a Word file: the French of the original, exported as Word, checked then recorded as a new row', async () => {
    const cookie = world.secretariat.cookie;
    const exported = await fetch(`${world.server.url}/api/drafts/${draftId}/export.docx?text=${encodeURIComponent('ILLUSTRATIVE/L.1')}&lang=fr`, { headers: { cookie } });
    expect(exported.status).toBe(200);
    const docx = Buffer.from(await exported.arrayBuffer());
    const before = await versionsOf(0, 'fr');
    const { context, page } = await signedInPage(browser, world.server, 'secretariat', `/drafts/${draftId}/versions?revision=0&a=en&b=fr`);
    await page.locator('.versions-import').waitFor({ timeout: 15_000 });
    await page.locator('#import-version-lang').selectOption('fr');
    await page
      .locator('#import-version-file')
      .setInputFiles({ name: 'ILLUSTRATIVE-L1-fr.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
    await page.getByRole('button', { name: 'Check against the reference text' }).click();
    await page.locator('.import-result .aligned, .import-result [role="alert"]').first().waitFor();
    expect(await page.locator('.import-result').textContent()).toMatch(/^This text matches the reference text paragraph by paragraph/);
    expect((await versionsOf(0, 'fr')).body.history).toHaveLength(before.body.history.length);
    await page.getByRole('button', { name: 'Record it as the French version of ILLUSTRATIVE/L.1' }).click();
    await page.locator('.versions-said', { hasText: 'The French version of ILLUSTRATIVE/L.1 is recorded.' }).waitFor();
    const after = await versionsOf(0, 'fr');
    expect(after.body.history.map((h: { kind: string }) => h.kind)).toEqual([...before.body.history.map((h: { kind: string }) => h.kind), 'issued']);
    expect(await page.locator('tr[data-id="ill-op2"] td.version-b .version-words').textContent()).toBe(
      before.body.text.content.find((n: { attrs?: { id?: string } }) => n.attrs?.id === 'ill-op2').content[0].text,
    );
    await context.close();
  }, 60_000);

  it('carries the Spanish version forward to Rev.1, flags the paragraphs whose English changed, and clears a flag once the paragraph is typed', async () => {
    const { context, page } = await signedInPage(browser, world.server, 'secretariat', `/drafts/${draftId}/versions?revision=1&a=en&b=es`);
    await page.locator('.versions-carry').waitFor({ timeout: 15_000 });
    // Before anything is carried: what carrying the original's Spanish forward would leave to update.
    expect(await page.locator('.versions-status tr[data-lang="es"] .version-status').textContent()).toBe(
      'no version recorded; the version of ILLUSTRATIVE/L.1 can be carried forward (paragraphs to update: 3)',
    );
    await page.getByRole('button', { name: 'Carry forward to ILLUSTRATIVE/L.1/Rev.1' }).click();
    await page.locator('.versions-said', { hasText: 'paragraphs needing updating: 3' }).waitFor();
    const flagged = () => page.locator('tr.pending').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect((await flagged()).sort()).toEqual(['ill-op1', 'ill-op5', 'ill-pp3']);
    expect(await page.locator('tr[data-id="ill-op5"] .needs-updating').textContent()).toBe('needs updating');
    // Unchanged paragraphs keep their Spanish; a new one holds the English until typed.
    expect(await page.locator('tr[data-id="ill-op4"] td.version-b').textContent()).toContain('Decide examinar');
    expect(await page.locator('tr[data-id="ill-op5"] td.version-b .version-words').textContent()).toBe('Invites States to designate focal points for training, where appropriate;');

    await page.locator('tr[data-id="ill-op5"] button.type-paragraph').click();
    const area = page.locator('tr[data-id="ill-op5"] textarea');
    await area.fill('Invita a los Estados a que designen, cuando proceda, coordinadores para la capacitación;');
    await page.locator('tr[data-id="ill-op5"]').getByRole('button', { name: 'Save' }).click();
    await page.locator('.versions-said', { hasText: 'operative paragraph 2 saved.' }).waitFor();
    expect((await flagged()).sort()).toEqual(['ill-op1', 'ill-pp3']);
    expect(await page.locator('tr[data-id="ill-op5"] td.version-b .version-words').textContent()).toBe(
      'Invita a los Estados a que designen, cuando proceda, coordinadores para la capacitación;',
    );
    const es = await versionsOf(1, 'es');
    expect([...es.body.pending].sort()).toEqual(['ill-op1', 'ill-pp3']);
    expect(es.body.history.map((h: { kind: string }) => h.kind)).toEqual(['carried_forward', 'typed']);
    expect(await page.locator('.versions-status tr[data-lang="es"] .version-status').textContent()).toMatch(/paragraphs needing updating: 2/);
    // Its history row by row, and the Word file and print view of this version in its language.
    expect(await page.locator('.version-panel[data-lang="es"] .version-history li').allTextContents()).toEqual([
      expect.stringMatching(/^carried forward, .*, Secretariat officer$/),
      expect.stringMatching(/^typed, .*, Secretariat officer$/),
    ]);
    const word = await page.locator('.version-panel[data-lang="es"] a.version-word').getAttribute('href');
    expect(word).toBe(`/api/drafts/${draftId}/export.docx?text=${encodeURIComponent('ILLUSTRATIVE/L.1/Rev.1')}&lang=es`);
    const file = await fetch(world.server.url + word!, { headers: { cookie: world.secretariat.cookie } });
    expect([file.status, file.headers.get('content-type')]).toEqual([200, expect.stringMatching(/wordprocessingml/)]);
    // The page with its flags, forms and an open textarea breaks no WCAG 2.1 A/AA rule.
    await page.locator('tr[data-id="ill-pp3"] button.type-paragraph').click();
    await page.locator('.version-panel[data-lang="es"] .version-history summary').click();
    expect(await axeViolations(page, '#app')).toEqual([]);
    await screenshot(page, 'versions-carried-forward');
    await context.close();
  }, 60_000);

  it('records a corrigendum concerning Chinese only, and lays the page out right to left in an Arabic interface', async () => {
    const { context, page } = await signedInPage(browser, world.server, 'secretariat', `/drafts/${draftId}/versions?revision=0&a=en&b=fr`);
    await page.locator('.versions-corrigendum').waitFor({ timeout: 15_000 });
    await page.locator('#corrigendum-kind').selectOption('corrigendum');
    await page.locator('#corrigendum-zh').check();
    await page.locator('#corrigendum-symbol').fill('ILLUSTRATIVE/L.1/Corr.1');
    await page.locator('#corrigendum-note').fill('Chinese only (a test).');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.locator('.versions-said', { hasText: 'corrigendum of ILLUSTRATIVE/L.1 recorded.' }).waitFor();
    expect(await page.locator('.versions-corrigenda li').allTextContents()).toEqual([
      expect.stringMatching(/^corrigendum \(Chinese\), ILLUSTRATIVE\/L\.1\/Corr\.1, recorded .* Chinese only \(a test\)\.$/),
    ]);
    const listed = await call(world.server, 'GET', `/api/drafts/${draftId}/versions`, { cookie: world.secretariat.cookie });
    expect(listed.body.corrigenda).toEqual([expect.objectContaining({ kind: 'corrigendum', langs: ['zh'], symbol: 'ILLUSTRATIVE/L.1/Corr.1', revision: 0 })]);

    await page.locator('#ui-language').selectOption('ar');
    await page.locator('h1', { hasText: 'الصيغ اللغوية للوثيقة ILLUSTRATIVE/L.1' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await page.locator('.versions-status tr[data-lang="fr"] th').textContent()).toBe('الفرنسية');
    // Each column keeps its own language's direction whatever the interface's.
    expect(await page.locator('tr[data-id="ill-op1"] td.version-a').evaluate((c) => getComputedStyle(c).direction)).toBe('ltr');
    const [first, second] = await page.locator('table.versions-side thead th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().left));
    expect(first!).toBeGreaterThan(second!);
    await screenshot(page, 'versions-arabic-interface');
    await page.locator('#ui-language').selectOption('en');
    await page.locator('h1', { hasText: 'Language versions of ILLUSTRATIVE/L.1' }).waitFor();
    await context.close();
  }, 60_000);

  it('shows a draft of the eleventh session as the record has it: Chinese, printed in the report, its original language not in the record', async () => {
    const drafts = await call<{ id: string; symbol: string }[]>(world.server, 'GET', `/api/sessions/${world.sessionId}/drafts`, { cookie: world.secretariat.cookie });
    const l9 = drafts.body.find((d) => d.symbol.endsWith('/L.9/Rev.1'))!;
    const { context, page } = await signedInPage(browser, world.server, 'china', `/drafts/${l9.id}/versions`);
    await page.locator('.versions-status').waitFor({ timeout: 15_000 });
    // The defaults: the latest issued text, the reference language first.
    expect(await page.locator('#versions-revision').inputValue()).toBe('1');
    expect(await page.locator('#versions-a').inputValue()).toBe('zh');
    expect(await page.locator('.versions-page [data-provenance="printed_version"]').textContent()).toMatch(
      /^Chinese version of CTOC\/COP\/2022\/L\.9\/Rev\.1 as printed in the annex to the report/,
    );
    expect(await page.locator('.versions-status tr[data-lang="zh"] .version-status').textContent()).toMatch(
      /^reference text \(the text as issued\); original language not in the record; issued, /,
    );
    for (const lang of ['ar', 'en', 'fr', 'ru', 'es'])
      expect(await page.locator(`.versions-status tr[data-lang="${lang}"] .version-status`).textContent()).toBe('no version recorded');
    expect(await page.locator('td.version-a[lang="zh"]').count()).toBe(await page.locator('table.versions-side tbody tr').count());
    expect(await page.locator('tr[data-kind="title"] td.version-a').textContent()).toMatch(/[\u4e00-\u9fff]/);
    // L.9, before L.9/Rev.1: its text is not in the record, in any language.
    await page.locator('#versions-revision').selectOption('0');
    await page.locator('.versions-page [data-provenance="text_not_in_record"]').waitFor();
    expect(await page.locator('.versions-status tr[data-lang="zh"] .version-status').textContent()).toBe('reference text: not in the record');
    expect(await page.locator('.versions-compare .versions-missing').textContent()).toBe('The text of CTOC/COP/2022/L.9 is not in the record, in any language.');
    await context.close();
  }, 60_000);

  it('offers a delegate the side by side view and none of the secretariat forms', async () => {
    const { context, page } = await signedInPage(browser, world.server, 'chile', `/drafts/${draftId}/versions?revision=0&a=en&b=fr`);
    await page.locator('table.versions-side').waitFor({ timeout: 15_000 });
    expect(await page.locator('.versions-forms').count()).toBe(0);
    expect(await page.locator('button.type-paragraph').count()).toBe(0);
    expect(await page.locator('tr[data-id="ill-pp2"] td.version-b').textContent()).toContain('Notant que les besoins');
    await context.close();
  }, 60_000);
});
