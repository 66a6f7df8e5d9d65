import { describe, expect, it } from 'vitest';
import { scanText, stripPrintedLineNumbers } from '../../../src/annotate/scan';
import { scanSection } from '../../../src/annotate/section-scanner';
import { parseHtml } from '../../../src/cli/refs';
import type { PageSection } from '../../../src/pages/types';

const describeRef = (r: { kind: string; number: string; text: string; implicit?: boolean }) =>
  `${r.kind} ${r.number}: ${r.text}${r.implicit ? ' (implicit)' : ''}`;

describe('implicit references from the heading above', () => {
  it.each([
    [
      'PBC clause stand part',
      'Clause 233\nI beg to move amendment 86.\nQuestion proposed, That the clause stand part of the Bill.',
      ['clause 233: Clause 233', 'amendment 86: amendment 86', 'clause 233: the clause (implicit)'],
    ],
    [
      'Lords heading with a title',
      'Clause 38: School uniforms: limits on branded items\nAmendment 1\nQuestion put, That the clause stand part of the Bill.',
      ['clause 38: Clause 38', 'amendment 1: Amendment 1', 'clause 38: the clause (implicit)'],
    ],
    [
      'new clause read a Second time',
      'New Clause 18\nCorporate parenting responsibilities\nBrought up, and read the First time.\nI beg to move, That the clause be read a Second time.',
      ['new-clause 18: New Clause 18', 'new-clause 18: the clause (implicit)'],
    ],
    [
      'the nearest heading wins',
      'Clause 7\nThat the clause stand part of the Bill.\nClause 8\nThat the clause stand part of the Bill.',
      [
        'clause 7: Clause 7',
        'clause 7: the clause (implicit)',
        'clause 8: Clause 8',
        'clause 8: the clause (implicit)',
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(scanText(text).map(describeRef)).toEqual(expected);
  });

  it.each([
    ['no heading above', 'Question proposed, That the clause stand part of the Bill.'],
    [
      'a new clause heading does not give `stand part` a clause',
      'New Clause 4\nThat the clause stand part of the Bill.',
    ],
    ['a sentence is not a heading', 'Clause 7 ordered to stand part of the Bill.\nmore on the entire clause'],
  ])('none when %s', (_name, text) => {
    expect(scanText(text).filter((r) => r.implicit)).toEqual([]);
  });

  it('reads a clause heading item of the page as the heading above', () => {
    const doc = parseHtml(
      '<div id="s"><div data-tag="hs_8Clause"><p>Clause 7</p></div><div class="debate-item"><p><em>Question proposed, That the clause stand part of the Bill.</em></p></div></div>',
      null,
    );
    const root = doc.getElementById('s') as Element;
    const section: PageSection = {
      context: { bill: null, billId: null, house: null, stage: null, stageLabel: null, date: null },
      roots: [root],
    };
    const refs = scanSection(section, 3);
    const implicit = refs.find((r) => r.implicit);
    expect(implicit).toMatchObject({ kind: 'clause', number: '7', text: 'the clause', section: 3 });
    expect(implicit?.range().toString()).toBe('the clause');
  });
});

describe('printed line numbers (publications pages)', () => {
  it.each([
    ['1 5Corporate parenting principles', '1  Corporate parenting principles'],
    ['10and well-being', '  and well-being'],
    ['(d) 15to help those children', '(d)   to help those children'],
    ['Children and Social Work BillPage 2', '                                   '],
    ['the 5th day of Report', 'the 5th day of Report'],
    ['7and is not a printed line number', '7and is not a printed line number'],
  ])('%s', (text, stripped) => {
    expect(stripPrintedLineNumbers(text)).toBe(stripped);
    expect(stripPrintedLineNumbers(text)).toHaveLength(text.length);
  });

  it('keeps a glued line number out of a reference', () => {
    const text = 'amendments to Clause 1, page 2, line\n5Corporate parenting';
    expect(scanText(text, { printedLineNumbers: true }).map(describeRef)).toEqual(['clause 1: Clause 1']);
  });
});

describe("another bill's provisions are left alone, this bill's named by its title still count", () => {
  const BILL = 'Children’s Wellbeing and Schools Bill';
  it.each([
    ['a clause of another bill, after it', '…tried something similar in clause 48 of the Schools Bill 2022.', []],
    ['another bill as the sentence’s subject', 'The Schools Bill 2022 had a clause 48 that did this.', []],
    ['a new clause to another bill', 'I beg to move new clause 1 to the Agriculture Bill.', []],
    ['a chain tied to another bill', 'Clause 7 and schedule 2 to the Schools Bill 2022 were dropped.', []],
    ['this bill by its title', 'Clause 7 of the Children’s Wellbeing and Schools Bill is welcome.', ['clause 7']],
    [
      'this bill by its title, curly or straight apostrophe',
      "clause 7 of the Children's Wellbeing and Schools Bill",
      ['clause 7'],
    ],
    ['this bill with a year', 'clause 7 of the Children’s Wellbeing and Schools Bill 2024', ['clause 7']],
    ['this bill as the subject', 'The Children’s Wellbeing and Schools Bill puts clause 7 first.', ['clause 7']],
    [
      '`of this Bill` outweighs the other bill named before',
      'In the Schools Bill 2022, clause 48 tried this; clause 7 of this Bill does better.',
      ['clause 7'],
    ],
    ['`this Bill` after the other bill', 'Unlike the Schools Bill, this Bill puts clause 7 first.', ['clause 7']],
    ['another bill in an earlier sentence', 'The Schools Bill 2022 failed. I support clause 7.', ['clause 7']],
    ['another bill after the reference, not its subject', 'Clause 7 does what the Schools Bill did.', ['clause 7']],
    ['a committee is not a bill', 'The Public Bill Committee considered clause 7.', ['clause 7']],
    ['`the Government Bill` names no bill', 'The Government Bill has clause 7.', ['clause 7']],
  ])('%s', (_name, text, expected) => {
    expect(scanText(text, { bill: BILL }).map((r) => `${r.kind} ${r.number}`)).toEqual(expected);
  });

  it('keeps every reference when the page’s bill is not known', () => {
    expect(scanText('clause 48 of the Schools Bill 2022', { bill: null }).map((r) => r.number)).toEqual(['48']);
  });
});
