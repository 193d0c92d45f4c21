/**
 * The drafting room shows the permissions the server sends with the draft, as they are: the chair
 * of the draft's consultations gets the paragraph-state form, a non-sponsor delegate does not,
 * and once the text is frozen nobody does and the banner gives the policy's reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { call } from '../helpers/server';
import { closeBrowserWorld, demoLogin, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, signedInPage, type World } from './harness';

requireChromiumInCI();

describe.skipIf(!hasChromium)('the permissions the drafting room shows, in Chromium', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  const api = (method: string, path: string, body?: unknown) => call(world.server, method, path, { cookie: world.secretariat.cookie, body });
  async function room(account: string, draftId: string) {
    const opened = await signedInPage(browser, world.server, account, `/drafts/${draftId}`);
    await opened.page.locator('.paragraph-states').waitFor({ timeout: 15_000 });
    return opened;
  }

  it('gives the chair the paragraph-state form and a non-sponsor none; after the freeze, nobody', async () => {
    const draftId = await makeDraft(world, 'Permissions shown', ['CHL']);
    const users = await api('GET', '/api/users');
    const chair = (users.body as { id: string; login: string }[]).find((u) => u.login === demoLogin('chair'))!;
    expect((await api('PUT', `/api/drafts/${draftId}/chair`, { chairUserId: chair.id })).status).toBe(200);

    const c = await room('chair', draftId);
    await c.page.locator('#ps-paragraph').waitFor({ timeout: 5_000 });
    expect(await c.page.locator('[data-banner="read-only"]').isVisible()).toBe(false);
    await c.context.close();
    const n = await room('china', draftId);
    expect(await n.page.locator('#ps-paragraph').count()).toBe(0);
    await n.context.close();

    expect((await api('POST', `/api/drafts/${draftId}/events`, { type: 'withdrawn', payload: { date: '2022-10-21' } })).status).toBe(201);
    expect((await api('POST', `/api/drafts/${draftId}/freeze`, {})).status).toBe(201);
    const frozen = await room('chair', draftId);
    await expect.poll(() => frozen.page.locator('[data-banner="read-only"]').textContent()).toBe('Read only: the text is frozen: nobody can change it.');
    expect(await frozen.page.locator('#ps-paragraph').count()).toBe(0);
    await frozen.context.close();
  }, 60_000);
});
