/**
 * What the draft page (client/pages/draft.ts) says of the draft beside its text: the final text's
 * label, why the text is read-only, whether the user edits, suggests or reads, the suggesting
 * banner, the record's provenance notes, and the final text shown below the working text.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import type { LocalizedText } from '../../shared/languages';
import type { DraftDetail } from '../api';
import { textIn } from '../../shared/languages';
import { el, localized } from '../dom';
import { directionOf, t, uiLanguage } from '../i18n';
import { listFootnotes } from '../editor/footnotes';
import { numberingKey } from '../editor/keys';
import { createTextView } from '../editor/readOnly';
import { nameLanguage } from '../../shared/paragraphNames';

/** What the text acted on is called on the page: "Text as adopted — L.10/Rev.2 as orally amended", "Text acted on — L.9/Rev.1". */
export function finalTextLabel(draft: Pick<DraftDetail, 'status'> & { finalText?: { label: string } | null }): string | null {
  if (!draft.finalText) return null;
  return t(draft.status.state === 'adopted' ? 'draft:textAsAdopted' : 'draft:textActedOn', { label: draft.finalText.label });
}

// Why nobody may change the working text: the draft's own reason (final action, freeze) first, then this user's.
// The draft's reason is a code (shared/policy.ts textReadOnly), said in the interface's language; this user's is the server's sentence.
export function readOnlyWhy(draft: DraftDetail, userReason: string | null): string | null {
  const closed = draft.textReadOnly;
  if (!closed) return userReason;
  const key = READ_ONLY_KEYS[closed.reason];
  return key ? t(key) : closed.message.replace(/\.$/, '');
}
const READ_ONLY_KEYS: Record<string, string> = { frozen: 'draft:readOnlyFrozen', final_action: 'draft:readOnlyFinalAction' };

/** What this user does to the working text now: edit it, suggest changes to it (proposals), or only read it. */
export type TextMode = 'edit' | 'suggest' | 'read';

/**
 * The mode from the server's word: whoever may edit edits (or suggests, by choice); whoever may
 * not edit but may table a proposal suggests; nobody suggests on a text read-only for everyone.
 */
export function textMode(draft: Pick<DraftDetail, 'permissions' | 'textReadOnly'>, readOnlyReason: string | null, chosen: 'edit' | 'suggest'): TextMode {
  const mayPropose = (draft.permissions as { tableProposal?: { allowed: boolean } }).tableProposal?.allowed === true && !draft.textReadOnly;
  if (readOnlyReason === null) return mayPropose ? chosen : 'edit';
  return mayPropose ? 'suggest' : 'read';
}

/** What the banner says to someone suggesting; a member State of a sponsoring group is told why it is not a sponsor. */
export function suggestingBanner(draft: DraftDetail & { sponsorshipNote?: string | null; sponsorshipNotes?: LocalizedText | null }): string {
  // The note in the interface's language when the server sent the six (shared/sponsorship.ts sponsorshipNotes).
  const said = textIn(draft.sponsorshipNotes, uiLanguage()) ?? draft.sponsorshipNote;
  const note = said ? ` ${said.replace(/[.。]?$/, uiLanguage() === 'zh' ? '。' : '.')}` : '';
  return `${t('draft:suggestingBanner')}${note}`;
}

// The notes on where the draft's texts come from, under its title: illustrative, the version printed (of the draft or of one of its texts).
export function provenanceNotes(draft: DraftDetail): HTMLElement[] {
  return (draft.provenance ?? [])
    .filter((p) => (p.kind === 'illustrative' && p.symbol === null) || p.kind === 'printed_version')
    .map((p) =>
      p.kind === 'illustrative'
        ? el(
            'p',
            { className: 'provenance illustrative', attrs: { 'data-provenance': p.kind } },
            t('drafts:illustrative'),
            p.note ? t('draft:noteAfter') : '',
            p.note ? localized(p.note) : '',
          )
        : el('p', { className: 'provenance muted', attrs: { 'data-provenance': p.kind } }, p.note ? localized(p.note) : t('draft:versionAsPrinted')),
    );
}

/**
 * The text the body acted on, shown read-only: a heading that names it, the text with its
 * numbers, its footnotes. Built again when the record says the final text changed.
 */
export function finalTextSection(): { element: HTMLElement; show(draft: DraftDetail, text: PMNode): void; destroy(): void } {
  const heading = el('h2', { id: 'final-text-h' });
  const hash = el('p', { className: 'muted final-hash' });
  const mount = el('div', { className: 'editor-mount' });
  const notes = el('ol', { className: 'footnotes', attrs: { 'aria-label': t('draft:footnotesActedOn') } });
  const element = el('section', { className: 'final-text', hidden: true, attrs: { 'aria-labelledby': 'final-text-h', 'data-text': 'final' } }, heading, hash, mount, notes);
  let view: EditorView | null = null;
  return {
    element,
    show(draft, text) {
      const label = finalTextLabel(draft) ?? '';
      heading.textContent = label;
      hash.textContent = draft.finalText ? `SHA-256 ${draft.finalText.hash.slice(0, 12)}…` : '';
      view?.destroy();
      mount.replaceChildren();
      mount.lang = draft.language;
      mount.dir = directionOf(draft.language);
      view = createTextView({ mount, doc: text, label, lang: nameLanguage(draft.language) });
      const labels = numberingKey.getState(view.state)?.labels;
      notes.replaceChildren(...listFootnotes(text).map((n) => el('li', { attrs: { value: labels?.get(n.id) ?? '' } }, n.text)));
    },
    destroy: () => view?.destroy(),
  };
}
