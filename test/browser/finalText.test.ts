/**
 * The final text in a real Chromium. The secretariat records an oral amendment by the number of
 * the paragraph as printed ("OP 3"), adopts "as orally amended" (the box ticked by itself) and
 * freezes; then the amended words are what the draft page and the print view show, labelled as
 * the text adopted, the working text read-only with the banner's reason. A refused amendment
 * keeps what was typed and says why beside the field. Screenshots in
 * test-artifacts/screenshots/final-text-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { call } from '../helpers/server';
import { closeBrowserWorld, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, type World } from './harness';

requireChromiumInCI();

const AMENDED = 'Invites all Member States and observers to contribute;';
const ISSUED = 'Invites Member States to contribute;';

describe.skipIf(!hasChromium)('the final text in Chromium', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  // A new draft of the demo session issued as its original: the console's row then offers oral amendments.
  async function issuedDraft(title: string): Promise<{ id: string; short: string }> {
    const id = await makeDraft(world, title, ['CHL', 'PER']);
    const next = await call<{ next: string }>(world.server, 'GET', `/api/drafts/${id}/revisions`, { cookie: world.secretariat.cookie });
    const issued = await call(world.server, 'POST', `/api/drafts/${id}/revisions`, { cookie: world.secretariat.cookie, body: { symbol: next.body.next } });
    expect(issued.status).toBe(201);
    return { id, short: next.body.next.slice(next.body.next.indexOf('/L.') + 1) };
  }

  async function openConsole(page: Page, id: string) {
    await page.getByRole('link', { name: 'Console' }).click();
    await page.waitForURL(/\/console$/);
    const row = page.locator(`tr[data-draft="${id}"]`);
    await row.waitFor({ timeout: 15_000 });
    return row;
  }
  const said = (page: Page, text: string | RegExp) => page.locator('.console-status', { hasText: text }).waitFor({ timeout: 10_000 });

  it('records an amendment to "OP 3", adopts as orally amended, freezes: the page and the print view read the amended words', async () => {
    const { id, short } = await issuedDraft('The text as orally amended');
    const { context, page } = await signedInPage(browser, world.server, 'secretariat', '/');
    const row = await openConsole(page, id);

    // The oral amendment: the paragraph picked by its printed number, never by an id.
    await row.locator('button[data-act="amend"]').click();
    const dialog = page.locator('dialog.console-dialog');
    await dialog.waitFor();
    const paragraphs = dialog.locator('select[name="paragraph"] option');
    expect(await paragraphs.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['PP 1', 'OP 1', 'OP 2', 'OP 3', 'OP 4']);
    expect(await paragraphs.nth(3).textContent()).toBe(`OP 3 — ${ISSUED}`);
    await dialog.getByLabel('Change').selectOption('replace_words');
    await dialog.getByLabel('Paragraph', { exact: true }).selectOption('OP 3');
    await dialog.getByLabel('Words in the text').fill('Member States');
    await dialog.getByLabel('New words').fill('all Member States and observers');
    await dialog.getByLabel('Proposed by').selectOption({ label: 'Peru' });
    await dialog.getByRole('button', { name: 'Record' }).click();
    await said(page, `Oral amendment recorded against ${short}`);
    expect(await dialog.count()).toBe(0);

    // The adoption: "as orally amended" ticked because an accepted amendment exists.
    await row.locator('select').selectOption('adopted');
    await row.locator('button[data-act="record"]').click();
    await dialog.waitFor();
    expect(await dialog.getByLabel('As orally amended').isChecked()).toBe(true);
    await dialog.getByLabel('Meeting').fill('11');
    await dialog.getByRole('button', { name: 'Record' }).click();
    await said(page, 'Adopted recorded');
    expect(await row.locator('.status').textContent()).toContain('adopted');

    await row.locator('button[data-act="freeze"]').click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Freeze' }).click();
    await said(page, 'frozen');

    const detail = await call<{ finalText: { label: string; asOrallyAmended: boolean } | null; textReadOnly: { message: string } | null }>(
      world.server,
      'GET',
      `/api/drafts/${id}`,
      {
        cookie: world.secretariat.cookie,
      },
    );
    expect(detail.body.finalText?.label).toBe(`${short} as orally amended`);
    expect(detail.body.finalText?.asOrallyAmended).toBe(true);
    const why = detail.body.textReadOnly?.message;
    expect(why).toBeTruthy();

    // The draft page opens on the text adopted, labelled, with the amended words.
    await page.goto(`${world.server.url}/drafts/${id}`);
    const final = page.locator('section.final-text');
    await final.locator('.ph-operative').first().waitFor({ timeout: 15_000 });
    expect(await final.locator('h2').textContent()).toBe(`Text as adopted — ${short} as orally amended`);
    const op3 = final.locator('.ph-operative').nth(2);
    expect(await op3.textContent()).toBe(AMENDED);
    expect(await op3.getAttribute('data-number')).toBe('3.');
    expect(await final.locator('[contenteditable="true"]').count()).toBe(0);
    expect(await page.locator('[data-text="working"]').isVisible()).toBe(false);
    const banner = page.locator('[data-banner="read-only"]');
    expect(await banner.textContent()).toContain(why!.replace(/\.$/, ''));
    expect(await page.locator('[data-banner="final"]').isVisible()).toBe(true);
    await screenshot(page, 'final-text-page');

    // The working text, one click away: read-only, still as issued.
    await page.getByLabel('Working text (read only)').check();
    const editor = page.locator('#editor .ProseMirror');
    await editor.locator('.ph-operative').nth(2).waitFor();
    expect(await page.locator('section.final-text').isVisible()).toBe(false);
    expect(await editor.getAttribute('contenteditable')).toBe('false');
    expect(await editor.locator('.ph-operative').nth(2).textContent()).toBe(ISSUED);
    expect(await banner.isVisible()).toBe(true);

    // The print view prints the text adopted, labelled the same way.
    await page.getByRole('link', { name: 'Print view' }).click();
    await page.waitForURL(/\/print$/);
    await page.locator('.print-page .ph-operative').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.print-text-acted').textContent()).toBe(`Text as adopted — ${short} as orally amended`);
    expect(await page.locator('.print-page .ph-operative').nth(2).textContent()).toBe(AMENDED);
    expect(await page.locator('.ph-print-symbol').textContent()).toMatch(new RegExp(`/${short.replace(/\./g, '\\.')}$`));
    await screenshot(page, 'final-text-print');
    await context.close();
  }, 90_000);

  it('keeps what was typed when the server refuses an amendment, and says why beside the words', async () => {
    const { id } = await issuedDraft('An amendment that cannot apply');
    const { context, page } = await signedInPage(browser, world.server, 'secretariat', '/');
    const row = await openConsole(page, id);

    await row.locator('button[data-act="amend"]').click();
    const dialog = page.locator('dialog.console-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Change').selectOption('delete_words');
    await dialog.getByLabel('Paragraph', { exact: true }).selectOption('OP 2');
    await dialog.getByLabel('Words in the text').fill('the General Assembly');
    await dialog.getByRole('button', { name: 'Record' }).click();

    const error = dialog.locator('#f-words-error');
    await error.filter({ hasText: /not in it/ }).waitFor({ timeout: 10_000 });
    expect(await error.getAttribute('role')).toBe('alert');
    const words = dialog.locator('#f-words');
    expect(await words.getAttribute('aria-invalid')).toBe('true');
    expect((await words.getAttribute('aria-describedby'))?.split(' ')).toContain('f-words-error');
    // Nothing typed is lost: the dialog is open with the same values.
    expect(await dialog.isVisible()).toBe(true);
    expect(await words.inputValue()).toBe('the General Assembly');
    expect(await dialog.locator('select[name="kind"]').inputValue()).toBe('delete_words');
    expect(await dialog.locator('select[name="paragraph"]').inputValue()).toBe('OP 2');
    // The other fields say nothing, and nothing was recorded.
    expect(await dialog.locator('#f-paragraph-error').textContent()).toBe('');
    const recorded = await call<unknown[]>(world.server, 'GET', `/api/drafts/${id}/amendments`, { cookie: world.secretariat.cookie });
    expect(recorded.body).toEqual([]);
    await screenshot(page, 'final-text-refused');

    // Corrected, the same form records it and closes.
    await words.fill('the Secretariat');
    await dialog.getByRole('button', { name: 'Record' }).click();
    await said(page, 'Oral amendment recorded');
    const after = await call<{ amendment: { kind: string; words: string } }[]>(world.server, 'GET', `/api/drafts/${id}/amendments`, { cookie: world.secretariat.cookie });
    expect(after.body.map((a) => [a.amendment.kind, a.amendment.words])).toEqual([['delete_words', 'the Secretariat']]);
    await context.close();
  }, 60_000);
});
