/**
 * Helpers of the comparison tests: fixture texts imported as a paste would be, the invariants
 * every comparison keeps, and finding a row by its label.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { compareTexts, sideText, type Comparison, type ComparedParagraph } from '../../../shared/compare';
import type { TextJSON } from '../../../shared/schema';
import { numberText, readUnits } from '../../../shared/compare/units';
import { importPlainText } from '../../../shared/importText';
import { doc, withoutIds } from '../../builders';

const FIXTURES = new URL('../../../server/demo/fixtures/cop11-zh/', import.meta.url);
/** A fixture text of the eleventh session, as printed. */
export const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

/** Import a printed text with ids from a counter of its own, as two separate pastes would have. */
export function imported(text: string, prefix: string): PMNode {
  let n = 0;
  const result = importPlainText(text, { newId: () => `${prefix}${++n}` });
  if (!result.ok) throw new Error(result.error);
  return result.value.doc;
}

/** The invariants every comparison keeps, checked on every example. */
export function checkInvariants(a: PMNode, b: PMNode, c: Comparison): void {
  for (const row of c.paragraphs) {
    if (row.left && row.right) {
      if (row.segments) {
        expect(sideText(row.segments, 'left')).toBe(row.left.text);
        expect(sideText(row.segments, 'right')).toBe(row.right.text);
      } else expect(row.left.text).toBe(row.right.text);
    }
  }
  // Rows follow the right text, each of its blocks once; each left block appears once too.
  const right = readUnits(b, numberText(b)).map((u) => `${u.ref}|${u.text}`);
  expect(c.paragraphs.filter((r) => r.right).map((r) => `${r.right!.ref}|${r.right!.text}`)).toEqual(right);
  const left = readUnits(a, numberText(a)).map((u) => `${u.ref}|${u.text}`);
  expect(
    c.paragraphs
      .filter((r) => r.left)
      .map((r) => `${r.left!.ref}|${r.left!.text}`)
      .sort(),
  ).toEqual([...left].sort());
  expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  for (const text of [a, b]) {
    const self = compareTexts(text, text);
    expect(self.paragraphs.every((r) => r.status === 'unchanged')).toBe(true);
    expect(self.summary.en).toBe('No changes');
  }
}

/** The rows that are not unchanged. */
export const changes = (c: Comparison) => c.paragraphs.filter((r) => r.status !== 'unchanged');
/** The row with this label; throws, listing the labels, when there is none. */
export const row = (c: Comparison, label: string): ComparedParagraph => {
  const found = c.paragraphs.find((r) => r.label === label);
  if (!found) throw new Error(`No row ${label}: ${c.paragraphs.map((r) => r.label).join(', ')}`);
  return found;
};

/** A text rebuilt from its blocks as `change` edits them; ids stay as given. */
export function edit(text: PMNode, change: (blocks: PMNode[]) => PMNode[]): PMNode {
  const blocks: PMNode[] = [];
  text.forEach((b) => void blocks.push(b));
  return doc(...change(blocks));
}

/** The same text with every id replaced, as if pasted anew: nothing to align by but the words. */
export function freshIds(text: PMNode, prefix: string): TextJSON {
  let n = 0;
  const renew = (node: any): any => ({
    ...node,
    ...(node.attrs && 'id' in node.attrs ? { attrs: { ...node.attrs, id: `${prefix}${++n}` } } : {}),
    ...(node.content ? { content: node.content.map(renew) } : {}),
  });
  return renew(withoutIds(text));
}

/** Compare with ids and without; both must read the same, and keep the invariants. */
export function bothWays(a: PMNode, b: PMNode): Comparison {
  const withIds = compareTexts(a, b);
  const without = compareTexts(freshIds(a, 'x'), freshIds(b, 'y'));
  const strip = (c: Comparison) => c.paragraphs.map(({ status, label, segments }) => ({ status, label, segments }));
  expect(strip(without)).toEqual(strip(withIds));
  expect(without.summary).toEqual(withIds.summary);
  for (const c of [withIds, without]) {
    for (const r of c.paragraphs) {
      if (r.segments) {
        expect(sideText(r.segments, 'left')).toBe(r.left!.text);
        expect(sideText(r.segments, 'right')).toBe(r.right!.text);
      }
    }
    expect(c.paragraphs.filter((r) => r.left)).toHaveLength(compareTexts(a, a).paragraphs.length);
    expect(c.paragraphs.filter((r) => r.right)).toHaveLength(compareTexts(b, b).paragraphs.length);
  }
  return withIds;
}
