/**
 * Fixture pages written after the real Hansard and bills.parliament.uk markup: each page's exact context and
 * references, through the same path as the CLI (adapter -> sections -> text index -> grammar).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import billsJson from '../../../assets/bills.json';
import { scanSection } from '../../../src/annotate/section-scanner';
import { parseHtml } from '../../../src/cli/refs';
import type { BillRecord, PageContext } from '../../../src/model';
import { pageUrlOf, understandPage } from '../../../src/pages/index';

const BILLS = (billsJson as { bills: BillRecord[] }).bills;
const FIXTURES = resolve(__dirname, '../../fixtures/pages');

function load(file: string): Document {
  return parseHtml(readFileSync(`${FIXTURES}/${file}`, 'utf8'), null);
}

const CWS: Pick<PageContext, 'bill' | 'billId'> = {
  bill: "Children's Wellbeing and Schools Bill",
  billId: 'childrens-wellbeing-and-schools-bill',
};
const CSW: Pick<PageContext, 'bill' | 'billId'> = {
  bill: 'Children and Social Work Bill',
  billId: 'children-and-social-work-bill',
};

interface Case {
  file: string;
  url: string;
  adapter: string;
  context: PageContext;
  /** `kind number: text`, with ` (implicit)` for a number taken from a heading. */
  refs: string[];
}

const CASES: Case[] = [
  {
    file: 'cws25-pbc-2025-02-11-fourteenth-sitting.html',
    url: 'https://hansard.parliament.uk/Commons/2025-02-11/debates/9bc2d589-0744-404f-bfd0-a4bf986e4e23/ChildrenSWellbeingAndSchoolsBill(FourteenthSitting)',
    adapter: 'hansard-committee-sitting',
    context: { ...CWS, house: 'commons', stage: 'committee', stageLabel: 'Fourteenth Sitting', date: '2025-02-11' },
    refs: [
      'clause 7: Clause 7',
      'amendment 5: amendment 5',
      'clause 7: clause 7',
      'new-clause 10: new clause 10',
      // `section 17 of the Children Act 1989` comes here and is not the bill's.
      'clause 7: clause 7',
      // Split by a column-number pin: `clause <pin>Column 502 is located here</pin>7`.
      'clause 7: clause 7',
      'new-clause 10: new clause 10',
      'amendment 5: Amendment 5',
      'clause 7: the clause (implicit)',
      'clause 7: Clause 7',
      'new-clause 10: New Clause 10',
      'new-clause 10: the clause (implicit)',
    ],
  },
  {
    file: 'csw16-lords-report-2016-10-18.html',
    url: 'https://hansard.parliament.uk/Lords/2016-10-18/debates/6F1F2C5A-9B0E-4E0F-A1C2-3D4E5F60718A/ChildrenAndSocialWorkBill(HL)',
    adapter: 'hansard-debate',
    context: { ...CSW, house: 'lords', stage: 'report', stageLabel: 'Report (1st Day)', date: '2016-10-18' },
    refs: [
      'clause 1: Clause 1',
      'amendment 7: Amendment 7',
      'amendment 7: 7',
      'clause 1: Clause 1',
      'amendment 7: Amendment 7',
      'clause 29: Clause 29',
      // `section 22 of the Children Act 1989` comes here and is not the bill's.
      'amendment 7: Amendment 7',
      'amendment 7: Amendment 7',
      'clause 29: Clause 29',
      'amendment 30: Amendment 30',
      'amendment 30: 30',
      'clause 29: Clause 29',
      'clause 29: clause 29',
    ],
  },
  {
    file: 'cws25-commons-report-2025-03-17.html',
    url: 'https://hansard.parliament.uk/Commons/2025-03-17/debates/E5BB116A-6FBA-4758-9E0D-276C81369B21/Children%E2%80%99SWellbeingAndSchoolsBill',
    adapter: 'hansard-debate',
    context: {
      ...CWS,
      house: 'commons',
      stage: 'report',
      stageLabel: 'Consideration of Bill, as amended in the Public Bill Committee',
      date: '2025-03-17',
    },
    refs: [
      'new-clause 18: New Clause 18',
      'new-clause 18: the clause (implicit)',
      'new-clause 16: new clause 16',
      'amendment 119: amendments 119 to 121',
      'amendment 120: amendments 119 to 121',
      'amendment 121: amendments 119 to 121',
      'new-clause 18: New clause 18',
      'clause 18: Clause 18',
      'amendment 119: Amendments made: 119',
      'clause 18: clause 18',
    ],
  },
  {
    file: 'cws25-lords-third-reading-2026-02-09.html',
    url: 'https://hansard.parliament.uk/Lords/2026-02-09/debates/DD497F1C-E058-4049-99C2-F8B8FA31AC1A/Children’SWellbeingAndSchoolsBill',
    adapter: 'hansard-debate',
    context: { ...CWS, house: 'lords', stage: 'third-reading', stageLabel: 'Third Reading', date: '2026-02-09' },
    refs: [
      'clause 23: Clause 23',
      'amendment 1: Amendment 1',
      'amendment 1: 1',
      'clause 23: Clause 23',
      'clause 23: clause 23',
      'clause 7: clause 7',
    ],
  },
  {
    file: 'unknown-bill.html',
    url: 'https://hansard.parliament.uk/Commons/2024-11-26/debates/0A1B2C3D-4E5F-4607-8899-AABBCCDDEEFF/TobaccoAndVapesBill',
    adapter: 'hansard-debate',
    context: {
      bill: 'Tobacco and Vapes Bill',
      billId: null,
      house: 'commons',
      stage: 'second-reading',
      stageLabel: 'Second Reading',
      date: '2024-11-26',
    },
    refs: ['clause 1: Clause 1', 'part 2: Part 2'],
  },
  {
    file: 'bills-3909.html',
    url: 'https://bills.parliament.uk/bills/3909',
    adapter: 'bills-site',
    context: { ...CWS, house: null, stage: null, stageLabel: null, date: null },
    // `section 551 of the Education Act 1996` is the Act's.
    refs: ['clause 7: Clause 7'],
  },
];

