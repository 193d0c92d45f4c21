/**
 * The comment threads of a draft's paragraphs: each thread with the words it is on (when it is on
 * words), its comments (who, for which delegation, when), and — as the server's permissions allow
 * — reply, resolve and reopen; and the form for a new comment on the paragraph or on words chosen
 * in it. Used by the two-column view (client/pages/proposals.ts) and by the draft page.
 *
 * Comments are never part of the text: they live in the governed record (server/http/routes/comments.ts).
 * Everything a user typed is set as text, never as HTML.
 */
import type { PermissionJSON } from '../../shared/policy';
import { api, ApiError } from '../api';
import { el, formatWhen, localizedString } from '../dom';
import { t } from '../i18n';
import type { LocalizedText } from '../../shared/languages';

/** One comment of a thread, as `GET /api/drafts/:id/comments` gives it. */
export interface CommentJSON {
  id: string;
  author: { id: string; displayName: string };
  delegation: { id: string; code: string; name: LocalizedText } | null;
  body: string;
  at: string;
}

/** A comment thread on a paragraph or on words of it. */
export interface ThreadJSON {
  id: string;
  paragraphId: string;
  /** "OP 3", or null when the paragraph is no longer in the text. */
  paragraph: string | null;
  quote: string | null;
  resolved: boolean;
  resolvedBy: { id: string; displayName: string } | null;
  resolvedAt: string | null;
  comments: CommentJSON[];
  permissions: { reply: PermissionLike; resolve: PermissionLike };
}

/** A permission as the server sends it: `{ allowed, reason }` (or a bare boolean). */
export type PermissionLike = PermissionJSON | boolean | undefined;

/** Whether a permission the server sent allows the action. */
export function allowed(p: PermissionLike): boolean {
  return typeof p === 'boolean' ? p : p?.allowed === true;
}

/**
 * Put `items` as the element children of `parent`, in order, moving only what is out of place:
 * `replaceChildren` takes every child out and back, which drops the focus from a reply being
 * typed whenever a list is read again.
 */
export function placeChildren(parent: HTMLElement, items: readonly HTMLElement[]): void {
  items.forEach((item, i) => {
    const there = parent.children[i] ?? null;
    if (there !== item) parent.insertBefore(item, there);
  });
  while (parent.children.length > items.length) parent.lastElementChild!.remove();
}

/** Words chosen in a paragraph for a new comment: the words and which occurrence of them (1 = first). */
export interface ChosenWords {
  quote: string;
  occurrence?: number;
  /** The paragraph they are in, when the panel is the whole draft's (the draft page's editor selection). */
  paragraphId?: string;
}

/** Options of a comments panel. */
export interface CommentsPanelOptions {
  draftId: string;
  /**
   * The paragraph whose threads are shown and where new comments go. Without it the panel is the
   * whole draft's: a heading with the counts, each thread naming its paragraph, and a new-comment
   * form only when `paragraphs` says which paragraphs there are to choose from.
   */
  paragraphId?: string;
  /** For the whole draft's panel: the paragraphs a new comment may go on, as the page numbers them now. */
  paragraphs?: () => { id: string; ref: string }[];
  /** How the paragraph is called on the page ("OP 3"), for the names of the controls. */
  paragraphRef?: string;
  /** Whether this user may comment (the draft's `permissions.comment`); default true: the server decides. */
  mayComment?: boolean;
  /** The threads to show at first; without them the panel loads its own. */
  threads?: ThreadJSON[];
  /** The words now chosen in the paragraph, read when the new-comment form opens and when it is sent. */
  chosenWords?: () => ChosenWords | null;
  /** Only threads this returns true for are shown (a filter of the page). */
  filter?: (thread: ThreadJSON) => boolean;
  /** Called after this panel changed a thread (the page may reload what it shows). */
  onChanged?: (thread: ThreadJSON) => void;
}

