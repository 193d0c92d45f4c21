/**
 * The SQL of language versions (issue #19, migration 8), written once for both backends like
 * roomRepos.ts: a version's rows are appended with the next seq of their (draft, revision,
 * language), never changed; the latest row is the version. SqlRepos delegates to these.
 */
import type { Lang, LocalizedText } from '../../shared/languages';
import type { VersionKind } from '../../shared/languageVersions';
import type { SqlConnection } from './sqlConnection';
import { toIso, toJson, toJsonOrNull, type RawRow } from './rows';
import type { LanguageVersionRow, LanguageVersionSummary, NewLanguageVersion } from './types';

const time = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
const json = <T>(v: unknown): T => JSON.parse(String(v)) as T;

function summaryRow(r: RawRow): LanguageVersionSummary {
  return {
    draftId: String(r.draft_id),
    revision: Number(r.revision),
    lang: String(r.lang) as Lang,
    seq: Number(r.seq),
    kind: String(r.kind) as VersionKind,
    pending: json<string[]>(r.pending),
    note: r.note === null || r.note === undefined ? null : json<LocalizedText>(r.note),
    recordSeq: r.record_seq === null || r.record_seq === undefined ? null : Number(r.record_seq),
    recordedBy: r.recorded_by === null || r.recorded_by === undefined ? null : String(r.recorded_by),
    recordedAt: time(r.recorded_at),
  };
}

const versionRow = (r: RawRow): LanguageVersionRow => ({ ...summaryRow(r), text: json<unknown>(r.text) });

const SUMMARY_COLUMNS = 'draft_id, revision, lang, seq, kind, pending, note, record_seq, recorded_by, recorded_at';

/** Append a version row with the next seq of its (draft, revision, language). */
export function addLanguageVersion(conn: SqlConnection, v: NewLanguageVersion): Promise<LanguageVersionRow> {
  return conn.atomic(async (conn) => {
    const [last] = await conn.all('SELECT MAX(seq) AS seq FROM language_versions WHERE draft_id = ? AND revision = ? AND lang = ?', [v.draftId, v.revision, v.lang]);
    const seq = Number(last?.seq ?? 0) + 1;
    const r = await conn.all(
      `INSERT INTO language_versions (draft_id, revision, lang, seq, kind, text, pending, note, record_seq, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      [v.draftId, v.revision, v.lang, seq, v.kind, toJson(v.text), toJson(v.pending), toJsonOrNull(v.note), v.recordSeq, v.recordedBy, toIso(v.recordedAt)],
    );
    return versionRow(r[0]!);
  });
}

/** The latest row of a version, or null when none is stored. */
export async function latestLanguageVersion(conn: SqlConnection, draftId: string, revision: number, lang: Lang): Promise<LanguageVersionRow | null> {
  const r = await conn.all('SELECT * FROM language_versions WHERE draft_id = ? AND revision = ? AND lang = ? ORDER BY seq DESC LIMIT 1', [draftId, revision, lang]);
  return r.length > 0 ? versionRow(r[0]!) : null;
}

/** Every row of a version, oldest first, without their texts. */
export async function languageVersionHistory(conn: SqlConnection, draftId: string, revision: number, lang: Lang): Promise<LanguageVersionSummary[]> {
  const r = await conn.all(`SELECT ${SUMMARY_COLUMNS} FROM language_versions WHERE draft_id = ? AND revision = ? AND lang = ? ORDER BY seq`, [draftId, revision, lang]);
  return r.map(summaryRow);
}

/** The latest row of each version of a draft, without its text, by revision then language. */
export async function listLanguageVersions(conn: SqlConnection, draftId: string): Promise<LanguageVersionSummary[]> {
  const r = await conn.all(
    `SELECT ${SUMMARY_COLUMNS} FROM language_versions v
     WHERE draft_id = ? AND seq = (SELECT MAX(seq) FROM language_versions w WHERE w.draft_id = v.draft_id AND w.revision = v.revision AND w.lang = v.lang)
     ORDER BY revision, lang`,
    [draftId],
  );
  return r.map(summaryRow);
}
