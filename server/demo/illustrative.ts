/**
 * The demo's illustrative draft: a text written for the demo (in English, from
 * `fixtures/illustrative/draft.json`), never presented as real, on which comparison, oral
 * amendments, paragraph states and freezing can be tried at once. The report of the eleventh
 * session gives one text per draft, every draft acted on and frozen, so none of its drafts can
 * show a negotiation.
 *
 * It stands in a session of its own, under a body of its own, both named illustrative, with the
 * symbol prefix ILLUSTRATIVE: put in the eleventh session it would take a symbol of that
 * session's series (CTOC/COP/2022/L.11), which the session never issued, and show among its
 * drafts and in its report. Its title says it is illustrative, and its record carries the
 * `illustrative` provenance note on the whole draft.
 *
 * Its lineage: the original and Rev.1, issued (they differ: a preambular paragraph reworded and
 * one deleted, an operative paragraph reworded, one inserted and one moved), and a working text
 * in negotiation after Rev.1, typed by the main sponsor's delegate: a bracketed passage and a
 * pair of alternatives (brackets live in the working text only: issuing a text clears them,
 * server/commands/revisionIssuer.ts). The chair has marked two paragraphs. No action has been taken on it.
 * Its sponsors are the demo's sponsor delegations, so that their delegates can edit it.
 *
 * Its dates follow the day the demo is seeded (opened two days before, Rev.1 issued the day
 * before): it is a draft being negotiated now, not a record of the past.
 */
