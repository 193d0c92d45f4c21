/**
 * Word's list numbering of each paragraph, read from the file's XML in the reading thread
 * (docxRead.worker.mjs). mammoth keeps of a numbered paragraph only its level in its list and
 * whether the list is ordered: a list of subparagraphs of its own, "(a)" at its first level, was
 * taken for operative paragraphs 2., 3. …, and a paragraph numbered by its style alone (the
 * style's w:numPr) was not numbered at all. Here each paragraph Word numbers is found with its
 * list, level, format (w:numFmt), text (w:lvlText) and start, through its style when it has no
 * numbering of its own; the importer counts them as Word does (docxListNumbers.ts).
 *
 * The XML is read with bounded regular expressions (no nesting is assumed that Word does not
 * write); a file spelling the namespace otherwise than w: is left to mammoth's reading.
 *
 * Plain ESM JavaScript, as the thread that loads it.
 */

/** The name of the bookmark that ties a paragraph of mammoth's model to its numbering: the prefix and an index. */
export const LIST_MARK = 'penholder-list-';

/** An element's attributes, a quoted value read whole (">" may stand in one unescaped); the worker's rewrites use it too. */
export const ATTRS = `(?:[^>"'/]|"[^"]*"|'[^']*')*`;

/**
 * The elements `name` in `xml`, as [attributes, content], in one pass: an element left open ends the
 * search rather than have every later one look for its end again (a file can be made of such).
 */
function* elements(xml, name) {
  const open = new RegExp(`<w:${name}(\\s${ATTRS})?>`, 'g');
  const close = `</w:${name}>`;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const end = xml.indexOf(close, open.lastIndex);
    if (end < 0) return;
    yield [m[1], xml.slice(open.lastIndex, end)];
    open.lastIndex = end + close.length;
  }
}
const PARAGRAPH_OPEN = new RegExp(`<w:p(?:\\s${ATTRS})?>`, 'g');
// Word's levels are 0 to 8; styles are followed up a few steps only, a cycle or a long chain being no list.
const MAX_LEVEL = 8;
const MAX_LINKS = 10;
// The longest paragraph properties read (Word's are a few hundred characters): each paragraph's are
// read once, and a file of paragraphs whose properties do not end is not read past this at each.
const MAX_PROPERTIES = 8192;

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// The patterns of `attr` and `val`, built once per name: `val` runs for every paragraph of the body.
const patterns = new Map();
function pattern(key, source) {
  let re = patterns.get(key);
  if (!re) patterns.set(key, (re = new RegExp(source)));
  return re;
}

