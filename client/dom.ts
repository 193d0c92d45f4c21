/** A small element helper: the app builds its DOM by hand, without a framework. */
import { formatMoment, type DateLanguage } from '../shared/dates';

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
 * A date or a time as Penholder shows it everywhere: "21 October 2022", "21 October 2022, 14:05"
 * (in the reader's time zone), or in Chinese "2022年10月21日" (shared/dates.ts). Never a raw ISO
 * string; an empty value shows nothing.
 */
export function formatWhen(value: string | null | undefined, lang: DateLanguage = 'en'): string {
  return value ? formatMoment(value, lang) : '';
}