/** A mounted comments panel. */
export interface CommentsPanel {
  element: HTMLElement;
  /** Show these threads (those of the paragraph), keeping open forms of threads that did not change. */
  show(threads: ThreadJSON[]): void;
  /** Fetch the threads again from the server. */
  reload(): Promise<void>;
  /** How many threads are shown now (after the filter), and how many of them are open. */
  counts(): { shown: number; open: number };
  destroy(): void;
}

// What a refusal says, beside the control that met it.
function refusalText(e: unknown): string {
  if (e instanceof ApiError) return t('comments:refused', { reason: e.message });
  return t('comments:notSent', { reason: e instanceof Error ? e.message : String(e) });
}

function whoLine(c: CommentJSON): HTMLElement {
  return el(
    'p',
    { className: 'comment-who' },
    el('span', { className: 'comment-author' }, c.author.displayName),
    c.delegation
      ? el('span', { className: 'comment-delegation', attrs: { 'data-delegation': c.delegation.code } }, t('comments:delegation', { name: localizedString(c.delegation.name) }))
      : '',
    ' · ',
    el('time', { dateTime: c.at }, formatWhen(c.at)),
  );
}

// A thread is drawn again only when something in it changed, so a reply being typed survives a reload.
const signature = (t: ThreadJSON) => JSON.stringify([t.resolved, t.resolvedAt, t.comments.map((c) => c.id), allowed(t.permissions.reply), allowed(t.permissions.resolve)]);

let counter = 0; // ids of labels, unique on the page

