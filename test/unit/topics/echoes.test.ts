/** Echoes: a speaker repeating the briefing's words at length is marked; the phrases every speaker uses are not. */
import { describe, expect, it } from 'vitest';
import { matchParagraph } from '../../../src/topics';
import { CWSB, indexFor, positionsWith } from './helpers';

const CASES: { name: string; text: string; echoOf: string | null; quote?: string }[] = [
  {
    name: 'a long run of the briefing’s words',
    text: 'The LGA is right that the Single Unique Identifier will not be a magic bullet for information sharing and must be supported by wider action, and I urge the Minister to fund the systems behind it.',
    echoOf: 'Single Unique Identifier',
    quote: 'magic bullet for information sharing and must be supported by wider action',
  },
  {
    name: 'the same subject in the speaker’s own words',
    text: 'A unique identifier for each child is welcome. Schools, doctors and councils must be able to see the same record, and data sharing across agencies will only work if the systems talk to each other.',
    echoOf: null,
  },
];

describe('echoes', () => {
  it.each(CASES)('$name', ({ text, echoOf, quote }) => {
    const { echoes } = matchParagraph(indexFor(CWSB), text);
    if (echoOf === null) {
      expect(echoes).toEqual([]);
      return;
    }
    const wanted = positionsWith(CWSB, echoOf);
    expect(echoes.some((e) => wanted.includes(e.positionId))).toBe(true);
    const echo = echoes.find((e) => wanted.includes(e.positionId));
    expect(text.slice(echo?.start, echo?.end)).toBe(echo?.quote);
    expect(echo?.quote).toContain(quote);
  });
});
