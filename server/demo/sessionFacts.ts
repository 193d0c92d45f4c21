/**
 * The facts of the eleventh session of the Conference of the Parties to UNTOC, read from the
 * demo's own copy of the fixtures (`server/demo/fixtures/`: nothing outside the repository) and
 * checked against a schema, so that a damaged fixture fails loudly at seed time rather than
 * seeding half a session.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { projectUrl } from '../paths';

const localized = z.object({ en: z.string().min(1), zh: z.string().min(1) });

const sponsor = z.object({
  en: z.string().min(1),
  zh: z.string().min(1),
  onBehalfOf: localized.optional(),
});

const action = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('adopted'),
    meeting: z.number().int().positive(),
    date: z.string(),
    becomes: z.string(),
    orallyAmended: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('deferred'),
    decidedBy: z.enum(['sponsors', 'body']),
    meeting: z.number().int().positive(),
    date: z.string(),
    noAction: z.boolean(),
    annexedToReport: z.boolean(),
  }),
]);

const draftFacts = z.object({
  symbol: z.string(),
  kind: z.enum(['resolution', 'decision']),
  agendaItem: z.string(),
  title: z.object({ zh: z.string().min(1) }),
  submittedBy: localized.optional(),
  mainSponsor: sponsor.optional(),
  sponsors: z.array(sponsor).optional(),
  note: z.string().optional(),
  action,
  text: z.string(),
});

const recordedVote = z.object({
  meeting: z.number().int().positive(),
  date: z.string(),
  question: z.object({ en: z.string().min(1) }),
  yes: z.number().int().nonnegative(),
  no: z.number().int().nonnegative(),
  abstain: z.number().int().nonnegative(),
  majority: z.enum(['simple', 'two-thirds']),
  outcome: z.string(),
});

const sessionFacts = z.object({
  body: localized,
  session: z.object({
    number: z.number().int().positive(),
    place: z.string(),
    opens: z.string(),
    closes: z.string(),
    symbolPrefix: z.string(),
  }),
  drafts: z.array(draftFacts),
  recordedVotes: z.array(recordedVote).optional(),
});

/** A sponsor as the report names it. */
export type SponsorFacts = z.infer<typeof sponsor>;
/** The action the session took on a draft, as the report records it. */
export type ActionFacts = z.infer<typeof action>;
/** The facts of one draft: symbol, kind, sponsors, action, and the file of its final text. */
export type DraftFacts = z.infer<typeof draftFacts>;
/** A recorded vote of the session, as the fixture gives it (the report's counts and majority). */
export type RecordedVoteFacts = z.infer<typeof recordedVote>;
/** The facts of the whole session. */
export type SessionFacts = z.infer<typeof sessionFacts>;

/** The demo's fixtures directory (a copy owned by the importer's author). */
export const FIXTURES_DIR = projectUrl(['server', 'demo', 'fixtures'], true);

/** Read and check `cop11-session.json`; throws with the fixture's path on a malformed file. */
export async function loadSessionFacts(dir: URL = FIXTURES_DIR): Promise<SessionFacts> {
  const url = new URL('cop11-session.json', dir);
  const parsed = sessionFacts.safeParse(JSON.parse(await readFile(url, 'utf8')));
  if (!parsed.success) throw new Error(`malformed demo fixture ${url.pathname}: ${parsed.error.message}`);
  return parsed.data;
}

/** Read the plain text of a draft (its `text` path is relative to the fixtures directory). */
export async function loadDraftText(facts: DraftFacts, dir: URL = FIXTURES_DIR): Promise<string> {
  return readFile(new URL(facts.text, dir), 'utf8');
}

/**
 * English titles, translated from the Chinese titles of the report (the fixtures give only
 * Chinese): plain renderings, keyed by the draft's final symbol.
 */
export const ENGLISH_TITLES: Readonly<Record<string, string>> = {
  'CTOC/COP/2022/L.4': 'Implementation of the provisions on international cooperation of the United Nations Convention against Transnational Organized Crime',
  'CTOC/COP/2022/L.5': 'Implementation of the provisions on technical assistance of the United Nations Convention against Transnational Organized Crime',
  'CTOC/COP/2022/L.6/Rev.1':
    'Outcome of the joint thematic discussion of the Working Group of Government Experts on Technical Assistance and the Working Group on International Cooperation on the application of the United Nations Convention against Transnational Organized Crime to preventing and combating transnational organized crime that affects the environment',
  'CTOC/COP/2022/L.7/Rev.2':
    'Strengthening crime prevention and criminal justice responses to protect cultural property in all circumstances, including in situations of armed conflict and natural disasters',
  'CTOC/COP/2022/L.8/Rev.2':
    'Implementation of the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime',
  'CTOC/COP/2022/L.9/Rev.1':
    'Participation of relevant stakeholders, including non-governmental organizations, representatives of the private sector and academia, in the constructive dialogues',
  'CTOC/COP/2022/L.10/Rev.2':
    'Strengthening international cooperation to prevent, combat and eradicate the illicit manufacturing of and trafficking in firearms, their parts and components and ammunition',
  'CTOC/COP/2022/L.2/Rev.1': 'Provisional agenda for the twelfth session of the Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
  'CTOC/COP/2022/L.3/Rev.1': 'Organization of work of the twelfth session of the Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
};
