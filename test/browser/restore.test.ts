/**
 * The console's "Restore the working text to an earlier point" in a real Chromium: the
 * secretariat names a seq, confirms, and the working text is its text as of that seq again;
 * a seq the log does not have is refused with the server's reason. Bounded under 60 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { textHash } from '../../shared/canonical';
import { connect, synced, typeInto, until } from '../helpers/collab';
import { call } from '../helpers/server';
import { closeBrowserWorld, hasChromium, makeDraft, openBrowserWorld, requireChromiumInCI, screenshot, signedInPage, startingText, type World } from './harness';

requireChromiumInCI();

describe.skipIf(!hasChromium)('restoring a working text from the console in Chromium', () => {
  let world: World;
  let browser: Browser;
  let draftId: string;

  beforeAll(async () => {
    [world, browser] = await openBrowserWorld();
    draftId = await makeDraft(world, 'A text to restore from the console', ['CHL']);
    // A change after the starting text (seq 1), to be undone.
    const editor = connect(`${world.server.wsUrl}/collab`, draftId, world.secretariat.token);
    await synced(editor.provider);
    typeInto(editor.doc, 2, 0, 'Regrettably ');
    await until(async () => (await world.server.store.lastSeq(draftId)) >= 2, 5_000, 'the change to be stored');
    editor.provider.destroy();
  }, 120_000);

  afterAll(() => closeBrowserWorld(world, browser));

  it('restores to a seq after a confirmation, and says why a seq is refused', async () => {
    const { context, page } = await signedInPage(browser, world.server, 'secretariat', '/console');
    const row = page.locator(`tr[data-draft="${draftId}"]`);
    await row.waitFor({ timeout: 15_000 });
    const dialog = page.locator('dialog.console-dialog');
    const said = (text: string | RegExp) => page.locator('.console-status', { hasText: text }).waitFor({ timeout: 10_000 });
    const restoreTo = async (seq: string) => {
      await row.locator('button[data-act="restore"]').click();
      await dialog.locator('input[name="seq"]').fill(seq);
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('button', { name: 'Restore' }).click();
    };

    await restoreTo('99');
    await said(/^Refused: seq 99 is not in the log of this draft/);

    await restoreTo('1');
    await said(/is its text as of seq 1 .*the change is seq 3\.$/);
    const text = await call(world.server, 'GET', `/api/drafts/${draftId}/text`, { cookie: world.secretariat.cookie });
    expect(text.status).toBe(200);
    expect(textHash(text.body.doc)).toBe(textHash(startingText().toJSON()));
    await screenshot(page, 'console-restore');
    await context.close();
  }, 60_000);
});
