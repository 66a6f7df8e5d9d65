/**
 * Words and phrases of a text for topic matching: tokens with their offsets, Porter stems, and the terms a passage is
 * compared by: single content words and two-word phrases (adjacent content words with nothing but a space or a hyphen
 * between them, so `care leavers` and `home education` are phrases and `children. Care` is not).
 *
 * The same functions run at build time (scripts/build-topic-terms.ts learns how common each term is in Hansard)
 * and at run time, so the learnt weights and the matcher always speak the same terms.
 */
import { stemmer } from 'stemmer';

export interface Token {
  /** Lower-cased word, possessive `'s` dropped. */
  word: string;
  stem: string;
  start: number;
  end: number;
  /** A function word: never a term, and it breaks a phrase. */
  stop: boolean;
  /** Only spaces, a hyphen or quotation marks separate this token from the previous one (so the two can form a phrase). */
  joined: boolean;
}

export interface Term {
  /** A stem (`leaver`) or two stems joined by a space (`care leaver`). */
  key: string;
  /** Index of the term's first token. */
  token: number;
  phrase: boolean;
}

/**
 * Function words: English stop words, and the words of parliamentary procedure and address that every speech uses
 * whatever it is about. Hansard's own frequencies down-weight the rest (see weights.ts); these are the ones that must
 * also break phrases (`noble Lord`, `my hon. Friend` are not subjects).
 */
const STOP = new Set([
  ...'the a an and or but if of on in at by for from to with as that this these those than then there here is are was were be been being am do does did has have had i you he she it we they me him her us them my your his its our their what which who whom how why when where while because before after over under up out into through between both each few more most other some such no nor not only own same so too very can will just should now also another might never still'.split(
    ' ',
  ),
  ...'a an i it its it’s not no nor yes will shall may can cannot could would should must also just yet so there here whether which who whom whose what when where why how all any each every either neither both few more most other some such own same than too very again further once only then per upon via within without across along among around against towards toward onto off about above below between into through during before after until while because since unless although though however therefore thus hence indeed rather quite perhaps ever even already always often sometimes whose whatever whichever one ones two three four five six seven eight nine ten first second third many much lot lots us our ours we they them their theirs he she him her his hers you your yours me my mine myself ourselves themselves itself himself herself yourself let say says said want wants wanted think thinks thought know knows known see seen look looking make makes made take takes taken put puts get gets got give gives given go goes going gone come comes came way ways thing things something anything nothing everything someone anyone everyone well really actually certainly clearly simply sure do does did done doing been being be am is are was were has have had having like'.split(
    ' ',
  ),
]);

/** Lower-case, drop a possessive or contraction tail (`children's` -> `children`, `LGA’s` -> `lga`). */
function normalise(raw: string): string {
  const lower = raw.toLowerCase();
  return lower.includes("'") || lower.includes('’') ? lower.replace(/['’](?:s|t|re|ve|ll|d|m)$/, '') : lower;
}

/*
 * The tokenizer reads characters, not regular expressions: it runs over every paragraph of a page in the background
 * (a 2.7 MB Hansard day is 70,000 words), and per-word regexes and slices were most of the matching's time.
 * A word is ASCII letters, with an apostrophe inside it (`children's`, `don’t`); two words are joined when only spaces (as `\s`), hyphens and quotation
 * marks separate them and at least one space or hyphen does.
 */
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
/** What `\s` matches. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
const isQuote = (c: number) => c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;

function joinedBy(text: string, from: number, to: number): boolean {
  let spaceOrHyphen = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 || isSpace(c)) spaceOrHyphen = true;
    else if (!isQuote(c)) return false;
  }
  return spaceOrHyphen;
}

/** The end of the word starting at `start` (a letter). */
function wordEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    while (i < text.length && isLetter(text.charCodeAt(i))) i++;
    if (i + 1 < text.length && isApostrophe(text.charCodeAt(i)) && isLetter(text.charCodeAt(i + 1))) i += 2;
    else return i;
  }
}

/**
 * Titles of people in debate and in briefings. A title and the capitalised names after it (`Lord Watson of
 * Invergowrie`, `the Lord Bishop of Durham`, `Baroness Sheehan`) name who spoke or who tabled, not a subject.
 */
const TITLES = new Set(
  'lord lords baroness baronesses lady earl viscount duke marquess bishop archbishop sir dame mr mrs ms miss dr hon noble right friend member members gentleman gentlemen minister secretary speaker deputy chairman chair'.split(
    ' ',
  ),
);

/**
 * Stems by word: a debate repeats its words, and the stemmer is most of the cost of reading a page (a 2.7 MB Hansard
 * day is 70,000 words and 8,000 distinct ones). Bounded, so a page of random words cannot grow it without end.
 */
const stems = new Map<string, string>();
const STEMS_KEPT = 50_000;

function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size >= STEMS_KEPT) stems.clear();
    stem = stemmer(word);
    stems.set(word, stem);
  }
  return stem;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  let inName = false;
  for (let start = 0; start < text.length; start++) {
    const first = text.charCodeAt(start);
    if (!isLetter(first)) continue;
    const end = wordEnd(text, start);
    const word = normalise(text.slice(start, end));
    // Quotation marks inside a phrase (`“children not in school” register`) do not break it.
    const joined = previousEnd >= 0 && joinedBy(text, previousEnd, start);
    const capitalised = first >= 65 && first <= 90;
    const title = capitalised && TITLES.has(word);
    // A name runs on through capitalised words and `of` (`Lord Watson of Invergowrie`); a comma or a lower-case word ends it.
    inName = title || (inName && joined && (capitalised || word === 'of'));
    tokens.push({
      word,
      stem: stemOf(word),
      start,
      end,
      stop: inName || STOP.has(word) || word.length < 2,
      joined,
    });
    previousEnd = end;
    start = end - 1;
  }
  return tokens;
}

/** Content words and two-word phrases of the tokens, in text order (a key may repeat). */
export function termsOf(tokens: readonly Token[]): Term[] {
  const terms: Term[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.stop) continue;
    terms.push({ key: token.stem, token: i, phrase: false });
    const next = tokens[i + 1];
    if (next && !next.stop && next.joined) terms.push({ key: `${token.stem} ${next.stem}`, token: i, phrase: true });
  }
  return terms;
}
