/**
 * Imports: `POST /api/imports/preview` reads a Word file or a pasted text and answers with the
 * structure recognised (paragraph kinds, numbers as printed and as they will be derived,
 * warnings) and the text itself, storing nothing; `POST /api/drafts/:id/import` then puts the
 * confirmed text in as the working text of a draft not yet issued (create the draft first with
 * `POST /api/sessions/:id/drafts`).
 *
 * The preview takes the raw file (Content-Type: the .docx media type), raw `text/plain`, or JSON
 * `{ "text": "…" }` / `{ "docx": "<base64>" }`. Browsers signed in by cookie must use JSON: the
 * CSRF rule accepts only JSON writes from them. `?lang=ar|zh|en|fr|ru|es` names the text's
 * language (its conventions: shared/import/conventions.ts); without it the language is guessed
 * from the text, and the answer says which language it was read in (`lang`, `langGuessed`).
 */
import express, { Router } from 'express';
import { z } from 'zod';
import { importPlainText } from '../../../shared/importText';
import type { Lang } from '../../../shared/languages';
import { sequentialNumbering } from '../../../shared/numbering';
import { printedLabel } from '../../../shared/numberingLabels';
import { MAX_DOCX_BYTES, MAX_TEXT_BYTES, MediaTypes, type ImportError } from '../../../shared/export/transfer';
import { asDoc } from '../../../shared/export/blocks';
import { importDocx } from '../../export/docxImport';
import { presentImportPreview } from '../../export/presenters';
import { importWorkingText } from '../../export/textImporter';
import { requireUser, send } from '../context';
import { refreshQuietly, type ApiDeps } from '../deps';
import { answer, HttpError } from '../errors';
import { ErrorIds } from '../../../shared/errors';
import { idParams, lang as langSchema, parse } from '../validate';
import { DomainErrors } from '../../errors';

// Base64 is 4/3 of the bytes it carries.
const JSON_LIMIT = Math.ceil((MAX_DOCX_BYTES * 4) / 3) + 64 * 1024;

/**
 * The largest body an import route accepts from this request (by its content type), or null for
 * a path that is not an import route: the limits its own parsers apply, for the check of the
 * declared Content-Length that answers 413 before any parser reads a byte (http/bodyLimit.ts).
 */
export function importBodyLimit(method: string, path: string, contentType: string | undefined): number | null {
  if (method !== 'POST') return null;
  if (path === '/api/imports/preview') {
    const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    return type === MediaTypes.docx ? MAX_DOCX_BYTES : type === MediaTypes.text ? MAX_TEXT_BYTES : JSON_LIMIT;
  }
  return /^\/api\/drafts\/[^/]+\/import$/.test(path) ? JSON_LIMIT : null;
}

const previewJson = z.union([
  z.strictObject({ text: z.string().max(MAX_TEXT_BYTES) }),
  z.strictObject({
    docx: z
      .string()
      .max(JSON_LIMIT)
      .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64'),
  }),
]);

const importBody = z.strictObject({ text: z.looseObject({ type: z.literal('doc') }) });

const previewQuery = z.object({ lang: langSchema.optional() });

/** An import that cannot be read, as an HTTP error: the reason code rides in `details.reason`. */
export function importHttpError(error: ImportError): HttpError {
  if (error.reason === 'too-large') return answer(ErrorIds.tooLarge, error.message, { reason: error.reason });
  if (error.reason === 'not-docx') return new HttpError(415, ErrorIds.validation, error.message, { reason: error.reason });
  if (error.reason === 'busy') return answer(ErrorIds.unavailable, error.message, { reason: error.reason });
  return answer(ErrorIds.validation, error.message, { reason: error.reason });
}

/** Reads a pasted text in `lang` (guessed when undefined): what the preview and a language version's import both use. */
export function readText(text: string, lang?: Lang) {
  if (Buffer.byteLength(text, 'utf8') > MAX_TEXT_BYTES) throw importHttpError({ reason: 'too-large', message: `The text is longer than ${MAX_TEXT_BYTES / 1024} KB.` });
  if (text.trim() === '') throw importHttpError({ reason: 'empty', message: 'The text is empty: paste the text of a resolution or decision.' });
  const imported = importPlainText(text, lang ? { lang } : {});
  if (!imported.ok) throw importHttpError({ reason: 'no-text', message: imported.error });
  return { ...imported.value, readAs: 'text' as const };
}

/** Reads a Word file in `lang` (guessed when undefined). */
export async function readDocx(bytes: Uint8Array, lang?: Lang) {
  const imported = await importDocx(bytes, lang ? { lang } : {});
  if (!imported.ok) throw importHttpError(imported.error);
  return imported.value;
}

/**
 * The preview with the language it was read in, and each paragraph's label as the text printed it
 * (`asPrinted`: "1 -", "(ج)", "c)") and as its language prints the number it will take (`printedLabel`).
 */
function presentInLanguage(result: Parameters<typeof presentImportPreview>[0], asked: Lang | undefined) {
  const preview = presentImportPreview(result);
  const lang = result.report.lang ?? asked ?? 'en';
  const numbers = sequentialNumbering(result.doc);
  const asPrinted = new Map(result.report.paragraphs.map((p) => [p.id, p.asPrinted ?? p.printed]));
  return {
    ...preview,
    lang,
    langGuessed: result.report.langGuessed ?? asked === undefined,
    paragraphs: preview.paragraphs.map((p) => {
      const number = numbers.byId.get(p.id);
      return { ...p, asPrinted: asPrinted.get(p.id) ?? null, printedLabel: number ? printedLabel(number, lang) : '' };
    }),
  };
}

/** The import routes, to mount on the /api router. */
export function importsRouter(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();
  const raw = express.raw({ type: MediaTypes.docx, limit: MAX_DOCX_BYTES });
  const text = express.text({ type: MediaTypes.text, limit: MAX_TEXT_BYTES });
  const json = express.json({ limit: JSON_LIMIT, strict: true });

  router.post('/imports/preview', raw, text, json, async (req, res) => {
    requireUser(req);
    const { lang } = parse(previewQuery, req.query, 'query');
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    let result;
    if (type === MediaTypes.docx) result = await readDocx(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), lang);
    else if (type === MediaTypes.text) result = readText(typeof req.body === 'string' ? req.body : '', lang);
    else if (type === 'application/json') {
      const body = parse(previewJson, req.body);
      result = 'text' in body ? readText(body.text, lang) : await readDocx(Buffer.from(body.docx, 'base64'), lang);
    } else {
      throw importHttpError({ reason: 'not-docx', message: `send a Word file (${MediaTypes.docx}), text/plain, or JSON { "text" } / { "docx": base64 }` });
    }
    send(res, 200, presentInLanguage(result, lang));
  });

  router.post('/drafts/:id/import', json, async (req, res) => {
    const actor = requireUser(req);
    const params = parse(idParams, req.params, 'params');
    const body = parse(importBody, req.body);
    let doc;
    try {
      doc = asDoc(body.text);
    } catch (err) {
      throw DomainErrors.validation(`the text does not fit the schema: ${err instanceof Error ? err.message : String(err)}`);
    }
    const { seq } = await importWorkingText(store, params.id, actor, doc.toJSON(), deps.replaceWorkingText);
    await refreshQuietly(deps, params.id);
    send(res, 201, { draftId: params.id, seq });
  });

  return router;
}
