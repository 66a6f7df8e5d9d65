/**
 * The engine of the reference grammar: find keyword triggers (one combined regex built from `PATTERNS`), read the
 * numbers after each with one list parser, then drop phrases that name an Act's provisions.
 *
 * Pipeline, per trigger:
 *   trigger (`clauses`) -> number list (`25 and 26`, `2 to 28A`, `NC1 to NC9`) -> phrase
 *   phrase -> chained to the phrase before it when only `of`/`to`/`in`/`and` lie between (`Chapter4 of Part 5`)
 *   phrase followed by `of the … Act` -> the whole chain is an Act's provisions, not the bill's: excluded.
 * Only short windows after a trigger are read, so the cost is one regex pass over the text (the page scanner runs
 * this over a megabyte of Hansard).
 */
import type { FoundReference, ReferenceKind } from '../model';
import { type NumberStyle, PATTERNS, type PatternName, type PatternSpec, WORD_NUMERALS } from './patterns';

export interface ScanOptions {
  sectionsAreClauses?: boolean;
  /** Run only these patterns (for tests and debugging: which pattern claims what). */
  only?: readonly PatternName[];
}

/** Why a phrase was read but yields no references. */
export type Exclusion =
  /** `section 17 of the Children Act 1989`, `part 2 and schedule 2 to the 2006 Act` */
  | 'act-provision'
  /** `part two` with neither a capital `Part` nor `of the Bill` after it: too likely prose. */
  | 'unconfirmed-word-numeral';

/** One written phrase (`clauses 25 and 26`) and the pattern that read it. */
export interface Phrase {
  pattern: PatternName;
  kind: ReferenceKind;
  start: number;
  end: number;
  text: string;
  refs: FoundReference[];
  excludedBy: Exclusion | null;
  /** The bill the text names for this phrase (`clause 48 of the Schools Bill 2022`), or null: see `namedBill`. */
  bill: string | null;
}

interface NumberToken {
  /** As written, without any code prefix: `28A`, `1` for `NC1`, `2` for `two`. */
  value: string;
  /** The integer part, for ranges. */
  base: number;
  suffix: string;
  start: number;
  end: number;
  /** End including any subsection brackets written after it (`1(1)(a)`). */
  endWithSubsections: number;
  fromWord: boolean;
}

// Whitespace as pages write it: JS `\s` covers NBSP, thin spaces and line breaks; add the zero-width space.
const WS = '[\\s\\u200b]';
const WS_STICKY = new RegExp(`${WS}*`, 'y');
// Subsections and paragraphs written straight after a number: `1(1)`, `72(1)`, `19(1)(a)`, `93A(1)(a)`.
const SUBSECTIONS = /(?:\((?:\d{1,3}[A-Z]{0,2}|[a-z]{1,4})\))+/y;
/**
 * What may continue a number list. Groups: 1 comma-only, 2 a word (`and`, `or`), 3 a range word or dash.
 * An em dash is not a range: Hansard writes `New clause 22—School attendance policies—`.
 */
const LIST_SEPARATOR = new RegExp(
  `${WS}*(?:(,)${WS}*(?:(and|or)${WS}+)?|(and|or)${WS}+|(to)${WS}+|(-|\\u2013|\\u2011|\\u2012)${WS}*)`,
  'iy',
);
/**
 * After a phrase: `of/to/in/under the … Act` names a provision of an Act. The words before `Act` must be a title
 * (capitalised words, years, `and`/`of`/`the`, bracketed words), so `clause 7 of the Bill and the Care Act` is not
 * caught (`Bill` is refused) and `amendment 5 to section 17 of the Act` is not either (`section` is lower case).
 */
