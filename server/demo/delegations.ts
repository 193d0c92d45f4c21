/**
 * The delegations of the demo: every sponsor the report of the eleventh session names, every
 * delegation it records explaining its vote on the three procedural votes of the 2nd meeting
 * (report paras. 16, 18 and 20), and a few delegations that sponsored none of its drafts, so that
 * the demo has delegates who can read a draft but not edit it.
 *
 * The report prints some names in more than one form ("United Kingdom" in one sponsor list,
 * "United Kingdom of Great Britain and Northern Ireland" in another). A delegation is one
 * delegation whatever the form: the short name is its display name and the long forms are
 * aliases that resolve to it.
 *
 * Names in English and Chinese are the fixtures'; in Arabic, French, Russian and Spanish they are
 * CLDR's region names (cldrNames.ts), not the UN terminology database's.
 */
import type { DelegationKind, LocalizedText } from '../../shared/delegations';
import { cldrNames } from './cldrNames';

/** A delegation the demo creates, with the other names the fixtures may give it. */
export interface DemoDelegation {
  /** ISO 3166 alpha-3 for States; 'EU' for the European Union. */
  code: string;
  /** Always in English and Chinese (the fixtures'), in the other four where CLDR names it. */
  name: LocalizedText & { en: string; zh: string };
  kind: DelegationKind;
  /** Other English names of the same delegation in the fixtures. */
  aliases?: readonly string[];
  /** Whether it sponsors none of the session's drafts (here so that the demo has non-sponsors, or because the report records it speaking). */
  nonSponsor?: true;
}

// English and Chinese as the fixtures give them; Arabic, French, Russian and Spanish from CLDR (cldrNames.ts).
const named = (code: string, en: string, zh: string): DemoDelegation['name'] => ({ ...cldrNames(code), en, zh });

const member = (code: string, en: string, zh: string, aliases?: readonly string[]): DemoDelegation =>
  aliases ? { code, name: named(code, en, zh), kind: 'member', aliases } : { code, name: named(code, en, zh), kind: 'member' };

const nonSponsor = (code: string, en: string, zh: string): DemoDelegation => ({ ...member(code, en, zh), nonSponsor: true });

/** The demo's delegations, in English alphabetical order (as sponsor lists are printed). */
export const DEMO_DELEGATIONS: readonly DemoDelegation[] = [
  member('DZA', 'Algeria', '阿尔及利亚'),
  member('AND', 'Andorra', '安道尔'),
  nonSponsor('ARM', 'Armenia', '亚美尼亚'),
  member('AUS', 'Australia', '澳大利亚'),
  nonSponsor('AZE', 'Azerbaijan', '阿塞拜疆'),
  member('BRA', 'Brazil', '巴西'),
  member('CAN', 'Canada', '加拿大'),
  member('CHL', 'Chile', '智利'),
  nonSponsor('CHN', 'China', '中国'),
  member('COL', 'Colombia', '哥伦比亚'),
  member('CRI', 'Costa Rica', '哥斯达黎加'),
  nonSponsor('CUB', 'Cuba', '古巴'),
  member('DOM', 'Dominican Republic', '多米尼加共和国'),
  member('ECU', 'Ecuador', '厄瓜多尔'),
  member('EGY', 'Egypt', '埃及'),
  member('SLV', 'El Salvador', '萨尔瓦多'),
  { code: 'EU', name: named('EU', 'European Union', '欧洲联盟'), kind: 'regional' },
  member('FRA', 'France', '法国'),
  nonSponsor('DEU', 'Germany', '德国'),
  member('GTM', 'Guatemala', '危地马拉'),
  member('HND', 'Honduras', '洪都拉斯'),
  nonSponsor('IND', 'India', '印度'),
  member('ISR', 'Israel', '以色列'),
  member('JAM', 'Jamaica', '牙买加'),
  member('JPN', 'Japan', '日本'),
  member('JOR', 'Jordan', '约旦'),
  member('KWT', 'Kuwait', '科威特'),
  member('LBN', 'Lebanon', '黎巴嫩'),
  member('MEX', 'Mexico', '墨西哥'),
  member('NZL', 'New Zealand', '新西兰'),
  nonSponsor('NGA', 'Nigeria', '尼日利亚'),
  member('NOR', 'Norway', '挪威'),
  member('PAK', 'Pakistan', '巴基斯坦'),
  member('PAN', 'Panama', '巴拿马'),
  member('PRY', 'Paraguay', '巴拉圭'),
  member('PER', 'Peru', '秘鲁'),
  member('QAT', 'Qatar', '卡塔尔'),
  nonSponsor('RUS', 'Russian Federation', '俄罗斯联邦'),
  member('SAU', 'Saudi Arabia', '沙特阿拉伯'),
  // An observer State of the Conference; sorted under S, as the reports print it.
  { code: 'PSE', name: named('PSE', 'State of Palestine', '巴勒斯坦国'), kind: 'observer' },
  member('SDN', 'Sudan', '苏丹'),
  member('CHE', 'Switzerland', '瑞士'),
  nonSponsor('SYR', 'Syrian Arab Republic', '阿拉伯叙利亚共和国'),
  member('THA', 'Thailand', '泰国'),
  member('GBR', 'United Kingdom', '联合王国', ['United Kingdom of Great Britain and Northern Ireland']),
  member('USA', 'United States', '美国', ['United States of America']),
  member('YEM', 'Yemen', '也门'),
];

const byEnglishName = new Map<string, DemoDelegation>();
for (const d of DEMO_DELEGATIONS) {
  for (const name of [d.name.en, ...(d.aliases ?? [])]) byEnglishName.set(name.toLowerCase(), d);
}

/** The demo delegation an English name (short or long form) designates, or undefined. */
export function demoDelegationByName(en: string): DemoDelegation | undefined {
  return byEnglishName.get(en.trim().toLowerCase());
}
