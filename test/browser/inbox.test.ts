/**
 * The inbox badge (issue #17) in a real browser, Chromium and Firefox: the penholder's badge
 * counts up live (from the server's event stream, long before the 30-s poll) when another
 * delegation comments on their draft; the inbox page lists the comment, its HTML shown as text
 * with no element made of it and no script run; marking all read brings the badge to nothing;
 * what arrives while the inbox is open shows in it; axe finds no WCAG 2.1 A/AA violation on the
 * inbox page nor in the header's badge (Chromium);
 * an item opens the draft's two-column view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, type SignedIn } from '../helpers/server';
import { closeFirefoxWorld, firefoxSkipReason, openFirefoxWorld, signedInFirefoxPage } from './firefoxHarness';
import { axeViolations } from './axe';
import { closeBrowserWorld, demoLogin, demoPassword, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, type World } from './harness';

requireChromiumInCI();
const firefoxSkip = firefoxSkipReason();

const HOSTILE = '<img src=x onerror="window.__pwned = true"> Why the twelfth?';
const TEST_MS = 90_000;

/** What the flow needs of a page, in either browser: run a function of one argument in it. */
interface PageLike {
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  url(): string;
}

const unread = (page: PageLike) => page.evaluate(() => document.querySelector<HTMLElement>('.inbox-link')?.dataset.unread ?? null, null);

/** Sign the demo account in over the API and clear its inbox, so the count starts at nothing. */
async function cleared(world: World, account: string): Promise<SignedIn> {
  const signed = await loginAs(world.server, demoLogin(account), demoPassword(account));
  await call(world.server, 'POST', '/api/inbox/read', { cookie: signed.cookie, body: { all: true } });
  return signed;
}

const comment = (world: World, who: SignedIn, draftId: string, body: string) =>
  call(world.server, 'POST', `/api/drafts/${draftId}/comments`, { cookie: who.cookie, body: { paragraphId: 'op2', body } });

/** The flow both browsers go through: Mexico holds the pen, China comments twice. */
async function badgeFlow(world: World, page: PageLike, draftId: string, china: SignedIn): Promise<void> {
  await expect.poll(() => unread(page), { timeout: 10_000 }).toBe('0');
  // Let the stream open before the comment, so that what follows is the stream's doing.
  await expect.poll(() => page.evaluate(() => document.querySelector('.inbox-count')?.hasAttribute('hidden'), null)).toBe(true);
  await new Promise((r) => setTimeout(r, 500));
  const started = Date.now();
  expect((await comment(world, china, draftId, HOSTILE)).status).toBe(201);
  await expect.poll(() => unread(page), { timeout: 5_000, interval: 50 }).toBe('1');
  expect(Date.now() - started).toBeLessThan(5_000); // far sooner than the 30-s poll
  // Read out as shown: "Inbox 1 unread" (the count visible, "unread" for screen readers).
  expect(await page.evaluate(() => document.querySelector('.inbox-link')?.textContent?.replace(/\s+/g, ' '), null)).toBe('Inbox1 unread');
  expect(await page.evaluate(() => document.querySelector('.inbox-count')?.textContent, null)).toBe('1');
  expect((await comment(world, china, draftId, 'And the thirteenth?')).status).toBe(201);
  await expect.poll(() => unread(page), { timeout: 5_000, interval: 50 }).toBe('2');

  // The inbox page: the comment's words as text, no element made of them, no script run.
  await page.evaluate(() => document.querySelector<HTMLElement>('.inbox-link')!.click(), null);
  // The demo's own notifications of Mexico are there too, read: the two new ones are unread, on top.
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('.inbox-items li.unread').length, null), { timeout: 10_000 }).toBe(2);
  const summaries = await page.evaluate(() => [...document.querySelectorAll('.inbox-items li')].slice(0, 2).map((li) => li.querySelector('.inbox-summary')?.textContent), null);
  expect(summaries).toEqual(['And the thirteenth?', HOSTILE]);
  expect(await page.evaluate(() => document.querySelectorAll('#app img').length, null)).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned ?? null, null)).toBeNull();
  const titles = await page.evaluate(() => [...document.querySelectorAll('.inbox-items li.unread .inbox-title')].map((e) => e.textContent), null);
  expect(titles).toEqual(['China commented on OP 2', 'China commented on OP 2']);

  await page.evaluate(() => document.querySelector<HTMLButtonElement>('.inbox-all-read')!.click(), null);
  await expect.poll(() => unread(page), { timeout: 5_000 }).toBe('0');
  expect(await page.evaluate(() => document.querySelectorAll('.inbox-items li.unread').length, null)).toBe(0);

  // While the inbox is open, what arrives shows in it at once.
  expect((await comment(world, china, draftId, 'A third thought.')).status).toBe(201);
  await expect.poll(() => unread(page), { timeout: 5_000, interval: 50 }).toBe('1');
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll('.inbox-items li.unread .inbox-summary')].map((e) => e.textContent), null), { timeout: 5_000 })
    .toEqual(['A third thought.']);

  // An item opens the draft's two-column view.
  await page.evaluate(() => document.querySelector<HTMLElement>('.inbox-items li .inbox-title')!.click(), null);
  await expect.poll(() => new URL(page.url()).pathname, { timeout: 5_000 }).toBe(`/drafts/${draftId}/proposals`);
}

