/**
 * The illustrative workflow's plan without a store: it holds together on the illustrative draft's
 * working text, and its check refuses what the demo must not show (a stale pending proposal, a
 * text not labelled illustrative, a sponsor asking to co-sponsor, a marked paragraph touched).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIllustrativeFacts, planIllustrative, type PlannedIllustrative } from '../../../server/demo/illustrative';
import { checkWorkflow, demoGroups, ILLUSTRATIVE_WORDS, ILLUSTRATIVE_WORKFLOW, type IllustrativeWorkflow, type WorkflowContext } from '../../../server/demo/illustrativeWorkflow';
import { paragraphsById } from '../../../shared/negotiation';
import { resolutionSchema } from '../../../shared/schema';

let plan: PlannedIllustrative;
let ctx: WorkflowContext;
beforeAll(async () => {
  plan = planIllustrative(await loadIllustrativeFacts(), new Date('2026-01-15T10:00:00Z'));
  ctx = { working: plan.working, sponsorCodes: plan.sponsorship.map((s) => s.code), markedParagraphs: plan.paragraphStates.map((s) => s.id) };
});

const copy = (): IllustrativeWorkflow => structuredClone(ILLUSTRATIVE_WORKFLOW);
const textOf = (doc: ReturnType<typeof resolutionSchema.nodeFromJSON>, id: string) => paragraphsById(doc).get(id)?.textContent;

describe('the illustrative workflow', () => {
  it('holds on the working text: the accepted proposal applied, every pending one still on its words', () => {
    const { afterAccepted } = checkWorkflow(ILLUSTRATIVE_WORKFLOW, ctx);
    const working = resolutionSchema.nodeFromJSON(plan.working);
    expect(textOf(working, 'ill-op1')).toContain('good practices on training programmes');
    expect(textOf(afterAccepted, 'ill-op1')).toContain('good practices on national training programmes[, including through regional networks];');
    // Only OP 1 changed.
    for (const [id, node] of paragraphsById(working)) if (id !== 'ill-op1') expect(textOf(afterAccepted, id), id).toBe(node.textContent);
  });

  it('has pending proposals of every kind the issue names, from at least three delegations, one accepted and one rejected', () => {
    const pending = ILLUSTRATIVE_WORKFLOW.proposals.filter((p) => p.decision === null);
    expect(new Set(pending.map((p) => p.by)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(pending.map((p) => p.amendment.kind))).toEqual(new Set(['replace_words', 'insert_words', 'delete_words', 'insert_paragraph']));
    expect(ILLUSTRATIVE_WORKFLOW.proposals.map((p) => p.decision?.state ?? 'pending').sort()).toEqual(['accepted', 'pending', 'pending', 'pending', 'pending', 'rejected']);
    expect(ILLUSTRATIVE_WORKFLOW.threads.map((t) => t.resolvedBy !== null)).toEqual([false, true]);
    expect(ILLUSTRATIVE_WORKFLOW.cosponsorRequests).toEqual([{ by: 'india', kind: 'join' }]);
  });

  it("records the European Union as speaking for the demo's EU member States only", () => {
    expect(demoGroups()).toEqual([{ group: 'EU', members: ['FRA', 'DEU'] }]);
  });

  it('refuses an accepted proposal that would turn a pending one stale', () => {
    const w = copy();
    // Mexico's pending deletion quotes ", within existing resources": accepting a change of those words makes it stale.
    w.proposals.push({
      by: 'usa',
      amendment: { kind: 'replace_words', paragraphId: 'ill-op2', words: 'within existing resources', text: 'within available resources' },
      rationale: `${ILLUSTRATIVE_WORDS} test.`,
      onBehalfOf: null,
      decision: { by: 'chile', state: 'accepted', note: `${ILLUSTRATIVE_WORDS} test.` },
    });
    expect(() => checkWorkflow(w, ctx)).toThrow(/pending proposal by mexico/);
  });

  it('refuses a text not labelled illustrative, words not in the paragraph, a marked paragraph, a sponsor asking to co-sponsor, a decision by a non-penholder', () => {
    const unlabelled = copy();
    unlabelled.threads[0]!.replies[0]!.body = 'We lean to "compile and publish".';
    expect(() => checkWorkflow(unlabelled, ctx)).toThrow(/does not say it is illustrative/);
    const absent = copy();
    absent.proposals[0]!.amendment = { kind: 'delete_words', paragraphId: 'ill-op3', words: 'no such words' };
    expect(() => checkWorkflow(absent, ctx)).toThrow(/not in it/);
    const marked = copy();
    marked.proposals[0]!.amendment = { kind: 'delete_words', paragraphId: 'ill-pp1', words: 'the importance of' };
    expect(() => checkWorkflow(marked, ctx)).toThrow(/chair marked/);
    const sponsor = copy();
    sponsor.cosponsorRequests = [{ by: 'mexico', kind: 'join' }];
    expect(() => checkWorkflow(sponsor, ctx)).toThrow(/already sponsors/);
    const decider = copy();
    decider.proposals[4]!.decision!.by = 'germany';
    expect(() => checkWorkflow(decider, ctx)).toThrow(/neither the chair nor the main sponsor/);
  });
});
