/**
 * The comparison view in a real Chromium: a draft with two issued revisions that differ in known
 * ways (written through the store), opened from its lineage panel; the summary, the change list,
 * jumping to a change by click and by key, side by side, changes only, the redline link; a
 * screenshot in test-artifacts/screenshots/compare.png. Then a revision that deleted PP 1: the
 * preambular paragraphs it renumbered are not listed until "Show renumbering" is ticked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { textHash } from '../../shared/canonical';
import { draftSymbol } from '../../shared/symbols';
import { doc, em, op, pp, title } from '../builders';
import { makeDraft } from '../helpers/factories';
import { issueLineage, type Lineage } from '../helpers/lineage';
import { closeBrowserWorld, hasChromium, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, type World } from './harness';

requireChromiumInCI();

const SUMMARY = 'PP 2 deleted; OP 1 changed; OP 2 inserted; former OP 2–3 renumbered 3–4';

describe.skipIf(!hasChromium)('the comparison view in Chromium', () => {
  let world: World;
  let browser: Browser;
  let lineage: Lineage;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
    const { store } = world.server;
    const session = (await store.getSession(world.sessionId))!;
    const chile = world.delegations.get('CHL')!;
    const draft = await makeDraft(store, { sessionId: session.id, createdBy: world.secretariat.user.id, mainSponsorId: chile, lNumber: (await store.maxLNumber(session.id)) + 1 });
    lineage = await issueLineage(store, session, draft, { userId: world.secretariat.user.id, delegationId: chile });
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it("opens from the lineage, lists the changes with the chair's summary, and walks them", async () => {
    const { context, page } = await signedInPage(browser, world.server, 'chile', `/drafts/${lineage.draft.id}`);
    // The lineage panel links each revision to its changes from the one before.
    await page.locator('.lineage a.compare-link', { hasText: 'changes' }).first().click();
    await page.waitForURL(/\/compare\?/);
    expect(new URL(page.url()).searchParams.get('left')).toBe(lineage.short.original);
    expect(new URL(page.url()).searchParams.get('right')).toBe(lineage.short.revised);

    await page.locator('.cmp-changes li').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.cmp-summary-en').textContent()).toBe(SUMMARY);
    expect(await page.locator('.cmp-changes li').allTextContents()).toEqual([
      'PP 2 (deleted) — deleted',
      'OP 1 — changed',
      'OP 2 (new) — new',
      'OP 2 → OP 3 — renumbered',
      'OP 3 → OP 4 — renumbered',
    ]);
    // Inline: the words added underlined, the paragraph deleted struck.
    expect(await page.locator('.cmp-row[data-status="changed"] ins').textContent()).toBe('and strengthen ');
    expect(await page.locator('.cmp-row[data-status="deleted"] del').last().textContent()).toContain('transnational organized crime');

    // Clicking a change jumps to it; n and p move on and back.
    await page.getByRole('button', { name: 'OP 1 — changed' }).click();
    const current = () => page.locator('.cmp-row.current').getAttribute('data-status');
    await expect.poll(current).toBe('changed');
    await page.keyboard.press('n');
    await expect.poll(current).toBe('inserted');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(current).toBe('renumbered-only');
    await page.keyboard.press('p');
    await expect.poll(current).toBe('inserted');

    // Side by side: each row holds both texts, level; changes only hides the rest.
    await page.getByLabel('Side by side').check();
    await page.locator('.cmp-cells').first().waitFor();
    expect(await page.locator('.cmp-row[data-status="changed"] .cmp-left del, .cmp-row[data-status="changed"] .cmp-left ins').count()).toBe(0);
    expect(await page.locator('.cmp-row[data-status="changed"] .cmp-right ins').textContent()).toBe('and strengthen ');
    await page.getByLabel('Changes only').check();
    expect(await page.locator('.cmp-row[data-status="unchanged"]').first().isVisible()).toBe(false);
    expect(new URL(page.url()).searchParams.get('changes')).toBe('only');

    const href = await page.getByRole('link', { name: /Word redline/ }).getAttribute('href');
    expect(href).toBe(`/api/drafts/${lineage.draft.id}/compare.docx?left=${encodeURIComponent(lineage.short.original)}&right=${encodeURIComponent(lineage.short.revised)}`);
    const docx = await page.request.get(world.server.url + href!);
    expect(docx.status()).toBe(200);

    await page.getByLabel('Changes only').uncheck();
    await screenshot(page, 'compare');

    // The print view: the summary and the text only, marks in black, on A4.
    await page.getByLabel('Inline').check();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.cmp-picker').isVisible()).toBe(false);
    expect(await page.locator('.cmp-side').isVisible()).toBe(false);
    expect(await page.locator('.cmp-summary').isVisible()).toBe(true);
    expect(
      await page
        .locator('.cmp-row ins')
        .first()
        .evaluate((e) => getComputedStyle(e).textDecorationLine),
    ).toBe('underline');
    expect((await page.pdf({ format: 'A4' })).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'compare-print');
    await context.close();
  }, 60_000);

  it('keeps the renumbering of preambular paragraphs behind "Show renumbering"', async () => {
    const { store } = world.server;
    const session = (await store.getSession(world.sessionId))!;
    const chile = world.delegations.get('CHL')!;
    const by = world.secretariat.user.id;
    const draft = await makeDraft(store, { sessionId: session.id, createdBy: by, mainSponsorId: chile, lNumber: (await store.maxLNumber(session.id)) + 1 });
    const considerations = ['its resolution 10/4,', 'the report of the Working Group,', 'the growth of transnational organized crime,', 'the work of the Secretariat,'];
    const before = doc(
      title('Strengthening international cooperation'),
      pp({ id: 'pp0' }, em('Recalling'), ' the Convention and its Protocols,'),
      ...considerations.map((t, i) => pp({ id: `pp${i + 1}` }, em('Noting'), ` ${t}`)),
      op({ id: 'op1' }, 'Decides to continue its work;'),
      op({ id: 'op2' }, 'Requests the Secretariat to report;'),
    );
    const after = doc(
      title('Strengthening international cooperation'),
      ...considerations.map((t, i) => pp({ id: `pp${i + 1}` }, em('Noting'), ` ${t}`)),
      op({ id: 'op1' }, 'Decides to continue and strengthen its work;'),
      op({ id: 'op2' }, 'Requests the Secretariat to report;'),
    );
    const symbols = [draftSymbol(session.symbolPrefix, draft.lNumber), draftSymbol(session.symbolPrefix, draft.lNumber, 1)];
    for (const [revision, text] of [before, after].entries()) {
      await store.createRevision({
        draftId: draft.id,
        symbol: symbols[revision]!,
        revision,
        text: text.toJSON(),
        hash: textHash(text),
        sponsorIds: [chile],
        issuedAt: `2022-10-1${7 + revision}T10:00:00.000Z`,
        issuedBy: by,
      });
    }
    const short = symbols.map((s) => s.slice(session.symbolPrefix.length + 1));
    const { context, page } = await signedInPage(browser, world.server, 'chile', `/drafts/${draft.id}`);
    await page.locator('.lineage').first().waitFor({ timeout: 15_000 });
    await page.goto(`${world.server.url}/drafts/${draft.id}/compare?left=${encodeURIComponent(short[0]!)}&right=${encodeURIComponent(short[1]!)}&changes=only`);
    await page.locator('.cmp-changes li').first().waitFor({ timeout: 15_000 });
    // The summary still says it in one line; the list and the text do not show four rows of it.
    expect(await page.locator('.cmp-summary-en').textContent()).toBe('PP 1 deleted; former PP 2–5 renumbered 1–4; OP 1 changed');
    const listed = () => page.locator('.cmp-changes li').allTextContents();
    expect(await listed()).toEqual(['PP 1 (deleted) — deleted', 'OP 1 — changed']);
    const renumbered = page.locator('.cmp-row[data-status="renumbered-only"]');
    expect(await renumbered.count()).toBe(4);
    const visible = async () => (await Promise.all((await renumbered.all()).map((r) => r.isVisible()))).filter(Boolean).length;
    expect(await visible()).toBe(0);
    // n walks the listed changes only.
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('.cmp-row.current').getAttribute('data-status')).toBe('changed');

    await page.getByLabel('Show renumbering').check();
    expect(await listed()).toEqual([
      'PP 1 (deleted) — deleted',
      'PP 2 → PP 1 — renumbered',
      'PP 3 → PP 2 — renumbered',
      'PP 4 → PP 3 — renumbered',
      'PP 5 → PP 4 — renumbered',
      'OP 1 — changed',
    ]);
    expect(await visible()).toBe(4);
    expect(await renumbered.first().locator('.cmp-status').textContent()).toBe('renumbered');
    // The choice stays when the layout changes.
    await page.getByLabel('Side by side').check();
    await page.locator('.cmp-row[data-status="changed"] .cmp-cells').waitFor();
    expect(await visible()).toBe(4);
    await page.getByLabel('Show renumbering').uncheck();
    expect(await visible()).toBe(0);
    expect(await listed()).toHaveLength(2);
    await context.close();
  }, 60_000);
});