describe.skipIf(!hasChromium)('the inbox badge in Chromium', () => {
  let world: World;
  let browser: Awaited<ReturnType<typeof openBrowserWorld>>[1];
  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);
  afterAll(() => closeBrowserWorld(world, browser));

  it(
    'counts up live when another delegation comments, and shows the comment as text',
    async () => {
      const draftId = await makeDraft(world, 'Inbox badge in Chromium', ['MEX']);
      await cleared(world, 'mexico');
      const china = await cleared(world, 'china');
      const { context, page } = await signedInPage(browser, world.server, 'mexico');
      await page.locator('.inbox-link').waitFor();
      await badgeFlow(world, page, draftId, china);
      await screenshot(page, 'inbox-after');
      // WCAG 2.1 A/AA: the inbox page with read and unread items, and the header's badge with a count.
      expect((await comment(world, china, draftId, 'Unread, for the badge.')).status).toBe(201);
      await page.goto(`${world.server.url}/inbox`);
      await page.locator('.inbox-items li.unread').first().waitFor();
      await expect.poll(() => unread(page)).toBe('1');
      expect(await axeViolations(page)).toEqual([]);
      // WCAG 1.4.10: at 320 px (400 % zoom) the page reflows, even with a long unbroken word in a comment.
      const long = await call(world.server, 'POST', `/api/drafts/${draftId}/comments`, {
        cookie: china.cookie,
        body: { paragraphId: 'op2', quote: 'Requests the Secretariat to report;', body: 'x'.repeat(300) },
      });
      expect(long.status).toBe(201);
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(`${world.server.url}/inbox`);
      await page.locator('.inbox-items li.unread').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await context.close();
    },
    TEST_MS,
  );
});

describe.skipIf(firefoxSkip !== null)(`the inbox badge in Firefox${firefoxSkip ? ` (skipped: ${firefoxSkip})` : ''}`, () => {
  let world: World;
  let browser: Awaited<ReturnType<typeof openFirefoxWorld>>[1];
  beforeAll(async () => {
    [world, browser] = await openFirefoxWorld();
  }, 120_000);
  afterAll(() => closeFirefoxWorld(world, browser));

  it(
    'counts up live when another delegation comments, and shows the comment as text',
    async () => {
      const draftId = await makeDraft(world, 'Inbox badge in Firefox', ['MEX']);
      await cleared(world, 'mexico');
      const china = await cleared(world, 'china');
      const { context, page } = await signedInFirefoxPage(browser, world, 'mexico');
      await page.waitForSelector('.inbox-link', { timeout: 15_000 });
      await badgeFlow(world, page as unknown as PageLike, draftId, china);
      await context.close();
    },
    TEST_MS,
  );
});