const ACT_QUALIFIER = new RegExp(
  `${WS}*(?:,${WS}*)?(?:of|to|in|under|within)${WS}+(?:(?:the|that|this)${WS}+)?` +
    `(?:(?:(?!Bill\\b)[A-Z0-9][\\w\u2019'-]*|\\([^()\\n]{1,40}\\)|and|of|for|the|on|&)${WS}+){0,12}?Act\\b`,
  'y',
);
/**
 * A bill's title as written: capitalised words (and `and`/`of`/`for`/`the`/`to`/`on` between them) ending in `Bill`,
 * then an optional `[HL]` and year. Not `Bill Committee`/`Bill Office` (a capitalised word after `Bill`).
 */
const BILL_TITLE =
  `[A-Z][\\w\u2019'-]*(?:${WS}+(?:[A-Z][\\w\u2019'-]*|and|of|for|the|to|on|&|\\([^()\\n]{1,40}\\))){0,12}?${WS}+Bill\\b` +
  `(?:${WS}*\\[(?:HL|Lords)\\])?(?:${WS}+(?:19|20)\\d{2}\\b)?(?!${WS}+[A-Z][a-z])`;
/** After a phrase: `of/to/in the Schools Bill 2022` (group 1: the title). */
const BILL_QUALIFIER = new RegExp(
  `${WS}*(?:,${WS}*)?(?:of|to|in|under|within)${WS}+(?:the${WS}+)?(${BILL_TITLE})`,
  'y',
);
/** Every bill title in a sentence before a phrase. */
const BILL_IN_SENTENCE = new RegExp(BILL_TITLE, 'g');
/** Words that begin a matched title but are not part of it (`In the Schools Bill`), or make it no title at all. */
const NOT_TITLE_WORDS = new Set(
  (
    'a an and as at by for from in into is it its like of on our that the their this to under unlike until when ' +
    'where which while with within government governments private member members public hybrid money lords commons ' +
    'new draft bill his her my your we i if but so after before since although though whereas'
  ).split(' '),
);
/** `this Bill`, `the Bill`: the page's own bill, said without its title. */
const THIS_BILL = new RegExp(`\\b(?:this|the)${WS}+Bill\\b`, 'i');
/** `clause 7 of this Bill`: said to be the page's own bill, whatever the sentence named before. */
const THIS_BILL_AFTER = new RegExp(`${WS}*(?:,${WS}*)?(?:of|to|in|under|within)${WS}+(?:this|the)${WS}+Bill\\b`, 'iy');
/** How far back a sentence is read for the bill it is about. */
const SENTENCE_LOOKBACK = 300;

