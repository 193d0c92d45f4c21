/**
 * Language versions of issued texts (issue #19): anyone who may read the draft reads them; the
 * secretariat records them (shared/policy.ts mayRecordLanguageVersion), after final action and
 * freezing too (a corrigendum comes after). The server decides everything: a version is read with
 * the importer in its language and aligned with the issued text before anything is stored.
 *   GET  /drafts/:id/versions                                   every revision's versions and the corrigenda
 *   GET  /drafts/:id/revisions/:revision/versions/:lang         one version: text, pending paragraphs, history
 *   POST /drafts/:id/revisions/:revision/versions/:lang         import: { text } pasted, { doc } JSON, { docx } base64, or the
 *                                                               raw Word file; ?check=1 answers { ok, mismatches } storing nothing
 *   PUT  /drafts/:id/revisions/:revision/versions/:lang/paragraphs/:pid   { text, footnotes? } a translator's paragraph
 *   POST /drafts/:id/revisions/:revision/versions/:lang/carry-forward     { from } from an earlier revision's version
 *   POST /drafts/:id/revisions/:revision/corrigenda             { kind, langs, symbol?, note?, texts? }
 *
 * Mounted before the general JSON parser, like the imports: a Word file, raw or in base64, is
 * larger than its limit; each write route brings its parsers and is audited like every write on
 * a draft (http/audit.ts).
 */
import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { MAX_DOCX_BYTES, MAX_TEXT_BYTES, MediaTypes } from '../../../shared/export/transfer';
import { LANGUAGES, langOf, type Lang } from '../../../shared/languages';
import type { AlignOptions, Mismatch } from '../../../shared/languageVersions';
import { mayRecordLanguageVersion } from '../../../shared/policy';
import { textFromJSON, type TextJSON } from '../../../shared/schema';
import { parseSymbol } from '../../../shared/symbols';
import {
  carryVersionForward,
  checkVersion,
  languageCorrigendaOf,
  loadRevision,
  recordLanguageCorrigendum,
  recordVersion,
  typeVersionParagraph,
  versionNotFound,
} from '../../commands/versionRecorder';
import { provenanceOf, textNotInRecord } from '../../commands/meetingRecord';
import { originalLanguageNotInRecord } from '../../export/source';
import { presentLocalized } from '../../presenters/localized';
import type { DraftEventRow, LanguageVersionSummary, RevisionRow } from '../../storage/types';
import { auditDraftWrites } from '../audit';
import { send } from '../context';
import type { ApiDeps } from '../deps';
import { draftRoute } from '../draftGuard';
import { id, lang, localizedText, parse } from '../validate';
import { DomainErrors } from '../../errors';
import { importHttpError, readDocx, readText } from './imports';

// Base64 is 4/3 of the bytes it carries.
const JSON_LIMIT = Math.ceil((MAX_DOCX_BYTES * 4) / 3) + 64 * 1024;
const VERSION_PATH = /^\/api\/drafts\/[^/]+\/revisions\/[^/]+\/(versions\/[^/]+|corrigenda)$/;

/**
 * The largest body a version route accepts from this request (by its content type), or null for
 * another path: for the check of the declared Content-Length (http/bodyLimit.ts).
 */
export function versionBodyLimit(method: string, path: string, contentType: string | undefined): number | null {
  if (method !== 'POST' || !VERSION_PATH.test(path)) return null;
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === MediaTypes.docx ? MAX_DOCX_BYTES : type === MediaTypes.text ? MAX_TEXT_BYTES : JSON_LIMIT;
}

const revision = z
  .string()
  .regex(/^\d{1,6}$/, 'a revision number (0 for the original)')
  .transform(Number);
const revisionParams = z.object({ id, revision });
const versionParams = z.object({ id, revision, lang });
const paragraphParams = z.object({ id, revision, lang, pid: id });
const checkQuery = z.object({ check: z.enum(['0', '1']).optional() });

const base64 = z
  .string()
  .max(JSON_LIMIT)
  .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64');
const docJson = z.looseObject({ type: z.literal('doc') });
/** A version as sent: pasted words, the text's JSON, or a Word file in base64. */
const versionInput = z.union([z.strictObject({ text: z.string().max(MAX_TEXT_BYTES) }), z.strictObject({ doc: docJson }), z.strictObject({ docx: base64 })]);
const paragraphBody = z.strictObject({
  text: z
    .string()
    .max(20000)
    .refine((t) => t.trim() !== '', 'the paragraph is empty'),
  footnotes: z
    .array(
      z
        .string()
        .max(5000)
        .refine((t) => t.trim() !== '', 'a footnote is empty'),
    )
    .max(200)
    .optional(),
});
const carryBody = z.strictObject({ from: z.number().int().min(0).max(999999) });
const corrigendumBody = z.strictObject({
  kind: z.enum(['corrigendum', 'reissue']),
  langs: z.array(lang).min(1).max(LANGUAGES.length),
  symbol: z.string().trim().min(1).max(200).optional(),
  note: localizedText.optional(),
  texts: z.partialRecord(lang, versionInput).optional(),
});

