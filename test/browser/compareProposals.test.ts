/**
 * The comparison page offers "Working text with pending proposals": in a real Chromium, a draft
 * with China's pending proposal compared with its working text shows China's words, and the change
 * list says who proposed the change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loginAs } from '../helpers/server';
import { closeBrowserWorld, demoLogin, demoPassword, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, signedInPage, type World } from './harness';
import { tableProposal } from './twoColumnHarness';

requireChromiumInCI();

const TEST_MS = 90_000;

describe.skipIf(!hasChromium)('comparing with pending proposals in Chromium', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it(
    'offers the working text with pending proposals, and names the proposing delegation of each change',
    async () => {
      const draftId = await makeDraft(world, 'Compared with proposals', ['CHL']);
      const china = await loginAs(world.server, demoLogin('china'), demoPassword('china'));
      await tableProposal(world, china, draftId, { kind: 'replace_words', paragraphId: 'op3', words: 'to contribute', text: 'to contribute generously' });

      const { context, page } = await signedInPage(browser, world.server, 'chile', `/drafts/${draftId}/compare?left=working&right=working`);
      const right = page
        .locator('select')
        .filter({ has: page.locator('option[value="proposals"]') })
        .last();
      await right.waitFor({ timeout: 15_000 });
      expect(await right.locator('option[value="proposals"]').textContent()).toBe('Working text with pending proposals');
      await right.selectOption('proposals');
      await page.waitForURL(/right=proposals/, { timeout: 10_000 });
      await expect.poll(() => page.locator('ol.cmp-changes').textContent(), { timeout: 10_000 }).toMatch(/OP 3 — changed.*by China/);
      await expect.poll(() => page.locator('main').textContent()).toContain('generously');
      await context.close();
    },
    TEST_MS,
  );
});
