/**
 * What the browser tests of the two-column view (/drafts/:id/proposals) and its comment threads
 * share: tabling a proposal through the API as a delegate would, and opening the view once its
 * text is drawn and its socket connected.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { call, type SignedIn } from '../helpers/server';
import { signedInPage, type World } from './harness';

/** Table a proposal through the API as `who`; returns its id. */
export async function tableProposal(world: World, who: SignedIn, draftId: string, amendment: Record<string, unknown>, rationale?: string): Promise<string> {
  const res = await call<{ id: string }>(world.server, 'POST', `/api/drafts/${draftId}/proposals`, {
    cookie: who.cookie,
    body: { amendment, ...(rationale ? { rationale } : {}) },
  });
  if (res.status !== 201) throw new Error(`proposal not tabled: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Open the two-column view of a draft as a demo account, once its text is drawn and its socket connected. */
export async function openTwoColumn(browser: Browser, world: World, account: string, draftId: string, query = '') {
  const opened = await signedInPage(browser, world.server, account, `/drafts/${draftId}/proposals${query}`);
  // Attached, not visible: a filter in the address may hide the row.
  await opened.page.locator('.tc-row[data-paragraph="op1"] .tc-text-body').waitFor({ state: 'attached', timeout: 15_000 });
  await expect.poll(() => opened.page.locator('.connection').getAttribute('data-status'), { timeout: 10_000 }).toBe('connected');
  return opened;
}

/** The row of paragraph `id` in the view. */
export const row = (page: Page, id: string) => page.locator(`.tc-row[data-paragraph="${id}"]`);
