/**
 * The Firefox half of the browser harness: Debian's firefox-esr driven over WebDriver BiDi by
 * puppeteer-core (Playwright cannot drive a stock Firefox, and Debian has no geckodriver). The
 * world itself (server, demo, drafts) is the one of ./harness; only the browser differs.
 *
 * Without /usr/bin/firefox-esr the suite is skipped locally, saying why, and fails on CI, which
 * installs it (`.ci/run`): a browser suite that silently skips proves nothing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { buildClient, demoLogin, demoPassword, SCREENSHOTS, startWorld, type World } from './harness';

/** Debian's Firefox ESR. */
export const FIREFOX = '/usr/bin/firefox-esr';
/** Whether the Firefox suite can run here. */
export const hasFirefox = existsSync(FIREFOX);

/** Why the Firefox suite is skipped here, or null when it runs; throws on CI when Firefox is missing. */
export function firefoxSkipReason(): string | null {
  if (hasFirefox) return null;
  const ci = process.env.CI ?? '';
  if (ci !== '' && !/^(0|false)$/i.test(ci)) {
    throw new Error(`${FIREFOX} is missing: CI must install Debian's firefox-esr for the Firefox browser suite`);
  }
  const reason = `${FIREFOX} is not installed (apt-get install firefox-esr)`;
  console.warn(`[firefox] browser suite SKIPPED: ${reason}`);
  return reason;
}

/** Launch headless Firefox ESR; puppeteer-core never downloads a browser, it uses this one. */
export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // No update checks, telemetry or first-run pages in a test run.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
}

/** A page of its own browser context (its own cookies, so its own signed-in user). */
export interface FirefoxPage {
  context: BrowserContext;
  page: Page;
}

/** Open `urlPath` in a new context, 1280 × 900, and sign in through the login page as a demo account. */
export async function signedInFirefoxPage(
  browser: Browser,
  world: World,
  account: string,
  urlPath = '/',
  viewport = { width: 1280, height: 900, deviceScaleFactor: 1 },
): Promise<FirefoxPage> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[firefox ${account}] page error:`, e instanceof Error ? e.message : e));
  await page.setViewport(viewport);
  await page.goto(world.server.url + urlPath);
  await page.waitForSelector('#login');
  // Set the fields at once, as Playwright's fill does; typing them key by key over BiDi costs a second a page.
  await page.evaluate(
    (login, password) => {
      for (const [id, value] of [
        ['login', login],
        ['password', password],
      ] as const) {
        const input = document.getElementById(id) as HTMLInputElement;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    },
    demoLogin(account),
    demoPassword(account),
  );
  await page.locator('form.login button[type="submit"]').click();
  return { context, page };
}

/** Save a screenshot under test-artifacts/screenshots/, named `firefox-<name>.png`. */
export async function firefoxScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `firefox-${name}.png`) as `${string}.png`, fullPage: true });
}

/** The client built, a server with the demo, Firefox. */
export async function openFirefoxWorld(): Promise<[World, Browser]> {
  await buildClient();
  return Promise.all([startWorld(), launchFirefox()]);
}

/** Close what openFirefoxWorld opened (either may be missing when the start failed). */
export async function closeFirefoxWorld(world: World | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await world?.server.close();
}
