/**
 * The change summary a chair reads out: "PP 2 deleted; OP 4 (c) changed; OP 7 inserted;
 * former OP 6–21 renumbered 7–22; OP 10 moved after OP 12", and the same in the five other
 * languages (Chinese here, French, Spanish, Russian and Arabic in shared/compare/summaryWords.ts).
 *
 * Runs of the same change to consecutive numbers collapse into a range. What follows from
 * another change is left out: the subparagraphs of a deleted, inserted or moved paragraph go
 * with it, and a subparagraph whose own letter stayed was renumbered only because its paragraph
 * was. Moves are said in the left text's numbers ("after OP 12" is the OP 12 the room knows).
 */
import { annexLabel, parseRef } from '../numberingLabels';
import type { PlacedRow } from './classify';
import { type ChangeToSay, NO_CHANGES, romanIndex, SEPARATORS, type SummaryLanguage, sayChange } from './summaryWords';
import type { ComparisonStatus, ComparisonSummary } from './types';

interface Run {
  status: ComparisonStatus;
  members: PlacedRow[];
  /** The left reference of what a moved run now follows, or '' at the start of the text. */
  after: string;
  /** The placed row a moved run's last member is. */
  last: PlacedRow;
}

const TAIL = /^(.*?)(\d+|\([a-z]\))$/;

// Whether `b` is the number right after `a` in the same sequence: "OP 6" → "OP 7", "(c)" → "(d)".
function follows(a: string, b: string): boolean {
  const x = TAIL.exec(a);
  const y = TAIL.exec(b);
  if (!x || !y || x[1] !== y[1]) return false;
  return x[2]!.startsWith('(') === y[2]!.startsWith('(') && ordinal(y[2]!) === ordinal(x[2]!) + 1;
}

function ordinal(t: string): number {
  return t.startsWith('(') ? t.charCodeAt(1) : Number(t);
}

/** "OP 6–21" from "OP 6" … "OP 21"; `short` leaves the shared prefix out ("7–22"). */
function range(refs: readonly string[], short = false): string {
  const first = refs[0]!;
  const last = refs[refs.length - 1]!;
  const head = short ? (TAIL.exec(first)?.[2] ?? first) : first;
  return refs.length === 1 ? head : `${head}–${TAIL.exec(last)?.[2] ?? last}`;
}

function prefixOf(ref: string): string {
  return TAIL.exec(ref)?.[1] ?? ref;
}

function isMove(s: ComparisonStatus): boolean {
  return s === 'moved' || s === 'moved-and-changed';
}

// Which rows are read out, and under which status: unchanged rows and those implied by another are not.
function reportable(placed: readonly PlacedRow[]): { p: PlacedRow; status: ComparisonStatus; after: string; prev: PlacedRow | null }[] {
  const out: { p: PlacedRow; status: ComparisonStatus; after: string; prev: PlacedRow | null }[] = [];
  const gone = new Map<string, Set<string>>([
    ['deleted', new Set()],
    ['inserted', new Set()],
    ['moved', new Set()],
  ]);
  let prev: PlacedRow | null = null;
  let lastLeft: PlacedRow | null = null;
  for (const p of placed) {
    const leftBefore = lastLeft;
    const { row, l, r } = p;
    let status = row.status;
    const before = prev;
    if (r) prev = p;
    if (l) lastLeft = p;
    if (status === 'unchanged') continue;
    if (status === 'renumbered-only' && l!.kind === 'subparagraph' && l!.number === r!.number) continue;
    const family = isMove(status) ? 'moved' : status;
    const own = status === 'inserted' ? r! : l!;
    const set = gone.get(family);
    if (set) {
      set.add(own.ref);
      if (own.parentRef !== '' && set.has(own.parentRef)) {
        if (status !== 'moved-and-changed') continue;
        status = 'changed';
      }
    }
    const anchor = before && !before.l ? leftBefore : before; // an inserted block has no number in the left text
    const after = anchor && anchor.l!.kind !== 'title' && anchor.l!.kind !== 'formula' ? anchor.l!.ref : '';
    out.push({ p, status, after, prev: before });
  }
  return out;
}

function extends_(run: Run, p: PlacedRow, prev: PlacedRow | null): boolean {
  const a = run.members[run.members.length - 1]!;
  switch (run.status) {
    case 'deleted':
      return follows(a.l!.ref, p.l!.ref);
    case 'inserted':
      return follows(a.r!.ref, p.r!.ref);
    case 'changed':
    case 'renumbered-only':
      return (a.l!.ref === a.r!.ref) === (p.l!.ref === p.r!.ref) && follows(a.l!.ref, p.l!.ref) && follows(a.r!.ref, p.r!.ref);
    default:
      return prev === run.last && follows(a.l!.ref, p.l!.ref);
  }
}

function runs(placed: readonly PlacedRow[]): Run[] {
  const out: Run[] = [];
  const open = new Map<ComparisonStatus, Run>();
  for (const { p, status, after, prev } of reportable(placed)) {
    const run = open.get(status);
    if (run && extends_(run, p, prev)) {
      run.members.push(p);
      run.last = p;
      continue;
    }
    const fresh: Run = { status, members: [p], after, last: p };
    open.set(status, fresh);
    out.push(fresh);
  }
  return out;
}

