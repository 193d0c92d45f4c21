/**
 * The console's "Restore the working text to an earlier point" control: the secretariat names a
 * seq of the draft's log or a date and time, confirms, and the server writes the text as it was
 * then into the working text (POST /api/drafts/:id/restore). The outcome — the point restored,
 * or the server's reason for refusing — is announced like every act of the console.
 */
import { api } from '../api';
import { el, formatWhen } from '../dom';
import { askForm } from './forms';
import type { ConsoleDraft, RowContext } from './draftRow';

/** What the server answers for a restore. */
export interface RestoredJSON {
  draftId: string;
  from: { seq: number; at: string | null };
  seq: number | null;
  changed: boolean;
  lastSeq: number;
}

/** Restore a draft's working text to its text as of a seq, or a time. */
export function restoreText(draftId: string, point: { seq: number } | { at: string }): Promise<RestoredJSON> {
  return api<RestoredJSON>('POST', `/api/drafts/${encodeURIComponent(draftId)}/restore`, point);
}

// A date and time typed as the secretariat reads them (local time), or an ISO time as the record shows it.
function pointOf(by: unknown, seq: unknown, when: unknown): { seq: number } | { at: string } | string {
  if (by === 'seq') return typeof seq === 'number' && Number.isInteger(seq) && seq > 0 ? { seq } : 'give the seq of the log to restore (a whole number)';
  const t = typeof when === 'string' ? Date.parse(when) : NaN;
  return Number.isNaN(t) ? 'give a date and time such as 2022-10-19 14:30' : { at: new Date(t).toISOString() };
}

/** Ask for the point, confirm, restore; `ctx.act` announces the outcome or the refusal. */
export async function askRestore(d: Pick<ConsoleDraft, 'id'>, short: string, ctx: Pick<RowContext, 'act'>): Promise<void> {
  const v = await askForm(
    `Restore the working text of ${short} to an earlier point`,
    [
      {
        name: 'by',
        label: 'Restore to',
        kind: 'select',
        options: [
          ['seq', 'a seq of its log'],
          ['at', 'a date and time'],
        ],
        value: 'seq',
      },
      { name: 'seq', label: 'Seq', kind: 'number' },
      { name: 'at', label: 'Date and time (e.g. 2022-10-19 14:30)', kind: 'text' },
    ],
    'Next',
  );
  if (!v) return;
  const point = pointOf(v.by, v.seq, typeof v.at === 'string' ? v.at.replace(' ', 'T') : v.at);
  if (typeof point === 'string') return ctx.act(`Nothing restored for ${short}`, () => Promise.reject(new Error(point)));
  const named = 'seq' in point ? `seq ${point.seq}` : formatWhen(point.at);
  const sure = await askForm(
    `Replace the working text of ${short} with its text as of ${named}? Everyone editing it sees the change at once; the log keeps everything written since.`,
    [],
    'Restore',
  );
  if (!sure) return;
  let restored: RestoredJSON | null = null;
  await ctx.act(`The working text of ${short} restored`, async () => {
    restored = await restoreText(d.id, point);
  });
  const done = restored as RestoredJSON | null;
  if (done) {
    const live = document.querySelector('.console-status');
    if (live)
      live.textContent = done.changed
        ? `The working text of ${short} is its text as of seq ${done.from.seq}${done.from.at ? ` (${formatWhen(done.from.at)})` : ''}; the change is seq ${done.seq}.`
        : `The working text of ${short} already was its text as of seq ${done.from.seq}: nothing changed.`;
  }
}

/** Add the restore control to a console row (not for a frozen draft: its text is final). */
export function withRestore(row: HTMLTableRowElement, d: ConsoleDraft, ctx: Pick<RowContext, 'act'>, symbolPrefix: string): HTMLTableRowElement {
  if (d.status.frozen) return row;
  const short = d.symbol.slice(symbolPrefix.length + 1);
  const b = el('button', { type: 'button', attrs: { 'data-act': 'restore' } }, 'Restore text…');
  b.addEventListener('click', () => void askRestore(d, short, ctx));
  row.querySelector('.console-acts')?.append(b);
  return row;
}
