/**
 * What the language versions routes answer (server/http/routes/versions.ts), as the versions page
 * reads it (client/pages/versions.ts, versionsStatus.ts, versionsForms.ts).
 */
import type { Lang } from '../../shared/languages';
import type { TextJSON } from '../../shared/schema';

/** One language's entry for a revision (`GET /api/drafts/:id/versions`). */
export interface VersionEntryJSON {
  lang: Lang;
  original: boolean | null;
  kind: string;
  seq: number;
  recordedAt: string;
  pending: string[];
}

/** A corrigendum or a reissue recorded for some languages of a revision. */
export interface CorrigendumJSON {
  kind: 'corrigendum' | 'reissue';
  langs: Lang[];
  symbol: string | null;
  note: Partial<Record<Lang, string>> | null;
  recordedAt: string;
  revision: number;
}

/** The answer of `GET /api/drafts/:id/versions`. */
export interface VersionsListJSON {
  reference: Lang | null;
  original: Lang | null;
  /** `textInRecord` false: the record does not hold this issued text in any language (the demo's earlier texts). */
  revisions: { revision: number; symbol: string; issuedAt: string; textInRecord?: boolean; versions: VersionEntryJSON[] }[];
  corrigenda: CorrigendumJSON[];
}

/** The answer of `GET /api/drafts/:id/revisions/:revision/versions/:lang`. */
export interface VersionJSON {
  revision: number;
  symbol: string;
  lang: Lang;
  original: boolean | null;
  reference: boolean;
  text: TextJSON;
  pending: string[];
  history: { seq: number; kind: string; note: Partial<Record<Lang, string>> | null; recordedAt: string; recordedBy: unknown }[];
}

/** The page's choices, as its address keeps them. */
export interface Choice {
  revision: number;
  a: Lang;
  b: Lang;
}
