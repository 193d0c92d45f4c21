/**
 * The inbox (issue #17): the header's badge with the unread count, kept live by the server's
 * event stream (`/api/inbox/stream`) and, as the fallback across server instances, a poll of
 * `/api/inbox/count`; and the inbox page listing what happened, each item linking to its draft,
 * marked read one by one or all at once. Everything users typed is set as text, never as HTML.
 */
import { INBOX_PAGE, INBOX_POLL_MS, INBOX_STREAM_EVENT, type InboxItemJSON, type InboxJSON } from '../../shared/inbox';
import { api, ApiError } from '../api';
import { el, formatWhen } from '../dom';
import { onLanguageChange, t } from '../i18n';
import { inboxSummary, inboxTitle } from '../inboxWords';
import '../inbox.css';

/** The header's link to the inbox with the unread count; `start` when signed in, `stop` on sign-out. */
export class InboxBadge {
  /** The link to put in the header (the same element across pages). */
  readonly element: HTMLAnchorElement;
  private readonly count: HTMLSpanElement;
  private readonly hint: HTMLSpanElement;
  private readonly label: HTMLSpanElement;
  private source: EventSource | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.refresh();
  };
  private unread = 0;
  private readonly listeners = new Set<(unread: number, before: number) => void>();

  constructor(go: (path: string) => void) {
    // The name read out is the words shown, "Inbox 3 unread" (WCAG 2.5.3): the count is visible,
    // "unread" only to screen readers.
    this.count = el('span', { className: 'inbox-count' });
    this.hint = el('span', { className: 'sr-only' });
    this.label = el('span', { className: 'inbox-label' }, t('inbox:link'));
    this.element = el('a', { href: '/inbox', className: 'inbox-link' }, this.label, this.count, this.hint);
    this.element.addEventListener('click', (event) => {
      event.preventDefault();
      go('/inbox');
    });
    this.show(0);
    // The badge outlives the pages; its words follow the interface's language.
    onLanguageChange(() => this.relabel());
  }

  /** Listen for the count: the stream, the poll, and a look whenever the page becomes visible again. */
  start(): void {
    if (this.poll !== null) return;
    this.listen();
    this.poll = setInterval(() => void this.refresh(), INBOX_POLL_MS);
    document.addEventListener('visibilitychange', this.onVisible);
    void this.refresh();
  }

  // EventSource reconnects by itself after a dropped connection; after a refusal (signed out, a
  // server error) it stops for good, and the poll finds out which: signed out, or open it again.
  private listen(): void {
    this.source = new EventSource('/api/inbox/stream');
    this.source.addEventListener(INBOX_STREAM_EVENT, (event) => {
      const unread = (JSON.parse((event as MessageEvent<string>).data) as { unread?: unknown }).unread;
      if (typeof unread === 'number') this.show(unread);
    });
  }

  /** Stop listening (sign-out). */
  stop(): void {
    this.source?.close();
    this.source = null;
    if (this.poll !== null) clearInterval(this.poll);
    this.poll = null;
    document.removeEventListener('visibilitychange', this.onVisible);
    this.show(0);
  }

  /** Ask the server for the count now. */
  async refresh(): Promise<void> {
    try {
      this.show((await api<{ unread: number }>('GET', '/api/inbox/count')).unread);
      if (this.poll !== null && this.source?.readyState === EventSource.CLOSED) this.listen();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) this.stop();
    }
  }

  /** The count as the badge shows it. */
  get value(): number {
    return this.unread;
  }

  /** Call `fn` with each new count (and the one before); returns the unsubscribe. */
  onChange(fn: (unread: number, before: number) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Show a count (the page calls this after marking items read). */
  show(unread: number): void {
    const before = this.unread;
    this.unread = unread;
    if (unread !== before) for (const fn of [...this.listeners]) fn(unread, before);
    this.count.textContent = unread > 0 ? (unread > 99 ? '99+' : String(unread)) : '';
    this.count.hidden = unread === 0;
    this.hint.textContent = unread > 0 ? t('inbox:unread') : '';
    this.element.dataset.unread = String(unread);
  }

  /** Say the badge's words again in the interface's language (after the user changed it). */
  relabel(): void {
    this.label.textContent = t('inbox:link');
    this.hint.textContent = this.unread > 0 ? t('inbox:unread') : '';
  }
}

