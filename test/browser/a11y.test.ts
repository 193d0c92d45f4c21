/**
 * WCAG 2.1 AA in a real Chromium (#21): axe-core with the A and AA rules on every page (sign-in,
 * drafts list, the drafting room as sponsor and as non-sponsor, compare inline and side by side,
 * print, console, administration, account), and reflow at 320 px (no page scrolls sideways). The rules axe cannot check — the
 * keyboard walk — are test/browser/keyboard.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeDraft as makeStoredDraft } from '../helpers/factories';
import { issueLineage } from '../helpers/lineage';
import { call } from '../helpers/server';
import { axeViolations } from './axe';
import { closeBrowserWorld, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, signedInPage, type World } from './harness';

requireChromiumInCI();

const TEST_MS = 90_000;

/** A page of the app, how to reach it and what says it is shown. */
interface AppPage {
  name: string;
  account: string;
  path: (draftId: string) => string;
  ready: string;
}

const PAGES: AppPage[] = [
  { name: 'drafts list', account: 'chile', path: () => '/', ready: 'table.drafts tbody tr' },
  { name: 'drafting room (sponsor)', account: 'chile', path: (id) => `/drafts/${id}`, ready: '.ph-editor [data-id="op1"]' },
  { name: 'drafting room (non-sponsor)', account: 'usa', path: (id) => `/drafts/${id}`, ready: '.ph-editor [data-id="op1"]' },
  { name: 'print', account: 'chile', path: (id) => `/drafts/${id}/print?text=working`, ready: '[data-id="op1"]' },
  { name: 'console', account: 'secretariat', path: () => '/console', ready: 'table.console tbody tr' },
  { name: 'administration', account: 'secretariat', path: () => '/admin', ready: 'tr[data-user]' },
  { name: 'account', account: 'chile', path: () => '/account', ready: '#current-password' },
];

