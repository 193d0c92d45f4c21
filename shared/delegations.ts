/**
 * Delegations: the members and observers of a body that may sponsor drafts, with the display
 * names the reports print in English and Chinese.
 */

/** The languages Penholder writes formatted lists and report paragraphs in. */
export type Lang = 'en' | 'zh';

/** A text in each language Penholder writes. */
export interface LocalizedText {
  en: string;
  zh: string;
}

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
