/**
 * Akoma Ntoso 3.0 of a text, in the shape of AKN4UN: a `statement` named resolution or decision
 * (a draft by its FRBR subtype), `meta` (aknMeta.ts), a `preface` with docNumber, docTitle,
 * docProponent, docStatus and session (and, for the adopted text, its number and the line of
 * its adoption; "As orally amended" for a text amended at the meeting), a `preamble` with the formula and the preambular
 * paragraphs, a `mainBody` of numbered paragraphs (a single operative paragraph has no `num`)
 * with their subparagraphs nested, `attachments` for annexes, footnotes as `authorialNote`.
 * Pure: a string out, valid against the OASIS schema (the tests check with xmllint).
 */
import { formatCalendarDate } from '../dates';
import type { Node as PMNode } from 'prosemirror-model';
import { sortByEnglishName } from '../reportNames';
import type { TextJSON } from '../schema';
import { readBlocks, type Block, type BlockOptions, type Inline } from './blocks';
import { el, serialise, type XmlElement, type XmlNode } from './aknXml';
import { frbrIris, identification, recordMeta, slug, type AknRecord } from './aknMeta';
import { draftNoun, headingLines, isRevisionSymbol, sessionLabel, type ExportMeta } from './meta';

export type { AknRecord, RecordedEvent } from './aknMeta';

/** The Akoma Ntoso namespace. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

type ParagraphBlock = Extract<Block, { role: 'paragraph' }>;

function inlineNodes(inlines: readonly Inline[], notes: { count: number }): XmlNode[] {
  return inlines.map((i) => {
    if (i.type === 'footnote') {
      notes.count++;
      return el('authorialNote', { marker: String(i.number), placement: 'bottom', eId: `fnt_${i.number}` }, el('p', {}, i.text));
    }
    let node: XmlNode = i.text;
    if (i.em) node = el('i', {}, node);
    if (i.strong) node = el('b', {}, node);
    return node;
  });
}

// Builds the hierarchy of one part (body or annex): operative paragraphs holding their lettered
// subparagraphs, which hold their roman ones, as the flat schema's outline says.
class Part {
  private readonly out: XmlElement[] = [];
  private op: { el: XmlElement; prefix: string } | null = null;
  private sub: { el: XmlElement; prefix: string } | null = null;
  private plain = 0;
  private readonly used = new Set<string>();

  constructor(
    private readonly prefix: string,
    private readonly notes: { count: number },
  ) {}

  private eId(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }

  add(b: ParagraphBlock, guids: Set<string>): void {
    const p = el('p', {}, ...inlineNodes(b.inlines, this.notes));
    const num = b.label ? el('num', {}, b.label) : null;
    const guid = b.id && !guids.has(b.id) ? (guids.add(b.id), b.id) : undefined;
    const token = b.number ? slug(b.number.replace(/[()]/g, '')) : '1';
    if (b.kind === 'operative') {
      const eId = this.eId(`${this.prefix}para_${token}`);
      const node = el('paragraph', { eId, GUID: guid }, num, el('content', {}, p));
      this.out.push(node);
      this.op = { el: node, prefix: eId };
      this.sub = null;
    } else if (b.kind === 'subparagraph') {
      const parent = b.level === 2 && this.sub ? this.sub : this.op;
      const eId = this.eId(`${parent ? `${parent.prefix}__` : this.prefix}subpara_${token}`);
      const node = el('subparagraph', { eId, GUID: guid }, num, el('content', {}, p));
      if (parent) nest(parent.el, node);
      else this.out.push(node);
      if (b.level === 1 || !this.sub) this.sub = { el: node, prefix: eId };
    } else {
      // Preambular paragraphs after the first operative one, and plain ones (chapeaux, headings).
      const name = b.kind === 'preambular' ? 'preambularParagraph' : 'unnumberedParagraph';
      this.out.push(el('hcontainer', { eId: this.eId(`${this.prefix}hcontainer_${++this.plain}`), name, GUID: guid }, el('content', {}, p)));
      this.op = this.sub = null;
    }
  }

  elements(): XmlElement[] {
    return this.out.length > 0 ? this.out : [el('p', {})];
  }
}

// A paragraph that receives subparagraphs turns its content into the `intro` before them.
function nest(parent: XmlElement, child: XmlElement): void {
  const content = parent.children.findIndex((c) => typeof c !== 'string' && c.name === 'content');
  if (content >= 0) (parent.children[content] as XmlElement).name = 'intro';
  parent.children.push(child);
}

function preface(meta: ExportMeta, title: Inline[], notes: { count: number }): XmlElement {
  const lines = headingLines(meta);
  const lang = meta.lang;
  const revised = isRevisionSymbol(meta.symbol);
  let proponent: XmlNode[];
  if (meta.submittedBy) {
    const officer = el('docProponent', { refersTo: '#submitter' }, meta.submittedBy[lang]);
    const noun = draftNoun(meta.kind, lang, revised);
    proponent = lang === 'zh' ? [officer, `提交的${noun}`] : [`${noun.charAt(0).toUpperCase()}${noun.slice(1)} submitted by the `, officer];
  } else {
    const sorted = sortByEnglishName(meta.sponsors);
    proponent = [];
    sorted.forEach((s, i) => {
      if (i > 0) proponent.push(i === sorted.length - 1 ? (lang === 'zh' ? '和' : ' and ') : lang === 'zh' ? '、' : ', ');
      const name = s.onBehalfOf?.[lang] ? (lang === 'zh' ? `${s.name.zh}（${s.onBehalfOf.zh}）` : `${s.name.en} (${s.onBehalfOf.en})`) : s.name[lang];
      proponent.push(el('docProponent', { refersTo: `#delegation-${slug(s.code)}`, as: s.main ? '#mainSponsor' : '#sponsor' }, name));
    });
    const noun = draftNoun(meta.kind, lang, revised);
    proponent.push(sorted.length ? (lang === 'zh' ? `：${noun}` : `: ${noun}`) : noun);
  }
  return el(
    'preface',
    {},
    el('p', { class: 'symbol' }, el('docNumber', {}, meta.symbol)),
    el('p', { class: 'distribution' }, el('docStatus', {}, lines.distribution)),
    el('p', { class: 'date' }, el('docDate', { date: meta.date }, formatCalendarDate(meta.date, lang))),
    el('p', { class: 'original' }, lines.original),
    lines.amended ? el('p', { class: 'asOrallyAmended' }, lines.amended) : null,
    el('p', { class: 'organ' }, el('docAuthority', { refersTo: `#${frbrIris(meta).author}` }, lines.organ)),
    el('p', { class: 'session' }, el('session', { value: String(meta.session.number) }, sessionLabel(meta.session.number, lang))),
    el('p', { class: 'place' }, lines.place),
    el('p', { class: 'agendaItem' }, lines.agendaItem),
    el('p', { class: 'proponent' }, ...proponent),
    lines.published?.number ? el('p', { class: 'publishedAs' }, lines.published.number) : null,
    lines.published ? el('p', { class: 'adoption' }, lines.published.adopted) : null,
    el('p', { class: 'title' }, el('docTitle', {}, ...inlineNodes(title, notes))),
  );
}

/** Options of `exportAkn`: which numbers to print (sequential by default). */
export type AknOptions = BlockOptions;

