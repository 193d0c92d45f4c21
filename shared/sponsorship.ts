/**
 * Sponsorship: who puts a draft forward. The record is an append-only list of changes (a
 * main sponsor named, co-sponsors joining or withdrawing on a date); the list as of any date
 * is derived from it, never stored.
 *
 * Rules the record keeps, checked by `checkSponsorshipChange` before a change is stored:
 * - a delegation sponsors a draft at most once at a time (joining twice is refused);
 * - only a current co-sponsor can withdraw; the main sponsor cannot (the draft itself is
 *   withdrawn instead); a delegation that withdrew may join again;
 * - naming a main sponsor when there is one hands the draft over: the former main sponsor
 *   stays on as a co-sponsor, and a co-sponsor named main keeps its joining date;
 * - a draft may have co-sponsors and no main sponsor (one an officer submits in their own name);
 * - changes are dated in the order they are recorded: none dated before the last one.
 *
 * How the lists are sorted and printed lives in `reportNames.ts`, requests to co-sponsor and the
 * deadline in `cosponsorship.ts`; both are re-exported here. Below: the note for a member of a
 * group sponsoring on its behalf, and the list as text.
 */
import type { DelegationKind, Lang, LocalizedText } from './delegations';
import { isCalendarDate } from './dates';
import { fail, ok, type Result } from './result';
import { textPreferring } from './languages';
import { inLang } from './reportLanguage';
import { formatJoinedAfter, formatSponsorList, formatSubmittedBy, joinList, type SponsorEntry } from './reportNames';

export * from './cosponsorship';
export {
  compareByEnglishName,
  sortByEnglishName,
  joinList,
  formatSponsorName,
  formatSponsorList,
  formatSponsoredBy,
  formatJoinedAfter,
  formatSubmittedBy,
  SUBMITTED_BY_PLACEMENT,
  type SponsorEntry,
} from './reportNames';

/** The kinds of change to a sponsor list. */
export const SPONSORSHIP_EVENT_TYPES = ['main', 'join', 'withdraw'] as const;
/** One kind of change: 'main' names the main sponsor; 'join' and 'withdraw' are co-sponsors coming and going. */
export type SponsorshipEventType = (typeof SPONSORSHIP_EVENT_TYPES)[number];

/** A recorded change to a sponsor list; a stored `SponsorshipEventRow` is one. */
export interface SponsorshipEvent {
  /** Recording order within the draft; the record is replayed in this order. */
  seq: number;
  delegationId: string;
  type: SponsorshipEventType;
  /** The calendar date the change takes effect, `YYYY-MM-DD`. */
  date: string;
  /** On whose behalf the delegation sponsors ("also on behalf of its member States"), or null. */
  onBehalfOf: LocalizedText | null;
}

/** A change not yet recorded: it will be appended after every event given with it. */
export type ProposedSponsorshipEvent = Omit<SponsorshipEvent, 'seq'>;

/** A delegation sponsoring the draft. */
export interface Sponsor {
  readonly delegationId: string;
  /** The date it (last) became a sponsor. */
  readonly since: string;
  /** The seq of the event that made it a sponsor. */
  readonly seq: number;
  readonly onBehalfOf: LocalizedText | null;
}

/** A delegation that sponsored the draft and withdrew (and has not joined again). */
export interface Withdrawal {
  readonly delegationId: string;
  /** The date it had become a sponsor. */
  readonly since: string;
  /** The date it withdrew. */
  readonly withdrawn: string;
  /** The seq of the withdrawal. */
  readonly seq: number;
}

/** The sponsor list at one point of the record. */
export interface SponsorList {
  readonly main: Sponsor | null;
  /** Current co-sponsors, in the order they became sponsors. */
  readonly coSponsors: readonly Sponsor[];
  /** Former sponsors, in the order they withdrew. */
  readonly withdrawn: readonly Withdrawal[];
}

