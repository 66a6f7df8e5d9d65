/** The terms a paragraph is compared by: content words and two-word phrases, names and procedure left out. */
import { describe, expect, it } from 'vitest';
import { termSet } from '../../../src/topics/text';

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
