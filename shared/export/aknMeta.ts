/**
 * The `meta` block of the Akoma Ntoso export, AKN4UN style: FRBR identification of the issued
 * text (work, expression, manifestation), its lifecycle (each text of the lineage issued),
 * the workflow of the draft's record (issued, introduced, adopted — as orally amended, with the
 * resolution number — or deferred, no action, annexed to the report …), and the references
 * those point at: the organ, the sponsors (TLCOrganization), an officer who submits a draft
 * (TLCPerson), their roles, and the events and outcomes as TLC concepts.
 */
import { langOf, textPreferring, type LocalizedText } from '../languages';
import type { DraftEvent } from '../lifecycle';
import { parseSymbol } from '../symbols';
import { el, type XmlElement } from './aknXml';
import type { ExportMeta } from './meta';

/** One event of the draft's record with the time it was recorded (ISO). */
export interface RecordedEvent {
  event: DraftEvent;
  at: string;
}

/** The draft's record as the AKN export reads it. */
export interface AknRecord {
  events: readonly RecordedEvent[];
  /** Delegations that events name by id (`introduced.by`): their code and name. */
  actors?: Readonly<Record<string, { code: string; name: LocalizedText }>>;
}

const ISO_639_2: Record<string, string> = { en: 'eng', zh: 'zho', fr: 'fra', es: 'spa', ru: 'rus', ar: 'ara' };

/** The AKN language code (ISO 639-2) of a language tag: "zh" → "zho". */
export function aknLanguage(tag: string): string {
  const base = tag.split('-')[0]!.toLowerCase();
  return ISO_639_2[base] ?? (/^[a-z]{3}$/.test(base) ? base : 'und');
}

/** A name made safe for an eId or an IRI segment: "European Union" → "european-union". */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return s || 'x';
}

/** The FRBR IRIs of one issued text: work, expression and manifestation. */
export interface FrbrIris {
  work: string;
  /** The expression in the document's language (a language version, or the reference text). */
  expression: string;
  manifestation: string;
  author: string;
  /** The expression in the original language, or null when the record does not give the original. */
  original: string | null;
}

/** A name for references, which AKN shows in English (its own identifiers are language-neutral): the English name, else any. */
export function referenceName(text: LocalizedText | null | undefined): string {
  return textPreferring(text, 'en')?.text ?? '';
}

/**
 * The IRIs of a text, AKN naming convention: `/akn/un/statement/<kind>/<author>/<date>/<number>`,
 * the author being the session's symbol prefix ("ctoc-cop-2022") and the number the document's
 * own part of the symbol ("l-10-rev-2"), then `/<lang>@<date>` (the language of the version
 * exported: "fra" for the French version) and `/!main.xml`.
 */
export function frbrIris(meta: ExportMeta): FrbrIris {
  const parsed = parseSymbol(meta.symbol);
  const prefix = parsed.ok ? parsed.value.prefix : meta.symbol;
  const author = slug(prefix);
  const number = slug(parsed.ok ? meta.symbol.slice(prefix.length + 1) : meta.symbol) + (meta.textState === 'working' ? '-working' : '');
  const work = `/akn/un/statement/${meta.kind}/${author}/${meta.date}/${number}`;
  const expression = `${work}/${aknLanguage(meta.lang)}@${meta.date}`;
  const original = meta.originalInRecord ? `${work}/${aknLanguage(meta.originalLanguage)}@${meta.date}` : null;
  return { work, expression, manifestation: `${expression}/!main.xml`, author, original };
}

/** The FRBR identification of a document or of one of its annexes (`component`: "annex_1"). */
export function identification(meta: ExportMeta, component?: string): XmlElement {
  const iris = frbrIris(meta);
  const part = component ? `/${component}` : '';
  const author = `#${iris.author}`;
  const core = (iri: string, thisSuffix: string) => [
    el('FRBRthis', { value: `${iri}${thisSuffix}` }),
    el('FRBRuri', { value: iri }),
    el('FRBRdate', { date: meta.date, name: meta.textState === 'working' ? 'export' : 'issue' }),
    el('FRBRauthor', { href: author, as: '#author' }),
  ];
  const parsed = parseSymbol(meta.symbol);
  return el(
    'identification',
    { source: '#penholder' },
    el(
      'FRBRWork',
      {},
      ...core(iris.work, part || '/!main'),
      el('FRBRcountry', { value: 'un' }),
      el('FRBRsubtype', { value: 'draft' }),
      el('FRBRnumber', { value: parsed.ok ? meta.symbol.slice(parsed.value.prefix.length + 1) : meta.symbol }),
      el('FRBRname', { value: meta.kind }),
    ),
    el('FRBRExpression', {}, ...core(iris.expression, part || '/!main'), el('FRBRlanguage', { language: aknLanguage(meta.lang) }), translation(meta, iris, part)),
    el('FRBRManifestation', {}, ...core(iris.manifestation, part), el('FRBRformat', { value: 'application/akn+xml' })),
  );
}

// A language version other than the original says what it translates: the original expression,
// authoritative (the six language versions of a UN document are equally authentic), by the secretariat.
function translation(meta: ExportMeta, iris: FrbrIris, part: string): XmlElement | null {
  const original = langOf(meta.originalLanguage);
  if (!iris.original || original === meta.lang) return null;
  return el('FRBRtranslation', { href: `${iris.original}${part || '/!main'}`, fromLanguage: aknLanguage(meta.originalLanguage), authoritative: 'true', by: '#secretariat' });
}

