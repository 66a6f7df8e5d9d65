/**
 * Expected scanner results on the real corpus in ../shared/corpus, shared by the corpus test (which must match them
 * exactly) and `npm run corpus` (which reports what a change gains and loses against them).
 * Each reference is `kind number`, with ` (implicit)` for a number taken from a heading; in order of position.
 */

export interface CorpusTextExpectation {
  /** Folder under ../shared/corpus. */
  folder: 'debate-text' | 'bill-text';
  file: string;
  /** Scan with printed line numbers stripped (publications bill text). */
  printedLineNumbers?: boolean;
  refs: string[];
  /** Why an entry that looks wrong is expected anyway: a known gap, stated. */
  note?: string;
}

const range = (kind: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${kind} ${from + i}`);

export const CORPUS_TEXTS: CorpusTextExpectation[] = [
  {
    folder: 'debate-text',
    file: 'csw16-commons-report-2017-03-07-hansard-GetDebateAsText-new-clause-15.txt',
    // Every section/Part/Chapter/Schedule here belongs to an Act (`Chapter4 of Part 5 of the Education Act 1996`).
    refs: ['new-clause 15'],
  },
  {
    folder: 'debate-text',
    file: 'csw16-lords-grand-committee-2016-06-29-pp-clause-1-amendment-1.txt',
    refs: [
      'clause 1',
      'amendment 1',
      ...range('amendment', 2, 28),
      'amendment 28A',
      ...['6', '8', '11', '12', '13', '15', '19', '20'].map((n) => `amendment ${n}`),
      'clause 1',
      'clause 1',
    ],
  },
  {
    folder: 'debate-text',
    file: 'csw16-lords-report-day2-2016-11-08-hansard-details.txt',
    refs: ['amendment 52', 'amendment 52', 'clause 28', 'amendment 52', 'amendment 72'],
  },
  {
    folder: 'debate-text',
    file: 'csw16-pbc-2016-12-13-twfy-amendment-32.txt',
    refs: [
      'amendment 32',
      'clause 4',
      'amendment 33',
      'amendment 34',
      'amendment 2',
      'amendment 3',
      'amendment 33',
      'clause 5',
      'amendment 32',
      'amendment 4',
      'amendment 5',
      'amendment 6',
      'amendment 34',
      'clause 6',
      'amendment 32',
      'amendment 7',
      'amendment 8',
    ],
  },
  {
    folder: 'debate-text',
    file: 'csw16-pbc-notices-2016-12-07-publications-children_rm_pbc_1207.txt',
    refs: [...range('amendment', 1, 15), ...range('new-clause', 1, 9), 'new-schedule 1', 'clause 4'],
  },
  {
    folder: 'debate-text',
    file: 'cws25-commons-report-2025-03-17-twfy-stephen-morgan.txt',
    refs: ['new-clause 29', 'amendment 182', 'amendment 181', 'new-clause 10', 'amendment 171'],
  },
  {
    folder: 'debate-text',
    file: 'cws25-lords-third-reading-2026-02-09-pp-full-debate-opening.txt',
    refs: ['clause 38', 'amendment 1', 'amendment 1', 'amendment 1'],
  },
  {
    folder: 'debate-text',
    file: 'cws25-pbc-2025-02-11-fourteenth-sitting-pp-new-clauses.txt',
    // `Chapter 2 of Part 6 of the Education Act 1996` and `section 443` are the Act's.
    refs: ['new-clause 22', 'new-clause 23'],
  },
  {
    folder: 'debate-text',
    file: 'cws25-thirdparty-edyourself-clause-renumbering.txt',
    refs: ['clause 30', 'clause 31', 'clause 31', 'clause 32', 'clause 32'],
  },
  {
    folder: 'debate-text',
    file: 'other-pbc-2009-03-26-twfy-apprenticeships-clause-233.txt',
    refs: [
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
  },
  {
    folder: 'bill-text',
    file: 'csw16-HC-Bill-121-2016-17-as-amended-in-pbc-publications.txt',
    printedLineNumbers: true,
    // The bill's own structure headings (`Part 1 Children`, `CHAPTER 1 Looked after children`).
    refs: ['part 1', 'chapter 1'],
  },
  {
    folder: 'bill-text',
    file: 'csw16-HL-Bill-1-2016-17-contents-publications.txt',
    printedLineNumbers: true,
    refs: ['part 1', 'chapter 1', 'chapter 2'],
  },
  {
    folder: 'bill-text',
    file: 'csw16-HL-Bill-57-2016-17-as-amended-in-grand-committee-publications.txt',
    printedLineNumbers: true,
    refs: ['part 1', 'chapter 1'],
  },
];

export const HANSARD_PAGE = {
  file: 'hansard-commons-2020-01-09-CommonsChamber-aggregate.raw.html',
  url: 'https://hansard.parliament.uk/commons/2020-01-09/debates/f558af45-2e9e-4f22-9692-ae71794a6469/CommonsChamber',
  sections: [
    {
      context: {
        bill: 'European Union (Withdrawal Agreement) Bill',
        billId: null,
        house: 'commons',
        stage: 'third-reading',
        stageLabel: 'Third Reading',
        date: '2020-01-09',
      },
      /** `kind number: text` in order. */
      refs: [
        'clause 33: clause 33',
        'new-clause 4: new clause 4',
        'schedule 2: schedule 2',
        'new-clause 55: new clause 55',
        'amendment 1: amendment 1',
        'clause 31: clause 31',
        // Known gap: `clause 1(2)` of the European Communities Act 1972 (Disapplication) Bill, another bill named two
        // sentences earlier; the grammar keeps clauses of other Bills (only the page knows which bill it is about).
        'clause 1: clause 1(2)',
        'clause 39: clause 39',
        'clause 33: clause 33',
        'clause 37: clause 37',
        'clause 37: clause 37',
        'clause 37: Clause 37',
        'clause 31: clause 31',
        'clause 33: clause 33',
        'clause 33: clause 33',
      ],
    },
  ],
} as const;
