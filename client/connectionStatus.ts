/**
 * The connection status line, always visible on the draft page: delegates must know whether what
 * they type has reached the others. Announced politely to screen readers when it changes.
 */
import type { ConnectionState } from './collab/connection';
import { el } from './dom';
import { t } from './i18n';

/** The words for a connection state, in the interface's language. */
export function describeConnection(s: ConnectionState): { text: string; tone: 'ok' | 'warn' | 'bad' } {
  switch (s.status) {
    case 'connected':
      if (s.paused) return { text: t('editor:connPaused'), tone: 'warn' };
      return s.synced ? { text: t(s.unsent ? 'editor:connSending' : 'editor:connected'), tone: 'ok' } : { text: t('editor:connLoading'), tone: 'warn' };
    case 'connecting':
      return { text: t('editor:connecting'), tone: 'warn' };
    case 'reconnecting':
      return { text: t(s.unsent ? 'editor:reconnectingUnsent' : 'editor:reconnecting'), tone: 'warn' };
    case 'offline':
      return { text: t(s.unsent ? 'editor:offlineUnsent' : 'editor:offline'), tone: 'bad' };
    case 'closed':
      return { text: t(s.unsent ? 'editor:closedUnsent' : 'editor:closed', { reason: s.reason ?? t('editor:closedByServer') }), tone: 'bad' };
  }
}

/** A status element and the function that updates it. */
export function connectionStatus(): { element: HTMLElement; update(s: ConnectionState): void } {
  const element = el('p', { className: 'connection tone-warn', attrs: { role: 'status', 'aria-live': 'polite', 'data-status': 'connecting' } }, t('editor:connecting'));
  return {
    element,
    update(s) {
      const { text, tone } = describeConnection(s);
      element.textContent = text;
      element.className = `connection tone-${tone}`;
      element.dataset.status = s.status;
      element.dataset.unsent = String(s.unsent);
    },
  };
}
