/**
 * Where a draft's proposals stand in its live working text: each pending proposal's quoted
 * words found through its anchor and judged stale or not (server/collab/proposalApply.ts
 * `locateProposals`, by shared/proposals.ts `staleness`: the same rule accepting applies), and
 * each paragraph's number as printed now. One pass over the document for a whole list: every
 * paragraph is read at most once, whatever the number of proposals on it; decided proposals
 * cost nothing.
 */
import type * as Y from 'yjs';
import { sequentialNumbering } from '../../shared/numbering';
import type { Proposal, Staleness } from '../../shared/proposals';
import { docText } from '../collab/fragmentText';
import { locateProposals } from '../collab/proposalApply';

/** What a list of proposals needs from the working text. */
export interface ProposalsInText {
  /** The paragraph as printed now ("OP 3"), or null (unnumbered, gone, or the text cannot be read). */
  refOf(paragraphId: string): string | null;
  /** Pending proposals only: stale or not, and why. */
  staleness: Map<string, Staleness>;
}

/** Read the proposals (any states; only pending ones are judged) against a live document. */
export function proposalsInText(doc: Y.Doc, proposals: readonly Proposal[], options: { numbers?: boolean } = {}): ProposalsInText {
  const pending = proposals.filter((p) => p.state === 'pending');
  const judged = new Map<string, Staleness>();
  if (pending.length > 0) for (const [id, place] of locateProposals(doc, pending)) judged.set(id, { stale: place.stale, why: place.why });
  let refs: ReadonlyMap<string, { ref: string }> | null = null;
  if (options.numbers !== false) {
    const text = docText(doc);
    refs = text.ok ? sequentialNumbering(text.value).byId : null;
  }
  return { refOf: (id) => refs?.get(id)?.ref || null, staleness: judged };
}
