/**
 * The print view's stylesheet (client/print.css), written against the classes of
 * shared/export/print.ts and the schema's `toDOM`, laid out by a real Chromium: subparagraph
 * letters shown, every number inside the page, right-to-left paragraphs right to left.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINT_CLASSES } from '../../../shared/export/print';

const CSS = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../client/print.css'), 'utf8');
const MM = 96 / 25.4; // CSS pixels in a millimetre

// A page as client/pages/print.ts writes it: numbers in data-label, blocks with the schema's classes.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>
<article class="print-page" lang="en" id="en">
  <div class="${PRINT_CLASSES.symbolBlock}"><p class="${PRINT_CLASSES.headingLine} ${PRINT_CLASSES.symbol}">CTOC/COP/2022/L.10/Rev.2</p></div>
  <p class="ph-operative" data-kind="operative" data-id="o1" data-label="1." id="op">Requests the Secretariat:</p>
  <p class="ph-subparagraph" data-kind="subparagraph" data-level="1" data-id="s1" data-label="(a)" id="a">To assist States;</p>
  <p class="ph-subparagraph" data-kind="subparagraph" data-level="2" data-id="s2" data-label="(i)" id="i">In particular small island States;</p>
  <p class="ph-operative" data-kind="operative" data-id="o2" data-label="2." id="ar">يقرر مواصلة عمله</p>
  <p class="ph-operative" data-kind="operative" data-id="o3" data-label="3." dir="auto" id="auto">يقرر مواصلة عمله</p>
</article>
<article class="print-page" lang="ar" id="arabic"><p class="ph-operative" data-kind="operative" data-id="o4" data-label="1." id="arop">يقرر مواصلة عمله</p></article>
</body></html>`;

interface Box {
  left: number;
  right: number;
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  page = await browser.newPage();
  await page.setContent(PAGE);
});
afterAll(async () => {
  await browser?.close();
});

// The box of an element, of its first character, and what its ::before says.
const measure = (id: string) =>
  page.evaluate((id) => {
    const el = document.getElementById(id)!;
    const range = document.createRange();
    const text = el.firstChild!;
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const box = (r: DOMRect) => ({ left: r.left, right: r.right });
    const style = getComputedStyle(el);
    return {
      el: box(el.getBoundingClientRect()),
      page: box(el.closest('article')!.getBoundingClientRect()),
      first: box(range.getBoundingClientRect()),
      label: getComputedStyle(el, '::before').content,
      direction: style.direction,
      textAlign: style.textAlign,
    };
  }, id);

describe('the print view stylesheet', () => {
  it('shows the letters of subparagraphs and the numbers of operative paragraphs', async () => {
    expect((await measure('op')).label).toBe('"1.\u00a0\u00a0"');
    expect((await measure('a')).label).toBe('"(a)"');
    expect((await measure('i')).label).toBe('"(i)"');
  });

  it('hangs each letter inside the page: (a) 10 mm in, its words at 20 mm; (i) 20 mm in, its words at 30 mm', async () => {
    for (const [id, words] of [
      ['a', 20],
      ['i', 30],
    ] as const) {
      const m = await measure(id);
      const indent = (x: Box) => (x.left - m.page.left) / MM;
      // The words start where the hanging column ends; the letter sits in the 10 mm before them, inside the page.
      expect(indent(m.first)).toBeCloseTo(words, 0);
      expect(indent(m.first) - 10).toBeGreaterThanOrEqual(0);
    }
    const op = await measure('op');
    // "1." is printed on the first line after the paragraph's 20 mm of indent, inside the page.
    expect((op.first.left - op.page.left) / MM).toBeGreaterThan(20);
  });

  it('sets Arabic paragraphs right to left: by their words, by dir="auto", and throughout an Arabic text', async () => {
    // In an English text, an Arabic paragraph starts on the right: its 10 mm indent and its number "2." there, then its first word.
    const byWords = await measure('ar');
    const fromRight = (byWords.page.right - byWords.first.right) / MM;
    expect(fromRight).toBeGreaterThan(10);
    expect(fromRight).toBeLessThan(20);
    for (const id of ['auto', 'arop']) {
      const m = await measure(id);
      expect(m.direction).toBe('rtl');
      expect(m.textAlign).toBe('right');
      // Mirrored: the indent is on the right, and the words end there.
      expect(m.page.right - m.el.right).toBeCloseTo(10 * MM, 0);
      expect(m.page.left - m.el.left).toBeCloseTo(0, 0);
    }
  });
});
