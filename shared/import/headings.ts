/**
 * The lines around a text's paragraphs, in the six languages: the number line ("Resolution 11/5",
 * "Décision 11/1", "القرار 11/5", "第 11/5 号决议"), the line "Resolution adopted by the General
 * Assembly on …" with "35/219. Title" under it, and annex headings ("Annexe II", "المرفق الثاني",
 * "附件二"). The words come from the table of conventions.ts.
 */
import { LANGUAGES } from '../languages';
import { ARABIC_ORDINALS, chineseNumber, romanNumber } from '../numberingLabels';
import { CONVENTIONS, westernDigits } from './conventions';

const HEADING_ZH = /^第\s*(\d+\s*\/\s*\d+)\s*号\s*(决议|决定)$/u;
// The other five print the word before the number: "Resolution 11/5", "Décision 11/1", "القرار 11/5".
const HEADING_WORDS = LANGUAGES.filter((l) => l !== 'zh').flatMap((l) => [CONVENTIONS[l].resolution, CONVENTIONS[l].decision]);
const HEADING = new RegExp(`^(${HEADING_WORDS.join('|')})\\s+(?:رقم\\s+)?(\\d+\\s*\\/\\s*\\d+)\\.?$`, 'iu');
const DECISION_WORDS = new Set(LANGUAGES.map((l) => CONVENTIONS[l].decision.toLowerCase()));

/** The number line of a resolution or decision in any of the six languages ("Résolution 11/5", "المقرر 11/1"), or null. */
export function readHeading(text: string): { docKind: 'resolution' | 'decision'; number: string } | null {
  const probe = westernDigits(text);
  let m = HEADING_ZH.exec(probe);
  if (m) return { docKind: m[2] === '决定' ? 'decision' : 'resolution', number: m[1]!.replace(/\s/gu, '') };
  m = HEADING.exec(probe);
  if (m) return { docKind: DECISION_WORDS.has(m[1]!.toLowerCase()) ? 'decision' : 'resolution', number: m[2]!.replace(/\s/gu, '') };
  return null;
}

// The line over a resolution as the General Assembly and councils publish it, in the six languages:
// "Resolution adopted by the General Assembly on 17 December 1980", "Résolution adoptée par …",
// "Resolución aprobada por …", "Резолюция, принятая …", "قرار اتخذته الجمعية العامة في …", "…通过的决议".
const ADOPTED = [
  /^(resolution|decision) adopted by\s\S/iu,
  /^(résolution|décision) adoptée par\s\S/iu,
  /^(resolución|decisión) aprobada por\s\S/iu,
  /^(резолюция|решение),? (?:принятая|принятое)\s\S/iu,
  /^(قرار|مقرر) (?:اتخذته|اتخذها|اعتمدته|اعتمده)\s\S/u,
  /通过的(决议|决定)$/u,
];
const DECISION_HEADS = new Set(['decision', 'décision', 'decisión', 'решение', 'مقرر', '决定']);
// Under that line, the title with the resolution's number: "35/219. Use of Arabic …", "35/219 A. …", Arabic "35/219 - …".
// A Chinese text sets a full-width full stop, with no space after it: "80/215．沿海湿地".
const NUMBERED_TITLE = /^(\d{1,3}\s*\/\s*\d{1,4}(?:\s?[A-Z])?)\s*(?:[.\-–]\s+|．\s*)(\S.*)$/u;

/** The line "Resolution adopted by the General Assembly on …" in any of the six languages: the kind of text it heads, or null. */
export function readAdoptedBy(text: string): { docKind: 'resolution' | 'decision' } | null {
  for (const re of ADOPTED) {
    const m = re.exec(text);
    if (m) return { docKind: DECISION_HEADS.has(m[1]!.toLowerCase()) ? 'decision' : 'resolution' };
  }
  return null;
}

/** A title printed after its number ("35/219. Use of Arabic …"): the number ("35/219") and the title, or null. */
export function readNumberedTitle(text: string): { number: string; title: string } | null {
  const probe = westernDigits(text);
  const m = NUMBERED_TITLE.exec(probe);
  if (!m) return null;
  return { number: m[1]!.replace(/\s*\/\s*/gu, '/'), title: text.slice(probe.length - m[2]!.length).trim() };
}

const CHINESE_NUMERALS = '一二三四五六七八九十';
// After a numbered annex's marker, a reissue's asterisk ("Annex III*") and the annex's heading on
// the same line, after a colon or a spaced dash ("Annex I: Terms of reference", "ANNEX II — Rules",
// "附件一：职权范围"). Only after a number: "Annex-based …" or "Annex: …" may be running text.
const ANNEX_ZH = /^附件\s*(?:([一二三四五六七八九十]+)\s*\*?(?:\s*[:：]\s*(\S.*))?)?$/u;
// Annex headings numbered in roman numerals: English, French, Spanish, Russian.
const ANNEX_LATIN = new RegExp(
  `^(?:${(['en', 'fr', 'es', 'ru'] as const).map((l) => CONVENTIONS[l].annex).join('|')})(?:\\s+([IVXL]+|\\d+)\\s*\\*?(?:(?:\\s*:|\\s+[-–—])\\s*(\\S.*))?)?$`,
  'iu',
);
const ANNEX_AR = /^المرفق(?:\s+([^:*]+?)\s*\*?(?:\s*:\s*(\S.*))?)?$/u;

function romanOrdinal(printed: string): number | null {
  for (let n = 1; n <= 50; n++) if (romanNumber(n) === printed.toLowerCase()) return n;
  return null;
}

/**
 * An annex heading line in any of the six languages ("Annexe II", "附件二", "المرفق الثاني"): its
 * ordinal (null when unnumbered) and the heading printed on the same line ("Annex I: Terms of
 * reference"), if any; undefined when the line is not one.
 */
export function readAnnexMarker(text: string): { ordinal: number | null; heading?: string } | undefined {
  const probe = westernDigits(text);
  // The heading in the line's own characters (its digits as printed), the same length from the end.
  const marker = (ordinal: number | null, heading: string | undefined) =>
    heading === undefined ? { ordinal } : { ordinal, heading: text.slice(probe.length - heading.length).trim() };
  let m = ANNEX_ZH.exec(probe);
  if (m) {
    if (m[1] === undefined) return { ordinal: null };
    for (let n = 1; n <= 99; n++) if (chineseNumber(n) === m[1]) return marker(n, m[2]);
    return CHINESE_NUMERALS.includes(m[1]) ? marker(CHINESE_NUMERALS.indexOf(m[1]) + 1, m[2]) : undefined;
  }
  m = ANNEX_LATIN.exec(probe);
  if (m) return marker(m[1] === undefined ? null : /^\d+$/u.test(m[1]) ? Number(m[1]) : romanOrdinal(m[1]), m[2]);
  m = ANNEX_AR.exec(probe);
  if (m) {
    if (m[1] === undefined) return { ordinal: null };
    const word = m[1].trim();
    const at = ARABIC_ORDINALS.indexOf(word as (typeof ARABIC_ORDINALS)[number]);
    if (at >= 0) return marker(at + 1, m[2]);
    if (/^\d+$/u.test(word)) return marker(Number(word), m[2]);
  }
  return undefined;
}
