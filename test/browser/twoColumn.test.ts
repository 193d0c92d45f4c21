/**
 * The two-column view (/drafts/:id/proposals) in a real Chromium: a non-sponsor's proposal,
 * tabled through the API, is accepted by the penholder in the view and the non-sponsor's draft
 * page shows the new words live; a sponsor's typing shows in the view live; the filters by
 * delegation, state and paragraph; a refusal said beside the button; the drafts list's pending
 * count leads here; axe finds nothing. Each test makes its own draft on one shared server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { connect, FRAGMENT, synced } from '../helpers/collab';
import { call, loginAs, type SignedIn } from '../helpers/server';
import { axeViolations } from './axe';
import { closeBrowserWorld, demoLogin, demoPassword, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, type World } from './harness';
import { openTwoColumn, row, tableProposal } from './twoColumnHarness';

requireChromiumInCI();

const TEST_MS = 90_000;

const rowText = (page: Page, id: string) => page.locator(`.tc-row[data-paragraph="${id}"] .tc-text-body`).textContent();
const visibleRows = (page: Page) => page.locator('.tc-row:not([hidden])').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-paragraph')));
const visibleProposals = (page: Page) => page.locator('.tc-row:not([hidden]) [data-proposal]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-proposal')));

describe.skipIf(!hasChromium)('the two-column view in Chromium', () => {
  let world: World;
  let browser: Browser;
  let china: SignedIn;
  let germany: SignedIn;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
    [china, germany] = await Promise.all([loginAs(world.server, demoLogin('china'), demoPassword('china')), loginAs(world.server, demoLogin('germany'), demoPassword('germany'))]);
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it(
    "lets the penholder accept a non-sponsor's proposal beside its paragraph, and the non-sponsor's page shows the new words live",
    async () => {
      const draftId = await makeDraft(world, 'Two columns: accept', ['CHL', 'USA']);
      const pid = await tableProposal(
        world,
        china,
        draftId,
        { kind: 'replace_words', paragraphId: 'op2', words: 'the Secretariat', text: 'the Executive Secretary' },
        'The mandate names the Executive Secretary.',
      );

      const proposer = await signedInPage(browser, world.server, 'china', `/drafts/${draftId}`);
      await proposer.page.locator('.ph-editor [data-id="op2"]').waitFor({ timeout: 15_000 });
      const penholder = await openTwoColumn(browser, world, 'chile', draftId);

      // Beside OP 2: who, what, why, the state; numbered as printed.
      expect(await penholder.page.locator('.tc-row[data-paragraph="op2"] h2').textContent()).toBe('OP 2');
      expect(await penholder.page.locator('.tc-row[data-paragraph="pp1"] h2').textContent()).toBe('PP 1');
      const card = penholder.page.locator(`.tc-row[data-paragraph="op2"] [data-proposal="${pid}"]`);
      await card.waitFor({ timeout: 10_000 });
      expect(await card.locator('.proposal-delegation').textContent()).toBe('China');
      expect(await card.locator('.proposal-rationale').textContent()).toContain('The mandate names the Executive Secretary.');
      expect(await card.locator('.proposal-described').textContent()).toContain('the Executive Secretary');
      expect(await card.getAttribute('data-state')).toBe('pending');
      // How OP 2 would read with it: the new words inserted, the old ones struck through.
      const reading = (drop: string) =>
        card.locator('.proposal-reads .reads-text').evaluate((e, d) => {
          const copy = e.cloneNode(true) as HTMLElement;
          copy.querySelectorAll(d).forEach((x) => x.remove());
          return copy.textContent;
        }, drop);
      expect(await reading('del, .sr-only')).toBe('Requests the Executive Secretary to report;');
      expect(await reading('ins, .sr-only')).toBe('Requests the Secretariat to report;');
      expect(await card.locator('.proposal-reads del').textContent()).toMatch(/^\[deleted: .+\]$/);
      await screenshot(penholder.page, 'two-column-pending');

      // China may not decide its own proposal; it may withdraw it. The penholder may decide, not withdraw.
      expect(await card.getByRole('button', { name: 'Withdraw the proposal of China' }).count()).toBe(0);
      await card.getByRole('button', { name: 'Accept the proposal of China', exact: true }).click();

      await expect.poll(() => card.getAttribute('data-state'), { timeout: 10_000 }).toBe('accepted');
      await expect.poll(() => rowText(penholder.page, 'op2'), { timeout: 5_000 }).toBe('Requests the Executive Secretary to report;');
      await expect.poll(() => proposer.page.locator('.ph-editor [data-id="op2"]').textContent(), { timeout: 5_000 }).toBe('Requests the Executive Secretary to report;');
      expect(await card.locator('.proposal-decided').textContent()).toContain('Accepted by Delegate of Chile');
      expect(await card.getByRole('button', { name: /Accept/ }).count()).toBe(0); // decided: no more buttons
      expect(await card.locator('.proposal-reads').count()).toBe(0); // decided: no reading any more
      await screenshot(penholder.page, 'two-column-accepted');
      await proposer.context.close();
      await penholder.context.close();
    },
    TEST_MS,
  );

  it(
    "the bar: a non-sponsor suggests a change in the draft page's suggesting mode, the penholder accepts it in the two-column view, both pages show the new words live",
    async () => {
      const draftId = await makeDraft(world, 'Two columns: the bar', ['CHL']);
      const penholder = await openTwoColumn(browser, world, 'chile', draftId);
      const proposer = await signedInPage(browser, world.server, 'china', `/drafts/${draftId}`);
      const op3 = proposer.page.locator('.ph-editor [data-id="op3"]');
      await op3.waitFor({ timeout: 15_000 });
      await expect.poll(() => proposer.page.locator('.connection').getAttribute('data-status')).toBe('connected');

      // China types " generously" before the full stop of OP 3 (suggesting mode, client/editor/suggesting.ts) and proposes it.
      await expect
        .poll(async () => {
          await op3.click();
          await proposer.page.keyboard.press('End');
          return proposer.page.evaluate(() => document.getSelection()?.anchorNode?.parentElement?.closest('[data-id]')?.getAttribute('data-id') ?? null);
        })
        .toBe('op3');
      await proposer.page.keyboard.press('ArrowLeft');
      await proposer.page.keyboard.type(' generously');
      const form = proposer.page.locator('.ph-suggest-form[data-paragraph="op3"]');
      await form.locator('textarea').waitFor({ timeout: 5_000 });
      await form.locator('textarea').fill('Contributions are voluntary.');
      await form.getByRole('button', { name: 'Propose' }).click();

      // The penholder's view shows it beside OP 3, live, and accepts it there.
      const card = row(penholder.page, 'op3').locator('li.proposal', { hasText: 'generously' });
      await card.waitFor({ timeout: 10_000 });
      expect(await card.locator('.proposal-delegation').textContent()).toBe('China');
      expect(await card.locator('.proposal-rationale').textContent()).toContain('Contributions are voluntary.');
      await card.getByRole('button', { name: 'Accept the proposal of China', exact: true }).click();

      await expect.poll(() => card.getAttribute('data-state'), { timeout: 10_000 }).toBe('accepted');
      await expect.poll(() => rowText(penholder.page, 'op3'), { timeout: 5_000 }).toBe('Invites Member States to contribute generously;');
      // China's draft page: the words are the shared text's now (no suggestion or proposal mark left on them).
      await expect
        .poll(
          () =>
            op3.evaluate((e) => {
              const copy = e.cloneNode(true) as HTMLElement;
              copy.querySelectorAll('.ProseMirror-yjs-cursor, ins').forEach((c) => c.remove());
              return copy.textContent ?? '';
            }),
          { timeout: 5_000 },
        )
        .toBe('Invites Member States to contribute generously;');
      await screenshot(penholder.page, 'two-column-bar');
      await proposer.context.close();
      await penholder.context.close();
    },
    TEST_MS,
  );

  it(
    "shows a sponsor's typing in the view live, and accepts a proposal as modified after the words are edited",
    async () => {
      const draftId = await makeDraft(world, 'Two columns: live and modified', ['CHL', 'USA']);
      const pid = await tableProposal(world, germany, draftId, {
        kind: 'insert_words',
        paragraphId: 'op3',
        position: 'after',
        words: 'Member States',
        text: 'and regional organizations',
      });
      const penholder = await openTwoColumn(browser, world, 'chile', draftId);
      const sponsor = await signedInPage(browser, world.server, 'usa', `/drafts/${draftId}`);
      await sponsor.page.locator('.ph-editor [data-id="op4"]').waitFor({ timeout: 15_000 });
      await expect.poll(() => sponsor.page.locator('.connection').getAttribute('data-status')).toBe('connected');

      await sponsor.page.locator('.ph-editor [data-id="op4"]').click();
      await sponsor.page.keyboard.press('End');
      await sponsor.page.keyboard.type(' Typed live.');
      await expect.poll(() => rowText(penholder.page, 'op4'), { timeout: 5_000 }).toContain('Typed live.');

      const card = penholder.page.locator(`[data-proposal="${pid}"]`);
      await card.getByRole('button', { name: 'Accept as modified the proposal of Germany' }).click();
      const words = card.getByLabel('The words as accepted');
      expect(await words.inputValue()).toBe('and regional organizations');
      await words.fill('and regional economic integration organizations');
      await card.getByRole('button', { name: 'Confirm acceptance as modified: the proposal of Germany' }).click();
      await expect.poll(() => card.getAttribute('data-state'), { timeout: 10_000 }).toBe('accepted_as_modified');
      await expect.poll(() => rowText(penholder.page, 'op3'), { timeout: 5_000 }).toBe('Invites Member States and regional economic integration organizations to contribute;');
      await expect.poll(() => sponsor.page.locator('.ph-editor [data-id="op3"]').textContent(), { timeout: 5_000 }).toContain('regional economic integration organizations');
      await sponsor.context.close();
      await penholder.context.close();
    },
    TEST_MS,
  );

  it(
    'turns a proposal stale, live, when a sponsor changes the words it quotes; the penholder may then only reject it, its proposer withdraws it',
    async () => {
      const draftId = await makeDraft(world, 'Two columns: stale', ['CHL', 'USA']);
      const pid = await tableProposal(world, china, draftId, { kind: 'delete_words', paragraphId: 'op2', words: 'to report' });
      const penholder = await openTwoColumn(browser, world, 'chile', draftId);
      const proposer = await openTwoColumn(browser, world, 'china', draftId);
      const card = (page: Page) => page.locator(`[data-proposal="${pid}"]`);
      await card(penholder.page).getByRole('button', { name: 'Accept the proposal of China', exact: true }).waitFor({ timeout: 10_000 });

      // The United States, a sponsor, rewrites "report" as "inform" over its collaboration socket (as its editor would).
      const usa = await loginAs(world.server, demoLogin('usa'), demoPassword('usa'));
      const editor = connect(`${world.server.wsUrl}/collab`, draftId, usa.token);
      await synced(editor.provider);
      const op2 = editor.doc
        .getXmlFragment(FRAGMENT)
        .toArray()
        .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.getAttribute('id') === 'op2')!;
      const words = op2.get(0) as Y.XmlText;
      const at = words.toString().indexOf('report');
      editor.doc.transact(() => {
        words.delete(at, 'report'.length);
        words.insert(at, 'inform');
      });
      await expect.poll(() => rowText(penholder.page, 'op2'), { timeout: 5_000 }).toBe('Requests the Secretariat to inform;');

      for (const page of [penholder.page, proposer.page]) {
        // Told by the room's stale watch (server/collab/staleWatch.ts) after the edit is stored: seconds on a loaded machine.
        await expect.poll(() => card(page).getAttribute('data-stale'), { timeout: 15_000 }).toBe('true');
        expect(await card(page).locator('.proposal-stale').textContent()).toBe('Stale');
        expect(await card(page).locator('.proposal-stale-why').textContent()).toMatch(/^Stale: .+cannot be accepted as tabled/);
      }
      expect(
        await card(penholder.page)
          .getByRole('button', { name: /^Accept/ })
          .count(),
      ).toBe(0);
      expect(await card(penholder.page).getByRole('button', { name: 'Reject the proposal of China' }).count()).toBe(1);
      expect(await penholder.page.locator('#tc-state option[value="stale"]').textContent()).toBe('Stale (1)');

      await card(proposer.page).getByRole('button', { name: 'Withdraw the proposal of China' }).click();
      for (const page of [proposer.page, penholder.page]) {
        await expect.poll(() => card(page).getAttribute('data-state'), { timeout: 10_000 }).toBe('withdrawn');
        expect(await card(page).getByRole('button').count()).toBe(0);
      }
      editor.provider.destroy();
      await proposer.context.close();
      await penholder.context.close();
    },
    TEST_MS,
  );

  it(
    'filters by delegation, state and paragraph, with the counts, and keeps the filters in the address',
    async () => {
      const draftId = await makeDraft(world, 'Two columns: filters', ['CHL']);
      const fromChina = await tableProposal(world, china, draftId, { kind: 'delete_words', paragraphId: 'op1', words: 'its work' });
      const fromGermany = await tableProposal(world, germany, draftId, { kind: 'replace_words', paragraphId: 'op3', words: 'contribute', text: 'contribute generously' });
      const rejected = await tableProposal(world, germany, draftId, { kind: 'delete_words', paragraphId: 'op4', words: 'of the matter' });
      const chile = await loginAs(world.server, demoLogin('chile'), demoPassword('chile'));
      const decided = await call(world.server, 'POST', `/api/drafts/${draftId}/proposals/${rejected}/decision`, {
        cookie: chile.cookie,
        body: { state: 'rejected', note: 'OP 4 stays as is.' },
      });
      expect(decided.status).toBe(200);

      const { context, page } = await openTwoColumn(browser, world, 'chile', draftId);
      await expect.poll(() => visibleProposals(page), { timeout: 10_000 }).toEqual([fromChina, fromGermany, rejected]);
      expect(await page.locator('.tc-summary').textContent()).toContain('2 pending of 3 proposals');
      expect(await visibleRows(page)).toEqual(['pp1', 'op1', 'op2', 'op3', 'op4']);

      await page.getByLabel('Delegation', { exact: true }).selectOption('DEU');
      await expect.poll(() => visibleProposals(page)).toEqual([fromGermany, rejected]);
      expect(await visibleRows(page)).toEqual(['op3', 'op4']); // paragraphs with nothing from Germany step aside
      expect(new URL(page.url()).search).toBe('?delegation=DEU');

      await page.getByLabel('State', { exact: true }).selectOption('pending');
      await expect.poll(() => visibleProposals(page)).toEqual([fromGermany]);
      expect(await page.locator('#tc-state option[value="rejected"]').textContent()).toBe('Rejected (1)');
      expect(await page.locator(`[data-proposal="${rejected}"]`).count()).toBe(0);

      await page.getByLabel('Delegation', { exact: true }).selectOption('');
      await page.getByLabel('State', { exact: true }).selectOption('');
      await page.getByLabel('Paragraph', { exact: true }).selectOption({ label: 'OP 1' });
      await expect.poll(() => visibleRows(page)).toEqual(['op1']);
      expect(await visibleProposals(page)).toEqual([fromChina]);
      expect(new URL(page.url()).search).toBe('?paragraph=op1');
      await context.close();

      // The address opens the view filtered.
      const again = await openTwoColumn(browser, world, 'chile', draftId, '?state=rejected');
      await expect.poll(() => visibleProposals(again.page), { timeout: 10_000 }).toEqual([rejected]);
      expect(await again.page.locator(`[data-proposal="${rejected}"] .proposal-decided`).textContent()).toContain('OP 4 stays as is.');
      await again.context.close();
    },
    TEST_MS,
  );

  it(
    "says the server's refusal beside the control: words accepted as modified over the limit (422), the proposal left pending",
    async () => {
      const draftId = await makeDraft(world, 'Two columns: refusal', ['CHL']);
      const pid = await tableProposal(world, china, draftId, { kind: 'replace_words', paragraphId: 'op2', words: 'to report', text: 'to report annually' });
      const { context, page } = await openTwoColumn(browser, world, 'chile', draftId);
      const card = page.locator(`[data-proposal="${pid}"]`);
      await card.getByRole('button', { name: 'Accept as modified the proposal of China' }).click();
      await card.getByLabel('The words as accepted').fill('annually '.repeat(250)); // 2,250 characters: over PROPOSAL_LIMITS.text
      await card.getByRole('button', { name: 'Confirm acceptance as modified: the proposal of China' }).click();
      await expect.poll(() => card.locator('.refusal').textContent(), { timeout: 10_000 }).toMatch(/^Refused: ./);
      expect(await card.locator('.refusal').getAttribute('role')).toBe('alert');
      expect(await card.getAttribute('data-state')).toBe('pending');
      expect(await page.locator('.tc-row[data-paragraph="op2"] .tc-text-body').textContent()).toBe('Requests the Secretariat to report;');
      // The control stays usable: Cancel folds the form and clears the refusal.
      await card.getByRole('button', { name: 'Cancel: Accept as modified' }).click();
      expect(await card.locator('.refusal').textContent()).toBe('');
      await context.close();
    },
    TEST_MS,
  );

  it(
    "leads from the drafts list's pending count to the view filtered to pending proposals",
    async () => {
      const draftId = await makeDraft(world, 'Two columns: from the list', ['CHL']);
      const pid = await tableProposal(world, china, draftId, { kind: 'delete_words', paragraphId: 'op1', words: 'its work' });
      const { context, page } = await signedInPage(browser, world.server, 'germany');
      const link = page.locator(`tr[data-draft="${draftId}"] a.pending-link`);
      await link.waitFor({ timeout: 10_000 });
      expect(await link.textContent()).toBe('1');
      expect(await link.getAttribute('aria-label')).toMatch(/^1 pending proposal on /);
      // The new column keeps the list free of WCAG 2.1 A/AA violations (its name contains its visible number).
      expect(await axeViolations(page, '#app')).toEqual([]);
      await link.click();
      await page.locator(`[data-proposal="${pid}"]`).waitFor({ timeout: 10_000 });
      expect(new URL(page.url()).pathname).toBe(`/drafts/${draftId}/proposals`);
      expect(new URL(page.url()).search).toBe('?state=pending');
      await context.close();
    },
    TEST_MS,
  );

  it(
    'has no WCAG 2.1 A/AA violation with proposals and comments on it, and every control is reached by Tab',
    async () => {
      const draftId = await makeDraft(world, 'Two columns: axe', ['CHL']);
      await tableProposal(world, china, draftId, { kind: 'replace_words', paragraphId: 'op2', words: 'the Secretariat', text: 'the Executive Secretary' }, 'Clearer.');
      const commented = await call(world.server, 'POST', `/api/drafts/${draftId}/comments`, { cookie: germany.cookie, body: { paragraphId: 'op1', body: 'Which work?' } });
      expect(commented.status).toBe(201);
      const { context, page } = await openTwoColumn(browser, world, 'chile', draftId);
      await page.locator('[data-thread]').waitFor({ timeout: 10_000 });
      await page.locator('[data-proposal]').waitFor();
      // The page itself (#app); the header around it is every page's, read by test/browser/a11y.test.ts.
      expect(await axeViolations(page, '#app')).toEqual([]);
      // The decision form open too.
      await page.getByRole('button', { name: 'Reject the proposal of China' }).click();
      expect(await axeViolations(page, '#app')).toEqual([]);
      // Keyboard: from the Reject note, Tab reaches the confirm button.
      await page.getByLabel('Note (optional)').focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Confirm rejection: the proposal of China');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-proposal]').getAttribute('data-state'), { timeout: 10_000 }).toBe('rejected');
      // The keyboard's place is kept: the card, drawn again as rejected, has the focus.
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-proposal]') !== null)).toBe(true);
      // At 320 px (400 % zoom) the columns stack: nothing scrolls sideways (WCAG 1.4.10).
      await page.setViewportSize({ width: 320, height: 800 });
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await axeViolations(page, '#app')).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );
});
