import { describe, expect, it } from 'vitest';
import { billTitlesIn } from '../../../src/bills/index';

// How bill titles are written in LGA titles and prose (../shared/docs/lga-briefings.md), and what is not a title.
const TITLES: Array<[string, string[]]> = [
  [
    'LGA Briefing: Levelling Up and Regeneration Bill, Committee Stage, House of Commons',
    ['Levelling Up and Regeneration Bill'],
  ],
  ['The Mental Capacity (Amendment) Bill Report Stage, House of Lords', ['Mental Capacity (Amendment) Bill']],
  ['Police, Crime, Sentencing and Courts Bill: Second Reading', ['Police, Crime, Sentencing and Courts Bill']],
  ['Children’s Wellbeing and Schools Bill, Second Reading', ['Children’s Wellbeing and Schools Bill']],
  ['the Renters’ Rights Bill will abolish section 21', ['Renters’ Rights Bill']],
  ['Children and Social Work Bill [HL]', ['Children and Social Work Bill [HL]']],
  ['Finance (No. 2) Bill', ['Finance (No. 2) Bill']],
  [
    'Local Government Association Briefing Local Government Finance Bill, House of Commons',
    ['Local Government Finance Bill'],
  ],
  ['A factual summary of the Levelling-up and Regeneration Bill', ['Levelling-up and Regeneration Bill']],
  ['Joint Committee on the Draft Mental Health Bill', ['Draft Mental Health Bill']],
  ['Representation of the People Bill', ['Representation of the People Bill']],
  ['ahead of the Second Reading of the Schools Bill', ['Schools Bill']],
  ['On 5 December 2016 Housing and Planning Bill', ['Housing and Planning Bill']],
  ['Domestic Abuse Bill Committee Stage House of Lords', ['Domestic Abuse Bill']],
  ['the Fire Safety Bill (FSB) and the Building Safety Bill (BSB)', ['Fire Safety Bill', 'Building Safety Bill']],
  // not titles
  ['This briefing includes LGA views ahead of the second reading of the Bill', []],
  [
    'The Mental Capacity (Amendment) Bill, Public Bill Committee: House of Commons',
    ['Mental Capacity (Amendment) Bill'],
  ],
  ['a Private Members’ Bill', []],
  ['We support the Bill', []],
];

describe('billTitlesIn', () => {
  it.each(TITLES)('%s', (text, titles) => {
    expect(billTitlesIn(text).map((mention) => mention.title)).toEqual(titles);
  });

  it('gives where each title is written', () => {
    const text = 'We welcome the Schools Bill.';
    const [mention] = billTitlesIn(text);
    expect(text.slice(mention!.start, mention!.end)).toBe('Schools Bill');
  });
});
