/**
 * The interface in six languages in a real Chromium (client/i18n.ts, client/languageChooser.ts):
 * switched to Arabic, the page runs right to left (`<html dir="rtl" lang="ar">`, the header's
 * first item on the right, the drafting room's panels on the left of the text), its words and
 * dates are Arabic, the choice survives a reload; an English text stays left to right inside the
 * Arabic interface and an Arabic text is right to left inside the English one; back to English,
 * everything is as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { resolutionSchema as schema } from '../../shared/schema';
import { connect, FRAGMENT, synced, until } from '../helpers/collab';
import { call } from '../helpers/server';
import { axeViolations } from './axe';
import { closeBrowserWorld, demoLogin, demoPassword, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, type World } from './harness';

requireChromiumInCI();

const ARABIC = /[\u0600-\u06FF]/;
// The x of an element's centre.
const centreX = async (page: Page, selector: string) => {
  const box = (await page.locator(selector).first().boundingBox())!;
  return box.x + box.width / 2;
};

describe.skipIf(!hasChromium)('the interface in Arabic, right to left, in Chromium', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it('switches the drafts page to Arabic and back to English', async () => {
    const { context, page } = await signedInPage(browser, world.server, 'chile');
    await page.locator('table.drafts').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const firstDate = await page.locator('table.drafts time').first().textContent();
    expect(firstDate).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}/); // "21 October 2022, 14:05"

    // The chooser names each language in its own words.
    const options = await page.locator('#ui-language option').evaluateAll((os) => os.map((o) => [o.getAttribute('value'), o.getAttribute('lang'), o.textContent]));
    expect(options).toEqual([
      ['ar', 'ar', 'العربية'],
      ['zh', 'zh', '中文'],
      ['en', 'en', 'English'],
      ['fr', 'fr', 'Français'],
      ['ru', 'ru', 'Русский'],
      ['es', 'es', 'Español'],
    ]);

    await page.locator('#ui-language').selectOption('ar');
    await page.locator('table.drafts th', { hasText: 'الرمز' }).first().waitFor({ timeout: 5_000 });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    // Right to left: the header's first item (the name of the app) on the right, the signed-in user on the left.
    expect(await centreX(page, 'header.bar > strong')).toBeGreaterThan(await centreX(page, '#who'));
    // Table cells start on the right: the symbol column is the rightmost.
    expect(await centreX(page, 'table.drafts thead th:first-child')).toBeGreaterThan(await centreX(page, 'table.drafts thead th:last-child'));
    expect(await page.getByRole('button', { name: 'تسجيل الخروج' }).isVisible()).toBe(true);
    expect(await page.locator('#ui-language').locator('xpath=..').textContent()).toContain('اللغة');
    const date = (await page.locator('table.drafts time').first().textContent())!;
    expect(date).toMatch(ARABIC);
    expect(date).not.toBe(firstDate);
    // Every word marked with its language, names and contrasts as in English: no WCAG 2.1 A/AA violation in Arabic.
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'i18n-drafts-arabic');

    // Kept in this browser: a reload opens in Arabic.
    await page.reload();
    await page.locator('table.drafts th', { hasText: 'الرمز' }).first().waitFor({ timeout: 15_000 });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    await page.locator('#ui-language').selectOption('en');
    await page.locator('table.drafts th', { hasText: 'Symbol' }).first().waitFor({ timeout: 5_000 });
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await centreX(page, 'header.bar > strong')).toBeLessThan(await centreX(page, '#who'));
    expect(await page.locator('table.drafts time').first().textContent()).toBe(firstDate);
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await context.close();
  }, 60_000);

  it('signs in in Arabic, and keeps a one-time link’s code when the language changes on the reset page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(world.server.url);
    await page.locator('#login').waitFor();
    await page.locator('#ui-language').selectOption('ar');
    await page.getByRole('heading', { name: 'تسجيل الدخول إلى Penholder' }).waitFor({ timeout: 5_000 });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.title()).toBe('تسجيل الدخول — Penholder');
    await page.getByLabel('اسم المستخدم').fill(demoLogin('chile'));
    await page.getByLabel('كلمة المرور').fill('not the password');
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await expect.poll(() => page.locator('form.login [role="alert"]').textContent()).toBe('اسم المستخدم أو كلمة المرور غير صحيحة');
    await page.getByLabel('كلمة المرور').fill(demoPassword('chile'));
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await page.locator('table.drafts th', { hasText: 'الرمز' }).first().waitFor({ timeout: 15_000 });

    await page.goto(`${world.server.url}/reset#code=${'x'.repeat(43)}`);
    await page.locator('#new-password').waitFor();
    expect(new URL(page.url()).hash).toBe(''); // the code left the address at once
    await page.locator('#ui-language').selectOption('fr');
    await page.getByRole('heading', { name: 'Choisissez votre mot de passe' }).waitFor({ timeout: 5_000 });
    expect(await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).isEnabled()).toBe(true);
    expect(await page.locator('form.login [role="alert"]').textContent()).toBe('');
    await page.locator('#ui-language').selectOption('en');
    await context.close();
  }, 60_000);

  it('lays the drafting room out right to left in Arabic, the text in its own direction', async () => {
    const english = await makeDraft(world, 'Strengthening international cooperation', ['CHL']);
    const { context, page } = await signedInPage(browser, world.server, 'chile', `/drafts/${english}`);
    await page.locator('#editor .ProseMirror').waitFor({ timeout: 15_000 });
    await page.locator('#ui-language').selectOption('ar');
    await page.locator('#editor .ProseMirror').waitFor({ timeout: 15_000 });
    await page.locator('html[dir="rtl"]').waitFor();
    // The panels beside the text: on its left in Arabic.
    expect(await centreX(page, '.draft-side')).toBeLessThan(await centreX(page, '.draft-main'));
    expect(await page.locator('.draft-side').textContent()).toMatch(ARABIC);
    expect(await page.locator('.toolbar').textContent()).toMatch(ARABIC);
    // The text is English: it stays left to right, numbers on its left.
    expect(await page.locator('#editor').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('#editor').getAttribute('lang')).toBe('en');
    const op = page.locator('#editor p.ph-operative').first();
    const numberLeft = await op.evaluate((p) => getComputedStyle(p, '::before').left);
    expect(numberLeft).toMatch(/^-/); // hangs in the margin on the left
    // The toolbar's arrow keys follow the reading direction: ArrowLeft goes to the next button in Arabic.
    await page.locator('.toolbar button[data-tool="preambular"]').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-tool'))).toBe('operative');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-tool'))).toBe('preambular');
    expect(await axeViolations(page, '.draft-main')).toEqual([]);
    await screenshot(page, 'i18n-draft-arabic-interface');
    // Reflows at 320 px (400 % zoom) right to left too, without scrolling sideways (WCAG 1.4.10).
    await page.setViewportSize({ width: 320, height: 640 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('#ui-language').selectOption('en');
    await page.locator('html[dir="ltr"]').waitFor();
    await context.close();
  }, 60_000);

  it('shows an Arabic text right to left in the English interface, its numbers on the right', async () => {
    const created = await call<{ id: string }>(world.server, 'POST', `/api/sessions/${world.sessionId}/drafts`, {
      cookie: world.secretariat.cookie,
      body: {
        kind: 'resolution',
        title: { ar: 'تعزيز التعاون الدولي (مثال توضيحي)', en: 'Strengthening international cooperation (illustrative)' },
        language: 'ar',
        agendaItem: '3',
        mainSponsorId: world.delegations.get('CHL'),
      },
    });
    expect(created.status).toBe(201);
    // Illustrative words, written over the collaboration socket as an editor would.
    const p = (kind: string, id: string, text: string) => schema.node(kind, { id }, [schema.text(text)]);
    const arabic = schema.node('doc', null, [
      schema.node('title', null, [schema.text('تعزيز التعاون الدولي')]),
      p('preambular', 'pp1', 'إذ يشير إلى قراره 10/4،'),
      p('operative', 'op1', 'يقرر مواصلة عمله؛'),
      p('operative', 'op2', 'يطلب إلى الأمانة تقديم تقرير.'),
    ]);
    const writer = connect(`${world.server.wsUrl}/collab`, created.body.id, world.secretariat.token);
    await synced(writer.provider);
    const fragment = writer.doc.getXmlFragment(FRAGMENT);
    writer.doc.transact(() => {
      fragment.delete(0, fragment.length);
      prosemirrorToYXmlFragment(arabic, fragment);
    });
    const reader = connect(`${world.server.wsUrl}/collab`, created.body.id, world.secretariat.token, new Y.Doc());
    await synced(reader.provider);
    await until(() => reader.doc.getXmlFragment(FRAGMENT).toString().includes('مواصلة'), 5_000, 'the Arabic text to be stored');
    writer.provider.destroy();
    reader.provider.destroy();

    const { context, page } = await signedInPage(browser, world.server, 'chile', `/drafts/${created.body.id}`);
    await page.locator('#editor p.ph-operative').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('#editor').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#editor').getAttribute('lang')).toBe('ar');
    expect(await page.locator('#editor .ProseMirror').evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    // The English interface around it: the title shown in English (the interface's language), the Arabic one under it.
    expect(await page.locator('.draft-head h1 .title').textContent()).toBe('Strengthening international cooperation (illustrative)');
    expect(await page.locator('.draft-head .other-title [lang="ar"]').textContent()).toBe('تعزيز التعاون الدولي (مثال توضيحي)');
    // Operative paragraphs numbered as Arabic texts print them, the number hanging in the margin on the right.
    const op = page.locator('#editor p.ph-operative').first();
    const hang = await op.evaluate((e) => ({ right: getComputedStyle(e, '::before').right, number: getComputedStyle(e, '::before').content }));
    expect(hang.right).toMatch(/^-/);
    expect(hang.number).toBe('"1 -"');
    const text = (await op.boundingBox())!;
    const editor = (await page.locator('#editor .ProseMirror').boundingBox())!;
    // The paragraph starts on the right: the editor's wide padding (where numbers hang) is on its right.
    expect(editor.x + editor.width - (text.x + text.width)).toBeGreaterThan(text.x - editor.x);
    await screenshot(page, 'i18n-arabic-text-english-interface');
    await context.close();
  }, 60_000);
});
