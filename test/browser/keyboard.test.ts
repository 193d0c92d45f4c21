/**
 * The drafting room and the console by keyboard only, in a real Chromium (#21, WCAG 2.1.1 and
 * 2.1.2): a delegate signs in, opens a draft, types, nests a paragraph with Ctrl+] (and hears it),
 * and leaves the text from a subparagraph with Tab, Shift+Tab or Escape without changing it; the
 * chair walks a comparison's change list; the secretariat freezes a text, the confirmation opening
 * on Cancel. Focus is visible at each stop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { makeDraft as makeStoredDraft } from '../helpers/factories';
import { issueLineage } from '../helpers/lineage';
import { call } from '../helpers/server';
import { axeViolations } from './axe';
import { closeBrowserWorld, demoLogin, demoPassword, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, signedInPage, type World } from './harness';

requireChromiumInCI();

const TEST_MS = 90_000;

/** What the focused element is: its tag, classes, text and whether its focus is drawn. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return {
      tag: a?.tagName.toLowerCase() ?? '',
      className: a?.className ?? '',
      text: a?.textContent?.trim() ?? '',
      visible: a?.matches(':focus-visible') ?? false,
      tool: a?.dataset.tool ?? '',
      href: a?.getAttribute('href') ?? '',
    };
  });

/** Press Tab until `accept` holds of the focused element (at most `limit` times). */
async function tabTo(page: Page, accept: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 80): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (seen.length < 20) seen.push(`${f.tag}.${f.className}${f.href ? `[${f.href}]` : ''}`);
    if (accept(f)) {
      expect(f.visible, `focus drawn on ${f.tag}.${f.className}`).toBe(true);
      return;
    }
  }
  throw new Error(`no focus stop matched after ${limit} presses of Tab; the first stops: ${seen.join(', ')}`);
}

/** The text as every paragraph's kind, number and words: what leaving the editor must not change. */
const textShown = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.ph-editor [data-id]')].map((p) => `${p.className.split(' ')[0]} ${p.dataset.number ?? ''} ${p.textContent}`));