/** The point at which a revision was issued: a date (inclusive) or, more precisely, the last seq it saw. */
export type IssuePoint = { date: string } | { seq: number };

/** The sponsors of an issued text then and now, as reports show them apart. */
export interface SponsorsSinceIssue {
  /** Sponsors when the text was issued (main sponsor first): the list the document prints. */
  readonly atIssue: readonly Sponsor[];
  /** Sponsoring now, not at issue, in the order they joined. */
  readonly joinedAfter: readonly Sponsor[];
  /** Sponsoring at issue, withdrawn since. */
  readonly withdrawnAfter: readonly Withdrawal[];
  /** The whole list now. */
  readonly now: SponsorList;
}

interface State {
  main: Sponsor | null;
  co: Map<string, Sponsor>;
  withdrawn: Map<string, Withdrawal>;
  lastDate: string | null;
}

const emptyState = (): State => ({ main: null, co: new Map(), withdrawn: new Map(), lastDate: null });

// Apply one change in place, or say why it is refused (leaving the state untouched).
function apply(state: State, e: SponsorshipEvent, nameOf: (id: string) => string): string | null {
  const id = e.delegationId;
  if (!isCalendarDate(e.date)) return `"${e.date}" is not a date (YYYY-MM-DD)`;
  if (state.lastDate !== null && e.date < state.lastDate) {
    return `a change to the sponsors cannot be dated ${e.date}: the last one is dated ${state.lastDate}`;
  }
  const isMain = state.main?.delegationId === id;
  const co = state.co.get(id);
  switch (e.type) {
    case 'main': {
      if (isMain) return `${nameOf(id)} is already the main sponsor of this draft`;
      if (state.main) state.co.set(state.main.delegationId, state.main);
      state.co.delete(id);
      state.main = { delegationId: id, since: co?.since ?? e.date, seq: co?.seq ?? e.seq, onBehalfOf: e.onBehalfOf };
      break;
    }
    case 'join': {
      if (isMain) return `${nameOf(id)} is the main sponsor of this draft`;
      if (co) return `${nameOf(id)} already sponsors this draft`;
      state.co.set(id, { delegationId: id, since: e.date, seq: e.seq, onBehalfOf: e.onBehalfOf });
      break;
    }
    case 'withdraw': {
      if (isMain) return `${nameOf(id)} is the main sponsor and cannot withdraw; the draft itself is withdrawn instead`;
      if (!co) {
        const gone = state.withdrawn.get(id);
        return gone ? `${nameOf(id)} already withdrew from sponsoring this draft on ${gone.withdrawn}` : `${nameOf(id)} does not sponsor this draft`;
      }
      state.co.delete(id);
      state.withdrawn.set(id, { delegationId: id, since: co.since, withdrawn: e.date, seq: e.seq });
      break;
    }
    default:
      throw new RangeError(`Unknown sponsorship event type: ${String((e as { type: unknown }).type)}`);
  }
  if (e.type !== 'withdraw') state.withdrawn.delete(id);
  state.lastDate = e.date;
  return null;
}

function inSeqOrder(events: readonly SponsorshipEvent[]): SponsorshipEvent[] {
  return [...events].sort((a, b) => a.seq - b.seq);
}

// Replay the record (in seq order) while `include` holds. A stored record was checked event
// by event, so a refusal here means the record is corrupt: a programmer error, thrown.
function replay(events: readonly SponsorshipEvent[], include: (e: SponsorshipEvent) => boolean): State {
  const state = emptyState();
  for (const e of inSeqOrder(events)) {
    if (!include(e)) break;
    const refused = apply(state, e, (id) => id);
    if (refused !== null) throw new RangeError(`Inconsistent sponsorship record at seq ${e.seq}: ${refused}`);
  }
  return state;
}

function toList(state: State): SponsorList {
  return {
    main: state.main,
    coSponsors: [...state.co.values()].sort((a, b) => a.seq - b.seq),
    withdrawn: [...state.withdrawn.values()].sort((a, b) => a.seq - b.seq),
  };
}

