/**
 * The demo: the eleventh session of the Conference of the Parties to UNTOC (Vienna, 17–21
 * October 2022) with its nine drafts, their sponsors, issued texts and the action taken, what
 * its report says of them that is not in the record marked so (plan.ts), its session record —
 * the three recorded votes, explanations, statements (sessionRecord.ts) — and a handful of
 * accounts to try it with. `server/main.ts` seeds an empty store with it on first
 * start and prints the accounts.
 *
 * Everything is worked out and checked against the domain first (see plan.ts), passwords are
 * hashed, and only then is the whole demo written in one store transaction: it is all there or
 * none of it is.
 *
 * Beside the session, in a session of its own, one illustrative draft in negotiation
 * (illustrative.ts), labelled so, never presented as part of the session's record, with the
 * whole room at work on it (illustrativeWorkflow.ts): proposals from several delegations,
 * comment threads, a request to co-sponsor — written through the commands the API uses, in the
 * same transaction (seedWorkflow.ts). The European Union is recorded as speaking for the demo's
 * EU member States. The illustrative draft is in English (its reference and original language)
 * and, in translations written for the demo and labelled so, in French and Spanish
 * (illustrativeVersions.ts). The session's drafts are in Chinese, the language the report prints
 * them in: their reference language is Chinese and their original language is not in the record.
 *
 * The session's working texts are NOT created here. The collaboration server creates a
 * draft's Y.Doc from its latest revision the first time the draft is opened; the seed writes
 * nothing to their update logs, which hold only what people typed. The illustrative draft's
 * log holds its Rev.1, what its main sponsor's delegate typed after it, and the words of the
 * proposal the main sponsor accepted, credited to the proposing delegation.
 */
import type { Role } from '../../shared/accounts';
import { applyEvent, INITIAL_STATUS, validateEvent, type DraftStatus } from '../../shared/lifecycle';
import type { AuthenticatedUser } from '../auth/authenticate';
import { hashPassword } from '../auth/passwords';
import { RecordTypes } from '../commands/meetingRecord';
import { appendSessionEntry } from '../commands/sessionRecorder';
import type { RecordRepos, Store, UpdateLogRepo } from '../storage/types';
import { DEMO_ACCOUNTS, demoLogin, demoPassword, type DemoPasswords } from './accounts';
import { DEMO_DELEGATIONS } from './delegations';
import { ILLUSTRATIVE_BODY, loadIllustrativeFacts, planIllustrative, workingTextLog, type PlannedIllustrative } from './illustrative';
import { type CheckedWorkflow, checkWorkflow, ILLUSTRATIVE_WORKFLOW } from './illustrativeWorkflow';
import { writeGroups, writeWorkflow } from './seedWorkflow';
import { planDraft, type PlannedDraft } from './plan';
import { isPlannedEvent, type PlannedRecord } from './planRecord';
import { loadDraftText, loadSessionFacts, type SessionFacts } from './sessionFacts';
import { planSessionRecord, type PlannedSessionEntry } from './sessionRecord';

/** A demo account as printed on the console: the login, its password in clear, who it is. */
export interface DemoAccount {
  login: string;
  password: string;
  displayName: string;
  role: Role;
  /** The English name of the delegation a delegate speaks for; null for the secretariat and the chair. */
  delegation: string | null;
}

/** Options of `seedDemo`. */
export interface SeedDemoOptions {
  /** 'random' (the default): new passwords per install; 'fixed': known ones, for tests. */
  passwords?: DemoPasswords;
  /** The moment the illustrative draft's dates follow (default: now). */
  now?: Date;
}

/** Thrown when the store already holds the demo session: the demo is seeded once, into an empty store. */
export class DemoAlreadySeeded extends Error {
  constructor(readonly symbolPrefix: string) {
    super(`the demo session (${symbolPrefix}) is already in the store: the demo is seeded only once, into an empty store`);
    this.name = 'DemoAlreadySeeded';
  }
}

/** The demo, worked out and checked, ready to write. */
interface DemoPlan {
  drafts: PlannedDraft[];
  sessionRecord: PlannedSessionEntry[];
  illustrative: PlannedIllustrative;
  /** What the delegations do on the illustrative draft, checked against its working text. */
  workflow: CheckedWorkflow;
  accounts: (DemoAccount & { name: string; passwordHash: string; delegationCode: string | null })[];
}

