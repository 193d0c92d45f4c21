/**
 * The illustrative draft in more than one language (issue #19): translations written for the demo
 * (`fixtures/illustrative/draft.json`, `versions`), never presented as official ones, each row
 * saying so in its note. English is the draft's reference and original language (the English
 * text is the demo's own, illustrative.ts).
 *
 * - French: the original's version as issued; Rev.1's carried forward from it
 *   (shared/languageVersions.ts `carryForward`: the paragraphs whose English did not change are
 *   kept, the others pending), then each pending paragraph typed, one row each, so that its
 *   history reads as a translator's would.
 * - Spanish: the original's version only, so that a demo user can carry it forward to Rev.1 from
 *   the language versions page and see which paragraphs need updating.
 *
 * Each text is built by the same pure functions the routes use and checked to align with its
 * reference before anything is written: a fixture that does not fit its English fails loudly.
 */
import { z } from 'zod';
import type { Lang, LocalizedText } from '../../shared/languages';
import { alignVersion, carryForward, TITLE_ID, typeParagraph, type VersionKind } from '../../shared/languageVersions';
import type { TextJSON } from '../../shared/schema';
import type { PlannedRevision } from './plan';

const words = z.record(z.string().min(1), z.string().min(1));

/** The `versions` part of the illustrative fixture. */
export const versionsFacts = z.object({
  about: z.string().min(1),
  fr: z.object({ original: words, rev1Typed: words }),
  es: z.object({ original: words }),
});

/** The illustrative translations as the fixture gives them. */
export type VersionsFacts = z.infer<typeof versionsFacts>;

/** One row of a language version's history, as the seed writes it. */
export interface PlannedVersion {
  revision: number;
  lang: Lang;
  kind: VersionKind;
  text: TextJSON;
  /** Ids of the paragraphs still holding the reference's words. */
  pending: string[];
  note: LocalizedText;
  at: string;
}

/** The note on every row: a translation made for the demo, not an official one. */
export const ILLUSTRATIVE_TRANSLATION_NOTE: LocalizedText = {
  en: 'Illustrative: a translation written for the demo, not an official translation.',
  zh: '示例：为演示而撰写的译文，并非正式译文。',
  fr: 'Illustratif : traduction rédigée pour la démonstration, et non traduction officielle.',
  es: 'Ilustrativo: traducción redactada para la demostración, no una traducción oficial.',
  ar: 'توضيحي: ترجمة كُتبت لأغراض العرض التوضيحي، وليست ترجمة رسمية.',
  ru: 'Иллюстративный пример: перевод, подготовленный для демонстрации, а не официальный перевод.',
};

// The reference text with each listed block's words replaced (the title too), checked to align with it.
function translate(reference: TextJSON, title: string, byId: Readonly<Record<string, string>>, what: string): TextJSON {
  let text = reference;
  for (const [id, typed] of [[TITLE_ID, title] as const, ...Object.entries(byId)]) {
    const next = typeParagraph(text, id, typed);
    if (!next.ok) throw new Error(`illustrative ${what}, ${id}: ${next.error}`);
    text = next.value;
  }
  const aligned = alignVersion(reference, text);
  if (!aligned.ok) throw new Error(`illustrative ${what} does not align with its English: ${aligned.mismatches.map((m) => `${m.at}: ${m.detail}`).join('; ')}`);
  return aligned.text;
}

// Every paragraph of the reference, and only those, given words.
function checkCovers(reference: TextJSON, byId: Readonly<Record<string, string>>, what: string): void {
  const ids = ((reference as { content?: { type: string; attrs?: { id?: string } }[] }).content ?? []).filter((n) => n.type !== 'title').map((n) => String(n.attrs?.id));
  const given = Object.keys(byId);
  const missing = ids.filter((id) => !given.includes(id));
  const extra = given.filter((id) => !ids.includes(id));
  if (missing.length > 0 || extra.length > 0) throw new Error(`illustrative ${what}: no words for ${missing.join(', ') || '—'}; words for no paragraph ${extra.join(', ') || '—'}`);
}

const later = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * 60 * 60 * 1000).toISOString();

/** Plan the illustrative draft's language versions from its fixture and its two issued texts; throws when they disagree. */
export function planIllustrativeVersions(f: VersionsFacts, title: LocalizedText, revisions: readonly PlannedRevision[]): PlannedVersion[] {
  const [original, rev1] = revisions;
  if (!original || !rev1 || revisions.length !== 2) throw new Error('illustrative versions: the draft has an original and a Rev.1');
  const titleIn = (lang: Lang) => {
    const t = title[lang];
    if (!t) throw new Error(`illustrative versions: no ${lang} title`);
    return t;
  };
  const note = ILLUSTRATIVE_TRANSLATION_NOTE;
  checkCovers(original.text, f.fr.original, 'French original');
  checkCovers(original.text, f.es.original, 'Spanish original');
  const frOriginal = translate(original.text, titleIn('fr'), f.fr.original, 'French original');
  const esOriginal = translate(original.text, titleIn('es'), f.es.original, 'Spanish original');
  const rows: PlannedVersion[] = [
    { revision: 0, lang: 'fr', kind: 'issued', text: frOriginal, pending: [], note, at: later(original.issuedAt, 2) },
    { revision: 0, lang: 'es', kind: 'issued', text: esOriginal, pending: [], note, at: later(original.issuedAt, 3) },
  ];
  const carried = carryForward(frOriginal, original.text, rev1.text);
  const typedIds = Object.keys(f.fr.rev1Typed);
  if ([...carried.pending].sort().join() !== [...typedIds].sort().join()) {
    throw new Error(`illustrative French Rev.1: the paragraphs to update are ${carried.pending.join(', ')}, the fixture types ${typedIds.join(', ')}`);
  }
  rows.push({ revision: 1, lang: 'fr', kind: 'carried_forward', text: carried.text, pending: carried.pending, note, at: later(rev1.issuedAt, 1) });
  let text = carried.text;
  let pending = carried.pending;
  carried.pending.forEach((id, i) => {
    const typed = typeParagraph(text, id, f.fr.rev1Typed[id]!);
    if (!typed.ok) throw new Error(`illustrative French Rev.1, ${id}: ${typed.error}`);
    text = typed.value;
    pending = pending.filter((p) => p !== id);
    rows.push({ revision: 1, lang: 'fr', kind: 'typed', text, pending, note, at: later(rev1.issuedAt, 2 + i) });
  });
  const aligned = alignVersion(rev1.text, text);
  if (!aligned.ok) throw new Error('illustrative French Rev.1 does not align with its English');
  return rows;
}
