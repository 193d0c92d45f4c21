/**
 * The print view of one text of a draft — the text acted on, an issued revision or the working
 * text — in the UN layout on A4, in any of the six languages (`?lang=`): the text is that
 * language's version (the reference language's is the text itself), and the symbol block, the
 * organ, session, agenda item and sponsors are the lines the Word file prints
 * (GET /api/drafts/:id/print-view, shared/export/meta.ts). An Arabic document runs right to left
 * (`dir="rtl"`, `lang="ar"`); numbers are those the language prints ("1 -", "a)", "(أ)"). A
 * version's blocks not yet translated (paragraphs, the title, the formula, annex headings) carry
 * the note the exports print, in the document's language (shared/export/pending.ts).
 */
import { DOMSerializer, type Node as PMNode } from 'prosemirror-model';
import type { HeadingLines } from '../../shared/export/meta';
import { pendingMarker } from '../../shared/export/pending';
import { blockLanguage } from '../../shared/export/wording';
import { PRINT_CLASSES } from '../../shared/export/print';
import { openingWordsLength } from '../../shared/houseStyle';
import { isLang, LANGUAGES, languageNameIn, type Lang } from '../../shared/languages';
import { sequentialNumbering } from '../../shared/numbering';
import { printedLabel } from '../../shared/numberingLabels';
import { spokenParagraphNames } from '../../shared/paragraphNames';
import { resolutionSchema, textFromJSON } from '../../shared/schema';
import { FORMULA_ID, TITLE_ID } from '../../shared/versionBlocks';
import { api, ApiError, type DraftDetail } from '../api';
import { el } from '../dom';
import { t, uiLanguage } from '../i18n';
import { finalTextLabel } from './draftNotes';
import '../print.css';

/** What GET /api/drafts/:id/print-view answers (server/export/presenters.ts presentPrintView). */
interface PrintView {
  lang: Lang;
  dir: 'rtl' | 'ltr';
  version: boolean;
  /** Paragraphs of a version that still hold the reference language's words (carried forward, not yet updated). */
  pending: string[];
  symbol: string;
  textState: 'issued' | 'working';
  /** The symbol block and headings, worded in `lang` (shared/export/meta.ts). */
  lines: HeadingLines;
  text: unknown;
}

/**
 * Which text, as the text route names it: `final` (the text acted on), an issued revision's
 * symbol, `working`, or another text spec; by default the text acted on after final action,
 * else the latest issued text whose words are in the record, else the working text.
 */
function textSpecFor(draft: DraftDetail, which: string | null): string {
  const issued = draft.lineage.filter((r) => r.hasText && r.textInRecord !== false);
  const wanted = which ?? (draft.finalText ? 'final' : issued.length ? String(issued[issued.length - 1]!.revision) : 'working');
  if (!/^\d+$/.test(wanted)) return wanted;
  return draft.lineage.find((r) => String(r.revision) === wanted)?.symbol ?? wanted;
}

