/**
 * The bar of the two-column view in a real Firefox (Debian's firefox-esr over WebDriver BiDi): a
 * non-sponsor's proposal is accepted by the penholder beside its paragraph and the non-sponsor's
 * draft page shows the new words live; a comment thread is replied to, resolved and reopened;
 * a comment holding HTML shows as text and runs no script.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { call, loginAs } from '../helpers/server';
import { demoLogin, demoPassword, makeDraft, type World } from './harness';
import { closeFirefoxWorld, firefoxScreenshot, firefoxSkipReason, openFirefoxWorld, signedInFirefoxPage } from './firefoxHarness';
import { tableProposal } from './twoColumnHarness';

const skipReason = firefoxSkipReason();
const TEST_MS = 90_000;
const HOSTILE = '<img src=x onerror=window.__x=1>';

const attribute = (page: Page, selector: string, name: string) => page.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name);
const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
const textsOf = (page: Page, selector: string) => page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''), selector);
// Click the button whose accessible name (aria-label, else its words) is `name`.
const clickButton = (page: Page, name: string) =>
  page.evaluate((n) => {
    const button = [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === n);
    if (!button) throw new Error(`no button named ${n}`);
    button.click();
  }, name);

async function openTwoColumnFirefox(browser: Browser, world: World, account: string, draftId: string) {
  const opened = await signedInFirefoxPage(browser, world, account, `/drafts/${draftId}/proposals`);
  await opened.page.waitForSelector('.tc-row[data-paragraph="op1"] .tc-text-body', { timeout: 15_000 });
  await expect.poll(() => attribute(opened.page, '.connection', 'data-status'), { timeout: 10_000 }).toBe('connected');
  return opened;
}

describe.skipIf(skipReason !== null)(`the two-column view in Firefox${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openFirefoxWorld();
  }, 120_000);

  afterAll(() => closeFirefoxWorld(world, browser));

  it(
    "lets the penholder accept a non-sponsor's proposal beside its paragraph, and the non-sponsor's page shows the new words live",
    async () => {
      expect(await browser.version()).toMatch(/^firefox\//i);
      const draftId = await makeDraft(world, 'Two columns in Firefox', ['CHL', 'USA']);
      const china = await loginAs(world.server, demoLogin('china'), demoPassword('china'));
      const pid = await tableProposal(
        world,
        china,
        draftId,
        { kind: 'replace_words', paragraphId: 'op2', words: 'the Secretariat', text: 'the Executive Secretary' },
        'The mandate says so.',
      );

      const proposer = await signedInFirefoxPage(browser, world, 'china', `/drafts/${draftId}`);
      await proposer.page.waitForSelector('.ph-editor [data-id="op2"]', { timeout: 15_000 });
      const penholder = await openTwoColumnFirefox(browser, world, 'chile', draftId);
      const card = `.tc-row[data-paragraph="op2"] [data-proposal="${pid}"]`;
      await penholder.page.waitForSelector(card, { timeout: 10_000 });
      expect(await textOf(penholder.page, `${card} .proposal-delegation`)).toBe('China');

      await clickButton(penholder.page, 'Accept the proposal of China');
      await expect.poll(() => attribute(penholder.page, card, 'data-state'), { timeout: 10_000 }).toBe('accepted');
      await expect.poll(() => textOf(penholder.page, '.tc-row[data-paragraph="op2"] .tc-text-body'), { timeout: 5_000 }).toBe('Requests the Executive Secretary to report;');
      await expect.poll(() => textOf(proposer.page, '.ph-editor [data-id="op2"]'), { timeout: 5_000 }).toBe('Requests the Executive Secretary to report;');
      await firefoxScreenshot(penholder.page, 'two-column-accepted');
      await proposer.context.close();
      await penholder.context.close();
    },
    TEST_MS,
  );

  it(
    'replies to, resolves and reopens a comment thread, and shows HTML in a comment as text without running it',
    async () => {
      const draftId = await makeDraft(world, 'Comments in Firefox', ['CHL']);
      const germany = await loginAs(world.server, demoLogin('germany'), demoPassword('germany'));
      const posted = await call(world.server, 'POST', `/api/drafts/${draftId}/comments`, { cookie: germany.cookie, body: { paragraphId: 'op1', body: HOSTILE } });
      expect(posted.status).toBe(201);
      const { context, page } = await openTwoColumnFirefox(browser, world, 'chile', draftId);
      const thread = '.tc-row[data-paragraph="op1"] [data-thread]';
      await page.waitForSelector(thread, { timeout: 10_000 });
      expect(await textOf(page, `${thread} .comment-body`)).toBe(HOSTILE);
      expect(await page.evaluate(() => document.querySelectorAll('.tc-page img').length)).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __x?: unknown }).__x)).toBeUndefined();

      await page.type('.tc-row[data-paragraph="op1"] textarea.reply-body', 'Noted.');
      await clickButton(page, 'Reply');
      await expect.poll(() => textsOf(page, `${thread} .comment-body`), { timeout: 10_000 }).toEqual([HOSTILE, 'Noted.']);
      await clickButton(page, 'Resolve the comment of Delegate of Germany on OP 1');
      await expect.poll(() => attribute(page, thread, 'data-resolved'), { timeout: 10_000 }).toBe('true');
      await clickButton(page, 'Reopen the comment of Delegate of Germany on OP 1');
      await expect.poll(() => attribute(page, thread, 'data-resolved'), { timeout: 10_000 }).toBe('false');
      await context.close();
    },
    TEST_MS,
  );
});
