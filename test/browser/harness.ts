/**
 * The harness of the browser suite: a real Penholder server (demo seeded, fixed passwords) that
 * serves a freshly built client, a real Chromium driven by playwright-core, sign-in through the
 * login page, and drafts made for each test through the API with a known working text.
 *
 * Chromium is Debian's (`/usr/bin/chromium`, installed by `.ci/run`). Without it the suite is
 * skipped locally, and fails under CI=true: a browser suite that silently skips proves nothing.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { resolutionSchema as schema } from '../../shared/schema';
import { connect, synced, until, FRAGMENT } from '../helpers/collab';
import { call, loginAs, startTestServer, type SignedIn, type TestServer } from '../helpers/server';

/** Debian's Chromium. */
export const CHROMIUM = '/usr/bin/chromium';
/** Whether the suite can run here. */
export const hasChromium = existsSync(CHROMIUM);
/** Where screenshots go (the README names this folder). */
export const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-artifacts/screenshots');

/** Throw under CI when Chromium is missing, so that the skip cannot hide a broken CI image. */
export function requireChromiumInCI(): void {
  if (!hasChromium && process.env.CI === 'true') {
    throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium for the browser suite`);
  }
}

/** The password of a demo account when seeded with fixed passwords. */
export const demoPassword = (name: string) => `${name}-cop11-demo`;
/** The login of a demo account. */
export const demoLogin = (name: string) => `${name}@demo.penholder`;

// The newest modification time of the files under `dir`.
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/**
 * Build the client into dist/client, where the server serves it from, unless the build there is
 * newer than every source of it (a globalSetup or `npm run build` already made it): rebuilding
 * empties dist/client, which other suites running at the same time may be reading.
 */
export async function buildClient(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const index = path.join(root, 'dist', 'client', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs > Math.max(newest(path.join(root, 'client')), newest(path.join(root, 'shared')))) return;
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

/** Launch headless Chromium with the flags CI containers need. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** Open `urlPath` in a new context and sign in through the login page as a demo account. */
export async function signedInPage(browser: Browser, server: TestServer, account: string, urlPath = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${account}] page error:`, e.message));
  await page.goto(server.url + urlPath);
  await page.locator('#login').fill(demoLogin(account));
  await page.locator('#password').fill(demoPassword(account));
  await page.getByRole('button', { name: 'Sign in' }).click();
  return { context, page };
}

/** The world of one suite: server, secretariat session, the session and delegation ids. */
export interface World {
  server: TestServer;
  secretariat: SignedIn;
  sessionId: string;
  delegations: Map<string, string>;
}

/** Start the server with the demo and look up what tests need. */
export async function startWorld(): Promise<World> {
  const server = await startTestServer({ seedDemo: true });
  const secretariat = await loginAs(server, demoLogin('secretariat'), demoPassword('secretariat'));
  const sessions = await call<{ id: string }[]>(server, 'GET', '/api/sessions', { cookie: secretariat.cookie });
  const delegations = await call<{ id: string; code: string }[]>(server, 'GET', '/api/delegations', { cookie: secretariat.cookie });
  return {
    server,
    secretariat,
    sessionId: sessions.body[0]!.id,
    delegations: new Map(delegations.body.map((d) => [d.code, d.id])),
  };
}

/** The working text every test starts from: a title, one preambular and four operative paragraphs. */
export function startingText() {
  const p = (kind: string, id: string, text: string) => schema.node(kind, { id }, [schema.text(text)]);
  return schema.node('doc', null, [
    schema.node('title', null, [schema.text('Strengthening international cooperation')]),
    p('preambular', 'pp1', 'Recalling its resolution 10/4 of 16 October 2020,'),
    p('operative', 'op1', 'Decides to continue its work;'),
    p('operative', 'op2', 'Requests the Secretariat to report;'),
    p('operative', 'op3', 'Invites Member States to contribute;'),
    p('operative', 'op4', 'Decides to remain seized of the matter.'),
  ]);
}

/**
 * A new draft sponsored by `sponsorCodes` (the first is the main sponsor), its working text
 * written by the secretariat over the collaboration socket, as an editor would.
 */
export async function makeDraft(world: World, title: string, sponsorCodes: string[]): Promise<string> {
  const { server, secretariat } = world;
  const id = (code: string) => {
    const found = world.delegations.get(code);
    if (!found) throw new Error(`no demo delegation ${code}`);
    return found;
  };
  const created = await call<{ id: string }>(server, 'POST', `/api/sessions/${world.sessionId}/drafts`, {
    cookie: secretariat.cookie,
    body: { kind: 'resolution', title: { en: title, zh: title }, agendaItem: '3', mainSponsorId: id(sponsorCodes[0]!) },
  });
  if (created.status !== 201) throw new Error(`draft not created: ${created.status} ${JSON.stringify(created.body)}`);
  const draftId = created.body.id;
  for (const code of sponsorCodes.slice(1)) {
    const joined = await call(server, 'POST', `/api/drafts/${draftId}/sponsors`, { cookie: secretariat.cookie, body: { delegationId: id(code) } });
    if (joined.status !== 201) throw new Error(`sponsor ${code} not added: ${joined.status} ${JSON.stringify(joined.body)}`);
  }
  const writer = connect(`${server.wsUrl}/collab`, draftId, secretariat.token);
  await synced(writer.provider);
  if (writer.doc.getXmlFragment(FRAGMENT).length === 0) prosemirrorToYXmlFragment(startingText(), writer.doc.getXmlFragment(FRAGMENT));
  // Stored once a second client, fresh, sees it.
  const reader = connect(`${server.wsUrl}/collab`, draftId, secretariat.token, new Y.Doc());
  await synced(reader.provider);
  await until(() => reader.doc.getXmlFragment(FRAGMENT).length > 0, 5_000, 'the starting text to be stored');
  writer.provider.destroy();
  reader.provider.destroy();
  return draftId;
}

/** Save a screenshot under test-artifacts/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Everything a browser suite starts with: the client built, a server with the demo, Chromium. */
export async function openBrowserWorld(): Promise<[World, Browser]> {
  await buildClient();
  return Promise.all([startWorld(), launch()]);
}

/** Close what openBrowserWorld opened (either may be missing when the start failed). */
export async function closeBrowserWorld(world: World | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await world?.server.close();
}
