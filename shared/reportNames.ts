/**
 * Names as the reports print them: sponsor lists in English alphabetical order in every
 * language, joined the UN way, and the phrases a report paragraph builds its sentence from.
 *
 * The order is that of the English short name, whatever the language of the report: a
 * Chinese list puts 巴勒斯坦国 (State of Palestine) under S, between 沙特阿拉伯 (Saudi Arabia)
 * and 苏丹 (Sudan). Comparison ignores case and accents ("Côte d'Ivoire" sorts as "Cote
 * d'Ivoire", between Costa Rica and Croatia; "Türkiye" before Turkmenistan).
 *
 * Names are stored without a leading article ("United Kingdom", "Sudan"), as the lists print
 * them; a name that began with "the" would sort under T.
 */
import type { Lang, LocalizedText } from './delegations';

const primary = new Intl.Collator('en', { sensitivity: 'base' });
// Only to make the order total (two spellings of one name); never decides between countries.
const variant = new Intl.Collator('en', { sensitivity: 'variant' });

/** Compare two names in English alphabetical order, the order of sponsor lists in every language. */
export function compareByEnglishName(a: LocalizedText, b: LocalizedText): number {
  return primary.compare(a.en, b.en) || variant.compare(a.en, b.en) || (a.zh < b.zh ? -1 : a.zh > b.zh ? 1 : 0);
}

/** A sorted copy of named items (sponsor entries, delegations) in English alphabetical order. */
export function sortByEnglishName<T extends { name: LocalizedText }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareByEnglishName(a.name, b.name));
}

/** One name in a list: a delegation's name and, when it acts for others, on whose behalf. */
export interface SponsorEntry {
  name: LocalizedText;
  /** "also on behalf of its member States" / "也代表其成员国", or nothing. */
  onBehalfOf?: LocalizedText | null;
}

/**
 * Join items as the reports do, keeping their order: en "A", "A and B", "A, B and C" (no
 * serial comma, UN style); zh "A", "A和B", "A、B和C". An empty list gives "".
 */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  const [sep, and] = lang === 'zh' ? ['、', '和'] : [', ', ' and '];
  return items.slice(0, -1).join(sep) + and + items[items.length - 1];
}

/**
 * One entry as printed: en "European Union (also on behalf of its member States)", zh
 * "欧洲联盟（也代表其成员国）" with full-width parentheses.
 */
export function formatSponsorName(entry: SponsorEntry, lang: Lang): string {
  const name = entry.name[lang];
  const behalf = entry.onBehalfOf?.[lang];
  if (!behalf) return name;
  return lang === 'zh' ? `${name}（${behalf}）` : `${name} (${behalf})`;
}

/**
 * A sponsor list as the reports print it: sorted in English alphabetical order (whatever
 * order the entries come in), then joined — "United Kingdom and United States", "联合王国和美国".
 */
export function formatSponsorList(entries: readonly SponsorEntry[], lang: Lang): string {
  return joinList(
    sortByEnglishName(entries).map((e) => formatSponsorName(e, lang)),
    lang,
  );
}

/**
 * The sponsors clause of a report paragraph: en "sponsored by United Kingdom and United
 * States"; zh "提案国有：联合王国和美国", or "提案国是美国" for a single sponsor (as the
 * report prints L.5). The paragraph puts it after the symbol: "…（CTOC/COP/2022/L.4），提案国有：…。"
 * Empty when there are no sponsors: the paragraph then leaves the clause out.
 */
export function formatSponsoredBy(entries: readonly SponsorEntry[], lang: Lang): string {
  if (entries.length === 0) return '';
  const list = formatSponsorList(entries, lang);
  if (lang === 'en') return `sponsored by ${list}`;
  return entries.length === 1 ? `提案国是${list}` : `提案国有：${list}`;
}

/**
 * The sentence that names sponsors who joined after the text was issued, which the reports
 * print apart from the sponsors at issue: en "Subsequently, Canada and Ecuador joined the
 * sponsors."; zh "随后，加拿大和厄瓜多尔加入提案国行列。" Empty when nobody joined.
 */
export function formatJoinedAfter(entries: readonly SponsorEntry[], lang: Lang): string {
  if (entries.length === 0) return '';
  const list = formatSponsorList(entries, lang);
  return lang === 'zh' ? `随后，${list}加入提案国行列。` : `Subsequently, ${list} joined the sponsors.`;
}

/**
 * Where the submitted-by phrase stands relative to the noun it qualifies ("draft resolution",
 * 决议草案): after it in English, before it in Chinese.
 */
export const SUBMITTED_BY_PLACEMENT: Readonly<Record<Lang, 'after-noun' | 'before-noun'>> = {
  en: 'after-noun',
  zh: 'before-noun',
};

/**
 * The phrase for a draft an officer submits in their own name, from the officer's title
 * stored without article ("Chair of the Working Group on International Cooperation"):
 * en "submitted by the Chair of the Working Group on International Cooperation", which follows
 * the noun ("the draft resolution submitted by the Chair … (CTOC/COP/2022/L.4)");
 * zh "国际合作工作组主席提交的", which precedes it ("通过了国际合作工作组主席提交的决议草案（CTOC/COP/2022/L.4）").
 */
export function formatSubmittedBy(officer: LocalizedText, lang: Lang): string {
  return lang === 'zh' ? `${officer.zh}提交的` : `submitted by the ${officer.en}`;
}