/** Mount the comment threads of one paragraph (or of the whole draft) into `container`. */
export function mountCommentsPanel(container: HTMLElement, options: CommentsPanelOptions): CommentsPanel {
  const uid = `cm${++counter}`;
  const base = `/api/drafts/${encodeURIComponent(options.draftId)}/comments`;
  const where = options.paragraphRef ?? t('comments:thisParagraph');
  const list = el('ul', { className: 'threads' });
  const empty = el('p', { className: 'muted threads-empty' }, t('comments:none'));
  const drawn = new Map<string, { element: HTMLElement; signature: string }>();
  let threads: ThreadJSON[] = options.threads ?? [];

  const changed = (thread: ThreadJSON) => {
    threads = threads.some((t) => t.id === thread.id) ? threads.map((t) => (t.id === thread.id ? thread : t)) : [...threads, thread];
    render();
    options.onChanged?.(thread);
  };

  // The thread an action was just taken in: it gets the focus when drawn again (the button that had it is gone).
  let focusAfter: string | null = null;
  // One button that posts, says the refusal beside itself, and hands the new thread over.
  const action = (threadId: string, label: string, accessibleName: string, send: () => Promise<ThreadJSON>, message: HTMLElement) => {
    const button = el('button', { type: 'button', attrs: { 'aria-label': accessibleName } }, label);
    button.addEventListener('click', async () => {
      focusAfter = threadId;
      button.disabled = true;
      message.textContent = '';
      try {
        changed(await send());
      } catch (e) {
        message.textContent = refusalText(e);
        button.disabled = false;
      }
    });
    return button;
  };

  const threadElement = (th: ThreadJSON): HTMLElement => {
    const first = th.comments[0];
    const title = t('comments:title', { who: first?.author.displayName ?? t('comments:unknown'), where: th.paragraph ?? where });
    const message = el('p', { className: 'refusal error', attrs: { role: 'alert' } });
    const controls = el('div', { className: 'thread-controls' });
    if (allowed(th.permissions.reply) && !th.resolved) {
      const replyId = `${uid}-reply-${th.id}`;
      const input = el('textarea', { id: replyId, rows: 2, className: 'reply-body' });
      const send = el('button', { type: 'submit' }, t('comments:reply'));
      const form = el('form', { className: 'reply' }, el('label', { htmlFor: replyId, className: 'sr-only' }, t('comments:replyTo', { title })), input, send);
      input.placeholder = t('comments:replyPlaceholder');
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (!input.value.trim()) return;
        send.disabled = true;
        message.textContent = '';
        focusAfter = th.id;
        try {
          changed(await api<ThreadJSON>('POST', base, { paragraphId: th.paragraphId, body: input.value, replyTo: th.id }));
        } catch (e) {
          message.textContent = refusalText(e);
          send.disabled = false;
        }
      });
      controls.append(form);
    }
    if (allowed(th.permissions.resolve)) {
      controls.append(
        th.resolved
          ? action(
              th.id,
              t('comments:reopen'),
              t('comments:acting', { action: t('comments:reopen'), title }),
              () => api<ThreadJSON>('POST', `${base}/${encodeURIComponent(th.id)}/reopen`, {}),
              message,
            )
          : action(
              th.id,
              t('comments:resolve'),
              t('comments:acting', { action: t('comments:resolve'), title }),
              () => api<ThreadJSON>('POST', `${base}/${encodeURIComponent(th.id)}/resolve`, {}),
              message,
            ),
      );
    }
    return el(
      'li',
      { className: `thread${th.resolved ? ' resolved' : ''}`, attrs: { 'data-thread': th.id, 'data-resolved': String(th.resolved) } },
      options.paragraphId === undefined ? el('p', { className: 'thread-paragraph' }, th.paragraph ?? t('comments:gone')) : null,
      th.quote ? el('blockquote', { className: 'thread-quote' }, th.quote) : null,
      th.resolved
        ? el(
            'p',
            { className: 'thread-state muted' },
            `${th.resolvedBy ? t('comments:resolvedBy', { name: th.resolvedBy.displayName }) : t('comments:resolved')}${th.resolvedAt ? t('comments:when', { when: formatWhen(th.resolvedAt) }) : ''}`,
          )
        : null,
      el(
        'ol',
        { className: 'comments' },
        ...th.comments.map((c) => el('li', { className: 'comment', attrs: { 'data-comment': c.id } }, whoLine(c), el('p', { className: 'comment-body' }, c.body))),
      ),
      controls,
      message,
    );
  };

  const render = () => {
    const shown = threads.filter((t) => options.filter?.(t) ?? true);
    const keep = new Set(shown.map((t) => t.id));
    for (const id of [...drawn.keys()]) if (!keep.has(id)) drawn.delete(id);
    // Assigned in the callback below (TypeScript does not see that).
    let refocus = null as HTMLElement | null;
    const items = shown.map((t) => {
      const sig = signature(t);
      const had = drawn.get(t.id);
      if (had && had.signature === sig) return had.element;
      const element = threadElement(t);
      drawn.set(t.id, { element, signature: sig });
      // A thread redrawn after an action taken in it (a reply sent, resolved) keeps the focus on it.
      if (t.id === focusAfter) {
        refocus = element;
        focusAfter = null;
      }
      return element;
    });
    // Open threads first, resolved after, each in the order it was started.
    items.sort((a, b) => Number(a.dataset.resolved === 'true') - Number(b.dataset.resolved === 'true'));
    placeChildren(list, items);
    empty.hidden = items.length > 0;
    if (refocus) {
      const target = refocus.querySelector<HTMLElement>('.thread-controls button, .thread-controls textarea') ?? refocus;
      if (target === refocus) refocus.tabIndex = -1;
      target.focus({ preventScroll: true });
    }
    const open = shown.filter((t) => !t.resolved).length;
    heading.textContent = shown.length > open ? t('comments:headingResolved', { open, resolved: shown.length - open }) : t('comments:heading', { open });
  };

  const wholeDraft = options.paragraphId === undefined;
  const heading = el('h3', { className: 'comments-heading', hidden: !wholeDraft });
  const newComment = options.mayComment !== false && (!wholeDraft || options.paragraphs) ? newCommentForm() : null;
  function newCommentForm(): HTMLElement {
    const bodyId = `${uid}-new`;
    const input = el('textarea', { id: bodyId, rows: 2, className: 'comment-new-body' });
    // The words it is on: filled from the words chosen in the text, or typed (keyboard users cannot always select).
    const words = el('input', { type: 'text', id: `${bodyId}-words`, className: 'comment-words' });
    const message = el('p', { className: 'refusal error', attrs: { role: 'alert' } });
    const send = el('button', { type: 'submit' }, t('comments:send'));
    // The whole draft's panel asks which paragraph (the one the chosen words are in, at first).
    const paragraph = el('select', { id: `${bodyId}-paragraph` });
    const fillParagraphs = (chosenId?: string) => {
      const current = chosenId ?? paragraph.value;
      paragraph.replaceChildren(...(options.paragraphs?.() ?? []).map((p) => el('option', { value: p.id, selected: p.id === current }, p.ref || t('comments:unnumbered'))));
    };
    const form = el(
      'form',
      { className: 'comment-new' },
      wholeDraft ? el('label', { htmlFor: paragraph.id }, t('comments:paragraph')) : null,
      wholeDraft ? paragraph : null,
      el('label', { htmlFor: bodyId }, wholeDraft ? t('comments:new') : t('comments:newOn', { where })),
      input,
      options.chosenWords ? el('label', { htmlFor: words.id, className: 'words-label' }, t('comments:onWords')) : null,
      options.chosenWords ? words : null,
      send,
      message,
    );
    let offered: ChosenWords | null = null;
    // Words newly chosen in the text when the user comes to the form are offered, never forced.
    const offer = () => {
      const chosen = options.chosenWords?.() ?? null;
      if (chosen && chosen.quote !== offered?.quote) {
        words.value = chosen.quote;
        if (wholeDraft) fillParagraphs(chosen.paragraphId);
      }
      offered = chosen;
    };
    form.addEventListener('focusin', (event) => {
      if (event.target !== paragraph) offer();
    });
    // The form stays folded behind one button per paragraph, so that a long text stays readable.
    form.id = `${bodyId}-form`;
    form.hidden = true;
    const open = el(
      'button',
      { type: 'button', className: 'comment-open', attrs: { 'aria-expanded': 'false', 'aria-controls': form.id } },
      wholeDraft ? t('comments:new') : t('comments:commentOn', { where }),
    );
    const toggle = (show: boolean) => {
      form.hidden = !show;
      open.setAttribute('aria-expanded', String(show));
      if (show) {
        if (wholeDraft) fillParagraphs();
        offer();
        input.focus();
      }
    };
    open.addEventListener('click', () => toggle(form.hidden));
    form.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      toggle(false);
      open.focus();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!input.value.trim()) return;
      const quote = words.value.trim();
      const occurrence = offered && offered.quote === quote ? offered.occurrence : undefined;
      send.disabled = true;
      message.textContent = '';
      try {
        const thread = await api<ThreadJSON>('POST', base, {
          paragraphId: options.paragraphId ?? paragraph.value,
          body: input.value,
          ...(quote ? { quote, ...(occurrence ? { occurrence } : {}) } : {}),
        });
        input.value = '';
        words.value = '';
        offered = null;
        toggle(false);
        open.focus();
        changed(thread);
      } catch (e) {
        message.textContent = refusalText(e);
      } finally {
        send.disabled = false;
      }
    });
    return el('div', { className: 'comment-new-wrap' }, open, form);
  }

  const element = el('div', { className: 'comments-panel', attrs: { 'data-comments': options.paragraphId ?? 'all' } }, heading, list, empty, newComment);
  container.append(element);
  render();

  const reload = async () => {
    const query = options.paragraphId ? `?paragraph=${encodeURIComponent(options.paragraphId)}` : '';
    const json = await api<{ threads: ThreadJSON[] }>('GET', `${base}${query}`);
    threads = json.threads;
    render();
  };
  if (!options.threads) void reload().catch(() => undefined);

  return {
    element,
    show(next) {
      threads = next;
      render();
    },
    reload,
    counts() {
      const shown = threads.filter((t) => options.filter?.(t) ?? true);
      return { shown: shown.length, open: shown.filter((t) => !t.resolved).length };
    },
    destroy() {
      element.remove();
      drawn.clear();
    },
  };
}
