/**
 * Co-sponsorship online in Firefox (Debian's firefox-esr over WebDriver BiDi, ./firefoxHarness):
 * the flow of ./cosponsor.test.ts — a delegate asks to co-sponsor, the penholder confirms in
 * another page, both lists show the new co-sponsor live, and the new co-sponsor may edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { call } from '../helpers/server';
import { makeDraft, type World } from './harness';
import { closeFirefoxWorld, firefoxScreenshot, firefoxSkipReason, openFirefoxWorld, signedInFirefoxPage } from './firefoxHarness';

const skipReason = firefoxSkipReason();
const TEST_MS = 90_000;

const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
const count = (page: Page, selector: string) => page.evaluate((s) => document.querySelectorAll(s).length, selector);
const isVisible = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.checkVisibility() ?? false, selector);
const sponsorsList = (page: Page) => textOf(page, '.sponsors-panel ul.sponsors');

async function openDraft(browser: Browser, world: World, account: string, draftId: string) {
  const opened = await signedInFirefoxPage(browser, world, account, `/drafts/${draftId}`);
  await opened.page.waitForSelector('.ph-editor [data-id="op1"]', { timeout: 15_000 });
  await expect.poll(() => opened.page.evaluate(() => document.querySelector('.connection')?.getAttribute('data-status')), { timeout: 10_000 }).toBe('connected');
  return opened;
}

describe.skipIf(skipReason !== null)(`co-sponsorship online in Firefox${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let world: World;
  let browser: Browser;
  beforeAll(async () => {
    [world, browser] = await openFirefoxWorld();
  }, 120_000);
  afterAll(() => closeFirefoxWorld(world, browser));

  it(
    'a delegate asks to co-sponsor, the penholder confirms in another page, and both lists show the new co-sponsor',
    async () => {
      expect(await browser.version()).toMatch(/^firefox\//i);
      const draftId = await makeDraft(world, 'Asking to co-sponsor in Firefox', ['CHL']);
      const china = await openDraft(browser, world, 'china', draftId);
      const chile = await openDraft(browser, world, 'chile', draftId);
      expect(await sponsorsList(china.page)).not.toContain('China');

      await china.page.bringToFront();
      await china.page.locator('.sponsors-panel p.ask button').click();
      await expect.poll(() => textOf(china.page, '[data-own-request="pending"]'), { timeout: 5_000 }).toContain('Your delegation asked to co-sponsor this draft');

      const confirm = 'button[aria-label="Confirm: China asks to join the sponsors"]';
      await chile.page.waitForSelector(confirm, { timeout: 5_000 });
      await chile.page.bringToFront();
      await chile.page.locator(confirm).click();

      await expect.poll(() => sponsorsList(chile.page), { timeout: 5_000 }).toContain('China');
      await expect.poll(() => sponsorsList(china.page), { timeout: 5_000 }).toContain('China');
      await expect.poll(() => china.page.evaluate(() => document.querySelector('[data-own-request]')?.getAttribute('data-own-request')), { timeout: 5_000 }).toBe('confirmed');
      await expect.poll(() => isVisible(china.page, '[data-banner="read-only"]'), { timeout: 5_000 }).toBe(false);
      await expect.poll(() => count(china.page, confirm), { timeout: 5_000 }).toBe(0);
      const sponsors = await call(world.server, 'GET', `/api/drafts/${draftId}/sponsors`, { cookie: world.secretariat.cookie });
      expect(sponsors.body.text.en).toBe('Chile and China');
      await firefoxScreenshot(china.page, 'cosponsor-confirmed');
      await china.context.close();
      await chile.context.close();
    },
    TEST_MS,
  );
});
