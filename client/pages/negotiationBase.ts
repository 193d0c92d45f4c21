/**
 * The numbers of the text under negotiation: the sequential numbering of the last issued
 * revision, which the "3 bis" switch counts from. Null when no issued text with its paragraphs
 * is available (a draft not yet issued, or one imported without its texts).
 */
import { negotiationBase, sequentialNumbering, type NumberingBase } from '../../shared/numbering';
import type { TextJSON } from '../../shared/schema';
import { api, type DraftDetail } from '../api';

/** Load the last issued text of `draft` and derive the negotiation base from it. */
export async function loadNegotiationBase(draft: DraftDetail): Promise<NumberingBase | null> {
  const last = [...draft.lineage].reverse().find((r) => r.hasText);
  if (!last) return null;
  const revision = await api<{ text: TextJSON }>('GET', `/api/drafts/${draft.id}/revisions/${last.revision}`);
  return revision?.text ? negotiationBase(sequentialNumbering(revision.text)) : null;
}
