/**
 * Small things of the drafting room a delegate sees at once (#18, "Small but visible"), in a real
 * Chromium: the footnote button opens an editor in the page (never `window.prompt`); an empty
 * draft says what to type where; negotiation numbers stand beside the text, never over it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { call } from '../helpers/server';
import { closeBrowserWorld, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, signedInPage, type World } from './harness';

requireChromiumInCI();

const TEST_MS = 60_000;

async function openDraft(browser: Browser, world: World, account: string, draftId: string, ready = '.ph-editor [data-id="op1"]') {
  const opened = await signedInPage(browser, world.server, account, `/drafts/${draftId}`);
  await opened.page.locator(ready).waitFor({ timeout: 15_000 });
  await expect.poll(() => opened.page.locator('.connection').getAttribute('data-status')).toBe('connected');
  // A browser dialog would block the page and every remote edit behind it: none may open.
  const dialogs: string[] = [];
  opened.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { ...opened, dialogs };
}

// Click at the end of paragraph `id` and press End.
async function caretAtEnd(page: Page, id: string) {
  await page.locator(`.ph-editor [data-id="${id}"]`).click();
  await page.keyboard.press('End');
}

describe.skipIf(!hasChromium)('editor details in Chromium', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it(
    "marks on the drafts list the drafts the reader's delegation sponsors",
    async () => {
      const draftId = await makeDraft(world, 'Sponsored by Chile and Mexico', ['CHL', 'MEX']);
      const marker = async (account: string) => {
        const { context, page } = await signedInPage(browser, world.server, account);
        const row = page.locator(`table.drafts tr[data-draft="${draftId}"]`);
        await row.waitFor();
        const text = (await row.locator('.yours').allTextContents()).join('');
        await context.close();
        return text;
      };
      expect(await marker('chile')).toBe('Your delegation: main sponsor');
      expect(await marker('mexico')).toBe('Your delegation: co-sponsor');
      expect(await marker('usa')).toBe('');
    },
    TEST_MS,
  );

  it(
    'adds and edits a footnote in an editor in the page; Escape cancels; no browser prompt',
    async () => {
      const draftId = await makeDraft(world, 'Footnotes in the page', ['CHL']);
      const { context, page, dialogs } = await openDraft(browser, world, 'chile', draftId);
      await caretAtEnd(page, 'op1');
      await page.getByRole('button', { name: /^Footnote/ }).click();
      const editor = page.getByRole('dialog', { name: 'Footnote text' });
      await editor.waitFor();
      await editor.getByLabel('Footnote text').fill('See resolution 10/4.');
      await editor.getByLabel('Footnote text').press('Enter');
      await expect.poll(() => page.locator('.ph-editor [data-id="op1"] .ph-footnote').count()).toBe(1);
      expect(await page.locator('.ph-editor [data-id="op1"] .ph-footnote').getAttribute('title')).toBe('See resolution 10/4.');
      expect(await editor.count()).toBe(0);
      // Focus is back in the text: typing goes on where the footnote went.
      await page.keyboard.type(' More.');
      await expect.poll(() => page.locator('.ph-editor [data-id="op1"]').textContent()).toContain('More.');

      // Double-click the mark: the same editor, holding the note; Escape leaves it unchanged.
      await page.locator('.ph-editor [data-id="op1"] .ph-footnote').dblclick();
      const edit = page.getByRole('dialog', { name: /Footnote text/ });
      await edit.waitFor();
      expect(await edit.getByRole('textbox').inputValue()).toBe('See resolution 10/4.');
      await edit.getByRole('textbox').fill('Changed, then cancelled.');
      await page.keyboard.press('Escape');
      expect(await edit.count()).toBe(0);
      expect(await page.locator('.ph-editor [data-id="op1"] .ph-footnote').getAttribute('title')).toBe('See resolution 10/4.');

      // Edited for real with the Save button.
      await page.locator('.ph-editor [data-id="op1"] .ph-footnote').dblclick();
      await edit.getByRole('textbox').fill('See resolution 10/5.');
      await edit.getByRole('button', { name: 'Save footnote' }).click();
      await expect.poll(() => page.locator('.ph-editor [data-id="op1"] .ph-footnote').getAttribute('title')).toBe('See resolution 10/5.');
      expect(dialogs).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );

  it(
    'shows an empty draft what to type where, and stops once the title is typed',
    async () => {
      const created = await call<{ id: string }>(world.server, 'POST', `/api/sessions/${world.sessionId}/drafts`, {
        cookie: world.secretariat.cookie,
        body: { kind: 'resolution', title: { en: 'Empty', zh: 'Empty' }, agendaItem: '3', mainSponsorId: world.delegations.get('CHL') },
      });
      expect(created.status).toBe(201);
      const { context, page } = await openDraft(browser, world, 'chile', created.body.id, '.ph-editor .ph-title');
      const hint = () => page.locator('.ph-editor .ph-placeholder').getAttribute('data-placeholder');
      await expect.poll(hint).toContain('Type the title here');
      expect(await page.locator('.ph-editor').getAttribute('aria-placeholder')).toContain('Type the title here');
      // Never part of the text.
      expect(await page.locator('.ph-editor').textContent()).toBe('');
      await page.locator('.ph-editor .ph-title').click();
      await page.keyboard.type('Cooperation');
      await expect.poll(() => page.locator('.ph-editor .ph-placeholder').count()).toBe(0);
      expect(await page.locator('.ph-editor').getAttribute('aria-placeholder')).toBeNull();
      await context.close();
    },
    TEST_MS,
  );

  it(
    'shows a person with two tabs once, and announces who joins and leaves, not every caret move',
    async () => {
      const draftId = await makeDraft(world, 'Two tabs', ['CHL', 'USA']);
      const usa = await openDraft(browser, world, 'usa', draftId);
      const first = await openDraft(browser, world, 'chile', draftId);
      // The same account's second tab: same browser context, same sign-in.
      const second = await first.context.newPage();
      await second.goto(`${world.server.url}/drafts/${draftId}`);
      await second.locator('.ph-editor [data-id="op1"]').waitFor({ timeout: 15_000 });
      const entries = () => usa.page.locator('.presence li').allTextContents();
      await expect.poll(entries, { timeout: 5_000 }).toEqual([expect.stringContaining('United States'), expect.stringMatching(/Chile.*2 tabs/)]);
      const announced = () => usa.page.locator('.presence-announcer').textContent();
      await expect.poll(announced).toMatch(/Chile.*joined/);
      // Carets moving in the text change nothing that is read out.
      const before = await announced();
      await caretAtEnd(first.page, 'op2');
      await first.page.keyboard.type(' x');
      await caretAtEnd(second, 'op1');
      await usa.page.waitForTimeout(500);
      expect(await announced()).toBe(before);
      // The others' carets stand inside the words: never read out there (#21).
      const cursors = await usa.page.locator('.ProseMirror-yjs-cursor').evaluateAll((els) => els.map((e) => e.getAttribute('aria-hidden')));
      expect(cursors.length).toBeGreaterThan(0);
      expect(cursors.every((hidden) => hidden === 'true')).toBe(true);
      await first.context.close();
      await expect.poll(entries, { timeout: 5_000 }).toEqual([expect.stringContaining('United States')]);
      await expect.poll(announced).toMatch(/Chile.*left/);
      await usa.context.close();
    },
    TEST_MS,
  );

  it(
    'colours the text by the delegation that wrote it when asked, with a legend',
    async () => {
      const draftId = await makeDraft(world, 'Authorship colours', ['CHL', 'USA']);
      const chile = await openDraft(browser, world, 'chile', draftId);
      const usa = await openDraft(browser, world, 'usa', draftId);
      await caretAtEnd(chile.page, 'op1');
      await chile.page.keyboard.type(' Chile wrote this.');
      await caretAtEnd(usa.page, 'op3');
      await usa.page.keyboard.type(' The United States wrote this.');
      await expect.poll(() => chile.page.locator('.ph-editor [data-id="op3"]').textContent()).toContain('United States wrote this.');
      expect(await chile.page.locator('.ph-editor .ph-author').count()).toBe(0);
      const toggle = chile.page.getByRole('button', { name: 'Authorship colours' });
      // The words reach the log a moment after the others see them: ask until they are there.
      const tinted = (who: string) => chile.page.locator(`.ph-editor .ph-author[title="Written by ${who}"]`).evaluateAll((els) => els.map((e) => e.textContent).join(''));
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => tinted('Chile'), { timeout: 10_000 }).toContain('Chile wrote this.');
      await expect.poll(() => tinted('United States'), { timeout: 10_000 }).toContain('The United States wrote this.');
      expect(await tinted('Chile')).not.toContain('United States wrote');
      const legend = await chile.page.locator('.authorship-legend li').allTextContents();
      expect(legend.some((l) => l.startsWith('United States: '))).toBe(true);
      expect(legend.some((l) => l.startsWith('Chile: '))).toBe(true);
      await toggle.click();
      expect(await chile.page.locator('.ph-editor .ph-author').count()).toBe(0);
      await chile.context.close();
      await usa.context.close();
    },
    TEST_MS,
  );

  it(
    "names in the comparison's change list who changed a paragraph since the issue, and when",
    async () => {
      const draftId = await makeDraft(world, 'Who changed it', ['CHL', 'USA']);
      const next = await call<{ next: string }>(world.server, 'GET', `/api/drafts/${draftId}/revisions`, { cookie: world.secretariat.cookie });
      const symbol = next.body.next;
      expect((await call(world.server, 'POST', `/api/drafts/${draftId}/revisions`, { cookie: world.secretariat.cookie, body: { symbol } })).status).toBe(201);
      const chile = await openDraft(browser, world, 'chile', draftId);
      await caretAtEnd(chile.page, 'op2');
      await chile.page.keyboard.type(' Chile adds this.');
      await expect.poll(() => chile.page.locator('.connection').getAttribute('data-status')).toBe('connected');
      const page = chile.page;
      await page.goto(`${world.server.url}/drafts/${draftId}/compare?left=${encodeURIComponent(symbol)}&right=working`);
      await expect
        .poll(async () => (await page.locator('.cmp-changes li').allTextContents()).join(' | '), { timeout: 15_000 })
        .toMatch(/OP 2 — changed — by Chile, \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}/);
      await chile.context.close();
    },
    TEST_MS,
  );

  it(
    'prints "Original: not in the record" where the record does not give the original language, and the language where it does',
    async () => {
      const sessions = await call<{ id: string; symbolPrefix: string }[]>(world.server, 'GET', '/api/sessions', { cookie: world.secretariat.cookie });
      const cop11 = sessions.body.find((x) => x.symbolPrefix === 'CTOC/COP/2022')!;
      const drafts = await call<{ id: string; symbol: string }[]>(world.server, 'GET', `/api/sessions/${cop11.id}/drafts`, { cookie: world.secretariat.cookie });
      const l4 = drafts.body.find((d) => d.symbol === 'CTOC/COP/2022/L.4')!;
      const original = async (draftId: string) => {
        const { context, page } = await signedInPage(browser, world.server, 'chile', `/drafts/${draftId}/print`);
        const line = page.locator('[data-line="original"]');
        await line.waitFor({ timeout: 15_000 });
        const text = await line.textContent();
        await context.close();
        return text;
      };
      expect(await original(l4.id)).toBe('Original: not in the record');
      const fresh = await makeDraft(world, 'Original language known', ['CHL']);
      expect(await original(fresh)).toMatch(/^Original: (English|Chinese)$/);
    },
    TEST_MS,
  );

  it(
    'drops the local copy of an edit the server refused for good, so that a reload does not send it again',
    async () => {
      const draftId = await makeDraft(world, 'A lock reached while offline', ['CHL']);
      const chile = await openDraft(browser, world, 'chile', draftId);
      const status = () => chile.page.locator('.connection').getAttribute('data-status');
      // Offline, Chile's delegate types in OP 2; meanwhile OP 2 is agreed and locked.
      await chile.context.setOffline(true);
      await expect.poll(status).toBe('offline');
      await caretAtEnd(chile.page, 'op2');
      await chile.page.keyboard.type(' typed offline');
      const locked = await call(world.server, 'POST', `/api/drafts/${draftId}/paragraph-states`, {
        cookie: world.secretariat.cookie,
        body: { paragraphId: 'op2', state: 'agreed', locked: true },
      });
      expect(locked.status).toBe(201);
      // Back online, the edit goes up and is refused for good (4423).
      await chile.context.setOffline(false);
      await expect.poll(status, { timeout: 10_000 }).toBe('closed');
      expect(await chile.page.locator('.connection').textContent()).toContain('locked');
      // Reloaded, the page starts from the server's text: connected, without the refused words.
      await chile.page.reload();
      await chile.page.locator('.ph-editor [data-id="op2"]').waitFor({ timeout: 15_000 });
      await expect.poll(status, { timeout: 10_000 }).toBe('connected');
      await chile.page.waitForTimeout(1_000);
      expect(await status()).toBe('connected');
      expect(await chile.page.locator('.ph-editor [data-id="op2"]').textContent()).not.toContain('typed offline');
      await chile.context.close();
    },
    TEST_MS,
  );

  it(
    'draws the focus ring at 3:1 or more against the page, on controls and on the text (WCAG 1.4.11)',
    async () => {
      const draftId = await makeDraft(world, 'Focus ring', ['CHL']);
      const { context, page } = await openDraft(browser, world, 'chile', draftId);
      const contrast = (selector: string, property: 'outlineColor' | 'boxShadow') =>
        page.evaluate(
          ([sel, prop]) => {
            const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
            const lum = ([r, g, b]: number[]) =>
              [r!, g!, b!]
                .map((v) => v / 255)
                .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
            const el = document.querySelector<HTMLElement>(sel!)!;
            el.focus();
            const ring = lum(rgb(getComputedStyle(el)[prop as 'outlineColor']));
            // What the ring is drawn on: an outline on the parent's background, an inset shadow on the element's own.
            let under: Element | null = prop === 'boxShadow' ? el : el.parentElement;
            const transparent = (c: string) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
            while (under && transparent(getComputedStyle(under).backgroundColor)) under = under.parentElement;
            const page = lum(rgb(under ? getComputedStyle(under).backgroundColor : 'rgb(255,255,255)'));
            const [hi, lo] = ring > page ? [ring, page] : [page, ring];
            return (hi + 0.05) / (lo + 0.05);
          },
          [selector, property],
        );
      // Focus by keyboard, so that :focus-visible applies.
      await page.keyboard.press('Tab');
      expect(await contrast('.toolbar button[tabindex="0"]', 'outlineColor')).toBeGreaterThanOrEqual(3);
      await page.locator('.ph-editor [data-id="op1"]').click();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      expect(await contrast('.ph-editor', 'boxShadow')).toBeGreaterThanOrEqual(3);
      await context.close();
    },
    TEST_MS,
  );

  for (const width of [1280, 360]) {
    it(
      `puts negotiation numbers beside the text, never over it (${width} px wide)`,
      async () => {
        const draftId = await makeDraft(world, `Negotiation tags ${width}`, ['CHL']);
        const { context, page } = await openDraft(browser, world, 'chile', draftId);
        await page.setViewportSize({ width, height: 800 });
        // A paragraph long enough to fill its lines to the edge.
        await caretAtEnd(page, 'op1');
        await page.keyboard.type(' and requests the Secretariat to report on the implementation of this resolution to the Conference at its next session.');
        // The tag's box against the box of the paragraph's own text.
        const overlap = await page.evaluate(() => {
          const mount = document.querySelector('.ph-editor')!.parentElement!;
          mount.classList.add('show-negotiation');
          const paragraph = document.querySelector<HTMLElement>('.ph-editor [data-id="op1"]')!;
          paragraph.setAttribute('data-negotiation', 'OP 12 ter (c)');
          const range = document.createRange();
          range.selectNodeContents(paragraph);
          const text = [...range.getClientRects()];
          const box = paragraph.getBoundingClientRect();
          const tag = getComputedStyle(paragraph, '::after');
          if (tag.position === 'absolute') {
            const left = box.left + Number.parseFloat(tag.left);
            const right = left + Number.parseFloat(tag.width);
            return text.some((r) => r.right > left && r.left < right && r.bottom > box.top && r.top < box.top + Number.parseFloat(tag.height));
          }
          // On its own line: below all of the text (its box ends with the paragraph).
          return tag.display !== 'block';
        });
        expect(overlap).toBe(false);
        await context.close();
      },
      TEST_MS,
    );
  }
});
