/**
 * Comparisons over HTTP (mounted on /api):
 *   GET  /drafts/:id/compare?left=<text>&right=<text>[&numbering=negotiation]  the comparison as JSON
 *   GET  /drafts/:id/compare.docx?left=&right=[&lang=ar|zh|en|fr|ru|es]          the Word redline
 *   POST /compare, /compare.docx  { left: { text } | { docx: base64 }, right: …, leftLabel?, rightLabel? }
 * A text is named as `shared/textSpec.ts` says (`L.9/Rev.1`, `working`, `seq:40`, `at:<time>`,
 * `amended:L.9/Rev.1`, `proposals`) and resolved by `server/texts.ts`. The working text with its
 * pending proposals (`proposals`) names the delegation that proposed each change (`by` in the
 * JSON, the tracked change's author in Word), and lists in the notes the proposals left out. Two pasted or uploaded texts have no
 * stable ids, so they are aligned by similarity; when either prints negotiation numbers ("5 bis.")
 * both are numbered by what they print, or in sequence with a note that says so
 * (`shared/compare/printedNumbers.ts`). Everyone who may read a draft may compare its texts.
 */
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { compareTexts, type ComparableText, type Comparison } from '../../../shared/compare';
import { pastedNumbering, type PrintedText } from '../../../shared/compare/printedNumbers';
import { delegationNameIn, type Lang } from '../../../shared/delegations';
import { langOf } from '../../../shared/languages';
import { MAX_DOCX_BYTES, MAX_TEXT_BYTES, MediaTypes } from '../../../shared/export/transfer';
import { ImportedJSON } from '../../../shared/import/make';
import { importPlainTextJSON } from '../../../shared/import/read';
import { parseTextSpec } from '../../../shared/textSpec';
import { importDocx } from '../../export/docxImport';
import { blockOrder, exportRedline } from '../../export/redline';
import { delegationNamer, redlineContext, withProposalAuthors } from '../../export/redlineAuthors';
import { locateProposals } from '../../collab/proposalApply';
import { occurrenceAt } from '../../../shared/compare/withProposals';
import { writersSince } from '../../collab/history';
import { presentComparedText, presentComparison, presentImportedText, type ChangeWriterJSON } from '../../presenters/comparison';
import { loadDraftTexts, recordedSources, resolveText, type ProposalPlaceNow, type ResolvedText, type TextSources } from '../../texts';
import { requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { authorizeDraft } from '../draftGuard';
import { idParams, lang, parse } from '../validate';
import { importHttpError } from './imports';
import { DomainError, DomainErrors } from '../../errors';

const spec = z.string().trim().min(1).max(250);
const compareQuery = z.object({
  left: spec,
  right: spec,
  numbering: z.enum(['sequential', 'negotiation']).optional(),
  lang: lang.optional(),
});

/** The largest JSON body of the pasted comparisons: two texts per request, each possibly a Word file in base64 (4/3 of its bytes). */
export const COMPARE_JSON_LIMIT = 2 * Math.ceil((MAX_DOCX_BYTES * 4) / 3) + 64 * 1024;

/**
 * The largest body a pasted comparison accepts, or null for another route: its parser's limit,
 * for the check of the declared Content-Length that answers 413 before any parser reads a byte
 * (http/bodyLimit.ts).
 */
export function compareBodyLimit(method: string, path: string): number | null {
  return method === 'POST' && (path === '/api/compare' || path === '/api/compare.docx') ? COMPARE_JSON_LIMIT : null;
}
const pasted = z.union([
  z.strictObject({ text: z.string().max(MAX_TEXT_BYTES) }),
  z.strictObject({
    docx: z
      .string()
      .max(COMPARE_JSON_LIMIT)
      .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64'),
  }),
]);
const label = z.string().trim().min(1).max(120);
const pastedBody = z.strictObject({ left: pasted, right: pasted, leftLabel: label.optional(), rightLabel: label.optional(), lang: lang.optional() });

/** What the compare routes need beyond the API's deps: where "as orally amended" texts come from (issue 6), and where proposals stand. */
export interface CompareDeps extends ApiDeps {
  texts?: TextSources;
}

function specOf(value: string, which: 'left' | 'right') {
  const parsed = parseTextSpec(value);
  if (!parsed.ok) throw DomainErrors.validation(`invalid query: ${which}: ${parsed.error}`, { issues: [{ path: `query.${which}`, message: parsed.error }] });
  return parsed.value;
}

// Compare, turning a base the numbering refuses (a text numbered against one it does not descend from) into a 422.
function compare(left: ComparableText, right: ComparableText, base?: ResolvedText['base']): Comparison {
  try {
    return compareTexts(left, right, base ? { base } : {});
  } catch (err) {
    if (err instanceof RangeError) throw DomainErrors.refused(`these texts cannot be compared: ${err.message}`);
    throw err;
  }
}

// Ids of a pasted text live only as long as its comparison: a counter per side keeps the two
// sides apart (pastedNumbering needs that) at a fraction of the cost of random ids.
function sideIds(which: 'left' | 'right'): () => string {
  let n = 0;
  return () => `${which[0]}${++n}`;
}

async function importSide(input: z.output<typeof pasted>, which: 'left' | 'right'): Promise<PrintedText> {
  const named = (message: string) => `${which}: ${message}`;
  if ('text' in input) {
    if (input.text.trim() === '') throw importHttpError({ reason: 'empty', message: named('the text is empty: paste the text of a resolution or decision.') });
    // Read straight to the JSON the comparison reads: no ProseMirror node made, none to check.
    const imported = importPlainTextJSON(input.text, { newId: sideIds(which) });
    if (!imported.ok) throw importHttpError({ reason: 'no-text', message: named(imported.error) });
    return { doc: imported.value.doc, paragraphs: imported.value.report.paragraphs };
  }
  const imported = await importDocx(Buffer.from(input.docx, 'base64'));
  if (!imported.ok) throw importHttpError({ ...imported.error, message: named(imported.error.message) });
  return { doc: imported.value.doc, paragraphs: imported.value.report.paragraphs };
}

function sendDocx(res: Response, name: string, bytes: Buffer): void {
  res.setHeader('Content-Type', MediaTypes.docx);
  res.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9.-]+/g, '_')}.docx"`);
  res.status(200).send(bytes);
}

