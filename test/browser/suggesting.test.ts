/**
 * Suggesting mode in a real Chromium (#17): a non-sponsor delegate (China) types in the working
 * text, which stays unchanged for everyone; the change is a pending suggestion in China's page,
 * proposed with a rationale holding HTML; the penholder's page (Chile, a second browser context)
 * shows the proposal live in the text and in the side list, the rationale as text, and no script
 * runs; the penholder accepts from the side list and both pages show the new words live.
 * A structural change is refused with a message, Escape discards, and a sponsor switches between
 * Editing and Suggesting.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/server';
import { axeViolations } from './axe';
import { closeBrowserWorld, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, type World } from './harness';

requireChromiumInCI();

const TEST_MS = 90_000;
const HOSTILE = '<img src=x onerror=window.__x=1> because the Protocol says so';

const caretParagraph = (page: Page) =>
  page.evaluate(() => {
    const node = document.getSelection()?.anchorNode ?? null;
    const el = node instanceof Element ? node : (node?.parentElement ?? null);
    return document.activeElement?.classList.contains('ph-editor') ? (el?.closest('[data-id]')?.getAttribute('data-id') ?? null) : null;
  });

// The caret at the end of a paragraph, as a user puts it there: click, End, and look.
async function caretAtEnd(page: Page, id: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.locator(`.ph-editor [data-id="${id}"]`).click();
        await page.keyboard.press('End');
        return caretParagraph(page);
      },
      { timeout: 5_000 },
    )
    .toBe(id);
}

// A paragraph's words as the shared text holds them: without cursors and without the marks of suggestions and proposals.
const sharedWords = (page: Page, id: string) =>
  page.locator(`.ph-editor [data-id="${id}"]`).evaluate((e) => {
    const copy = e.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.ProseMirror-yjs-cursor, ins').forEach((c) => c.remove());
    return copy.textContent ?? '';
  });
const storedText = async (world: World, draftId: string) =>
  JSON.stringify((await call(world.server, 'GET', `/api/drafts/${draftId}/text`, { cookie: world.secretariat.cookie })).body);

async function openDraft(browser: Browser, world: World, account: string, draftId: string) {
  const opened = await signedInPage(browser, world.server, account, `/drafts/${draftId}`);
  await opened.page.locator('.ph-editor [data-id="op1"]').waitFor({ timeout: 15_000 });
  await expect.poll(() => opened.page.locator('.connection').getAttribute('data-status')).toBe('connected');
  return opened;
}

describe.skipIf(!hasChromium)('suggesting mode in Chromium', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it(
    'a non-sponsor suggests, proposes with a rationale shown as text; the penholder sees it live and accepts it from the side list; both pages show the new words',
    async () => {
      const draftId = await makeDraft(world, 'Suggesting', ['CHL']);
      const chile = await openDraft(browser, world, 'chile', draftId);
      const china = await openDraft(browser, world, 'china', draftId);

      const banner = china.page.locator('[data-banner="suggesting"]');
      await expect.poll(() => banner.textContent()).toMatch(/^You are suggesting: your changes become proposals to the sponsors\./);
      expect(await china.page.locator('.ph-editor').getAttribute('contenteditable')).toBe('true');
      expect(await chile.page.locator('[data-banner]').isVisible()).toBe(false);

      // Enter opens the form of a new paragraph after OP 2, its words in focus; the text keeps its four paragraphs.
      await caretAtEnd(china.page, 'op2');
      await china.page.keyboard.press('Enter');
      const newParagraph = china.page.locator('.ph-paragraph-proposal[data-kind="insert_paragraph"][data-paragraph="op2"]');
      await newParagraph.waitFor({ timeout: 5_000 });
      expect(await newParagraph.locator('legend').textContent()).toBe('Propose a new paragraph beside OP 2');
      await china.page.keyboard.type('Calls upon all States to act;');
      await newParagraph.getByRole('button', { name: 'Propose' }).click();
      await expect.poll(() => china.page.locator('[data-suggest="message"]').textContent(), { timeout: 5_000 }).toMatch(/^Proposed: insert a new operative paragraph after OP 2/);
      expect(await china.page.locator('.ph-editor .ph-operative').count()).toBe(4);
      // Joining two paragraphs is refused with a message.
      await china.page.locator('.ph-editor [data-id="op2"]').click();
      await china.page.keyboard.press('Home');
      await china.page.keyboard.press('Backspace');
      await expect.poll(() => china.page.locator('[data-suggest="message"]').textContent()).toMatch(/within the words of one paragraph/);
      expect(await china.page.locator('.ph-editor .ph-operative').count()).toBe(4);
      // Typed and discarded with Escape.
      await caretAtEnd(china.page, 'op2');
      await china.page.keyboard.type(' Never mind');
      await expect.poll(() => china.page.locator('.ph-editor [data-id="op2"] ins.ph-suggest-ins').textContent()).toBe(' Never mind');
      await china.page.keyboard.press('Escape');
      await expect.poll(() => china.page.locator('.ph-editor ins.ph-suggest-ins').count()).toBe(0);
      expect(await sharedWords(china.page, 'op2')).toBe('Requests the Secretariat to report;');

      // "Invites Member States to contribute;" → "… to contribute generously;", one key at a time.
      await caretAtEnd(china.page, 'op3');
      await china.page.keyboard.press('ArrowLeft');
      await china.page.keyboard.type(' generously');
      await expect.poll(() => china.page.locator('.ph-editor [data-id="op3"] ins.ph-suggest-ins').textContent()).toBe(' generously');
      const form = china.page.locator('.ph-suggest-form[data-paragraph="op3"]');
      await expect.poll(() => form.locator('.ph-suggest-described').textContent()).toBe('Your suggestion: OP 3: insert "generously" after "contribute"');
      // Nothing reached the shared text: not the server's, not the penholder's.
      await chile.page.waitForTimeout(300);
      expect(await storedText(world, draftId)).not.toContain('generously');
      expect(await sharedWords(chile.page, 'op3')).toBe('Invites Member States to contribute;');

      // The page while suggesting, its form open: nothing axe-core finds against WCAG 2.1 A/AA.
      for (const part of ['.ph-suggestions', '.proposals-panel', '.ph-editor', '[data-banner]', '.draft-meta']) expect(await axeViolations(china.page, part)).toEqual([]);
      await screenshot(china.page, 'suggesting-delegate');
      await form.locator('textarea').fill(HOSTILE);
      await form.getByRole('button', { name: 'Propose' }).click();
      await expect.poll(() => china.page.locator('[data-suggest="message"]').textContent(), { timeout: 5_000 }).toMatch(/^Proposed: /);
      await expect.poll(() => china.page.locator('.ph-editor ins.ph-suggest-ins').count()).toBe(0);

      // The penholder's page: live in the side list and in the text, in China's name; the rationale is text.
      const card = chile.page.locator('.proposals-panel li.proposal', { hasText: 'generously' });
      await expect.poll(() => card.count(), { timeout: 5_000 }).toBe(1);
      expect(await chile.page.locator('.proposals-panel li.proposal').count()).toBe(2);
      // The paragraph proposal marks OP 2 in the penholder's text.
      expect(await chile.page.locator('.ph-editor [data-id="op2"].ph-proposal-insert_paragraph').getAttribute('title')).toMatch(
        /^Proposal of China, pending: insert a new operative paragraph after OP 2/,
      );
      expect(await card.locator('.proposal-described').textContent()).toBe('OP 3: insert "generously" after "contribute"');
      expect(await card.locator('.proposal-rationale').textContent()).toContain(HOSTILE);
      expect(await card.locator('.proposal-delegation').textContent()).toBe('China');
      const mark = chile.page.locator('.ph-editor [data-id="op3"] ins.ph-proposal-insert');
      await expect.poll(() => mark.textContent(), { timeout: 5_000 }).toBe(' generously');
      expect(await mark.getAttribute('title')).toMatch(/^Proposal of China, pending: OP 3: insert "generously"/);
      // Placed by the anchor the server recorded (Yjs relative positions), not by searching its words.
      expect(await mark.getAttribute('data-placed')).toBe('anchor');
      // China sees its own proposal in the text too, and may withdraw it from the list.
      await expect.poll(() => china.page.locator('.ph-editor [data-id="op3"] ins.ph-proposal-insert').count(), { timeout: 5_000 }).toBe(1);
      await expect
        .poll(() =>
          china.page
            .locator('.proposals-panel li.proposal')
            .getByRole('button', { name: /^Withdraw/ })
            .count(),
        )
        .toBe(2);
      expect(
        await china.page
          .locator('.proposals-panel li.proposal')
          .getByRole('button', { name: /^Accept/ })
          .count(),
      ).toBe(0);
      for (const page of [chile.page, china.page]) {
        expect(await page.evaluate(() => (window as { __x?: unknown }).__x)).toBeUndefined();
        expect(await page.locator('.proposals-panel img').count()).toBe(0);
      }
      await screenshot(chile.page, 'suggesting-penholder');

      // The penholder edits before the quoted words: the proposal stays on them, in both pages.
      await chile.page.locator('.ph-editor [data-id="op3"]').click();
      await chile.page.keyboard.press('Home');
      await chile.page.keyboard.type('Also ');
      for (const page of [chile.page, china.page]) {
        await expect.poll(() => sharedWords(page, 'op3'), { timeout: 5_000 }).toBe('Also Invites Member States to contribute;');
        await expect
          .poll(() =>
            page
              .locator('.ph-editor [data-id="op3"] ins.ph-proposal-insert')
              .evaluate((e) => `${e.previousSibling?.textContent?.slice(-10)}|${e.textContent}|${e.nextSibling?.textContent}`),
          )
          .toBe('contribute| generously|;');
      }

      // The penholder accepts from the side list: both pages show the new words live.
      await card.getByRole('button', { name: /^Accept the proposal of China/ }).click();
      for (const page of [chile.page, china.page]) {
        await expect.poll(() => sharedWords(page, 'op3'), { timeout: 5_000 }).toBe('Also Invites Member States to contribute generously;');
        await expect.poll(() => page.locator('.proposals-panel li.proposal', { hasText: 'generously' }).count(), { timeout: 5_000 }).toBe(0);
        expect(await page.locator('.proposals-panel li.proposal').count()).toBe(1);
        await expect.poll(() => page.locator('.ph-editor ins.ph-proposal-insert').count()).toBe(0);
      }
      expect(await storedText(world, draftId)).toContain('Also Invites Member States to contribute generously;');
      expect(await china.page.evaluate(() => (window as { __x?: unknown }).__x)).toBeUndefined();
      await chile.context.close();
      await china.context.close();
    },
    TEST_MS,
  );

  it(
    'a sponsor switches to Suggesting (aria-pressed) and a server refusal is said beside Propose',
    async () => {
      const draftId = await makeDraft(world, 'Sponsor suggests', ['CHL']);
      const chile = await openDraft(browser, world, 'chile', draftId);
      const editing = chile.page.getByRole('button', { name: 'Editing' });
      const suggesting = chile.page.getByRole('button', { name: 'Suggesting' });
      await expect.poll(() => editing.getAttribute('aria-pressed')).toBe('true');
      expect(await suggesting.getAttribute('aria-pressed')).toBe('false');
      // By keyboard: focus the switch and press Space.
      await suggesting.focus();
      await chile.page.keyboard.press('Space');
      await expect.poll(() => suggesting.getAttribute('aria-pressed')).toBe('true');
      expect(await chile.page.locator('[data-banner="suggesting"]').isVisible()).toBe(true);

      await caretAtEnd(chile.page, 'op1');
      await chile.page.keyboard.press('ArrowLeft');
      await chile.page.keyboard.type(' urgently');
      const form = chile.page.locator('.ph-suggest-form[data-paragraph="op1"]');
      await expect.poll(() => form.locator('.ph-suggest-described').textContent()).toBe('Your suggestion: OP 1: insert "urgently" after "work"');
      // The words change on the server before it is proposed: the server refuses, and says why beside it.
      const secretariatEdit = await call(world.server, 'POST', `/api/drafts/${draftId}/proposals`, {
        cookie: world.secretariat.cookie,
        body: { amendment: { kind: 'replace_words', paragraphId: 'op1', words: 'work', text: 'labours' } },
      });
      expect(secretariatEdit.status).toBe(201);
      const accepted = await call(world.server, 'POST', `/api/drafts/${draftId}/proposals/${(secretariatEdit.body as { id: string }).id}/decision`, {
        cookie: world.secretariat.cookie,
        body: { state: 'accepted' },
      });
      expect(accepted.status).toBe(200);
      await expect.poll(() => sharedWords(chile.page, 'op1'), { timeout: 5_000 }).toBe('Decides to continue its labours;');
      // The suggestion follows the words around it: it now inserts after "labours".
      await expect.poll(() => form.locator('.ph-suggest-described').textContent()).toBe('Your suggestion: OP 1: insert "urgently" after "labours"');
      // Over the limit (the field's maxlength stops a typist; a page's script need not): the server's 422 is said.
      await form.locator('textarea').evaluate((t) => {
        (t as HTMLTextAreaElement).value = 'x'.repeat(2_001);
      });
      await form.getByRole('button', { name: 'Propose' }).click();
      await expect.poll(() => form.locator('[data-suggest="refusal"]').textContent(), { timeout: 5_000 }).toMatch(/^Not proposed: /);
      expect(await storedText(world, draftId)).not.toContain('urgently');

      // Back to editing: the suggestion is dropped and typing goes into the text.
      await editing.click();
      await expect.poll(() => chile.page.locator('.ph-editor ins.ph-suggest-ins').count()).toBe(0);
      await caretAtEnd(chile.page, 'op4');
      await chile.page.keyboard.type(' Edited.');
      await expect.poll(() => storedText(world, draftId), { timeout: 5_000 }).toContain('Edited.');
      await chile.context.close();
    },
    TEST_MS,
  );
  it(
    'Enter pressed before the editor has heard of a new caret opens the form for the paragraph the page shows the caret in',
    async () => {
      const draftId = await makeDraft(world, 'Caret ahead', ['CHL']);
      const china = await openDraft(browser, world, 'china', draftId);
      await caretAtEnd(china.page, 'op1');
      // The browser tells the editor of a moved caret a task later (selectionchange); a key can come first.
      // Here the caret moves to the end of OP 3 and Enter is pressed in the same task.
      await china.page.evaluate(() => {
        const words = document.querySelector('.ph-editor [data-id="op3"]')?.lastChild;
        const editor = document.querySelector('.ph-editor');
        if (!words || !editor) throw new Error('no OP 3');
        document.getSelection()?.collapse(words, words.textContent?.length ?? 0);
        editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true, cancelable: true }));
      });
      const opened = china.page.locator('.ph-paragraph-proposal[data-kind="insert_paragraph"]');
      await opened.waitFor({ timeout: 5_000 });
      expect(await opened.getAttribute('data-paragraph')).toBe('op3');
      expect(await opened.locator('legend').textContent()).toBe('Propose a new paragraph beside OP 3');
      await china.context.close();
    },
    TEST_MS,
  );
  it(
    'an input method composes in suggesting mode (Chinese): the words being composed stay on the page, the shared text untouched, and become one suggestion',
    async () => {
      const draftId = await makeDraft(world, 'Composing', ['CHL']);
      const china = await openDraft(browser, world, 'china', draftId);
      await caretAtEnd(china.page, 'op3');
      await china.page.keyboard.press('ArrowLeft');
      const cdp = await china.context.newCDPSession(china.page);
      for (const text of ['c', 'ch', 'chong']) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      expect(await china.page.locator('.ph-editor [data-id="op3"]').textContent()).toContain('chong');
      await cdp.send('Input.insertText', { text: '充分' });
      await expect.poll(() => china.page.locator('.ph-editor [data-id="op3"] ins.ph-suggest-ins').allTextContents()).toEqual(['充分']);
      // A second composition in the same place goes on with the same suggestion.
      for (const text of ['d', 'di']) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await cdp.send('Input.insertText', { text: '地' });
      await expect.poll(() => china.page.locator('.ph-editor [data-id="op3"] ins.ph-suggest-ins').allTextContents()).toEqual(['充分地']);
      expect(await sharedWords(china.page, 'op3')).toBe('Invites Member States to contribute;');
      await expect
        .poll(() => china.page.locator('.ph-suggest-form[data-paragraph="op3"] .ph-suggest-described').textContent())
        .toBe('Your suggestion: OP 3: insert "充分地" after "contribute"');
      expect(await storedText(world, draftId)).not.toMatch(/充分|chong/);
      await china.context.close();
    },
    TEST_MS,
  );
  it(
    "tells a member State of a sponsoring group, in the suggesting banner, that it is not a sponsor (the illustrative draft's European Union)",
    async () => {
      const sessions = await call<{ id: string; symbolPrefix?: string }[]>(world.server, 'GET', '/api/sessions', { cookie: world.secretariat.cookie });
      const drafts = (
        await Promise.all(
          sessions.body.map((x) => call<{ id: string; symbol: string }[]>(world.server, 'GET', `/api/sessions/${x.id}/drafts`, { cookie: world.secretariat.cookie })),
        )
      ).flatMap((r) => r.body);
      const illustrative = drafts.find((d) => d.symbol.startsWith('ILLUSTRATIVE/'));
      expect(illustrative).toBeDefined();
      const germany = await signedInPage(browser, world.server, 'germany', `/drafts/${illustrative!.id}`);
      await germany.page.locator('.ph-editor [data-id]').first().waitFor({ timeout: 15_000 });
      const note = await germany.page.evaluate(
        async (id) => ((await (await fetch(`/api/drafts/${id}`)).json()) as { sponsorshipNote: string | null }).sponsorshipNote,
        illustrative!.id,
      );
      expect(note).toMatch(/Germany is not a sponsor/);
      await expect
        .poll(() => germany.page.locator('[data-banner="suggesting"]').textContent(), { timeout: 5_000 })
        .toBe(`You are suggesting: your changes become proposals to the sponsors. ${note!.replace(/\.?$/, '.')}`);
      await germany.context.close();
    },
    TEST_MS,
  );
});
