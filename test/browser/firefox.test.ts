/**
 * The drafting room in a real Firefox (Debian's firefox-esr over WebDriver BiDi): two sponsor
 * delegations co-edit and see each other, numbering follows Enter and Ctrl+] in both browsers, the
 * keyboard edits as in Chromium, a user who may not propose only reads (a non-sponsor delegate suggests), and the page reflows at 200 % zoom.
 * Each test makes its own draft on one shared server; screenshots land in
 * test-artifacts/screenshots/firefox-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { call } from '../helpers/server';
import { makeDraft, type World } from './harness';
import { closeFirefoxWorld, firefoxScreenshot, firefoxSkipReason, openFirefoxWorld, signedInFirefoxPage } from './firefoxHarness';

const skipReason = firefoxSkipReason();
const TEST_MS = 60_000;

const paragraph = (id: string) => `.ph-editor [data-id="${id}"]`;

// Firefox moves the caret on arrows, Home and End only in the tab in front, as for a person who
// types into the window in front of them: each delegate's page comes to the front before keys.
async function clickParagraph(page: Page, id: string): Promise<void> {
  await page.bringToFront();
  await page.locator(paragraph(id)).click();
}

// Put the caret at the end of the paragraph with `id`, as a user would: click it, then End.
async function caretAtEnd(page: Page, id: string): Promise<void> {
  await clickParagraph(page, id);
  await page.keyboard.press('End');
}

// Ctrl+Z, the editor's Mod-z on Linux.
async function pressUndo(page: Page): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('z');
  await page.keyboard.up('Control');
}

// A paragraph's text as written, without the other delegations' cursor labels.
const paragraphText = (page: Page, id: string) =>
  page.evaluate((s) => {
    const copy = document.querySelector(s)?.cloneNode(true) as HTMLElement | undefined;
    copy?.querySelectorAll('.ProseMirror-yjs-cursor').forEach((c) => c.remove());
    return copy?.textContent ?? null;
  }, paragraph(id));
const attribute = (page: Page, selector: string, name: string) => page.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name);
const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
const isVisible = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.checkVisibility() ?? false, selector);
// "1. Decides", "2. Requests", …: each operative paragraph's number and first word.
const operativeNumbers = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.ph-editor .ph-operative')].map((e) => `${e.getAttribute('data-number')} ${(e.textContent ?? '').split(' ')[0]}`));
// The text as written, without the other delegations' cursor labels.
const editorText = (page: Page) =>
  page.evaluate(() => {
    const copy = document.querySelector('.ph-editor')!.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((c) => c.remove());
    return copy.textContent ?? '';
  });
const cursorLabels = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.ProseMirror-yjs-cursor')].map((c) => c.textContent ?? ''));
const storedText = async (world: World, draftId: string) =>
  JSON.stringify((await call(world.server, 'GET', `/api/drafts/${draftId}/text`, { cookie: world.secretariat.cookie })).body);

async function openDraft(browser: Browser, world: World, account: string, draftId: string) {
  const opened = await signedInFirefoxPage(browser, world, account, `/drafts/${draftId}`);
  await opened.page.waitForSelector(paragraph('op1'), { timeout: 15_000 });
  await expect.poll(() => attribute(opened.page, '.connection', 'data-status'), { timeout: 10_000 }).toBe('connected');
  return opened;
}

describe.skipIf(skipReason !== null)(`the drafting room in Firefox${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openFirefoxWorld();
  }, 120_000);

  afterAll(() => closeFirefoxWorld(world, browser));

  it(
    "lets two sponsor delegations see each other's text within a second, their presence and named cursors",
    async () => {
      expect(await browser.version()).toMatch(/^firefox\//i);
      const draftId = await makeDraft(world, 'Two sponsors in Firefox', ['CHL', 'USA']);
      const a = await openDraft(browser, world, 'chile', draftId);
      const b = await openDraft(browser, world, 'usa', draftId);

      await caretAtEnd(a.page, 'op1');
      await a.page.keyboard.type(' Chile adds this.');
      expect(await paragraphText(a.page, 'op1')).toBe('Decides to continue its work; Chile adds this.');
      await expect.poll(() => paragraphText(b.page, 'op1'), { timeout: 1_000, interval: 50 }).toBe('Decides to continue its work; Chile adds this.');

      await caretAtEnd(b.page, 'op3');
      await b.page.keyboard.type(' The United States adds this.');
      await expect.poll(() => paragraphText(a.page, 'op3'), { timeout: 1_000, interval: 50 }).toContain('The United States adds this.');

      await expect.poll(() => cursorLabels(a.page), { timeout: 5_000 }).toEqual([expect.stringContaining('United States')]);
      await expect.poll(() => cursorLabels(b.page), { timeout: 5_000 }).toEqual([expect.stringContaining('Chile')]);
      await expect.poll(() => textOf(a.page, '.presence')).toContain('United States');
      await expect.poll(() => textOf(b.page, '.presence')).toContain('Chile');
      expect(await isVisible(a.page, '.toolbar')).toBe(true);
      const swatches = await a.page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.presence .swatch')].map((e) => e.style.background));
      expect(new Set(swatches).size).toBe(2); // two delegations, two colours
      // Both browsers end with the same text, and the server stored it.
      expect(await editorText(a.page)).toBe(await editorText(b.page));
      await expect.poll(() => storedText(world, draftId), { timeout: 3_000 }).toContain('The United States adds this.');
      await firefoxScreenshot(a.page, 'draft-page');
      await a.context.close();
      await b.context.close();
    },
    TEST_MS,
  );

  it(
    'numbers a paragraph made with Enter next, renumbers the later ones, and nests it with Ctrl+], in both browsers',
    async () => {
      const draftId = await makeDraft(world, 'Enter and Tab in Firefox', ['CHL', 'USA']);
      const a = await openDraft(browser, world, 'chile', draftId);
      const b = await openDraft(browser, world, 'usa', draftId);
      expect(await operativeNumbers(b.page)).toEqual(['1. Decides', '2. Requests', '3. Invites', '4. Decides']);

      await caretAtEnd(a.page, 'op2');
      await a.page.keyboard.press('Enter');
      await a.page.keyboard.type('Encourages Member States to share information;');
      for (const page of [a.page, b.page]) {
        await expect.poll(() => operativeNumbers(page), { timeout: 3_000 }).toEqual(['1. Decides', '2. Requests', '3. Encourages', '4. Invites', '5. Decides']);
      }
      await expect.poll(() => attribute(b.page, paragraph('op3'), 'data-number')).toBe('4.');
      // The new paragraph got an id of its own.
      const ids = await b.page.evaluate(() => [...document.querySelectorAll('.ph-editor [data-id]')].map((e) => e.getAttribute('data-id')));
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
      await firefoxScreenshot(b.page, 'draft-renumbered');

      // Ctrl+] nests it under OP 2 as (a); the later ones close up again, everywhere. Ctrl+[ undoes it.
      await a.page.keyboard.down('Control');
      await a.page.keyboard.press(']');
      await a.page.keyboard.up('Control');
      await expect.poll(() => attribute(b.page, '.ph-editor .ph-subparagraph', 'data-number'), { timeout: 3_000 }).toBe('(a)');
      await expect.poll(() => attribute(b.page, paragraph('op3'), 'data-number')).toBe('3.');
      expect(await a.page.evaluate(() => document.activeElement?.classList.contains('ph-editor') ?? false)).toBe(true);
      await a.page.keyboard.down('Control');
      await a.page.keyboard.press('[');
      await a.page.keyboard.up('Control');
      await expect.poll(() => operativeNumbers(b.page), { timeout: 3_000 }).toEqual(['1. Decides', '2. Requests', '3. Encourages', '4. Invites', '5. Decides']);
      await a.context.close();
      await b.context.close();
    },
    TEST_MS,
  );

  it(
    "edits with the keyboard: arrows, Backspace, and Ctrl+Z undoing only the delegate's own change",
    async () => {
      const draftId = await makeDraft(world, 'Keyboard in Firefox', ['CHL', 'USA']);
      const a = await openDraft(browser, world, 'chile', draftId);
      const b = await openDraft(browser, world, 'usa', draftId);

      // Home, then arrows: insert after "Decides".
      await clickParagraph(a.page, 'op1');
      await a.page.keyboard.press('Home');
      for (let i = 0; i < 'Decides'.length; i += 1) await a.page.keyboard.press('ArrowRight');
      await a.page.keyboard.type(' firmly');
      await expect.poll(() => paragraphText(b.page, 'op1'), { timeout: 2_000 }).toBe('Decides firmly to continue its work;');
      // Backspace removes the character before the caret: "work;" loses its semicolon.
      await a.page.keyboard.press('End');
      await a.page.keyboard.press('Backspace');
      await expect.poll(() => paragraphText(b.page, 'op1'), { timeout: 2_000 }).toBe('Decides firmly to continue its work');

      await caretAtEnd(a.page, 'op4');
      await a.page.keyboard.type(' Mine.');
      await caretAtEnd(b.page, 'op2');
      await b.page.keyboard.type(' Theirs.');
      await expect.poll(() => paragraphText(a.page, 'op2'), { timeout: 2_000 }).toContain('Theirs.');
      await a.page.bringToFront();
      await a.page.focus('.ph-editor');
      await pressUndo(a.page);
      for (const page of [a.page, b.page]) {
        await expect.poll(() => paragraphText(page, 'op4'), { timeout: 3_000 }).toBe('Decides to remain seized of the matter.');
        expect(await paragraphText(page, 'op2')).toContain('Theirs.');
      }
      await a.context.close();
      await b.context.close();
    },
    TEST_MS,
  );

  it(
    "shows live updates to a user who may only read, with the read-only banner, and keeps a non-sponsor delegate's typing a suggestion of its own",
    async () => {
      const draftId = await makeDraft(world, 'Read only in Firefox', ['CHL', 'USA']);
      const a = await openDraft(browser, world, 'chile', draftId);
      // A chair who does not chair this draft's consultations may neither edit nor propose.
      const c = await openDraft(browser, world, 'chair', draftId);
      const s = await openDraft(browser, world, 'china', draftId);

      await expect.poll(() => textOf(c.page, '[data-banner="read-only"]')).toMatch(/Read only: .*sponsor/);
      expect(await isVisible(c.page, '[data-banner="read-only"]')).toBe(true);
      expect(await isVisible(a.page, '[data-banner="read-only"]')).toBe(false);
      expect(await attribute(c.page, '.ph-editor', 'contenteditable')).toBe('false');
      expect(await isVisible(c.page, '.toolbar')).toBe(false);
      await expect.poll(() => textOf(s.page, '[data-banner="suggesting"]')).toMatch(/You are suggesting/);
      expect(await attribute(s.page, '.ph-editor', 'contenteditable')).toBe('true');

      await caretAtEnd(a.page, 'op1');
      await a.page.keyboard.type(' Live.');
      await expect.poll(() => paragraphText(c.page, 'op1'), { timeout: 2_000 }).toContain('Live.');

      const before = await editorText(a.page);
      await clickParagraph(c.page, 'op2');
      await c.page.keyboard.type('Chair types here');
      await c.page.keyboard.press('Enter');
      await c.page.keyboard.press('Backspace');
      await clickParagraph(s.page, 'op2');
      await s.page.keyboard.type('China types here');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await editorText(c.page)).toBe(before);
      expect(await editorText(a.page)).toBe(before);
      const stored = await storedText(world, draftId);
      expect(stored).not.toContain('Chair types here');
      expect(stored).not.toContain('China types here');
      expect(await c.page.evaluate(() => document.querySelectorAll('.ph-editor .ph-operative').length)).toBe(4);
      await firefoxScreenshot(c.page, 'draft-read-only');
      await a.context.close();
      await c.context.close();
      await s.context.close();
    },
    TEST_MS,
  );

  it(
    'reflows at 200 % zoom without horizontal scrolling',
    async () => {
      const draftId = await makeDraft(world, 'Zoomed in Firefox', ['CHL']);
      // A 1280 px wide window at 200 %: 640 CSS pixels, two device pixels each.
      const { context, page } = await signedInFirefoxPage(browser, world, 'chile', `/drafts/${draftId}`, { width: 640, height: 800, deviceScaleFactor: 2 });
      await page.waitForSelector(paragraph('op1'), { timeout: 15_000 });
      await expect.poll(() => isVisible(page, '.toolbar')).toBe(true);
      expect(await page.evaluate(() => window.devicePixelRatio)).toBe(2);
      expect(await page.evaluate(() => window.innerWidth)).toBe(640);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      // Every paragraph of the text lies within the window, none cut off at the right.
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('.ph-editor [data-id]')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => e.getAttribute('data-id')),
      );
      expect(overflowing).toEqual([]);
      // Still editable at this size.
      await caretAtEnd(page, 'op1');
      await page.keyboard.type(' Zoomed.');
      await expect.poll(() => storedText(world, draftId), { timeout: 3_000 }).toContain('Zoomed.');
      await firefoxScreenshot(page, 'draft-page-200-percent');
      await context.close();
    },
    TEST_MS,
  );
});
