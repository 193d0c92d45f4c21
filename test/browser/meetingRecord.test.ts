/**
 * The console's meeting record in a real Chromium: the secretariat records a procedural vote
 * whose counts the server refuses (the reason beside the field, what was typed kept), corrects
 * it, and sees it listed with its count; a question written as HTML is shown as text; then an
 * explanation of that vote and a correction of it, then read among the session's report paragraphs in Chinese. A screenshot in test-artifacts/screenshots/meeting-record.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { closeBrowserWorld, hasChromium, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, type World } from './harness';

requireChromiumInCI();

describe.skipIf(!hasChromium)('the meeting record in the console, in Chromium', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it('records a procedural vote after a refusal shown beside the field, then an explanation of it', async () => {
    const { context, page } = await signedInPage(browser, world.server, 'secretariat', '/');
    await page.getByRole('link', { name: 'Console' }).click();
    await page.waitForURL(/\/console$/);
    const section = page.locator('section.meeting-record').first();
    await section.waitFor({ timeout: 15_000 });
    await section.locator('ol.meeting-record-list li').first().waitFor({ timeout: 10_000 }); // the record read
    const before = await section.locator('ol.meeting-record-list li[data-seq]').count();

    await section.getByText('Record a procedural vote').click();
    const vote = section.locator('form.meeting-vote');
    await vote.locator('input[name="meeting"]').fill('2');
    await vote.locator('input[name="date"]').fill('2022-10-17');
    await vote.locator('input[name="question.en"]').fill('whether <b>the matter</b> is procedural');
    await vote.locator('input[name="question.zh"]').fill('这一事项可否视为程序事项');
    await vote.locator('input[name="votedUnder"]').fill('61');
    await vote.locator('input[name="majorityUnder"]').fill('63');
    await vote.locator('input[name="yes"]').fill('63');
    await vote.locator('input[name="no"]').fill('15');
    await vote.locator('input[name="abstain"]').fill('25');
    await vote.locator('select[name="majority"]').selectOption('two-thirds');
    // A list naming one delegation where the count says 63: refused, beside the list.
    await vote.locator('input[name="roll.yes"]').fill('CHL');
    await vote.getByRole('button', { name: 'Record the vote' }).click();
    await expect.poll(() => vote.locator('.field-error:not(:empty)').count(), { timeout: 10_000 }).toBe(1);
    const rollError = vote.locator('[data-field="roll.yes"] .field-error');
    expect(await rollError.textContent()).toBe('the list names 1 but the count is 63');
    expect(await rollError.isVisible()).toBe(true);
    expect(await vote.locator('input[name="roll.yes"]').getAttribute('aria-invalid')).toBe('true');
    expect(await vote.locator('input[name="yes"]').inputValue()).toBe('63'); // what was typed is kept
    expect(await section.locator('ol.meeting-record-list li[data-seq]').count()).toBe(before);

    await vote.locator('input[name="roll.yes"]').fill('');
    await vote.getByRole('button', { name: 'Record the vote' }).click();
    await section.locator('.meeting-record-status', { hasText: /The vote was recorded as #\d+/ }).waitFor({ timeout: 10_000 });
    expect(await vote.locator('.field-error:not(:empty)').count()).toBe(0);
    const item = section.locator('ol.meeting-record-list li[data-seq]').last();
    const listed = await item.textContent();
    expect(listed).toContain('whether <b>the matter</b> is procedural'); // as text, not markup
    expect(await item.locator('b').count()).toBe(0);
    expect(listed).toContain('63 in favour, 15 against, 25 abstaining; 78 present and voting, 53 required (two-thirds): carried');
    const seq = await item.getAttribute('data-seq');

    await section.getByText('Record a statement').click();
    const statement = section.locator('form.meeting-statement');
    await statement.locator('input[name="meeting"]').fill('2');
    await statement.locator('input[name="date"]').fill('2022-10-17');
    await statement.locator('select[name="statement"]').selectOption('explanation_of_vote');
    await statement.locator('select[name="timing"]').selectOption('after');
    await statement.locator('select[name="speakers"]').selectOption({ label: 'Russian Federation' });
    await statement.locator('select[name="voteSeq"]').selectOption(seq!);
    await statement.getByRole('button', { name: 'Record the statement' }).click();
    await section.locator('.meeting-record-status', { hasText: /The statement was recorded/ }).waitFor({ timeout: 10_000 });
    expect(await section.locator('ol.meeting-record-list li[data-seq]').last().textContent()).toMatch(
      new RegExp(`Explanation of vote \\(after\\) on vote #${seq}: Russian Federation$`),
    );

    // A correction of that vote: listed beside it, its count unchanged.
    await section.getByText('Record a correction of vote').click();
    const correction = section.locator('form.meeting-correction');
    await correction.locator('select[name="voteSeq"]').selectOption(seq!);
    await correction.locator('input[name="meeting"]').fill('3');
    await correction.locator('input[name="date"]').fill('2022-10-18');
    await correction.locator('select[name="delegationId"]').selectOption({ label: 'Armenia' });
    await correction.locator('select[name="intended"]').selectOption('yes');
    await correction.getByRole('button', { name: 'Record the correction' }).click();
    await section.locator('.meeting-record-status', { hasText: /The correction of vote was recorded/ }).waitFor({ timeout: 10_000 });
    const corrected = await section.locator(`ol.meeting-record-list li[data-seq="${seq}"]`).textContent();
    expect(corrected).toContain('63 in favour, 15 against, 25 abstaining; 78 present and voting, 53 required (two-thirds): carried');
    expect(corrected).toMatch(/Corrections: Armenia intended yes$/);

    // The session's report paragraphs, in Chinese: the vote just recorded, then its explanation.
    await section.locator('details.session-report-paragraphs summary').click();
    await section.locator('details.session-report-paragraphs select').selectOption('zh');
    // Recorded without the report's own words: "voted on <question>" (the demo's own three votes are there too).
    const zhVote = section.locator('ol.session-report li[data-kind="vote"]', { hasText: '这一事项可否视为程序事项进行了表决。63 个缔约国投了赞成票' });
    await zhVote.waitFor({ timeout: 10_000 });
    expect(await zhVote.textContent()).toContain('在出席并参加表决的 78 个缔约国中，赞成票超过了三分之二多数 53 票');
    expect(await zhVote.textContent()).toMatch(/在第 3 次会议上，亚美尼亚代表团表示，其本打算投赞成票。$/);
    const next = section.locator('ol.session-report li[data-kind="vote"] + li');
    expect(await next.last().textContent()).toBe('俄罗斯联邦代表就表决作了发言。');

    await screenshot(page, 'meeting-record');
    await context.close();
  }, 60_000);
});