function english(run: Run): string {
  const L = run.members.map((m) => m.l?.ref ?? '');
  const R = run.members.map((m) => m.r?.ref ?? '');
  const where = run.after === '' ? 'to the start' : `after ${run.after}`;
  switch (run.status) {
    case 'deleted':
      return `${range(L)} deleted`;
    case 'inserted':
      return `${range(R)} inserted`;
    case 'changed':
      return L[0] === R[0] ? `${range(R)} changed` : `${range(L)} (now ${range(R)}) changed`;
    case 'renumbered-only':
      return `former ${range(L)} renumbered ${range(R, prefixOf(L[0]!) === prefixOf(R[0]!))}`;
    case 'moved':
      return `${range(L)} moved ${where}`;
    default:
      return `${range(L)} moved ${where} and changed`;
  }
}

const ZH_LATIN: Record<string, string> = { bis: '之二', ter: '之三', quater: '之四', quinquies: '之五', sexies: '之六' };

// A reference in Chinese: "OP 4 (c)" → "执行部分第 4 段(c)项"; `tail` replaces the last number (a range).
function zhRef(ref: string, tail?: string): string {
  const special = /^(?:(Annex(?: [IVXLCDM]+)?)(?:, | ))?(Title|Formula|heading|“.*”)$/.exec(ref);
  if (special) {
    const annex = special[1] ? zhAnnex(special[1] === 'Annex' ? 0 : romanIndex(special[1].slice(6)), special[1]) : '';
    const what = special[2]!;
    return annex + (what === 'Title' ? '标题' : what === 'Formula' ? '开头语' : what === 'heading' ? '标题' : what);
  }
  const parsed = parseRef(ref);
  if (!parsed) return ref;
  const tokens = parsed.path.map((t) => t.replace(/ (\w+)$/, (_, w: string) => ZH_LATIN[w] ?? ` ${w}`));
  if (tail !== undefined) tokens[tokens.length - 1] = tail;
  const annex = zhAnnex(parsed.annex, ref);
  const subs = zhSubs(tokens);
  if (parsed.head === 'lettered') return `${annex}第 ${tokens[0]} 段${subs}`;
  if (parsed.sole) return `${annex}执行段落${subs}`;
  const part = parsed.head === 'pp' ? '序言部分' : parsed.annex === null ? '执行部分' : '';
  return `${annex}${part}第 ${tokens[0]} 段${subs}`;
}

// The annex of a reference in Chinese, '' in the main body.
function zhAnnex(a: number | null, en: string): string {
  return a === null ? '' : en.startsWith('Annex,') || en === 'Annex' ? '附件' : annexLabel(a, a + 2, 'zh');
}

// The subparagraphs after the paragraph's own number: "(c)项(ii)目".
function zhSubs(tokens: readonly string[]): string {
  let out = '';
  for (let k = 1; k < tokens.length; k++) out += `${tokens[k]}${k === 1 ? '项' : '目'}`;
  return out;
}

function zhRange(refs: readonly string[]): string {
  if (refs.length === 1) return zhRef(refs[0]!);
  return zhRef(refs[0]!, range(refs, true));
}

function chinese(run: Run): string {
  const L = run.members.map((m) => m.l?.ref ?? '');
  const R = run.members.map((m) => m.r?.ref ?? '');
  const where = run.after === '' ? '开头' : `${zhRef(run.after)}之后`;
  switch (run.status) {
    case 'deleted':
      return `删除${zhRange(L)}`;
    case 'inserted':
      return `新增${zhRange(R)}`;
    case 'changed':
      return L[0] === R[0] ? `修改${zhRange(R)}` : `修改${zhRange(L)}（现为${zhRange(R)}）`;
    case 'renumbered-only':
      return `原${zhRange(L)}重新编号为${zhRange(R)}`;
    case 'moved':
      return `${zhRange(L)}移至${where}`;
    default:
      return `${zhRange(L)}移至${where}并作修改`;
  }
}

// A run as shared/compare/summaryWords.ts says it.
function toSay(run: Run): ChangeToSay {
  const left = run.members.map((m) => m.l?.ref ?? '');
  const right = run.members.map((m) => m.r?.ref ?? '');
  const kind = run.status === 'renumbered-only' ? 'renumbered' : run.status === 'unchanged' ? 'changed' : run.status;
  return { kind, left, right, after: run.after, samePrefix: prefixOf(left[0]!) === prefixOf(right[0]!) };
}

const OTHER_LANGUAGES: readonly SummaryLanguage[] = ['ar', 'fr', 'ru', 'es'];

/** The summary of a comparison's rows, in each of the six languages. */
export function summarise(placed: readonly PlacedRow[]): ComparisonSummary {
  const all = runs(placed);
  const said = all.map(toSay);
  const other = (lang: SummaryLanguage) => (all.length === 0 ? NO_CHANGES[lang] : said.map((c) => sayChange(c, lang)).join(SEPARATORS[lang]));
  const [ar, fr, ru, es] = OTHER_LANGUAGES.map(other) as [string, string, string, string];
  if (all.length === 0) return { ar, zh: '无改动', en: 'No changes', fr, ru, es };
  return { ar, zh: all.map(chinese).join('；'), en: all.map(english).join('; '), fr, ru, es };
}
