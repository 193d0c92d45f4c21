/**
 * A refusal of the server in the interface's language, in a real Chromium (client/errorWords.ts,
 * the `errors` catalog): with the interface in French, changing one's password with a wrong
 * current password is refused (`refused`, shared/errors.ts) and the page says so in French, the
 * server's detail after it; in English the server's sentence is shown as it is. And the draft
 * page says in French why a user may only read the working text (shared/policyWords.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loginAs } from '../helpers/server';
import { closeBrowserWorld, demoLogin, demoPassword, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, signedInPage, type World } from './harness';

requireChromiumInCI();

describe.skipIf(!hasChromium)('a refusal in the interface language, in Chromium', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it('says a refused password change in French, with the server detail, and in English as the server says it', async () => {
    const { context, page } = await signedInPage(browser, world.server, 'chile');
    await page.locator('#ui-language').waitFor({ timeout: 15_000 });
    await page.locator('#ui-language').selectOption('fr');
    await page.locator('a.account-link').click();
    await page.locator('#current-password').waitFor({ timeout: 5_000 });
    const status = page.locator('form.login [role="status"]');

    const refuse = async () => {
      await page.locator('#current-password').fill('not-the-password');
      await page.locator('#new-password').fill('a-new-password-long-enough');
      await page.locator('#new-password-again').fill('a-new-password-long-enough');
      await page.locator('form.login button[type="submit"]').click();
    };
    await refuse();
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toBe('Refusé (the current password is wrong)');

    await page.locator('#ui-language').selectOption('en');
    await page.locator('#current-password').waitFor({ timeout: 5_000 });
    await refuse();
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toBe('the current password is wrong');

    // Nothing changed: the demo's password still signs in.
    const signedIn = await loginAs(world.server, demoLogin('chile'), demoPassword('chile'));
    expect(signedIn.cookie).toBeTruthy();
    await context.close();
  }, 90_000);

  it('says in French why the working text is read-only for a chair who does not chair its consultations (the policy reason, shared/policyWords.ts)', async () => {
    const draftId = await makeDraft(world, 'Read only in French', ['CHL']);
    const { context, page } = await signedInPage(browser, world.server, 'chair', `/drafts/${draftId}`);
    await page.locator('.ph-editor [data-id="op1"]').waitFor({ timeout: 15_000 });
    await page.locator('#ui-language').selectOption('fr');
    const banner = page.locator('[data-banner="read-only"]');
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toContain('seuls les délégués des auteurs, la présidence et le secrétariat peuvent modifier ce texte');
    expect(await banner.textContent()).not.toMatch(/only delegates/);
    await context.close();
  }, 90_000);
});
