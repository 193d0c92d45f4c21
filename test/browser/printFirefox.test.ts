/**
 * The print view of an Arabic version in a real Firefox (Debian's firefox-esr over WebDriver BiDi):
 * the document right to left (dir="rtl", lang="ar"), its numbers as Arabic documents print them,
 * the paragraphs mirrored (indented from the right). The Chromium half is print.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import type { TextJSON } from '../../shared/schema';
import { call } from '../helpers/server';
import type { World } from './harness';
import { closeFirefoxWorld, firefoxScreenshot, firefoxSkipReason, openFirefoxWorld, signedInFirefoxPage } from './firefoxHarness';

const skipReason = firefoxSkipReason();

describe.skipIf(skipReason !== null)(`the print view of an Arabic version in Firefox${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openFirefoxWorld();
  }, 120_000);

  afterAll(() => closeFirefoxWorld(world, browser));

  it('lays the Arabic version of L.8/Rev.2 out right to left, with "1 -" and "(أ)"', async () => {
    const drafts = await call<{ id: string; symbol: string }[]>(world.server, 'GET', `/api/sessions/${world.sessionId}/drafts`, { cookie: world.secretariat.cookie });
    const l8 = drafts.body.find((d) => d.symbol.endsWith('/L.8/Rev.2'))!;
    const rev2 = (await world.server.store.listRevisions(l8.id)).find((r) => r.symbol.endsWith('/L.8/Rev.2'))!;
    // Words made for this test, not a translation: the same paragraphs, each saying "test text".
    const arabic = (node: TextJSON): TextJSON => {
      const n = node as { type: string; text?: string; content?: TextJSON[] };
      return n.type === 'text' ? { ...n, text: 'نص للاختبار' } : n.content ? { ...n, content: n.content.map(arabic) } : n;
    };
    await world.server.store.addLanguageVersion({
      draftId: l8.id,
      revision: rev2.revision,
      lang: 'ar',
      kind: 'issued',
      text: arabic(rev2.text as TextJSON),
      pending: [],
      note: null,
      recordSeq: null,
      recordedBy: null,
    });
    const { context, page } = await signedInFirefoxPage(browser, world, 'chile', `/drafts/${l8.id}/print?text=${encodeURIComponent(rev2.symbol)}&lang=ar`);
    await page.waitForSelector('.print-page .ph-operative', { timeout: 15_000 });
    const layout = await page.evaluate(() => {
      const article = document.querySelector('article.print-page') as HTMLElement;
      const first = document.querySelector('.print-page p.ph-operative') as HTMLElement;
      const a = article.getBoundingClientRect();
      const p = first.getBoundingClientRect();
      return {
        dir: article.getAttribute('dir'),
        lang: article.getAttribute('lang'),
        direction: getComputedStyle(article).direction,
        label: first.getAttribute('data-label'),
        letter: document.querySelector('.print-page p.ph-subparagraph')?.getAttribute('data-label'),
        leftGap: p.left - a.left,
        rightGap: a.right - p.right,
        masthead: document.querySelector('.print-masthead')?.textContent,
      };
    });
    expect(layout).toMatchObject({ dir: 'rtl', lang: 'ar', direction: 'rtl', label: '1 -', letter: '(أ)', masthead: 'الأمم المتحدة' });
    // Mirrored: indented 10 mm from the right edge, flush with the left one.
    expect(Math.abs(layout.leftGap)).toBeLessThan(2);
    expect(layout.rightGap).toBeGreaterThan(30);
    await firefoxScreenshot(page, 'print-view-arabic');
    await context.close();
  }, 60_000);
});
