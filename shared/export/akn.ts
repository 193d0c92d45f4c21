/**
 * Akoma Ntoso 3.0 of a text, in the shape of AKN4UN: a `statement` named resolution or decision
 * (a draft by its FRBR subtype), `meta` (aknMeta.ts), a `preface` with docNumber, docTitle,
 * docProponent, docStatus and session (and, for the adopted text, its number and the line of
 * its adoption; "As orally amended" for a text amended at the meeting), a `preamble` with the formula and the preambular
 * paragraphs, a `mainBody` of numbered paragraphs (a single operative paragraph has no `num`)
 * with their subparagraphs nested, `attachments` for annexes, footnotes as `authorialNote`.
 * A language version says its language (`xml:lang`, FRBRlanguage in ISO 639-2) and what it
 * translates (FRBRtranslation, aknMeta.ts); the preface is worded in its language (meta.ts).
 * A block of a version that still holds the reference language's words (pending.ts) is marked for
 * machines and readers alike: `class="notYetTranslated"` on its element (the paragraph, the
 * preamble's container, the formula, the preface line of the title or annex heading), the
 * reference language's `xml:lang` on its words, and the note in the document's language in a
 * `remark` after them.
 * Pure: a string out, valid against the OASIS schema (the tests check with xmllint).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { langOf, textPreferring, type Lang } from '../languages';
import { formatSponsorName, joinList, sortByEnglishName } from '../reportNames';
import type { TextJSON } from '../schema';
import { readBlocks, type Block, type BlockOptions, type Inline } from './blocks';
import { el, serialise, type XmlElement, type XmlNode } from './aknXml';
import { frbrIris, identification, recordMeta, slug, type AknRecord } from './aknMeta';
import { draftNoun, headingLines, isRevisionSymbol, proponentLine, type ExportMeta } from './meta';
import { PENDING_CLASS, pendingMarker } from './pending';
import { proponentColon } from './wording';

export type { AknRecord, RecordedEvent } from './aknMeta';

/** The Akoma Ntoso namespace. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

type ParagraphBlock = Extract<Block, { role: 'paragraph' }>;

/** The languages a version's blocks not yet translated are marked with: the document's (the note's) and the reference's (the words'). */
interface Languages {
  lang: Lang;
  reference: string | undefined;
}

function languagesOf(meta: ExportMeta): Languages {
  return { lang: meta.lang, reference: langOf(meta.originalLanguage) ?? undefined };
}

// The class of an element whose words are not yet translated, after any class of its own.
function pendingClass(pending: boolean, own?: string): string | undefined {
  return pending ? (own ? `${own} ${PENDING_CLASS}` : PENDING_CLASS) : own;
}

// The note after words not yet translated, in the document's language.
function pendingRemark(langs: Languages): XmlElement {
  return el('remark', { 'xml:lang': langs.lang }, pendingMarker(langs.lang));
}

