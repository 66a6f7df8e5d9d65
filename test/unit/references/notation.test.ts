/**
 * Every notation in docs/parliament-pages.md and docs/lga-briefings.md, and every trap, with the exact references
 * expected (kind and number, in order).
 */
import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../src/references';
import { refsOf, seq } from './helpers';

describe('clauses', () => {
  it.each<[string, string[]]>([
    ['clause 7', ['clause 7']],
    ['Clause 7 of the Bill', ['clause 7']],
    ['Clause 1(1)', ['clause 1']],
    ['in clause 1(2): “This subsection applies', ['clause 1']],
    ['Clause 18', ['clause 18']],
    ['Clause 38: School uniforms: limits on branded items', ['clause 38']],
    ['are welcome [Clause 7], but', ['clause 7']],
    ['[Clauses 25-26]', ['clause 25', 'clause 26']],
    ['[Clauses 31-38]', seq('clause', 31, 38)],
    ['Clauses 1 to 7: The LGA supports', seq('clause', 1, 7)],
    ['Clause 20: text', ['clause 20']],
    ['The meaning of homelessness (Clause 1):', ['clause 1']],
    ['clauses 8 and 9', ['clause 8', 'clause 9']],
    ['Clauses 11 to 14', ['clause 11', 'clause 12', 'clause 13', 'clause 14']],
    ['oppose the question that clauses 11 to 14 stand part of the Bill', seq('clause', 11, 14)],
    ['oppose the question that clauses 18 stand part of the Bill', ['clause 18']],
    ['(Part 1, Clause 4)', ['part 1', 'clause 4']],
    ['Clauses 1 to 32; Schedule 1; Clause 33', [...seq('clause', 1, 32), 'schedule 1', 'clause 33']],
    ['clause 71 of the Bill', ['clause 71']],
    ['Clauses 25–26', ['clause 25', 'clause 26']],
    ['Clauses 25 – 26', ['clause 25', 'clause 26']],
    ['clause\u00a07', ['clause 7']],
    ['Clause  13,  page  11,  line  9', ['clause 13']],
    ['clause 33—have boxed themselves in', ['clause 33']],
    ['Lords amendments to clause 30 for committee (NOW CLAUSE 31)', ['clause 30', 'clause 31']],
    ['clause 31 -NOW 32 – focused on', ['clause 31']],
    ['Clause 1 5Corporate parenting principles', ['clause 1']],
    ['clause 33Column 1195is located here', ['clause 33']],
    ['in clause 7, 20 councils said', ['clause 7']],
    ['Clause 7A', ['clause 7A']],
  ])('%s', (text, expected) => {
    expect(refsOf(text)).toEqual(expected);
  });
});

describe('new clauses', () => {
  it.each<[string, string[]]>([
    ['new clause 10', ['new-clause 10']],
    ['New Clause 18', ['new-clause 18']],
    ['Government new clause 16', ['new-clause 16']],
    ['I understand that new Clause 29 seeks', ['new-clause 29']],
    ['New clause 22—School attendance policies—', ['new-clause 22']],
    ['NC1', ['new-clause 1']],
    ['NC1 to NC9', seq('new-clause', 1, 9)],
    ['NC1, NC3 and NC5', ['new-clause 1', 'new-clause 3', 'new-clause 5']],
  ])('%s', (text, expected) => {
    expect(refsOf(text)).toEqual(expected);
  });
});