import { readFile } from 'node:fs/promises';
import type { Node as PMNode } from 'prosemirror-model';
import { updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { z } from 'zod';
import { textHash } from '../../shared/canonical';
import type { LocalizedText } from '../../shared/delegations';
import { validateEvent } from '../../shared/lifecycle';
import { PARAGRAPH_STATES, paragraphsById, paragraphTextHash } from '../../shared/negotiation';
import { TEXT_FRAGMENT } from '../../shared/protocol';
import { resolutionSchema as schema, type TextJSON } from '../../shared/schema';
import { checkSponsorshipChange, type SponsorshipEvent } from '../../shared/sponsorship';
import { draftSymbol } from '../../shared/symbols';
import { workingTextUpdate } from '../export/textImporter';
import { DEMO_DELEGATIONS } from './delegations';
import type { PlannedRevision } from './plan';
import { PROVENANCE, type ProvenanceNote } from './planProvenance';
import type { PlannedEntry, PlannedEvent } from './planRecord';
import type { PlannedSponsorship } from './planSponsorship';
import { type PlannedVersion, planIllustrativeVersions, versionsFacts } from './illustrativeVersions';
import { FIXTURES_DIR } from './sessionFacts';

/** The symbol prefix of the illustrative session: no UN series has it. */
export const ILLUSTRATIVE_PREFIX = 'ILLUSTRATIVE';

/** The body the illustrative session is of: none real. */
export const ILLUSTRATIVE_BODY: LocalizedText = { en: 'Illustrative drafting exercise (not a real body)', zh: '示例起草练习（非真实机构）' };

/** The illustrative session's title. */
export const ILLUSTRATIVE_SESSION_TITLE: LocalizedText = { en: 'Illustrative session — not part of any record', zh: '示例会议——不属于任何记录' };

/**
 * The note on the whole draft (the `illustrative` provenance): what the label "Illustrative — not
 * part of any session's record", which every page puts before it, does not say.
 */
export const ILLUSTRATIVE_NOTE: LocalizedText = {
  en: "a text written for the demo, in English, so that proposals, comments, co-sponsorship, comparison, oral amendments and freezing can be tried; the delegations' proposals, comments and requests on it are written for the demo too.",
  zh: '为演示而撰写的英文案文，用于试用提案、评论、共同提案、比较、口头修正和冻结；其中各代表团的提案、评论和请求同样是为演示而撰写的。',
};

const localized = z.object({ en: z.string().min(1), zh: z.string().min(1) });
const paragraph = z.object({ kind: z.enum(['preambular', 'operative']), id: z.string().min(1), text: z.string().min(1) });
// The title in English and Chinese, and in the other languages its translations give (illustrativeVersions.ts).
const title = localized.extend({ ar: z.string().min(1).optional(), fr: z.string().min(1).optional(), ru: z.string().min(1).optional(), es: z.string().min(1).optional() });
const facts = z.object({
  about: z.string().min(1),
  title,
  agendaItem: z.string().min(1),
  // onBehalfOf by code: the European Union co-sponsors also on behalf of its member States, as it does in the report's lists.
  sponsors: z.object({ main: z.string().min(1), co: z.array(z.string().min(1)), onBehalfOf: z.record(z.string(), localized).optional() }),
  texts: z.object({ original: z.array(paragraph).min(1), rev1: z.array(paragraph).min(1), working: z.array(paragraph).min(1) }),
  paragraphStates: z.array(z.object({ id: z.string().min(1), state: z.enum(PARAGRAPH_STATES) })),
  versions: versionsFacts,
});

/** The illustrative draft as its fixture gives it. */
export type IllustrativeFacts = z.infer<typeof facts>;

/** Read and check `illustrative/draft.json`. */
export async function loadIllustrativeFacts(dir: URL = FIXTURES_DIR): Promise<IllustrativeFacts> {
  const url = new URL('illustrative/draft.json', dir);
  const parsed = facts.safeParse(JSON.parse(await readFile(url, 'utf8')));
  if (!parsed.success) throw new Error(`malformed demo fixture ${url.pathname}: ${parsed.error.message}`);
  return parsed.data;
}

/** A text of the illustrative draft: its English title, then its paragraphs. */
export function illustrativeText(title: string, paragraphs: IllustrativeFacts['texts']['original']): PMNode {
  const node = schema.node('doc', null, [schema.node('title', null, [schema.text(title)]), ...paragraphs.map((p) => schema.node(p.kind, { id: p.id }, [schema.text(p.text)]))]);
  node.check();
  return node;
}

/** Everything the seed writes for the illustrative session and its draft. */
export interface PlannedIllustrative {
  session: { number: number; title: LocalizedText; symbolPrefix: string; place: string; opens: string; closes: string };
  title: LocalizedText;
  agendaItem: string;
  createdAt: string;
  sponsorship: PlannedSponsorship[];
  revisions: PlannedRevision[];
  record: (PlannedEvent | PlannedEntry)[];
  /** The working text after Rev.1, as the main sponsor's delegate typed it. */
  working: TextJSON;
  /** The paragraph states the chair set on the working text, with each paragraph's text hash then (as server/commands/paragraphStateRecorder.ts records it). */
  paragraphStates: { id: string; state: (typeof PARAGRAPH_STATES)[number]; textHash: string }[];
  /** The code of the delegation whose delegate typed the working text: the main sponsor. */
  typedBy: string;
  /** Its issued texts in other languages, translations written for the demo (illustrativeVersions.ts), in the order written. */
  versions: PlannedVersion[];
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Plan the illustrative draft, dated from `now`; throws when its fixture and the domain disagree. */
export function planIllustrative(f: IllustrativeFacts, now: Date): PlannedIllustrative {
  const DAY = 24 * 60 * 60 * 1000;
  const t = now.getTime();
  const opens = day(t - 2 * DAY);
  const codes = new Set(DEMO_DELEGATIONS.map((d) => d.code));
  const sponsorship: PlannedSponsorship[] = [f.sponsors.main, ...f.sponsors.co].map((code, i) => {
    if (!codes.has(code)) throw new Error(`illustrative draft: no demo delegation ${code}`);
    return { code, type: i === 0 ? 'main' : 'join', date: opens, onBehalfOf: f.sponsors.onBehalfOf?.[code] ?? null, recordedAt: new Date(t - 2 * DAY).toISOString() };
  });
  for (const code of Object.keys(f.sponsors.onBehalfOf ?? {})) {
    if (!sponsorship.some((s) => s.code === code)) throw new Error(`illustrative draft: ${code} sponsors on behalf of others but is not a sponsor`);
  }
  const checked: SponsorshipEvent[] = [];
  for (const p of sponsorship) {
    const change = { delegationId: p.code, type: p.type, date: p.date, onBehalfOf: p.onBehalfOf };
    const ok = checkSponsorshipChange(checked, change);
    if (!ok.ok) throw new Error(`illustrative sponsorship breaks the rules: ${ok.error}`);
    checked.push({ ...change, seq: checked.length + 1 });
  }
  const sponsorCodes = sponsorship.map((s) => s.code);
  const texts = [f.texts.original, f.texts.rev1].map((ps) => illustrativeText(f.title.en, ps));
  const revisions: PlannedRevision[] = texts.map((text, revision) => ({
    symbol: draftSymbol(ILLUSTRATIVE_PREFIX, 1, revision),
    revision,
    issuedAt: new Date(t - (2 - revision) * DAY + 60_000).toISOString(),
    text: text.toJSON() as TextJSON,
    textInRecord: true,
    hash: textHash(text),
    sponsorCodes,
  }));
  if (revisions[0]!.hash === revisions[1]!.hash) throw new Error('illustrative draft: the original and Rev.1 are the same text');
  const record: (PlannedEvent | PlannedEntry)[] = revisions.map((r) => ({ event: { type: 'issued', symbol: r.symbol, revision: r.revision }, at: r.issuedAt }));
  for (const { event } of record as PlannedEvent[]) {
    const valid = validateEvent(event);
    if (!valid.ok) throw new Error(`illustrative event is malformed: ${valid.error}`);
  }
  const note: ProvenanceNote = { kind: 'illustrative', symbol: null, note: ILLUSTRATIVE_NOTE };
  record.unshift({ entry: { type: PROVENANCE, payload: { ...note } }, at: new Date(t - 2 * DAY).toISOString() });
  const working = illustrativeText(f.title.en, f.texts.working);
  const byId = paragraphsById(working);
  const paragraphStates = f.paragraphStates.map((s) => {
    const node = byId.get(s.id);
    if (!node) throw new Error(`illustrative draft: no paragraph ${s.id} in the working text`);
    return { ...s, textHash: paragraphTextHash(node) };
  });
  return {
    session: { number: 1, title: ILLUSTRATIVE_SESSION_TITLE, symbolPrefix: ILLUSTRATIVE_PREFIX, place: 'Illustrative (no real venue)', opens, closes: day(t + 2 * DAY) },
    title: f.title,
    agendaItem: f.agendaItem,
    createdAt: new Date(t - 2 * DAY).toISOString(),
    sponsorship,
    revisions,
    record,
    working: working.toJSON() as TextJSON,
    paragraphStates,
    typedBy: f.sponsors.main,
    versions: planIllustrativeVersions(f.versions, f.title, revisions),
  };
}

/**
 * The working text's log: Rev.1 as the first update (as server/collab/seed.ts writes a draft's
 * first update), then what the delegate typed after it, as one update written under its own
 * client id (y-prosemirror diffs the two texts, so unchanged paragraphs keep their identity).
 */
export function workingTextLog(rev1: TextJSON, working: TextJSON): { first: Uint8Array; typed: { update: Uint8Array; clientId: number } } {
  const { update: first } = workingTextUpdate(rev1);
  const y = new Y.Doc();
  Y.applyUpdate(y, first);
  const before = Y.encodeStateVector(y);
  y.transact(() => updateYFragment(y, y.getXmlFragment(TEXT_FRAGMENT), schema.nodeFromJSON(working), { mapping: new Map(), isOMark: new Map() }));
  const typed = { update: Y.encodeStateAsUpdate(y, before), clientId: y.clientID };
  y.destroy();
  return { first, typed };
}
