/**
 * Suggesting mode's bar flow in a real Firefox (Debian's firefox-esr over WebDriver BiDi, as
 * test/browser/firefox.test.ts drives it): China, not a sponsor, types a change that stays out of
 * the shared text and proposes it with a rationale holding HTML; Chile's page shows it live in the
 * text and the side list, as text, and accepts it there; both pages show the new words live.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/server';
import { closeFirefoxWorld, firefoxScreenshot, firefoxSkipReason, openFirefoxWorld, signedInFirefoxPage } from './firefoxHarness';
import { makeDraft, type World } from './harness';

const skipReason = firefoxSkipReason();
const TEST_MS = 90_000;
const HOSTILE = '<img src=x onerror=window.__x=1> because the Protocol says so';
const paragraph = (id: string) => `.ph-editor [data-id="${id}"]`;

const attribute = (page: Page, selector: string, name: string) => page.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name);
const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
const count = (page: Page, selector: string) => page.evaluate((s) => document.querySelectorAll(s).length, selector);
// A paragraph's words as the shared text holds them: without cursors and the marks of suggestions and proposals.
const sharedWords = (page: Page, id: string) =>
  page.evaluate((s) => {
    const copy = document.querySelector(s)?.cloneNode(true) as HTMLElement | undefined;
    copy?.querySelectorAll('.ProseMirror-yjs-cursor, ins').forEach((c) => c.remove());
    return copy?.textContent ?? null;
  }, paragraph(id));
const storedText = async (world: World, draftId: string) =>
  JSON.stringify((await call(world.server, 'GET', `/api/drafts/${draftId}/text`, { cookie: world.secretariat.cookie })).body);
const scripted = (page: Page) => page.evaluate(() => (window as { __x?: unknown }).__x !== undefined);

async function openDraft(browser: Browser, world: World, account: string, draftId: string) {
  const opened = await signedInFirefoxPage(browser, world, account, `/drafts/${draftId}`);
  await opened.page.waitForSelector(paragraph('op1'), { timeout: 15_000 });
  await expect.poll(() => attribute(opened.page, '.connection', 'data-status'), { timeout: 10_000 }).toBe('connected');
  return opened;
}

describe.skipIf(skipReason !== null)(`suggesting mode in Firefox${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openFirefoxWorld();
  }, 120_000);

  afterAll(() => closeFirefoxWorld(world, browser));

  it(
    'a non-sponsor suggests and proposes; the penholder sees it live, as text, and accepts it from the side list; both pages show the new words',
    async () => {
      const draftId = await makeDraft(world, 'Suggesting in Firefox', ['CHL']);
      const chile = await openDraft(browser, world, 'chile', draftId);
      const china = await openDraft(browser, world, 'china', draftId);
      await expect.poll(() => textOf(china.page, '[data-banner="suggesting"]')).toMatch(/^You are suggesting: your changes become proposals to the sponsors\./);
      expect(await attribute(china.page, '.ph-editor', 'contenteditable')).toBe('true');

      // Firefox moves the caret by keys only in the tab in front.
      await china.page.bringToFront();
      await china.page.locator(paragraph('op3')).click();
      await china.page.keyboard.press('End');
      await china.page.keyboard.press('ArrowLeft');
      await china.page.keyboard.type(' generously');
      const form = '.ph-suggest-form[data-paragraph="op3"]';
      await expect.poll(() => textOf(china.page, `${form} .ph-suggest-described`), { timeout: 5_000 }).toBe('Your suggestion: OP 3: insert "generously" after "contribute"');
      expect(await storedText(world, draftId)).not.toContain('generously');
      expect(await sharedWords(chile.page, 'op3')).toBe('Invites Member States to contribute;');

      await china.page.evaluate(
        (s, value) => {
          const field = document.querySelector(`${s} textarea`) as HTMLTextAreaElement;
          field.value = value;
          field.dispatchEvent(new Event('input', { bubbles: true }));
        },
        form,
        HOSTILE,
      );
      await china.page.locator(`${form} button[type="submit"]`).click();
      await expect.poll(() => textOf(china.page, '[data-suggest="message"]'), { timeout: 5_000 }).toMatch(/^Proposed: /);

      const card = '.proposals-panel li.proposal';
      await expect.poll(() => count(chile.page, card), { timeout: 5_000 }).toBe(1);
      expect(await textOf(chile.page, `${card} .proposal-described`)).toBe('OP 3: insert "generously" after "contribute"');
      expect(await textOf(chile.page, `${card} .proposal-rationale`)).toContain(HOSTILE);
      await expect.poll(() => textOf(chile.page, `${paragraph('op3')} ins.ph-proposal-insert`), { timeout: 5_000 }).toBe(' generously');
      for (const page of [chile.page, china.page]) {
        expect(await scripted(page)).toBe(false);
        expect(await count(page, '.proposals-panel img')).toBe(0);
      }
      await firefoxScreenshot(chile.page, 'suggesting-penholder');

      await chile.page.bringToFront();
      await chile.page.locator(`${card} button[aria-label^="Accept the proposal of China"]`).click();
      for (const page of [chile.page, china.page]) {
        await expect.poll(() => sharedWords(page, 'op3'), { timeout: 5_000 }).toBe('Invites Member States to contribute generously;');
        await expect.poll(() => count(page, card), { timeout: 5_000 }).toBe(0);
      }
      expect(await storedText(world, draftId)).toContain('contribute generously;');
      await chile.context.close();
      await china.context.close();
    },
    TEST_MS,
  );
});
