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
import { textPreferring } from './languages';
import { inLang, ruInstrumental, withFormulae } from './reportLanguage';

const primary = new Intl.Collator('en', { sensitivity: 'base' });
// Only to make the order total (two spellings of one name); never decides between countries.
const variant = new Intl.Collator('en', { sensitivity: 'variant' });

/** Compare two names in English alphabetical order, the order of sponsor lists in every language. */
export function compareByEnglishName(a: LocalizedText, b: LocalizedText): number {
  // A name not recorded in English sorts by the form it is recorded in (shown in brackets where English is asked).
  const [x, y] = [textPreferring(a, 'en')?.text ?? '', textPreferring(b, 'en')?.text ?? ''];
  const [p, q] = [a.zh ?? '', b.zh ?? ''];
  return primary.compare(x, y) || variant.compare(x, y) || (p < q ? -1 : p > q ? 1 : 0);
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

// Spanish "y" becomes "e" before a word sounding /i/ ("Francia e Italia", "Chile e Indonesia"), not before "hie", "hia".
const esAnd = (next: string) => (/^(h?i|h?í)(?![aeoué])/i.test(next.replace(/^\[/, '')) ? ' e ' : ' y ');

/**
 * Join items as the reports do, keeping their order: en "A", "A and B", "A, B and C" (no
 * serial comma, UN style); zh "A", "A和B", "A、B和C"; fr "A, B et C"; es "A, B y C" ("e" before
 * an /i/ sound: "Francia e Italia"); ru "A, B и C"; ar "A وB", "A، وB، وC" (each after the first
 * joined by و, as the UN's Arabic lists print them). An empty list gives "".
 */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1]!;
  const head = items.slice(0, -1);
  switch (lang) {
    case 'zh':
      return `${head.join('、')}和${last}`;
    case 'ar':
      return items.length === 2
        ? `${head[0]} و${last}`
        : `${head[0]}، ${items
            .slice(1)
            .map((i) => `و${i}`)
            .join('، ')}`;
    case 'fr':
      return `${head.join(', ')} et ${last}`;
    case 'es':
      return `${head.join(', ')}${esAnd(last)}${last}`;
    case 'ru':
      return `${head.join(', ')} и ${last}`;
    default:
      return `${head.join(', ')} and ${last}`;
  }
}

/**
 * One entry as printed: en "European Union (also on behalf of its member States)", zh
 * "欧洲联盟（也代表其成员国）" with full-width parentheses.
 */
