/** The print view of a text in a real Chromium: UN layout, derived numbers, footnotes, A4 PDF, no CSP violation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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
    expect(await page.locator('.ph-print-proponent').textContent()).toContain('European Union');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-bar').isVisible()).toBe(false);
    expect((await page.pdf({ format: 'A4' })).subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await screenshot(page, 'print-view');
    expect(violations).toEqual([]);
    await context.close();
  }, 60_000);
});
