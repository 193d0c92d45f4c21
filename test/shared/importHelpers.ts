/** What the importer's tests share: the fixtures, a loader with readable ids, and short views of a result. */
import { readFileSync } from 'node:fs';
import type { Node as PMNode } from 'prosemirror-model';
import { importPlainText, type ImportResult, type ImportWarningCode } from '../../shared/importText';

const FIXTURES = new URL('../../server/demo/fixtures/cop11-zh/', import.meta.url);
export const FILES = [
  'resolution-11-1.txt',
  'resolution-11-2.txt',
  'resolution-11-3.txt',
  'resolution-11-4.txt',
  'resolution-11-5.txt',
  'resolution-11-6.txt',
  'decision-11-1.txt',
  'decision-11-2.txt',
  'draft-L9-Rev1.txt',
] as const;

export const source = (file: string) => readFileSync(new URL(file, FIXTURES), 'utf8');

/** Imports with ids p1, p2 … so that failures are readable; fails the test on a refused import. */
export function load(text: string): ImportResult {
  let n = 0;
  const result = importPlainText(text, { newId: () => `p${++n}` });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export const fixture = (file: string) => load(source(file));

/** The top-level shape in short: "op 1.", "sub1 (a)", "pre", "plain", "[annex …" and "]". */
export function shape(result: ImportResult): string[] {
  const printed = new Map(result.report.paragraphs.map((p) => [p.id, p.printed]));
  const out: string[] = [];
  const visit = (node: PMNode) => {
    const label = printed.get(node.attrs.id) ?? null;
    const name = { preambular: 'pre', operative: 'op', plain: 'plain', subparagraph: `sub${node.attrs.level}` }[node.type.name];
    if (name) out.push(label ? `${name} ${label}` : name);
  };
  result.doc.forEach((node) => {
    if (node.type.name === 'annex') {
      out.push('[annex');
      node.forEach(visit);
      out.push(']');
    } else visit(node);
  });
  return out;
}

/** Each top-level block as "kind: its words" ("title: …", "formula: …", "operative: …"). */
export function blocks(doc: PMNode): string[] {
  const out: string[] = [];
  doc.forEach((node) => void out.push(`${node.type.name}: ${node.textContent}`));
  return out;
}

export const count = (list: string[], prefix: string) => list.filter((s) => s.startsWith(prefix)).length;
export const labels = (first: string, last: string) => {
  const out: string[] = [];
  for (let c = first.charCodeAt(0); c <= last.charCodeAt(0); c++) out.push(`sub1 (${String.fromCharCode(c)})`);
  return out;
};
export const ops = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `op ${from + i}.`);
export const times = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);

/** Every footnote node of a text, in order. */
export function footnotes(node: PMNode): PMNode[] {
  const out: PMNode[] = [];
  node.descendants((child) => {
    if (child.type.name === 'footnote') out.push(child);
  });
  return out;
}

/** The running text of a doc (footnote notes left out), without white space. */
export function runningText(node: PMNode): string {
  let text = '';
  node.descendants((child) => {
    if (child.type.name === 'footnote') return false;
    if (child.isText) text += child.text;
    return true;
  });
  return text.replace(/\s/gu, '');
}

/**
 * An independent oracle for "no words lost": the source without its number line, annex
 * markers, footnote lines, paragraph labels, footnote markers, "**" and white space.
 */
export function sourceText(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .filter((l, i) => !(i === 0 && /^(第 \d+\/\d+ 号(决议|决定)|(Resolution|Decision) \d+\/\d+)$/u.test(l)))
    .filter((l) => !/^(附件[一二三]?|Annex( [IV]+)?)$/u.test(l))
    .filter((l) => !/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ /u.test(l))
    .map((l) => l.replace(/^(- )?\([a-z]+\) /u, '').replace(/^\d+\. /u, ''))
    .join('')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹*\s]/gu, '');
}

export const codes = (result: ImportResult): ImportWarningCode[] => result.report.warnings.map((w) => w.code);

/** The node of a doc with this id (throws when there is none). */
export function findById(node: PMNode, id: string): PMNode {
  let found: PMNode | null = null;
  node.descendants((child) => {
    if (child.attrs.id === id) found = child;
    return found === null;
  });
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

/** The texts of a text's footnote nodes, in order. */
export const notesOf = (result: ImportResult): string[] => footnotes(result.doc).map((n) => n.textContent);

/**
 * A short text typed the way a copy loses superscript: `head` (title and formula), `body` with
 * note references typed "(1)", and `notes` typed "(1) …" at the end; lines joined as pasted.
 */
export const typedText = (head: string[], body: string[], notes: string[] = []): string => [...head, ...body, ...notes].join('\n');
