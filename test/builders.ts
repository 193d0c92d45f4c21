/**
 * Tiny builders for resolution texts, in the spirit of prosemirror-test-builder:
 *
 *   doc(title('T'), formula('The Conference,'), pp(em('Recalling'), ' …'), op('Decides', fn('note')),
 *       sub('…'), sub2('…'), annex(heading('Recommendations'), plain('…'), sub('…')))
 *
 * Ids are given deterministically by `doc()`, in document order, to every paragraph, annex and
 * footnote built without one: paragraphs p1, p2 …, annexes a1, a2 …, footnotes f1, f2 …, skipping
 * ids given explicitly (`op({ id: 'x' }, 'text')`). A node built outside `doc()` has the id ''
 * until it is placed in a doc. `doc()` checks the result against the schema and throws a
 * RangeError when it does not fit, so malformed shapes can be tested with the builders too.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { resolutionSchema as schema, type TextJSON } from '../shared/schema';

/** Attributes a builder may be given as its first argument. */
export interface BuilderAttrs {
  id?: string;
  level?: 1 | 2;
}

/** What a builder takes: text, inline nodes (`em`, `fn`), child nodes; attributes first. */
export type BuilderArg = BuilderAttrs | string | PMNode;

// Nodes built without an id, which doc() numbers.
const needsId = new WeakSet<PMNode>();

function isNode(arg: BuilderArg): arg is PMNode {
  return typeof arg === 'object' && arg !== null && 'nodeSize' in arg;
}

function build(type: string, args: BuilderArg[], defaults: BuilderAttrs = {}): PMNode {
  let attrs: BuilderAttrs = { ...defaults };
  let rest = args;
  if (args.length > 0 && typeof args[0] === 'object' && !isNode(args[0]!)) {
    attrs = { ...attrs, ...(args[0] as BuilderAttrs) };
    rest = args.slice(1);
  }
  const content = rest
    .filter((arg) => arg !== '')
    .map((arg) => {
      if (typeof arg === 'string') return schema.text(arg);
      if (isNode(arg)) return arg;
      throw new TypeError(`Attributes must come first in ${type}()`);
    });
  const nodeType = schema.nodes[type]!;
  const hasId = 'id' in (nodeType.spec.attrs ?? {});
  const node = nodeType.create(hasId ? { ...attrs, id: attrs.id ?? '' } : attrs, content);
  if (hasId && attrs.id === undefined) needsId.add(node);
  return node;
}

/** A whole text; gives ids to the nodes built without one and checks it against the schema. */
export function doc(...children: PMNode[]): PMNode {
  const taken = new Set<string>();
  const collect = (node: PMNode) => {
    if (typeof node.attrs.id === 'string' && !needsId.has(node)) taken.add(node.attrs.id);
    node.forEach(collect);
  };
  children.forEach(collect);
  const counters: Record<string, number> = { p: 0, a: 0, f: 0 };
  const fresh = (prefix: string) => {
    let id: string;
    do id = `${prefix}${++counters[prefix]!}`;
    while (taken.has(id));
    return id;
  };
  // The id is drawn before the children's, so ids follow document order.
  const withIds = (node: PMNode): PMNode => {
    if (node.isText) return node;
    const prefix = node.type.name === 'annex' ? 'a' : node.type.name === 'footnote' ? 'f' : 'p';
    const attrs = needsId.has(node) ? { ...node.attrs, id: fresh(prefix) } : node.attrs;
    const content: PMNode[] = [];
    node.forEach((child) => content.push(withIds(child)));
    return node.type.create(attrs, content, node.marks);
  };
  const result = schema.nodes.doc!.create(null, children.map(withIds));
  result.check();
  return result;
}

