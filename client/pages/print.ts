/**
 * The print view of one text of a draft — the text acted on, an issued revision or the working
 * text — in the UN layout on A4: the symbol block, the organ and agenda item, the sponsors, the title, the text
 * with its numbers (sequential, as an issued text prints) and its footnotes at the end.
 */
import { DOMSerializer, type Node as PMNode } from 'prosemirror-model';
import { openingWordsLength } from '../../shared/houseStyle';
import { sequentialNumbering } from '../../shared/numbering';
import { nameLanguage, spokenParagraphNames } from '../../shared/paragraphNames';
import { formatCalendarDate } from '../../shared/dates';
import { originalLine } from '../../shared/export/meta';
import { PRINT_CLASSES } from '../../shared/export/print';
import { resolutionSchema, textFromJSON } from '../../shared/schema';
import { api, fetchFinalText, type DraftDetail, type SpecifiedTextJSON } from '../api';
import { el } from '../dom';
import { finalTextLabel } from './draft';
import '../print.css';

/** A text to print: the text, its symbol or name, its date, and what it is when it is the text acted on. */
interface PrintedText {
  text: PMNode;
  label: string;
  date: string | null;
  /** "Text as adopted — L.10/Rev.2 as orally amended"; null for an issued or working text. */
  acted: string | null;
}

/**
 * Which text: `final` (the text acted on), an issued revision's number, or the working text; by
 * default the text acted on after final action, else the latest issued text.
 */
async function loadText(draft: DraftDetail, which: string | null): Promise<PrintedText> {
  const issued = draft.lineage.filter((r) => r.hasText && r.textInRecord !== false);
  const wanted = which ?? (draft.finalText ? 'final' : issued.length ? String(issued[issued.length - 1]!.revision) : 'working');
  if (wanted === 'final' && draft.finalText) {
    const final = draft.finalText;
    const revision = draft.lineage.find((r) => r.symbol === final.symbol || r.symbol.endsWith(`/${final.symbol}`));
    return { text: textFromJSON((await fetchFinalText(draft.id)).doc), label: revision?.symbol ?? final.symbol, date: revision?.issuedAt ?? null, acted: finalTextLabel(draft) };
  }
  if (!/^\d+$/.test(wanted) && wanted !== 'working') {
    // Any other text spec (`amended:L.9/Rev.1`, `seq:40` …), as the text route names it.
    const named = await api<SpecifiedTextJSON>('GET', `/api/drafts/${draft.id}/text?${new URLSearchParams({ text: wanted })}`);
    return { text: textFromJSON(named.doc), label: named.label, date: null, acted: null };
  }
  if (wanted === 'working') {
    const working = await api<{ doc: unknown }>('GET', `/api/drafts/${draft.id}/text`);
    return { text: textFromJSON(working.doc), label: 'Working text (not issued)', date: null, acted: null };
  }
  const revision = await api<{ symbol: string; text: unknown; issuedAt: string }>('GET', `/api/drafts/${draft.id}/revisions/${encodeURIComponent(wanted)}`);
  return { text: textFromJSON(revision.text), label: revision.symbol, date: revision.issuedAt, acted: null };
}

// Numbers into `data-label` (and said in words for screen readers, as in the editor), footnote
// marks replaced by their numbers, italic preambular openings.
function dress(body: HTMLElement, text: PMNode, language: string): HTMLElement[] {
  const numbering = sequentialNumbering(text);
  const names = spokenParagraphNames(numbering, nameLanguage(language));
  for (const p of body.querySelectorAll<HTMLElement>('p[data-id]')) {
    const n = numbering.byId.get(p.dataset.id ?? '');
    if (n) p.dataset.label = n.label;
    const name = names.get(p.dataset.id ?? '');
    if (name) {
      p.setAttribute('role', 'group');
      p.setAttribute('aria-label', name);
    }
    if (p.dataset.kind === 'preambular' && p.firstChild?.nodeType === Node.TEXT_NODE) {
      const first = p.firstChild as Text;
      const length = openingWordsLength(first.data);
      if (length > 0) {
        const rest = first.splitText(length);
        p.insertBefore(el('span', { className: 'ph-opening' }, first.data), rest);
        first.remove();
      }
    }
  }
  const notes: HTMLElement[] = [];
  for (const mark of body.querySelectorAll<HTMLElement>('span[data-kind="footnote"]')) {
    const number = numbering.footnoteById.get(mark.dataset.id ?? '');
    notes.push(el('li', { attrs: { value: String(number ?? '') } }, mark.textContent ?? ''));
    mark.textContent = String(number ?? '*');
  }
  return notes;
}

/** Show the print view of `draftId` (`which`: "final", a revision number, "working" or another text spec; null: the text acted on, else the latest issued). */
export async function showPrint(app: HTMLElement, draftId: string, which: string | null, back: () => void): Promise<void> {
  const draft = await api<DraftDetail>('GET', `/api/drafts/${draftId}`);
  const { text, label, date, acted } = await loadText(draft, which);
  document.title = `${acted ?? label} — print — Penholder`;

  // The text and its footnotes are in the draft's language; the lines around them are in English (WCAG 3.1.2).
  const body = el('div', { className: 'print-text', lang: draft.language });
  body.append(DOMSerializer.fromSchema(resolutionSchema).serializeFragment(text.content));
  const notes = dress(body, text, draft.language);
  const proponent = draft.submittedBy
    ? `Draft ${draft.kind} submitted by the ${draft.submittedBy.en}`
    : draft.sponsors.count
      ? `${draft.sponsors.text.en}: draft ${draft.kind}`
      : `Draft ${draft.kind}`;

  const print = el('button', { type: 'button' }, 'Print');
  print.addEventListener('click', () => window.print());
  const backLink = el('a', { href: `/drafts/${encodeURIComponent(draftId)}` }, '← Back to the draft');
  backLink.addEventListener('click', (event) => {
    event.preventDefault();
    back();
  });

  app.replaceChildren(
    el('div', { className: 'print-bar no-print' }, backLink, print),
    el(
      'article',
      { className: 'print-page', attrs: { lang: 'en' } },
      el(
        'div',
        { className: PRINT_CLASSES.symbolBlock },
        el('p', { className: `${PRINT_CLASSES.headingLine} ${PRINT_CLASSES.symbol}` }, label),
        el('p', { className: PRINT_CLASSES.headingLine }, 'Distr.: Limited'),
        date ? el('p', { className: PRINT_CLASSES.headingLine }, formatCalendarDate(date.slice(0, 10))) : null,
        // The same words as the Word export: "Original: not in the record" when a provenance note says so.
        el(
          'p',
          { className: PRINT_CLASSES.headingLine, attrs: { 'data-line': 'original' } },
          originalLine({ lang: 'en', originalLanguage: draft.language, originalInRecord: !draft.provenance?.some((p) => p.kind === 'original_language_not_in_record') }),
        ),
      ),
      el('p', { className: PRINT_CLASSES.headingLine }, draft.session.title.en),
      el('p', { className: PRINT_CLASSES.headingLine }, `Agenda item ${draft.agendaItem}`),
      el('p', { className: PRINT_CLASSES.proponent }, proponent),
      acted ? el('p', { className: `${PRINT_CLASSES.headingLine} print-text-acted`, attrs: { 'data-text': 'final' } }, acted) : null,
      body,
      notes.length ? el('ol', { className: PRINT_CLASSES.footnotes, lang: draft.language }, ...notes) : null,
    ),
  );
}