/** The compare routes, to mount on the /api router. */
export function compareRouter(deps: CompareDeps): Router {
  const { store } = deps;
  const router = Router();
  const json = express.json({ limit: COMPARE_JSON_LIMIT, strict: true });

  // Where each pending proposal stands in the live working text (its anchor), when the room is reachable.
  function withPlaces(sources: TextSources): TextSources {
    const read = deps.readWorkingDoc;
    if (!read || sources.proposalPlaces) return sources;
    return {
      ...sources,
      proposalPlaces: (draftId, proposals) =>
        read(draftId, (doc) => {
          const out = new Map<string, ProposalPlaceNow>();
          const byId = new Map(proposals.map((p) => [p.id, p]));
          for (const [id, place] of locateProposals(doc, proposals)) {
            const p = byId.get(id);
            const words = p && 'words' in p.amendment ? p.amendment.words : undefined;
            const occurrence = words && place.range && place.paragraphText !== null ? occurrenceAt(place.paragraphText, words, place.range.from) : null;
            out.set(id, { stale: place.stale, why: place.why, occurrence });
          }
          return out;
        }),
    };
  }

  // validate → load → authorize → resolve both texts → compare.
  async function draftComparison(req: Request) {
    const actor = requireUser(req);
    const params = parse(idParams, req.params, 'params');
    const query = parse(compareQuery, req.query, 'query');
    const [leftSpec, rightSpec] = [specOf(query.left, 'left'), specOf(query.right, 'right')];
    await authorizeDraft(store, actor, params.id);
    const texts = await loadDraftTexts(store, params.id);
    const sources = withPlaces(deps.texts ?? recordedSources(store));
    const [left, right] = await Promise.all([resolveText(store, texts, leftSpec, sources), resolveText(store, texts, rightSpec, sources)]);
    const numbering = query.numbering ?? 'sequential';
    // Negotiation numbers count from the text under negotiation when the older text stood.
    const base = numbering === 'negotiation' ? (left.base ?? right.base ?? undefined) : undefined;
    const lang: Lang = query.lang ?? langOf(texts.draft.language) ?? 'en';
    return { texts, left, right, numbering, lang, comparison: compare(left.text, right.text, base) };
  }

  // Against the working text now, the log says who wrote each changed paragraph's new words since the older text, and when.
  async function writersOf(draftId: string, left: ResolvedText, right: ResolvedText): Promise<Map<string, ChangeWriterJSON[]> | undefined> {
    if (right.spec.kind !== 'working' && right.spec.kind !== 'proposals') return undefined;
    const since = left.revision?.issuedAt ?? left.at ?? null;
    let found: Awaited<ReturnType<typeof writersSince>>;
    try {
      found = await writersSince(store, draftId, since);
    } catch (err) {
      // A working text broken by hand has no history to give; the comparison still goes out.
      if (err instanceof DomainError) return undefined;
      throw err;
    }
    const names = new Map((await store.listDelegations()).map((d) => [d.id, delegationNameIn(d)]));
    const out = new Map<string, ChangeWriterJSON[]>();
    for (const [id, writers] of found) {
      out.set(
        id,
        writers.map((w) => ({
          delegationId: w.delegationId,
          name: w.delegationId ? (names.get(w.delegationId) ?? 'a delegation') : 'the secretariat or a chair',
          chars: w.chars,
          at: w.lastAt,
        })),
      );
    }
    return out;
  }

  router.get('/drafts/:id/compare', async (req, res) => {
    const { texts, left, right, numbering, comparison } = await draftComparison(req);
    let writers = await writersOf(texts.draft.id, left, right);
    const notes: string[] = [];
    if (right.proposals) {
      const name = await delegationNamer(store, 'en');
      writers = proposalWriters(writers, right, name);
      notes.push(...leftOut(right, comparison, name));
    }
    send(res, 200, presentComparison(comparison, { left: presentComparedText(left), right: presentComparedText(right) }, numbering, notes, writers));
  });

  router.get('/drafts/:id/compare.docx', async (req, res) => {
    const { texts, left, right, lang, comparison } = await draftComparison(req);
    const context = await redlineContext(store, texts.draft, left, lang);
    if (right.proposals) context.authors = withProposalAuthors(context.authors ?? new Map(), right.proposals, await delegationNamer(store, lang));
    const bytes = await exportRedline(comparison, { left: left.label, right: right.label, symbol: right.symbol, lang, ...context });
    sendDocx(res, `${left.label} vs ${right.label}`, bytes);
  });

  async function pastedComparison(req: Request) {
    requireUser(req);
    const body = parse(pastedBody, req.body);
    const [left, right] = await Promise.all([importSide(body.left, 'left'), importSide(body.right, 'right')]);
    const names = { left: body.leftLabel ?? 'first text', right: body.rightLabel ?? 'second text' };
    const numbered = pastedNumbering(left, right);
    return { names, left, lang: body.lang ?? 'en', numbered, comparison: compare(left.doc, right.doc, numbered.base) };
  }

  router.post('/compare', json, async (req, res) => {
    const { names, numbered, comparison } = await pastedComparison(req);
    const texts = { left: presentImportedText(names.left), right: presentImportedText(names.right) };
    send(res, 200, presentComparison(comparison, texts, numbered.numbering, numbered.note === null ? [] : [numbered.note]));
  });

  router.post('/compare.docx', json, async (req, res) => {
    const { names, left, lang, comparison } = await pastedComparison(req);
    sendDocx(
      res,
      `comparison`,
      await exportRedline(comparison, {
        left: names.left,
        right: names.right,
        symbol: names.right,
        lang,
        leftOrder: blockOrder(left.doc instanceof ImportedJSON ? left.doc.json : left.doc),
      }),
    );
  });

  return router;
}

