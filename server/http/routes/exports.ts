/**
 * Exports of a draft's texts: `/api/drafts/:id/export.docx`, `export.akn.xml` and `export.txt`,
 * each with `?text=` any text spec of shared/textSpec.ts (`L.9/Rev.1`, `working`, `final`,
 * `amended:L.9/Rev.1`, `seq:<n>`, `at:<time>`) and `?lang=` any of the six: the text in that
 * language (the reference language's is the text itself, another's the latest language version
 * of the issued revision; 404 `version_not_found` when none is recorded), its headings and
 * numbers as documents in that language print them. By default: after final action the text the
 * body acted on (`final`), before it the latest issued text, and the working text before the
 * first issue; in the draft's reference language. Everyone signed in may read a draft, so
 * everyone may export it.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import { exportAkn } from '../../../shared/export/akn';
import { exportPlainText } from '../../../shared/export/plainText';
import { MediaTypes, WORKING_TEXT, type ExportFormat } from '../../../shared/export/transfer';
import { holdsFinalAction } from '../../../shared/policy';
import { LANGUAGES } from '../../../shared/languages';
import { FINAL_TEXT, parseTextSpec } from '../../../shared/textSpec';
import { exportDocx } from '../../export/docx';
import { presentPrintView } from '../../export/presenters';
import { loadExportSource, type ExportSource } from '../../export/source';
import type { ApiDeps } from '../deps';
import { draftRoute } from '../draftGuard';

const exportQuery = z.object({
  text: z
    .string()
    .trim()
    .min(1)
    .max(240)
    .superRefine((v, ctx) => {
      const spec = parseTextSpec(v);
      if (!spec.ok) ctx.addIssue({ code: 'custom', message: spec.error });
    })
    .optional(),
  lang: z.enum(LANGUAGES).optional(),
});

/** A file name from a symbol: "CTOC/COP/2022/L.9/Rev.1" → "CTOC_COP_2022_L.9_Rev.1"; a language version ends "_fr". */
export function exportFileName(source: ExportSource, extension: string): string {
  const base = source.meta.symbol.replace(/[^A-Za-z0-9.-]+/g, '_');
  return `${base}${source.meta.textState === 'working' ? '_working' : ''}${source.version ? `_${source.meta.lang}` : ''}.${extension}`;
}

function sendFile(res: Response, type: string, name: string, body: string | Buffer): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.status(200).send(body);
}

// A version's blocks not yet translated are marked in every format (shared/export/pending.ts), as in the print view.
async function render(format: ExportFormat, source: ExportSource, res: Response): Promise<void> {
  const { text, meta, numbering, pending } = source;
  if (format === 'docx') return sendFile(res, MediaTypes.docx, exportFileName(source, 'docx'), await exportDocx(text, meta, { numbering, pending }));
  if (format === 'akn.xml') {
    return sendFile(res, `${MediaTypes.akn}; charset=utf-8`, exportFileName(source, 'akn.xml'), exportAkn(text, meta, source.record, { numbering, pending }));
  }
  const plain = exportPlainText(text, { numbering, adoptedAs: source.adoptedAs, lang: meta.lang, pending });
  sendFile(res, `${MediaTypes.text}; charset=utf-8`, exportFileName(source, 'txt'), plain);
}

// The text exported when none is named: after final action the text acted on, before it the latest issued text, else the working text.
async function defaultText(store: ApiDeps['store'], draftId: string): Promise<string> {
  const [revisions, record] = await Promise.all([store.listRevisions(draftId), store.listDraftEvents(draftId)]);
  const latest = revisions.reduce<(typeof revisions)[number] | null>((a, r) => (a && a.revision > r.revision ? a : r), null);
  return holdsFinalAction(record) ? FINAL_TEXT : (latest?.symbol ?? WORKING_TEXT);
}

/** The export routes, to mount on the /api router. */
export function exportsRouter(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();
  const route = (format: ExportFormat) =>
    router.get(
      `/drafts/:id/export.${format}`,
      draftRoute(store, { query: exportQuery }, async ({ res, draftId, query }) => {
        await render(format, await loadExportSource(store, draftId, query.text ?? (await defaultText(store, draftId)), query.lang), res);
      }),
    );
  route('docx');
  route('akn.xml');
  route('txt');
  // The print view (client/pages/print.ts) lays out the same text and heading lines as the files.
  router.get(
    '/drafts/:id/print-view',
    draftRoute(store, { query: exportQuery }, async ({ res, draftId, query }) => {
      const source = await loadExportSource(store, draftId, query.text ?? (await defaultText(store, draftId)), query.lang);
      res.json(presentPrintView(source));
    }),
  );
  return router;
}
