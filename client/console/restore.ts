/**
 * The console's "Restore the working text to an earlier point" control: the secretariat names a
 * seq of the draft's log or a date and time, confirms, and the server writes the text as it was
 * then into the working text (POST /api/drafts/:id/restore). The outcome — the point restored,
 * or the server's reason for refusing — is announced like every act of the console.
 */
import { api } from '../api';
import { el, formatWhen } from '../dom';
import { t } from '../i18n';
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
  if (by === 'seq') return typeof seq === 'number' && Number.isInteger(seq) && seq > 0 ? { seq } : t('console:restore.giveSeq');
  const time = typeof when === 'string' ? Date.parse(when) : NaN;
  return Number.isNaN(time) ? t('console:restore.giveTime') : { at: new Date(time).toISOString() };
}

/** Ask for the point, confirm, restore; `ctx.act` announces the outcome or the refusal. */
export async function askRestore(d: Pick<ConsoleDraft, 'id'>, short: string, ctx: Pick<RowContext, 'act'>): Promise<void> {
  const v = await askForm(
    t('console:restore.title', { symbol: short }),
    [
      {
        name: 'by',
        label: t('console:restore.to'),
        kind: 'select',
        options: [
          ['seq', t('console:restore.bySeq')],
          ['at', t('console:restore.byTime')],
        ],
        value: 'seq',
      },
      { name: 'seq', label: t('console:restore.seq'), kind: 'number' },
      { name: 'at', label: t('console:restore.time'), kind: 'text' },
    ],
    t('console:restore.next'),
  );
  if (!v) return;
  const point = pointOf(v.by, v.seq, typeof v.at === 'string' ? v.at.replace(' ', 'T') : v.at);
  if (typeof point === 'string') return ctx.act(t('console:restore.nothing', { symbol: short }), () => Promise.reject(new Error(point)));
  const named = 'seq' in point ? t('console:restore.seqNamed', { seq: point.seq }) : formatWhen(point.at);
  const sure = await askForm(t('console:restore.question', { symbol: short, point: named }), [], t('console:restore.submit'));
  if (!sure) return;
  let restored: RestoredJSON | null = null;
  await ctx.act(t('console:restore.done', { symbol: short }), async () => {
    restored = await restoreText(d.id, point);
  });
  const done = restored as RestoredJSON | null;
  if (done) {
    const live = document.querySelector('.console-status');
    if (live)
      live.textContent = done.changed
        ? done.from.at
          ? t('console:restore.changedAt', { symbol: short, from: done.from.seq, at: formatWhen(done.from.at), seq: done.seq })
          : t('console:restore.changed', { symbol: short, from: done.from.seq, seq: done.seq })
        : t('console:restore.unchanged', { symbol: short, from: done.from.seq });
  }
}

/** Add the restore control to a console row (not for a frozen draft: its text is final). */
export function withRestore(row: HTMLTableRowElement, d: ConsoleDraft, ctx: Pick<RowContext, 'act'>, symbolPrefix: string): HTMLTableRowElement {
  if (d.status.frozen) return row;
  const short = d.symbol.slice(symbolPrefix.length + 1);
  const b = el('button', { type: 'button', attrs: { 'data-act': 'restore' } }, t('console:restore.button'));
  b.addEventListener('click', () => void askRestore(d, short, ctx));
  row.querySelector('.console-acts')?.append(b);
  return row;
}
