/**
 * The browser app under its Content-Security-Policy, in a real Chromium: every page (sign-in,
 * drafts, a draft with two collaborators' cursors, console, administration, account) loads with
 * no CSP violation and no console error; the secretariat creates an account in the
 * administration and hands over a one-time link, with which the new user chooses a password and
 * signs in. Screenshot: test-artifacts/screenshots/admin.png. Bounded under 60 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeBrowserWorld, demoLogin, demoPassword, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, screenshot, type World } from './harness';

requireChromiumInCI();

/** A page that records CSP violations (as the document reports them) and console errors. */
async function watchedPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Injected by the browser driver (not subject to the page's CSP), before any page script runs.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // A refused sign-in or a 401 before signing in is expected; anything about the policy is not.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

async function signIn(page: Page, url: string, login: string, password: string): Promise<void> {
  await page.goto(url);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#who button', { hasText: 'Sign out' }).waitFor({ timeout: 10_000 });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

describe.skipIf(!hasChromium)('the app under its Content-Security-Policy', () => {
  let world: World;
  let browser: Browser;
  let draftId: string;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
    draftId = await makeDraft(world, 'Cooperation under a strict policy', ['CHL', 'MEX']);
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it('would see a violation: an inline script injected into the page is blocked and reported', async () => {
    const probe = await watchedPage(browser);
    await probe.page.goto(world.server.url);
    await probe.page.locator('#login').waitFor();
    const ran = await probe.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations(probe.page)).toEqual([expect.stringMatching(/^script-src/)]);
    await probe.context.close();
  });

  it('loads every page with the CSP on and no violation, and runs the administration end to end', async () => {
    const officer = await watchedPage(browser);
    const response = await officer.page.goto(world.server.url);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await signIn(officer.page, world.server.url, demoLogin('secretariat'), demoPassword('secretariat'));
    await officer.page.locator('table.drafts tbody tr').first().waitFor({ timeout: 10_000 });

    // A draft with a second collaborator: cursors, presence swatches, the collaboration socket.
    const chile = await watchedPage(browser);
    await signIn(chile.page, `${world.server.url}/drafts/${draftId}`, demoLogin('chile'), demoPassword('chile'));
    await officer.page.goto(`${world.server.url}/drafts/${draftId}`);
    for (const p of [officer.page, chile.page]) {
      await p.locator('.ph-editor [data-id="op1"]').waitFor({ timeout: 15_000 });
      await expect.poll(() => p.locator('.connection').getAttribute('data-status')).toBe('connected');
    }
    await chile.page.locator('.ph-editor [data-id="op1"]').click();
    await chile.page.keyboard.type(' Chile adds this.');
    await expect.poll(() => officer.page.locator('.ProseMirror-yjs-cursor').count(), { timeout: 5_000 }).toBeGreaterThan(0);

    await officer.page.getByRole('link', { name: 'Console' }).click();
    await officer.page.locator('table.console tbody tr').first().waitFor({ timeout: 10_000 });
    await officer.page.getByRole('link', { name: 'Account' }).click();
    await officer.page.locator('#current-password').waitFor();

    // Administration: create an account; its one-time link is shown once.
    await officer.page.getByRole('link', { name: 'Administration' }).click();
    const form = officer.page.getByRole('form', { name: 'Account' });
    await form.waitFor();
    await form.getByLabel('Name').fill('Delegate of Peru');
    await form.getByLabel('E-mail (login)').fill('peru.delegate@example.org');
    await form.getByLabel('Role').selectOption('delegate');
    await form.getByLabel('Delegation').selectOption({ label: 'Peru' });
    await form.getByRole('button', { name: 'Create account' }).click();
    const secret = officer.page.locator('.admin-secret');
    await secret.waitFor();
    const link = (await secret.textContent())!;
    expect(link).toMatch(new RegExp(`^${world.server.url}/reset#code=[A-Za-z0-9_-]{43}$`));
    await officer.page.locator('tr[data-user="peru.delegate@example.org"]').waitFor();
    await screenshot(officer.page, 'admin');

    for (const section of ['Delegations', 'Chairs', 'Audit record']) {
      await officer.page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: section }).click();
      await officer.page.getByRole('heading', { level: 2, name: section === 'Chairs' ? 'Chairs of consultations' : section }).waitFor();
    }
    await expect.poll(() => officer.page.locator('section table tbody tr').count()).toBeGreaterThan(0);

    // The new user opens the link, chooses a password, and signs in with it.
    const peru = await watchedPage(browser);
    await peru.page.goto(link);
    expect(new URL(peru.page.url()).hash).toBe(''); // the code leaves the address bar at once
    await peru.page.locator('#new-password').fill('a passphrase of my own');
    await peru.page.locator('#new-password-again').fill('a passphrase of my own');
    await peru.page.getByRole('button', { name: 'Set password' }).click();
    await peru.page.locator('#login').waitFor(); // set: on to the sign-in page
    await signIn(peru.page, world.server.url, 'peru.delegate@example.org', 'a passphrase of my own');
    expect(await peru.page.locator('#who').textContent()).toContain('Delegate of Peru (Peru)');

    for (const { page, problems } of [officer, chile, peru]) {
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
    }
    for (const { context } of [officer, chile, peru]) await context.close();
  }, 60_000);
});
