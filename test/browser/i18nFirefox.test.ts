/**
 * The interface in Arabic in Firefox (Debian's firefox-esr over WebDriver BiDi, ./firefoxHarness):
 * the flow of ./i18n.test.ts's first case — the chooser switches the page to Arabic, right to left
 * (`<html dir="rtl" lang="ar">`, the header's first item on the right), its words and dates in
 * Arabic, and back to English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import type { World } from './harness';
import { closeFirefoxWorld, firefoxScreenshot, firefoxSkipReason, openFirefoxWorld, signedInFirefoxPage } from './firefoxHarness';

const skipReason = firefoxSkipReason();
const ARABIC = /[\u0600-\u06FF]/;

const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
const htmlAttr = (page: Page, name: string) => page.evaluate((n) => document.documentElement.getAttribute(n), name);
// The x of an element's centre.
const centreX = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const box = document.querySelector(s)!.getBoundingClientRect();
    return box.x + box.width / 2;
  }, selector);
// Choose a language in the header's chooser, as a user does.
const choose = (page: Page, lang: string) => page.select('#ui-language', lang);

describe.skipIf(skipReason !== null)(`the interface in Arabic in Firefox${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let world: World;
  let browser: Browser;
  beforeAll(async () => {
    [world, browser] = await openFirefoxWorld();
  }, 120_000);
  afterAll(() => closeFirefoxWorld(world, browser));

  it('switches the drafts page to Arabic, right to left, and back to English', async () => {
    expect(await browser.version()).toMatch(/^firefox\//i);
    const { context, page } = await signedInFirefoxPage(browser, world, 'chile');
    await page.waitForSelector('table.drafts time', { timeout: 15_000 });
    expect(await htmlAttr(page, 'dir')).toBe('ltr');
    const firstDate = await textOf(page, 'table.drafts time');

    await choose(page, 'ar');
    await expect.poll(() => textOf(page, 'table.drafts thead th'), { timeout: 5_000 }).toBe('الرمز');
    expect(await htmlAttr(page, 'dir')).toBe('rtl');
    expect(await htmlAttr(page, 'lang')).toBe('ar');
    expect(await centreX(page, 'header.bar > strong')).toBeGreaterThan(await centreX(page, '#who'));
    expect(await centreX(page, 'table.drafts thead th:first-child')).toBeGreaterThan(await centreX(page, 'table.drafts thead th:last-child'));
    expect(await textOf(page, '#who button')).toBe('تسجيل الخروج');
    const date = (await textOf(page, 'table.drafts time'))!;
    expect(date).toMatch(ARABIC);
    await firefoxScreenshot(page, 'i18n-drafts-arabic');

    await choose(page, 'en');
    await expect.poll(() => textOf(page, 'table.drafts thead th'), { timeout: 5_000 }).toBe('Symbol');
    expect(await htmlAttr(page, 'dir')).toBe('ltr');
    expect(await htmlAttr(page, 'lang')).toBe('en');
    expect(await centreX(page, 'header.bar > strong')).toBeLessThan(await centreX(page, '#who'));
    expect(await textOf(page, 'table.drafts time')).toBe(firstDate);
    await context.close();
  }, 90_000);
});
