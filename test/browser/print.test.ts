/** The print view of a text in a real Chromium: UN layout, derived numbers, footnotes, A4 PDF, no CSP violation; an Arabic version right to left. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { pendingMarker } from '../../shared/export/pending';
import type { TextJSON } from '../../shared/schema';
import { TITLE_ID } from '../../shared/versionBlocks';
import { call } from '../helpers/server';
import { closeBrowserWorld, hasChromium, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, type World } from './harness';

requireChromiumInCI();

describe.skipIf(!hasChromium)('the print view in Chromium', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it('prints resolution 11/5 (L.8/Rev.2) as issued: symbol block, 21 numbered paragraphs, footnotes, an A4 PDF', async () => {
    const drafts = await call<{ id: string; symbol: string }[]>(world.server, 'GET', `/api/sessions/${world.sessionId}/drafts`, { cookie: world.secretariat.cookie });
    const l8 = drafts.body.find((d) => d.symbol.endsWith('/L.8/Rev.2'))!;
    const { context, page } = await signedInPage(browser, world.server, 'chile', `/drafts/${l8.id}/print`);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.locator('.print-page .ph-operative').first().waitFor({ timeout: 15_000 });

    expect(await page.locator('.ph-print-symbol').textContent()).toBe('CTOC/COP/2022/L.8/Rev.2');
    const labels = await page.locator('.print-page p.ph-operative').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-label')));
    expect(labels).toEqual(Array.from({ length: 21 }, (_, i) => `${i + 1}.`));
    const letters = await page.locator('.print-page p.ph-subparagraph').evaluateAll((ps) => ps.slice(0, 5).map((p) => p.getAttribute('data-label')));
    expect(letters).toEqual(['(a)', '(b)', '(c)', '(d)', '(e)']);
    // Footnotes are numbered from 1 in the text and listed at the end.
    const marks = await page.locator('.print-page span[data-kind="footnote"]').allTextContents();
    expect(marks[0]).toBe('1');
    expect(await page.locator('.ph-print-footnotes li').count()).toBe(marks.length);
    // The document is in the draft's reference language, Chinese; the adopted text is headed by its number, as the Word file is.
    expect(await page.locator('.print-page').getAttribute('lang')).toBe('zh');
    expect(await page.locator('.ph-print-published').textContent()).toBe('第 11/5 号决议');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-bar').isVisible()).toBe(false);
    expect((await page.pdf({ format: 'A4' })).subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await screenshot(page, 'print-view');
    expect(violations).toEqual([]);
    await context.close();
  }, 60_000);

  it('prints an Arabic version right to left: dir="rtl" lang="ar", Arabic numbers, the block as Arabic documents print it', async () => {
    const drafts = await call<{ id: string; symbol: string }[]>(world.server, 'GET', `/api/sessions/${world.sessionId}/drafts`, { cookie: world.secretariat.cookie });
    const l8 = drafts.body.find((d) => d.symbol.endsWith('/L.8/Rev.2'))!;
    const revisions = await world.server.store.listRevisions(l8.id);
    const rev2 = revisions.find((r) => r.symbol.endsWith('/L.8/Rev.2'))!;
    // Words made for this test, not a translation: the same paragraphs (ids, kinds, footnotes), each saying "test text".
    const arabic = (node: TextJSON): TextJSON => {
      const n = node as { type: string; text?: string; content?: TextJSON[] };
      return n.type === 'text' ? { ...n, text: 'نص للاختبار' } : n.content ? { ...n, content: n.content.map(arabic) } : n;
    };
    // The title and the last operative paragraph are not yet translated, as a version carried forward would have them.
    const operatives = ((rev2.text as { content: { type: string; attrs: { id: string } }[] }).content ?? []).filter((n) => n.type === 'operative');
    const pendingId = operatives[operatives.length - 1]!.attrs.id;
    await world.server.store.addLanguageVersion({
      draftId: l8.id,
      revision: rev2.revision,
      lang: 'ar',
      kind: 'issued',
      text: arabic(rev2.text as TextJSON),
      pending: [TITLE_ID, pendingId],
      note: null,
      recordSeq: null,
      recordedBy: null,
    });
    const { context, page } = await signedInPage(browser, world.server, 'chile', `/drafts/${l8.id}/print?text=${encodeURIComponent(rev2.symbol)}&lang=ar`);
    await page.locator('.print-page .ph-operative').first().waitFor({ timeout: 15_000 });
    const article = page.locator('article.print-page');
    expect(await article.getAttribute('dir')).toBe('rtl');
    expect(await article.getAttribute('lang')).toBe('ar');
    expect(await article.evaluate((a) => getComputedStyle(a).direction)).toBe('rtl');
    const first = page.locator('.print-page p.ph-operative').first();
    expect(await first.getAttribute('data-label')).toBe('1 -');
    expect(await first.evaluate((p) => getComputedStyle(p).textAlign)).toMatch(/^(right|start)$/);
    // Mirrored: the paragraph is indented from the page's right edge (10 mm), flush with its left one.
    const [box, pageBox] = await Promise.all([first.boundingBox(), article.boundingBox()]);
    expect(Math.abs(box!.x - pageBox!.x)).toBeLessThan(2);
    expect(pageBox!.x + pageBox!.width - (box!.x + box!.width)).toBeGreaterThan(30);
    expect(await page.locator('.print-page p.ph-subparagraph').first().getAttribute('data-label')).toBe('(أ)');
    expect(await page.locator('.print-masthead').textContent()).toBe('الأمم المتحدة');
    expect(await page.locator('[data-line="version"]').textContent()).toBe('Arabic');
    expect(await page.locator('[data-line="distribution"]').textContent()).toBe('Distr.: Limited');
    // The blocks not yet translated say so with the note the files print, in the document's language (not the interface's, English here).
    expect(await page.locator('.print-pending').count()).toBe(2);
    expect(await page.locator(`p.print-pending[data-id="${pendingId}"] .print-pending-note`).textContent()).toBe(pendingMarker('ar'));
    expect(await page.locator('h1.ph-title.print-pending .print-pending-note').textContent()).toBe(pendingMarker('ar'));
    expect(await page.locator('.print-pending-note').first().getAttribute('lang')).toBe('ar');
    await screenshot(page, 'print-view-arabic');
    // A language without a version: the page says so, and offers the others.
    await page.locator('#print-language').selectOption('ru');
    await page.locator('.print-missing').waitFor({ timeout: 15_000 });
    expect(await page.locator('.print-missing').textContent()).toBe('No Russian version of this text is recorded. Choose another language.');
    expect(await page.locator('.print-page').count()).toBe(0);
    await context.close();
  }, 60_000);
});
