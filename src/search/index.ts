/**
 * Search across every position (shipped and user-added), with MiniSearch: words of the position, its bill, the
 * stage and House of its briefing, and its references written out (`clause 7`, `new clause 10`). A stance word in the
 * query (`opposes`, `concerned`, `supports`, `reservations`) is not searched as a word: it keeps only positions that
 * take that stance, as a whole or on one of their provisions (`parseQuery`; the background applies the reader's
 * corrections to that filter through src/stance/shown.ts).
 * Prefix and typo-tolerant for words; a reference in the query (`clause 7`) is also looked up exactly and that hit is
 * boosted well above word matches, so positions on clause 7 come before those that merely mention a 7.
 *
 * The index is built once and kept in IndexedDB by the background (`JSON.stringify(index)`, reloaded with
 * `loadSearchIndex`): build and load must use the same `INDEX_OPTIONS`.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import {
  type BillRecord,
  type Briefing,
  type Position,
  type Reference,
  STANCES,
  type Stage,
  type Stance,
} from '../model';
import { findReferences } from '../references/index';
import { HOUSE_LONG, numberKey, referenceKey, referenceWords } from '../vocabulary';

export interface SearchDocument {
  id: string;
  text: string;
  bill: string;
  heading: string;
  stage: string;
  house: string;
  /** The compiled stances of the position and of each of its provisions (stored, for the stance filter). */
  stances: Stance[];
  /** References as people write them: `clause 7 new clause 10`. */
  refs: string;
  /** References as exact tokens: `clause-7 new-clause-10`; only the exact-reference query searches this field. */
  refKeys: string;
}

const WORD_FIELDS = ['text', 'bill', 'heading', 'stage', 'house', 'refs'] as const;
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

/** Changes whenever the index's fields or options change: an index stored by an older version is rebuilt. */
export const SEARCH_INDEX_FORMAT = 2;

export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: FIELDS,
  storeFields: ['stances'],
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

/**
 * Stance words a reader types, each the stance it asks for (the labels' words and their forms). `supports with
 * reservations` (the label of `mixed`) is read as one phrase first.
 */
const STANCE_QUERY_WORDS: Readonly<Record<string, Stance>> = {
  support: 'support',
  supports: 'support',
  supported: 'support',
  supporting: 'support',
  supportive: 'support',
  mixed: 'mixed',
  reservation: 'mixed',
  reservations: 'mixed',
  concern: 'concern',
  concerns: 'concern',
  concerned: 'concern',
  oppose: 'oppose',
  opposes: 'oppose',
  opposed: 'oppose',
  opposing: 'oppose',
  opposition: 'oppose',
  neutral: 'neutral',
};
const MIXED_PHRASE = /\bsupport(?:s|ed|ive)?\s+with\s+reservations?\b/giu;

export interface ParsedQuery {
  /** Stances asked for (any of them keeps a position); empty: no stance filter. */
  stances: Stance[];
  /** The rest of the query, searched as words and references. */
  text: string;
}

/** `opposes clause 32` -> stances `oppose`, text `clause 32`. */
export function parseQuery(query: string): ParsedQuery {
  const stances = new Set<Stance>();
  let text = query.replace(MIXED_PHRASE, () => {
    stances.add('mixed');
    return ' ';
  });
  text = text.replace(/[\p{L}’']+/gu, (word) => {
    const stance = STANCE_QUERY_WORDS[word.toLowerCase()];
    if (!stance) return word;
    stances.add(stance);
    return ' ';
  });
  return { stances: STANCES.filter((s) => stances.has(s)), text: text.replace(/\s+/g, ' ').trim() };
}

/**
 * A reference as one exact token: its `referenceKey` with a hyphen (`new-clause-10`, `amendment-172A`), so `172a` and
 * `172A` are one token. `processTerm` then folds it to lower case like every term, in the index and in the query alike.
 */
export function referenceToken(ref: Reference): string {
  return referenceKey(ref).replace(':', '-');
}

