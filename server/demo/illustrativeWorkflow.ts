/**
 * The whole room at work on the illustrative draft in negotiation (illustrative.ts), so that a
 * newcomer sees at once what delegations do with a draft they do not hold the pen on: proposals
 * tabled by several delegations (pending, one accepted, one rejected), comment threads (one
 * resolved), a delegation asking to co-sponsor, and the European Union's member States among the
 * demo's delegations, so that a member's delegate is told the Union sponsors on its behalf.
 *
 * All of it is illustrative, written for the demo and said so in every rationale, comment and
 * note: none of it is what any delegation said or did. It goes on the illustrative draft only,
 * never on a draft of the eleventh session, whose report records no such thing.
 *
 * Here: the plan, naming actors by demo account (accounts.ts) and paragraphs by id, and its check
 * against the working text before anything is written — every amendment applies, the accepted one
 * leaves every pending one applying to the same words (none is stale), the paragraphs the chair
 * marked are left alone, the co-sponsor asking is not a sponsor. The seed writes it through the
 * commands the API uses (seedWorkflow.ts).
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { LocalizedText } from '../../shared/delegations';
import { applyOralAmendments, findWords, inlineText, type OralAmendment, validateOralAmendment } from '../../shared/oralAmendments';
import { paragraphsById } from '../../shared/negotiation';
import { resolutionSchema, type TextJSON } from '../../shared/schema';
import { DEMO_ACCOUNTS } from './accounts';
import { DEMO_DELEGATIONS } from './delegations';

/** Every text the demo's delegations "write" on the illustrative draft starts so. */
export const ILLUSTRATIVE_WORDS = 'Illustrative (written for the demo):';

/** A proposal's amendment as the plan gives it: an oral amendment without who proposed it or whether it was accepted. */
export type PlannedAmendment = DistributiveOmit<OralAmendment, 'proposedBy' | 'accepted'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** One proposal the demo tables, and what became of it. */
export interface PlannedProposal {
  /** The demo account (accounts.ts `name`) of the delegate who tables it. */
  by: string;
  amendment: PlannedAmendment;
  rationale: string;
  onBehalfOf: LocalizedText | null;
  /** Pending when null. */
  decision: { by: string; state: 'accepted' | 'rejected'; note: string } | null;
}

/** One comment thread: its first comment, the replies, and who resolved it (null: open). */
export interface PlannedThread {
  by: string;
  paragraphId: string;
  /** The words commented on; null for the whole paragraph. */
  quote: string | null;
  body: string;
  replies: { by: string; body: string }[];
  resolvedBy: string | null;
}

/** Everything the demo does on the illustrative draft, in the order it is written. */
export interface IllustrativeWorkflow {
  proposals: PlannedProposal[];
  threads: PlannedThread[];
  /** Delegations asking to co-sponsor, pending: the demo account of the delegate asking. */
  cosponsorRequests: { by: string; kind: 'join' }[];
}

/**
 * The member States of the European Union (ISO 3166 alpha-3), a public fact: the 27 since
 * 1 February 2020, as at the eleventh session (October 2022). The demo records the Union as
 * speaking for those of them it has as delegations.
 */
export const EU_MEMBER_STATES: readonly string[] = [
  'AUT',
  'BEL',
  'BGR',
  'HRV',
  'CYP',
  'CZE',
  'DNK',
  'EST',
  'FIN',
  'FRA',
  'DEU',
  'GRC',
  'HUN',
  'IRL',
  'ITA',
  'LVA',
  'LTU',
  'LUX',
  'MLT',
  'NLD',
  'POL',
  'PRT',
  'ROU',
  'SVK',
  'SVN',
  'ESP',
  'SWE',
];

/** The groups the demo records (group_members): the European Union and its member States among the demo's delegations. */
export function demoGroups(): { group: string; members: string[] }[] {
  const members = DEMO_DELEGATIONS.filter((d) => EU_MEMBER_STATES.includes(d.code)).map((d) => d.code);
  return [{ group: 'EU', members }];
}

const I = ILLUSTRATIVE_WORDS;