describe.skipIf(!hasChromium)('accessibility of every page in Chromium', () => {
  let world: World;
  let browser: Browser;
  let draftId: string;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
    draftId = await makeDraft(world, 'Accessible to every delegate', ['CHL']);
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  // 320 CSS px is a 1280 px window at 400 % zoom (WCAG 1.4.10): the page reflows into one column.
  const sideways = (page: Page) =>
    page.evaluate(() => {
      const root = document.documentElement;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });

  async function open(page: AppPage): Promise<{ page: Page; close(): Promise<void> }> {
    const opened = await signedInPage(browser, world.server, page.account, page.path(draftId));
    await opened.page.locator(page.ready).first().waitFor({ timeout: 15_000 });
    return { page: opened.page, close: () => opened.context.close() };
  }

  it('the axe helper reports a broken rule, with where', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent('<html lang="en"><head><title>t</title></head><body><main><img src="x.png"><button></button></main></body></html>');
    const found = await axeViolations(page);
    expect(found.map((v) => v.id).sort()).toEqual(['button-name', 'image-alt']);
    expect(found.find((v) => v.id === 'image-alt')?.targets).toEqual(['img']);
    await context.close();
  });

  it(
    'sign-in has no WCAG 2.1 A/AA violation',
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(world.server.url);
      await page.locator('#login').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );

  for (const appPage of PAGES) {
    it(
      `${appPage.name} has no WCAG 2.1 A/AA violation`,
      async () => {
        const { page, close } = await open(appPage);
        expect(await axeViolations(page)).toEqual([]);
        await close();
      },
      TEST_MS,
    );
  }

  it(
    'the one-time link page (choose a password) has no WCAG 2.1 A/AA violation, and reflows at 320 px',
    async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      await page.goto(`${world.server.url}/reset#code=${'x'.repeat(43)}`);
      await page.locator('#new-password').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      const { scrollWidth, clientWidth } = await sideways(page);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      await context.close();
    },
    TEST_MS,
  );

  it(
    'every section of the administration has no WCAG 2.1 A/AA violation, and reflows at 320 px',
    async () => {
      const { page, close } = await open(PAGES.find((p) => p.name === 'administration')!);
      for (const section of ['Delegations', 'Chairs', 'Audit record']) {
        await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: section }).click();
        await page.getByRole('heading', { level: 2, name: section === 'Chairs' ? 'Chairs of consultations' : section }).waitFor();
        await page.locator('section table tbody tr').first().waitFor({ timeout: 10_000 });
        expect(await axeViolations(page), section).toEqual([]);
        await page.setViewportSize({ width: 320, height: 640 });
        const { scrollWidth, clientWidth } = await sideways(page);
        expect(scrollWidth, `${section} at 320 px`).toBeLessThanOrEqual(clientWidth);
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      await close();
    },
    TEST_MS,
  );

  it(
    'drafting room after final action (the text acted on, read only) has no WCAG 2.1 A/AA violation',
    async () => {
      const id = await makeDraft(world, 'Acted on, accessible', ['CHL']);
      const as = { cookie: world.secretariat.cookie };
      const next = await call<{ next: string }>(world.server, 'GET', `/api/drafts/${id}/revisions`, as);
      expect((await call(world.server, 'POST', `/api/drafts/${id}/revisions`, { ...as, body: { symbol: next.body.next } })).status).toBe(201);
      const adopted = { type: 'adopted', payload: { meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' }, orallyAmended: false } };
      expect((await call(world.server, 'POST', `/api/drafts/${id}/events`, { ...as, body: adopted })).status).toBe(201);
      expect((await call(world.server, 'POST', `/api/drafts/${id}/freeze`, { ...as, body: {} })).status).toBeLessThan(300);
      const opened = await signedInPage(browser, world.server, 'chile', `/drafts/${id}`);
      const text = opened.page.locator('.final-text .ph-text-view');
      await text.locator('[data-id="op1"]').waitFor({ timeout: 15_000 });
      expect(await text.getAttribute('role')).toBe('textbox');
      expect(await text.getAttribute('aria-readonly')).toBe('true');
      expect(await text.getAttribute('tabindex')).toBe('0');
      expect(await axeViolations(opened.page)).toEqual([]);
      await opened.context.close();
    },
    TEST_MS,
  );

  /** A draft in Chinese with L.n and L.n/Rev.1 issued (test/helpers/lineage.ts), for the comparison view. */
  async function comparedDraft(): Promise<string> {
    const { store } = world.server;
    const session = (await store.getSession(world.sessionId))!;
    const chile = world.delegations.get('CHL')!;
    const draft = await makeStoredDraft(store, {
      sessionId: session.id,
      createdBy: world.secretariat.user.id,
      mainSponsorId: chile,
      lNumber: (await store.maxLNumber(session.id)) + 1,
      language: 'zh',
    });
    const lineage = await issueLineage(store, session, draft, { userId: world.secretariat.user.id, delegationId: chile });
    return `/drafts/${draft.id}/compare?left=${encodeURIComponent(lineage.short.original)}&right=${encodeURIComponent(lineage.short.revised)}`;
  }

  it(
    'compare, inline and side by side, has no WCAG 2.1 A/AA violation; each side-by-side cell says which text it is; the texts carry their language',
    async () => {
      const path = await comparedDraft();
      const { context, page } = await signedInPage(browser, world.server, 'chile', path);
      await page.locator('.cmp-changes li').first().waitFor({ timeout: 15_000 });
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.locator('.cmp-row .cmp-text').first().getAttribute('lang')).toBe('zh');
      await page.getByLabel('Side by side').check();
      await page.locator('.cmp-cells').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      const [left, right] = await page
        .locator('.cmp-row[data-status="changed"] .cmp-cells > *')
        .evaluateAll((cells) => cells.map((c) => c.querySelector('.cmp-side-name')?.textContent ?? ''));
      expect(left).toMatch(/L\.\d+: $/);
      expect(right).toMatch(/L\.\d+\/Rev\.1: $/);
      await context.close();
    },
    TEST_MS,
  );

  it(
    'compare lets the reader turn the single-key shortcuts n / p off (WCAG 2.1.4)',
    async () => {
      const path = await comparedDraft();
      const { context, page } = await signedInPage(browser, world.server, 'chile', path);
      await page.locator('.cmp-changes li').first().waitFor({ timeout: 15_000 });
      const current = () => page.locator('.cmp-changes li[aria-current="true"]').count();
      await page.keyboard.press('n');
      await expect.poll(current).toBe(1);
      const off = page.getByLabel('Single-key shortcuts (n / p)');
      await off.uncheck();
      await page.locator('body').click({ position: { x: 2, y: 2 } });
      const before = await page.locator('.cmp-position').textContent();
      await page.keyboard.press('n');
      await page.keyboard.press('p');
      expect(await page.locator('.cmp-position').textContent()).toBe(before);
      // Alt+↓ still moves on: a key with a modifier is not a single-key shortcut.
      await page.keyboard.press('Alt+ArrowDown');
      await expect.poll(() => page.locator('.cmp-position').textContent()).not.toBe(before);
      // The choice is remembered.
      await page.reload();
      await page.locator('.cmp-changes li').first().waitFor({ timeout: 15_000 });
      expect(await page.getByLabel('Single-key shortcuts (n / p)').isChecked()).toBe(false);
      await context.close();
    },
    TEST_MS,
  );

  for (const mode of ['inline', 'side'] as const) {
    it(
      `compare (${mode}) reflows at 320 px: no sideways scroll, the text keeps its width, the change list covers nothing`,
      async () => {
        const path = await comparedDraft();
        const { context, page } = await signedInPage(browser, world.server, 'chile', `${path}&mode=${mode}`);
        await page.locator('.cmp-changes li').first().waitFor({ timeout: 15_000 });
        await page.setViewportSize({ width: 320, height: 640 });
        await expect
          .poll(async () => {
            const { scrollWidth, clientWidth } = await sideways(page);
            return scrollWidth - clientWidth;
          })
          .toBeLessThanOrEqual(0);
        const boxes = await page.evaluate(() => {
          const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
          const [main, summary, side] = [box('.cmp-main'), box('.cmp-summary'), box('.cmp-side')];
          return { mainWidth: main.width, overlap: !(side.bottom <= summary.top || side.top >= summary.bottom || side.right <= summary.left || side.left >= summary.right) };
        });
        expect(boxes.mainWidth).toBeGreaterThan(240);
        expect(boxes.overlap).toBe(false);
        await context.close();
      },
      TEST_MS,
    );
  }

  /** The role and accessible name Chromium gives the element `selector` matches (its accessibility tree, over CDP). */
  async function axNode(page: Page, selector: string): Promise<{ role: string; name: string }> {
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`nothing matches ${selector}`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    await cdp.detach();
    return { role: String(nodes[0]?.role?.value ?? ''), name: String(nodes[0]?.name?.value ?? '') };
  }

  it(
    'names each numbered paragraph for screen readers: "operative paragraph 3", never in the text',
    async () => {
      const { page, close } = await open(PAGES[1]!);
      expect(await axNode(page, '.ph-editor [data-id="op3"]')).toEqual({ role: 'group', name: 'operative paragraph 3' });
      expect(await axNode(page, '.ph-editor [data-id="pp1"]')).toEqual({ role: 'group', name: 'preambular paragraph 1' });
      expect(await page.locator('.ph-editor [data-id="op3"]').textContent()).toBe('Invites Member States to contribute;');
      // Nested, the paragraph says whose subparagraph it is.
      await expect.poll(() => page.locator('.connection').getAttribute('data-status')).toBe('connected');
      await page.locator('.ph-editor [data-id="op3"]').click();
      await page.keyboard.press('End');
      // A typed and erased space makes the editor read the caret (a click's selectionchange may come after the next key).
      await page.keyboard.type(' ');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Control+]');
      await expect.poll(() => page.locator('.ph-editor [data-id="op3"]').getAttribute('data-number'), { timeout: 5_000 }).toBe('(a)');
      await expect.poll(() => axNode(page, '.ph-editor [data-id="op3"]'), { timeout: 5_000 }).toEqual({ role: 'group', name: 'subparagraph (a) of operative paragraph 2' });
      await page.keyboard.press('Control+[');
      await close();
    },
    TEST_MS,
  );

  it(
    'names the paragraphs of a Chinese demo draft in Chinese ("执行部分第2段"), its text marked lang="zh", in the editor and in print',
    async () => {
      const as = { cookie: world.secretariat.cookie };
      const sessions = await call<{ id: string }[]>(world.server, 'GET', '/api/sessions', as);
      let chinese: string | null = null;
      for (const session of sessions.body) {
        const drafts = await call<{ id: string }[]>(world.server, 'GET', `/api/sessions/${session.id}/drafts`, as);
        for (const d of drafts.body) {
          const detail = await call<{ language: string; lineage: unknown[] }>(world.server, 'GET', `/api/drafts/${d.id}`, as);
          if (detail.body.language === 'zh' && detail.body.lineage.length > 0) chinese = d.id;
          if (chinese) break;
        }
        if (chinese) break;
      }
      expect(chinese, 'a Chinese draft in the demo').not.toBeNull();
      const opened = await signedInPage(browser, world.server, 'secretariat', `/drafts/${chinese}`);
      const page = opened.page;
      await page.locator('.ph-editor [data-ref]').first().waitFor({ timeout: 15_000 });
      expect(await page.locator('#editor').getAttribute('lang')).toBe('zh');
      const refs = await page.locator('.ph-editor [data-ref]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ref')!));
      const op = refs.find((r) => /^OP \d+$/.test(r));
      const pp = refs.find((r) => /^PP \d+$/.test(r));
      expect(op ?? pp, 'a numbered paragraph in the Chinese draft').toBeDefined();
      if (op) expect(await axNode(page, `.ph-editor [data-ref="${op}"]`)).toEqual({ role: 'group', name: `执行部分第${op.slice(3)}段` });
      if (pp) expect(await axNode(page, `.ph-editor [data-ref="${pp}"]`)).toEqual({ role: 'group', name: `序言部分第${pp.slice(3)}段` });
      // The print view: a Chinese document, its distribution block in English as Chinese documents print it.
      await page.goto(`${world.server.url}/drafts/${chinese}/print`);
      await page.locator('.print-text p[data-id]').first().waitFor({ timeout: 15_000 });
      expect(await page.locator('.print-text').getAttribute('lang')).toBe('zh');
      expect(await page.locator('.print-page').getAttribute('lang')).toBe('zh');
      expect(await page.locator('[data-line="original"]').evaluate((p) => p.closest('[lang]')?.getAttribute('lang'))).toBe('en');
      const printed = await page.locator('.print-text p[role="group"]').first().getAttribute('aria-label');
      expect(printed).toMatch(/^(执行|序言)部分第\d+段/);
      await opened.context.close();
    },
    TEST_MS,
  );

  it(
    'sign-in reflows at 320 px without scrolling sideways',
    async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      await page.goto(world.server.url);
      await page.locator('#login').waitFor();
      const { scrollWidth, clientWidth } = await sideways(page);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      await context.close();
    },
    TEST_MS,
  );

  for (const appPage of PAGES) {
    it(
      `${appPage.name} reflows at 320 px without scrolling sideways`,
      async () => {
        const { page, close } = await open(appPage);
        await page.setViewportSize({ width: 320, height: 640 });
        await expect
          .poll(async () => {
            const { scrollWidth, clientWidth } = await sideways(page);
            return scrollWidth - clientWidth;
          })
          .toBeLessThanOrEqual(0);
        await close();
      },
      TEST_MS,
    );
  }
});
