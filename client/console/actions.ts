/**
 * The secretariat's acts as the console calls them: one function per route, JSON in and out.
 * The server decides and records; a refusal comes back as an ApiError with its reason.
 */
import type { Lang, LocalizedText } from '../../shared/languages';
import { api } from '../api';

const draft = (id: string, rest: string) => `/api/drafts/${encodeURIComponent(id)}${rest}`;

/** The lineage of a draft and the symbol the next issue takes (null after final action). */
export interface RevisionsJSON {
  next: string | null;
  revisions: { symbol: string; revision: number; hash: string; issuedAt: string }[];
}

/** One oral amendment as the amendments route lists it. */
export interface OralAmendmentJSON {
  seq: number;
  symbol: string;
  revision: number;
  meeting: number | null;
  amendment: { kind: string; paragraphId: string; accepted: boolean } & Record<string, unknown>;
  /** The paragraph as printed ("OP 3"); null when no paragraph is in the record. */
  paragraph?: string | null;
  /** What it said: 'OP 3: replace "twelfth" with "thirteenth"'. */
  described?: string;
  at: string;
}

/** The number an adopted text took. */
export interface NumberJSON {
  kind: 'resolution' | 'decision';
  number: string;
  text: LocalizedText;
}

/** The console's calls. */
export const consoleApi = {
  /** The lineage and the next symbol. */
  revisions: (id: string) => api<RevisionsJSON>('GET', draft(id, '/revisions')),
  /** Issue the working text as `symbol` (409 when someone issued it first). */
  issue: (id: string, symbol: string) => api('POST', draft(id, '/revisions'), { symbol }),
  /** Record a lifecycle event (introduced, adopted, rejected, withdrawn, no_action, deferred). */
  record: (id: string, type: string, payload: Record<string, unknown>) => api('POST', draft(id, '/events'), { type, payload }),
  /** Record an oral amendment against the latest issued text. */
  amend: (id: string, amendment: Record<string, unknown>) => api('POST', draft(id, '/amendments'), amendment),
  /** Every oral amendment recorded, in the order read out. */
  amendments: (id: string) => api<OralAmendmentJSON[]>('GET', draft(id, '/amendments')),
  /** An issued text of the draft with its canonical JSON (`revision`: 0 for the original, 1 for Rev.1 …). */
  issuedText: (id: string, revision: number) => api<{ symbol: string; text: unknown }>('GET', draft(id, `/revisions/${revision}`)),
  /** The number of an adopted text, or null. */
  number: (id: string) => api<{ number: NumberJSON | null }>('GET', draft(id, '/number')),
  /** Number an adopted text (the next free number when none is given). */
  assignNumber: (id: string, number?: string) => api<NumberJSON>('POST', draft(id, '/number'), number ? { number } : {}),
  /** Freeze the final text; the server computes its hash. */
  freeze: (id: string) => api<{ finalText: { hash: string; label: string } }>('POST', draft(id, '/freeze'), {}),
  /** The report paragraph in one language. */
  reportParagraph: (id: string, lang: Lang) => api<{ paragraph: string }>('GET', draft(id, `/report-paragraph?lang=${lang}`)),
  /** The next numbers of the session. */
  numbers: (sessionId: string) => api<{ next: Record<'resolution' | 'decision', string> }>('GET', `/api/sessions/${encodeURIComponent(sessionId)}/numbers`),
};

/** Put text on the clipboard; falls back to a selected textarea where the Clipboard API is refused (http, old browsers). */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = Object.assign(document.createElement('textarea'), { value: text });
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}
