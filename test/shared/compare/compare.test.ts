import { describe, expect, it } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { compareTexts, renumberedUnprinted } from '../../../shared/compare';
import { sequentialNumbering } from '../../../shared/numbering';
import { resolutionSchema as schema } from '../../../shared/schema';
import { changes, checkInvariants, fixture, imported, row } from './helpers';

// ---- Edits of resolution 11/5 (Chinese), once on the printed text and once on the doc keeping ids.

const NEW_OP = '鼓励缔约国加强对贩运人口被害人的保护和援助；';
const OP3_FROM = '根据各自的国际义务';
const OP3_TO = '根据本国的国际义务';
const SUB_C_FROM = '加强与民间社会、';
const SUB_C_TO = '加强与民间社会、学术界、';

/** The edits a pair of texts is built with. */
interface Edits {
  deletePP2?: boolean;
  changeOP3?: boolean;
  subC?: boolean;
  insertOP?: boolean;
  moveOP10?: boolean;
}

/** The printed text edited as a delegation would: blocks are separated by blank lines. */
function editPrinted(text: string, edits: Edits): string {
  let blocks = text.split('\n\n');
  const at = (re: RegExp) => {
    const i = blocks.findIndex((b) => re.test(b));
    if (i < 0) throw new Error(`No block ${re}`);
    return i;
  };
  if (edits.deletePP2) blocks.splice(at(/^回顾《打击有组织犯罪公约》第 32 条/), 1);
  if (edits.changeOP3) blocks[at(/^3\. /)] = blocks[at(/^3\. /)]!.replace(OP3_FROM, OP3_TO);
  if (edits.subC) blocks[at(/^\(c\) 加强与民间社会/)] = blocks[at(/^\(c\) 加强与民间社会/)]!.replace(SUB_C_FROM, SUB_C_TO);
  if (edits.moveOP10) {
    const [op10] = blocks.splice(at(/^10\. /), 1);
    blocks.splice(at(/^12\. /) + 1, 0, op10!);
  }
  if (edits.insertOP) blocks.splice(at(/^7\. /), 0, `7. ${NEW_OP}`);
  let n = 0;
  blocks = blocks.map((b) => b.replace(/^\d+\. /, () => `${++n}. `));
  return blocks.join('\n\n');
}

const children = (d: PMNode) => {
  const out: PMNode[] = [];
  d.forEach((c) => void out.push(c));
  return out;
};
const rebuild = (nodes: PMNode[]) => {
  const d = schema.nodes.doc!.create(null, nodes);
  d.check();
  return d;
};
function replaceIn(node: PMNode, from: string, to: string): PMNode {
  let done = false;
  const content = children(node).map((c) => {
    if (done || !c.isText || !c.text!.includes(from)) return c;
    done = true;
    return schema.text(c.text!.replace(from, to), c.marks);
  });
  if (!done) throw new Error(`No "${from}" in ${node.textContent.slice(0, 20)}`);
  return node.type.create(node.attrs, content);
}

/** The same edits on the doc, keeping every paragraph's id (as co-editing does). */
function editDoc(d: PMNode, edits: Edits): PMNode {
  const refs = new Map(sequentialNumbering(d).paragraphs.map((p) => [p.ref, p.id]));
  const nodes = children(d);
  const at = (ref: string) => nodes.findIndex((n) => n.attrs.id === refs.get(ref));
  if (edits.deletePP2) nodes.splice(at('PP 2'), 1);
  if (edits.changeOP3) nodes[at('OP 3')] = replaceIn(nodes[at('OP 3')]!, OP3_FROM, OP3_TO);
  if (edits.subC) nodes[at('OP 4 (c)')] = replaceIn(nodes[at('OP 4 (c)')]!, SUB_C_FROM, SUB_C_TO);
  if (edits.moveOP10) {
    const [op10] = nodes.splice(at('OP 10'), 1);
    nodes.splice(at('OP 12') + 1, 0, op10!);
  }
  if (edits.insertOP) nodes.splice(at('OP 7'), 0, schema.nodes.operative!.create({ id: 'new-op' }, schema.text(NEW_OP)));
  return rebuild(nodes);
}

const R115 = fixture('resolution-11-5.txt');
const ALL: Edits = { deletePP2: true, changeOP3: true, subC: true, insertOP: true, moveOP10: true };