/** The illustrative workflow (working text paragraphs: PP 1 ill-pp1, PP 2 ill-pp3, OP 1 ill-op1, OP 2 ill-op5, OP 3 ill-op3, OP 4 ill-op2, OP 5 ill-op4). */
export const ILLUSTRATIVE_WORKFLOW: IllustrativeWorkflow = {
  proposals: [
    {
      by: 'china',
      amendment: { kind: 'replace_words', paragraphId: 'ill-op3', words: 'Invites donors', text: 'Invites States and other donors' },
      rationale: `${I} States that are not traditional donors also fund training; the paragraph could say so.`,
      onBehalfOf: null,
      decision: null,
    },
    {
      by: 'germany',
      amendment: { kind: 'insert_words', paragraphId: 'ill-op5', position: 'after', words: 'focal points for training', text: 'of criminal justice practitioners' },
      rationale: `${I} say whose training the focal points are for, as the preamble does.`,
      onBehalfOf: null,
      decision: null,
    },
    {
      by: 'mexico',
      amendment: { kind: 'delete_words', paragraphId: 'ill-op2', words: ', within existing resources' },
      rationale: `${I} the list is small; the budget caveat can go.`,
      onBehalfOf: null,
      decision: null,
    },
    {
      by: 'india',
      amendment: {
        kind: 'insert_paragraph',
        paragraphId: 'ill-op5',
        position: 'after',
        paragraphType: 'operative',
        text: 'Encourages States to make training materials available in as many languages as possible;',
        newId: 'ill-op6',
      },
      rationale: `${I} materials help only those who can read them.`,
      onBehalfOf: null,
      decision: null,
    },
    {
      by: 'usa',
      amendment: { kind: 'insert_words', paragraphId: 'ill-op1', position: 'before', words: 'training programmes', text: 'national' },
      rationale: `${I} the exchange is about what States run at home.`,
      onBehalfOf: null,
      decision: { by: 'chile', state: 'accepted', note: `${I} taken in, as discussed.` },
    },
    {
      by: 'eu',
      amendment: { kind: 'replace_words', paragraphId: 'ill-pp3', words: 'international organizations', text: 'international and regional organizations' },
      rationale: `${I} regional organizations contribute too.`,
      // The group spoken for, as the contract's "on behalf of" takes it (the Group of 77 and China …).
      onBehalfOf: { en: 'its member States', zh: '其成员国' },
      decision: { by: 'chile', state: 'rejected', note: `${I} Rev.1's wording was agreed with the regional groups; kept.` },
    },
  ],
  threads: [
    {
      by: 'china',
      paragraphId: 'ill-op2',
      quote: '[compile / compile and publish]',
      body: `${I} which of the two alternatives do the sponsors prefer, and would publishing cost anything?`,
      replies: [{ by: 'chile', body: `${I} we lean to "compile and publish"; the secretariat will say what it costs.` }],
      resolvedBy: null,
    },
    {
      by: 'germany',
      paragraphId: 'ill-op5',
      quote: 'where appropriate',
      body: `${I} does "where appropriate" leave it to each State whether to designate a focal point?`,
      replies: [{ by: 'chile', body: `${I} yes, that is the intent.` }],
      resolvedBy: 'germany',
    },
  ],
  cosponsorRequests: [{ by: 'india', kind: 'join' }],
};

/** A demo account's delegation code; throws for an account that speaks for no delegation. */
export function delegationOfAccount(name: string): string {
  const spec = DEMO_ACCOUNTS.find((a) => a.name === name);
  if (!spec) throw new Error(`illustrative workflow: no demo account ${name}`);
  if (spec.delegationCode === null) throw new Error(`illustrative workflow: ${name} speaks for no delegation`);
  return spec.delegationCode;
}

/** A planned amendment as an oral amendment: proposed by a delegation code, accepted as asked. */
export function asOralAmendment(a: PlannedAmendment, proposedBy: string, accepted: boolean): OralAmendment {
  const checked = validateOralAmendment({ ...a, proposedBy, accepted });
  if (!checked.ok) throw new Error(`illustrative proposal by ${proposedBy} is malformed: ${checked.error}`);
  return checked.value;
}

/** The words an amendment quotes in its paragraph (null when it quotes none: a paragraph inserted or replaced). */
export function quotedWords(a: PlannedAmendment): string | null {
  return 'words' in a ? a.words : null;
}

/** What the plan's check needs to know of the draft. */
export interface WorkflowContext {
  /** The working text the workflow starts from. */
  working: TextJSON;
  /** Codes of the draft's sponsors, the main sponsor first. */
  sponsorCodes: readonly string[];
  /** Paragraphs the chair marked: no proposal or accepted change touches them. */
  markedParagraphs: readonly string[];
}

