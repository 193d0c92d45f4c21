/**
 * axe-core in a page of the browser suite, with the rules of WCAG 2.1 A and AA only: a test
 * asserts `expect(await axeViolations(page)).toEqual([])`, and a failure lists what broke where.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
// Evaluated through the DevTools protocol, not added as a <script>: the app's CSP (script-src 'self') refuses inline scripts, as it should.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The tags of the rules run: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** One rule broken on the page: its id, how bad, and the first few elements that break it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  targets: string[];
}

/** How many elements of a violation are named: enough to find the fault, short enough to read. */
const TARGETS_SHOWN = 3;

/** Run axe-core in `page` (within `context`, a CSS selector, when given) and return the violations of WCAG 2.1 A/AA. */
export async function axeViolations(page: Page, context?: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, shown, within }) => {
      const axe = (
        window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }> } }
      ).axe;
      const result = await axe.run(within ?? document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        targets: v.nodes.slice(0, shown).map((n) => n.target.map(String).join(' ')),
      }));
    },
    { tags: [...WCAG21_AA], shown: TARGETS_SHOWN, within: context ?? null },
  );
}