describe.each([
  [
    'with stable ids',
    (edits: Edits) => {
      const a = imported(R115, 'p');
      return [a, editDoc(a, edits)] as const;
    },
  ],
  ['as two imported texts', (edits: Edits) => [imported(R115, 'a'), imported(editPrinted(R115, edits), 'b')] as const],
])('resolution 11/5 revised, %s', (_, pair) => {
  it('reads a deleted preambular paragraph and the renumbering it causes', () => {
    const [a, b] = pair({ deletePP2: true });
    const c = compareTexts(a, b);
    checkInvariants(a, b, c);
    expect(row(c, 'PP 2 (deleted)').status).toBe('deleted');
    expect(row(c, 'PP 3 → PP 2').status).toBe('renumbered-only');
    // Preambular paragraphs are not numbered in print: their renumbering changes nothing printed.
    const renumbered = c.paragraphs.filter((r) => r.status === 'renumbered-only');
    expect(renumbered).toHaveLength(30);
    expect(renumbered.every(renumberedUnprinted)).toBe(true);
    expect(c.counts.deleted).toBe(1);
    expect(c.summary.en).toBe('PP 2 deleted; former PP 3–32 renumbered 2–31');
    expect(c.summary.zh).toBe('删除序言部分第 2 段；原序言部分第 3–32 段重新编号为序言部分第 2–31 段');
    expect(c.summary.fr).toBe('alinéa 2 du préambule supprimé\u00a0; anciens alinéas 3 à 32 du préambule renumérotés 2 à 31');
    expect(c.summary.es).toBe('se suprime el párrafo 2 del preámbulo; los antiguos párrafos 3 a 32 del preámbulo pasan a ser 2 a 31');
    expect(c.summary.ru).toBe('пункт 2 преамбулы исключен; прежние пункты 3–32 преамбулы перенумерованы в 2–31');
    expect(c.summary.ar).toBe('حذف الفقرة 2 من الديباجة؛ إعادة ترقيم الفقرات من 3 إلى 32 من الديباجة لتصبح من 2 إلى 31');
  });

  it('reads a Chinese word replaced inside a sentence', () => {
    const [a, b] = pair({ changeOP3: true });
    const c = compareTexts(a, b);
    checkInvariants(a, b, c);
    const r = row(c, 'OP 3');
    expect(r.status).toBe('changed');
    expect(r.segments!.filter((s) => s.op !== 'equal')).toEqual([
      { op: 'delete', text: '各自' },
      { op: 'insert', text: '本国' },
    ]);
    expect(changes(c)).toHaveLength(1);
    expect(c.summary).toEqual({
      ar: 'تعديل الفقرة 3 من المنطوق',
      zh: '修改执行部分第 3 段',
      en: 'OP 3 changed',
      fr: 'paragraphe 3 du dispositif modifié',
      ru: 'пункт 3 постановляющей части изменен',
      es: 'se modifica el párrafo 3 de la parte dispositiva',
    });
  });

  it('reads a Chinese edit inside a subparagraph', () => {
    const [a, b] = pair({ subC: true });
    const c = compareTexts(a, b);
    checkInvariants(a, b, c);
    const r = row(c, 'OP 4 (c)');
    expect(r.status).toBe('changed');
    expect(r.segments!.filter((s) => s.op !== 'equal')).toEqual([{ op: 'insert', text: '学术界、' }]);
    expect(r.similarity).toBeGreaterThan(0.9);
    expect(c.summary).toEqual({
      ar: 'تعديل الفقرة الفرعية (ج) من الفقرة 4 من المنطوق',
      zh: '修改执行部分第 4 段(c)项',
      en: 'OP 4 (c) changed',
      fr: 'alinéa c) du paragraphe 4 du dispositif modifié',
      ru: 'подпункт c) пункта 4 постановляющей части изменен',
      es: 'se modifica el apartado c) del párrafo 4 de la parte dispositiva',
    });
  });

  it('reads an inserted operative paragraph as one, the rest renumbered', () => {
    const [a, b] = pair({ insertOP: true });
    const c = compareTexts(a, b);
    checkInvariants(a, b, c);
    expect(row(c, 'OP 7 (new)').right!.text).toBe(NEW_OP);
    expect(row(c, 'OP 9 (a) → OP 10 (a)').status).toBe('renumbered-only');
    // The printed "8." became "9.": a renumbering the reader sees; the letter (a) under it did not change.
    expect(renumberedUnprinted(row(c, 'OP 8 → OP 9'))).toBe(false);
    expect(renumberedUnprinted(row(c, 'OP 9 (a) → OP 10 (a)'))).toBe(true);
    expect(c.paragraphs.filter(renumberedUnprinted).every((r) => r.kind === 'subparagraph')).toBe(true);
    expect(c.counts).toMatchObject({ inserted: 1, changed: 0, deleted: 0 });
    expect(c.summary.en).toBe('OP 7 inserted; former OP 7–21 renumbered 8–22');
  });

  it('reads a moved paragraph as one move', () => {
    const [a, b] = pair({ moveOP10: true });
    const c = compareTexts(a, b);
    checkInvariants(a, b, c);
    expect(row(c, 'OP 10 → OP 12 (moved)').status).toBe('moved');
    expect(c.counts.moved).toBe(1);
    expect(c.summary.en).toBe('former OP 11–12 renumbered 10–11; OP 10 moved after OP 12');
    expect(c.summary.zh).toBe('原执行部分第 11–12 段重新编号为执行部分第 10–11 段；执行部分第 10 段移至执行部分第 12 段之后');
    // Two paragraphs renumbered: "11 et 12", "11 y 12", "11 и 12", and the Arabic dual.
    expect(c.summary.fr).toBe('anciens paragraphes 11 et 12 du dispositif renumérotés 10 et 11\u00a0; paragraphe 10 du dispositif déplacé après le paragraphe 12 du dispositif');
    expect(c.summary.es).toBe(
      'los antiguos párrafos 11 y 12 de la parte dispositiva pasan a ser 10 y 11; se traslada el párrafo 10 de la parte dispositiva después del párrafo 12 de la parte dispositiva',
    );
    expect(c.summary.ru).toBe('прежние пункты 11 и 12 постановляющей части перенумерованы в 10 и 11; пункт 10 постановляющей части перемещен после пункта 12 постановляющей части');
    expect(c.summary.ar).toBe('إعادة ترقيم الفقرتين 11 و12 من المنطوق لتصبحا 10 و11؛ نقل الفقرة 10 من المنطوق إلى ما بعد الفقرة 12 من المنطوق');
  });

  it('reads all four edits at once', () => {
    const [a, b] = pair(ALL);
    const c = compareTexts(a, b);
    checkInvariants(a, b, c);
    expect(c.summary.en).toBe(
      'PP 2 deleted; former PP 3–32 renumbered 2–31; OP 3 changed; OP 4 (c) changed; OP 7 inserted; former OP 7–9 renumbered 8–10; OP 10 moved after OP 12; former OP 13–21 renumbered 14–22',
    );
    expect(row(c, 'OP 10 → OP 13 (moved)').status).toBe('moved');
    expect(c.counts).toMatchObject({ deleted: 1, changed: 2, inserted: 1, moved: 1, 'moved-and-changed': 0 });
  });
});

