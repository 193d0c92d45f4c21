/**
 * What the paragraphs of a session's report are written from beside the entries and the
 * drafts, and how they name who the entries name: a delegation by its name in the report, an
 * officer by title. Shared by the paragraphs of votes (shared/reportVote.ts) and of statements
 * (shared/reportStatement.ts), so that both name a delegation alike.
 *
 * House style, from the report of the COP to UNTOC on its eleventh session: one speaker of a
 * member State "俄罗斯联邦代表", any other single speaker (a regional organization) "欧洲联盟的代表",
 * several "中国、欧洲联盟…和古巴的代表", in the order they spoke.
 */
import type { DelegationKind, Lang, LocalizedText } from './delegations';
import type { Speaker } from './meetingRecord';
import { inLang } from './reportLanguage';
import { joinList } from './reportNames';
import { englishName } from './reportParagraph';

/** What the paragraphs of a session are written from, beside the entries and the drafts. */
export interface SessionReportContext {
  /** How the report names the body in running text: "the Conference" / "缔约方会议". */
  body: LocalizedText;
  /** Who presides: "President" / "主席" by default. */
  chair?: LocalizedText;
  /** Who votes: "States" / "缔约国" by default. */
  voters?: LocalizedText;
  /** The delegations the entries name, by id. */
  delegations: ReadonlyMap<string, { name: LocalizedText; kind: DelegationKind }>;
}

/** A delegation's name as the context gives it; its id where the context does not know it. */
export function delegationName(id: string, ctx: SessionReportContext): LocalizedText {
  return ctx.delegations.get(id)?.name ?? { en: id };
}

/** The subject of a statement in English or Chinese: who spoke, as the report names them (the four other languages: shared/reportRecordWords.ts). */
export function speakersOf(speakers: readonly Speaker[], ctx: SessionReportContext, lang: Lang): string {
  const named = speakers.map((s) => {
    if ('officer' in s) return { officer: true, member: false, name: s.officer };
    const d = ctx.delegations.get(s.delegationId);
    return { officer: false, member: d?.kind === 'member', name: s.asNamed ?? d?.name ?? { en: s.delegationId } };
  });
  const delegations = named.filter((n) => !n.officer);
  if (delegations.length === 0) {
    const officers = named.map((n) => inLang(n.name, lang));
    return lang === 'zh' ? joinList(officers, 'zh') : `The ${joinList(officers, 'en').replace(/ and /g, ' and the ')}`;
  }
  if (lang === 'zh') {
    const names = joinList(
      named.map((n) => inLang(n.name, 'zh')),
      'zh',
    );
    return named.length === 1 && named[0]!.member ? `${names}代表` : `${names}的代表`;
  }
  const names = joinList(
    named.map((n) => {
      const en = n.name.en?.trim();
      return en ? (n.officer ? `the ${en}` : englishName(en)) : inLang(n.name, 'en');
    }),
    'en',
  );
  return named.length === 1 ? `The representative of ${names}` : `The representatives of ${names}`;
}