export function toSearchDocument(
  position: Position,
  briefing: Briefing | undefined,
  bill: BillRecord | undefined,
): SearchDocument {
  return {
    id: position.id,
    text: [position.subheading ?? '', position.text].join(' '),
    bill: bill ? [bill.title, ...bill.aliases, bill.actTitle ?? ''].join(' ') : position.billId,
    heading: briefing?.heading ?? '',
    stage: briefing?.stage ? STAGE_WORDS[briefing.stage] : '',
    house: briefing?.house ? HOUSE_LONG[briefing.house] : '',
    stances: [...new Set([position.stance, ...position.refs.map((ref) => ref.stance)])],
    refs: position.refs.map(referenceWords).join(' '),
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

/** Documents indexed between two yields of `buildSearchIndexInSlices` (tens of milliseconds of work each). */
const BUILD_SLICE = 500;

/**
 * `buildSearchIndex` a slice of documents at a time, yielding to the event loop between slices: a briefing of 21,001
 * bullets takes a second or more to index, and the background (in Firefox, the side panel too: extension pages share
 * its thread) keeps answering meanwhile. The same index as `buildSearchIndex`.
 */
export async function buildSearchIndexInSlices(data: {
  bills: readonly BillRecord[];
  briefings: readonly Briefing[];
  positions: readonly Position[];
}): Promise<MiniSearch<SearchDocument>> {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  await addInSlices(index, data);
  return index;
}

/** Adds positions to an index a slice at a time (see `buildSearchIndexInSlices`). */
export async function addInSlices(
  index: MiniSearch<SearchDocument>,
  data: { bills: readonly BillRecord[]; briefings: readonly Briefing[]; positions: readonly Position[] },
): Promise<void> {
  const bills = new Map(data.bills.map((bill) => [bill.id, bill]));
  const briefings = new Map(data.briefings.map((briefing) => [briefing.id, briefing]));
  for (let start = 0; start < data.positions.length; start += BUILD_SLICE) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    index.addAll(
      data.positions
        .slice(start, start + BUILD_SLICE)
        .map((p) => toSearchDocument(p, briefings.get(p.briefingId), bills.get(p.billId))),
    );
  }
}

export function serializeSearchIndex(index: MiniSearch<SearchDocument>): string {
  return JSON.stringify(index);
}

export function loadSearchIndex(json: string): MiniSearch<SearchDocument> {
  return MiniSearch.loadJSON<SearchDocument>(json, INDEX_OPTIONS);
}

/**
 * A number with letters a reader may type in lower case (`172a`), not an ordinal (`2nd`): the grammar reads the
 * letters as bills print them, in upper case, so the query's are put in the key's case (`numberKey`) first.
 */
const LETTERED_NUMBER = /\b\d{1,4}(?!(?:st|nd|rd|th)\b)[a-z]{1,3}\b/gi;

/**
 * References a reader typed (`clause 7`, `clauses 25-26`, `new clause 10`), read by the same grammar as briefings
 * and pages, so a query means what the page and the briefing mean.
 */
export function queryReferences(query: string): Reference[] {
  return splitQuery(query).refs;
}

/**
 * A query's references (each once) and the rest of its words, the reference phrases blanked out: `clause 8 funding`
 * is clause 8, looked up exactly, and `funding`, searched as a word. The phrase's own words are not searched again:
 * `8` as a word matched every briefing dated the 8th, and `clause` every position naming any clause.
 */
export function splitQuery(query: string): { refs: Reference[]; words: string } {
  const seen = new Set<string>();
  const refs: Reference[] = [];
  // `numberKey` keeps the length, so the references' offsets are the query's own.
  const found = findReferences(query.replace(LETTERED_NUMBER, numberKey));
  let words = query;
  for (const { kind, number, start, end } of found) {
    words = words.slice(0, start) + ' '.repeat(end - start) + words.slice(end);
    const key = referenceKey({ kind, number });
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push({ kind, number });
  }
  return { refs, words: words.replace(/\s+/g, ' ').trim() };
}

export interface PositionHit {
  id: string;
  score: number;
  /** The query's words that matched (as the index holds them), for marking where they occur. */
  terms: string[];
  /** The query's references this position names, for marking where it names them (its references' mentions). */
  refs: Reference[];
}

/** Word terms are prefix-matched and typo-tolerant; numbers (`7` is not `71`) and very short terms are exact. */
const isWord = (term: string) => term.length >= 3 && !/\d/.test(term);

/** How far an exact reference hit is lifted above word hits. */
const EXACT_REFERENCE_BOOST = 12;

export interface SearchOptions {
  /**
   * Positions whose stances the reader corrected (by id: a set, or the service's corrections by position as they are
   * kept): the stance filter keeps them whatever the index holds, for the caller to judge on the corrected record.
   */
  corrected?: Pick<ReadonlySet<string>, 'has'>;
}

/**
 * Positions for a query, best first. Stance words filter (on the compiled stances; see `SearchOptions.corrected`); a
 * query of stance words alone lists every position with that stance, in the index's order.
 */
export function searchPositions(
  index: MiniSearch<SearchDocument>,
  query: string,
  limit = 50,
  options: SearchOptions = {},
): PositionHit[] {
  const { stances, text } = parseQuery(query.trim());
  if (!text && stances.length === 0) return [];
  const wanted = new Set<string>(stances);
  const filter = stances.length
    ? (result: SearchResult) =>
        options.corrected?.has(String(result.id)) ||
        (result.stances as string[] | undefined)?.some((s) => wanted.has(s)) === true
    : undefined;
  const { refs, words: rest } = splitQuery(text);
  const words = (combineWith: 'AND' | 'OR') => ({
    queries: [rest],
    fields: [...WORD_FIELDS],
    combineWith,
    prefix: (term: string) => isWord(term),
    fuzzy: (term: string) => (isWord(term) ? (term.length > 5 ? 0.2 : 1) : false),
    boost: { refs: 3, bill: 2, stage: 1.5, heading: 1.2, house: 1, text: 1 },
  });
  const exact = refs.length
    ? [
        {
          queries: [refs.map(referenceToken).join(' ')],
          fields: ['refKeys'],
          combineWith: 'OR' as const,
          prefix: false,
          fuzzy: false,
          tokenize: (t: string) => t.split(/\s+/),
          boost: { refKeys: EXACT_REFERENCE_BOOST },
        },
      ]
    : [];
  let results: SearchResult[];
  const searchable = tokenize(rest).some((term) => processTerm(term) !== null);
  if (!searchable && !refs.length) {
    results = index.search(MiniSearch.wildcard, { filter });
  } else if (!searchable) {
    // References alone: the positions that name them, and no others.
    results = index.search({ combineWith: 'OR', queries: exact }, { filter });
  } else {
    results = index.search({ combineWith: 'OR', queries: [...exact, words('AND')] }, { filter });
    // Every word must match, unless that leaves nothing: then the best partial matches are better than an empty list.
    if (results.length === 0)
      results = index.search({ combineWith: 'OR', queries: [...exact, words('OR')] }, { filter });
  }
  // A matched reference token (`clause-8`) stands for the query's reference; words are the other terms.
  const refByToken = new Map(refs.map((ref) => [referenceToken(ref).toLowerCase(), ref]));
  return results.slice(0, limit).map((result) => ({
    id: String(result.id),
    score: result.score,
    terms: result.terms.filter((term) => !refByToken.has(term.toLowerCase())),
    refs: refs.filter((ref) => result.terms.some((term) => refByToken.get(term.toLowerCase()) === ref)),
  }));
}