function scanPage(doc: Document, url: string) {
  const understood = understandPage(doc, url, BILLS);
  if (!understood) throw new Error(`no adapter understood ${url}`);
  const refs = understood.sections.flatMap((section, i) => scanSection(section, i));
  return { understood, refs };
}

const describeRef = (r: { kind: string; number: string; text: string; implicit?: boolean }) =>
  `${r.kind} ${r.number}: ${r.text}${r.implicit ? ' (implicit)' : ''}`;

describe.each(CASES)('$file', ({ file, url, adapter, context, refs }) => {
  const doc = load(file);
  const { understood, refs: found } = scanPage(doc, url);

  it('is understood by its adapter with the exact context', () => {
    expect(understood.adapter).toBe(adapter);
    expect(understood.sections.map((s) => s.context)).toEqual([context]);
  });

  it('has exactly the expected references', () => {
    expect(found.map(describeRef)).toEqual(refs);
  });

  it('maps every reference back to a DOM range holding its text', () => {
    for (const ref of found) {
      const text = ref
        .range()
        .toString()
        .replace(/\s+/g, ' ')
        .replace(/Column \d+is located here/g, '');
      expect(text.replace(/[\u2018\u2019]/g, "'")).toBe(ref.text);
    }
  });

  it('gives the same context on the page’s own URL (og:url or canonical)', () => {
    const own = pageUrlOf(doc);
    expect(own).not.toBeNull();
    expect(understandPage(doc, own as string, BILLS)?.sections.map((s) => s.context)).toEqual([context]);
  });
});

describe('details the fixtures pin', () => {
  it('reads a reference split by a column-number pin across two text nodes', () => {
    const doc = load('cws25-pbc-2025-02-11-fourteenth-sitting.html');
    const { refs } = scanPage(doc, CASES[0]!.url);
    const split = refs.filter((r) => r.text === 'clause 7').map((r) => r.range());
    const across = split.find((range) => range.startContainer !== range.endContainer);
    expect(across).toBeDefined();
    expect(across?.toString()).toContain('Column 502');
  });

  it('never scans scripts, share bars or screen-reader text', () => {
    const doc = load('cws25-pbc-2025-02-11-fourteenth-sitting.html');
    const { understood, refs } = scanPage(doc, CASES[0]!.url);
    expect(doc.documentElement.textContent).toContain('Clause 99');
    expect(refs.some((r) => r.number === '99')).toBe(false);
    expect(understood.sections[0]?.roots[0]?.textContent).toContain('Copy link');
  });

  it('resolves a bills.parliament.uk page titled as the Act to the bill', () => {
    const doc = load('bills-3909.html');
    (doc.querySelector('h1') as Element).textContent = 'Children and Social Work Act 2017';
    // An id bills.json does not know: the bill is resolved by the Act's name.
    const understood = understandPage(doc, 'https://bills.parliament.uk/bills/99999/stages', BILLS);
    expect(understood?.sections[0]?.context).toEqual({
      ...CSW,
      house: null,
      stage: null,
      stageLabel: null,
      date: null,
    });
  });

  it('leaves a Hansard debate that is not about a bill alone', () => {
    const doc = load('unknown-bill.html');
    (doc.querySelector('.hero-banner h1') as Element).textContent = 'Oil Refining Sector';
    const url =
      'https://hansard.parliament.uk/Commons/2026-01-14/debates/0A1B2C3D-4E5F-4607-8899-AABBCCDDEEFF/OilRefiningSector';
    expect(understandPage(doc, url, BILLS)).toBeNull();
  });

  it('takes the date from the volume line when the URL has none, never from <time datetime>', () => {
    const doc = load('csw16-lords-report-2016-10-18.html');
    expect(doc.querySelector('time')).toBeNull();
    const day = load('cws25-pbc-2025-02-11-fourteenth-sitting.html');
    expect(day.querySelector('time')?.getAttribute('datetime')).toBe('25/02/2025 13:05:00');
    expect(scanPage(day, CASES[0]!.url).understood.sections[0]?.context.date).toBe('2025-02-11');
  });
});
