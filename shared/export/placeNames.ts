/**
 * Conference places as the documents of each language print them: "Vienna" is 维也纳 in a
 * Chinese document, Vienne in a French one. The table holds the United Nations duty stations,
 * the seats of the regional commissions and a few cities that often host sessions, each only
 * in the languages whose usual spelling is known for certain; a place or language not in it is
 * printed as the record gives it, never transliterated here.
 */

/** The six official languages of the United Nations. */
export type OfficialLanguage = 'en' | 'zh' | 'fr' | 'es' | 'ru' | 'ar';

type Names = Partial<Record<OfficialLanguage, string>> & { en: string };

/** Each place by its English name, with its name in the other official languages. */
export const PLACE_NAMES: readonly Names[] = [
  { en: 'New York', zh: '纽约', fr: 'New York', es: 'Nueva York', ru: 'Нью-Йорк', ar: 'نيويورك' },
  { en: 'Geneva', zh: '日内瓦', fr: 'Genève', es: 'Ginebra', ru: 'Женева', ar: 'جنيف' },
  { en: 'Vienna', zh: '维也纳', fr: 'Vienne', es: 'Viena', ru: 'Вена', ar: 'فيينا' },
  { en: 'Nairobi', zh: '内罗毕', fr: 'Nairobi', es: 'Nairobi', ru: 'Найроби', ar: 'نيروبي' },
  { en: 'Addis Ababa', zh: '亚的斯亚贝巴', fr: 'Addis-Abeba', es: 'Addis Abeba', ru: 'Аддис-Абеба', ar: 'أديس أبابا' },
  { en: 'Bangkok', zh: '曼谷', fr: 'Bangkok', es: 'Bangkok', ru: 'Бангкок', ar: 'بانكوك' },
  { en: 'Beirut', zh: '贝鲁特', fr: 'Beyrouth', es: 'Beirut', ru: 'Бейрут', ar: 'بيروت' },
  { en: 'Santiago', zh: '圣地亚哥', fr: 'Santiago', es: 'Santiago', ru: 'Сантьяго' },
  { en: 'The Hague', zh: '海牙', fr: 'La Haye', es: 'La Haya', ru: 'Гаага', ar: 'لاهاي' },
  { en: 'Rome', zh: '罗马', fr: 'Rome', es: 'Roma', ru: 'Рим', ar: 'روما' },
  { en: 'Paris', zh: '巴黎', fr: 'Paris', es: 'París', ru: 'Париж', ar: 'باريس' },
  { en: 'Bonn', zh: '波恩', fr: 'Bonn', es: 'Bonn', ru: 'Бонн', ar: 'بون' },
  { en: 'Doha', zh: '多哈', fr: 'Doha', es: 'Doha', ru: 'Доха', ar: 'الدوحة' },
];

const normalise = (s: string) => s.trim().toLowerCase();

// Every spelling of the table leads to its place, so a session recorded as "维也纳" is found too.
const BY_NAME = new Map<string, Names>();
for (const names of PLACE_NAMES) for (const name of Object.values(names)) if (!BY_NAME.has(normalise(name))) BY_NAME.set(normalise(name), names);

/** A place's name in a language: the table's name, else the place as given. */
export function placeName(place: string, lang: OfficialLanguage): string {
  return BY_NAME.get(normalise(place))?.[lang] ?? place;
}
