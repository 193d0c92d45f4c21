/**
 * A paragraph's number said in words, for those who hear the text rather than see it: where a
 * sighted reader sees "3." a screen reader says "operative paragraph 3", and "(c)" under it is
 * "subparagraph (c) of operative paragraph 3". Each of the six languages says it as that
 * language's UN documents refer to paragraphs: "执行部分第3段" / "paragraphe 3 du dispositif" /
 * "párrafo 3 de la parte dispositiva" / "пункт 3 постановляющей части" / "الفقرة 3 من المنطوق";
 * subparagraphs with the letters that language prints (`printedLabel`, shared/numberingLabels.ts).
 * Built on the numbers of `numbering.ts`, never stored in the text. Pure.
 */
import { type Lang, langOf } from './languages';
import type { Numbering, ParagraphNumber } from './numbering';
import { annexLabel, printedLabel } from './numberingLabels';

/** The language a text's paragraph names are spoken in: the text's own, when it is one of the six, else English. */
export function nameLanguage(textLanguage: string | null | undefined): Lang {
  return langOf(textLanguage) ?? 'en';
}

// The subparagraphs from `p` up to the first paragraph that is not one, and that paragraph.
function chain(p: ParagraphNumber, byId: Numbering['byId']): { subs: ParagraphNumber[]; head: ParagraphNumber | null } {
  const subs: ParagraphNumber[] = [];
  let at: ParagraphNumber | null = p;
  while (at && at.kind === 'subparagraph') {
    subs.unshift(at);
    at = at.parentId ? (byId.get(at.parentId) ?? null) : null;
  }
  return { subs, head: at };
}

/** How one language names a paragraph: its head (operative, preambular, in an annex) and the subparagraphs under it. */
interface Speech {
  head(kind: 'operative' | 'preambular', number: string, annex: string | null): string;
  /** `signs` are the printed labels of the subparagraphs, outermost first; `of` the name of what they are in, or null. */
  subs(signs: string[], of: string | null): string;
  /** The annex label as it stands inside a sentence. */
  annex(label: string): string;
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

const SPEECH: Record<Lang, Speech> = {
  en: {
    head: (kind, n, annex) => {
      const name = annex && kind === 'operative' ? 'paragraph' : kind === 'preambular' ? 'preambular paragraph' : 'operative paragraph';
      const words = n ? `${name} ${n}` : name;
      return annex ? `${words} of ${annex}` : words;
    },
    subs: (signs, of) => `subparagraph ${signs.join(' ')}${of ? ` of ${of}` : ''}`,
    annex: (label) => label,
  },
  zh: {
    head: (kind, n, annex) => (annex ? (n ? `${annex}第${n}段` : annex) : `${kind === 'preambular' ? '序言' : '执行'}部分${n ? `第${n}段` : ''}`),
    subs: (signs, of) => `${of ?? ''}${signs.join('')}分段`,
    annex: (label) => label,
  },
  fr: {
    // « le deuxième alinéa du préambule », « le paragraphe 3 du dispositif », « l'alinéa c) du paragraphe 3 ».
    head: (kind, n, annex) => {
      const name = kind === 'preambular' ? 'alinéa' : 'paragraphe';
      const words = n ? `${name} ${n}` : name;
      if (annex) return `${words} de l'${annex}`;
      return `${words} ${kind === 'preambular' ? 'du préambule' : 'du dispositif'}`;
    },
    subs: (signs, of) => {
      const inner = `alinéa ${signs[0]}${of ? ` ${of.startsWith('annexe') ? "de l'" : 'du '}${of}` : ''}`;
      return signs.length > 1 ? `sous-alinéa ${signs[1]} de l'${inner}` : inner;
    },
    annex: lower,
  },
  es: {
    // "el párrafo 3 de la parte dispositiva", "el párrafo 2 del preámbulo", "el apartado c)", "el inciso ii)".
    head: (kind, n, annex) => {
      const words = n ? `párrafo ${n}` : 'párrafo';
      if (annex) return `${words} del ${annex}`;
      return `${words} ${kind === 'preambular' ? 'del preámbulo' : 'de la parte dispositiva'}`;
    },
    subs: (signs, of) => {
      const inner = `apartado ${signs[0]}${of ? ` del ${of}` : ''}`;
      return signs.length > 1 ? `inciso ${signs[1]} del ${inner}` : inner;
    },
    annex: lower,
  },
  ru: {
    // «пункт 3 постановляющей части», «пункт 2 преамбулы», «подпункт c) пункта 3», «пункт 1 приложения I».
    head: (kind, n, annex) => {
      const words = n ? `пункт ${n}` : 'пункт';
      if (annex) return `${words} ${annex}`;
      return `${words} ${kind === 'preambular' ? 'преамбулы' : 'постановляющей части'}`;
    },
    subs: (signs, of) => {
      const inner = `${signs[0]}${of ? ` ${of.replace(/^пункт(?= |$)/u, 'пункта')}` : ''}`;
      return signs.length > 1 ? `подпункт ${signs[1]} подпункта ${inner}` : `подпункт ${inner}`;
    },
    // The annex in the genitive: "приложения I".
    annex: (label) => label.replace(/^Приложение/u, 'приложения'),
  },
  ar: {
    // "الفقرة 3 من المنطوق", "الفقرة 2 من الديباجة", "الفقرة الفرعية (ج) من الفقرة 3", "الفقرة 1 من المرفق الأول".
    head: (kind, n, annex) => {
      const words = n ? `الفقرة ${n}` : 'الفقرة';
      if (annex) return `${words} من ${annex}`;
      return `${words} ${kind === 'preambular' ? 'من الديباجة' : 'من المنطوق'}`;
    },
    subs: (signs, of) => {
      const inner = `الفقرة الفرعية ${signs[0]}${of ? ` من ${of}` : ''}`;
      return signs.length > 1 ? `الفقرة الفرعية ${signs[1]} من ${inner}` : inner;
    },
    annex: (label) => label,
  },
};

/**
 * What paragraph `p` of `numbering` is called aloud in `lang`: "operative paragraph 3", "preambular
 * paragraph 2", "subparagraph (c) (ii) of operative paragraph 4", "paragraph 1 of Annex II"; in
 * French "paragraphe 3 du dispositif", "alinéa c) du paragraphe 3 du dispositif" … ; "" for an
 * unnumbered paragraph. Annex labels follow `lang`, as on the screen.
 */
export function spokenParagraphName(p: ParagraphNumber, numbering: Pick<Numbering, 'byId' | 'annexes'>, lang: Lang = 'en'): string {
  if (p.kind === 'plain' || (p.ref === '' && p.number === '')) return '';
  const speech = SPEECH[lang];
  const annex = p.annex === null ? null : speech.annex(annexLabel(p.annex, numbering.annexes.length, lang));
  const { subs, head } = chain(p, numbering.byId);
  const headName = head && (head.kind === 'operative' || head.kind === 'preambular') ? speech.head(head.kind, head.number, annex) : annex;
  if (!subs.length) return headName ?? '';
  return speech.subs(
    subs.map((s) => printedLabel(s, lang)),
    headName,
  );
}

/** The spoken name of every numbered paragraph of `numbering`, by paragraph id (the first paragraph wins where an id repeats). */
export function spokenParagraphNames(numbering: Numbering, lang: Lang = 'en'): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of numbering.paragraphs) {
    const name = spokenParagraphName(p, numbering, lang);
    if (name && !names.has(p.id)) names.set(p.id, name);
  }
  return names;
}
