/**
 * Search across every position (shipped and user-added), with MiniSearch: words of the position, its bill, the
 * stage and House of its briefing, its stance, and its references written out (`clause 7`, `new clause 10`).
 * Prefix and typo-tolerant for words; a reference in the query (`clause 7`) is also looked up exactly and that hit is
 * boosted well above word matches, so positions on clause 7 come before those that merely mention a 7.
 *
 * The index is built once and kept in IndexedDB by the background (`JSON.stringify(index)`, reloaded with
 * `loadSearchIndex`): build and load must use the same `INDEX_OPTIONS`.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { BillRecord, Briefing, House, Position, Reference, Stage, Stance } from '../model';
import { findReferences } from '../references/index';
import { KIND_WORDS } from '../vocabulary';

export interface SearchDocument {
  id: string;
  text: string;
  bill: string;
  heading: string;
  stage: string;
  house: string;
  stance: string;
  /** References as people write them: `clause 7 new clause 10`. */
  refs: string;
  /** References as exact tokens: `clause-7 new-clause-10`; only the exact-reference query searches this field. */
  refKeys: string;
}

const WORD_FIELDS = ['text', 'bill', 'heading', 'stage', 'house', 'stance', 'refs'] as const;
const FIELDS = [...WORD_FIELDS, 'refKeys'];

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'we',
  'with',
]);

const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

function tokenize(text: string, fieldName?: string): string[] {
  return fieldName === 'refKeys' ? text.split(/\s+/) : text.split(SPACE_OR_PUNCTUATION);
}

function processTerm(term: string): string | null {
  const folded = term.toLowerCase().replace(/[’']/g, '');
  return folded && !STOP_WORDS.has(folded) ? folded : null;
}

export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: FIELDS,
  storeFields: [],
  tokenize,
  processTerm,
};

const STAGE_WORDS: Record<Stage, string> = {
  'first-reading': 'first reading',
  'second-reading': 'second reading',
  committee: 'committee stage',
  report: 'report stage',
  'third-reading': 'third reading',
  'remaining-stages': 'remaining stages report third reading',
  'consideration-of-amendments': 'consideration of amendments ping pong',
  'royal-assent': 'royal assent',
  other: '',
};

const HOUSE_WORDS: Record<House, string> = { commons: 'House of Commons', lords: 'House of Lords' };

/** The forms a reader types for each stance: `support` finds `welcome` too. */
const STANCE_WORDS: Record<Stance, string> = {
  support: 'support supports supportive welcome positive',
  mixed: 'mixed support concern reservation conditional',
  concern: 'concern concerns concerned',
  oppose: 'oppose opposes opposed opposition',
  neutral: 'neutral',
};

/** A reference as one exact token: `new-clause-10`, `amendment-172a`. */
export function referenceToken(ref: Reference): string {
  return `${ref.kind}-${ref.number}`.toLowerCase();
}

export function toSearchDocument(
  position: Position,
  briefing: Briefing | undefined,
  bill: BillRecord | undefined,
): SearchDocument {
  const stances = new Set([position.stance, ...position.refs.map((ref) => ref.stance)]);
  return {
    id: position.id,
    text: [position.subheading ?? '', position.text].join(' '),
    bill: bill ? [bill.title, ...bill.aliases, bill.actTitle ?? ''].join(' ') : position.billId,
    heading: briefing?.heading ?? '',
    stage: briefing?.stage ? STAGE_WORDS[briefing.stage] : '',
    house: briefing?.house ? HOUSE_WORDS[briefing.house] : '',
    stance: [...stances].map((stance) => STANCE_WORDS[stance]).join(' '),
    refs: position.refs.map((ref) => `${KIND_WORDS[ref.kind]} ${ref.number}`).join(' '),
    refKeys: [...new Set(position.refs.map(referenceToken))].join(' '),
  };
}

export function buildSearchIndex(data: {
  bills: readonly BillRecord[];
  briefings: readonly Briefing[];
  positions: readonly Position[];
}): MiniSearch<SearchDocument> {
  const bills = new Map(data.bills.map((bill) => [bill.id, bill]));
  const briefings = new Map(data.briefings.map((briefing) => [briefing.id, briefing]));
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(data.positions.map((p) => toSearchDocument(p, briefings.get(p.briefingId), bills.get(p.billId))));
  return index;
}

export function serializeSearchIndex(index: MiniSearch<SearchDocument>): string {
  return JSON.stringify(index);
}

export function loadSearchIndex(json: string): MiniSearch<SearchDocument> {
  return MiniSearch.loadJSON<SearchDocument>(json, INDEX_OPTIONS);
}

/**
 * References a reader typed (`clause 7`, `clauses 25-26`, `new clause 10`), read by the same grammar as briefings
 * and pages, so a query means what the page and the briefing mean.
 */
export function queryReferences(query: string): Reference[] {
  const seen = new Set<string>();
  const found: Reference[] = [];
  for (const { kind, number } of findReferences(query)) {
    const key = `${kind}:${number}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ kind, number });
  }
  return found;
}

export interface PositionHit {
  id: string;
  score: number;
  terms: string[];
}

/** Word terms are prefix-matched and typo-tolerant; numbers (`7` is not `71`) and very short terms are exact. */
const isWord = (term: string) => term.length >= 3 && !/\d/.test(term);

/** How far an exact reference hit is lifted above word hits. */
const EXACT_REFERENCE_BOOST = 12;

export function searchPositions(index: MiniSearch<SearchDocument>, query: string, limit = 50): PositionHit[] {
  const trimmed = query.trim();
  if (!trimmed) return [];
  const refs = queryReferences(trimmed);
  const words = (combineWith: 'AND' | 'OR') => ({
    queries: [trimmed],
    fields: [...WORD_FIELDS],
    combineWith,
    prefix: (term: string) => isWord(term),
    fuzzy: (term: string) => (isWord(term) ? (term.length > 5 ? 0.2 : 1) : false),
    boost: { refs: 3, bill: 2, stance: 1.5, stage: 1.5, heading: 1.2, house: 1, text: 1 },
  });
  const exact = refs.length
    ? [
        {
          queries: [refs.map(referenceToken).join(' ')],
          fields: ['refKeys'],
          combineWith: 'OR' as const,
          prefix: false,
          fuzzy: false,
          tokenize: (text: string) => text.split(/\s+/),
          boost: { refKeys: EXACT_REFERENCE_BOOST },
        },
      ]
    : [];
  let results: SearchResult[] = index.search({ combineWith: 'OR', queries: [...exact, words('AND')] });
  // Every word must match, unless that leaves nothing: then the best partial matches are better than an empty list.
  if (results.length === 0) results = index.search({ combineWith: 'OR', queries: [...exact, words('OR')] });
  return results.slice(0, limit).map((result) => ({
    id: String(result.id),
    score: result.score,
    terms: result.terms.filter((term) => !term.includes('-')),
  }));
}
