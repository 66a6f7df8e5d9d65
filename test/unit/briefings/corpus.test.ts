/**
 * The 12 stored LGA briefing pages (../shared/corpus/lga-briefings): expected results written by reading each page.
 * The files are ~2,000-character prefixes of the pages, so their last bullet is cut mid-sentence (still a position).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileBriefing } from '../../../src/briefings/compile';
import { readShared, SHARED } from './paths';

interface Expected {
  bill: string;
  /** [heading line, house, stage, dates, positions] per section, in document order. */
  sections: Array<[number, string | null, string | null, string[], number]>;
  /** Every reference the page names, in order of first mention. */
  refs: string[];
}

const CORPUS: Record<string, Expected> = {
  '01-levelling-up-regeneration-bill-committee-stage-commons-2022.txt': {
    bill: 'Levelling Up and Regeneration Bill',
    sections: [[3, 'commons', 'committee', ['2022-06'], 4]],
    refs: ['part 1', 'clause 4', 'clause 72', 'clause 73', 'clause 71', 'amendment 45'],
  },
  '03-levelling-up-regeneration-bill-second-reading-commons-2022-06-08.txt': {
    bill: 'Levelling Up and Regeneration Bill',
    // one bullet with four nested bullets
    sections: [[3, 'commons', 'second-reading', ['2022-06-08'], 5]],
    refs: [],
  },
  '09-health-and-care-bill-consideration-lords-amendments-commons-2022-03-30.txt': {
    bill: 'Health and Care Bill',
    sections: [[3, 'commons', 'consideration-of-amendments', ['2022-03-30'], 4]],
    refs: [],
  },
  '17-bus-services-bill-multi-stage-2017.txt': {
    bill: 'Bus Services Bill',
    // the next section's heading is cut off (`House of Com`)
    sections: [[9, 'commons', 'report', ['2017-03-27'], 3]],
    refs: ['amendment 1', 'clause 22', 'amendment 14', 'amendment 24'],
  },
  '19-cities-and-local-government-devolution-bill-multi-stage-2015-2016.txt': {
    bill: 'Cities and Local Government Devolution Bill',
    // paragraphs, no bullets
    sections: [
      [9, 'lords', 'consideration-of-amendments', ['2016-01-12'], 3],
      [20, 'commons', 'committee', ['2015-11-17'], 1],
    ],
    refs: ['amendment 7', 'amendment 8', 'amendment 31', 'amendment 45'],
  },
  '20-neighbourhood-planning-bill-multi-stage-2016-2017.txt': {
    bill: 'Neighbourhood Planning Bill',
    sections: [
      [5, 'lords', 'second-reading', ['2017-01-17'], 3],
      [17, 'commons', 'remaining-stages', ['2016-12-13'], 1],
    ],
    refs: [],
  },
  '24-local-government-finance-bill-second-reading-commons-2017-01-23.txt': {
    bill: 'Local Government Finance Bill',
    // line 5 repeats the title with a `Local Government Association Briefing` prefix: not a second section
    sections: [[3, 'commons', 'second-reading', ['2017-01-23'], 4]],
    refs: ['clause 1', 'clause 2', 'clause 6'],
  },
  '28-domestic-abuse-bill-report-stage-lords-2021-03.txt': {
    bill: 'Domestic Abuse Bill',
    sections: [[3, 'lords', 'report', ['2021-03-08', '2021-03-10', '2021-03-15'], 6]],
    refs: [],
  },
  '31-leasehold-and-freehold-reform-bill-report-stage-commons-2024.txt': {
    bill: 'Leasehold and Freehold Reform Bill',
    // no date in the title; `clauses enabling…` has no number; the Building Safety Act 2022 is not the bill
    sections: [[3, 'commons', 'report', [], 6]],
    refs: [],
  },
  '36-fire-safety-bill-second-reading-commons-2020-04-29.txt': {
    bill: 'Fire Safety Bill',
    sections: [[3, 'commons', 'second-reading', ['2020-04-29'], 5]],
    refs: [],
  },
  '39-mental-capacity-amendment-bill-report-stage-lords-2018-11-21.txt': {
    bill: 'Mental Capacity (Amendment) Bill',
    // title after the banner; `(Amendment)` is part of the title, not an amendment
    sections: [[5, 'lords', 'report', ['2018-11-21'], 4]],
    refs: [],
  },
  '46-police-crime-sentencing-courts-bill-second-reading-lords-2021-09-14.txt': {
    bill: 'Police, Crime, Sentencing and Courts Bill',
    sections: [[3, 'lords', 'second-reading', ['2021-09-14'], 6]],
    refs: ['part 2'],
  },
};

describe('corpus briefings', () => {
  it('the table covers every stored briefing', () => {
    const files = readdirSync(`${SHARED}corpus/lga-briefings`).filter((f) => f.endsWith('.txt'));
    expect(Object.keys(CORPUS).sort()).toEqual(files.sort());
  });

  it.each(Object.entries(CORPUS))('%s', (file, expected) => {
    const result = compileBriefing(readShared(`corpus/lga-briefings/${file}`), file, []);
    expect(result.errors).toEqual([]);
    expect(result.bill.title).toBe(expected.bill);
    expect(
      result.briefings.map((b) => [
        b.line,
        b.house,
        b.stage,
        b.dates,
        result.positions.filter((p) => p.briefingId === b.id).length,
      ]),
    ).toEqual(expected.sections);
    const refs = [...new Set(result.positions.flatMap((p) => p.refs.map((r) => `${r.kind} ${r.number}`)))];
    expect(refs).toEqual(expected.refs);
    // The provenance line, the banner and the topic links are never positions.
    expect(result.positions.some((p) => /^SOURCE:|View all|Resetting the relationship/.test(p.text))).toBe(false);
  });

  it.each([
    ['17-bus-services-bill-multi-stage-2017.txt', 13, 'clause 22', 'oppose'],
    ['17-bus-services-bill-multi-stage-2017.txt', 13, 'amendment 1', 'support'],
    ['17-bus-services-bill-multi-stage-2017.txt', 15, 'amendment 24', 'oppose'],
    ['01-levelling-up-regeneration-bill-committee-stage-commons-2022.txt', 13, 'clause 72', 'support'],
    ['01-levelling-up-regeneration-bill-committee-stage-commons-2022.txt', 14, 'clause 71', 'concern'],
    ['01-levelling-up-regeneration-bill-committee-stage-commons-2022.txt', 14, 'amendment 45', 'support'],
    ['01-levelling-up-regeneration-bill-committee-stage-commons-2022.txt', 12, 'clause 4', 'mixed'],
    ['24-local-government-finance-bill-second-reading-commons-2017-01-23.txt', 12, 'clause 6', 'mixed'],
    ['19-cities-and-local-government-devolution-bill-multi-stage-2015-2016.txt', 17, 'amendment 45', 'concern'],
  ])('%s line %i: %s is %s', (file, line, ref, stance) => {
    const result = compileBriefing(readShared(`corpus/lga-briefings/${file}`), file, []);
    const position = result.positions.find((p) => p.line === line)!;
    expect(position.refs.find((r) => `${r.kind} ${r.number}` === ref)?.stance).toBe(stance);
  });
});