// Against the working text with proposals: each paragraph a proposal changed names the delegations
// that proposed it (characters they brought or struck), after whoever the history says wrote its
// words in the working text.
function proposalWriters(
  history: Map<string, ChangeWriterJSON[]> | undefined,
  right: ResolvedText,
  name: (delegationId: string | null) => string,
): Map<string, ChangeWriterJSON[]> {
  const out = new Map(history ?? []);
  for (const [id, c] of right.proposals?.changes ?? []) {
    const chars = new Map<string | null, number>();
    const count = (by: string | null | undefined) => {
      if (by !== undefined) chars.set(by, (chars.get(by) ?? 0) + 1);
    };
    c.writtenBy.forEach(count);
    c.deletedBy.forEach(count);
    const latest = new Map<string | null, string>();
    for (const pid of c.proposals) {
      const p = right.proposals!.byId.get(pid);
      if (p) latest.set(p.delegationId, p.tabledAt);
    }
    const proposed = [...latest].map(([delegationId, at]) => ({ delegationId, name: name(delegationId), chars: chars.get(delegationId) ?? 0, at }));
    out.set(id, [...(out.get(id) ?? []).filter((w) => !latest.has(w.delegationId)), ...proposed]);
  }
  return out;
}

// The proposals left out of the working text with proposals, one sentence each.
function leftOut(right: ResolvedText, comparison: Comparison, name: (delegationId: string | null) => string): string[] {
  const refs = new Map<string, string>();
  for (const row of comparison.paragraphs) if (row.left?.id) refs.set(row.left.id, row.left.ref);
  return (right.proposals?.skipped ?? []).map((s) => {
    const p = right.proposals!.byId.get(s.id);
    const where = p && 'paragraphId' in p.amendment ? (refs.get(p.amendment.paragraphId) ?? `paragraph ${p.amendment.paragraphId}`) : 'the text';
    const first = s.deletedBy ? right.proposals!.byId.get(s.deletedBy) : undefined;
    const why = first ? `the proposal of ${name(first.delegationId)} tabled before it deletes that paragraph` : s.why;
    return `The proposal of ${name(s.delegationId)} on ${where} is not included: ${why}.`;
  });
}
