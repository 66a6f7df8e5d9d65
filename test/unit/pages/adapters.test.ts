// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import billsJson from '../../../assets/bills.json';
import type { BillRecord } from '../../../src/model';
import { cleanBillTitle, dateFromText, isBillTitle, leadingTextOf, textOf } from '../../../src/pages/context';
import { ADAPTER_EXAMPLES } from '../../../src/pages/examples';
import { parseHansardUrl, stageFromItems } from '../../../src/pages/hansard-common';
import { ADAPTERS, adapterFor, pageUrlOf, understandPage } from '../../../src/pages/index';
import { parseStageLabel, sittingLabelFromSlug } from '../../../src/pages/stage';

const BILLS = (billsJson as { bills: BillRecord[] }).bills;

describe('every adapter claims its own example URLs and no other adapter’s', () => {
  const cases = ADAPTERS.flatMap((owner) =>
    (ADAPTER_EXAMPLES[owner.id] ?? []).flatMap((url) =>
      ADAPTERS.map((adapter) => ({ owner: owner.id, adapter: adapter.id, url })),
    ),
  );
  it.each(cases)('$adapter on $owner example $url', ({ owner, adapter, url }) => {
    const subject = ADAPTERS.find((a) => a.id === adapter)!;
    expect(subject.claim(url) !== null).toBe(owner === adapter);
  });

  it('has unique ids and at least two examples each', () => {
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
    for (const adapter of ADAPTERS) expect(ADAPTER_EXAMPLES[adapter.id]?.length).toBeGreaterThanOrEqual(2);
  });
});

describe('pages no adapter claims are left alone', () => {
  it.each([
    'https://hansard.parliament.uk/',
    'https://hansard.parliament.uk/search/Contributions?searchTerm=clause',
    'https://hansard.parliament.uk/Commons/2025-03-17',
    'https://bills.parliament.uk/',
    'https://bills.parliament.uk/bills?SearchTerm=children',
    'https://www.parliament.uk/business/',
    'https://example.org/Commons/2025-03-17/debates/E5BB116A-6FBA-4758-9E0D-276C81369B21/Bill',
  ])('%s', (url) => {
    expect(adapterFor(url)).toBeNull();
    const doc = new DOMParser().parseFromString('<h1>Children and Social Work Bill</h1>', 'text/html');
    expect(understandPage(doc, url, BILLS)).toBeNull();
  });
});

describe('Hansard URLs', () => {
  it.each([
    [
      'https://hansard.parliament.uk/Commons/2025-03-17/debates/E5BB116A-6FBA-4758-9E0D-276C81369B21/Children%E2%80%99SWellbeingAndSchoolsBill',
      { house: 'commons', date: '2025-03-17', slug: 'Children’SWellbeingAndSchoolsBill' },
    ],
    [
      'https://hansard.parliament.uk/lords/2016-10-18/debates/6f1f2c5a-9b0e-4e0f-a1c2-3d4e5f60718a/ChildrenAndSocialWorkBill(HL)#contribution-1',
      { house: 'lords', date: '2016-10-18', slug: 'ChildrenAndSocialWorkBill(HL)' },
    ],
    [
      'https://hansard.parliament.uk/Lords/2016-11-08/debates/5ABC82B8-3486-474C-8A9A-9445BBCD382E/details',
      { house: 'lords', date: '2016-11-08', slug: 'details' },
    ],
    [
      'https://hansard.parliament.uk/Commons/2009-03-26/debates/09032644000001/ApprenticeshipsSkillsChildrenAndLearningBill',
      { house: 'commons', date: '2009-03-26', slug: 'ApprenticeshipsSkillsChildrenAndLearningBill' },
    ],
  ])('%s', (url, expected) => {
    expect(parseHansardUrl(url)).toMatchObject(expected);
  });
});

describe('stage labels', () => {
  it.each([
    ['Report (2nd Day)', 'report'],
    ['Report (1st Day)', 'report'],
    ['Committee (10th Day)', 'committee'],
    ['Third Reading', 'third-reading'],
    ['Second Reading', 'second-reading'],
    ['Consideration of Lords Amendments', 'consideration-of-amendments'],
    ['Consideration of Commons Amendments', 'consideration-of-amendments'],
    ['Consideration of Bill, as amended in the Public Bill Committee', 'report'],
    ['Considered in Committee', 'committee'],
    ['Grand Committee', 'committee'],
    ['Fourteenth Sitting', 'committee'],
    ['Remaining stages', 'remaining-stages'],
  ])('%s -> %s', (label, stage) => {
    expect(parseStageLabel(label)).toBe(stage);
  });

  it.each([
    'Queen’s consent signified.',
    '[Relevant documents: Report of the Education Committee]',
    'I beg to move, That the Bill be now read the Third time, and I will speak to the report from the committee.',
    'Amendment 7',
    'Moved by',
  ])('not a stage: %s', (line) => {
    expect(parseStageLabel(line)).toBeNull();
  });

  it.each([
    ['ChildrenSWellbeingAndSchoolsBill(FourteenthSitting)', 'Fourteenth Sitting'],
    ['ChildrenAndSocialWorkBill(Lords)(SecondSitting)', 'Second Sitting'],
    ['ChildrenSWellbeingAndSchoolsBill', null],
  ])('sitting label of %s', (slug, label) => {
    expect(sittingLabelFromSlug(slug)).toBe(label);
  });
});