// Numbers into `data-label` as the document's language prints them (and said in words for screen
// readers, as in the editor), footnote marks replaced by their numbers, italic preambular openings.
function dress(body: HTMLElement, text: PMNode, lang: Lang): HTMLElement[] {
  const numbering = sequentialNumbering(text, { lang });
  const names = spokenParagraphNames(numbering, lang);
  for (const p of body.querySelectorAll<HTMLElement>('p[data-id]')) {
    const n = numbering.byId.get(p.dataset.id ?? '');
    if (n) p.dataset.label = printedLabel(n, lang);
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

// The element printing a block a version lists as pending: the title, the formula, an annex's
// heading (listed by the annex's id) or a paragraph. Null when the text has no such block.
function pendingBlock(body: HTMLElement, id: string): HTMLElement | null {
  if (id === TITLE_ID) return body.querySelector<HTMLElement>(':scope > .ph-title');
  if (id === FORMULA_ID) return body.querySelector<HTMLElement>(':scope > .ph-formula');
  const block = body.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
  if (block?.dataset.kind === 'annex') return block.querySelector<HTMLElement>(':scope > .ph-annex-heading');
  return block?.tagName === 'P' ? block : null;
}

// The language of the document: `?lang=` when it is one of the six, else the server's default (the reference language).
function askedLanguage(): Lang | null {
  const asked = new URLSearchParams(location.search).get('lang');
  return isLang(asked) ? asked : null;
}

// The bar above the page: back, print, and the language of the document (each language named in its own words).
function printBar(draftId: string, lang: Lang | null, back: () => void, canPrint: boolean): HTMLElement {
  const backLink = el('a', { href: `/drafts/${encodeURIComponent(draftId)}` }, t('print:back'));
  backLink.addEventListener('click', (event) => {
    event.preventDefault();
    back();
  });
  const chooser = el(
    'select',
    { id: 'print-language' },
    ...LANGUAGES.map((l) => {
      const option = el('option', { value: l, lang: l }, languageNameIn(l, l));
      option.selected = l === lang;
      return option;
    }),
  );
  if (lang === null) chooser.selectedIndex = -1;
  chooser.addEventListener('change', () => {
    const params = new URLSearchParams(location.search);
    params.set('lang', chooser.value);
    location.search = params.toString();
  });
  const print = el('button', { type: 'button', disabled: !canPrint }, t('print:print'));
  print.addEventListener('click', () => window.print());
  return el('div', { className: 'print-bar no-print' }, backLink, el('label', { htmlFor: 'print-language' }, t('print:language')), chooser, print);
}

/** Show the print view of `draftId` (`which`: "final", a revision number, "working" or another text spec; null: the text acted on, else the latest issued) in the language of `?lang=`. */
export async function showPrint(app: HTMLElement, draftId: string, which: string | null, back: () => void): Promise<void> {
  const draft = await api<DraftDetail>('GET', `/api/drafts/${draftId}`);
  const spec = textSpecFor(draft, which);
  const asked = askedLanguage();
  const query = new URLSearchParams({ text: spec, ...(asked ? { lang: asked } : {}) });
  let view: PrintView;
  try {
    view = await api<PrintView>('GET', `/api/drafts/${encodeURIComponent(draftId)}/print-view?${query}`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.id !== 'version_not_found' || !asked) throw error;
    // No version in that language: say so, in the interface's language, and offer the others.
    document.title = `${t('print:title', { label: draft.symbol })} — Penholder`;
    app.replaceChildren(
      printBar(draftId, asked, back, false),
      el('p', { className: 'print-missing', attrs: { role: 'status' } }, t('print:noVersion', { language: languageNameIn(asked, uiLanguage()) })),
    );
    return;
  }
  const text = textFromJSON(view.text);
  const acted = spec === 'final' ? finalTextLabel(draft) : null;
  document.title = `${t('print:title', { label: acted ?? view.symbol })} — Penholder`;

  const { lines, lang, dir } = view;
  const body = el('div', { className: 'print-text', lang, dir });
  body.append(DOMSerializer.fromSchema(resolutionSchema).serializeFragment(text.content));
  const notes = dress(body, text, lang);
  // A version's blocks not yet translated hold another language's words: said on the page, not
  // passed off as the version's, with the note the exports print, in the document's language.
  for (const id of view.pending) {
    const block = pendingBlock(body, id);
    if (!block) continue;
    block.classList.add('print-pending');
    block.dir = 'auto';
    block.append(el('span', { className: 'print-pending-note', lang, dir }, pendingMarker(lang)));
  }
  // The distribution block of an Arabic, Chinese or Russian document is in English, as those documents print it.
  const blockLang = blockLanguage(lang);
  const line = (words: string, extra: { className?: string; data?: string } = {}) =>
    el('p', { className: `${PRINT_CLASSES.headingLine}${extra.className ? ` ${extra.className}` : ''}`, attrs: extra.data ? { 'data-line': extra.data } : {} }, words);
  const published = lines.published
    ? [
        lines.published.number ? el('p', { className: PRINT_CLASSES.published }, lines.published.number) : null,
        el('p', { className: PRINT_CLASSES.proponent }, lines.published.adopted),
      ]
    : [el('p', { className: PRINT_CLASSES.proponent }, lines.proponent)];

  app.replaceChildren(
    printBar(draftId, lang, back, true),
    el(
      'article',
      { className: 'print-page', lang, dir },
      el('p', { className: `${PRINT_CLASSES.headingLine} print-masthead` }, lines.masthead),
      el(
        'div',
        { className: PRINT_CLASSES.symbolBlock },
        el('p', { className: `${PRINT_CLASSES.headingLine} ${PRINT_CLASSES.symbol}`, dir: 'ltr' }, lines.symbol),
        el(
          'div',
          { lang: blockLang, dir: blockLang === lang ? dir : 'ltr' },
          line(lines.distribution, { data: 'distribution' }),
          line(lines.date, { data: 'date' }),
          lines.version ? line(lines.version, { data: 'version' }) : null,
          // The same words as the Word export: "Original: not in the record" when a provenance note says so.
          line(lines.original, { data: 'original' }),
        ),
        lines.amended ? line(lines.amended, { data: 'amended' }) : null,
      ),
      // A name the record gives only in another language is printed in it, in brackets: it runs its own way.
      el('p', { className: `${PRINT_CLASSES.headingLine} print-organ`, dir: 'auto' }, lines.organ),
      line(lines.session),
      line(lines.place),
      line(lines.agendaItem),
      ...published,
      acted ? el('p', { className: `${PRINT_CLASSES.headingLine} print-text-acted no-print`, lang: uiLanguage(), attrs: { 'data-text': 'final' } }, acted) : null,
      body,
      notes.length ? el('ol', { className: PRINT_CLASSES.footnotes, lang, dir }, ...notes) : null,
    ),
  );
}
