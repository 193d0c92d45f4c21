/**
 * Comment threads in the two-column view, in a real Chromium: a non-sponsor comments on words
 * chosen in a paragraph, the penholder replies, the author resolves, the penholder reopens, each
 * seen live on the other's page; a comment or a rationale holding HTML shows as text and runs no
 * script, on the writer's page and on the reader's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { call, loginAs, type SignedIn } from '../helpers/server';
import { closeBrowserWorld, demoLogin, demoPassword, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, screenshot, type World } from './harness';
import { openTwoColumn, row, tableProposal } from './twoColumnHarness';

requireChromiumInCI();

const TEST_MS = 90_000;
const HOSTILE = '<img src=x onerror=window.__x=1>';

/** Choose `words` in the text of paragraph `id` in the view, as a reader's mouse would. */
async function chooseWords(page: Page, id: string, words: string): Promise<void> {
  await page.evaluate(
    ({ id, words }) => {
      const body = document.querySelector(`.tc-row[data-paragraph="${id}"] .tc-text-body`)!;
      const text = [...body.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(words))!;
      const at = text.textContent!.indexOf(words);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + words.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { id, words },
  );
  // selectionchange is dispatched after the change, in a task of its own.
  await page.waitForTimeout(50);
}

const thread = (page: Page, id: string) => row(page, id).locator('[data-thread]');
const scriptRan = (page: Page) => page.evaluate(() => (window as unknown as { __x?: unknown }).__x !== undefined);

describe.skipIf(!hasChromium)('comment threads in Chromium', () => {
  let world: World;
  let browser: Browser;
  let germany: SignedIn;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
    germany = await loginAs(world.server, demoLogin('germany'), demoPassword('germany'));
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it(
    'comments on chosen words, replies, resolves and reopens, each seen live on the other page',
    async () => {
      const draftId = await makeDraft(world, 'Comments: a thread', ['CHL']);
      const author = await openTwoColumn(browser, world, 'germany', draftId);
      const penholder = await openTwoColumn(browser, world, 'chile', draftId);

      // Germany chooses "Member States" in OP 3 and comments on those words.
      await chooseWords(author.page, 'op3', 'Member States');
      const op3 = row(author.page, 'op3');
      await op3.getByRole('button', { name: 'Comment on OP 3' }).click();
      expect(await op3.getByLabel('On the words (optional)').inputValue()).toBe('Member States');
      // The form took the focus: the comment is typed straight away.
      await author.page.keyboard.type('Should regional organizations be invited too?');
      expect(await op3.getByLabel('New comment on OP 3').inputValue()).toBe('Should regional organizations be invited too?');
      await op3.getByRole('button', { name: 'Send comment' }).click();

      await thread(author.page, 'op3').waitFor({ timeout: 10_000 });
      expect(await thread(author.page, 'op3').locator('.thread-quote').textContent()).toBe('Member States');
      expect(await thread(author.page, 'op3').locator('.comment-author').textContent()).toBe('Delegate of Germany');
      expect(await thread(author.page, 'op3').locator('.comment-delegation').textContent()).toBe(' (Germany)');

      // The penholder sees it without reloading, and replies.
      await thread(penholder.page, 'op3').waitFor({ timeout: 10_000 });
      expect(await penholder.page.locator('.tc-row[data-paragraph="op3"] h3').allTextContents()).toContain('Comments on OP 3 (1 open)');
      const reply = penholder.page.getByLabel('Reply to the comment of Delegate of Germany on OP 3');
      await reply.click();
      await penholder.page.keyboard.type('Yes: we will');
      // Meanwhile Germany comments on OP 1: the penholder's lists are read again, the reply being typed stays, focus and all.
      const other = await call(world.server, 'POST', `/api/drafts/${draftId}/comments`, { cookie: germany.cookie, body: { paragraphId: 'op1', body: 'And OP 1?' } });
      expect(other.status).toBe(201);
      await thread(penholder.page, 'op1').waitFor({ timeout: 10_000 });
      await penholder.page.keyboard.type(' add them.');
      expect(await reply.inputValue()).toBe('Yes: we will add them.');
      await thread(penholder.page, 'op3').getByRole('button', { name: 'Reply' }).click();
      await expect
        .poll(() => thread(author.page, 'op3').locator('.comment-body').allTextContents(), { timeout: 10_000 })
        .toEqual(['Should regional organizations be invited too?', 'Yes: we will add them.']);

      // The author resolves it; the penholder's page shows it resolved.
      await thread(author.page, 'op3').getByRole('button', { name: 'Resolve the comment of Delegate of Germany on OP 3' }).press('Enter');
      // Resolved by the keyboard, the thread keeps the focus: on its Reopen button.
      await expect.poll(() => author.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Reopen the comment of Delegate of Germany on OP 3');
      await expect.poll(() => thread(penholder.page, 'op3').getAttribute('data-resolved'), { timeout: 10_000 }).toBe('true');
      expect(await thread(penholder.page, 'op3').locator('.thread-state').textContent()).toContain('Resolved by Delegate of Germany');
      expect(
        await thread(penholder.page, 'op3')
          .getByRole('button', { name: /^Reply/ })
          .count(),
      ).toBe(0); // a resolved thread takes no reply
      await screenshot(penholder.page, 'comments-resolved');

      // The main sponsor's delegate reopens it; the author sees it open again.
      await thread(penholder.page, 'op3').getByRole('button', { name: 'Reopen the comment of Delegate of Germany on OP 3' }).click();
      await expect.poll(() => thread(author.page, 'op3').getAttribute('data-resolved'), { timeout: 10_000 }).toBe('false');
      expect(await thread(author.page, 'op3').getByRole('button', { name: 'Resolve the comment of Delegate of Germany on OP 3' }).count()).toBe(1);
      await author.context.close();
      await penholder.context.close();
    },
    TEST_MS,
  );

  it(
    'shows HTML in a comment and in a rationale as text, and runs no script, on the writer’s page and the reader’s',
    async () => {
      const draftId = await makeDraft(world, 'Comments: hostile text', ['CHL']);
      const pid = await tableProposal(world, germany, draftId, { kind: 'delete_words', paragraphId: 'op1', words: 'its work' }, HOSTILE);
      const writer = await openTwoColumn(browser, world, 'germany', draftId);
      const reader = await openTwoColumn(browser, world, 'chile', draftId);

      const op2 = row(writer.page, 'op2');
      await op2.getByRole('button', { name: 'Comment on OP 2' }).click();
      await op2.getByLabel('New comment on OP 2').fill(HOSTILE);
      await op2.getByRole('button', { name: 'Send comment' }).click();

      for (const page of [writer.page, reader.page]) {
        await expect.poll(() => thread(page, 'op2').locator('.comment-body').textContent(), { timeout: 10_000 }).toBe(HOSTILE);
        await expect.poll(() => page.locator(`[data-proposal="${pid}"] .proposal-rationale`).textContent(), { timeout: 10_000 }).toContain(HOSTILE);
        expect(await page.locator('.tc-page img').count()).toBe(0);
        expect(await scriptRan(page)).toBe(false);
      }
      await writer.context.close();
      await reader.context.close();
    },
    TEST_MS,
  );
});
