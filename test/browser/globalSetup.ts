/** Vitest globalSetup for the browser suite: build the client once, before any suite starts a server. */
import { buildClient, hasChromium } from './harness';

/** Build dist/client when Chromium is there to use it. */
export default async function setup(): Promise<void> {
  if (hasChromium) await buildClient();
}
