/**
 * The secretariat's pages in other languages, in a real Chromium: the console in French puts a new
 * draft forward with its title in French only (the title in the draft's language is the one
 * required: asked for beside that field, in French, before anything is sent), the administration
 * names a delegation in Arabic and Russian; in Arabic the console runs right to left (its table
 * starts on the right, its words are Arabic); back in English, the words the other tests click
 * are there again; a comparison reads in French; the two-column view runs right to left in
 * Arabic while the draft's English words stay left to right. Screenshot: test-artifacts/screenshots/console-arabic.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeDraft } from '../helpers/factories';
import { issueLineage } from '../helpers/lineage';
import { call } from '../helpers/server';
import { axeViolations } from './axe';
import { openTwoColumn } from './twoColumnHarness';
import { closeBrowserWorld, hasChromium, makeDraft as makeDraftWithText, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, type World } from './harness';

requireChromiumInCI();

const ARABIC = /[\u0600-\u06FF]/;
const centreX = async (page: Page, selector: string) => {
  const box = (await page.locator(selector).first().boundingBox())!;
  return box.x + box.width / 2;
};

describe.skipIf(!hasChromium)('the console and the administration in other languages, in Chromium', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it('puts a draft forward in French with its French title only, and says first that the French title is missing', async () => {
    const { context, page } = await signedInPage(browser, world.server, 'secretariat', '/console');
    await page.locator('table.console').first().waitFor({ timeout: 15_000 });
    await page.locator('#ui-language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Console du Secrétariat' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('table.console thead th').first().textContent()).toBe('Cote');

    await page.locator('button[data-act="new-draft"]').first().click();
    const dialog = page.locator('dialog.console-dialog');
    await dialog.waitFor();
    await dialog.locator('select[name="language"]').selectOption('fr');
    // Typed in English only: the form refuses before sending, beside the French title, in French.
    await dialog.locator('input[name="title.en"]').fill('Strengthening cooperation (illustrative, typed by this test)');
    await dialog.locator('input[name="agendaItem"]').fill('4 (a)');
    await dialog.getByRole('button', { name: 'Présenter' }).click();
    const frenchTitle = dialog.locator('input[name="title.fr"]');
    await expect.poll(() => frenchTitle.getAttribute('aria-invalid'), { timeout: 5_000 }).toBe('true');
    expect(await dialog.locator('[data-field="title.fr"] .field-error').textContent()).toBe('indiquez le titre en français, la langue du projet');

    // The French title alone is enough (the English one cleared): put forward, listed with it.
    await dialog.locator('input[name="title.en"]').fill('');
    await frenchTitle.fill('Renforcer la coopération (exemple saisi par ce test)');
    await dialog.getByRole('button', { name: 'Présenter' }).click();
    await page.locator('.console-status', { hasText: 'présenté' }).waitFor({ timeout: 10_000 });
    const row = page.locator('table.console tr', { hasText: 'Renforcer la coopération (exemple saisi par ce test)' });
    await row.waitFor({ timeout: 10_000 });
    const draftId = (await row.getAttribute('data-draft'))!;
    const stored = await call(world.server, 'GET', `/api/drafts/${draftId}`, { cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') });
    expect(stored.status).toBe(200);
    expect(stored.body.title).toEqual({ fr: 'Renforcer la coopération (exemple saisi par ce test)' });
    expect(stored.body.language).toBe('fr');
    await context.close();
  }, 60_000);

  it('names a delegation in Arabic and Russian from the administration', async () => {
    const { context, page } = await signedInPage(browser, world.server, 'secretariat', '/admin/delegations');
    await page.locator('tr[data-delegation]').first().waitFor({ timeout: 15_000 });
    await page.locator('#ui-language').selectOption('ru');
    await page.getByRole('heading', { level: 2, name: 'Делегации' }).waitFor({ timeout: 10_000 });
    const form = page.locator('form.admin-form');
    await form.locator('input[name="code"]').fill('ZZT');
    await form.locator('input[name="name-ar"]').fill('دولة للاختبار');
    await form.locator('input[name="name-ru"]').fill('Государство для проверки');
    await form.getByRole('button', { name: 'Добавить делегацию' }).click();
    const row = page.locator('tr[data-delegation="ZZT"]');
    await row.waitFor({ timeout: 10_000 });
    // Listed in the interface's language, with the languages it is named in.
    expect(await row.locator('td').nth(1).textContent()).toBe('Государство для проверки');
    expect(await row.locator('td').nth(2).textContent()).toBe('ar ru');
    await page.locator('#ui-language').selectOption('ar');
    await page.getByRole('heading', { level: 2, name: 'الوفود' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('tr[data-delegation="ZZT"] td').nth(1).textContent()).toBe('دولة للاختبار');
    await page.locator('#ui-language').selectOption('en');
    await context.close();
  }, 60_000);

  it('compares two texts in French: the summary, the statuses and the controls in French', async () => {
    // A draft issued twice with known changes (test/helpers/lineage.ts: PP 2 deleted, OP 1 changed, OP 2 inserted …).
    const { store } = world.server;
    const session = (await store.getSession(world.sessionId))!;
    const chile = world.delegations.get('CHL')!;
    const draft = await makeDraft(store, { sessionId: session.id, createdBy: world.secretariat.user.id, mainSponsorId: chile, lNumber: (await store.maxLNumber(session.id)) + 1 });
    const lineage = await issueLineage(store, session, draft, { userId: world.secretariat.user.id, delegationId: chile });
    const { context, page } = await signedInPage(browser, world.server, 'secretariat', `/drafts/${lineage.draft.id}/compare`);
    await page.locator('.cmp-summary-en').waitFor({ timeout: 15_000 });
    await page.locator('#ui-language').selectOption('fr');
    await page.locator('.cmp-summary-fr').waitFor({ timeout: 15_000 });
    expect(await page.locator('h1').textContent()).toMatch(/^Comparer les textes de /);
    expect((await page.locator('.cmp-summary-fr').textContent())!.length).toBeGreaterThan(0);
    expect(await page.locator('.cmp-summary-en').count()).toBe(0);
    expect(await page.locator('#cmp-changes-h').textContent()).toMatch(/^Modifications \(\d+\)$/);
    expect(await page.locator('.cmp-row[data-status="changed"] .cmp-status').first().textContent()).toBe('modifié');
    expect(await page.locator('.cmp-row[data-status="inserted"] .cmp-status').first().textContent()).toBe('nouveau');
    expect(await page.locator('.cmp-row[data-status="deleted"] .cmp-status').first().textContent()).toBe('supprimé');
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(true);
    await page.locator('#ui-language').selectOption('en');
    await context.close();
  }, 60_000);

  it('shows the two-column view in Arabic, right to left, with the English text still left to right', async () => {
    const draftId = await makeDraftWithText(world, 'Two columns in Arabic (typed by this test)', ['CHL']);
    const { context, page } = await openTwoColumn(browser, world, 'chile', draftId);
    await page.locator('#ui-language').selectOption('ar');
    await page.locator('h1', { hasText: 'المقترحات والتعليقات على' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The draft's words keep their language and direction inside the Arabic page.
    const text = page.locator('.tc-row[data-paragraph="op1"] .tc-text-body');
    expect(await text.getAttribute('lang')).toBe('en');
    expect(await text.getAttribute('dir')).toBe('ltr');
    expect(await page.locator('label[for="tc-delegation"]').textContent()).toMatch(ARABIC);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#ui-language').selectOption('en');
    await page.locator('h1', { hasText: 'Proposals and comments on' }).waitFor({ timeout: 10_000 });
    await context.close();
  }, 60_000);

  it('runs the console right to left in Arabic, and back in English', async () => {
    const { context, page } = await signedInPage(browser, world.server, 'secretariat', '/console');
    await page.locator('table.console').first().waitFor({ timeout: 15_000 });
    await page.locator('#ui-language').selectOption('ar');
    await page.getByRole('heading', { level: 1, name: 'لوحة الأمانة' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The table starts on the right: the symbol column is the rightmost, the acts the leftmost.
    expect(await centreX(page, 'table.console thead th:first-child')).toBeGreaterThan(await centreX(page, 'table.console thead th:last-child'));
    expect(await page.locator('h3', { hasText: 'سجل الجلسات' }).count()).toBeGreaterThan(0);
    expect(await page.locator('button[data-act="new-draft"]').first().textContent()).toMatch(ARABIC);
    await screenshot(page, 'console-arabic');
    // In Arabic as in English: no WCAG 2.1 A/AA violation (lang of the page and of the parts in other languages, contrast, names).
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('#ui-language').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Secretariat console' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('table.console thead th').first().textContent()).toBe('Symbol');
    await context.close();
  }, 60_000);
});