/** The workflow, checked: the working text after the accepted proposals. */
export interface CheckedWorkflow {
  workflow: IllustrativeWorkflow;
  /** The working text with the accepted proposals applied, in order. */
  afterAccepted: PMNode;
}

function wordsIn(doc: PMNode, paragraphId: string, words: string, what: string): void {
  const node = paragraphsById(doc).get(paragraphId);
  if (!node) throw new Error(`illustrative workflow: ${what}: no paragraph ${paragraphId}`);
  const found = findWords(inlineText(node, 0).text, words);
  if (!found.ok) throw new Error(`illustrative workflow: ${what}: ${found.error}`);
}

function illustrative(text: string, what: string): void {
  if (!text.startsWith(ILLUSTRATIVE_WORDS)) throw new Error(`illustrative workflow: ${what} does not say it is illustrative`);
}

/**
 * Check the workflow against the draft before anything is written; throws on the first thing
 * the domain would refuse or the demo must not show (a stale proposal, a real-looking text).
 */
export function checkWorkflow(workflow: IllustrativeWorkflow, ctx: WorkflowContext): CheckedWorkflow {
  const working = resolutionSchema.nodeFromJSON(ctx.working);
  const [main] = ctx.sponsorCodes;
  const accepted: OralAmendment[] = [];
  for (const [i, p] of workflow.proposals.entries()) {
    const what = `proposal ${i + 1} (${p.by})`;
    const code = delegationOfAccount(p.by);
    const amendment = asOralAmendment(p.amendment, code, true);
    illustrative(p.rationale, `${what}'s rationale`);
    if (ctx.markedParagraphs.includes(amendment.paragraphId)) throw new Error(`illustrative workflow: ${what} is on a paragraph the chair marked`);
    const alone = applyOralAmendments(working, [amendment]);
    if (!alone.ok) throw new Error(`illustrative workflow: ${what}: ${alone.error}`);
    if (p.decision) {
      illustrative(p.decision.note, `${what}'s decision note`);
      const decider = DEMO_ACCOUNTS.find((a) => a.name === p.decision!.by);
      if (!(decider?.role === 'chair' || decider?.delegationCode === main))
        throw new Error(`illustrative workflow: ${what} is decided by ${p.decision.by}, neither the chair nor the main sponsor`);
      if (p.decision.state === 'accepted') accepted.push(amendment);
    }
  }
  const after = applyOralAmendments(working, accepted);
  if (!after.ok) throw new Error(`illustrative workflow: the accepted proposals do not apply in turn: ${after.error}`);
  const afterAccepted = after.value;
  // Pending proposals keep their words: accepting another one elsewhere turns none stale.
  const pending = workflow.proposals.filter((p) => p.decision === null);
  for (const p of pending) {
    const words = quotedWords(p.amendment);
    if (words !== null) wordsIn(afterAccepted, p.amendment.paragraphId, words, `pending proposal by ${p.by}`);
    const applies = applyOralAmendments(afterAccepted, [asOralAmendment(p.amendment, delegationOfAccount(p.by), true)]);
    if (!applies.ok) throw new Error(`illustrative workflow: pending proposal by ${p.by} no longer applies after the accepted ones: ${applies.error}`);
  }
  const pendingBy = new Set(pending.map((p) => delegationOfAccount(p.by)));
  if (pendingBy.size < 3) throw new Error('illustrative workflow: pending proposals come from fewer than three delegations');
  for (const [i, t] of workflow.threads.entries()) {
    const what = `comment thread ${i + 1} (${t.by})`;
    illustrative(t.body, what);
    for (const r of t.replies) illustrative(r.body, `a reply in ${what}`);
    if (t.quote !== null) wordsIn(afterAccepted, t.paragraphId, t.quote, what);
    else if (!paragraphsById(afterAccepted).has(t.paragraphId)) throw new Error(`illustrative workflow: ${what}: no paragraph ${t.paragraphId}`);
  }
  for (const r of workflow.cosponsorRequests) {
    const code = delegationOfAccount(r.by);
    if (ctx.sponsorCodes.includes(code)) throw new Error(`illustrative workflow: ${r.by} asks to co-sponsor a draft its delegation already sponsors`);
  }
  return { workflow, afterAccepted };
}
