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
  const said = async (page: Page, text: string | RegExp) => {
    const status = page.locator('.console-status');
    await status
      .filter({ hasText: text })
      .waitFor({ timeout: 10_000 })
      .catch(async (e: Error) => {
        throw new Error(`the console said ${JSON.stringify(await status.textContent())}, not ${String(text)}: ${e.message}`);
      });
  };

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
    // The row says what was recorded, as the record says it.
    await expect
      .poll(() => row.locator('.console-amendments li').allTextContents(), { timeout: 10_000 })
      .toEqual(['OP 3: replace "Member States" with "all Member States and observers" — accepted']);

    // Chile, a sponsor, has the draft open: before final action it is the working text, editable.
    const sponsor = await signedInPage(browser, world.server, 'chile', `/drafts/${id}`);
    const room = sponsor.page;
    const editor = room.locator('#editor .ProseMirror');
    await editor.locator('.ph-operative').first().waitFor({ timeout: 15_000 });
    expect(await editor.getAttribute('contenteditable')).toBe('true');
    expect(await room.locator('fieldset.text-choice').isVisible()).toBe(false);
    expect(await room.locator('section.final-text').isVisible()).toBe(false);

    // The adoption: "as orally amended" ticked because an accepted amendment exists.
    await row.locator('select').selectOption('adopted');
    await row.locator('button[data-act="record"]').click();
    await dialog.waitFor();
    expect(await dialog.getByLabel('As orally amended').isChecked()).toBe(true);
    await dialog.getByLabel('Meeting').fill('11');
    await dialog.getByLabel('Date').fill('2022-10-21'); // the 11th meeting of the demo session
    await dialog.getByRole('button', { name: 'Record' }).click();
    await said(page, 'Adopted recorded');
    expect(await row.locator('.status').textContent()).toContain('adopted');

    type Detail = { finalText: { label: string; asOrallyAmended: boolean } | null; textReadOnly: { reason: string; message: string } | null };
    const detail = async () => (await call<Detail>(world.server, 'GET', `/api/drafts/${id}`, { cookie: world.secretariat.cookie })).body;
    const adopted = await detail();
    expect(adopted.finalText?.label).toBe(`${short} as orally amended`);
    expect(adopted.finalText?.asOrallyAmended).toBe(true);
    expect(adopted.textReadOnly?.reason).toBe('final_action');

    // The open page turns to the text adopted, labelled, with the amended words; the banner says why it is read-only.
    const final = room.locator('section.final-text');
    await final.locator('.ph-operative').first().waitFor({ timeout: 15_000 });
    expect(await final.locator('h2').textContent()).toBe(`Text as adopted — ${short} as orally amended`);
    const op3 = final.locator('.ph-operative').nth(2);
    expect(await op3.textContent()).toBe(AMENDED);
    expect(await op3.getAttribute('data-number')).toBe('3.');
    expect(await final.locator('[contenteditable="true"]').count()).toBe(0);
    expect(await room.locator('[data-text="working"]').isVisible()).toBe(false);
    const banner = room.locator('[data-banner="read-only"]');
    const reads = (message: string) => expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain(message.replace(/\.$/, ''));
    await reads(adopted.textReadOnly!.message);
    expect(await editor.getAttribute('contenteditable')).toBe('false');

    // Frozen: the banner gives the freeze as the reason, the final banner shows, the text is the same.
    await row.locator('button[data-act="freeze"]').click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Freeze' }).click();
    await said(page, 'frozen');
    const frozen = await detail();
    expect(frozen.textReadOnly?.reason).toBe('frozen');
    await reads(frozen.textReadOnly!.message);
    await room.locator('[data-banner="final"]').waitFor({ timeout: 10_000 });
    expect(await final.locator('.ph-operative').nth(2).textContent()).toBe(AMENDED);
    // The record on the page says what the amendment said, and how the text was adopted.
    const record = await room.locator('ol.record').textContent();
    expect(record).toContain(`Oral amendment to ${short} — OP 3: replace "Member States" with "all Member States and observers" — accepted`);
    expect(record).toContain('Adopted as orally amended at the 11th meeting');
    await screenshot(room, 'final-text-page');

    // The lineage offers what the oral amendment changed: the issued text against the text adopted.
    const amended = room.locator('ol.lineage li[data-text="final"]');
    expect(await amended.textContent()).toContain(`${short} as orally amended (the text acted on)`);
    await amended.getByRole('link', { name: 'changes made orally' }).click();
    await room.waitForURL(/\/compare\?/);
    await room.locator('.cmp-changes li').first().waitFor({ timeout: 15_000 });
    expect(await room.locator('.cmp-changes li').allTextContents()).toEqual(['OP 3 — changed']);
    const inserted = (await room.locator('.cmp-row[data-status="changed"] ins').allTextContents()).join('|');
    expect(inserted).toMatch(/all.*\|.*and observers/);

    // After a reload the page opens on the text adopted too.
    await room.goto(`${world.server.url}/drafts/${id}`);
    await final.locator('.ph-operative').first().waitFor({ timeout: 15_000 });
    expect(await final.locator('.ph-operative').nth(2).textContent()).toBe(AMENDED);
    await reads(frozen.textReadOnly!.message);

    // The working text, one click away: read-only, still as issued.
    await room.getByLabel('Working text (read only)').check();
    await editor.locator('.ph-operative').nth(2).waitFor();
    expect(await final.isVisible()).toBe(false);
    expect(await editor.getAttribute('contenteditable')).toBe('false');
    expect(await editor.locator('.ph-operative').nth(2).textContent()).toBe(ISSUED);
    expect(await banner.isVisible()).toBe(true);

    // Printing from there prints the working text; the print view's default is the text adopted, labelled the same way.
    await room.getByRole('link', { name: 'Print view' }).click();
    await room.waitForURL(/\/print\?text=working$/);
    await room.locator('.print-page .ph-operative').first().waitFor({ timeout: 15_000 });
    expect(await room.locator('.print-page .ph-operative').nth(2).textContent()).toBe(ISSUED);
    expect(await room.locator('.print-text-acted').count()).toBe(0);
    await room.goto(`${world.server.url}/drafts/${id}/print`);
    await room.locator('.print-page .ph-operative').first().waitFor({ timeout: 15_000 });
    expect(await room.locator('.print-text-acted').textContent()).toBe(`Text as adopted — ${short} as orally amended`);
    expect(await room.locator('.print-page .ph-operative').nth(2).textContent()).toBe(AMENDED);
    expect(await room.locator('.ph-print-symbol').textContent()).toMatch(new RegExp(`/${short.replace(/\./g, '\\.')}$`));
    await screenshot(room, 'final-text-print');
    await sponsor.context.close();
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
  it('says where the texts come from: illustrative in the list and on the page, the version printed, a revision whose text is not in the record', async () => {
    const { id, short } = await issuedDraft('Where the texts come from');
    const next = await call<{ next: string }>(world.server, 'GET', `/api/drafts/${id}/revisions`, { cookie: world.secretariat.cookie });
    expect((await call(world.server, 'POST', `/api/drafts/${id}/revisions`, { cookie: world.secretariat.cookie, body: { symbol: next.body.next } })).status).toBe(201);
    // The notes as the demo seed writes them (server/demo/plan.ts): appended to the record directly.
    const notes = [
      { kind: 'illustrative', symbol: null, note: null },
      { kind: 'printed_version', symbol: null, note: { en: 'Chinese version as printed in the report of the session', zh: '会议报告所载中文本' } },
      { kind: 'text_not_in_record', symbol: short, note: null },
    ];
    await world.server.store.transaction(async (tx) => {
      for (const payload of notes) await tx.appendDraftEvent({ draftId: id, type: 'provenance', payload, userId: world.secretariat.user.id, at: new Date().toISOString() });
    });

    const { context, page } = await signedInPage(browser, world.server, 'chile', '/');
    const listed = page.locator(`tr[data-draft="${id}"]`);
    await listed.waitFor({ timeout: 15_000 });
    expect(await listed.locator('[data-provenance="illustrative"]').textContent()).toBe('Illustrative — not part of any session’s record');
    // A draft of the session's record says nothing of the kind.
    expect(await page.locator('tr[data-draft] [data-provenance="illustrative"]').count()).toBe(1 + (await illustrativeElsewhere(id)));

    await listed.locator('th').getByRole('link').click();
    await page.locator('#editor .ProseMirror').waitFor({ timeout: 15_000 });
    expect(await page.locator('.draft-head [data-provenance="illustrative"]').textContent()).toBe('Illustrative — not part of any session’s record');
    expect(await page.locator('.draft-head [data-provenance="printed_version"]').textContent()).toBe('Chinese version as printed in the report of the session');
    const lineage = page.locator('ol.lineage li');
    expect(await lineage.first().textContent()).toContain('(text not in the record)');
    // Nothing to compare the unknown text with: the Rev.1 has no "changes" link.
    expect(await lineage.nth(1).locator('a').count()).toBe(0);
    expect(await lineage.nth(1).textContent()).not.toContain('not in the record');
    await screenshot(page, 'final-text-provenance');
    await context.close();
  }, 60_000);

  it('shows the demo as the report records it: L.10/Rev.2 as orally amended, L.9/Rev.1 acted on, earlier texts not in the record', async () => {
    type Detail = { id: string; symbol: string; finalText: { label: string } | null; provenance: { kind: string; note: { en: string } | null }[] };
    const drafts = await call<{ id: string; symbol: string }[]>(world.server, 'GET', `/api/sessions/${world.sessionId}/drafts`, { cookie: world.secretariat.cookie });
    const draft = async (symbol: string) => {
      const found = drafts.body.find((d) => d.symbol.endsWith(`/${symbol}`));
      if (!found) throw new Error(`no ${symbol} in the demo`);
      return (await call<Detail>(world.server, 'GET', `/api/drafts/${found.id}`, { cookie: world.secretariat.cookie })).body;
    };
    const l10 = await draft('L.10/Rev.2');
    const l9 = await draft('L.9/Rev.1');
    const { context, page } = await signedInPage(browser, world.server, 'chile', `/drafts/${l10.id}`);
    const final = page.locator('section.final-text');
    await final.locator('.ph-operative').first().waitFor({ timeout: 15_000 });
    expect(await final.locator('h2').textContent()).toBe('Text as adopted — L.10/Rev.2 as orally amended');
    expect(await page.locator('ol.record').textContent()).toContain('Oral amendment made; its words are not in the record');
    const printed = l10.provenance.find((p) => p.kind === 'printed_version')?.note?.en;
    expect(printed).toBeTruthy();
    expect(await page.locator('.draft-head [data-provenance="printed_version"]').allTextContents()).toEqual([printed]);
    expect(await page.locator('ol.lineage li[data-missing="text not in the record"] .symbol').allTextContents()).toEqual(['CTOC/COP/2022/L.10', 'CTOC/COP/2022/L.10/Rev.1']);
    // Its amendment's words are not in the record: nothing to compare as "changes made orally".
    expect(await page.locator('ol.lineage li[data-text="final"]').count()).toBe(0);

    await page.goto(`${world.server.url}/drafts/${l9.id}`);
    // A decision of lettered paragraphs only: (a), (b) …
    await final.locator('.ph-subparagraph').first().waitFor({ timeout: 15_000 });
    expect(await final.locator('.ph-subparagraph').first().getAttribute('data-number')).toBe('(a)');
    expect(await final.locator('h2').textContent()).toBe('Text acted on — L.9/Rev.1');
    expect(await page.getByRole('radio', { name: 'Text acted on — L.9/Rev.1' }).isChecked()).toBe(true);
    await context.close();
  }, 60_000);

  // Drafts of the demo that really are illustrative (its one illustrative draft), besides `id`.
  async function illustrativeElsewhere(id: string): Promise<number> {
    const sessions = await call<{ id: string }[]>(world.server, 'GET', '/api/sessions', { cookie: world.secretariat.cookie });
    let n = 0;
    for (const session of sessions.body) {
      const drafts = await call<{ id: string; illustrative?: boolean }[]>(world.server, 'GET', `/api/sessions/${session.id}/drafts`, { cookie: world.secretariat.cookie });
      n += drafts.body.filter((d) => d.id !== id && d.illustrative === true).length;
    }
    return n;
  }
});