/** Show the inbox page; returns its close function. */
export async function showInbox(app: HTMLElement, badge: InboxBadge, go: (path: string) => void): Promise<() => void> {
  document.title = t('inbox:pageTitle');
  const list = el('ol', { className: 'inbox-items', attrs: { 'aria-labelledby': 'inbox-h' } });
  const status = el('p', { className: 'inbox-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const allRead = el('button', { type: 'button', className: 'inbox-all-read' }, t('inbox:allRead'));
  const more = el('button', { type: 'button', className: 'inbox-more', hidden: true }, t('inbox:more'));
  let last: string | null = null;

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    const { unread } = await api<{ unread: number }>('POST', '/api/inbox/read', body);
    badge.show(unread);
    allRead.disabled = unread === 0;
  };

  const itemOf = (item: InboxItemJSON) => {
    const link = el('a', { href: item.link, className: 'inbox-title', textContent: inboxTitle(item) });
    const li = el(
      'li',
      { className: item.read ? 'inbox-item read' : 'inbox-item unread' },
      link,
      el('span', { className: 'inbox-meta', textContent: [item.draftSymbol, formatWhen(item.at)].filter(Boolean).join(' · ') }),
    );
    li.dataset.id = item.id;
    li.dataset.kind = item.kind;
    const summary = inboxSummary(item);
    if (summary) li.append(el('p', { className: 'inbox-summary', textContent: summary }));
    const read = () => {
      li.className = 'inbox-item read';
      button?.remove();
    };
    const button = item.read ? null : el('button', { type: 'button', className: 'inbox-mark-read' }, t('inbox:markRead'));
    button?.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await markRead({ ids: [item.id] });
        read();
        status.textContent = t('inbox:marked');
      } catch (e) {
        button.disabled = false;
        status.textContent = e instanceof Error ? e.message : String(e);
      }
    });
    if (button) li.append(button);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      // Opening an item reads it; the draft opens even if marking fails.
      if (!item.read) void markRead({ ids: [item.id] }).catch(() => undefined);
      go(item.link);
    });
    return li;
  };

  const load = async (fresh = false) => {
    if (fresh) last = null;
    const query = new URLSearchParams({ limit: String(INBOX_PAGE.default) });
    if (last) query.set('before', last);
    const page = await api<InboxJSON>('GET', `/api/inbox?${query}`);
    badge.show(page.unread);
    allRead.disabled = page.unread === 0;
    if (fresh) list.replaceChildren();
    list.append(...page.items.map(itemOf));
    last = page.items.at(-1)?.id ?? last;
    more.hidden = page.items.length < INBOX_PAGE.default;
    if (list.childElementCount === 0) status.textContent = t('inbox:empty');
    else if (status.textContent === t('inbox:empty')) status.textContent = '';
  };

  allRead.addEventListener('click', async () => {
    allRead.disabled = true;
    try {
      await markRead({ all: true });
      for (const li of list.querySelectorAll('li.unread')) {
        li.className = 'inbox-item read';
        li.querySelector('.inbox-mark-read')?.remove();
      }
      status.textContent = t('inbox:allMarked');
    } catch (e) {
      allRead.disabled = false;
      status.textContent = e instanceof Error ? e.message : String(e);
    }
  });
  const failed = (e: unknown) => {
    status.textContent = e instanceof Error ? e.message : String(e);
  };
  more.addEventListener('click', () => void load().catch(failed));
  // Something new arrived while the page is open: show the newest page again.
  const stop = badge.onChange((unread, before) => {
    if (unread > before) void load(true).catch(failed);
  });

  app.replaceChildren(el('h1', { id: 'inbox-h' }, t('inbox:heading')), el('div', { className: 'inbox-actions' }, allRead), status, list, more);
  await load();
  return stop;
}