async function refuseIfSeeded(repos: Pick<RecordRepos, 'listSessions'>, prefix: string): Promise<void> {
  if ((await repos.listSessions()).some((s) => s.symbolPrefix === prefix)) throw new DemoAlreadySeeded(prefix);
}

async function planDemo(facts: SessionFacts, mode: DemoPasswords, now: Date): Promise<DemoPlan> {
  const drafts = await Promise.all(facts.drafts.map(async (d) => planDraft(d, await loadDraftText(d), facts.session)));
  const illustrative = planIllustrative(await loadIllustrativeFacts(), now);
  const workflow = checkWorkflow(ILLUSTRATIVE_WORKFLOW, {
    working: illustrative.working,
    sponsorCodes: illustrative.sponsorship.map((s) => s.code),
    markedParagraphs: illustrative.paragraphStates.map((s) => s.id),
  });
  const nameOf = new Map(DEMO_DELEGATIONS.map((d) => [d.code, d.name.en]));
  const accounts = await Promise.all(
    DEMO_ACCOUNTS.map(async (spec) => {
      const password = demoPassword(spec, mode);
      const delegation = spec.delegationCode === null ? null : nameOf.get(spec.delegationCode);
      if (delegation === undefined) throw new Error(`demo account ${spec.name}: no demo delegation ${spec.delegationCode}`);
      return {
        name: spec.name,
        login: demoLogin(spec),
        password,
        displayName: spec.displayName,
        role: spec.role,
        delegation,
        delegationCode: spec.delegationCode,
        passwordHash: await hashPassword(password),
      };
    }),
  );
  return { drafts, sessionRecord: planSessionRecord(facts), illustrative, workflow, accounts };
}

// The demo's delegations, reusing any the store already has under the same code.
async function writeDelegations(tx: RecordRepos): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const d of DEMO_DELEGATIONS) {
    const existing = await tx.getDelegationByCode(d.code);
    const row = existing ?? (await tx.createDelegation({ code: d.code, name: d.name, kind: d.kind }));
    ids.set(d.code, row.id);
  }
  return ids;
}

function idOf(ids: ReadonlyMap<string, string>, code: string): string {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`the demo has no delegation with code ${code}`);
  return id;
}

// Append the draft's record in order: each lifecycle event validated by shared/lifecycle just
// before it is written, the record entries beside them as their commands append them (a number
// is claimed in the session first, as server/commands/resolutionNumbering.ts claims it).
async function writeRecord(
  tx: RecordRepos,
  draft: { id: string; sessionId: string },
  symbol: string,
  planned: readonly PlannedRecord[],
  delegationIds: ReadonlyMap<string, string>,
  userId: string,
): Promise<DraftStatus> {
  let status = INITIAL_STATUS;
  for (const item of planned) {
    if (!isPlannedEvent(item)) {
      const { entry, at } = item;
      if (entry.type === RecordTypes.number) {
        const { kind, number } = entry.payload as { kind: 'resolution' | 'decision'; number: string };
        await tx.claimTextNumber(draft.sessionId, kind, number, draft.id);
      }
      await tx.appendDraftEvent({ draftId: draft.id, type: entry.type, payload: entry.payload, userId, at });
      continue;
    }
    const { event, at, byCode } = item;
    const json = event.type === 'introduced' && byCode ? { ...event, by: idOf(delegationIds, byCode) } : event;
    const valid = validateEvent(json);
    if (!valid.ok) throw new Error(`demo event of ${symbol} is malformed: ${valid.error}`);
    const next = applyEvent(status, valid.value);
    if (!next.ok) throw new Error(`demo event of ${symbol} refused by the lifecycle: ${next.error}`);
    const { type, ...payload } = valid.value;
    await tx.appendDraftEvent({ draftId: draft.id, type, payload, userId, at });
    status = next.value;
  }
  return status;
}

