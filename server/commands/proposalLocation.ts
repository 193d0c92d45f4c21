/**
 * Where a draft's proposals stand in its live working text: each pending proposal's quoted
 * words found through its anchor and judged stale or not (server/collab/proposalApply.ts
 * `locateProposals`, by shared/proposals.ts `staleness`: the same rule accepting applies), and
 * each paragraph's number as printed now.
 *
 * A list is read often (every open page reloads it on each change of the record) and must stay
 * fast with a thousand proposals, while delegates type. So what was found is kept per document
 * and per paragraph: each transaction on the document marks the paragraphs it touched, and a
 * proposal is located again only when its paragraph (or, for a move, its target) changed since,
 * or when the paragraphs themselves were added, removed or reordered. The printed numbers are
 * read again only then too. Decided proposals cost nothing.
 */
import * as Y from 'yjs';
import { sequentialNumbering } from '../../shared/numbering';
import type { Proposal, Staleness } from '../../shared/proposals';
import { PARAGRAPH_TYPES } from '../../shared/schema';
import { docText, TEXT_FRAGMENT } from '../collab/fragmentText';
import { locateProposals } from '../collab/proposalApply';

/** What a list of proposals needs from the working text. */
export interface ProposalsInText {
  /** The paragraph as printed now ("OP 3"), or null (unnumbered, gone, or the text cannot be read). */
  refOf(paragraphId: string): string | null;
  /** Pending proposals only: stale or not, and why. */
  staleness: Map<string, Staleness>;
}

const PARAGRAPH_NAMES = new Set<string>(PARAGRAPH_TYPES);

/** One proposal's place as found, with the versions of what it was found in. */
interface Found {
  staleness: Staleness;
  structure: number;
  paragraph: number;
  target: number;
}

/** What is known of one document: versions bumped by its transactions, and what was found at them. */
interface DocCache {
  /** Bumped when paragraphs are added, removed, reordered, or change kind or level. */
  structure: number;
  /** Bumped per paragraph id when its content changes. */
  paragraphs: Map<string, number>;
  found: Map<string, Found>;
  refs: { structure: number; byId: ReadonlyMap<string, { ref: string }> | null } | null;
}

const caches = new WeakMap<Y.Doc, DocCache>();

// The paragraph element a changed type belongs to (itself, or the element its text runs sit in), or null.
function paragraphOf(type: Y.AbstractType<unknown>): Y.XmlElement | null {
  for (let t: Y.AbstractType<unknown> | null = type; t !== null; t = t.parent as Y.AbstractType<unknown> | null) {
    if (t instanceof Y.XmlElement && PARAGRAPH_NAMES.has(t.nodeName)) return t;
  }
  return null;
}

function cacheOf(doc: Y.Doc): DocCache {
  let cache = caches.get(doc);
  if (cache) return cache;
  const made: DocCache = { structure: 0, paragraphs: new Map(), found: new Map(), refs: null };
  cache = made;
  caches.set(doc, made);
  const fragment = doc.getXmlFragment(TEXT_FRAGMENT);
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    for (const [changed, keys] of tr.changed) {
      const type = changed as unknown;
      const paragraph = paragraphOf(changed as Y.AbstractType<unknown>);
      if (paragraph === null) {
        // Paragraphs added, removed or moved in the text or an annex (a title's words change nothing here).
        if (type === fragment || (type instanceof Y.XmlElement && type.nodeName === 'annex')) made.structure += 1;
        continue;
      }
      // A paragraph's own attributes (its id, a subparagraph's level) change its number.
      if (paragraph === type && [...keys].some((k) => k !== null)) made.structure += 1;
      const id = paragraph.getAttribute('id');
      if (typeof id === 'string') made.paragraphs.set(id, (made.paragraphs.get(id) ?? 0) + 1);
    }
  });
  return made;
}

/** Read the proposals (any states; only pending ones are judged) against a live document. */
export function proposalsInText(doc: Y.Doc, proposals: readonly Proposal[], options: { numbers?: boolean } = {}): ProposalsInText {
  const cache = cacheOf(doc);
  const version = (id: string) => cache.paragraphs.get(id) ?? 0;
  const judged = new Map<string, Staleness>();
  const again: Proposal[] = [];
  for (const p of proposals) {
    if (p.state !== 'pending') continue;
    const a = p.amendment;
    const known = cache.found.get(p.id);
    const target = a.kind === 'move_paragraph' ? version(a.targetId) : 0;
    if (known && known.structure === cache.structure && known.paragraph === version(a.paragraphId) && known.target === target) judged.set(p.id, known.staleness);
    else again.push(p);
  }
  if (again.length > 0) {
    const byId = new Map(again.map((p) => [p.id, p.amendment]));
    for (const [id, place] of locateProposals(doc, again)) {
      const staleness = { stale: place.stale, why: place.why };
      judged.set(id, staleness);
      const a = byId.get(id);
      if (!a) continue;
      cache.found.set(id, {
        staleness,
        structure: cache.structure,
        paragraph: version(a.paragraphId),
        target: a.kind === 'move_paragraph' ? version(a.targetId) : 0,
      });
    }
  }
  if (options.numbers !== false && cache.refs?.structure !== cache.structure) {
    const text = docText(doc);
    cache.refs = { structure: cache.structure, byId: text.ok ? sequentialNumbering(text.value).byId : null };
  }
  const refs = options.numbers === false ? null : (cache.refs?.byId ?? null);
  return { refOf: (id) => refs?.get(id)?.ref || null, staleness: judged };
}
