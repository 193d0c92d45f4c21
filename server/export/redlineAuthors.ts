/**
 * What a redline of two texts of a draft knows besides the comparison: the older text's order
 * (where a moved paragraph stood), the language the texts are written in, and who typed each
 * paragraph of the working text (server/collab/history.ts `authorshipOf`, the same answer as
 * `GET /api/drafts/:id/authorship`), each writer named by their delegation. The redline takes
 * a paragraph's authors only where the history's text of it is the compared text, so an issued
 * paragraph that has changed since is left to the default author. The working text with pending
 * proposals (`proposals`) credits each proposal's words, deletions and moves to the delegation
 * that tabled it (`withProposalAuthors`). Reads only.
 */
import { runsOf } from '../../shared/compare/withProposals';
import { textPreferring, type Lang } from '../../shared/languages';
import { authorshipOf } from '../collab/history';
import type { Store } from '../storage/types';
import type { ProposalsInText, ResolvedText } from '../texts';
import { DomainError } from '../errors';
import { blockOrder, type ParagraphAuthors, type RedlineOptions } from './redline';

/** How a change by the chair or the secretariat (a proposal without a delegation) is signed. */
export const CHAIR_OR_SECRETARIAT: Record<Lang, string> = {
  ar: 'الرئيس أو الأمانة',
  zh: '主席或秘书处',
  en: 'the chair or the secretariat',
  fr: 'la présidence ou le secrétariat',
  ru: 'Председатель или секретариат',
  es: 'la Presidencia o la secretaría',
};

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

/**
 * The authors of the working text with its pending proposals: each paragraph a proposal changed
 * gets its characters credited to the proposal's delegation (`name`), the rest to whoever the
 * history says typed them in the working text (`history`, where its text is the working text's),
 * and its deletions and moves to the delegations that proposed them.
 */
export function withProposalAuthors(
  history: ReadonlyMap<string, ParagraphAuthors>,
  proposals: Pick<ProposalsInText, 'changes'>,
  name: (delegationId: string | null) => string,
): Map<string, ParagraphAuthors> {
  const out = new Map(history);
  for (const [id, c] of proposals.changes) {
    const before = history.get(id);
    const typed: (string | null)[] = [];
    if (before && before.text === c.original) for (const run of before.runs) for (let i = 0; i < run.length; i++) typed.push(run.author);
    const authors = c.writtenBy.map((by, i) => (by !== undefined ? name(by) : (typed[c.fromOriginal[i]!] ?? null)));
    const deleted = c.deletedBy.map((by) => (by !== undefined ? name(by) : null));
    out.set(id, {
      text: c.text,
      runs: runsOf(authors).map((r) => ({ author: r.who, length: r.length })),
      deletions: { text: c.original, runs: runsOf(deleted).map((r) => ({ author: r.who, length: r.length })) },
      wholeBy: c.wholeBy === undefined ? null : name(c.wholeBy),
    });
  }
  return out;
}

/** Delegation names by id in `lang`, a proposal without one signed by the chair or the secretariat. */
export async function delegationNamer(store: Store, lang: Lang): Promise<(delegationId: string | null) => string> {
  // A name the record does not give in `lang` is signed in another language rather than left anonymous.
  const names = new Map((await store.listDelegations()).map((d) => [d.id, textPreferring(d.name, lang)?.text]));
  return (id) => (id === null ? CHAIR_OR_SECRETARIAT[lang] : (names.get(id) ?? 'a delegation'));
}
