/**
 * The demo as a newcomer finds it in a real Chromium: on the illustrative draft in negotiation,
 * the penholder's two-column view shows proposals pending from several delegations beside their
 * paragraphs, one accepted (its word in the text) and one rejected, every rationale labelled
 * illustrative, two comment threads (one resolved); the penholder's inbox already counts them;
 * Germany's delegate reads why the European Union's sponsorship does not make Germany a sponsor.
 * Nothing is tabled here: all of it is the seed's (server/demo/illustrativeWorkflow.ts).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/server';
import { closeBrowserWorld, hasChromium, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, type World } from './harness';

requireChromiumInCI();

const TEST_MS = 90_000;
const ILLUSTRATIVE = 'Illustrative (written for the demo):';

describe.skipIf(!hasChromium)('the demo in Chromium: the whole room at work on the illustrative draft', () => {
  let world: World;
  let browser: Browser;
  let draftId: string;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
    const sessions = await call<{ id: string; symbolPrefix: string }[]>(world.server, 'GET', '/api/sessions', { cookie: world.secretariat.cookie });
    const session = sessions.body.find((s) => s.symbolPrefix === 'ILLUSTRATIVE')!;
    const drafts = await call<{ id: string }[]>(world.server, 'GET', `/api/sessions/${session.id}/drafts`, { cookie: world.secretariat.cookie });
    draftId = drafts.body[0]!.id;
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it(
    'shows the penholder proposals from several delegations beside their paragraphs, the decided ones, and the threads',
    async () => {
      const { context, page } = await signedInPage(browser, world.server, 'chile', `/drafts/${draftId}/proposals`);
      try {
        const cards = page.locator('[data-proposal]');
        await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(6);
        const pendingBy = await page.locator('[data-proposal][data-state="pending"] .proposal-delegation').evaluateAll((els) => els.map((e) => e.getAttribute('data-delegation')));
        expect(pendingBy.sort()).toEqual(['CHN', 'DEU', 'IND', 'MEX']);
        // Each beside its paragraph: China's on OP 3 (ill-op3), Mexico's on OP 4 (ill-op2).
        expect(await page.locator('.tc-row[data-paragraph="ill-op3"] [data-proposal] .proposal-delegation').getAttribute('data-delegation')).toBe('CHN');
        expect(await page.locator('.tc-row[data-paragraph="ill-op2"] [data-proposal] .proposal-delegation').getAttribute('data-delegation')).toBe('MEX');
        const accepted = page.locator('[data-proposal][data-state="accepted"]');
        expect(await accepted.locator('.proposal-delegation').getAttribute('data-delegation')).toBe('USA');
        expect(await accepted.locator('.proposal-decided').textContent()).toContain('Accepted by Delegate of Chile');
        const rejected = page.locator('[data-proposal][data-state="rejected"] .proposal-delegation');
        expect(await rejected.getAttribute('data-delegation')).toBe('EU');
        expect(await rejected.textContent()).toBe('European Union, on behalf of its member States');
        // The accepted word is in the live text of OP 1.
        await expect
          .poll(() => page.locator('.tc-row[data-paragraph="ill-op1"] .tc-text-body').textContent(), { timeout: 10_000 })
          .toContain('good practices on national training programmes');
        for (const text of await cards.allTextContents()) expect(text).toContain(ILLUSTRATIVE);
        // Two threads, one resolved; what delegations wrote is labelled too.
        const threads = page.locator('[data-thread]');
        await expect.poll(() => threads.count(), { timeout: 10_000 }).toBe(2);
        expect((await threads.evaluateAll((els) => els.map((e) => e.getAttribute('data-resolved')))).sort()).toEqual(['false', 'true']);
        for (const body of await page.locator('[data-thread] .comment-body').allTextContents()) expect(body.startsWith(ILLUSTRATIVE), body).toBe(true);
        await screenshot(page, 'demo-two-column');
      } finally {
        await context.close();
      }
    },
    TEST_MS,
  );

  it(
    "counts what happened in the penholder's inbox from the first sign-in",
    async () => {
      const { context, page } = await signedInPage(browser, world.server, 'chile', '/');
      try {
        await expect.poll(async () => Number((await page.locator('.inbox-count').textContent()) || 0), { timeout: 15_000 }).toBeGreaterThan(0);
        await page.locator('.inbox-link').click();
        const inbox = () => page.locator('main, #app').first().textContent();
        await expect.poll(inbox, { timeout: 10_000 }).toContain('India asks to join the sponsors');
        expect(await inbox()).toMatch(/European Union tabled a proposal (on PP 2 )?on behalf of its member States/);
        expect(await inbox()).not.toContain('on behalf of on behalf of');
        await screenshot(page, 'demo-inbox');
      } finally {
        await context.close();
      }
    },
    TEST_MS,
  );

  it(
    "tells Germany's delegate that the European Union sponsors on behalf of its member States, and offers the proposal path",
    async () => {
      const { context, page } = await signedInPage(browser, world.server, 'germany', `/drafts/${draftId}`);
      try {
        const banner = page.locator('.banner[data-banner="suggesting"]');
        await banner.waitFor({ timeout: 15_000 });
        expect(await banner.textContent()).toContain('Germany is not a sponsor; the European Union sponsors on behalf of its member States.');
        expect(await banner.textContent()).toContain('your changes become proposals');
        // The draft says once that it is illustrative, and that the delegations' part is too.
        const note = (await page.locator('[data-provenance="illustrative"]').first().textContent()) ?? '';
        expect(note.match(/not part of any session/g)).toHaveLength(1);
        expect(note).toContain("the delegations' proposals, comments and requests on it are written for the demo too");
      } finally {
        await context.close();
      }
    },
    TEST_MS,
  );
});
