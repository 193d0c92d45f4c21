/**
 * Recording language versions of issued texts (issue #19): a version imported (aligned with the
 * revision's text first: shared/languageVersions.ts alignVersion), a paragraph typed by a
 * translator, a version carried forward to the next revision, a corrigendum or a reissue for one
 * language or several. Each write appends one row to the version's history (migration 8) with the
 * next seq of its (draft, revision, language), in one transaction: the row is made from the latest
 * one read in that transaction, and a writer that lost the race runs again on the new latest row.
 * A corrigendum or reissue is also an entry of the draft's record, with the version rows it brings
 * in the same transaction.
 *
 * The reference language's version is the revision itself: it is never stored here (409
 * `reference_language`). Versions and corrigenda may be recorded after final action and freezing:
 * they do not change the issued text. The policy (`mayRecordLanguageVersion`) is the caller's
 * first check and is checked again for the record entry.
 */
import type { Actor } from '../../shared/accounts';
import { ErrorIds } from '../../shared/errors';
import { LANGUAGES, langOf, type Lang, type LocalizedText } from '../../shared/languages';
import { alignVersion, carryForward, paragraphForTyping, startVersion, typeParagraph, type AlignOptions, type Mismatch, type VersionKind } from '../../shared/languageVersions';
import { mayRecordLanguageVersion } from '../../shared/policy';
import { textFromJSON, type TextJSON } from '../../shared/schema';
import { formatSymbol, parseSymbol } from '../../shared/symbols';
import { DomainError, DomainErrors } from '../errors';
import type { DraftEventRow, DraftRow, LanguageVersionRow, NewLanguageVersion, RecordRepos, RevisionRow, Store, UpdateLogRepo } from '../storage/types';
import { expectNextSeq, lastSeqOf, oneAtATime, retryLostRaces } from './appendGuard';
import { documentsOf, provenanceOf, textNotInRecord } from './meetingRecord';
import { recordEntry } from './recordAppender';

/** The record type of a corrigendum or reissue of language versions. */
export const LANGUAGE_CORRIGENDUM = 'language_corrigendum';

/** Payload of a corrigendum or reissue entry in the draft's record. */
export interface LanguageCorrigendumPayload {
  kind: 'corrigendum' | 'reissue';
  /** The languages it concerns ("Chinese only": ['zh']), in the UN's order. */
  langs: Lang[];
  symbol: string;
  /** The issued text it belongs to. */
  of: string;
  revision: number;
  note: LocalizedText | null;
  /** The languages whose corrected text came with it (a version row each). */
  texts: Lang[];
}

/** Which version: a draft's issued revision in one language. */
export interface VersionTarget {
  draftId: string;
  revision: number;
  lang: Lang;
}

/** What a version's refusal of alignment carries: each mismatch, with the language for a corrigendum of several. */
export type LocatedMismatch = Mismatch & { lang: Lang };

/** The version does not align with the issued text: 422 with every mismatch in `details.mismatches`. */
export function misaligned(mismatches: readonly LocatedMismatch[]): DomainError {
  const first = mismatches[0];
  const more = mismatches.length > 1 ? ` (and ${mismatches.length - 1} more)` : '';
  return new DomainError(ErrorIds.versionMisaligned, `the version's structure differs from the issued text: ${first ? `${first.detail}` : ''}${more}`, { mismatches });
}

const referenceLanguage = (lang: Lang) =>
  new DomainError(ErrorIds.referenceLanguage, `${lang} is the draft's reference language: its text is the issued revision itself, not a version stored beside it`);

/** No version stored for that revision and language. */
export const versionNotFound = (t: Pick<VersionTarget, 'revision' | 'lang'>) =>
  new DomainError(ErrorIds.versionNotFound, `no ${t.lang} version of revision ${t.revision} is recorded`);

/** The draft, the issued revision and the record a version write is checked against. */
export interface LoadedRevision {
  draft: DraftRow;
  revision: RevisionRow;
  revisions: RevisionRow[];
  rows: DraftEventRow[];
  /** The draft's reference language, when it is one of the six. */
  reference: Lang | null;
}

/** Load a draft's issued revision for a version write; 404 for an unknown draft or revision or a text not in the record. */
export async function loadRevision(store: RecordRepos, draftId: string, revision: number): Promise<LoadedRevision> {
  const draft = await store.getDraft(draftId);
  if (!draft) throw DomainErrors.notFound('draft');
  const revisions = await store.listRevisions(draftId);
  const found = revisions.find((r) => r.revision === revision);
  if (!found) throw DomainErrors.notFound(`revision ${revision}`);
  const rows = await store.listDraftEvents(draftId);
  if (textNotInRecord(provenanceOf(rows), found.symbol)) {
    throw new DomainError(ErrorIds.textNotInRecord, `the text of ${found.symbol} is not in the record: there is nothing to align a version with`);
  }
  return { draft, revision: found, revisions, rows, reference: langOf(draft.language) };
}

function authorize(actor: Actor): void {
  const permission = mayRecordLanguageVersion(actor);
  if (!permission.ok) throw DomainErrors.forbidden(permission.error);
}

