/**
 * Choosing the two texts: each side offers the issued texts of the lineage, the working text
 * now, and the working text at a past point (a time, or a seq from a shared link). The choice
 * is a text spec of `shared/textSpec.ts`, which the server resolves.
 */
import { formatTextSpec, PROPOSALS_TEXT, parseTextSpec } from '../../shared/textSpec';
import { WORKING_TEXT } from '../../shared/export/transfer';
import type { LineageEntry } from '../api';
import { el } from '../dom';
import { t } from '../i18n';
import { shortSymbol } from './model';

const PAST = '@past';

// "2022-10-21T14:05" in local time, as a datetime-local input wants it.
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** One side's chooser. */
interface Chooser {
  element: HTMLElement;
  value(): string;
}

function chooser(side: 'left' | 'right', caption: string, lineage: readonly LineageEntry[], current: string, changed: () => void): Chooser {
  const select = el('select', { id: `cmp-${side}`, name: side });
  for (const e of lineage.filter((x) => x.hasText)) select.append(el('option', { value: shortSymbol(e.symbol) }, shortSymbol(e.symbol)));
  select.append(el('option', { value: WORKING_TEXT }, t('compare:workingNow')));
  select.append(el('option', { value: PROPOSALS_TEXT }, t('compare:withProposals')));
  const parsed = parseTextSpec(current);
  // A seq from a shared link keeps its own option: a time would not name the same point.
  if (parsed.ok && parsed.value.kind === 'seq') select.append(el('option', { value: current }, t('compare:atSeq', { seq: parsed.value.seq })));
  if (parsed.ok && parsed.value.kind === 'amended') select.append(el('option', { value: current }, t('compare:orallyAmended', { symbol: parsed.value.symbol })));
  select.append(el('option', { value: PAST }, t('compare:pastPoint')));
  const time = el('input', { type: 'datetime-local', id: `cmp-${side}-at`, step: '60' });
  const timeLabel = el('label', { htmlFor: time.id, className: 'cmp-at' }, t('compare:asItStood'), time);
  const isPastTime = parsed.ok && parsed.value.kind === 'at';
  if (isPastTime) time.value = localInput((parsed.value as { at: string }).at);
  const known = [...select.options].some((o) => o.value === current);
  select.value = isPastTime ? PAST : known ? current : WORKING_TEXT;
  const sync = () => {
    timeLabel.hidden = select.value !== PAST;
  };
  sync();
  select.addEventListener('change', () => {
    sync();
    if (select.value === PAST) {
      if (!time.value) time.value = localInput(new Date().toISOString());
      time.focus();
    }
    changed();
  });
  time.addEventListener('change', changed);
  return {
    element: el('div', { className: 'cmp-choose' }, el('label', { htmlFor: select.id }, caption), ' ', select, ' ', timeLabel),
    value() {
      if (select.value !== PAST) return select.value;
      const at = time.value ? new Date(time.value) : new Date();
      return formatTextSpec({ kind: 'at', at: at.toISOString() });
    },
  };
}

/** The two choosers; `changed` gets the new pair when either changes. */
export function textPicker(lineage: readonly LineageEntry[], current: { left: string; right: string }, changed: (pair: { left: string; right: string }) => void): HTMLElement {
  const fire = () => changed({ left: left.value(), right: right.value() });
  const left = chooser('left', t('compare:pickLeft'), lineage, current.left, fire);
  const right = chooser('right', t('compare:pickRight'), lineage, current.right, fire);
  return el('fieldset', { className: 'cmp-picker no-print' }, el('legend', { className: 'sr-only' }, t('compare:texts')), left.element, right.element);
}
