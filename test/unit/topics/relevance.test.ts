/**
 * Topic links on written debate paragraphs (not the labelled corpus passages, which score the matcher as a whole):
 * a paragraph on a subject the LGA briefed links to that position, with the words that linked it; one on a subject it
 * did not brief links to nothing, however many of the bill's everyday words it uses.
 */
import { describe, expect, it } from 'vitest';
import { matchParagraph, topicLinks } from '../../../src/topics';
import { CSWB, CWSB, indexFor, positionsWith, positionWith } from './helpers';

const ON_SUBJECT: { name: string; bill: string; text: string; position: string; terms: string[] }[] = [
  {
    name: 'uniform costs link to the branded-uniform position',
    bill: CWSB,
    text: 'Families in my constituency tell me that the cost of school uniform is crippling. When a school insists on four or five branded items, each bought from a single supplier, parents pay hundreds of pounds a year. The limit on branded items in this Bill will bring that cost down.',
    position: 'limits on branded items in school uniform',
    terms: ['branded items', 'school uniform'],
  },
  {
    name: 'staying close for care leavers links to the staying close position',
    bill: CWSB,
    text: 'Care leavers too often leave care at 18 with nobody to call. Staying close support, offered to every care leaver up to the age of 25, would give them a trusted adult and somewhere to turn, and I welcome it.',
    position: 'staying close support to all care leavers',
    terms: ['Staying close', 'care leavers'],
  },
  {
    name: 'a home education register links to the home education position',
    bill: CWSB,
    text: 'Most parents who home educate do an excellent job, and they have nothing to fear from a register. But children not in school registers must be kept by every council, so that no child who is home-schooled disappears from view.',
    position: 'The Bill contains several measures around elective home education',
    terms: ['home-schooled'],
  },
  {
    name: 'a single unique identifier links to the identifier position',
    bill: CWSB,
    text: 'A single unique identifier for every child would let schools, health visitors and social workers see the same record. Information sharing has failed in case after case; the identifier is overdue.',
    position: 'Single Unique Identifier',
    terms: ['single unique', 'Information sharing'],
  },
  {
    name: 'personal advisers for care leavers link to the children-in-care position (the other bill)',
    bill: CSWB,
    text: 'Personal advisers for care leavers up to the age of 25 are a real advance: a care leaver who wants a personal adviser at 23 should be able to have one.',
    position: 'personal adviser support for all care leavers',
    terms: ['Personal advisers', 'care leavers'],
  },
];

const OFF_SUBJECT: { name: string; bill: string; text: string }[] = [
  {
    name: 'a breakfast-club speech links to nothing',
    bill: CWSB,
    text: 'Free breakfast clubs in every primary school will mean that no child starts the day hungry. Teachers tell me that children who have eaten concentrate better, and the clubs give working parents thirty minutes more in the morning. I welcome the Government’s commitment to roll them out.',
  },
  {
    name: 'a mobile phone ban links to nothing',
    bill: CWSB,
    text: 'Smartphones in classrooms are a distraction. The new clause would make schools phone-free by law, as many heads already do, and protect pupils from social media during the school day.',
  },
  {
    name: 'procedure and courtesies link to nothing',
    bill: CSWB,
    text: 'My Lords, I thank the Minister for his letter and the noble Lord, Lord Watson of Invergowrie, for tabling these amendments. I beg to move that the Bill be now read a third time.',
  },
  {
    name: 'the bill’s title words paired (`children’s social care` on the Children and Social Work Bill) are no subject',
    bill: CSWB,
    text: "Children's social care is where this Bill will be judged. Everyone who has worked in children's social care knows how much depends on it, and I hope the House gives children's social care the attention it deserves.",
  },
  {
    name: 'the bill’s own title and the LGA’s name are no subject',
    bill: CSWB,
    text: 'The Children and Social Work Bill has been improved in this House, and the Local Government Association has written to all noble Lords about the Children and Social Work Bill.',
  },
];

describe('topic links', () => {
  it.each(ON_SUBJECT)('$name', ({ bill, text, position, terms }) => {
    const links = topicLinks(indexFor(bill), text);
    const wanted = positionsWith(bill, position);
    expect(wanted.length).toBeGreaterThan(0);
    const link = links.find((l) => wanted.includes(l.positionId));
    expect(link, `links: ${JSON.stringify(links)}`).toBeDefined();
    expect(links[0]?.positionId).toBe(link?.positionId);
    for (const term of terms) expect(link?.terms.map((t) => t.toLowerCase())).toContain(term.toLowerCase());
    // Terms are the paragraph's own words, so they can be shown as written.
    for (const term of link?.terms ?? []) expect(text).toContain(term);
  });

  it.each(OFF_SUBJECT)('$name', ({ bill, text }) => {
    expect(topicLinks(indexFor(bill), text)).toEqual([]);
  });

  it('a bullet repeated at several stages is one link, not one per stage', () => {
    const repeats = positionsWith(CSWB, 'reflect existing good practice');
    expect(repeats.length).toBeGreaterThan(2);
    const links = topicLinks(
      indexFor(CSWB),
      'The new emphasis on permanence is right: placement decisions must rest on the long-term interests of each child, and the court should see the whole care plan before it decides.',
    );
    expect(links.filter((l) => repeats.includes(l.positionId))).toHaveLength(1);
  });

  it('direct needs more evidence than related, and scores are ordered', () => {
    const { links } = matchParagraph(indexFor(CWSB), ON_SUBJECT[0]!.text);
    expect(links[0]?.strength).toBe('direct');
    const scores = links.map((l) => l.score);
    expect(scores[0]).toBeGreaterThanOrEqual(2);
    expect(positionWith(CWSB, 'branded items')).toBe(links[0]?.positionId);
  });
});
