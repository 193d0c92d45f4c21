/**
 * Co-sponsorship online in Chromium: a delegate asks to co-sponsor from the draft's page, the
 * penholder confirms in another page, both lists show the new co-sponsor live and the new
 * co-sponsor may edit; a declined request's note is shown as text; the secretariat adds a
 * co-sponsor and sets the deadline from the panel, and the delegate's page says it closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { call } from '../helpers/server';
import { closeBrowserWorld, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, type World } from './harness';

requireChromiumInCI();
const TEST_MS = 90_000;

async function openDraft(browser: Browser, world: World, account: string, draftId: string) {
  const opened = await signedInPage(browser, world.server, account, `/drafts/${draftId}`);
  await opened.page.locator('.ph-editor [data-id="op1"]').waitFor({ timeout: 15_000 });
  await expect.poll(() => opened.page.locator('.connection').getAttribute('data-status')).toBe('connected');
  return opened;
}
const sponsorsList = (page: Page) => page.locator('.sponsors-panel ul.sponsors').first().textContent();
const panelText = (page: Page) => page.locator('.sponsors-panel').textContent();

describe.skipIf(!hasChromium)('co-sponsorship online in Chromium', () => {
  let world: World;
  let browser: Browser;
  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);
  afterAll(() => closeBrowserWorld(world, browser));

  it(
    'a delegate asks to co-sponsor, the penholder confirms in another page, and both lists show the new co-sponsor',
    async () => {
      const draftId = await makeDraft(world, 'Asking to co-sponsor', ['CHL']);
      const china = await openDraft(browser, world, 'china', draftId);
      const chile = await openDraft(browser, world, 'chile', draftId);
      expect(await sponsorsList(china.page)).not.toContain('China');

      await china.page.getByRole('button', { name: 'Ask to co-sponsor' }).click();
      await expect.poll(() => china.page.locator('[data-own-request="pending"]').textContent(), { timeout: 5_000 }).toContain('Your delegation asked to co-sponsor this draft');
      await expect.poll(() => china.page.getByRole('button', { name: 'Ask to co-sponsor' }).count()).toBe(0);

      // The penholder's open page is told by the server and shows the request with its decision.
      const confirm = chile.page.getByRole('button', { name: 'Confirm: China asks to join the sponsors' });
      await confirm.waitFor({ timeout: 5_000 });
      await screenshot(chile.page, 'cosponsor-request-pending');
      await confirm.click();

      await expect.poll(() => sponsorsList(chile.page), { timeout: 5_000 }).toContain('China');
      await expect.poll(() => sponsorsList(china.page), { timeout: 5_000 }).toContain('China');
      await expect.poll(() => china.page.locator('[data-own-request]').getAttribute('data-own-request'), { timeout: 5_000 }).toBe('confirmed');
      // Now a co-sponsor: China's delegate may edit at once, and may ask to withdraw.
      await expect.poll(() => china.page.locator('[data-banner="read-only"]').isVisible(), { timeout: 5_000 }).toBe(false);
      await expect.poll(() => china.page.getByRole('button', { name: 'Ask to withdraw' }).count(), { timeout: 5_000 }).toBe(1);
      const sponsors = await call(world.server, 'GET', `/api/drafts/${draftId}/sponsors`, { cookie: world.secretariat.cookie });
      expect(sponsors.body.text.en).toBe('Chile and China');
      await screenshot(china.page, 'cosponsor-confirmed');
      await china.context.close();
      await chile.context.close();
    },
    TEST_MS,
  );

  it(
    'shows a declining note as text (no script runs), and the secretariat manages the list and the deadline from the panel',
    async () => {
      const draftId = await makeDraft(world, 'Managed sponsors', ['CHL']);
      const germany = await openDraft(browser, world, 'germany', draftId);
      const chile = await openDraft(browser, world, 'chile', draftId);
      await germany.page.getByRole('button', { name: 'Ask to co-sponsor' }).click();
      await chile.page.getByRole('button', { name: 'Decline: Germany asks to join the sponsors' }).waitFor({ timeout: 5_000 });
      const hostile = '<img src=x onerror="window.__pwned=1"> not now';
      await chile.page.getByRole('textbox', { name: 'Note to Germany (optional)' }).fill(hostile);
      await chile.page.getByRole('button', { name: 'Decline: Germany asks to join the sponsors' }).click();
      await expect.poll(() => germany.page.locator('[data-own-request="declined"]').textContent(), { timeout: 5_000 }).toContain(hostile);
      expect(await germany.page.locator('.sponsors-panel img').count()).toBe(0);
      expect(await germany.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

      // The secretariat adds Mexico, removes it, and sets a deadline already passed; Germany's page says so.
      const officer = await openDraft(browser, world, 'secretariat', draftId);
      await officer.page.locator('.manage-sponsors summary').click();
      await expect.poll(() => officer.page.locator('#sponsor-pick option').count(), { timeout: 5_000 }).toBeGreaterThan(2);
      await officer.page.locator('#sponsor-pick').selectOption({ label: 'Mexico' });
      await officer.page.getByRole('button', { name: 'Add as co-sponsor' }).click();
      await expect.poll(() => sponsorsList(germany.page), { timeout: 5_000 }).toContain('Mexico');
      // …and removes it again from its row.
      await officer.page.getByRole('button', { name: 'Remove: Mexico' }).click();
      await expect.poll(() => sponsorsList(germany.page), { timeout: 5_000 }).not.toContain('Mexico');
      await expect.poll(() => germany.page.locator('.sponsors-panel li.withdrawn').textContent(), { timeout: 5_000 }).toContain('Mexico');
      await officer.page.locator('.manage-sponsors summary').waitFor();
      if ((await officer.page.locator('.manage-sponsors').getAttribute('open')) === null) await officer.page.locator('.manage-sponsors summary').click();
      await officer.page.locator('#cosponsor-deadline').fill('2022-10-20T18:00');
      await officer.page.getByRole('button', { name: 'Set deadline' }).click();
      await expect.poll(() => panelText(germany.page), { timeout: 5_000 }).toContain('Co-sponsorship closed on 20 October 2022, 18:00 UTC.');
      await expect.poll(() => germany.page.getByRole('button', { name: 'Ask to co-sponsor' }).isDisabled(), { timeout: 5_000 }).toBe(true);
      const refused = await call(world.server, 'POST', `/api/drafts/${draftId}/sponsors/requests`, { cookie: (await loginCookie(world, 'germany')) ?? '', body: { kind: 'join' } });
      expect(refused.body.error.id).toBe('cosponsorship_closed');
      await screenshot(officer.page, 'cosponsor-secretariat-panel');
      for (const c of [germany, chile, officer]) await c.context.close();
    },
    TEST_MS,
  );
});

async function loginCookie(world: World, account: string): Promise<string | null> {
  const res = await call(world.server, 'POST', '/api/auth/login', { body: { login: `${account}@demo.penholder`, password: `${account}-cop11-demo` } });
  return res.headers.get('set-cookie')?.split(';')[0] ?? null;
}
