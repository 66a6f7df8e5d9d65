/** Mentions of the Local Government Association, and the other LGAs and Local Government Acts that are not. */
import { describe, expect, it } from 'vitest';
import { lgaMentions } from '../../../src/topics';

const CASES: { text: string; mentions: string[] }[] = [
  {
    text: 'The Local Government Association has said that councils need funding.',
    mentions: ['Local Government Association'],
  },
  { text: 'As the LGA has told us, councils cannot do this alone.', mentions: ['LGA'] },
  { text: "The LGA’s briefing, and the LGA's figures, say so.", mentions: ['LGA’s', "LGA's"] },
  { text: 'I declare an interest as an LGA vice-president.', mentions: ['LGA'] },
  {
    text: 'The Local Government Association (LGA) estimates a gap of £2 billion.',
    mentions: ['Local Government Association (LGA)'],
  },
  { text: 'The Local Government Association’s analysis shows it.', mentions: ['Local Government Association’s'] },
  { text: 'Under the Local Government Act 2003, councils may borrow.', mentions: [] },
  { text: 'Section 2 of the Local Government Act is repealed.', mentions: [] },
  { text: 'The Welsh Local Government Association disagrees.', mentions: [] },
  { text: 'The Northern Ireland Local Government Association has written.', mentions: [] },
  { text: 'In Australia, the LGA of Brisbane covers a million people.', mentions: [] },
  { text: 'The LGAs of New South Wales were merged.', mentions: [] },
  { text: 'Powers under LGA 1972 section 111 apply.', mentions: [] },
  { text: 'The baby was LGA (large for gestational age).', mentions: [] },
  { text: 'Colleagues at WLGA and NILGA agree.', mentions: [] },
  { text: 'We were bombarded with documents, papers and briefings.', mentions: [] },
];

describe('LGA mentions', () => {
  it.each(CASES)('$text', ({ text, mentions }) => {
    const found = lgaMentions(text);
    expect(found.map((m) => m.text)).toEqual(mentions);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