/** The Akoma Ntoso XML of a text with its metadata and record. */
export function exportAkn(text: PMNode | TextJSON, meta: ExportMeta, record: AknRecord = { events: [] }, options: AknOptions = {}): string {
  const { blocks } = readBlocks(text, options);
  const notes = { count: 0 };
  const guids = new Set<string>();
  const title = blocks.find((b) => b.role === 'title')?.inlines ?? [];
  const formula = blocks.find((b) => b.role === 'formula');
  const preambleItems: XmlElement[] = [];
  if (formula) preambleItems.push(el('formula', { name: 'enactingFormula' }, el('p', {}, ...inlineNodes(formula.inlines, notes))));
  const body = new Part('', notes);
  const annexes: { block: Extract<Block, { role: 'annex' }>; heading: Inline[]; part: Part }[] = [];
  let inPreamble = true;
  let pp = 0;
  for (const b of blocks) {
    if (b.role === 'annex') annexes.push({ block: b, heading: [], part: new Part(`annex_${b.index + 1}__`, notes) });
    else if (b.role === 'annexHeading') annexes[annexes.length - 1]!.heading = b.inlines;
    else if (b.role !== 'paragraph') continue;
    else if (b.annex !== null) annexes[annexes.length - 1]!.part.add(b, guids);
    else if (inPreamble && b.kind === 'preambular') {
      const guid = b.id && !guids.has(b.id) ? (guids.add(b.id), b.id) : undefined;
      preambleItems.push(el('container', { name: 'preambularParagraph', eId: `preamble__container_${++pp}`, GUID: guid }, el('p', {}, ...inlineNodes(b.inlines, notes))));
    } else {
      inPreamble = false;
      body.add(b, guids);
    }
  }
  const attachments = annexes.map(({ block, heading, part }) =>
    el(
      'attachment',
      {},
      el(
        'doc',
        { name: 'annex' },
        el('meta', {}, identification(meta, `annex_${block.index + 1}`)),
        el(
          'preface',
          {},
          el('p', { class: 'annexLabel' }, el('docNumber', {}, block.label)),
          el('p', { class: 'annexHeading' }, el('docTitle', {}, ...inlineNodes(heading, notes))),
        ),
        el('mainBody', {}, ...part.elements()),
      ),
    ),
  );
  const statement = el(
    'statement',
    { name: meta.kind, contains: 'originalVersion' },
    el('meta', {}, identification(meta), ...recordMeta(meta, record)),
    preface(meta, title, notes),
    preambleItems.length ? el('preamble', {}, ...preambleItems) : null,
    el('mainBody', {}, ...body.elements()),
    attachments.length ? el('attachments', {}, ...attachments) : null,
  );
  const root = el('akomaNtoso', { xmlns: AKN_NAMESPACE }, statement);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(root)}\n`;
}
