/**
 * Paragraphs named as a meeting names them: "OP 3", "PP 2", "OP 4 (c) (ii)", "Annex I, para. (b)"
 * — the references `numbering.ts` derives for an issued text, numbered in sequence. An oral
 * amendment is read out against such a number, never against an internal id; this module turns
 * the one into the other for a given text, and lists the numbers a text prints (for a form's
 * choices). Reading is tolerant of case, spaces, dots and full-width brackets ("op4(c)", "OP 4 (c).")
 * and of the Chinese forms "执行部分第3段" (OP 3) and "序言部分第2段" (PP 2). Pure.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { sequentialNumbering } from './numbering';
import { fail, ok, type Result } from './result';
import { type ParagraphType, type TextJSON, textFromJSON } from './schema';

/** One paragraph of a text as it can be named at a meeting. */
export interface ParagraphLabel {
  /** The paragraph's stable id. */
  id: string;
  /** Its number as read out: "OP 3", "PP 2", "OP 4 (c) (ii)", "Annex I, para. (b)"; "OP" for a single operative paragraph. */
  ref: string;
  kind: ParagraphType;
  /** The first words of the paragraph, to tell the choices apart. */
  excerpt: string;
}

const EXCERPT_LENGTH = 60;

function excerptOf(text: string): string {
  const flat = text
    .replace(/\uFFFC/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/** The numbered paragraphs of an issued text, in document order (plain paragraphs have no number and are left out). */
export function paragraphLabels(text: PMNode | TextJSON): ParagraphLabel[] {
  const doc = 'nodeSize' in text ? (text as PMNode) : textFromJSON(text);
  const numbering = sequentialNumbering(doc);
  const texts = new Map<string, string>();
  doc.descendants((node) => {
    if (node.isTextblock && typeof node.attrs.id === 'string' && !texts.has(node.attrs.id)) {
      // The paragraph's own words: a footnote's text is not part of them.
      let words = '';
      node.forEach((child) => {
        if (child.isText) words += child.text;
      });
      texts.set(node.attrs.id, words);
    }
    return !node.isTextblock;
  });
  const seen = new Set<string>();
  const out: ParagraphLabel[] = [];
  for (const p of numbering.paragraphs) {
    if (p.ref === '' || seen.has(p.id)) continue;
    seen.add(p.id);
    out.push({ id: p.id, ref: p.ref, kind: p.kind, excerpt: excerptOf(texts.get(p.id) ?? '') });
  }
  return out;
}

// Chinese references: 执行部分第3段 (operative), 序言部分第2段 (preambular), 执行部分第4段(c)分段.
const CHINESE = /^(执行|序言)部分第(.+?)段(.*?)(?:分段)?$/;

/** The key two spellings of one reference share: "op 4(c)" and "OP 4 (c)" both give "OP4(C)". */
export function labelKey(label: string): string {
  let s = label.normalize('NFKC').trim();
  const zh = CHINESE.exec(s.replace(/\s+/g, ''));
  if (zh) s = `${zh[1] === '执行' ? 'OP' : 'PP'} ${zh[2]} ${zh[3]}`;
  return s
    .toUpperCase()
    .replace(/\bOPERATIVE\s+PARAGRAPH\b/g, 'OP')
    .replace(/\bPREAMBULAR\s+PARAGRAPH\b/g, 'PP')
    .replace(/\bPARAGRAPH\b/g, 'PARA')
    .replace(/[\s.]/g, '');
}

/**
 * The id of the paragraph `label` names in `text` (an issued text, numbered in sequence), or a
 * sentence naming the label and the numbers the text has.
 */
export function paragraphIdOf(text: PMNode | TextJSON, label: string): Result<string, string> {
  const labels = paragraphLabels(text);
  const key = labelKey(label);
  const found = key === '' ? undefined : labels.find((l) => labelKey(l.ref) === key);
  if (found) return ok(found.id);
  const known = labels.map((l) => l.ref);
  const shown = JSON.stringify(label.trim());
  if (known.length === 0) return fail(`there is no paragraph ${shown}: the text has no numbered paragraphs`);
  return fail(`there is no paragraph ${shown} in the text: its paragraphs are ${known.join(', ')}`);
}
