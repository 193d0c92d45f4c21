/** Vitest globalSetup for the browser suite: build the client once, before any suite starts a server. */
import { hasFirefox } from './firefoxHarness';
import { buildClient, hasChromium } from './harness';

/** Build dist/client when a browser is there to use it. */
export default async function setup(): Promise<void> {
  if (hasChromium || hasFirefox) await buildClient();
}
