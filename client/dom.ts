/** A small element helper: the app builds its DOM by hand, without a framework. */
import { formatMoment } from '../shared/dates';
import { textPreferring, type Lang, type LocalizedText } from '../shared/languages';
import { uiLanguage } from './i18n';

/** Create an element with properties (className, textContent, …), attributes under `attrs`, and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Omit<HTMLElementTagNameMap[K], 'style'>> & { attrs?: Record<string, string> } = {},
  ...children: (Node | string | null | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  const { attrs, ...rest } = props as { attrs?: Record<string, string> } & Record<string, unknown>;
  Object.assign(node, rest);
  for (const [name, value] of Object.entries(attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== false) node.append(child);
  return node;
}

/**
 * A date or a time as Penholder shows it everywhere, in the interface's language unless told:
 * "21 October 2022", "21 October 2022, 14:05" (in the reader's time zone), "2022年10月21日",
 * "21 octobre 2022" … (shared/dates.ts). Never a raw ISO string; an empty value shows nothing.
 */
export function formatWhen(value: string | null | undefined, lang: Lang = uiLanguage()): string {
  return value ? formatMoment(value, lang) : '';
}

/**
 * A text given in some of the six languages (a title, a delegation's name, a status), in the
 * interface's language when given, else in `fallbacks`, else in any: a `<span>` that carries the
 * `lang` (and `dir="auto"`) of the words it holds when they are not the interface's, so that they
 * are read and laid out in their own language (WCAG 3.1.2). Empty when no language is given.
 */
export function localized(text: LocalizedText | null | undefined, fallbacks: readonly Lang[] = ['en'], props: { className?: string } = {}): HTMLSpanElement {
  const ui = uiLanguage();
  const found = textPreferring(text, ui, fallbacks);
  const span = el('span', props, found?.text ?? '');
  if (found && found.lang !== ui) {
    span.lang = found.lang;
    span.dir = 'auto';
  }
  return span;
}

/** The same text as a plain string (for `aria-label`, `title`, a sentence around it): in the interface's language when given. */
export function localizedString(text: LocalizedText | null | undefined, fallbacks: readonly Lang[] = ['en']): string {
  return textPreferring(text, uiLanguage(), fallbacks)?.text ?? '';
}
