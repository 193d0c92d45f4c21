/**
 * The demo delegations' names in Arabic, French, Russian and Spanish, from the Unicode CLDR
 * region names that the JavaScript runtime carries (`Intl.DisplayNames`): CLDR names, not the
 * UN terminology database (UNTERM), so "Russie" and "Royaume-Uni" rather than the UN's
 * "Fédération de Russie" and "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord". The report of
 * the eleventh session gives only Chinese names (and the fixtures the English short names); a
 * delegation CLDR does not name is left without a name in these languages, never given one made
 * up here.
 */
import type { Lang, LocalizedText } from '../../shared/languages';

/** The languages the demo takes from CLDR (English and Chinese come from the fixtures). */
export const CLDR_LANGUAGES: readonly Lang[] = ['ar', 'fr', 'ru', 'es'];

/**
 * ISO 3166-1 alpha-2 of each demo code (alpha-3, and 'EU', which CLDR names as a region).
 * The State of Palestine (PSE) is not here on purpose: CLDR's "PS" is named "Palestinian
 * Territories" ("Territoires palestiniens" …), which is not the name of the observer State the
 * report lists, so its names in these languages are left unrecorded.
 */
export const ALPHA2: Readonly<Record<string, string>> = {
  DZA: 'DZ',
  AND: 'AD',
  ARM: 'AM',
  AUS: 'AU',
  AZE: 'AZ',
  BRA: 'BR',
  CAN: 'CA',
  CHL: 'CL',
  CHN: 'CN',
  COL: 'CO',
  CRI: 'CR',
  CUB: 'CU',
  DOM: 'DO',
  ECU: 'EC',
  EGY: 'EG',
  SLV: 'SV',
  EU: 'EU',
  FRA: 'FR',
  DEU: 'DE',
  GTM: 'GT',
  HND: 'HN',
  IND: 'IN',
  ISR: 'IL',
  JAM: 'JM',
  JPN: 'JP',
  JOR: 'JO',
  KWT: 'KW',
  LBN: 'LB',
  MEX: 'MX',
  NZL: 'NZ',
  NGA: 'NG',
  NOR: 'NO',
  PAK: 'PK',
  PAN: 'PA',
  PRY: 'PY',
  PER: 'PE',
  QAT: 'QA',
  RUS: 'RU',
  SAU: 'SA',
  SDN: 'SD',
  CHE: 'CH',
  SYR: 'SY',
  THA: 'TH',
  GBR: 'GB',
  USA: 'US',
  YEM: 'YE',
};

/** The CLDR names of a demo delegation in Arabic, French, Russian and Spanish; empty when CLDR has none for it. */
export function cldrNames(code: string): LocalizedText {
  const region = ALPHA2[code];
  if (region === undefined) return {};
  const names: LocalizedText = {};
  for (const lang of CLDR_LANGUAGES) {
    const name = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }).of(region);
    // Without CLDR data for the language, the runtime answers nothing (or the code itself).
    if (name !== undefined && name !== region) names[lang] = name;
  }
  return names;
}