describe('amendments', () => {
  it.each<[string, string[]]>([
    ['amendment 182', ['amendment 182']],
    ['Amendments 166 and 167', ['amendment 166', 'amendment 167']],
    ['Government amendments 119 to 131', seq('amendment', 119, 131)],
    // A range ending in a lettered number: the plain numbers up to its base, then the lettered one.
    ['Amendments 2 to 28A', [...seq('amendment', 2, 28), 'amendment 28A']],
    ['amendments 28A to 30', ['amendment 28A', 'amendment 29', 'amendment 30']],
    ['amendments 3A to 3C', ['amendment 3A', 'amendment 3B', 'amendment 3C']],
    ['amendments 60, 62, and 65', ['amendment 60', 'amendment 62', 'amendment 65']],
    [
      'amendments 30, 32 and 34, 43, 44 and 48',
      ['amendment 30', 'amendment 32', 'amendment 34', 'amendment 43', 'amendment 44', 'amendment 48'],
    ],
    ['amendments 113 to 126', seq('amendment', 113, 126)],
    ['Amendment 172A', ['amendment 172A']],
    ['amendments 33 and 34, 2016 saw', ['amendment 33', 'amendment 34']],
    // The price of that rule: a list that really runs through 1900-2099 stops at its first year-like number.
    ['amendments 1999, 2000 and 2001', ['amendment 1999']],
    ['Amendment 46 to Clause 6', ['amendment 46', 'clause 6']],
    ['Amendments 48 and 49 to Schedule 2', ['amendment 48', 'amendment 49', 'schedule 2']],
    ['Commons amendments 7, 8, and 31', ['amendment 7', 'amendment 8', 'amendment 31']],
    ['Lords amendment 3B', ['amendment 3B']],
    ['amendment 61', ['amendment 61']],
    ['We oppose Amendment 24, tabled by Sir Henry Bellingham MP', ['amendment 24']],
    ['I beg to move amendment 86, in clause 233, page 136, leave out lines 36 to 38.', ['amendment 86', 'clause 233']],
    ['52: After Clause 28, insert the following new Clause—', ['amendment 52', 'clause 28']],
    ['Moved by\n\n52: After Clause 28, insert', ['amendment 52', 'clause 28']],
    ['427BA: Clause 36, page 80, line 18', ['amendment 427BA', 'clause 36']],
    ['1: Clause 38, page 62, line 18, leave out', ['amendment 1', 'clause 38']],
    ['Amendments made: 119, in clause 18, page 34, line 37, at end insert—', ['amendment 119', 'clause 18']],
    ['Amendment proposed: 32, in clause 4, page 6', ['amendment 32', 'clause 4']],
    [
      'Amendments tabled since the last publication: 1 to 15, NC1 to NC9 and NS1',
      [...seq('amendment', 1, 15), ...seq('new-clause', 1, 9), 'new-schedule 1'],
    ],
    [
      'I will speak to Amendments 6, 8, 11, 12, 13, 15, 19 and 20.',
      ['6', '8', '11', '12', '13', '15', '19', '20'].map((n) => `amendment ${n}`),
    ],
    // A lettered amendment to an amendment has no number; the new clause it amends is still named.
    ['Amendment (b) to new clause 15', ['new-clause 15']],
  ])('%s', (text, expected) => {
    expect(refsOf(text)).toEqual(expected);
  });
});

describe('schedules, parts and chapters', () => {
  it.each<[string, string[]]>([
    ['schedule 2 to the Bill', ['schedule 2']],
    ['Schedule 1 of the Bill', ['schedule 1']],
    ['Chapter 2 of Part 1', ['chapter 2', 'part 1']],
    ['(Part 1, Chapter 1)', ['part 1', 'chapter 1']],
    ['Part 2: Social work regulations', ['part 2']],
    ['Part 2 of the Bill seeks', ['part 2']],
    ['part two of the Bill', ['part 2']],
    ['Part Two', ['part 2']],
    ['Chapter 1 of the Bill', ['chapter 1']],
    ['NS1', ['new-schedule 1']],
    ['new schedule 3', ['new-schedule 3']],
    ['Part 1 Children\n\nCHAPTER 1 Looked after children', ['part 1', 'chapter 1']],
  ])('%s', (text, expected) => {
    expect(refsOf(text)).toEqual(expected);
  });
});

describe('sections as clauses (briefings only)', () => {
  it.each<[string, string[], string[]]>([
    ['section 18 allows for the Secretary of State', ['clause 18'], []],
    ['sections 2 to 6', seq('clause', 2, 6), []],
    ['section 18 of the Bill', ['clause 18'], []],
    ['section 17 of the Children Act 1989', [], []],
    ['section 19(1)(a) of the Human Rights Act 1998', [], []],
    ['section 23A(2) of that Act', [], []],
    ['the new section 92 in the Education and Skills Act 2008', [], []],
    ['proposed new section 93A(1)(a)', [], []],
    ['section (Corporate parenting responsibilities)', [], []],
  ])('%s', (text, withOption, without) => {
    expect(refsOf(text, { sectionsAreClauses: true })).toEqual(withOption);
    expect(refsOf(text)).toEqual(without);
  });
});

