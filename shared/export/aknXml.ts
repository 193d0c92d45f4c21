/**
 * Just enough XML writing for the Akoma Ntoso export: elements as values, escaped once when
 * serialised. Pure (no DOM), so the same code runs in the browser and on the server.
 */
import { XML_INVALID } from './printable';

/** An element: name, attributes (undefined ones left out), children (strings are text). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string | number | undefined>;
  children: XmlNode[];
}

/** A node of the tree: an element or text. */
export type XmlNode = XmlElement | string;

/** Build an element; `el('p', { class: 'x' }, 'text', el('i', {}, 'more'))`. */
export function el(name: string, attrs: XmlElement['attrs'] = {}, ...children: (XmlNode | null | undefined | false)[]): XmlElement {
  return { name, attrs, children: children.filter((c): c is XmlNode => c !== null && c !== undefined && c !== false) };
}

/** Escape text for element content or a double-quoted attribute; drops characters XML cannot carry (printable.ts). */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Serialise with two-space indentation for elements that hold only elements; elements with
 * text keep their content on one line, since whitespace there is part of the text.
 */
export function serialise(node: XmlNode, depth = 0, inline = false): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (node.children.length === 0) return `<${node.name}${attrs}/>`;
  if (inline || node.children.some((c) => typeof c === 'string')) {
    return `<${node.name}${attrs}>${node.children.map((c) => serialise(c, 0, true)).join('')}</${node.name}>`;
  }
  const pad = '  '.repeat(depth + 1);
  const inner = node.children.map((c) => `\n${pad}${serialise(c, depth + 1)}`).join('');
  return `<${node.name}${attrs}>${inner}\n${'  '.repeat(depth)}</${node.name}>`;
}
