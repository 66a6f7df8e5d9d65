/**
 * Bill titles as they are written in running text: `the Renters’ Rights Bill`, `Police, Crime, Sentencing and Courts
 * Bill`, `Mental Capacity (Amendment) Bill`, `Children and Social Work Bill [HL]`, `Representation of the People Bill`.
 * A title is a run of capitalised words (with `and`, `of`, `for`… between them, a bracketed group, commas between
 * words) that ends in `Bill`. Read backwards from each `Bill`, so what comes before a title (`ahead of the second
 * reading of the`, `LGA briefing:`, `A factual summary of the`) is never part of it. Pure.
 */
import { MONTH_NAMES } from '../vocabulary';

export interface TitleMention {
  /** The title as written, with an `[HL]` marker that follows it; no leading `The`. */
  title: string;
  start: number;
  end: number;
}

/** Words that end a title when met reading backwards: what the LGA writes around a title, never inside one. */
const BOUNDARY_WORDS = new Set([
  'briefing',
  'lga',
  'reading',
  'stage',
  'stages',
  'committee',
  'report',
  'house',
  'lords',
  'commons',
  'assent',
  'summary',
  'response',
  'submission',
  'scrutiny',
  'consideration',
  'amendments',
  'association',
  'bill',
  ...MONTH_NAMES.map((month) => month.toLowerCase()),
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
]);

/** Small words allowed between the capitalised words of a title (`Children and Social Work`). */
const CONNECTORS = new Set(['and', '&', 'of', 'for', 'to', 'on', 'in', 'at', 'with', 'by', 'etc', 'etc.']);

/** Words that start a noun phrase; a title never includes them, except `the` after `of` inside it. */
const DETERMINERS = new Set(['the', 'this', 'that', 'a', 'an', 'its', 'our', 'their', 'his', 'her', 'these', 'which']);

/** Titles made only of these name a kind of bill, not a bill: `Private Members’ Bill`, `Public Bill`. */
const GENERIC_WORDS = new Set([
  'private',
  'public',
  'hybrid',
  'government',
  'governments',
  'members',
  'member',
  'draft',
  'new',
  'money',
  'consolidation',
  'emergency',
  'ten',
  'minute',
  'rule',
]);

const BILL = /\bBill\b(\s*[[(]\s*(?:HL|Lords)\s*[\])])?/g;
/** Tokens of the text before `Bill`: a bracketed group, a word (with apostrophes, hyphens, `No.`), or one mark. */
const TOKEN = /\([^()]{1,80}\)|[\p{L}\p{N}][\p{L}\p{N}’'‘\-–.]*|\S/gu;

/** Digits alone (`2016`) are not title words: a date before a title is not part of it. */
const isCapitalised = (token: string) => /^[\p{Lu}(]/u.test(token);
const bare = (token: string) => token.toLowerCase().replace(/['’‘]/g, '').replace(/[.]$/, '');

/** Every bill title written in `text`, in order. */
export function billTitlesIn(text: string): TitleMention[] {
  const found: TitleMention[] = [];
  for (const match of text.matchAll(BILL)) {
    const billStart = match.index;
    const windowStart = Math.max(0, billStart - 200);
    const tokens = [...text.slice(windowStart, billStart).matchAll(TOKEN)].map((t) => ({
      text: t[0],
      start: windowStart + t.index,
    }));
    let first = tokens.length; // index of the title's first token
    for (let i = tokens.length - 1; i >= 0; i--) {
      const token = tokens[i]!.text;
      const lower = bare(token);
      const next = tokens[i + 1]?.text;
      if (token === ',') {
        // `Police, Crime, Sentencing and Courts`: a comma between capitalised words.
        const before = tokens[i - 1]?.text;
        if (next && before && isCapitalised(next) && isCapitalised(before) && !BOUNDARY_WORDS.has(bare(before))) {
          continue;
        }
        break;
      }
      if (BOUNDARY_WORDS.has(lower)) break;
      if (isCapitalised(token) && !DETERMINERS.has(lower)) {
        first = i;
        continue;
      }
      if (CONNECTORS.has(lower) && next !== undefined && i + 1 < tokens.length) continue;
      // `Representation of the People`: `the` right after `of`, inside a title.
      if (lower === 'the' && tokens[i - 1]?.text === 'of' && i + 1 < tokens.length) {
        const beforeOf = tokens[i - 2]?.text;
        if (beforeOf && isCapitalised(beforeOf) && !BOUNDARY_WORDS.has(bare(beforeOf))) continue;
      }
      break;
    }
    // A title starts with a capitalised word, never with a connector or comma left over from the walk.
    while (first < tokens.length && !isCapitalised(tokens[first]!.text)) first++;
    const words = tokens.slice(first).map((t) => t.text);
    if (words.length === 0) continue;
    if (words.every((word) => GENERIC_WORDS.has(bare(word)))) continue;
    const start = tokens[first]!.start;
    const end = billStart + match[0].length;
    const title = text.slice(start, end).replace(/\s+/g, ' ').trim();
    found.push({ title, start, end });
  }
  return found;
}