describe('traps: no reference', () => {
  it.each<string>([
    'section 17 of the Children Act 1989',
    'Part 2 of the Education and Inspections Act 2006',
    'part 2 and schedule 2 to the 2006 Act',
    'Chapter4 of Part 5 of the Education Act 1996',
    'In Chapter 2 of Part 6 of the Education Act 1996 (school attendance)',
    '(e) Chapter 1 of Part 4 of the Education and Skills Act 2008;',
    'Schedule 1 to the Education Act 1996',
    'Part 6 of the Education Act 2002',
    'the new section 92 in the Education and Skills Act 2008',
    'the Dubs amendment to the Immigration Act 2016',
    'Standing Order No. 62(2)',
    'paragraph 4.31 of the Companion',
    'Division 126',
    'Volume 669: debated on Thursday 9 January 2020',
    'Column 1195is located here',
    'Bill 5',
    'HL Bill 84-XII',
    '(HC Bill 121)',
    'page 34, line 37',
    'subsection (3E)',
    'paragraph (d)',
    'Part of Children and Social Work Bill [Lords] – in a Public Bill Committee',
    'they play their part of the agenda',
    'There were also objections to the entire clause',
    'That the clause stand part of the Bill.',
    'new clauses',
    'NEW CLAUSE NUMBERS FOR REPORT',
    'the LGA is supporting amendments which ensure',
    'seeking an amendment',
    'the amendments in group 3',
    'Notices of Amendments: 7 December 2016',
    'Schedule (Relevant authorities)',
    'section (Corporate parenting responsibilities)',
    'the Mental Capacity (Amendment) Bill',
    'We support clauses enabling the Secretary of State',
    'the Immigration Act 2016 and the Care Act 2014',
    'a funding gap of £4bn and £2.5 billion',
    'until the age of 25',
    'at 8:00, 17 March 2025',
    '8:00\nAfter the break',
    'nc1 and ns2',
    'part one of my argument',
    'clause 12is',
    'clause 4.31',
    'Amendment 52a',
  ])('%s', (text) => {
    expect(findReferences(text)).toEqual([]);
  });
});

describe('spans', () => {
  it('entries of one phrase share the whole phrase; each number has its own span', () => {
    const text = 'We support clauses 25 and 26 of the Bill.';
    const refs = findReferences(text);
    expect(refs.map((r) => [r.number, r.text, r.start, r.end])).toEqual([
      ['25', 'clauses 25 and 26', 11, 28],
      ['26', 'clauses 25 and 26', 11, 28],
    ]);
    expect(refs.map((r) => text.slice(r.numberStart, r.numberEnd))).toEqual(['25', '26']);
  });

  it("a range's interior numbers carry the range's span; its ends their own", () => {
    const text = 'Clauses 11 to 14';
    const refs = findReferences(text);
    expect(refs.map((r) => text.slice(r.numberStart, r.numberEnd))).toEqual(['11', '11 to 14', '11 to 14', '14']);
  });

  it('a subsection stays inside the phrase but outside the number', () => {
    const [ref] = findReferences('see Clause 1(1) now');
    expect(ref).toMatchObject({ text: 'Clause 1(1)', start: 4, end: 15, numberStart: 11, numberEnd: 12 });
  });

  it('marshalled-list and code phrases are the numbers themselves', () => {
    const text = 'Moved by\n52: After Clause 28, NC1 to NC2';
    expect(findReferences(text).map((r) => [r.kind, r.number, r.text])).toEqual([
      ['amendment', '52', '52'],
      ['clause', '28', 'Clause 28'],
      ['new-clause', '1', 'NC1 to NC2'],
      ['new-clause', '2', 'NC1 to NC2'],
    ]);
  });

  it('two phrases joined by "to" are two spans', () => {
    const text = 'Amendment 46 to Clause 6';
    expect(findReferences(text).map((r) => r.text)).toEqual(['Amendment 46', 'Clause 6']);
  });

  it('reads curly quotes and brackets around a reference', () => {
    const text = '“clause 7”, ‘Clause 8’ and (clause 9)';
    expect(findReferences(text).map((r) => text.slice(r.start, r.end))).toEqual(['clause 7', 'Clause 8', 'clause 9']);
  });
});