/** A text checked against the schema, as stored. */
function canonical(text: TextJSON): TextJSON {
  return textFromJSON(text).toJSON();
}

/**
 * Append a row to a version's history, made by `make` from the latest row read in the same
 * transaction; run again when another writer appended first.
 */
function appendVersion(
  store: Store,
  t: VersionTarget,
  make: (latest: LanguageVersionRow | null, tx: RecordRepos & UpdateLogRepo) => Omit<NewLanguageVersion, 'draftId' | 'revision' | 'lang'>,
): Promise<LanguageVersionRow> {
  return oneAtATime(store, `language-version:${t.draftId}:${t.revision}:${t.lang}`, () =>
    retryLostRaces(() =>
      store.transaction(async (tx) => {
        const latest = await tx.latestLanguageVersion(t.draftId, t.revision, t.lang);
        const row = await tx.addLanguageVersion({ draftId: t.draftId, revision: t.revision, lang: t.lang, ...make(latest, tx) });
        expectNextSeq(`the ${t.lang} version of revision ${t.revision}`, latest?.seq ?? 0, row.seq);
        return row;
      }),
    ),
  );
}

/** Whether a version would align with the issued text, storing nothing: the `?check=1` answer. */
export async function checkVersion(store: Store, t: VersionTarget, version: TextJSON, options: AlignOptions = {}): Promise<{ ok: boolean; mismatches: Mismatch[] }> {
  const loaded = await loadRevision(store, t.draftId, t.revision);
  if (loaded.reference === t.lang) throw referenceLanguage(t.lang);
  const aligned = alignVersion(loaded.revision.text as TextJSON, canonical(version), options);
  return aligned.ok ? { ok: true, mismatches: [] } : { ok: false, mismatches: aligned.mismatches };
}

/** Store a version read from Word or paste (or given as JSON), once it aligns with the issued text; 422 `version_misaligned` otherwise, nothing stored. */
export async function recordVersion(
  store: Store,
  input: VersionTarget & { actor: Actor; version: TextJSON; printed?: AlignOptions['printed']; kind?: VersionKind; note?: LocalizedText | null },
): Promise<LanguageVersionRow> {
  authorize(input.actor);
  const loaded = await loadRevision(store, input.draftId, input.revision);
  if (loaded.reference === input.lang) throw referenceLanguage(input.lang);
  const aligned = alignVersion(loaded.revision.text as TextJSON, canonical(input.version), { printed: input.printed });
  if (!aligned.ok) throw misaligned(aligned.mismatches.map((m) => ({ ...m, lang: input.lang })));
  const text = canonical(aligned.text);
  return appendVersion(store, input, () => ({ kind: input.kind ?? 'issued', text, pending: [], note: input.note ?? null, recordSeq: null, recordedBy: input.actor.id }));
}

/**
 * A translator's words for one paragraph (TITLE_ID, FORMULA_ID or an annex id for the heading)
 * with "[^n]" where its footnotes stand: a new row of the version with that paragraph no longer
 * pending. With no version stored yet, the version begins as the reference's text, every
 * paragraph pending.
 */
export async function typeVersionParagraph(
  store: Store,
  input: VersionTarget & { actor: Actor; paragraphId: string; text: string; footnotes?: readonly string[] },
): Promise<LanguageVersionRow> {
  authorize(input.actor);
  const loaded = await loadRevision(store, input.draftId, input.revision);
  if (loaded.reference === input.lang) throw referenceLanguage(input.lang);
  if (!paragraphForTyping(loaded.revision.text as TextJSON, input.paragraphId)) throw DomainErrors.notFound(`paragraph ${input.paragraphId} of ${loaded.revision.symbol}`);
  return appendVersion(store, input, (latest) => {
    const base = latest ? { text: latest.text as TextJSON, pending: latest.pending } : startVersion(loaded.revision.text as TextJSON);
    const typed = typeParagraph(base.text, input.paragraphId, input.text, input.footnotes);
    if (!typed.ok) throw DomainErrors.refused(typed.error);
    return {
      kind: 'typed',
      text: canonical(typed.value),
      pending: base.pending.filter((id) => id !== input.paragraphId),
      note: null,
      recordSeq: null,
      recordedBy: input.actor.id,
    };
  });
}

/** Carry the version of an earlier revision to this one: unchanged paragraphs kept, the others pending in the reference's words. */
export async function carryVersionForward(store: Store, input: VersionTarget & { actor: Actor; from: number }): Promise<LanguageVersionRow> {
  authorize(input.actor);
  const loaded = await loadRevision(store, input.draftId, input.revision);
  if (loaded.reference === input.lang) throw referenceLanguage(input.lang);
  if (input.from >= input.revision) throw DomainErrors.refused(`a version is carried forward from an earlier revision than ${input.revision}, not from ${input.from}`);
  const from = await loadRevision(store, input.draftId, input.from);
  const source = await store.latestLanguageVersion(input.draftId, input.from, input.lang);
  if (!source) throw versionNotFound({ revision: input.from, lang: input.lang });
  const carried = carryForward(source.text as TextJSON, from.revision.text as TextJSON, loaded.revision.text as TextJSON, source.pending);
  const text = canonical(carried.text);
  return appendVersion(store, input, () => ({ kind: 'carried_forward', text, pending: carried.pending, note: null, recordSeq: null, recordedBy: input.actor.id }));
}

