/**
 * Comparisons over HTTP (mounted on /api):
 *   GET  /drafts/:id/compare?left=<text>&right=<text>[&numbering=negotiation]  the comparison as JSON
 *   GET  /drafts/:id/compare.docx?left=&right=[&lang=en|zh]                      the Word redline
 *   POST /compare, /compare.docx  { left: { text } | { docx: base64 }, right: …, leftLabel?, rightLabel? }
 * A text is named as `shared/textSpec.ts` says (`L.9/Rev.1`, `working`, `seq:40`, `at:<time>`,
 * `amended:L.9/Rev.1`) and resolved by `server/texts.ts`. Two pasted or uploaded texts have no
 * stable ids, so they are aligned by similarity; when either prints negotiation numbers ("5 bis.")
 * both are numbered by what they print, or in sequence with a note that says so
 * (`shared/compare/printedNumbers.ts`). Everyone who may read a draft may compare its texts.
 */
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { compareTexts, type ComparableText, type Comparison } from '../../../shared/compare';
import { pastedNumbering, type PrintedText } from '../../../shared/compare/printedNumbers';
import type { Lang } from '../../../shared/delegations';
import { MAX_DOCX_BYTES, MAX_TEXT_BYTES, MediaTypes } from '../../../shared/export/transfer';
import { ImportedJSON } from '../../../shared/import/make';
import { importPlainTextJSON } from '../../../shared/import/read';
import { parseTextSpec } from '../../../shared/textSpec';
import { importDocx } from '../../export/docxImport';
import { blockOrder, exportRedline } from '../../export/redline';
import { redlineContext } from '../../export/redlineAuthors';
import { writersSince } from '../../collab/history';
import { presentComparedText, presentComparison, presentImportedText, type ChangeWriterJSON } from '../../presenters/comparison';
import { loadDraftTexts, resolveText, type ResolvedText, type TextSources } from '../../texts';
import { requireUser, send } from '../context';
import type { ApiDeps } from '../deps';
import { authorizeDraft } from '../draftGuard';
import { idParams, parse } from '../validate';
import { importHttpError } from './imports';
import { DomainError, DomainErrors } from '../../errors';

const spec = z.string().trim().min(1).max(250);
const compareQuery = z.object({
  left: spec,
  right: spec,
  numbering: z.enum(['sequential', 'negotiation']).optional(),
  lang: z.enum(['en', 'zh']).optional(),
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
const pastedBody = z.strictObject({ left: pasted, right: pasted, leftLabel: label.optional(), rightLabel: label.optional(), lang: z.enum(['en', 'zh']).optional() });

/** What the compare routes need beyond the API's deps: where "as orally amended" texts come from (issue 6). */
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

  // validate → load → authorize → resolve both texts → compare.
  async function draftComparison(req: Request) {
    const actor = requireUser(req);
    const params = parse(idParams, req.params, 'params');
    const query = parse(compareQuery, req.query, 'query');
    const [leftSpec, rightSpec] = [specOf(query.left, 'left'), specOf(query.right, 'right')];
    await authorizeDraft(store, actor, params.id);
    const texts = await loadDraftTexts(store, params.id);
    const [left, right] = await Promise.all([resolveText(store, texts, leftSpec, deps.texts), resolveText(store, texts, rightSpec, deps.texts)]);
    const numbering = query.numbering ?? 'sequential';
    // Negotiation numbers count from the text under negotiation when the older text stood.
    const base = numbering === 'negotiation' ? (left.base ?? right.base ?? undefined) : undefined;
    const lang: Lang = query.lang ?? (texts.draft.language.startsWith('zh') ? 'zh' : 'en');
    return { texts, left, right, numbering, lang, comparison: compare(left.text, right.text, base) };
  }

  // Against the working text now, the log says who wrote each changed paragraph's new words since the older text, and when.
  async function writersOf(draftId: string, left: ResolvedText, right: ResolvedText): Promise<Map<string, ChangeWriterJSON[]> | undefined> {
    if (right.spec.kind !== 'working') return undefined;
    const since = left.revision?.issuedAt ?? left.at ?? null;
    let found: Awaited<ReturnType<typeof writersSince>>;
    try {
      found = await writersSince(store, draftId, since);
    } catch (err) {
      // A working text broken by hand has no history to give; the comparison still goes out.
      if (err instanceof DomainError) return undefined;
      throw err;
    }
    const names = new Map((await store.listDelegations()).map((d) => [d.id, d.name.en]));
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
    const writers = await writersOf(texts.draft.id, left, right);
    send(res, 200, presentComparison(comparison, { left: presentComparedText(left), right: presentComparedText(right) }, numbering, [], writers));
  });

  router.get('/drafts/:id/compare.docx', async (req, res) => {
    const { texts, left, right, lang, comparison } = await draftComparison(req);
    const context = await redlineContext(store, texts.draft, left, lang);
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
