/**
 * What a redline of two texts of a draft knows besides the comparison: the older text's order
 * (where a moved paragraph stood), the language the texts are written in, and who typed each
 * paragraph of the working text (server/collab/history.ts `authorshipOf`, the same answer as
 * `GET /api/drafts/:id/authorship`), each writer named by their delegation. The redline takes
 * a paragraph's authors only where the history's text of it is the compared text, so an issued
 * paragraph that has changed since is left to the default author. Reads only.
 */
import type { Lang } from '../../shared/delegations';
import { authorshipOf } from '../collab/history';
import type { Store } from '../storage/types';
import type { ResolvedText } from '../texts';
import { DomainError } from '../errors';
import { blockOrder, type ParagraphAuthors, type RedlineOptions } from './redline';

/** Who typed each paragraph of a draft's working text, by paragraph id, writers named by their delegation in `lang`. */
export async function loadRedlineAuthors(store: Store, draftId: string, lang: Lang): Promise<Map<string, ParagraphAuthors>> {
  let paragraphs: Awaited<ReturnType<typeof authorshipOf>>;
  try {
    paragraphs = await authorshipOf(store, draftId);
  } catch (err) {
    // A working text broken by hand has no authorship to give; the redline of issued texts still goes out.
    if (err instanceof DomainError) return new Map();
    throw err;
  }
  const delegations = await store.listDelegations();
  const names = new Map(delegations.map((d) => [d.id, d.name[lang]]));
  const out = new Map<string, ParagraphAuthors>();
  for (const p of paragraphs) {
    if (p.id === '') continue;
    out.set(p.id, { text: p.text, runs: p.runs.map((r) => ({ author: r.delegationId ? (names.get(r.delegationId) ?? null) : null, length: r.length })) });
  }
  return out;
}

/** The parts of `RedlineOptions` a draft's record and history give for a comparison of two of its texts. */
export async function redlineContext(
  store: Store,
  draft: { id: string; language: string },
  left: Pick<ResolvedText, 'text'>,
  lang: Lang,
): Promise<Pick<RedlineOptions, 'leftOrder' | 'authors' | 'textLanguage'>> {
  return { leftOrder: blockOrder(left.text), authors: await loadRedlineAuthors(store, draft.id, lang), textLanguage: draft.language };
}