// The session record (sessionRecord.ts), each entry checked by the session record's command
// (server/commands/sessionRecorder.ts) as it is appended; explanations name their vote's seq.
async function writeSessionRecord(
  tx: RecordRepos,
  sessionId: string,
  planned: readonly PlannedSessionEntry[],
  ids: { delegations: ReadonlyMap<string, string>; drafts: ReadonlyMap<string, string> },
  userId: string,
): Promise<void> {
  const voteSeqs: number[] = [];
  for (const p of planned) {
    if (p.kind === 'vote') {
      voteSeqs.push((await appendSessionEntry(tx, { sessionId, entry: p.entry, userId })).seq);
      continue;
    }
    const speakers = p.speakers.map((s) => ('code' in s ? { delegationId: idOf(ids.delegations, s.code), asNamed: s.asNamed ?? null } : s));
    const draftId = p.draft === null ? null : ids.drafts.get(p.draft);
    if (draftId === undefined) throw new Error(`demo session record: no draft ${p.draft}`);
    const voteSeq = p.vote === null ? null : voteSeqs[p.vote];
    if (voteSeq === undefined) throw new Error(`demo session record: no vote ${p.vote}`);
    await appendSessionEntry(tx, { sessionId, entry: { ...p.entry, draftId, voteSeq, speakers }, userId });
  }
}

async function writeDraft(tx: RecordRepos, sessionId: string, draft: PlannedDraft, delegationIds: ReadonlyMap<string, string>, secretariatId: string): Promise<string> {
  const row = await tx.createDraft({
    sessionId,
    lNumber: draft.lNumber,
    kind: draft.kind,
    title: draft.title,
    agendaItem: draft.agendaItem,
    language: 'zh',
    submittedBy: draft.submittedBy,
    // The report does not say who chaired the consultations on a draft.
    chairUserId: null,
    createdBy: secretariatId,
    createdAt: draft.createdAt,
  });
  for (const s of draft.sponsorship) {
    await tx.addSponsorshipEvent({
      draftId: row.id,
      delegationId: idOf(delegationIds, s.code),
      type: s.type,
      date: s.date,
      onBehalfOf: s.onBehalfOf,
      recordedBy: secretariatId,
      recordedAt: s.recordedAt,
    });
  }
  for (const r of draft.revisions) {
    await tx.createRevision({
      draftId: row.id,
      symbol: r.symbol,
      revision: r.revision,
      text: r.text,
      hash: r.hash,
      sponsorIds: r.sponsorCodes.map((c) => idOf(delegationIds, c)),
      issuedAt: r.issuedAt,
      issuedBy: secretariatId,
    });
  }
  await writeRecord(tx, { id: row.id, sessionId }, draft.symbol, draft.record, delegationIds, secretariatId);
  return row.id;
}

// The illustrative session and its draft: issued texts, record, the working text's log and
// the chair's paragraph states; returns the draft's id.
async function writeIllustrative(
  tx: RecordRepos & UpdateLogRepo,
  plan: PlannedIllustrative,
  delegationIds: ReadonlyMap<string, string>,
  users: { secretariatId: string; chairId: string; typistId: string },
): Promise<string> {
  const body = await tx.createBody({ name: ILLUSTRATIVE_BODY });
  const session = await tx.createSession({ bodyId: body.id, ...plan.session });
  const row = await tx.createDraft({
    sessionId: session.id,
    lNumber: 1,
    kind: 'resolution',
    title: plan.title,
    agendaItem: plan.agendaItem,
    language: 'en',
    submittedBy: null,
    chairUserId: users.chairId,
    createdBy: users.secretariatId,
    createdAt: plan.createdAt,
  });
  for (const s of plan.sponsorship) {
    const { code, ...change } = s;
    await tx.addSponsorshipEvent({ draftId: row.id, delegationId: idOf(delegationIds, code), ...change, recordedBy: users.secretariatId });
  }
  for (const r of plan.revisions) {
    const { symbol, revision, text, hash, issuedAt } = r;
    await tx.createRevision({
      draftId: row.id,
      symbol,
      revision,
      text,
      hash,
      issuedAt,
      sponsorIds: r.sponsorCodes.map((c) => idOf(delegationIds, c)),
      issuedBy: users.secretariatId,
    });
  }
  // Its French and Spanish versions, translations written for the demo, each row saying so (illustrativeVersions.ts).
  for (const v of plan.versions) {
    const { revision, lang, kind, text, pending, note, at } = v;
    await tx.addLanguageVersion({ draftId: row.id, revision, lang, kind, text, pending, note, recordSeq: null, recordedBy: users.secretariatId, recordedAt: at });
  }
  await writeRecord(tx, { id: row.id, sessionId: session.id }, plan.revisions.at(-1)!.symbol, plan.record, delegationIds, users.secretariatId);
  const { first, typed } = workingTextLog(plan.revisions.at(-1)!.text, plan.working);
  await tx.appendUpdates([{ draftId: row.id, update: first, userId: users.secretariatId, delegationId: null }]);
  const taken = await tx.claimClientIds(row.id, users.typistId, [typed.clientId]);
  if (taken.length > 0) throw new Error("illustrative draft: the typist's client id is taken");
  const [stored] = await tx.appendUpdates([{ draftId: row.id, update: typed.update, userId: users.typistId, delegationId: idOf(delegationIds, plan.typedBy) }]);
  const at = plan.revisions.at(-1)!.issuedAt;
  for (const s of plan.paragraphStates) {
    // As the chair's command records a state: the paragraph's text hash and the log's seq then.
    const payload = { paragraphId: s.id, state: s.state, textHash: s.textHash, logSeq: stored!.seq };
    await tx.appendDraftEvent({ draftId: row.id, type: RecordTypes.paragraphState, payload, userId: users.chairId, at });
  }
  return row.id;
}

