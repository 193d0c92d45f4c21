/**
 * A paragraph's number said in words, for those who hear the text rather than see it: where a
 * sighted reader sees "3." a screen reader says "operative paragraph 3", and "(c)" under it is
 * "subparagraph (c) of operative paragraph 3"; a Chinese text says "执行部分第3段", "序言部分第2段",
 * "执行部分第3段(c)分段" (the forms `paragraphLabels.ts` reads back). Built on the numbers of
 * `numbering.ts`, never stored in the text. Pure.
 */
import type { Numbering, ParagraphNumber } from './numbering';
import { annexLabel, type AnnexLanguage } from './numberingLabels';

/** The language a text's paragraph names are spoken in: Chinese for a Chinese text, else English. */
export function nameLanguage(textLanguage: string | null | undefined): AnnexLanguage {
  return textLanguage?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

// The subparagraph numbers from `p` up to the first paragraph that is not one, and that paragraph.
function chain(p: ParagraphNumber, byId: Numbering['byId']): { subs: string[]; head: ParagraphNumber | null } {
  const subs: string[] = [];
  let at: ParagraphNumber | null = p;
  while (at && at.kind === 'subparagraph') {
    subs.unshift(at.number);
    at = at.parentId ? (byId.get(at.parentId) ?? null) : null;
  }
  return { subs, head: at };
}

function headName(head: ParagraphNumber, annex: string | null, lang: AnnexLanguage): string {
  const preambular = head.kind === 'preambular';
  if (lang === 'zh') {
    if (annex) return head.number ? `${annex}第${head.number}段` : annex;
    return `${preambular ? '序言' : '执行'}部分${head.number ? `第${head.number}段` : ''}`;
  }
  const name = annex && !preambular ? 'paragraph' : preambular ? 'preambular paragraph' : 'operative paragraph';
  const words = head.number ? `${name} ${head.number}` : name;
  return annex ? `${words} of ${annex}` : words;
}

/**
 * What paragraph `p` of `numbering` is called aloud: "operative paragraph 3", "preambular
 * paragraph 2", "subparagraph (c) (ii) of operative paragraph 4", "paragraph 1 of Annex II";
 * "" for an unnumbered paragraph. Annex labels follow `lang`, as on the screen.
 */
export function spokenParagraphName(p: ParagraphNumber, numbering: Pick<Numbering, 'byId' | 'annexes'>, lang: AnnexLanguage = 'en'): string {
  if (p.kind === 'plain' || (p.ref === '' && p.number === '')) return '';
  const annex = p.annex === null ? null : annexLabel(p.annex, numbering.annexes.length, lang);
  const { subs, head } = chain(p, numbering.byId);
  const numbers = subs.join(lang === 'zh' ? '' : ' ');
  if (lang === 'zh') {
    const above = head ? headName(head, annex, lang) : (annex ?? '');
    return subs.length ? `${above}${numbers}分段` : above;
  }
  if (!subs.length) return head ? headName(head, annex, lang) : '';
  const of = head ? ` of ${headName(head, annex, lang)}` : annex ? ` of ${annex}` : '';
  return `subparagraph ${numbers}${of}`;
}

/** The spoken name of every numbered paragraph of `numbering`, by paragraph id (the first paragraph wins where an id repeats). */
export function spokenParagraphNames(numbering: Numbering, lang: AnnexLanguage = 'en'): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of numbering.paragraphs) {
    const name = spokenParagraphName(p, numbering, lang);
    if (name && !names.has(p.id)) names.set(p.id, name);
  }
  return names;
}