describe('resolution 11/5, a moved paragraph that also changed', () => {
  const FROM = '吁请各国加强国际合作，包括';
  const TO = '吁请所有国家加强国际合作，包括';
  const byIds = () => {
    const a = imported(R115, 'p');
    const moved = editDoc(a, { moveOP10: true });
    const nodes = children(moved).map((n) => (n.textContent.startsWith(FROM) ? replaceIn(n, FROM, TO) : n));
    return [a, rebuild(nodes)] as const;
  };
  const byImport = () => [imported(R115, 'a'), imported(editPrinted(R115, { moveOP10: true }).replace(FROM, TO), 'b')] as const;
  it.each([
    ['with stable ids', byIds],
    ['as two imported texts', byImport],
  ])('is moved-and-changed with its diff, %s', (_, pair) => {
    const [a, b] = pair();
    const c = compareTexts(a, b);
    checkInvariants(a, b, c);
    const r = row(c, 'OP 10 → OP 12 (moved)');
    expect(r.status).toBe('moved-and-changed');
    expect(r.segments!.filter((s) => s.op !== 'equal')).toEqual([
      { op: 'delete', text: '各国' },
      { op: 'insert', text: '所有国家' },
    ]);
    expect(c.summary.en).toBe('former OP 11–12 renumbered 10–11; OP 10 moved after OP 12 and changed');
    expect(c.summary.fr).toMatch(/paragraphe 10 du dispositif déplacé après le paragraphe 12 du dispositif et modifié$/);
    expect(c.summary.ar).toMatch(/نقل الفقرة 10 من المنطوق إلى ما بعد الفقرة 12 من المنطوق وتعديلها$/);
  });
});

describe('every fixture against itself and against another', () => {
  const names = [
    'resolution-11-1.txt',
    'resolution-11-2.txt',
    'resolution-11-3.txt',
    'resolution-11-4.txt',
    'resolution-11-6.txt',
    'decision-11-1.txt',
    'decision-11-2.txt',
    'draft-L9-Rev1.txt',
  ];
  it.each(names)('%s: imported twice, all unchanged; every block once', (name) => {
    const a = imported(fixture(name), 'a');
    const b = imported(fixture(name), 'b');
    const c = compareTexts(a, b);
    checkInvariants(a, b, c);
    expect(changes(c)).toEqual([]);
  });

  it('two different resolutions keep the invariants', () => {
    const a = imported(fixture('resolution-11-2.txt'), 'a');
    const b = imported(fixture('resolution-11-4.txt'), 'b');
    const c = compareTexts(a, b);
    checkInvariants(a, b, c);
    expect(row(c, 'Title').status).toBe('changed');
  });

  it('takes JSON as well as nodes', () => {
    const a = imported(R115, 'a');
    const b = editDoc(a, ALL);
    expect(compareTexts(a.toJSON(), b.toJSON())).toEqual(compareTexts(a, b));
  });
});
