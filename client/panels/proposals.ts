/**
 * The proposals beside the text on the draft page: every pending proposal — who tabled it, in
 * which paragraph, what it says, its rationale, whether it went stale — with Accept and Reject
 * for those who may decide and Withdraw for those who may withdraw (each proposal's own
 * permissions, as the server sent them), a link to the two-column view, and the draft's comment
 * threads. Everything a delegation typed is set as text (the card of client/panels/proposalCard.ts).
 *
 * It reads `GET /api/drafts/:id/proposals` on load and when told (the page does on the collab
 * `recordChanged` notice), and hands every read to the text (`onLoaded`: client/editor/proposalMarks.ts).
 */
import { api } from '../api';
import { el } from '../dom';
import { mountCommentsPanel, type CommentsPanel } from './comments';
import { proposalCard, type ProposalJSON } from './proposalCard';

/** What `GET /api/drafts/:id/proposals` answers. */
export interface ProposalListJSON {
  proposals: ProposalJSON[];
  counts: Record<string, number>;
}

/** Options of the proposals panel. */
export interface ProposalsPanelOptions {
  /** Told of every list read (the text draws the pending ones). */
  onLoaded?: (proposals: ProposalJSON[]) => void;
  /** Show the draft's comment threads under the proposals. */
  comments?: boolean;
}

/** The panel of a draft's pending proposals. */
export function proposalsPanel(draftId: string, options: ProposalsPanelOptions = {}): { element: HTMLElement; reload(): Promise<void>; destroy(): void } {
  const heading = el('h2', { id: 'proposals-h' }, 'Proposals');
  const status = el('p', { className: 'muted', attrs: { role: 'status' } });
  const list = el('ul', { className: 'proposals', attrs: { 'aria-labelledby': 'proposals-h' } });
  const twoColumns = el('a', { href: `/drafts/${encodeURIComponent(draftId)}/proposals`, className: 'two-column-link' }, 'Two-column view');
  const commentsSlot = el('div', { className: 'comments-slot' });
  const element = el(
    'section',
    { className: 'panel proposals-panel', attrs: { 'aria-labelledby': 'proposals-h', 'data-panel': 'proposals' } },
    heading,
    twoColumns,
    status,
    list,
    commentsSlot,
  );
  let comments: CommentsPanel | null = null;
  if (options.comments) {
    try {
      comments = mountCommentsPanel(commentsSlot, { draftId });
    } catch {
      comments = null; // the threads are one click away in the two-column view
    }
  }

  let last = '';
  let reading: Promise<void> | null = null;
  let again = false;
  const read = async () => {
    const json = await api<ProposalListJSON>('GET', `/api/drafts/${encodeURIComponent(draftId)}/proposals?state=pending`);
    const pending = json.proposals.filter((p) => p.state === 'pending');
    options.onLoaded?.(pending);
    const seen = JSON.stringify(pending);
    if (seen === last) return;
    last = seen;
    heading.textContent = `Proposals (${pending.length} pending)`;
    status.textContent = pending.length === 0 ? 'No pending proposal.' : '';
    list.replaceChildren(...pending.map((p) => proposalCard(draftId, p, () => void reload())));
  };
  // Bursts of notices make one read at a time, and one more after it.
  const reload = (): Promise<void> => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = read()
      .catch((e: unknown) => {
        status.textContent = `Proposals could not be read: ${e instanceof Error ? e.message : String(e)}`;
      })
      .finally(() => {
        reading = null;
        if (again) {
          again = false;
          void reload();
        }
      });
    void comments?.reload();
    return reading;
  };
  return { element, reload, destroy: () => comments?.destroy() };
}
