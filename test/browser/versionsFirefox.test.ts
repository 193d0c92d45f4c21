/**
 * The language versions page in Firefox (Debian's firefox-esr over WebDriver BiDi,
 * ./firefoxHarness): the flow of ./versions.test.ts that a translator lives in — the demo's
 * Spanish version of the illustrative original carried forward to Rev.1, the paragraphs whose
 * English changed flagged, one typed in place and its flag gone — and an Arabic column laid out
 * right to left with its own numbers.
 */
import type { Page } from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ILLUSTRATIVE_PREFIX } from '../../server/demo/illustrative';
import { TITLE_ID, typeParagraph } from '../../shared/languageVersions';
import type { TextJSON } from '../../shared/schema';
import { call } from '../helpers/server';
import { closeFirefoxWorld, firefoxScreenshot, firefoxSkipReason, openFirefoxWorld, signedInFirefoxPage } from './firefoxHarness';
import type { World } from './harness';

const skipReason = firefoxSkipReason();
const TEST_MS = 90_000;

const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
const flagged = (page: Page) => page.evaluate(() => [...document.querySelectorAll('tr.pending')].map((r) => r.getAttribute('data-id')).sort());

describe.skipIf(skipReason !== null)(`the language versions page in Firefox${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let world: World;
  let browser: Browser;
  let draftId: string;
  beforeAll(async () => {
    [world, browser] = await openFirefoxWorld();
    const session = (await world.server.store.listSessions()).find((s) => s.symbolPrefix === ILLUSTRATIVE_PREFIX)!;
    draftId = (await world.server.store.listDrafts(session.id))[0]!.id;
  }, 120_000);
  afterAll(() => closeFirefoxWorld(world, browser));

  it(
    'carries the Spanish version forward, flags what changed, and clears a flag once the paragraph is typed',
    async () => {
      expect(await browser.version()).toMatch(/^firefox\//i);
      const { context, page } = await signedInFirefoxPage(browser, world, 'secretariat', `/drafts/${draftId}/versions?revision=1&a=en&b=es`);
      await page.waitForSelector('.versions-carry button', { timeout: 15_000 });
      await page.locator('.versions-carry button').click();
      await expect.poll(() => textOf(page, '.versions-said'), { timeout: 10_000 }).toBe('Carried forward; paragraphs needing updating: 3.');
      expect(await flagged(page)).toEqual(['ill-op1', 'ill-op5', 'ill-pp3']);

      await page.locator('tr[data-id="ill-op1"] button.type-paragraph').click();
      await page.waitForSelector('tr[data-id="ill-op1"] textarea');
      await page.evaluate(() => {
        const area = document.querySelector('tr[data-id="ill-op1"] textarea') as HTMLTextAreaElement;
        area.value = 'Alienta a los Estados a que intercambien información y buenas prácticas sobre los programas de capacitación, incluso mediante redes regionales;';
        area.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await page.locator('tr[data-id="ill-op1"] .type-buttons button.primary').click();
      await expect.poll(() => textOf(page, '.versions-said'), { timeout: 10_000 }).toBe('operative paragraph 1 saved.');
      expect(await flagged(page)).toEqual(['ill-op5', 'ill-pp3']);
      expect(await textOf(page, 'tr[data-id="ill-op1"] td.version-b .version-words')).toMatch(/^Alienta a los Estados .* redes regionales;$/);
      const es = await call(world.server, 'GET', `/api/drafts/${draftId}/revisions/1/versions/es`, { cookie: world.secretariat.cookie });
      expect([...es.body.pending].sort()).toEqual(['ill-op5', 'ill-pp3']);
      await firefoxScreenshot(page, 'versions-carried-forward');
      await context.close();
    },
    TEST_MS,
  );

  it(
    'lays an Arabic version out right to left beside the English, numbered "1 -"',
    async () => {
      const rev0 = (await world.server.store.listRevisions(draftId)).find((r) => r.revision === 0)!;
      let arabic = rev0.text as TextJSON;
      for (const [i, id] of [TITLE_ID, 'ill-pp1', 'ill-pp2', 'ill-pp3', 'ill-op1', 'ill-op2', 'ill-op3', 'ill-op4'].entries()) {
        const typed = typeParagraph(arabic, id, `نص توضيحي للفقرة ${i}`);
        if (!typed.ok) throw new Error(typed.error);
        arabic = typed.value;
      }
      const stored = await call(world.server, 'POST', `/api/drafts/${draftId}/revisions/0/versions/ar`, { cookie: world.secretariat.cookie, body: { doc: arabic } });
      expect(stored.status, JSON.stringify(stored.body)).toBe(201);
      const { context, page } = await signedInFirefoxPage(browser, world, 'chile', `/drafts/${draftId}/versions?revision=0&a=en&b=ar`);
      await page.waitForSelector('td.version-b[lang="ar"]', { timeout: 15_000 });
      const cells = await page.evaluate(() =>
        [...document.querySelectorAll('tr[data-kind="operative"] td.version-b')].map((c) => ({
          dir: getComputedStyle(c).direction,
          label: c.querySelector('.version-label')?.textContent,
        })),
      );
      expect(cells).toEqual(['1 -', '2 -', '3 -', '4 -'].map((label) => ({ dir: 'rtl', label })));
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('tr[data-id="ill-op1"] td.version-a')!).direction)).toBe('ltr');
      await context.close();
    },
    TEST_MS,
  );
});