type VersionInput = z.output<typeof versionInput>;

/** A version as the importer reads it in its language: the text's JSON and the labels it printed. */
async function readVersion(input: VersionInput | { raw: Uint8Array }, language: Lang): Promise<{ version: TextJSON; printed?: AlignOptions['printed'] }> {
  // The labels as the version printed them ('1 -', '(ج)', 'c)'), for the lettering check and the mismatches' words.
  const printedOf = (paragraphs: readonly { id: string; printed: string | null; asPrinted?: string | null }[]) =>
    Object.fromEntries(paragraphs.map((p) => [p.id, p.asPrinted ?? p.printed]));
  if ('doc' in input) {
    try {
      return { version: textFromJSON(input.doc).toJSON() };
    } catch (err) {
      throw DomainErrors.validation(`the text does not fit the schema: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // Read as /imports/preview reads them, with the same refusals (routes/imports.ts).
  const imported = 'text' in input ? readText(input.text, language) : await readDocx('raw' in input ? input.raw : Buffer.from(input.docx, 'base64'), language);
  return { version: imported.doc.toJSON(), printed: printedOf(imported.report.paragraphs) };
}

// API answers are per user and change with every write: never cached (as the general router says for the rest).
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

function presentVersionSummary(v: LanguageVersionSummary, original: boolean | null) {
  return { lang: v.lang, original, kind: v.kind, seq: v.seq, recordedAt: v.recordedAt, pending: [...v.pending] };
}

/** The language version routes, to mount on the /api router before its general JSON parser. */
export function versionRoutes(deps: ApiDeps): Router {
  const { store } = deps;
  const router = Router();
  const audited = auditDraftWrites(deps);
  const json = express.json({ limit: JSON_LIMIT, strict: true });
  const small = express.json({ limit: deps.config.bodyLimitBytes, strict: true });
  const raw = express.raw({ type: MediaTypes.docx, limit: MAX_DOCX_BYTES });
  const text = express.text({ type: MediaTypes.text, limit: MAX_TEXT_BYTES });

  // The original language of this revision: the reference language, unless the record says it is not known (a provenance note).
  const originalOf = (rows: readonly DraftEventRow[], symbol: string, reference: Lang | null) =>
    originalLanguageNotInRecord(rows, symbol, symbol.split('/L.')[0] ?? '') ? null : reference;

  router.get(
    '/drafts/:id/versions',
    noStore,
    draftRoute(store, {}, async ({ res, draft }) => {
      const [revisions, rows, versions] = await Promise.all([store.listRevisions(draft.id), store.listDraftEvents(draft.id), store.listLanguageVersions(draft.id)]);
      const reference = langOf(draft.language);
      const notes = provenanceOf(rows);
      const draftOriginal = notes.some((n) => n.kind === 'original_language_not_in_record' && n.symbol === null) ? null : reference;
      const byRevision = (r: RevisionRow) => {
        const original = originalOf(rows, r.symbol, reference);
        // A revision whose text the record does not hold has no version in its reference language either.
        const textInRecord = !textNotInRecord(notes, r.symbol);
        const stored = versions.filter((v) => v.revision === r.revision);
        const list = LANGUAGES.flatMap((l) => {
          if (l === reference) {
            return textInRecord ? [{ lang: l, original: original === null ? null : true, kind: 'issued' as const, seq: 0, recordedAt: r.issuedAt, pending: [] as string[] }] : [];
          }
          const v = stored.find((s) => s.lang === l);
          return v ? [presentVersionSummary(v, original === null ? null : false)] : [];
        });
        return { revision: r.revision, symbol: r.symbol, issuedAt: r.issuedAt, original, textInRecord, versions: list };
      };
      send(res, 200, {
        reference,
        original: draftOriginal,
        revisions: [...revisions].sort((a, b) => a.revision - b.revision).map(byRevision),
        corrigenda: languageCorrigendaOf(rows).map((c) => ({
          kind: c.kind,
          langs: [...c.langs],
          symbol: c.symbol,
          of: c.of,
          revision: c.revision,
          note: c.note ? presentLocalized(c.note) : null,
          texts: [...c.texts],
          recordedAt: c.at,
        })),
      });
    }),
  );

  router.get(
    '/drafts/:id/revisions/:revision/versions/:lang',
    noStore,
    draftRoute(store, { params: versionParams }, async ({ res, draftId, params }) => {
      const loaded = await loadRevision(store, draftId, params.revision);
      const original = originalOf(loaded.rows, loaded.revision.symbol, loaded.reference);
      const users = new Map((await store.listUsers()).map((u) => [u.id, u.displayName]));
      const head = { revision: loaded.revision.revision, symbol: loaded.revision.symbol, lang: params.lang };
      if (params.lang === loaded.reference) {
        send(res, 200, {
          ...head,
          original: original === null ? null : true,
          reference: true,
          text: loaded.revision.text,
          pending: [],
          history: [
            {
              seq: 0,
              kind: 'issued',
              note: null,
              recordedAt: loaded.revision.issuedAt,
              recordedBy: loaded.revision.issuedBy ? (users.get(loaded.revision.issuedBy) ?? null) : null,
            },
          ],
        });
        return;
      }
      const latest = await store.latestLanguageVersion(draftId, params.revision, params.lang);
      if (!latest) throw versionNotFound(params);
      const history = await store.languageVersionHistory(draftId, params.revision, params.lang);
      send(res, 200, {
        ...head,
        original: original === null ? null : false,
        reference: false,
        text: latest.text,
        pending: [...latest.pending],
        history: history.map((h) => ({
          seq: h.seq,
          kind: h.kind,
          note: h.note ? presentLocalized(h.note) : null,
          recordedAt: h.recordedAt,
          recordedBy: h.recordedBy ? (users.get(h.recordedBy) ?? null) : null,
        })),
      });
    }),
  );

  // The policy first, so that nobody else learns from a refusal whether a text aligns.
  const mayRecord = (user: Parameters<typeof mayRecordLanguageVersion>[0]) => {
    const permission = mayRecordLanguageVersion(user);
    if (!permission.ok) throw DomainErrors.forbidden(permission.error);
  };

  router.post(
    '/drafts/:id/revisions/:revision/versions/:lang',
    audited,
    raw,
    text,
    json,
    draftRoute(store, { params: versionParams, query: checkQuery }, async ({ req, res, user, draftId, params, query }) => {
      mayRecord(user);
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      let input: VersionInput | { raw: Uint8Array };
      if (type === MediaTypes.docx) input = { raw: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) };
      else if (type === MediaTypes.text) input = { text: typeof req.body === 'string' ? req.body : '' };
      else if (type === 'application/json') input = parse(versionInput, req.body);
      else throw importHttpError({ reason: 'not-docx', message: `send a Word file (${MediaTypes.docx}), text/plain, or JSON { "text" } / { "doc" } / { "docx": base64 }` });
      const target = { draftId, revision: params.revision, lang: params.lang };
      const read = await readVersion(input, params.lang);
      if (query.check === '1') {
        const checked = await checkVersion(store, target, read.version, { printed: read.printed });
        send(res, 200, { ok: checked.ok, mismatches: checked.mismatches.map(presentMismatch) });
        return;
      }
      const row = await recordVersion(store, { ...target, actor: user, version: read.version, printed: read.printed });
      send(res, 201, { seq: row.seq });
    }),
  );

  router.put(
    '/drafts/:id/revisions/:revision/versions/:lang/paragraphs/:pid',
    audited,
    small,
    draftRoute(store, { params: paragraphParams, body: paragraphBody }, async ({ res, user, draftId, params, body }) => {
      mayRecord(user);
      const row = await typeVersionParagraph(store, {
        draftId,
        revision: params.revision,
        lang: params.lang,
        actor: user,
        paragraphId: params.pid,
        text: body.text,
        footnotes: body.footnotes,
      });
      send(res, 200, { seq: row.seq, pending: [...row.pending] });
    }),
  );

  router.post(
    '/drafts/:id/revisions/:revision/versions/:lang/carry-forward',
    audited,
    small,
    draftRoute(store, { params: versionParams, body: carryBody }, async ({ res, user, draftId, params, body }) => {
      mayRecord(user);
      const row = await carryVersionForward(store, { draftId, revision: params.revision, lang: params.lang, actor: user, from: body.from });
      send(res, 201, { seq: row.seq, pending: [...row.pending] });
    }),
  );

  router.post(
    '/drafts/:id/revisions/:revision/corrigenda',
    audited,
    json,
    draftRoute(store, { params: revisionParams, body: corrigendumBody }, async ({ res, user, draftId, params, body }) => {
      mayRecord(user);
      if (body.symbol !== undefined && !parseSymbol(body.symbol).ok) throw DomainErrors.refused(`"${body.symbol}" is not a document symbol`);
      const texts: Partial<Record<Lang, { version: TextJSON; printed?: AlignOptions['printed'] }>> = {};
      for (const [l, given] of Object.entries(body.texts ?? {}) as [Lang, VersionInput][]) texts[l] = await readVersion(given, l);
      const recorded = await recordLanguageCorrigendum(store, {
        draftId,
        revision: params.revision,
        actor: user,
        kind: body.kind,
        langs: body.langs,
        symbol: body.symbol,
        note: body.note ?? null,
        texts,
      });
      send(res, 201, {
        kind: recorded.payload.kind,
        langs: recorded.payload.langs,
        symbol: recorded.payload.symbol,
        of: recorded.payload.of,
        revision: recorded.payload.revision,
        texts: recorded.payload.texts,
        versions: recorded.versions.map((v) => ({ lang: v.lang, seq: v.seq })),
        recordedAt: recorded.row.at,
      });
    }),
  );

  return router;
}

function presentMismatch(m: Mismatch) {
  return { kind: m.kind, at: m.at, versionAt: m.versionAt, detail: m.detail };
}