export function formatSponsorName(entry: SponsorEntry, lang: Lang): string {
  const name = inLang(entry.name, lang);
  const recorded = withFormulae(entry.onBehalfOf);
  if (!recorded || Object.values(recorded).every((v) => !v?.trim())) return name;
  const behalf = inLang(recorded, lang);
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

const NBSP = '\u00a0';
// A Russian name whose form is plural ("Соединенные Штаты", "Нидерланды"): the verb agrees in the plural.
const ruPlural = (name: string) => /^\S+(ые|ие)\s/.test(name) || /^(Нидерланды|Филиппины)$/.test(name);

/**
 * The sponsors clause of a report paragraph, after the symbol; empty when there are no sponsors
 * (the paragraph then leaves the clause out). en "sponsored by United Kingdom and United
 * States"; zh "提案国有：联合王国和美国", "提案国是美国" for one (as the report prints L.5);
 * fr "présenté par les délégations suivantes : …"; es "patrocinado por las siguientes
 * delegaciones: …" (French and Spanish name States with an article in running text, "le
 * Royaume-Uni", "el Sudán"; a list after a colon takes none, as the UN prints "au nom des pays
 * suivants :"); ru "авторами которого выступили …" (names in the nominative); ar "قدمه كل من …", "قدمه وفد …"
 * for one (the Arabic paragraph puts "الذي" before it after a definite noun).
 */
export function formatSponsoredBy(entries: readonly SponsorEntry[], lang: Lang): string {
  if (entries.length === 0) return '';
  const list = formatSponsorList(entries, lang);
  const one = entries.length === 1;
  switch (lang) {
    case 'en':
      return `sponsored by ${list}`;
    case 'zh':
      return one ? `提案国是${list}` : `提案国有：${list}`;
    case 'fr':
      return one ? `présenté par la délégation suivante${NBSP}: ${list}` : `présenté par les délégations suivantes${NBSP}: ${list}`;
    case 'es':
      return one ? `patrocinado por la siguiente delegación: ${list}` : `patrocinado por las siguientes delegaciones: ${list}`;
    case 'ru':
      return one ? `автором которого ${ruPlural(list) ? 'являются' : 'является'} ${list}` : `авторами которого выступили ${list}`;
    case 'ar':
      // The verb before its subject agrees with it, and a name does not say its gender: "كل من"
      // (each of) and "وفد" (the delegation of) take the masculine whatever the names.
      return one ? `قدمه وفد ${list}` : `قدمه كل من ${list}`;
  }
}

/**
 * The sentence that names sponsors who joined after the text was issued, which the reports
 * print apart from the sponsors at issue: en "Subsequently, Canada and Ecuador joined the
 * sponsors."; zh "随后，加拿大和厄瓜多尔加入提案国行列。"; fr "Par la suite, les délégations
 * suivantes se sont portées coauteurs : …"; es "Posteriormente, las siguientes delegaciones se
 * sumaron a los patrocinadores: …"; ru "Впоследствии к числу авторов присоединились следующие
 * делегации: …"; ar "وفي وقت لاحق، انضمت وفود … إلى مقدمي المشروع." Empty when nobody joined.
 */
export function formatJoinedAfter(entries: readonly SponsorEntry[], lang: Lang): string {
  if (entries.length === 0) return '';
  const list = formatSponsorList(entries, lang);
  const one = entries.length === 1;
  switch (lang) {
    case 'en':
      return `Subsequently, ${list} joined the sponsors.`;
    case 'zh':
      return `随后，${list}加入提案国行列。`;
    case 'fr':
      return one
        ? `Par la suite, la délégation suivante s'est portée coauteur${NBSP}: ${list}.`
        : `Par la suite, les délégations suivantes se sont portées coauteurs${NBSP}: ${list}.`;
    case 'es':
      return one
        ? `Posteriormente, la siguiente delegación se sumó a los patrocinadores: ${list}.`
        : `Posteriormente, las siguientes delegaciones se sumaron a los patrocinadores: ${list}.`;
    case 'ru':
      return one ? `Впоследствии к числу авторов присоединилась следующая делегация: ${list}.` : `Впоследствии к числу авторов присоединились следующие делегации: ${list}.`;
    case 'ar':
      return one ? `وفي وقت لاحق، انضم وفد ${list} إلى مقدمي المشروع.` : `وفي وقت لاحق، انضمت وفود ${list} إلى مقدمي المشروع.`;
  }
}

/**
 * Where the submitted-by phrase stands relative to the noun it qualifies ("draft resolution",
 * 决议草案): before it in Chinese, after it in the five others.
 */
export const SUBMITTED_BY_PLACEMENT: Readonly<Record<Lang, 'after-noun' | 'before-noun'>> = {
  ar: 'after-noun',
  zh: 'before-noun',
  en: 'after-noun',
  fr: 'after-noun',
  ru: 'after-noun',
  es: 'after-noun',
};

// The article of an officer's title in French and Spanish, from its first word: "le Président",
// "la Présidente", "les Présidents", "l'Envoyé"; "el Presidente", "la Presidenta", "los Presidentes".
function withArticle(title: string, lang: 'fr' | 'es'): string {
  const first = title.split(/\s+/)[0] ?? '';
  if (lang === 'fr') {
    if (/s$/.test(first)) return `les ${title}`;
    if (/^[AEIOUÉÈÊH]/i.test(first)) return `l'${title}`;
    return `${/(ente|euse|rice|esse)$/.test(first) ? 'la' : 'le'} ${title}`;
  }
  if (/s$/.test(first)) return `${/as$/.test(first) ? 'las' : 'los'} ${title}`;
  return `${/a$/.test(first) ? 'la' : 'el'} ${title}`;
}

/**
 * The phrase for a draft an officer submits in their own name, from the officer's title
 * stored without article ("Chair of the Working Group on International Cooperation"):
 * en "submitted by the Chair of the Working Group on International Cooperation", which follows
 * the noun ("the draft resolution submitted by the Chair … (CTOC/COP/2022/L.4)");
 * zh "国际合作工作组主席提交的", which precedes it ("通过了国际合作工作组主席提交的决议草案（CTOC/COP/2022/L.4）");
 * fr "soumis par le Président …"; es "presentado por el Presidente …"; ru "представленный
 * Председателем …"; ar "المقدم من رئيس …". A title not recorded in the language is printed in
 * brackets, without article or case ending.
 */
export function formatSubmittedBy(officer: LocalizedText, lang: Lang): string {
  const own = officer[lang]?.trim();
  const title = own || inLang(officer, lang);
  switch (lang) {
    case 'zh':
      return `${title}提交的`;
    case 'en':
      return own ? `submitted by the ${title}` : `submitted by ${title}`;
    case 'fr':
      return `soumis par ${own ? withArticle(title, 'fr') : title}`;
    case 'es':
      return `presentado por ${own ? withArticle(title, 'es') : title}`;
    case 'ru':
      return `представленный ${own ? ruInstrumental(title) : title}`;
    case 'ar':
      return `المقدم من ${title}`;
  }
}