/** The title of the text. */
export const title = (...args: BuilderArg[]) => build('title', args);
/** The opening formula: "The Conference of the Parties …,". */
export const formula = (...args: BuilderArg[]) => build('formula', args);
/** A preambular paragraph. */
export const pp = (...args: BuilderArg[]) => build('preambular', args);
/** An operative paragraph. */
export const op = (...args: BuilderArg[]) => build('operative', args);
/** A level-1 subparagraph, (a); `sub({ level: 2 }, …)` is the same as `sub2(…)`. */
export const sub = (...args: BuilderArg[]) => build('subparagraph', args, { level: 1 });
/** A level-2 subparagraph, (i). */
export const sub2 = (...args: BuilderArg[]) => build('subparagraph', args, { level: 2 });
/** An unnumbered paragraph (a chapeau, a heading inside an annex, a quoted passage). */
export const plain = (...args: BuilderArg[]) => build('plain', args);
/** An annex: its heading, then its paragraphs. */
export const annex = (...args: BuilderArg[]) => build('annex', args);
/** The heading of an annex. */
export const heading = (...args: BuilderArg[]) => build('annexHeading', args);
/** A footnote (an inline atom holding the note's text). */
export const fn = (...args: BuilderArg[]) => build('footnote', args);
/** Italic text, as preambular openings are set. */
export const em = (text: string) => schema.text(text, [schema.marks.em!.create()]);
/** Bold text. */
export const strong = (text: string) => schema.text(text, [schema.marks.strong!.create()]);

/** A text's JSON with every id blanked, to compare texts whose ids were drawn at random (an import). */
export function withoutIds(text: PMNode | TextJSON): TextJSON {
  const json = 'toJSON' in text && typeof text.toJSON === 'function' ? text.toJSON() : text;
  const strip = (node: any): any => ({
    ...node,
    ...(node.attrs && 'id' in node.attrs ? { attrs: { ...node.attrs, id: '' } } : {}),
    ...(node.content ? { content: node.content.map(strip) } : {}),
  });
  return strip(json);
}

/** Example texts for invariant checks, one per shape the schema allows. */
export const examples: Readonly<Record<string, PMNode>> = {
  'title only': doc(title('Provisional agenda')),
  'single operative paragraph': doc(title('Provisional agenda of the twelfth session'), formula('The Conference of the Parties'), op('Approves the provisional agenda.')),
  'lettered paragraphs only': doc(
    title('Organization of work'),
    formula('The Conference of the Parties,'),
    sub('(a) Decides …;'),
    sub('(b) Requests …;'),
    sub('(c) Requests the secretariat …'),
  ),
  resolution: doc(
    title('Countering trafficking in cultural property'),
    formula('The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,'),
    pp(em('Recalling'), ' its resolution 10/7', fn('CTOC/COP/2020/10, sect. I.A.'), ','),
    pp(em('Noting with concern'), ' …,'),
    op('Urges all States …;'),
    op('Invites States parties …;'),
    op('Recommends that States …;'),
    op('Calls upon States parties, as appropriate:'),
    sub('To use …;'),
    sub('To assess …:'),
    sub2('risks …;'),
    sub2('needs …;'),
    sub('To strengthen …;'),
    sub('To cooperate …;'),
    sub('To include …;'),
    op('Requests the Secretariat to report', fn('See A/77/1.'), ' to the Conference at its twelfth session.'),
  ),
  'two annexes': doc(
    title('Implementation of the provisions on international cooperation'),
    formula('The Conference of the Parties,'),
    op('Endorses the recommendations', fn('CTOC/COP/WG.3/2021/3.'), ' contained in annex I;'),
    op('Also endorses the recommendations contained in annex II.'),
    annex(
      heading('Recommendations of the twelfth meeting'),
      plain('Joint investigative bodies'),
      sub('States parties are encouraged …', fn('Para. 2.')),
      sub('…'),
      plain('Other matters'),
      sub('…'),
    ),
    annex(heading('Recommendations of the thirteenth meeting'), op('…'), op('…'), sub('…')),
  ),
  'one annex': doc(
    title('Preventing and combating crimes that affect the environment'),
    pp('Recalling …,'),
    op('Endorses the recommendations contained in the annex.'),
    annex(heading('Recommendations'), plain('…'), sub('…'), sub('…')),
  ),
};
