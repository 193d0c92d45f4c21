/**
 * The rows of a comparison as HTML: inline (one column, insertions underlined, deletions
 * struck) or side by side (the older text left, the newer right, each row one line of a grid so
 * that aligned paragraphs sit level and scroll together). Color is never the only mark: `<ins>`
 * is underlined and `<del>` struck, in print too. Side by side, each cell begins with the name of
 * its text ("L.9: "), hidden on a wide screen where the column headings say it, shown when the
 * cells stack (compare.css); the texts carry the draft's language, the headings the interface's.
 */
import { FOOTNOTE_CLOSE, FOOTNOTE_OPEN, renumberedUnprinted, type ComparedParagraph, type ComparisonStatus, type Segment } from '../../shared/compare';
import { el } from '../dom';
import { isRightToLeft, langOf } from '../../shared/languages';
import { t, uiLanguage } from '../i18n';
import type { CompareMode } from './model';

/** How each status reads in the view, in the interface's language. */
export const statusWords = (status: ComparisonStatus): string => t(`compare:status.${status}`);

// Footnotes ride inline in a compared text, between markers; shown as a bracketed note.
const readable = (text: string) => text.split(FOOTNOTE_OPEN).join(t('compare:noteOpen')).split(FOOTNOTE_CLOSE).join(t('compare:noteClose'));

function piece(op: Segment['op'], text: string): Node {
  if (op === 'insert') return el('ins', {}, readable(text));
  if (op === 'delete') return el('del', {}, readable(text));
  return document.createTextNode(readable(text));
}

function number(row: ComparedParagraph, side: 'left' | 'right' | 'both'): Node[] {
  const before = row.left?.label ?? '';
  const after = row.right?.label ?? '';
  const wrap = (...n: Node[]) => [el('span', { className: 'cmp-num' }, ...n)];
  if (side === 'left') return before ? wrap(piece(row.status === 'deleted' || before !== after ? 'delete' : 'equal', before)) : [];
  if (side === 'right') return after ? wrap(piece(row.status === 'inserted' || before !== after ? 'insert' : 'equal', after)) : [];
  if (before === after) return before ? wrap(piece(row.status === 'deleted' ? 'delete' : row.status === 'inserted' ? 'insert' : 'equal', after)) : [];
  return wrap(...(before ? [piece('delete', before)] : []), ...(before && after ? [document.createTextNode(' ')] : []), ...(after ? [piece('insert', after)] : []));
}

// The words of one side (or both, inline) with the changes marked.
function words(row: ComparedParagraph, side: 'left' | 'right' | 'both'): Node[] {
  if (row.status === 'inserted') return side === 'left' ? [] : [piece('insert', row.right?.text ?? '')];
  if (row.status === 'deleted') return side === 'right' ? [] : [piece('delete', row.left?.text ?? '')];
  if (!row.segments) return [piece('equal', (row.right ?? row.left)?.text ?? '')];
  return row.segments.filter((s) => (side === 'left' ? s.op !== 'insert' : side === 'right' ? s.op !== 'delete' : true)).map((s) => piece(s.op, s.text));
}

/** What a row is shown with: the names of the two texts, and the language they are written in. */
export interface RowContext {
  names: { left: string; right: string };
  lang: string;
}

function text(row: ComparedParagraph, side: 'left' | 'right' | 'both', className: string, context: RowContext): HTMLElement {
  const kind = (side === 'left' ? row.left?.kind : row.right?.kind) ?? row.kind;
  const name = side === 'both' ? null : el('span', { className: 'cmp-side-name', lang: uiLanguage() }, t('compare:sideName', { name: context.names[side] }));
  return el('p', { className: `${className} cmp-kind-${kind}`, lang: context.lang, dir: textDirection(context.lang) }, name, ...number(row, side), ...words(row, side));
}

/** The direction of a text in `lang` (a tag): an Arabic text reads from right to left whatever the interface's language. */
export function textDirection(lang: string): 'rtl' | 'ltr' {
  const known = langOf(lang);
  return known && isRightToLeft(known) ? 'rtl' : 'ltr';
}

/** One row: its heading for the chair ("OP 6 → OP 7", its status) and its text. */
export function rowElement(row: ComparedParagraph, index: number, mode: CompareMode, context: RowContext): HTMLElement {
  const head = el(
    'div',
    { className: 'cmp-ref' },
    el('span', { className: 'cmp-label' }, row.label),
    ' ',
    row.status === 'unchanged' ? '' : el('span', { className: 'cmp-status' }, statusWords(row.status)),
  );
  const body =
    mode === 'inline'
      ? text(row, 'both', 'cmp-text', context)
      : el('div', { className: 'cmp-cells' }, text(row, 'left', 'cmp-text cmp-left', context), text(row, 'right', 'cmp-text cmp-right', context));
  return el(
    'div',
    {
      className: 'cmp-row',
      id: `cmp-row-${index}`,
      tabIndex: -1,
      // A renumbering nothing printed shows reads as unchanged until the reader asks to see renumbering (compare.css).
      attrs: { 'data-status': row.status, 'data-index': String(index), ...(renumberedUnprinted(row) ? { 'data-renumbering': 'unprinted' } : {}) },
    },
    head,
    body,
  );
}

/** All rows, with column headings in side-by-side mode; `lang` is the language of the texts. */
export function rowsElement(rows: readonly ComparedParagraph[], mode: CompareMode, names: { left: string; right: string }, lang = 'en'): HTMLElement {
  const columns = mode === 'side' ? el('div', { className: 'cmp-columns', attrs: { 'aria-hidden': 'true' } }, el('span', {}, names.left), el('span', {}, names.right)) : null;
  return el(
    'div',
    { className: `cmp-rows cmp-mode-${mode}`, attrs: { role: 'region', 'aria-label': t('compare:comparedText') } },
    columns,
    ...rows.map((r, i) => rowElement(r, i, mode, { names, lang })),
  );
}
