/**
 * Delegations: the members and observers of a body that may sponsor drafts, with the display
 * names the reports print, in whichever of the six languages are recorded.
 */
import { type Lang, type LocalizedText, textPreferring } from './languages';

/** The six languages and texts given in some of them live in shared/languages.ts; re-exported for the modules that import them from here. */
export type { Lang, LocalizedText };

/** What a delegation is: a member State, an observer State (State of Palestine), the European
 * Union or another regional organisation, a group of States, an intergovernmental organisation. */
export const DELEGATION_KINDS = ['member', 'observer', 'regional', 'group', 'igo'] as const;
/** One of the delegation kinds. */
export type DelegationKind = (typeof DELEGATION_KINDS)[number];

/** A delegation as the domain sees it. */
export interface Delegation {
  id: string;
  /** A short, stable code (ISO 3166 alpha-3 for States, e.g. "CHL"; "EU" for the Union). */
  code: string;
  name: LocalizedText;
  kind: DelegationKind;
}

/**
 * A delegation's name for a sentence in `lang` (English by default, as error messages and logs
 * are): the name in that language, else in English, else in the first language it is given in,
 * else its code. For report paragraphs, which must say when a name is missing, see shared/reportNames.ts.
 */
export function delegationNameIn(d: Pick<Delegation, 'name' | 'code'>, lang: Lang = 'en'): string {
  return textPreferring(d.name, lang)?.text ?? d.code;
}
