/** The terms a paragraph is compared by: content words and two-word phrases, names and procedure left out. */
import { describe, expect, it } from 'vitest';
import { termsOf, tokenize } from '../../../src/topics/text';

/** The distinct term keys of a text. */
const termSet = (text: string): Set<string> => new Set(termsOf(tokenize(text)).map((t) => t.key));

const CASES: { text: string; has: string[]; hasNot: string[] }[] = [
  { text: 'support for care leavers', has: ['care', 'leaver', 'care leaver'], hasNot: ['support care'] },
  { text: 'children. Care matters', has: ['children', 'care'], hasNot: ['children care'] },
  { text: 'home-educated children', has: ['home educ'], hasNot: [] },
  { text: 'the “children not in school” register', has: ['school regist'], hasNot: [] },
  {
    text: 'Lord Watson of Invergowrie and the Lord Bishop of Durham',
    has: [],
    hasNot: ['watson', 'invergowri', 'durham', 'bishop'],
  },
  { text: 'the Secretary of State must', has: [], hasNot: ['secretari', 'state'] },
  { text: "the children's social care sector", has: ['children social', 'social care'], hasNot: [] },
];

describe('terms', () => {
  it.each(CASES)('$text', ({ text, has, hasNot }) => {
    const terms = termSet(text);
    for (const t of has) expect([...terms]).toContain(t);
    for (const t of hasNot) expect([...terms]).not.toContain(t);
  });
});

// The tokenizer reads characters (it runs over every paragraph of a page): words are ASCII letters with inner
// apostrophes; two words join (may form a phrase) across spaces of any kind, hyphens and quotation marks only.
const TOKENS: { text: string; tokens: Array<[word: string, start: number, end: number, joined: boolean]> }[] = [
  {
    text: 'don’t stop',
    tokens: [
      ['don', 0, 5, false],
      ['stop', 6, 10, true],
    ],
  },
  { text: "o'clock", tokens: [["o'clock", 0, 7, false]] },
  {
    text: 'café society',
    tokens: [
      ['caf', 0, 3, false],
      ['society', 5, 12, false],
    ],
  },
  {
    text: 'care\u00a0leavers',
    tokens: [
      ['care', 0, 4, false],
      ['leavers', 5, 12, true],
    ],
  },
  {
    text: 'care\u2003leavers',
    tokens: [
      ['care', 0, 4, false],
      ['leavers', 5, 12, true],
    ],
  },
  {
    text: 'x2y',
    tokens: [
      ['x', 0, 1, false],
      ['y', 2, 3, false],
    ],
  },
  {
    text: "the LGA’s 'home' -- education",
    tokens: [
      ['the', 0, 3, false],
      ['lga', 4, 9, true],
      ['home', 11, 15, true],
      ['education', 20, 29, true],
    ],
  },
  {
    text: 'children, care',
    tokens: [
      ['children', 0, 8, false],
      ['care', 10, 14, false],
    ],
  },
  {
    text: '“school”register',
    tokens: [
      ['school', 1, 7, false],
      ['register', 8, 16, false],
    ],
  },
];

describe('tokens', () => {
  it.each(TOKENS)('$text', ({ text, tokens }) => {
    expect(tokenize(text).map((t) => [t.word, t.start, t.end, t.joined])).toEqual(tokens);
  });
});
