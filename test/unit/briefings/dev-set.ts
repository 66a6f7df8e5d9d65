/**
 * The briefing compiler's dev set: the two seeds and the 12 stored LGA pages in ../shared/corpus/lga-briefings, with
 * the structure read by hand from each page (bill title; each stage section's heading line, house, stage and dates).
 * Positions are not repeated here: ../shared/corpus/labels/stance-dev.json lists every labelled one per file and
 * section. Used by the corpus and seed tests and by `npm run score:briefings`.
 */

export interface DevSection {
  /** 1-based line of the section's heading (the title line on single-stage pages). */
  line: number;
  house: 'commons' | 'lords' | null;
  stage: string | null;
  dates: string[];
}

export interface DevFile {
  /** Folder under ../shared that holds the file (as the labels name it). */
  folder: 'seeds' | 'corpus/lga-briefings';
  file: string;
  bill: string;
  sections: DevSection[];
  /** Positions the compiler rightly keeps that the labels leave out (see the labels' note). */
  unlabelled?: number;
}

const s = (line: number, house: DevSection['house'], stage: string | null, dates: string[]): DevSection => ({
  line,
  house,
  stage,
  dates,
});

export const DEV_SET: readonly DevFile[] = [
  {
    folder: 'seeds',
    file: 'lga-childrens-wellbeing-and-schools-bill.txt',
    bill: 'Children’s Wellbeing and Schools Bill',
    sections: [s(3, 'commons', 'second-reading', ['2025-01-08'])],
  },
  {
    folder: 'seeds',
    file: 'lga-children-and-social-work-bill.txt',
    bill: 'Children and Social Work Bill',
    sections: [
      s(3, 'commons', 'remaining-stages', ['2017-03-07']),
      s(14, 'commons', 'committee', ['2016-12-13']),
      s(28, 'commons', 'second-reading', ['2016-12-05']),
      s(43, 'lords', 'third-reading', ['2016-11-23']),
      s(57, 'lords', 'report', ['2016-11-08']),
      s(72, 'lords', 'report', ['2016-10-18']),
      s(88, 'lords', 'committee', ['2016-07-11']),
      s(101, 'lords', 'committee', ['2016-07-04']),
      s(112, 'lords', 'second-reading', ['2016-06-14']),
      s(125, 'lords', 'committee', ['2016-06-27']),
    ],
  },
  {
    folder: 'corpus/lga-briefings',
    file: '01-levelling-up-regeneration-bill-committee-stage-commons-2022.txt',
    bill: 'Levelling Up and Regeneration Bill',
    sections: [s(3, 'commons', 'committee', ['2022-06'])],
  },
  {
    folder: 'corpus/lga-briefings',
    file: '03-levelling-up-regeneration-bill-second-reading-commons-2022-06-08.txt',
    bill: 'Levelling Up and Regeneration Bill',
    sections: [s(3, 'commons', 'second-reading', ['2022-06-08'])],
    // the cut-off last bullet (`Changes to neighbourhood planning…`), which the labeller skipped for want of a stance
    unlabelled: 1,
  },
  {
    folder: 'corpus/lga-briefings',
    file: '09-health-and-care-bill-consideration-lords-amendments-commons-2022-03-30.txt',
    bill: 'Health and Care Bill',
    sections: [s(3, 'commons', 'consideration-of-amendments', ['2022-03-30'])],
  },
  {
    folder: 'corpus/lga-briefings',
    file: '17-bus-services-bill-multi-stage-2017.txt',
    bill: 'Bus Services Bill',
    // the next section's heading is cut off (`House of Com`)
    sections: [s(9, 'commons', 'report', ['2017-03-27'])],
  },
  {
    folder: 'corpus/lga-briefings',
    file: '19-cities-and-local-government-devolution-bill-multi-stage-2015-2016.txt',
    bill: 'Cities and Local Government Devolution Bill',
    sections: [
      s(9, 'lords', 'consideration-of-amendments', ['2016-01-12']),
      s(20, 'commons', 'committee', ['2015-11-17']),
    ],
  },
  {
    folder: 'corpus/lga-briefings',
    file: '20-neighbourhood-planning-bill-multi-stage-2016-2017.txt',
    bill: 'Neighbourhood Planning Bill',
    sections: [s(5, 'lords', 'second-reading', ['2017-01-17']), s(17, 'commons', 'remaining-stages', ['2016-12-13'])],
  },
  {
    folder: 'corpus/lga-briefings',
    file: '24-local-government-finance-bill-second-reading-commons-2017-01-23.txt',
    bill: 'Local Government Finance Bill',
    // line 5 repeats the title with a `Local Government Association Briefing` prefix: not a second section
    sections: [s(3, 'commons', 'second-reading', ['2017-01-23'])],
  },
  {
    folder: 'corpus/lga-briefings',
    file: '28-domestic-abuse-bill-report-stage-lords-2021-03.txt',
    bill: 'Domestic Abuse Bill',
    sections: [s(3, 'lords', 'report', ['2021-03-08', '2021-03-10', '2021-03-15'])],
  },
  {
    folder: 'corpus/lga-briefings',
    file: '31-leasehold-and-freehold-reform-bill-report-stage-commons-2024.txt',
    bill: 'Leasehold and Freehold Reform Bill',
    // no date anywhere in the excerpt
    sections: [s(3, 'commons', 'report', [])],
  },
  {
    folder: 'corpus/lga-briefings',
    file: '36-fire-safety-bill-second-reading-commons-2020-04-29.txt',
    bill: 'Fire Safety Bill',
    sections: [s(3, 'commons', 'second-reading', ['2020-04-29'])],
  },
  {
    folder: 'corpus/lga-briefings',
    file: '39-mental-capacity-amendment-bill-report-stage-lords-2018-11-21.txt',
    bill: 'Mental Capacity (Amendment) Bill',
    // the title follows the site banner; `(Amendment)` is part of the title
    sections: [s(5, 'lords', 'report', ['2018-11-21'])],
  },
  {
    folder: 'corpus/lga-briefings',
    file: '46-police-crime-sentencing-courts-bill-second-reading-lords-2021-09-14.txt',
    bill: 'Police, Crime, Sentencing and Courts Bill',
    sections: [s(3, 'lords', 'second-reading', ['2021-09-14'])],
  },
];

/** One labelled position of ../shared/corpus/labels/stance-dev.json (the fields the structure scorer reads). */
export interface LabelledPosition {
  file: string;
  section: string;
  start: string;
  refs?: Array<{ ref: string }>;
}

/** How the stance scorer and ours find a labelled position among compiled ones: its first 40 characters, folded. */
export function fold(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function labelKey(label: LabelledPosition): string {
  return fold(label.start).slice(0, 40);
}