/** `In the Schools Bill 2022` -> `Schools Bill 2022`; null when nothing of a title is left (`the Government Bill`). */
function titleOf(written: string): string | null {
  const words = written.split(/[\s\u200b]+/);
  let i = 0;
  while (i < words.length - 1 && NOT_TITLE_WORDS.has(words[i]!.toLowerCase().replace(/[\u2019']s?$/, ''))) i++;
  const title = words.slice(i);
  return title.length >= 2 && title[0] !== 'Bill' ? title.join(' ') : null;
}

/**
 * The bill a phrase is about when the text names one: right after it (`clause 48 of the Schools Bill 2022`), or as the
 * subject of its sentence before it (`The Schools Bill 2022 had a clause 48 …`) with no `this Bill`/`the Bill` between.
 * Only the page knows whether that is its own bill (a clause of this bill named by its title still counts): the page
 * scanner compares it with the page's bill (`sameBill`).
 */
function namedBill(text: string, start: number, end: number): { title: string; after: boolean } | null {
  BILL_QUALIFIER.lastIndex = end;
  const after = BILL_QUALIFIER.exec(text);
  if (after) {
    const title = titleOf(after[1]!);
    return title ? { title, after: true } : null;
  }
  THIS_BILL_AFTER.lastIndex = end;
  if (THIS_BILL_AFTER.test(text)) return null;
  const from = Math.max(0, start - SENTENCE_LOOKBACK);
  const before = text.slice(from, start);
  if (!before.includes('Bill')) return null;
  const boundary = Math.max(before.search(/[.!?]["\u201d\u2019]?[\s\u200b]+[^.!?\n]*$/), before.lastIndexOf('\n'));
  const sentence = boundary >= 0 ? before.slice(boundary + 1) : before;
  let last: { title: string; end: number } | null = null;
  BILL_IN_SENTENCE.lastIndex = 0;
  for (let m = BILL_IN_SENTENCE.exec(sentence); m !== null; m = BILL_IN_SENTENCE.exec(sentence)) {
    const title = titleOf(m[0]);
    if (title) last = { title, end: m.index + m[0].length };
  }
  if (!last || THIS_BILL.test(sentence.slice(last.end))) return null;
  return { title: last.title, after: false };
}

/** Between two phrases of one chain: `Chapter 2 of Part 1`, `part 2 and schedule 2`, `amendment 86, in clause 233`. */
const CHAIN_GAP = new RegExp(`^${WS}*(?:,${WS}*)?(?:(?:of|to|in|and|or)${WS}+(?:the${WS}+)?)?$`, 'i');
/** `part two of the Bill` (a word numeral is read only when this follows or the keyword is capitalised). */
const OF_THE_BILL = new RegExp(`${WS}+of${WS}+(?:the|this)${WS}+Bill\\b`, 'iy');
/** How far a range may expand (`amendments 1 to 500` is plausible on a marshalled list; `clause 1 to 2017` is not). */
const MAX_RANGE = 600;
const MAX_DIGITS = 4;
const YEAR_FLOOR = 1900;
const YEAR_CEILING = 2099;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}
function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

/**
 * Reads one number at `pos` (no leading space): digits with an optional capital suffix of up to three letters.
 * Refuses glued lower-case text (`1195is`, `2bn`) and decimals (`4.31`); reads `33Column` as 33, since a capitalised
 * word glued on is a neighbouring text node, not a suffix.
 */
function readDigits(text: string, pos: number): { base: number; suffix: string; end: number } | null {
  let i = pos;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  const digits = i - pos;
  if (digits === 0 || digits > MAX_DIGITS) return null;
  const base = Number(text.slice(pos, i));
  let j = i;
  while (j < text.length && j - i < 4 && isUpper(text.charCodeAt(j))) j++;
  const after = text.charCodeAt(j);
  if (j > i) {
    const letters = j - i;
    if (letters <= 3 && !isLower(after) && !isUpper(after) && !isDigit(after)) {
      return { base, suffix: text.slice(i, j), end: j };
    }
    // A capitalised word glued on (`5Corporate`, `33Column`): keep the digits only.
    if (isLower(text.charCodeAt(i + 1))) return { base, suffix: '', end: i };
    return null;
  }
  if (isLower(after)) return null;
  if ((after === 46 || after === 44) && isDigit(text.charCodeAt(i + 1))) return null; // 4.31, 25,000
  return { base, suffix: '', end: i };
}

function readWordNumeral(text: string, pos: number): { base: number; end: number } | null {
  let i = pos;
  while (i < text.length && i - pos < 10) {
    const c = text.charCodeAt(i) | 32;
    if (!isLower(c)) break;
    i++;
  }
  if (i === pos || isLower(text.charCodeAt(i) | 32)) return null;
  const value = WORD_NUMERALS[text.slice(pos, i).toLowerCase()];
  return value === undefined ? null : { base: value, end: i };
}

function readNumber(text: string, pos: number, style: NumberStyle, codePrefix: string): NumberToken | null {
  let numberPos = pos;
  if (style === 'code') {
    if (!text.startsWith(codePrefix, pos)) return null;
    numberPos = pos + codePrefix.length;
  }
  const digits = readDigits(text, numberPos);
  let token: NumberToken | null = null;
  if (digits) {
    token = {
      value: `${digits.base}${digits.suffix}`,
      base: digits.base,
      suffix: digits.suffix,
      start: pos,
      end: digits.end,
      endWithSubsections: digits.end,
      fromWord: false,
    };
  } else if (style === 'digits-or-word') {
    const word = readWordNumeral(text, pos);
    if (word) {
      token = {
        value: String(word.base),
        base: word.base,
        suffix: '',
        start: pos,
        end: word.end,
        endWithSubsections: word.end,
        fromWord: true,
      };
    }
  }
  if (!token) return null;
  SUBSECTIONS.lastIndex = token.end;
  if (SUBSECTIONS.test(text)) token.endWithSubsections = SUBSECTIONS.lastIndex;
  return token;
}

/**
 * Expands `from to|- to` into the numbers it covers, as values. A range ending in a lettered number includes the
 * plain numbers up to it and then it (`2 to 28A` -> 2..28, 28A): the lettered amendment sits after its base in
 * the marshalled list. A range starting from a lettered number starts there (`28A to 30` -> 28A, 29, 30). Same
 * base and one-letter suffixes run through the letters (`3A to 3C`). Anything implausible (backwards, huge)
 * gives its two ends only.
 */
export function expandRange(from: NumberToken, to: NumberToken): string[] | null {
  if (from.base === to.base && from.suffix.length === 1 && to.suffix.length === 1) {
    const a = from.suffix.charCodeAt(0);
    const b = to.suffix.charCodeAt(0);
    if (b <= a) return null;
    const out: string[] = [];
    for (let c = a; c <= b; c++) out.push(`${from.base}${String.fromCharCode(c)}`);
    return out;
  }
  if (to.base <= from.base || to.base - from.base > MAX_RANGE) return null;
  const out: string[] = [from.value];
  for (let n = from.base + 1; n <= to.base; n++) out.push(String(n));
  if (to.suffix) out.push(to.value);
  return out;
}

interface BuiltScanner {
  regex: RegExp;
  specs: PatternSpec[];
}
const scannerCache = new Map<string, BuiltScanner>();

/** One regex with one capturing group per pattern, in table order (earlier wins at the same position). */
function scannerFor(options: ScanOptions): BuiltScanner {
  const key = `${options.sectionsAreClauses ? 1 : 0}|${options.only?.join(',') ?? '*'}`;
  let built = scannerCache.get(key);
  if (!built) {
    const specs = PATTERNS.filter(
      (p) =>
        (p.option !== 'sectionsAreClauses' || options.sectionsAreClauses) &&
        (!options.only || options.only.includes(p.name)),
    );
    const source = specs.map((p) => `(${p.trigger})`).join('|');
    built = { regex: new RegExp(source || '(?!)', 'gim'), specs };
    scannerCache.set(key, built);
  }
  return built;
}

function skipSpace(text: string, pos: number): number {
  WS_STICKY.lastIndex = pos;
  WS_STICKY.test(text);
  return WS_STICKY.lastIndex;
}

interface ListRead {
  tokens: NumberToken[];
  /** Values in order with the token span that carries each (a range's interior numbers carry the range span). */
  entries: { value: string; numberStart: number; numberEnd: number }[];
  end: number;
}

function readList(text: string, pos: number, spec: PatternSpec, triggerText: string): ListRead | null {
  const codePrefix = spec.codePrefix ?? '';
  const first = readNumber(text, pos, spec.numbers, codePrefix);
  if (!first) return null;
  const commas = spec.commaLists === 'by-keyword' ? /s\W*$/i.test(triggerText.trimEnd()) : spec.commaLists;
  const tokens = [first];
  const entries = [{ value: first.value, numberStart: first.start, numberEnd: first.end }];
  let end = first.endWithSubsections;
  while (spec.lists) {
    LIST_SEPARATOR.lastIndex = end;
    const sep = LIST_SEPARATOR.exec(text);
    if (!sep) break;
    const commaOnly = sep[1] !== undefined && sep[2] === undefined;
    if (commaOnly && !commas) break;
    const next = readNumber(text, LIST_SEPARATOR.lastIndex, spec.numbers, codePrefix);
    if (!next) break;
    // `amendments 33 and 34, 2016 saw…`: after a bare comma a year ends the list (no bill runs to 1900 provisions).
    if (commaOnly && !next.suffix && next.base >= YEAR_FLOOR && next.base <= YEAR_CEILING) break;
    const previous = tokens[tokens.length - 1]!;
    const isRange = sep[4] !== undefined || sep[5] !== undefined;
    const expanded = isRange ? expandRange(previous, next) : null;
    if (expanded) {
      // The range's first number is already listed: its interior and its end follow.
      for (let k = 1; k < expanded.length; k++) {
        const value = expanded[k]!;
        const isEnd = k === expanded.length - 1 && value === next.value;
        entries.push(
          isEnd
            ? { value, numberStart: next.start, numberEnd: next.end }
            : { value, numberStart: previous.start, numberEnd: next.end },
        );
      }
    } else {
      entries.push({ value: next.value, numberStart: next.start, numberEnd: next.end });
    }
    tokens.push(next);
    end = next.endWithSubsections;
  }
  return { tokens, entries, end };
}

function setBill(phrase: Phrase, bill: string): void {
  phrase.bill = bill;
  for (const ref of phrase.refs) ref.bill = bill;
}

/** Finds every phrase, including those excluded (for `explain`). */
export function scanPhrases(text: string, options: ScanOptions = {}): Phrase[] {
  const { regex, specs } = scannerFor(options);
  const phrases: Phrase[] = [];
  /** Chain membership: index of the first phrase of the chain each phrase belongs to. */
  const chainOf: number[] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    let groupIndex = 1;
    while (match[groupIndex] === undefined) groupIndex++;
    const spec = specs[groupIndex - 1]!;
    const triggerStart = match.index;
    const triggerText = match[0];
    if (spec.exactCase) {
      spec.exactCase.lastIndex = triggerStart;
      if (!spec.exactCase.test(text)) continue;
    }
    const numbersAt = spec.numbersInTrigger
      ? skipSpace(text, triggerStart)
      : skipSpace(text, triggerStart + triggerText.length);
    const list = readList(text, numbersAt, spec, triggerText);
    if (!list) continue;
    // Marshalled lines and codes: the phrase is the numbers alone; keywords: from the keyword to the last number.
    const start = spec.numbersInTrigger ? numbersAt : triggerStart;
    const end = list.end;
    if (regex.lastIndex < end) regex.lastIndex = end;
    const phraseText = text.slice(start, end);
    let excludedBy: Exclusion | null = null;
    if (list.tokens.some((t) => t.fromWord)) {
      OF_THE_BILL.lastIndex = end;
      const capitalised = isUpper(text.charCodeAt(triggerStart));
      if (!capitalised && !OF_THE_BILL.test(text)) excludedBy = 'unconfirmed-word-numeral';
    }
    const phrase: Phrase = {
      pattern: spec.name,
      kind: spec.kind,
      start,
      end,
      text: phraseText,
      refs: list.entries.map((e) => ({
        kind: spec.kind,
        number: e.value,
        text: phraseText,
        start,
        end,
        numberStart: e.numberStart,
        numberEnd: e.numberEnd,
      })),
      excludedBy,
      bill: null,
    };
    const index = phrases.length;
    const previous = phrases[index - 1];
    const linked =
      previous !== undefined && start - previous.end <= 24 && CHAIN_GAP.test(text.slice(previous.end, start));
    chainOf.push(linked ? chainOf[index - 1]! : index);
    phrases.push(phrase);
    ACT_QUALIFIER.lastIndex = end;
    if (ACT_QUALIFIER.test(text)) {
      for (let k = chainOf[index]!; k <= index; k++) phrases[k]!.excludedBy = 'act-provision';
    } else {
      const bill = namedBill(text, start, end);
      // `clause 7 and schedule 2 to the Schools Bill`: the whole chain is that bill's.
      if (bill) for (let k = bill.after ? chainOf[index]! : index; k <= index; k++) setBill(phrases[k]!, bill.title);
    }
  }
  return phrases;
}
