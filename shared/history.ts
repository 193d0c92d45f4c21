/**
 * The history of a working text as the HTTP API returns it: the text as of a point, the changes
 * over a span, and who wrote the characters of each paragraph. Types both ends agree on, and the
 * pure helpers that fold per-character attribution into what a reader wants to see.
 */

/** The text of a draft as of a point in its log. */
export interface TextAsOf {
  draftId: string;
  /** The last update included (0: the empty text before any edit). */
  seq: number;
  /** When that update was stored, or null at seq 0. */
  at: string | null;
  /** ProseMirror JSON of the text (resolution schema). */
  doc: unknown;
  /** The same text, one line per block. */
  plain: string;
}

/** One accepted update of the log, summarised. */
export interface ChangeEntry {
  seq: number;
  at: string;
  userId: string | null;
  delegationId: string | null;
  /** Characters this update inserted (UTF-16 code units, as the editor counts them). */
  inserted: number;
  /** Characters this update deleted. */
  deleted: number;
}

/** One stretch of consecutive characters written by one delegation. */
export interface AuthorRun {
  /** Null for characters written by users without a delegation (the secretariat, a chair). */
  delegationId: string | null;
  userId: string | null;
  length: number;
}

/** Who wrote the characters of one paragraph of the current text. */
export interface ParagraphAuthorship {
  /** Position among the text's blocks, from 0. */
  index: number;
  /** The paragraph's stable id ('' for a title or formula). */
  id: string;
  /** The node type (`operative`, `preambular`, `title` …). */
  type: string;
  text: string;
  /** In text order. */
  runs: AuthorRun[];
  /** Characters per delegation, largest first. */
  byDelegation: { delegationId: string | null; chars: number }[];
}

/** Append a character stretch, merging it into the previous run when the author is the same. */
export function pushRun(runs: AuthorRun[], run: AuthorRun): void {
  if (run.length <= 0) return;
  const last = runs[runs.length - 1];
  if (last && last.delegationId === run.delegationId && last.userId === run.userId) last.length += run.length;
  else runs.push({ ...run });
}

/** Characters per delegation over some runs, largest first (ties by id, for a stable order). */
export function charsByDelegation(runs: readonly AuthorRun[]): { delegationId: string | null; chars: number }[] {
  const m = new Map<string | null, number>();
  for (const r of runs) m.set(r.delegationId, (m.get(r.delegationId) ?? 0) + r.length);
  return [...m].map(([delegationId, chars]) => ({ delegationId, chars })).sort((a, b) => b.chars - a.chars || String(a.delegationId).localeCompare(String(b.delegationId)));
}
