/**
 * The demo in several languages (issue #19), against a real server with the demo seeded: the
 * session's drafts are Chinese texts, their reference language Chinese and their original
 * language not in the record, with no other version made up; the illustrative draft is in
 * English and, in translations written for the demo and labelled so on every row, in French
 * (the original, and Rev.1 carried forward then typed) and Spanish (the original only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ILLUSTRATIVE_PREFIX, loadIllustrativeFacts, planIllustrative } from '../../../server/demo/illustrative';
import { alignVersion, changedParagraphs } from '../../../shared/languageVersions';
import type { TextJSON } from '../../../shared/schema';
import { call, loginAs, startTestServer, type SignedIn, type TestServer } from '../../helpers/server';

type Entry = { lang: string; original: boolean | null; kind: string; seq: number; recordedAt: string; pending: string[] };
type Listing = { reference: string | null; original: string | null; revisions: { revision: number; symbol: string; textInRecord: boolean; versions: Entry[] }[] };

// The words of each block of a text, by id.
function wordsById(doc: TextJSON): Map<string, string> {
  const out = new Map<string, string>();
  for (const node of (doc as { content?: { type: string; attrs?: { id?: string }; content?: { text?: string }[] }[] }).content ?? []) {
    out.set(node.type === 'title' ? '#title' : String(node.attrs?.id), (node.content ?? []).map((c) => c.text ?? '').join(''));
  }
  return out;
}

describe('the demo in six languages', () => {
  let server: TestServer;
  let secretariat: SignedIn;
  let sessionDrafts: { id: string; symbol: string }[];
  let illustrativeId: string;

  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true });
    secretariat = await loginAs(server, 'secretariat@demo.penholder', 'secretariat-cop11-demo');
    const sessions = await server.store.listSessions();
    const cop11 = sessions.find((s) => s.symbolPrefix === 'CTOC/COP/2022')!;
    const illustrative = sessions.find((s) => s.symbolPrefix === ILLUSTRATIVE_PREFIX)!;
    sessionDrafts = (await call<{ id: string; symbol: string }[]>(server, 'GET', `/api/sessions/${cop11.id}/drafts`, { cookie: secretariat.cookie })).body;
    illustrativeId = (await server.store.listDrafts(illustrative.id))[0]!.id;
  });
  afterAll(async () => server?.close());

  it("gives each of the session's drafts Chinese as its reference, its original language not in the record, and no version made up", async () => {
    expect(sessionDrafts).toHaveLength(9);
    for (const d of sessionDrafts) {
      const { status, body } = await call<Listing>(server, 'GET', `/api/drafts/${d.id}/versions`, { cookie: secretariat.cookie });
      expect(status, d.symbol).toBe(200);
      expect(body, d.symbol).toMatchObject({ reference: 'zh', original: null });
      expect(await server.store.listLanguageVersions(d.id), d.symbol).toEqual([]);
      // The Chinese text of the issued revision the report prints is its Chinese version: the revision's own text, whether
      // original not in the record. An earlier revision, whose text the report does not print, has no text in any language.
      for (const r of body.revisions) {
        expect(
          r.versions.map((v) => [v.lang, v.original, v.kind]),
          r.symbol,
        ).toEqual(r.textInRecord ? [['zh', null, 'issued']] : []);
      }
      expect(body.revisions.map((r) => r.textInRecord)).toEqual(body.revisions.map((_, i) => i === body.revisions.length - 1));
      const last = body.revisions.at(-1)!;
      const zh = await call(server, 'GET', `/api/drafts/${d.id}/revisions/${last.revision}/versions/zh`, { cookie: secretariat.cookie });
      expect(zh.body, d.symbol).toMatchObject({ lang: 'zh', reference: true, original: null, pending: [] });
      const en = await call(server, 'GET', `/api/drafts/${d.id}/revisions/${last.revision}/versions/en`, { cookie: secretariat.cookie });
      expect(en.status, d.symbol).toBe(404);
      expect(en.body.error.id).toBe('version_not_found');
    }
  });

  it('gives the illustrative draft in English (reference and original), French and Spanish', async () => {
    const { body } = await call<Listing>(server, 'GET', `/api/drafts/${illustrativeId}/versions`, { cookie: secretariat.cookie });
    expect(body).toMatchObject({ reference: 'en', original: 'en' });
    const langs = body.revisions.map((r) => [r.symbol, r.versions.map((v) => `${v.lang}:${v.kind}:${v.original}`).sort()]);
    expect(langs).toEqual([
      ['ILLUSTRATIVE/L.1', ['en:issued:true', 'es:issued:false', 'fr:issued:false']],
      ['ILLUSTRATIVE/L.1/Rev.1', ['en:issued:true', 'fr:typed:false']],
    ]);
    // Rev.1 in French is complete: no paragraph needs updating.
    expect(body.revisions[1]!.versions.find((v) => v.lang === 'fr')!.pending).toEqual([]);
  });

  it("labels every row of the illustrative draft's versions as a translation written for the demo", async () => {
    const rows = await server.store.listLanguageVersions(illustrativeId);
    expect(rows.length).toBe(3);
    for (const revision of [0, 1]) {
      for (const lang of ['fr', 'es'] as const) {
        for (const row of await server.store.languageVersionHistory(illustrativeId, revision, lang)) {
          expect(row.note?.en, `${revision} ${lang}`).toMatch(/^Illustrative: a translation written for the demo, not an official translation/);
          expect(row.note?.[lang], `${revision} ${lang}`).toMatch(/^Ilustrativo|^Illustratif/);
        }
      }
    }
    const title = (await server.store.getDraft(illustrativeId))!.title;
    expect(title.fr).toMatch(/^Projet illustratif \(texte fictif\)/);
    expect(title.es).toMatch(/^Proyecto ilustrativo \(texto ficticio\)/);
  });

  it("carries Rev.1's French forward from the original's, then types exactly the paragraphs whose English changed", async () => {
    const history = await server.store.languageVersionHistory(illustrativeId, 1, 'fr');
    expect(history.map((h) => h.kind)).toEqual(['carried_forward', 'typed', 'typed', 'typed']);
    const [original, rev1] = (await server.store.listRevisions(illustrativeId)).sort((a, b) => a.revision - b.revision);
    const changed = changedParagraphs(original!.text as TextJSON, rev1!.text as TextJSON);
    expect([...history[0]!.pending].sort()).toEqual([...changed].sort());
    expect(history.at(-1)!.pending).toEqual([]);
    // Each pending list shrinks by the paragraph just typed.
    for (let i = 1; i < history.length; i++) expect(history[i]!.pending.length).toBe(history[i - 1]!.pending.length - 1);
  });

  it('aligns each version with its English paragraph by paragraph, and translates every block of it', async () => {
    const revisions = (await server.store.listRevisions(illustrativeId)).sort((a, b) => a.revision - b.revision);
    for (const [revision, lang] of [
      [0, 'fr'],
      [0, 'es'],
      [1, 'fr'],
    ] as const) {
      const version = (await server.store.latestLanguageVersion(illustrativeId, revision, lang))!;
      const reference = revisions[revision]!.text as TextJSON;
      const aligned = alignVersion(reference, version.text as TextJSON);
      expect(aligned.ok, `${revision} ${lang}`).toBe(true);
      const english = wordsById(reference);
      const translated = wordsById(version.text as TextJSON);
      expect([...translated.keys()]).toEqual([...english.keys()]);
      for (const [id, words] of translated) expect(words, `${revision} ${lang} ${id}`).not.toBe(english.get(id));
    }
  });

  it('refuses a fixture whose French Rev.1 types other paragraphs than those whose English changed', async () => {
    const facts = await loadIllustrativeFacts();
    const { 'ill-op5': _dropped, ...fewer } = facts.versions.fr.rev1Typed;
    expect(() => planIllustrative({ ...facts, versions: { ...facts.versions, fr: { ...facts.versions.fr, rev1Typed: fewer } } }, new Date())).toThrow(/paragraphs to update/);
    const { 'ill-pp2': _gone, ...short } = facts.versions.es.original;
    expect(() => planIllustrative({ ...facts, versions: { ...facts.versions, es: { original: short } } }, new Date())).toThrow(/no words for ill-pp2/);
  });
});