/**
 * The sponsor list as of `date` (inclusive), or after every event when no date is given.
 * Throws a RangeError on a malformed date or a record that breaks the rules.
 */
export function sponsorsAsOf(events: readonly SponsorshipEvent[], date?: string): SponsorList {
  if (date !== undefined && !isCalendarDate(date)) throw new RangeError(`Invalid date for sponsorsAsOf: ${date}`);
  return toList(replay(events, (e) => date === undefined || e.date <= date));
}

/**
 * Check a proposed change against the record: the list after it, or the reason it is refused
 * ("Chile already sponsors this draft"). `nameOf` names delegations in the message.
 */
export function checkSponsorshipChange(
  events: readonly SponsorshipEvent[],
  change: ProposedSponsorshipEvent,
  nameOf: (delegationId: string) => string = (id) => id,
): Result<SponsorList> {
  const state = replay(events, () => true);
  const seq = events.reduce((max, e) => Math.max(max, e.seq), 0) + 1;
  const refused = apply(state, { ...change, seq }, nameOf);
  return refused === null ? ok(toList(state)) : fail(refused);
}

/** Everyone sponsoring: the main sponsor first, then co-sponsors in the order they joined. */
export function currentSponsors(list: SponsorList): Sponsor[] {
  return list.main ? [list.main, ...list.coSponsors] : [...list.coSponsors];
}

/** Whether a delegation sponsors the draft (as main sponsor or co-sponsor) in this list. */
export function isSponsor(list: SponsorList, delegationId: string): boolean {
  return sponsorRole(list, delegationId) !== null;
}

/** How a delegation sponsors the draft in this list: as its main sponsor, as a co-sponsor, or not (null; also without a delegation). */
export function sponsorRole(list: SponsorList, delegationId: string | null): 'main' | 'co-sponsor' | null {
  if (delegationId === null) return null;
  if (list.main?.delegationId === delegationId) return 'main';
  return list.coSponsors.some((s) => s.delegationId === delegationId) ? 'co-sponsor' : null;
}

/**
 * Split the sponsors of an issued text into those at issue and the changes since, as of
 * `asOf` (inclusive; every event when absent). Prefer a seq point: a date point counts
 * everything on the day of issue as "at issue".
 */
export function splitAtIssue(events: readonly SponsorshipEvent[], issued: IssuePoint, asOf?: string): SponsorsSinceIssue {
  const at = toList(replay(events, (e) => ('seq' in issued ? e.seq <= issued.seq : e.date <= issued.date)));
  const now = sponsorsAsOf(events, asOf);
  const atIssue = currentSponsors(at);
  return {
    atIssue,
    joinedAfter: currentSponsors(now).filter((s) => !isSponsor(at, s.delegationId)),
    withdrawnAfter: now.withdrawn.filter((w) => isSponsor(at, w.delegationId)),
    now,
  };
}

// ---------------------------------------------------------------------------------------------
// A group that sponsors on behalf of its members: its member States are not sponsors by that alone.

/** That a group or regional organization speaks for a delegation (the store's group members). */
export interface GroupMembership {
  groupId: string;
  memberId: string;
}

/** A delegation as a sentence names it. */
export interface NamedDelegation {
  name: LocalizedText;
  kind: DelegationKind;
}

// English short names that take "the" inside a sentence (the lists print them without it).
const TAKES_THE =
  /^(United |Russian Federation$|Republic of |Democratic |Dominican Republic$|Central African Republic$|Czech Republic$|Syrian Arab Republic$|Holy See$|State of |Plurinational |Bolivarian |Lao |Islamic Republic|Kingdom of |Netherlands$|Philippines$|Bahamas$|Gambia$|Sudan$|Niger$|Congo$|Comoros$|Maldives$|Marshall Islands$|Solomon Islands$)/;

