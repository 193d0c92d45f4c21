/**
 * Agreed means agreed, in a real Chromium: the chair marks OP 1 agreed and sees the mark in the
 * margin; a sponsor edits OP 1 and the chair's margin turns "changed since agreed" within a
 * couple of seconds; the chair locks OP 2, the sponsor's edit of it is refused with the chair's
 * reason while an edit of OP 3 goes through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { call } from '../helpers/server';
import { closeBrowserWorld, demoLogin, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, type World } from './harness';

requireChromiumInCI();

const TEST_MS = 90_000;

async function openDraft(browser: Browser, world: World, account: string, draftId: string) {
  const opened = await signedInPage(browser, world.server, account, `/drafts/${draftId}`);
  await opened.page.locator('.ph-editor [data-id="op1"]').waitFor({ timeout: 15_000 });
  await expect.poll(() => opened.page.locator('.connection').getAttribute('data-status')).toBe('connected');
  return opened;
}

// The margin mark of a paragraph: its accessible name, or null when it has none.
const markOf = (page: Page, id: string) =>
  page
    .locator(`.ph-editor [data-id="${id}"] .ph-margin-mark`)
    .first()
    .getAttribute('aria-label', { timeout: 500 })
    .catch(() => null);

const paragraphText = (page: Page, id: string) =>
  page.locator(`.ph-editor [data-id="${id}"]`).evaluate((e) => {
    const copy = e.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.ProseMirror-yjs-cursor, .ph-margin-mark').forEach((c) => c.remove());
    return copy.textContent ?? '';
  });

// The id of the paragraph holding the caret, when the editor has the focus.
const caretParagraph = (page: Page) =>
  page.evaluate(() => {
    const node = document.getSelection()?.anchorNode ?? null;
    const el = node instanceof Element ? node : (node?.parentElement ?? null);
    return document.activeElement?.classList.contains('ph-editor') ? (el?.closest('[data-id]')?.getAttribute('data-id') ?? null) : null;
  });

// Click into the paragraph, press End, and look that the caret is there before typing (as test/browser/drafting.test.ts does).
async function typeAtEnd(page: Page, id: string, text: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.locator(`.ph-editor [data-id="${id}"]`).click();
        await page.keyboard.press('End');
        return caretParagraph(page);
      },
      { timeout: 5_000, message: `caret in ${id}` },
    )
    .toBe(id);
  if (text) await page.keyboard.type(text);
}

describe.skipIf(!hasChromium)('agreed paragraphs in Chromium', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it(
    'shows agreed, changed since agreed and locked in the margin, and refuses an edit of a locked paragraph with the reason',
    async () => {
      const draftId = await makeDraft(world, 'Agreed means agreed', ['CHL']);
      const cookie = world.secretariat.cookie;
      const users = await call<{ id: string; login: string }[]>(world.server, 'GET', '/api/users', { cookie });
      const chairId = users.body.find((u) => u.login === demoLogin('chair'))!.id;
      expect((await call(world.server, 'PUT', `/api/drafts/${draftId}/chair`, { cookie, body: { chairUserId: chairId } })).status).toBe(200);

      const chair = await openDraft(browser, world, 'chair', draftId);
      const sponsor = await openDraft(browser, world, 'chile', draftId);
      try {
        // The chair marks OP 1 agreed in the paragraph-states panel.
        await chair.page.locator('#ps-paragraph').selectOption('op1');
        await chair.page.locator('#ps-state').selectOption('agreed');
        await chair.page.getByRole('button', { name: 'Set state' }).click();
        await expect.poll(() => markOf(chair.page, 'op1'), { timeout: 10_000 }).toBe('OP 1: agreed');
        await expect.poll(() => markOf(sponsor.page, 'op1'), { timeout: 10_000 }).toBe('OP 1: agreed');
        expect(await markOf(chair.page, 'op2')).toBeNull();

        // The sponsor edits OP 1: the chair's margin says so within a couple of seconds.
        await typeAtEnd(sponsor.page, 'op1', ' Also');
        await expect.poll(() => markOf(chair.page, 'op1'), { timeout: 2_500, interval: 100 }).toMatch(/^OP 1: agreed, changed since agreed/);
        expect(await chair.page.locator('.ph-editor [data-id="op1"] .ph-margin-mark').textContent()).toContain('≠');
        // With who changed it and when, once the record is read again.
        await expect.poll(() => markOf(chair.page, 'op1'), { timeout: 10_000 }).toMatch(/^OP 1: agreed, changed since agreed by .+ on .+/);
        await screenshot(chair.page, 'agreed-changed-since-agreed');

        // The panel says it too, with who and when.
        await expect
          .poll(
            () =>
              chair.page
                .locator('.paragraph-states li.state-changed')
                .first()
                .textContent({ timeout: 500 })
                .catch(() => null),
            { timeout: 12_000 },
          )
          .toMatch(/^OP 1 — agreed, changed since agreed by .+ on .+/);

        // The chair locks OP 2 in the panel.
        await chair.page.locator('#ps-paragraph').selectOption('op2');
        await chair.page.locator('#ps-state').selectOption('agreed');
        await chair.page.getByLabel('Lock its text').check();
        await chair.page.getByRole('button', { name: 'Set state' }).click();
        await expect
          .poll(
            () =>
              chair.page
                .locator('.paragraph-states li.state-locked')
                .textContent({ timeout: 500 })
                .catch(() => null),
            { timeout: 5_000 },
          )
          .toBe('OP 2 — agreed, locked');
        await expect.poll(() => markOf(sponsor.page, 'op2'), { timeout: 10_000 }).toBe('OP 2: agreed, locked by the chair');
        await expect.poll(() => markOf(chair.page, 'op2'), { timeout: 10_000 }).toBe('OP 2: agreed, locked by the chair');

        // The sponsor's edit of OP 2 is refused, and the sponsor is told why; OP 3 takes an edit.
        const op2Before = await paragraphText(sponsor.page, 'op2');
        await typeAtEnd(sponsor.page, 'op2', ' Never');
        await expect
          .poll(() => sponsor.page.getByRole('alert').filter({ hasText: 'locked' }).textContent(), { timeout: 5_000 })
          .toBe('Not changed: OP 2 is agreed and locked by the chair: table a proposal to reopen it.');
        expect(await paragraphText(sponsor.page, 'op2')).toBe(op2Before);
        // Nothing of it went anywhere else either (the caret stays where the sponsor put it).
        expect(await paragraphText(sponsor.page, 'op1')).not.toContain('Never');
        await sponsor.page.keyboard.press('Backspace');
        await sponsor.page.keyboard.type('X');
        expect(await paragraphText(sponsor.page, 'op2')).toBe(op2Before);
        expect(await sponsor.page.locator('.ph-editor').textContent()).not.toContain('Never');
        await typeAtEnd(sponsor.page, 'op3', ' Gladly');
        await expect.poll(() => paragraphText(chair.page, 'op3'), { timeout: 5_000 }).toContain('Gladly');
        expect(await paragraphText(chair.page, 'op2')).toBe(op2Before);
        expect(await chair.page.locator('.ph-editor').textContent()).not.toContain('Never');
        expect(await sponsor.page.locator('.connection').getAttribute('data-status')).toBe('connected');
        await screenshot(sponsor.page, 'agreed-locked-refused');

        // A new paragraph right before the locked one (Enter at the end of OP 1) goes through:
        // the locked paragraph keeps its identity, and its mark follows its new number.
        await typeAtEnd(sponsor.page, 'op1', '');
        // A person's pause: Enter pressed within milliseconds of the click can still split the
        // paragraph the editor last had the caret in (OP 3), before it has read the new caret.
        await sponsor.page.waitForTimeout(300);
        await sponsor.page.keyboard.press('Enter');
        await sponsor.page.keyboard.type('A new paragraph.');
        await expect.poll(() => chair.page.locator('.ph-editor').textContent(), { timeout: 5_000 }).toContain('A new paragraph.');
        await expect.poll(() => markOf(chair.page, 'op2'), { timeout: 5_000 }).toBe('OP 3: agreed, locked by the chair');
        expect(await paragraphText(chair.page, 'op2')).toBe(op2Before);
        expect(await sponsor.page.locator('.connection').getAttribute('data-status')).toBe('connected');
      } finally {
        await chair.context.close();
        await sponsor.context.close();
      }
    },
    TEST_MS,
  );
});