// The value of attribute `name` of an element's attributes.
function attr(attrs, name) {
  const m = pattern(`@${name}`, `\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs ?? '');
  return m ? decodeEntities(m[1] ?? m[2]) : undefined;
}

// The w:val of the first empty element `name` in `xml`.
function val(xml, name) {
  const m = pattern(name, `<w:${name}(\\s${ATTRS})?/?>`).exec(xml);
  return m ? attr(m[1], 'w:val') : undefined;
}

const integer = (text) => (text !== undefined && /^-?\d+$/.test(text.trim()) ? Number(text) : undefined);

// One w:lvl: its format, text, start and the paragraph style it is tied to.
function readLevel(xml) {
  return { format: val(xml, 'numFmt') ?? 'decimal', text: val(xml, 'lvlText') ?? '', start: integer(val(xml, 'start')), style: val(xml, 'pStyle') };
}

// The numbering properties in some XML (a paragraph's or a style's w:pPr); undefined where not set.
function readNumPr(xml) {
  const m = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(xml);
  return m ? { numId: val(m[1], 'numId'), level: integer(val(m[1], 'ilvl')) } : null;
}

// A w:pPr's own properties: what stands before a tracked change's former ones (w:pPrChange, last in it).
const ownProperties = (pPr) => pPr.split('<w:pPrChange')[0];

/**
 * The numbering definitions of a file: its numbering.xml and styles.xml as read here (either may be
 * missing or empty).
 */
export function readListDefinitions(numberingXml = '', stylesXml = '') {
  const abstracts = new Map();
  for (const [attrs, body] of elements(numberingXml, 'abstractNum')) {
    const levels = new Map();
    for (const [lvlAttrs, lvl] of elements(body, 'lvl')) levels.set(integer(attr(lvlAttrs, 'w:ilvl')) ?? 0, readLevel(lvl));
    abstracts.set(attr(attrs, 'w:abstractNumId'), { levels, styleLink: val(body, 'numStyleLink') });
  }
  const nums = new Map();
  for (const [attrs, body] of elements(numberingXml, 'num')) {
    const overrides = new Map();
    for (const [oAttrs, o] of elements(body, 'lvlOverride')) {
      const level = /<w:lvl[\s>]/.test(o) ? readLevel(o) : null;
      overrides.set(integer(attr(oAttrs, 'w:ilvl')) ?? 0, { start: integer(val(o, 'startOverride')), level });
    }
    nums.set(attr(attrs, 'w:numId'), { abstract: val(body, 'abstractNumId'), overrides });
  }
  const styles = new Map();
  let defaultStyle;
  for (const [attrs, body] of elements(stylesXml, 'style')) {
    const id = attr(attrs, 'w:styleId');
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body);
    styles.set(id, { basedOn: val(body, 'basedOn'), numPr: pPr ? readNumPr(ownProperties(pPr[1])) : null });
    if (attr(attrs, 'w:type') === 'paragraph' && /^(?:1|true|on)$/.test(attr(attrs, 'w:default') ?? '')) defaultStyle = id;
  }
  return { abstracts, nums, styles, defaultStyle };
}

// The numbering a style gives, its own or that of the style it is based on.
function styleNumbering(defs, styleId) {
  let id = styleId;
  for (let i = 0; id !== undefined && i < MAX_LINKS; i++) {
    const style = defs.styles.get(id);
    if (!style) return null;
    if (style.numPr?.numId !== undefined) return style.numPr;
    id = style.basedOn;
  }
  return null;
}

// The abstract numbering a num counts in, through a numbering style (w:numStyleLink) if it has one.
function abstractOf(defs, numId) {
  let id = numId;
  for (let i = 0; i < MAX_LINKS; i++) {
    const abstractId = defs.nums.get(id)?.abstract;
    const abstract = defs.abstracts.get(abstractId);
    if (!abstract) return null;
    if (abstract.styleLink === undefined) return { id: abstractId, abstract };
    id = styleNumbering(defs, abstract.styleLink)?.numId;
  }
  return null;
}

/**
 * The numbering of a paragraph with style `styleId` and numbering properties `own` (its w:numPr,
 * null when it has none), or null when Word does not number it.
 */
export function paragraphList(defs, styleId, own) {
  const style = styleId ?? defs.defaultStyle;
  const inherited = styleNumbering(defs, style);
  const numId = own?.numId ?? inherited?.numId;
  // numId 0 takes away the numbering a style gives.
  if (numId === undefined || numId === '0') return null;
  const found = abstractOf(defs, numId);
  if (!found) return null;
  // The level a style is tied to in the list (its w:pStyle), when neither the paragraph nor the style says.
  const tied = [...found.abstract.levels].find(([, l]) => l.style !== undefined && l.style === style)?.[0];
  const level = Math.min(Math.max(own?.level ?? inherited?.level ?? tied ?? 0, 0), MAX_LEVEL);
  const override = defs.nums.get(numId)?.overrides.get(level);
  const lvl = override?.level ?? found.abstract.levels.get(level);
  if (!lvl) return null;
  // The schema's default start is 0; files that leave it out are written by tools that mean 1, as mammoth's reading had it.
  const start = override?.start ?? lvl.start ?? 1;
  return { list: found.id, num: numId, level, format: lvl.format, text: lvl.text, start, restart: override?.start !== undefined };
}

/**
 * The main document's XML with a bookmark named LIST_MARK + i at the start of each paragraph Word
 * numbers, and the numbering of each (i indexes `lists`).
 */
export function markListParagraphs(xml, defs) {
  const lists = [];
  // The end of the properties last looked for, kept while paragraphs still open before it (Infinity: none is left).
  let close = -1;
  const marked = xml.replace(PARAGRAPH_OPEN, (open, offset) => {
    const from = offset + open.length;
    let styleId;
    let own = null;
    if (
      xml
        .slice(from, from + 16)
        .trimStart()
        .startsWith('<w:pPr>')
    ) {
      const start = xml.indexOf('<w:pPr>', from);
      if (close < start) close = xml.indexOf('</w:pPr>', start);
      if (close < 0) close = Number.POSITIVE_INFINITY;
      if (close - start <= MAX_PROPERTIES) {
        const pPr = ownProperties(xml.slice(start, close));
        styleId = val(pPr, 'pStyle');
        own = readNumPr(pPr);
      }
    }
    const list = paragraphList(defs, styleId, own);
    if (!list) return open;
    lists.push(list);
    const name = `${LIST_MARK}${lists.length - 1}`;
    return `${open}<w:bookmarkStart w:id="${name}" w:name="${name}"/>`;
  });
  return { xml: marked, lists };
}