// A block's words in an element (`p`, `docTitle`): when not yet translated, in the reference
// language, followed by the note — inside a `p`, after a `docTitle` (which holds only the title).
function words(name: 'p' | 'docTitle', inlines: readonly Inline[], notes: { count: number }, pending: boolean, langs: Languages): XmlNode[] {
  const nodes = inlineNodes(inlines, notes);
  if (!pending) return [el(name, {}, ...nodes)];
  if (name === 'p') return [el('p', { 'xml:lang': langs.reference }, ...nodes, pendingRemark(langs))];
  return [el(name, { 'xml:lang': langs.reference }, ...nodes), pendingRemark(langs)];
}

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
    private readonly langs: Languages,
  ) {}

  private eId(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }

  add(b: ParagraphBlock, guids: Set<string>): void {
    const [p] = words('p', b.inlines, this.notes, b.pending, this.langs);
    const num = b.label ? el('num', {}, b.label) : null;
    const guid = b.id && !guids.has(b.id) ? (guids.add(b.id), b.id) : undefined;
    const kind = pendingClass(b.pending);
    const token = b.number ? slug(b.number.replace(/[()]/g, '')) : '1';
    if (b.kind === 'operative') {
      const eId = this.eId(`${this.prefix}para_${token}`);
      const node = el('paragraph', { eId, GUID: guid, class: kind }, num, el('content', {}, p));
      this.out.push(node);
      this.op = { el: node, prefix: eId };
      this.sub = null;
    } else if (b.kind === 'subparagraph') {
      const parent = b.level === 2 && this.sub ? this.sub : this.op;
      const eId = this.eId(`${parent ? `${parent.prefix}__` : this.prefix}subpara_${token}`);
      const node = el('subparagraph', { eId, GUID: guid, class: kind }, num, el('content', {}, p));
      if (parent) nest(parent.el, node);
      else this.out.push(node);
      // Only a level-1 subparagraph takes level-2 ones under it: (i), (ii) straight under an
      // operative paragraph, with no letter above them, are siblings, not (ii) inside (i).
      if (b.level === 1) this.sub = { el: node, prefix: eId };
    } else {
      // Preambular paragraphs after the first operative one, and plain ones (chapeaux, headings).
      const name = b.kind === 'preambular' ? 'preambularParagraph' : 'unnumberedParagraph';
      this.out.push(el('hcontainer', { eId: this.eId(`${this.prefix}hcontainer_${++this.plain}`), name, GUID: guid, class: kind }, el('content', {}, p)));
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

// A character no name holds (Unicode private use), to find the names again in the joined list.
const MARK = '\uE000';

// The proponent line with each sponsor (or the officer) marked as a docProponent: the words
// around them are proponentLine's (meta.ts), so AKN reads as Word and plain text do.
function proponentNodes(meta: ExportMeta): XmlNode[] {
  const { lang } = meta;
  const line = proponentLine(meta);
  if (meta.submittedBy) {
    const officer = textPreferring(meta.submittedBy, lang)?.text ?? '';
    const at = officer ? line.indexOf(officer) : -1;
    if (at < 0) return [el('docProponent', { refersTo: '#submitter' }, line)];
    return [line.slice(0, at), el('docProponent', { refersTo: '#submitter' }, officer), line.slice(at + officer.length)].filter((n) => n !== '');
  }
  const sorted = sortByEnglishName(meta.sponsors);
  if (sorted.length === 0) return [line];
  // Join markers instead of the names, so the separators are the list's own ("、", " and ", " y ", " و").
  const marker = (i: number) => `${MARK}${i}${MARK}`;
  const joined = joinList(
    sorted.map((_, i) => marker(i)),
    lang,
  );
  const out: XmlNode[] = [];
  for (const piece of joined.split(MARK)) {
    if (piece === '') continue;
    const i = /^\d+$/.test(piece) ? Number(piece) : -1;
    const s = sorted[i];
    if (s) out.push(el('docProponent', { refersTo: `#delegation-${slug(s.code)}`, as: s.main ? '#mainSponsor' : '#sponsor' }, formatSponsorName(s, lang)));
    else out.push(piece);
  }
  const noun = draftNoun(meta.kind, lang, isRevisionSymbol(meta.symbol));
  out.push(`${proponentColon(lang)}${noun}`);
  return out;
}

function preface(meta: ExportMeta, title: Extract<Block, { role: 'title' }> | undefined, notes: { count: number }): XmlElement {
  const lines = headingLines(meta);
  return el(
    'preface',
    { 'xml:lang': meta.lang },
    el('p', { class: 'symbol' }, el('docNumber', {}, meta.symbol)),
    el('p', { class: 'distribution' }, el('docStatus', {}, lines.distribution)),
    el('p', { class: 'date' }, el('docDate', { date: meta.date }, lines.date)),
    lines.version ? el('p', { class: 'version' }, lines.version) : null,
    el('p', { class: 'original' }, lines.original),
    lines.amended ? el('p', { class: 'asOrallyAmended' }, lines.amended) : null,
    el('p', { class: 'organ' }, el('docAuthority', { refersTo: `#${frbrIris(meta).author}` }, lines.organ)),
    el('p', { class: 'session' }, el('session', { value: String(meta.session.number) }, lines.session)),
    el('p', { class: 'place' }, lines.place),
    el('p', { class: 'agendaItem' }, lines.agendaItem),
    el('p', { class: 'proponent' }, ...proponentNodes(meta)),
    lines.published?.number ? el('p', { class: 'publishedAs' }, lines.published.number) : null,
    lines.published ? el('p', { class: 'adoption' }, lines.published.adopted) : null,
    el('p', { class: pendingClass(!!title?.pending, 'title') }, ...words('docTitle', title?.inlines ?? [], notes, !!title?.pending, languagesOf(meta))),
  );
}

/** Options of `exportAkn`: which numbers to print (sequential by default). */
export type AknOptions = BlockOptions;

/** The Akoma Ntoso XML of a text with its metadata and record. */
export function exportAkn(text: PMNode | TextJSON, meta: ExportMeta, record: AknRecord = { events: [] }, options: AknOptions = {}): string {
  const { blocks } = readBlocks(text, options);
  const notes = { count: 0 };
  const guids = new Set<string>();
  const langs = languagesOf(meta);
  const title = blocks.find((b) => b.role === 'title');
  const formula = blocks.find((b) => b.role === 'formula');
  const preambleItems: XmlElement[] = [];
  if (formula) preambleItems.push(el('formula', { name: 'enactingFormula', class: pendingClass(formula.pending) }, ...words('p', formula.inlines, notes, formula.pending, langs)));
  const body = new Part('', notes, langs);
  const annexes: { block: Extract<Block, { role: 'annex' }>; heading: Extract<Block, { role: 'annexHeading' }> | null; part: Part }[] = [];
  let inPreamble = true;
  let pp = 0;
  for (const b of blocks) {
    if (b.role === 'annex') annexes.push({ block: b, heading: null, part: new Part(`annex_${b.index + 1}__`, notes, langs) });
    else if (b.role === 'annexHeading') annexes[annexes.length - 1]!.heading = b;
    else if (b.role !== 'paragraph') continue;
    else if (b.annex !== null) annexes[annexes.length - 1]!.part.add(b, guids);
    else if (inPreamble && b.kind === 'preambular') {
      const guid = b.id && !guids.has(b.id) ? (guids.add(b.id), b.id) : undefined;
      preambleItems.push(
        el(
          'container',
          { name: 'preambularParagraph', eId: `preamble__container_${++pp}`, GUID: guid, class: pendingClass(b.pending) },
          ...words('p', b.inlines, notes, b.pending, langs),
        ),
      );
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
          { 'xml:lang': meta.lang },
          el('p', { class: 'annexLabel' }, el('docNumber', {}, block.label)),
          el('p', { class: pendingClass(!!heading?.pending, 'annexHeading') }, ...words('docTitle', heading?.inlines ?? [], notes, !!heading?.pending, langs)),
        ),
        el('mainBody', { 'xml:lang': meta.lang }, ...part.elements()),
      ),
    ),
  );
  const statement = el(
    'statement',
    { name: meta.kind, contains: 'originalVersion' },
    el('meta', {}, identification(meta), ...recordMeta(meta, record)),
    preface(meta, title, notes),
    // The language of the text: xml:lang on each part that holds it (AKN's `coreopt` parts take it; the
    // document elements themselves do not).
    preambleItems.length ? el('preamble', { 'xml:lang': meta.lang }, ...preambleItems) : null,
    el('mainBody', { 'xml:lang': meta.lang }, ...body.elements()),
    attachments.length ? el('attachments', {}, ...attachments) : null,
  );
  const root = el('akomaNtoso', { xmlns: AKN_NAMESPACE }, statement);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(root)}\n`;
}
