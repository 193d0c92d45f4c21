/**
 * The connection status line, always visible on the draft page: delegates must know whether what
 * they type has reached the others. Announced politely to screen readers when it changes.
 */
import type { ConnectionState } from './collab/connection';
import { el } from './dom';

/** The words for a connection state. */
export function describeConnection(s: ConnectionState): { text: string; tone: 'ok' | 'warn' | 'bad' } {
  const unsent = s.unsent ? ' — changes not yet sent' : '';
  switch (s.status) {
    case 'connected':
      if (s.paused) return { text: 'Connected — the server cannot save right now; your changes wait here', tone: 'warn' };
      return s.synced ? { text: `Connected${s.unsent ? ' — sending changes' : ''}`, tone: 'ok' } : { text: 'Connected — loading the text', tone: 'warn' };
    case 'connecting':
      return { text: 'Connecting…', tone: 'warn' };
    case 'reconnecting':
      return { text: `Reconnecting…${unsent}`, tone: 'warn' };
    case 'offline':
      return { text: `Offline${s.unsent ? ' — changes not yet sent, kept on this computer' : ''}`, tone: 'bad' };
    case 'closed':
      return { text: `Disconnected: ${s.reason ?? 'closed by the server'}${unsent}`, tone: 'bad' };
  }
}

/** A status element and the function that updates it. */
export function connectionStatus(): { element: HTMLElement; update(s: ConnectionState): void } {
  const element = el('p', { className: 'connection tone-warn', attrs: { role: 'status', 'aria-live': 'polite', 'data-status': 'connecting' } }, 'Connecting…');
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