/** A delegation's English name inside a sentence: "the European Union", "the United Kingdom", "Germany". */
export function nameInSentence(d: NamedDelegation): string {
  const name = inLang(d.name, 'en');
  return d.kind === 'regional' || d.kind === 'group' || d.kind === 'igo' || TAKES_THE.test(name) ? `the ${name}` : name;
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * What a reader's delegation should know when a group it belongs to sponsors the draft on behalf
 * of its members and it does not: "Germany is not a sponsor; the European Union sponsors on
 * behalf of its member States". Null when the reader has no delegation, sponsors the draft
 * itself, or belongs to no group sponsoring on behalf of others (with `onBehalfOf` recorded).
 */
export function sponsorshipNote(
  list: SponsorList,
  memberships: readonly GroupMembership[],
  readerDelegationId: string | null,
  delegations: ReadonlyMap<string, NamedDelegation>,
): string | null {
  const found = groupsSponsoringFor(list, memberships, readerDelegationId, delegations);
  if (!found) return null;
  const { reader, groups } = found;
  const members = groups.every((g) => g.kind === 'regional') ? 'member States' : 'members';
  const who = joinList(groups.map(nameInSentence), 'en');
  const verb = groups.length === 1 ? `sponsors on behalf of its ${members}` : `sponsor on behalf of their ${members}`;
  return `${capitalized(nameInSentence(reader))} is not a sponsor; ${who} ${verb}`;
}

// The reader's delegation and the groups it belongs to that sponsor on behalf of their members, when it does not sponsor itself.
function groupsSponsoringFor(
  list: SponsorList,
  memberships: readonly GroupMembership[],
  readerDelegationId: string | null,
  delegations: ReadonlyMap<string, NamedDelegation>,
): { reader: NamedDelegation; groups: NamedDelegation[] } | null {
  if (readerDelegationId === null || sponsorRole(list, readerDelegationId) !== null) return null;
  const reader = delegations.get(readerDelegationId);
  if (!reader) return null;
  // Only a sponsorship recorded on behalf of others speaks for them: the European Union sponsoring in
  // its own name (as the report prints it on some drafts) does not speak for its member States.
  const groups = currentSponsors(list)
    .filter((s) => s.onBehalfOf !== null && memberships.some((m) => m.groupId === s.delegationId && m.memberId === readerDelegationId))
    .map((s) => delegations.get(s.delegationId))
    .filter((g): g is NamedDelegation => g !== undefined);
  return groups.length === 0 ? null : { reader, groups };
}

/**
 * The note of `sponsorshipNote` in the languages other than English, said to the reader's
 * delegation ("your delegation") so that no language needs the article of a State's name; the
 * group named as it is named in that language. [one group, several][member States, members].
 */
const NOTE_WORDS: Record<Exclude<Lang, 'en'>, { text: (groups: string, one: boolean, states: boolean) => string }> = {
  fr: {
    text: (g, one, states) =>
      `Votre délégation ne figure pas parmi les auteurs ; ${one ? 'auteur' : 'auteurs'} au nom de ${one ? 'ses' : 'leurs'} ${states ? 'États membres' : 'membres'} : ${g}`,
  },
  es: {
    text: (g, one, states) =>
      `Su delegación no figura entre los patrocinadores; ${one ? 'patrocina' : 'patrocinan'} en nombre de sus ${states ? 'Estados miembros' : 'miembros'}: ${g}`,
  },
  ru: {
    text: (g, one, states) => `Ваша делегация не входит в число авторов; ${one ? 'автор' : 'авторы'} от имени своих ${states ? 'государств-членов' : 'членов'}: ${g}`,
  },
  ar: {
    text: (g, _one, states) => `وفدكم ليس من مقدمي المشروع؛ مقدم المشروع باسم ${states ? 'الدول الأعضاء فيه' : 'أعضائه'}: ${g}`,
  },
  zh: {
    text: (g, _one, states) => `贵代表团不是提案国；代表其${states ? '成员国' : '成员'}提出草案的是：${g}`,
  },
};

/**
 * `sponsorshipNote` in the six languages, for the interface to pick its own: English as
 * `sponsorshipNote` says it; the others said to the reader's delegation. Null when there is no note.
 */
export function sponsorshipNotes(
  list: SponsorList,
  memberships: readonly GroupMembership[],
  readerDelegationId: string | null,
  delegations: ReadonlyMap<string, NamedDelegation>,
): LocalizedText | null {
  const en = sponsorshipNote(list, memberships, readerDelegationId, delegations);
  const found = groupsSponsoringFor(list, memberships, readerDelegationId, delegations);
  if (en === null || !found) return null;
  const states = found.groups.every((g) => g.kind === 'regional');
  const notes: LocalizedText = { en };
  for (const lang of Object.keys(NOTE_WORDS) as Exclude<Lang, 'en'>[]) {
    const names = joinList(
      found.groups.map((g) => textPreferring(g.name, lang)?.text ?? ''),
      lang,
    );
    notes[lang] = NOTE_WORDS[lang].text(names, found.groups.length === 1, states);
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------
// The sponsor list as text.

/** What the text of a sponsor list says. */
export interface SponsorListTextInput {
  symbol: string;
  title: LocalizedText;
  /** The officer who submitted the draft in their own name, without article. */
  submittedBy: LocalizedText | null;
  /** The sponsors now; those who joined after the last issued text go in `joinedAfter`. */
  sponsors: readonly SponsorEntry[];
  joinedAfter: readonly SponsorEntry[];
}

/** The words of the sponsor list's text in each language: sponsors, none, submitted by. */
const LIST_WORDS: Record<Lang, { sponsors: string; none: string; submitted: (officer: LocalizedText) => string }> = {
  ar: { sponsors: 'مقدمو المشروع: ', none: 'لا أحد', submitted: (o) => capitalized(formatSubmittedBy(o, 'ar').replace(/^المقدم/, 'مقدم')) },
  zh: { sponsors: '提案国：', none: '无', submitted: (o) => `${inLang(o, 'zh')}提交` },
  en: { sponsors: 'Sponsors: ', none: 'none', submitted: (o) => capitalized(formatSubmittedBy(o, 'en')) },
  fr: { sponsors: 'Auteurs\u00a0: ', none: 'aucun', submitted: (o) => capitalized(formatSubmittedBy(o, 'fr')) },
  ru: { sponsors: 'Авторы: ', none: 'нет', submitted: (o) => capitalized(formatSubmittedBy(o, 'ru').replace(/^представленный/, 'представлен')) },
  es: { sponsors: 'Patrocinadores: ', none: 'ninguno', submitted: (o) => capitalized(formatSubmittedBy(o, 'es')) },
};

/**
 * A draft's sponsor list as plain text, as the report prints it: English alphabetical order in
 * every language, joined each language's way (shared/reportNames.ts `joinList`), names of those
 * who joined after the text was issued in a sentence of their own. en: "Sponsors: Chile, Mexico
 * and United States"; zh: "提案国：智利、墨西哥和美国"; fr: "Auteurs : Chili, Mexique et
 * États-Unis"… A title or name not recorded in the language is printed in brackets (shared/reportLanguage.ts).
 * Lines end with a newline.
 */
export function sponsorListText(input: SponsorListTextInput, lang: Lang): string {
  const words = LIST_WORDS[lang];
  const lines = [input.symbol, inLang(input.title, lang)];
  if (input.submittedBy) lines.push(words.submitted(input.submittedBy));
  const listed = formatSponsorList(input.sponsors, lang) || (input.joinedAfter.length ? '' : words.none);
  if (listed) lines.push(`${words.sponsors}${listed}`);
  const joined = formatJoinedAfter(input.joinedAfter, lang);
  if (joined) lines.push(joined);
  return `${lines.join('\n')}\n`;
}