describe.skipIf(!hasChromium)('keyboard only in Chromium', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it(
    'a delegate signs in, opens a draft, types, nests, and leaves the text from a subparagraph without changing it',
    async () => {
      const draftId = await makeDraft(world, 'Keyboard only', ['CHL']);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(world.server.url);
      await page.locator('#login').waitFor();
      // Sign in: the login field, Tab, the password, Enter.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('login'); // the sign-in page starts there
      await page.keyboard.type(demoLogin('chile'));
      await page.keyboard.press('Tab');
      await page.keyboard.type(demoPassword('chile'));
      await page.keyboard.press('Enter');
      await page.locator('table.drafts tbody tr').first().waitFor({ timeout: 15_000 });
      // Open the draft from the list (its link is its symbol).
      await tabTo(page, (f) => f.tag === 'a' && f.href === `/drafts/${draftId}`, 200);
      await page.keyboard.press('Enter');
      await page.locator('.ph-editor [data-id="op1"]').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator('.connection').getAttribute('data-status')).toBe('connected');
      // The keys are said on the page, and are the editor's description.
      const note = (await page.locator('#editor-keys').textContent()) ?? '';
      expect(note).toContain('Ctrl+] nests');
      expect(note).toContain('Escape goes to this toolbar');
      expect(await page.locator('.ph-editor').getAttribute('aria-describedby')).toBe('editor-keys');

      // Into the text: the toolbar is one stop, the text the next.
      await tabTo(page, (f) => f.className.includes('ph-editor'));
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // title, PP 1, OP 1, OP 2
      await page.keyboard.press('End');
      await page.keyboard.type(' Typed by keyboard.');
      await expect.poll(() => page.locator('.ph-editor [data-id="op2"]').textContent()).toBe('Requests the Secretariat to report; Typed by keyboard.');
      // Ctrl+] makes OP 2 subparagraph (a) of OP 1, and the page says so.
      await page.keyboard.press('Control+]');
      await expect.poll(() => page.locator('.ph-editor [data-id="op2"]').getAttribute('data-number')).toBe('(a)');
      await expect.poll(() => page.locator('[data-announce="structure"]').textContent()).toBe('now subparagraph (a) of operative paragraph 1');
      await page.keyboard.press('Control+]');
      await expect.poll(() => page.locator('[data-announce="structure"]').textContent()).toBe('now subparagraph (i) of operative paragraph 1');
      await page.keyboard.press('Control+[');
      await expect.poll(() => page.locator('[data-announce="structure"]').textContent()).toBe('now subparagraph (a) of operative paragraph 1');
      const before = await textShown(page);

      // Tab from the subparagraph leaves the text, which does not change.
      await page.keyboard.press('Tab');
      let f = await focused(page);
      expect(f.className).not.toContain('ph-editor');
      expect(f.visible).toBe(true);
      // Shift+Tab comes back into the text; Shift+Tab again leaves it for the toolbar.
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).className).toContain('ph-editor');
      await page.keyboard.press('Shift+Tab');
      f = await focused(page);
      expect(f.className).not.toContain('ph-editor');
      expect(f.tool).not.toBe('');
      expect(f.visible).toBe(true);
      // Escape from the text: to the toolbar.
      await page.keyboard.press('Tab');
      expect((await focused(page)).className).toContain('ph-editor');
      await page.keyboard.press('Escape');
      f = await focused(page);
      expect(f.tool).not.toBe('');
      expect(f.visible).toBe(true);
      await page.waitForTimeout(300); // time for any edit to show
      expect(await textShown(page)).toEqual(before);
      await context.close();
    },
    TEST_MS,
  );

  it(
    'a user who may neither edit nor propose (a chair of other consultations) reaches the read-only text by Tab, and it says it is read-only',
    async () => {
      const draftId = await makeDraft(world, 'Read by keyboard', ['CHL']);
      const { context, page } = await signedInPage(browser, world.server, 'chair', `/drafts/${draftId}`);
      await page.locator('.ph-editor [data-id="op1"]').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator('.connection').getAttribute('data-status')).toBe('connected');
      const text = page.getByRole('textbox', { name: 'Working text of the draft' });
      await expect.poll(() => text.getAttribute('aria-readonly')).toBe('true');
      expect(await text.getAttribute('aria-multiline')).toBe('true');
      expect(await text.getAttribute('contenteditable')).toBe('false');
      await tabTo(page, (f) => f.className.includes('ph-editor'));
      await context.close();
    },
    TEST_MS,
  );

  it(
    'the chair walks the change list of a comparison by keyboard, each change focused and drawn',
    async () => {
      const { store } = world.server;
      const session = (await store.getSession(world.sessionId))!;
      const chile = world.delegations.get('CHL')!;
      const draft = await makeStoredDraft(store, {
        sessionId: session.id,
        createdBy: world.secretariat.user.id,
        mainSponsorId: chile,
        lNumber: (await store.maxLNumber(session.id)) + 1,
      });
      const lineage = await issueLineage(store, session, draft, { userId: world.secretariat.user.id, delegationId: chile });
      const path = `/drafts/${draft.id}/compare?left=${encodeURIComponent(lineage.short.original)}&right=${encodeURIComponent(lineage.short.revised)}`;
      const { context, page } = await signedInPage(browser, world.server, 'chair', path);
      await page.locator('.cmp-changes li').first().waitFor({ timeout: 15_000 });
      // Tab to the first change of the list, Enter: its row has the focus, drawn.
      await tabTo(page, (f) => f.tag === 'button' && f.className.includes('linklike'), 120);
      const first = (await focused(page)).text;
      await page.keyboard.press('Enter');
      const row = () =>
        page.evaluate(() => ({ index: document.activeElement?.getAttribute('data-index') ?? '', drawn: getComputedStyle(document.activeElement!).outlineStyle !== 'none' }));
      const at = await row();
      expect(at.index).not.toBe('');
      expect(at.drawn).toBe(true);
      expect(await page.locator('.cmp-position').textContent()).toContain(first.split(' — ')[0]!);
      // Alt+↓ to the next change, and on; Alt+↑ back.
      await page.keyboard.press('Alt+ArrowDown');
      const next = await row();
      expect(Number(next.index)).toBeGreaterThan(Number(at.index));
      expect(next.drawn).toBe(true);
      await page.keyboard.press('Alt+ArrowUp');
      expect((await row()).index).toBe(at.index);
      await context.close();
    },
    TEST_MS,
  );

  it(
    'the secretariat freezes a text without a mouse; the confirmation opens on Cancel',
    async () => {
      const draftId = await makeDraft(world, 'Frozen by keyboard', ['CHL']);
      const { server, secretariat } = world;
      const as = { cookie: secretariat.cookie };
      const next = await call<{ next: string }>(server, 'GET', `/api/drafts/${draftId}/revisions`, as);
      expect((await call(server, 'POST', `/api/drafts/${draftId}/revisions`, { ...as, body: { symbol: next.body.next } })).status).toBe(201);
      const adopted = await call(server, 'POST', `/api/drafts/${draftId}/events`, {
        ...as,
        body: { type: 'adopted', payload: { meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' }, orallyAmended: false } },
      });
      expect(adopted.status).toBe(201);

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${world.server.url}/console`);
      await page.locator('#login').waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('login'); // the sign-in page starts there
      await page.keyboard.type(demoLogin('secretariat'));
      await page.keyboard.press('Tab');
      await page.keyboard.type(demoPassword('secretariat'));
      await page.keyboard.press('Enter');
      const row = page.locator(`tr[data-draft="${draftId}"]`);
      await row.waitFor({ timeout: 15_000 });
      const freeze = row.locator('button[data-act="freeze"]');
      await freeze.waitFor();
      const freezeName = await freeze.evaluate((b) => b.outerHTML);
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((html) => document.activeElement?.outerHTML === html, freezeName)) break;
      }
      expect(await freeze.evaluate((b) => b === document.activeElement)).toBe(true);
      expect((await focused(page)).visible).toBe(true);
      await page.keyboard.press('Enter');
      const dialog = page.locator('dialog.console-dialog');
      await dialog.waitFor();
      // The safe choice has the focus: Enter by habit cancels.
      expect((await focused(page)).text).toBe('Cancel');
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      expect(await freeze.evaluate((b) => b === document.activeElement)).toBe(true);
      expect(await row.locator('.status').textContent()).not.toContain('frozen');
      // Now on purpose: Shift+Tab from Cancel to Freeze, then Enter.
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).text).toBe('Freeze');
      await page.keyboard.press('Enter');
      await expect.poll(() => row.locator('.status').textContent(), { timeout: 10_000 }).toContain('frozen');
      await context.close();
    },
    TEST_MS,
  );
});
