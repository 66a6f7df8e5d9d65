import { describe, expect, it } from 'vitest';
import { billKey, billSlug, resolveBill, sameBill } from '../../../src/bills/index';
import { makeBill } from '../../factories';

// The names one bill goes by on the pages we read (src/bills/index.ts): each folds to the bill's key.
const KEYS: Array<[string, string]> = [
  ['Children’s Wellbeing and Schools Bill', 'childrenswellbeingandschoolsbill'],
  ["Children's Wellbeing and Schools Bill", 'childrenswellbeingandschoolsbill'],
  ['ChildrenSWellbeingAndSchoolsBill', 'childrenswellbeingandschoolsbill'],
  ['The Children’s Wellbeing and Schools Bill', 'childrenswellbeingandschoolsbill'],
  ['the  Children’s Wellbeing and Schools Bill', 'childrenswellbeingandschoolsbill'],
  ['LGA briefing: Children’s Wellbeing and Schools Bill', 'childrenswellbeingandschoolsbill'],
  ['LGA Briefing - The Children’s Wellbeing and Schools Bill', 'childrenswellbeingandschoolsbill'],
  ['Children and Social Work Bill [HL]', 'childrenandsocialworkbill'],
  ['Children and Social Work Bill (HL)', 'childrenandsocialworkbill'],
  ['Children and Social Work Bill [ Lords ]', 'childrenandsocialworkbill'],
  ['Children and Social Work Bill [hl]', 'childrenandsocialworkbill'],
  ['Children and Social Work Act 2017', 'childrenandsocialworkact2017'],
  ['Finance (No. 2) Bill', 'financeno2bill'],
  ['Levelling-up and Regeneration Bill', 'levellingupandregenerationbill'],
  // Compatibility forms fold to their plain letters (a ligature, full-width letters).
  ['Ofﬁcial Secrets Bill', 'officialsecretsbill'],
  ['Ｓchools Bill', 'schoolsbill'],
  // `The` only as a word at the start: `Theatres` keeps its letters.
  ['Theatres Trust Bill', 'theatrestrustbill'],
  ['Other Bill', 'otherbill'],
  ['', ''],
  ['  ', ''],
  ['’‘', ''],
];

describe('billKey', () => {
  it.each(KEYS)('%j folds to %j', (title, key) => {
    expect(billKey(title)).toBe(key);
  });
});

describe('resolveBill, sameBill, billSlug', () => {
  const cwsb = makeBill({
    id: 'cwsb',
    title: 'Children’s Wellbeing and Schools Bill',
    aliases: ['Schools Bill 2024'],
    actTitle: 'Children’s Wellbeing and Schools Act 2025',
  });
  const csw = makeBill({ id: 'csw', title: 'Children and Social Work Bill [HL]', aliases: [], actTitle: null });
  const bills = [cwsb, csw];

  it.each<[string, string | null]>([
    ['ChildrenSWellbeingAndSchoolsBill', 'cwsb'],
    ['The Children’s Wellbeing and Schools Bill', 'cwsb'],
    ['Schools Bill 2024', 'cwsb'],
    ['Children’s Wellbeing and Schools Act 2025', 'cwsb'],
    ['Children and Social Work Bill', 'csw'],
    ['Schools Bill', null],
    ['Business of the House', null],
    ['', null],
  ])('resolves %j to %j', (title, id) => {
    expect(resolveBill(title, bills)?.id ?? null).toBe(id);
  });

  it.each<[string, string, boolean]>([
    ['Children’s Wellbeing and Schools Bill', 'Childrens Wellbeing and Schools Bill 2024', true],
    ['Schools Bill 2022', 'Children’s Wellbeing and Schools Bill', false],
  ])('sameBill(%j, %j) is %j', (a, b, same) => {
    expect(sameBill(a, b)).toBe(same);
  });

  it('slugs a title', () => {
    expect(billSlug('Children’s Wellbeing and Schools Bill')).toBe('childrens-wellbeing-and-schools-bill');
    expect(billSlug('Children and Social Work Bill [HL]')).toBe('children-and-social-work-bill');
  });
});