const STEP_LABELS = {
  issued: 'issued',
  introduced: 'introduced',
  adopted: 'adopted',
  adoptedAsOrallyAmended: 'adopted as orally amended',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  noAction: 'no action taken',
  deferred: 'consideration deferred',
  annexedToReport: 'text annexed to the report of the session',
  frozen: 'final text frozen by the secretariat',
} as const;
type StepId = keyof typeof STEP_LABELS;

/** The workflow, lifecycle and references of a text's record. */
export function recordMeta(meta: ExportMeta, record: AknRecord): XmlElement[] {
  const iris = frbrIris(meta);
  const organ = `#${iris.author}`;
  const used = new Set<StepId>();
  const concepts: XmlElement[] = [];
  const actors = new Map<string, XmlElement>();
  const actor = (code: string, name: string): string => {
    const eId = `delegation-${slug(code)}`;
    if (!actors.has(eId)) actors.set(eId, el('TLCOrganization', { eId, href: `/akn/ontology/organizations/un/${slug(code)}`, showAs: name }));
    return `#${eId}`;
  };
  for (const s of meta.sponsors) actor(s.code, referenceName(s.name));
  const steps: XmlElement[] = [];
  const eventRefs: XmlElement[] = [];
  const step = (date: string, id: StepId, by: string, outcome?: string) => {
    used.add(id);
    steps.push(el('step', { date, by, refersTo: `#${id}`, outcome }));
  };
  for (const { event, at } of record.events) {
    const day = 'date' in event ? event.date : at.slice(0, 10);
    switch (event.type) {
      case 'issued':
        eventRefs.push(
          el('eventRef', { eId: `evt-rev-${event.revision}`, date: day, source: '#original', type: event.revision === 0 ? 'generation' : 'amendment', refersTo: `#issued` }),
        );
        step(day, 'issued', '#secretariat');
        break;
      case 'introduced': {
        const who = event.by ? record.actors?.[event.by] : undefined;
        step(day, 'introduced', who ? actor(who.code, referenceName(who.name)) : meta.submittedBy ? '#submitter' : organ);
        break;
      }
      case 'adopted': {
        let outcome: string | undefined;
        // The number recorded with the adoption, or the one the secretariat gave after it (`meta.adoption`).
        const becomes = event.becomes ?? meta.adoption?.number ?? null;
        if (becomes) {
          outcome = `#${becomes.kind}-${slug(becomes.number)}`;
          concepts.push(
            el('TLCConcept', {
              eId: outcome.slice(1),
              href: `/akn/ontology/concepts/un/${becomes.kind}-${slug(becomes.number)}`,
              showAs: `${becomes.kind} ${becomes.number}`,
            }),
          );
        }
        step(day, event.orallyAmended ? 'adoptedAsOrallyAmended' : 'adopted', organ, outcome);
        break;
      }
      case 'deferred':
        step(day, 'deferred', event.decidedBy === 'sponsors' ? (meta.sponsors.length ? '#sponsors' : organ) : organ);
        if (event.noAction) step(day, 'noAction', organ);
        if (event.annexedToReport) step(day, 'annexedToReport', organ);
        break;
      case 'rejected':
        step(day, 'rejected', organ);
        break;
      case 'withdrawn':
        step(day, 'withdrawn', meta.sponsors.length ? '#sponsors' : organ);
        break;
      case 'no_action':
        step(day, 'noAction', organ);
        break;
      case 'frozen':
        step(at.slice(0, 10), 'frozen', '#secretariat');
        break;
    }
  }
  const references = el(
    'references',
    { source: '#penholder' },
    el('original', { eId: 'original', href: `${iris.original ?? iris.work}/!main`, showAs: meta.symbol }),
    el('TLCOrganization', { eId: iris.author, href: `/akn/ontology/organizations/un/${iris.author}`, showAs: referenceName(meta.organ) }),
    el('TLCOrganization', { eId: 'secretariat', href: '/akn/ontology/organizations/un/secretariat', showAs: 'Secretariat' }),
    el('TLCOrganization', { eId: 'penholder', href: '/akn/ontology/organizations/penholder', showAs: 'Penholder' }),
    el('TLCOrganization', { eId: 'sponsors', href: `/akn/ontology/organizations/un/${iris.author}/sponsors-${slug(meta.symbol)}`, showAs: 'the sponsors' }),
    ...actors.values(),
    meta.submittedBy
      ? el('TLCPerson', { eId: 'submitter', href: `/akn/ontology/persons/un/${slug(referenceName(meta.submittedBy))}`, showAs: referenceName(meta.submittedBy) })
      : null,
    el('TLCRole', { eId: 'author', href: '/akn/ontology/roles/un/author', showAs: 'Author' }),
    el('TLCRole', { eId: 'sponsor', href: '/akn/ontology/roles/un/sponsor', showAs: 'Sponsor' }),
    el('TLCRole', { eId: 'mainSponsor', href: '/akn/ontology/roles/un/mainSponsor', showAs: 'Main sponsor' }),
    ...[...used].map((id) => el('TLCEvent', { eId: id, href: `/akn/ontology/events/un/${id}`, showAs: STEP_LABELS[id] })),
    ...concepts,
  );
  return [
    eventRefs.length ? el('lifecycle', { source: '#penholder' }, ...eventRefs) : null,
    steps.length ? el('workflow', { source: '#penholder' }, ...steps) : null,
    references,
  ].filter((e): e is XmlElement => e !== null);
}
