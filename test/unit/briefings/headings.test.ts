import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../src/briefings/dates';
import { parseHeading, stageFromProse } from '../../../src/briefings/headings';

// Every heading variant in ../shared/docs/lga-briefings.md, read by hand.
const HEADINGS: Array<[string, string | null, string | null, string | null, string | null, string[]]> = [
  // [heading, bill, house, stage, stageDetail, dates]
  [
    'Levelling Up and Regeneration Bill, Report Stage, House of Lords, 11 July 2023',
    'Levelling Up and Regeneration Bill',
    'lords',
    'report',
    null,
    ['2023-07-11'],
  ],
  [
    'Health and Care Bill Second Reading, House of Commons, 14 July 2021',
    'Health and Care Bill',
    'commons',
    'second-reading',
    null,
    ['2021-07-14'],
  ],
  [
    'Fire Safety Bill: Second Reading, House of Commons, 29 April 2020',
    'Fire Safety Bill',
    'commons',
    'second-reading',
    null,
    ['2020-04-29'],
  ],
  [
    'Bus Services Bill, House of Commons, Committee Stage, Tuesday 14 March 2017',
    'Bus Services Bill',
    'commons',
    'committee',
    null,
    ['2017-03-14'],
  ],
  [
    'Domestic Abuse Bill Committee Stage House of Lords - 25 and 27 January; 1, 3 and 8 February 2021',
    'Domestic Abuse Bill',
    'lords',
    'committee',
    null,
    ['2021-01-25', '2021-01-27', '2021-02-01', '2021-02-03', '2021-02-08'],
  ],
  [
    'LGA Briefing: Levelling Up and Regeneration Bill, Committee Stage, House of Commons - June 2022',
    'Levelling Up and Regeneration Bill',
    'commons',
    'committee',
    null,
    ['2022-06'],
  ],
  [
    'The Mental Capacity (Amendment) Bill, Public Bill Committee: House of Commons, 15 January 2019',
    'Mental Capacity (Amendment) Bill',
    'commons',
    'committee',
    'Public Bill Committee',
    ['2019-01-15'],
  ],
  [
    'Domestic Abuse Bill, Report Stage House of Lords 8,10 & 15 March 2021',
    'Domestic Abuse Bill',
    'lords',
    'report',
    null,
    ['2021-03-08', '2021-03-10', '2021-03-15'],
  ],
  [
    'Some Bill, Report Stage, House of Lords, 10 and 22 March 2023',
    'Some Bill',
    'lords',
    'report',
    null,
    ['2023-03-10', '2023-03-22'],
  ],
  [
    'Some Bill, Second Reading, House of Lords, 8 March and 9 March 2016',
    'Some Bill',
    'lords',
    'second-reading',
    null,
    ['2016-03-08', '2016-03-09'],
  ],
  [
    'Committee Stage day 4 and 5, House of Lords, 11 July 2016',
    null,
    'lords',
    'committee',
    'days 4 and 5',
    ['2016-07-11'],
  ],
  ['House of Lords, Committee Stage day 1, 27 June 2016', null, 'lords', 'committee', 'day 1', ['2016-06-27']],
  // The day anywhere in the heading, not only straight after the stage words; never read as a date.
  ['Report Stage, House of Lords, 8 November 2016, Day 1', null, 'lords', 'report', 'day 1', ['2016-11-08']],
  // A short month after the day is a date's, not a second day (`days 2 and 8`, the date losing its day).
  ['Report Stage, House of Lords, Day 2, 8 Nov 2016', null, 'lords', 'report', 'day 2', ['2016-11-08']],
  ['Report Stage, House of Lords, days 2 and 3, 8 Nov 2016', null, 'lords', 'report', 'days 2 and 3', ['2016-11-08']],
  ['Committee Stage, House of Lords, day 2, 4 July 2016', null, 'lords', 'committee', 'day 2', ['2016-07-04']],
  [
    'Committee Stage, House of Lords (days 3 and 4), 6 July 2016',
    null,
    'lords',
    'committee',
    'days 3 and 4',
    ['2016-07-06'],
  ],
  ['Report stage, House of Lords 18 October 2016', null, 'lords', 'report', null, ['2016-10-18']],
  ['Remaining Stages, House of Commons, 7 March 2017', null, 'commons', 'remaining-stages', null, ['2017-03-07']],
  [
    'House of Commons, Report Stage and Third Reading, 13 December 2016',
    null,
    'commons',
    'remaining-stages',
    null,
    ['2016-12-13'],
  ],
  [
    'Health and Care Bill, Consideration of Lords amendments, House of Commons, 30 March 2022',
    'Health and Care Bill',
    'commons',
    'consideration-of-amendments',
    null,
    ['2022-03-30'],
  ],
  ['Some Bill, 3rd Reading, HoL, 1 May 2019', 'Some Bill', 'lords', 'third-reading', null, ['2019-05-01']],
  [
    'Some Bill, Grand Committee (Lords), 2 May 2019',
    'Some Bill',
    'lords',
    'committee',
    'Grand Committee',
    ['2019-05-02'],
  ],
  ['Some Bill [HL], Royal Assent', 'Some Bill [HL]', null, 'royal-assent', null, []],
  [
    'Leasehold and Freehold Reform Bill, Report Stage, House of Commons',
    'Leasehold and Freehold Reform Bill',
    'commons',
    'report',
    null,
    [],
  ],
  ['Bus Services Bill', 'Bus Services Bill', null, null, null, []],
  ['Lords Committee Stage, 5 July 2016', null, 'lords', 'committee', null, ['2016-07-05']],
  [
    'Health and Care Bill, Lords amendments, House of Commons',
    'Health and Care Bill',
    'commons',
    'consideration-of-amendments',
    null,
    [],
  ],
  [
    'Second Reading: Crime and Policing Bill, House of Commons',
    'Crime and Policing Bill',
    'commons',
    'second-reading',
    null,
    [],
  ],
  ['Draft Victims Bill, pre-legislative scrutiny', 'Draft Victims Bill', null, 'other', 'pre-legislative scrutiny', []],
  [
    'Victims and Prisoners Bill: Royal Assent, House of Lords',
    'Victims and Prisoners Bill',
    null,
    'royal-assent',
    null,
    [],
  ],
  [
    'LGA briefing - Children and Social Work Bill, Second Reading, House of Commons, Monday 5 December 2016',
    'Children and Social Work Bill',
    'commons',
    'second-reading',
    null,
    ['2016-12-05'],
  ],
];