/** What a corrigendum or reissue records. */
export interface LanguageCorrigendumInput {
  draftId: string;
  revision: number;
  actor: Actor;
  kind: 'corrigendum' | 'reissue';
  langs: readonly Lang[];
  symbol?: string;
  note?: LocalizedText | null;
  /** The corrected texts, by language (each among `langs`, none the reference language), with the labels each printed. */
  texts?: Partial<Record<Lang, { version: TextJSON; printed?: AlignOptions['printed'] }>>;
}

// The symbol of the next corrigendum of `of` (the record's documents and language corrigenda counted), or of its reissue.
function corrigendumSymbol(rows: readonly DraftEventRow[], of: string, kind: 'corrigendum' | 'reissue'): string {
  const parsed = parseSymbol(of);
  if (!parsed.ok) throw DomainErrors.refused(parsed.error);
  if (kind === 'reissue') return formatSymbol({ ...parsed.value, reissued: true });
  const documents = documentsOf(rows).filter((d) => d.of === of && d.kind === 'corrigendum').length;
  const language = rows.filter((r) => r.type === LANGUAGE_CORRIGENDUM && (r.payload as Partial<LanguageCorrigendumPayload>).of === of && r.payload.kind === 'corrigendum').length;
  return formatSymbol({ ...parsed.value, reissued: false, corrigendum: documents + language + 1 });
}

/**
 * Record a corrigendum or reissue for one language or several: an entry of the draft's record
 * and, for each language whose corrected text is given, a new row of its version (aligned first;
 * 422 `version_misaligned` naming the language of each mismatch, nothing stored).
 */
export async function recordLanguageCorrigendum(
  store: Store,
  input: LanguageCorrigendumInput,
): Promise<{ row: DraftEventRow; payload: LanguageCorrigendumPayload; versions: LanguageVersionRow[] }> {
  authorize(input.actor);
  const loaded = await loadRevision(store, input.draftId, input.revision);
  const langs = LANGUAGES.filter((l) => input.langs.includes(l));
  const texts = Object.entries(input.texts ?? {}) as [Lang, { version: TextJSON; printed?: AlignOptions['printed'] }][];
  const aligned = new Map<Lang, TextJSON>();
  const mismatches: LocatedMismatch[] = [];
  for (const [lang, given] of texts) {
    if (!langs.includes(lang)) throw DomainErrors.validation(`a text is given in ${lang}, which the ${input.kind} does not concern (langs: ${langs.join(', ')})`);
    if (lang === loaded.reference) throw referenceLanguage(lang);
    const result = alignVersion(loaded.revision.text as TextJSON, canonical(given.version), { printed: given.printed });
    if (result.ok) aligned.set(lang, canonical(result.text));
    else mismatches.push(...result.mismatches.map((m) => ({ ...m, lang })));
  }
  if (mismatches.length > 0) throw misaligned(mismatches);
  let payload: LanguageCorrigendumPayload | null = null;
  const versions: LanguageVersionRow[] = [];
  const { row } = await recordEntry(store, {
    draftId: input.draftId,
    actor: input.actor,
    type: LANGUAGE_CORRIGENDUM,
    authorize: () => mayRecordLanguageVersion(input.actor),
    check: async (ctx) => {
      versions.length = 0;
      const of = loaded.revision.symbol;
      payload = {
        kind: input.kind,
        langs,
        symbol: input.symbol ?? corrigendumSymbol(ctx.rows, of, input.kind),
        of,
        revision: input.revision,
        note: input.note ?? null,
        texts: [...aligned.keys()],
      };
      // The entry is appended right after this check with the next seq of the record (else the whole transaction runs again).
      const recordSeq = lastSeqOf(ctx.rows) + 1;
      for (const [lang, text] of aligned) {
        const latest = await ctx.tx.latestLanguageVersion(input.draftId, input.revision, lang);
        const added = await ctx.tx.addLanguageVersion({
          draftId: input.draftId,
          revision: input.revision,
          lang,
          kind: input.kind,
          text,
          pending: [],
          note: input.note ?? null,
          recordSeq,
          recordedBy: input.actor.id,
        });
        expectNextSeq(`the ${lang} version of revision ${input.revision}`, latest?.seq ?? 0, added.seq);
        versions.push(added);
      }
      return payload;
    },
  });
  return { row, payload: payload!, versions };
}

/** The corrigenda and reissues of a draft's record, oldest first. */
export function languageCorrigendaOf(rows: readonly DraftEventRow[]): (LanguageCorrigendumPayload & { seq: number; at: string })[] {
  return [...rows]
    .sort((a, b) => a.seq - b.seq)
    .filter((r) => r.type === LANGUAGE_CORRIGENDUM)
    .map((r) => ({ ...(r.payload as unknown as LanguageCorrigendumPayload), seq: r.seq, at: r.at }));
}