describe('titles and dates', () => {
  it.each([
    ['Volume 669: debated on Thursday 9 January 2020', '2020-01-09'],
    ['Debated on Tuesday 11 February 2025', '2025-02-11'],
    ['no date here', null],
  ])('%s', (text, date) => {
    expect(dateFromText(text)).toBe(date);
  });

  it.each([
    ['Children’s Wellbeing and Schools Bill (Fourteenth sitting)', 'Children’s Wellbeing and Schools Bill'],
    ['Children and Social Work Bill [HL]', 'Children and Social Work Bill [HL]'],
    ['Renters’ Rights Bill: Second Reading', 'Renters’ Rights Bill'],
    ['Renters’ Rights Bill (Second Reading)', 'Renters’ Rights Bill'],
    ['Renters’ Rights Bill: Report Stage (Second sitting)', 'Renters’ Rights Bill'],
    ['  Renters’   Rights Bill\n (Remaining Stages) ', 'Renters’ Rights Bill'],
    ['Finance (No. 2) Bill', 'Finance (No. 2) Bill'],
    ['Hospital Improvement Plans: VAT Rules', 'Hospital Improvement Plans: VAT Rules'],
    ['Business of the House (Today)', 'Business of the House (Today)'],
  ])('cleans %s', (title, clean) => {
    expect(cleanBillTitle(title)).toBe(clean);
  });

  it.each([
    ['European Union (Withdrawal Agreement) Bill', true],
    ['Children and Social Work Bill [HL]', true],
    ['Children and Social Work Act 2017', true],
    ['Business of the House', false],
    ['Hospital Improvement Plans: VAT Rules', false],
  ])('%s is a bill: %s', (title, expected) => {
    expect(isBillTitle(title, BILLS)).toBe(expected);
  });
});

describe('the opening words of an element: the whole text, collapsed and trimmed, cut, without reading it all', () => {
  const long = `<p>${'word '.repeat(200)}</p>`;
  it.each([
    ['<p>  Clause 7  </p>', 5],
    ['<p>  Clause 7  </p>', 8],
    ['<p>  Clause 7  </p>', 50],
    ['<p>\n   That the Bill</p>\n  <p>  be now read </p>', 13],
    ['<p>\n   That the Bill</p>\n  <p>  be now read </p>', 14],
    ['<p>That the <em>Bill</em>\n</p><p>\n be now</p>', 12],
    ['<p>That the <em>Bill</em>\n</p><p>\n be now</p>', 400],
    ['<p>   </p><p> </p>', 10],
    [long, 400],
    [long, 399],
    [long, 1001],
  ])('%s, %i characters', (html, max) => {
    const el = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html').body.firstElementChild!;
    expect(leadingTextOf(el, max)).toBe(textOf(el).slice(0, max));
  });

  /** A speech after a procedure item, as Hansard marks it up: the motion in its opening words names the stage. */
  const speech = (words: string) =>
    new DOMParser().parseFromString(
      `<div class="debate-item"><div class="contribution"><div class="content"><p>${words}</p><p>${'More. '.repeat(2000)}</p></div></div></div>`,
      'text/html',
    ).body.firstElementChild!;

  it.each([
    ['I beg to move, That the Bill be now read a Second time.', 'second-reading'],
    [`${'x'.repeat(380)} That the Bill be now read the Third time.`, null],
  ])('the stage of a speech opening %#', (words, stage) => {
    expect(stageFromItems([speech(words)])?.stage ?? null).toBe(stage);
  });
});

describe('page URL of a saved page', () => {
  it('prefers og:url, then the canonical link', () => {
    const og = new DOMParser().parseFromString(
      '<head><meta property="og:url" content="https://a.example/x"><link rel="canonical" href="https://b.example/y"></head>',
      'text/html',
    );
    expect(pageUrlOf(og)).toBe('https://a.example/x');
    const canonical = new DOMParser().parseFromString(
      '<head><link rel="canonical" href="https://b.example/y"></head>',
      'text/html',
    );
    expect(pageUrlOf(canonical)).toBe('https://b.example/y');
  });
});

describe('publications.parliament.uk amendment papers', () => {
  it('reads the stage from the paper’s file name and the date from its opening lines', () => {
    const heading = document.createElement('h1');
    heading.textContent = 'Children and Social Work Bill [HL]';
    const date = document.createElement('p');
    date.textContent = 'Wednesday 7 December 2016';
    const line = document.createElement('p');
    line.textContent = 'Clause  13,  page  11,  line  9, leave out “may” and insert “must”';
    // As served: elements on their own lines of the HTML source.
    document.body.replaceChildren(heading, '\n', date, '\n', line, '\n');
    const url = 'https://publications.parliament.uk/pa/bills/cbill/2016-2017/0099/amend/children_rm_pbc_1207.1-7.html';
    const context = understandPage(document, url, BILLS)?.sections[0]?.context;
    expect(context).toMatchObject({ house: 'commons', stage: 'committee', date: '2016-12-07' });
  });
});
