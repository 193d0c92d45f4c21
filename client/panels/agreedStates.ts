/**
 * What the paragraph-states panel (paragraphStates.ts) shows and offers beyond the state itself:
 * "changed since agreed" with who changed it and when, "locked", and the chair's control to lock
 * an agreed paragraph. It also hands every read of the states to the margin marks in the text
 * (client/editor/paragraphMarks.ts), so that the text shows a lock the moment the panel hears of it.
 */
import { CHANGED_SINCE_AGREED_LABEL, LOCKED_LABEL } from '../../shared/negotiation';
import { announceParagraphStates, type ParagraphMarkJSON } from '../editor/paragraphMarks';
import { el, formatWhen, localizedString } from '../dom';
import { t } from '../i18n';

/** One paragraph's state as the panel reads it (server/presenters/meeting.ts). */
export type AgreedStateJSON = ParagraphMarkJSON;

/** What follows "OP 1 — agreed" in the panel: ", changed since agreed by Chile on 5 December 2026, 19:30", ", locked". */
export function agreedNote(entry: AgreedStateJSON): string {
  let note = '';
  if (entry.changedSinceAgreed) {
    note += `${t('common:listSeparator')}${localizedString(CHANGED_SINCE_AGREED_LABEL)}`;
    if (entry.changedBy) note += t('editor:markBy', { name: entry.changedBy.displayName });
    if (entry.changedAt) note += t('editor:markOn', { date: formatWhen(entry.changedAt) });
  }
  if (entry.locked) note += `${t('common:listSeparator')}${localizedString(LOCKED_LABEL)}`;
  return note;
}

/** The class of a panel entry, beside `state-<state>`: a changed or locked paragraph stands out by more than colour (the words say it). */
export function agreedClass(entry: AgreedStateJSON): string {
  return `${entry.changedSinceAgreed ? ' state-changed' : ''}${entry.locked ? ' state-locked' : ''}`;
}

/** The chair's lock control for the panel's form: whether the state set also locks the paragraph's text. */
export function lockControl(): { element: HTMLElement; locked(): boolean } {
  const box = el('input', { type: 'checkbox', id: 'ps-locked' });
  const element = el('label', { htmlFor: 'ps-locked', className: 'ps-lock', title: t('draft:lockTitle') }, box, ' ', t('draft:lockText'));
  return { element, locked: () => box.checked };
}

/** Tell the text's margin marks the states just read. */
export function showInText(draftId: string, states: Record<string, AgreedStateJSON>): void {
  announceParagraphStates(draftId, states);
}