/**
 * Seed the demo session into a store that does not hold it yet, in one transaction; returns
 * the accounts with their passwords in clear (the only time they are known). Throws
 * `DemoAlreadySeeded` when the session is already there.
 */
export async function seedDemo(store: Store, options: SeedDemoOptions = {}): Promise<DemoAccount[]> {
  const facts = await loadSessionFacts();
  const { body, session } = facts;
  // Checked before the slow part (importing, hashing) and again inside the transaction, where it counts.
  await refuseIfSeeded(store, session.symbolPrefix);
  const now = options.now ?? new Date();
  const plan = await planDemo(facts, options.passwords ?? 'random', now);
  await store.transaction(async (tx) => {
    await refuseIfSeeded(tx, session.symbolPrefix);
    const bodyRow = await tx.createBody({ name: body });
    const sessionRow = await tx.createSession({
      bodyId: bodyRow.id,
      number: session.number,
      title: { en: 'Eleventh session', zh: '第十一届会议' },
      symbolPrefix: session.symbolPrefix,
      place: session.place,
      opens: session.opens,
      closes: session.closes,
    });
    const delegationIds = await writeDelegations(tx);
    const userIds = new Map<string, string>();
    // Each account as it would be signed in, by its name (accounts.ts), for the commands the workflow runs.
    const signedIn = new Map<string, AuthenticatedUser>();
    for (const a of plan.accounts) {
      const user = await tx.createUser({
        login: a.login,
        displayName: a.displayName,
        role: a.role,
        passwordHash: a.passwordHash,
        delegationId: a.delegationCode === null ? null : idOf(delegationIds, a.delegationCode),
      });
      userIds.set(a.login, user.id);
      signedIn.set(a.name, { id: user.id, role: user.role, delegationId: user.delegationId, login: user.login, displayName: user.displayName });
    }
    await writeGroups(tx, delegationIds);
    const secretariatId = userIds.get(demoLogin({ name: 'secretariat' }))!;
    const chairId = userIds.get(demoLogin({ name: 'chair' }))!;
    const draftIds = new Map<string, string>();
    for (const draft of plan.drafts) draftIds.set(draft.symbol, await writeDraft(tx, sessionRow.id, draft, delegationIds, secretariatId));
    await writeSessionRecord(tx, sessionRow.id, plan.sessionRecord, { delegations: delegationIds, drafts: draftIds }, secretariatId);
    const typist = plan.accounts.find((a) => a.delegationCode === plan.illustrative.typedBy);
    if (!typist) throw new Error(`illustrative draft: no demo account for ${plan.illustrative.typedBy}`);
    const illustrativeId = await writeIllustrative(tx, plan.illustrative, delegationIds, { secretariatId, chairId, typistId: userIds.get(typist.login)! });
    await writeWorkflow(tx, { draftId: illustrativeId, checked: plan.workflow, users: signedIn, now });
  });
  return plan.accounts.map(({ login, password, displayName, role, delegation }) => ({ login, password, displayName, role, delegation }));
}