describe('parseHeading', () => {
  it.each(HEADINGS)('%s', (heading, bill, house, stage, stageDetail, dates) => {
    const parsed = parseHeading(heading);
    expect(parsed.bill).toBe(bill);
    expect(parsed.house).toBe(house);
    expect(parsed.stage).toBe(stage);
    expect(parsed.stageDetail).toBe(stageDetail);
    expect(parsed.dates.map(isoDate)).toEqual(dates);
    expect(parsed.leftover).toBe('');
  });

  it('leaves a day without a year for the neighbouring sections to complete', () => {
    const parsed = parseHeading('House of Lords, Committee Stage day 2, Monday 4 July');
    expect(parsed.dates).toEqual([{ year: null, month: 7, day: 4 }]);
    expect(parsed.stageDetail).toBe('day 2');
  });

  it('marks the PDF link title prefix', () => {
    expect(
      parseHeading('LGA Briefing: LGA Children and Social Work Bill, Report Stage, House of Lords, 8 November 2016'),
    ).toMatchObject({
      briefingPrefix: true,
      bill: 'Children and Social Work Bill',
    });
  });

  it('says what it did not understand', () => {
    expect(parseHeading('Supporting children in need').leftover).toBe('Supporting children in need');
  });
});

describe('stageFromProse', () => {
  it.each([
    [
      'This briefing is ahead of the second reading of the Bill in the House of Commons on 2 September 2025.',
      'commons',
      'second-reading',
      ['2025-09-02'],
    ],
    ['We are writing ahead of Report Stage in the House of Lords on 4 March 2025.', 'lords', 'report', ['2025-03-04']],
  ])('%s', (text, house, stage, dates) => {
    const parsed = stageFromProse(text);
    expect(parsed?.house).toBe(house);
    expect(parsed?.stage).toBe(stage);
    expect(parsed?.dates.map(isoDate)).toEqual(dates);
  });

  it.each([
    ['The Bill received Royal Assent on 26 October 2023.', null, 'royal-assent', ['2023-10-26']],
    ['The Act was given Royal Assent in April 2021.', null, 'royal-assent', ['2021-04']],
    ['We respond to the Justice Committee’s pre-legislative scrutiny of the draft Bill.', null, 'other', []],
    [
      'This briefing is for the Bill’s second reading in the Lords on 10 October 2024.',
      'lords',
      'second-reading',
      ['2024-10-10'],
    ],
    // looking ahead to Royal Assent is not the occasion: the stage named for the briefing is
    [
      'Once the Bill has received Royal Assent councils will need guidance. We write ahead of Report Stage in the House of Commons.',
      'commons',
      'report',
      [],
    ],
  ])('%s', (text, house, stage, dates) => {
    const parsed = stageFromProse(text);
    expect(parsed?.house).toBe(house);
    expect(parsed?.stage).toBe(stage);
    expect(parsed?.dates.map(isoDate)).toEqual(dates);
  });

  it('finds nothing in prose that names no stage', () => {
    expect(stageFromProse('The Bill aims to drive local growth.')).toBeNull();
  });
});
