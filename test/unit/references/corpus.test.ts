/**
 * Real pages and briefings (../shared/corpus, ../shared/seeds): the references each holds, written down by reading
 * the texts, not by copying output. Debate texts pin the ordered list; briefings pin the set.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/references';
import { briefingText, corpusDir, debatePageText, refsOf, seq } from './helpers';

const n = (kind: string, ...numbers: (number | string)[]) => numbers.map((x) => `${kind} ${x}`);

describe('debate texts (page text after the ---- line)', () => {
  it.each<[string, string[]]>([
    // Only New Clause 15 itself: everything else it cites belongs to the Education Acts.
    ['csw16-commons-report-2017-03-07-hansard-GetDebateAsText-new-clause-15.txt', ['new-clause 15']],
    [
      'csw16-lords-grand-committee-2016-06-29-pp-clause-1-amendment-1.txt',
      [
        'clause 1',
        'amendment 1',
        ...seq('amendment', 2, 28),
        'amendment 28A',
        ...n('amendment', 6, 8, 11, 12, 13, 15, 19, 20),
        'clause 1',
        'clause 1',
      ],
    ],
    [
      'csw16-lords-report-day2-2016-11-08-hansard-details.txt',
      ['amendment 52', 'amendment 52', 'clause 28', 'amendment 52', 'amendment 72'],
    ],
    [
      'csw16-pbc-2016-12-13-twfy-amendment-32.txt',
      [
        'amendment 32',
        'clause 4',
        ...n('amendment', 33, 34, 2, 3, 33),
        'clause 5',
        ...n('amendment', 32, 4, 5, 6, 34),
        'clause 6',
        ...n('amendment', 32, 7, 8),
      ],
    ],
    [
      'csw16-pbc-notices-2016-12-07-publications-children_rm_pbc_1207.txt',
      [...seq('amendment', 1, 15), ...seq('new-clause', 1, 9), 'new-schedule 1', 'clause 4'],
    ],
    [
      'cws25-commons-report-2025-03-17-twfy-stephen-morgan.txt',
      ['new-clause 29', 'amendment 182', 'amendment 181', 'new-clause 10', 'amendment 171'],
    ],
    [
      'cws25-lords-third-reading-2026-02-09-pp-full-debate-opening.txt',
      ['clause 38', 'amendment 1', 'amendment 1', 'amendment 1'],
    ],
    ['cws25-pbc-2025-02-11-fourteenth-sitting-pp-new-clauses.txt', ['new-clause 22', 'new-clause 23']],
    ['cws25-thirdparty-edyourself-clause-renumbering.txt', n('clause', 30, 31, 31, 32, 32)],
    [
      'other-pbc-2009-03-26-twfy-apprenticeships-clause-233.txt',
      [
        'clause 233',
        'amendment 86',
        'clause 233',
        'amendment 210',
        'clause 233',
        'amendment 87',
        'clause 233',
        'amendment 94',
        'clause 233',
        'amendment 86',
        'amendment 210',
      ],
    ],
  ])('%s', (file, expected) => {
    expect(refsOf(debatePageText(file))).toEqual(expected);
  });

  it('reads and drops the Act provisions New Clause 15 cites', () => {
    const text = debatePageText('csw16-commons-report-2017-03-07-hansard-GetDebateAsText-new-clause-15.txt');
    const dropped = explain(text).filter((p) => p.excludedBy === 'act-provision');
    expect(dropped.map((p) => p.text)).toEqual(['Chapter4', 'Part 5', 'Schedule 1', 'Part 6', 'Chapter 1', 'Part 4']);
  });
});

describe('bill text (publications.parliament.uk, line numbers glued to words)', () => {
  it.each<[string, string[]]>([
    ['csw16-HC-Bill-121-2016-17-as-amended-in-pbc-publications.txt', ['part 1', 'chapter 1']],
    ['csw16-HL-Bill-1-2016-17-contents-publications.txt', ['part 1', 'chapter 1', 'chapter 2']],
    ['csw16-HL-Bill-57-2016-17-as-amended-in-grand-committee-publications.txt', ['part 1', 'chapter 1']],
  ])('%s', (file, expected) => {
    const raw = readFileSync(path.join(corpusDir, 'bill-text', file), 'utf8');
    const text = raw.slice(raw.indexOf('\n----\n') + 6);
    expect(refsOf(text)).toEqual(expected);
    // Sections there are the Children Act's and the Human Rights Act's, even where briefings' sections are clauses.
    expect(refsOf(text, { sectionsAreClauses: true })).toEqual(expected);
  });
});

describe('LGA briefings (corpus, without line 1)', () => {
  it.each<[string, string[]]>([
    [
      '01-levelling-up-regeneration-bill-committee-stage-commons-2022.txt',
      ['part 1', 'clause 4', 'clause 72', 'clause 73', 'clause 71', 'amendment 45'],
    ],
    ['03-levelling-up-regeneration-bill-second-reading-commons-2022-06-08.txt', []],
    ['09-health-and-care-bill-consideration-lords-amendments-commons-2022-03-30.txt', []],
    ['17-bus-services-bill-multi-stage-2017.txt', ['amendment 1', 'clause 22', 'amendment 14', 'amendment 24']],
    ['19-cities-and-local-government-devolution-bill-multi-stage-2015-2016.txt', n('amendment', 7, 8, 31, 45)],
    ['20-neighbourhood-planning-bill-multi-stage-2016-2017.txt', []],
    ['24-local-government-finance-bill-second-reading-commons-2017-01-23.txt', n('clause', 1, 2, 6)],
    ['28-domestic-abuse-bill-report-stage-lords-2021-03.txt', []],
    // `We support clauses enabling…` and `the Building Safety Act 2022`: no number of the bill.
    ['31-leasehold-and-freehold-reform-bill-report-stage-commons-2024.txt', []],
    ['36-fire-safety-bill-second-reading-commons-2020-04-29.txt', []],
    // `Mental Capacity (Amendment) Bill` is a title.
    ['39-mental-capacity-amendment-bill-report-stage-lords-2018-11-21.txt', []],
    ['46-police-crime-sentencing-courts-bill-second-reading-lords-2021-09-14.txt', ['part 2']],
  ])('%s', (file, expected) => {
    const found = new Set(refsOf(briefingText(file)));
    expect([...found].sort()).toEqual([...new Set(expected)].sort());
  });
});

describe('seed briefings (sectionsAreClauses)', () => {
  const seed = (file: string) => readFileSync(path.resolve(corpusDir, '..', 'seeds', file), 'utf8');

  it("Children's Wellbeing and Schools Bill: bracketed clause labels", () => {
    const found = new Set(refsOf(seed('lga-childrens-wellbeing-and-schools-bill.txt'), { sectionsAreClauses: true }));
    const expected = [
      ...n('clause', 1, 2, 3, 4, 6, 7, 9, 11, 12, 13, 14, 23, 24, 25, 26),
      ...seq('clause', 31, 38),
      ...n('clause', 44, 47, 48, 49, 51),
    ];
    expect([...found].sort()).toEqual(expected.sort());
  });

  it('Children and Social Work Bill: every stage section', () => {
    const text = seed('lga-children-and-social-work-bill.txt');
    const found = new Set(refsOf(text, { sectionsAreClauses: true }));
    const expected = [
      ...seq('clause', 1, 9),
      ...seq('clause', 11, 22),
      ...n('clause', 29, 32),
      ...n('part', 1, 2),
      ...n('chapter', 1, 2),
      ...n('amendment', 2, 3, 4, 5, 7, 12, 13, 30, 32, 33, 34, 35, 43, 44, 47, 48, 54, 59, 60, 61, 62, 65, 66, 70),
      ...n('amendment', 91, 92, 95),
      ...seq('amendment', 113, 126),
      ...n('amendment', 132, 136),
    ];
    expect([...found].sort()).toEqual([...new Set(expected)].sort());
    // `section 18 allows for the Secretary of State…` is the bill's clause 18 in this briefing.
    expect(explain(text, { sectionsAreClauses: true }).filter((p) => p.pattern === 'section-as-clause')).toHaveLength(
      1,
    );
  });
});
