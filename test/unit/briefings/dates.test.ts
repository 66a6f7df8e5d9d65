import { describe, expect, it } from 'vitest';
import {
  calendarError,
  completeYears,
  isoDate,
  loneDates,
  occasionDate,
  type ParsedDate,
  parseDates,
} from '../../../src/briefings/dates';
import { parseHeading } from '../../../src/briefings/headings';
import { dateFromText } from '../../../src/pages/context';

const date = (year: number | null, month: number, day: number | null): ParsedDate => ({ year, month, day });

describe('a date on no calendar never becomes an ISO date', () => {
  // [written, the date read, calendarError, isoDate]
  it.each<[string, ParsedDate, string | null, string | null]>([
    ['31 February 2021', date(2021, 2, 31), '31 February 2021 is not a date (February 2021 has 28 days)', null],
    ['31 April 2021', date(2021, 4, 31), '31 April 2021 is not a date (April 2021 has 30 days)', null],
    ['29 February 2021', date(2021, 2, 29), '29 February 2021 is not a date (February 2021 has 28 days)', null],
    ['29 February 1900', date(1900, 2, 29), '29 February 1900 is not a date (February 1900 has 28 days)', null],
    ['0 March 2021', date(2021, 3, 0), '0 March 2021 is not a date (no month has a day 0)', null],
    ['32 March 2021', date(2021, 3, 32), '32 March 2021 is not a date (March 2021 has 31 days)', null],
    ['99 July 2021', date(2021, 7, 99), '99 July 2021 is not a date (July 2021 has 31 days)', null],
    ['31 February', date(null, 2, 31), '31 February is not a date (February has at most 29 days)', null],
    ['31 June', date(null, 6, 31), '31 June is not a date (June has at most 30 days)', null],
    // real dates, for contrast
    ['29 February 2020', date(2020, 2, 29), null, '2020-02-29'],
    ['29 February 2000', date(2000, 2, 29), null, '2000-02-29'],
    ['30 April 2021', date(2021, 4, 30), null, '2021-04-30'],
    ['31 December 2021', date(2021, 12, 31), null, '2021-12-31'],
    ['1 January 2021', date(2021, 1, 1), null, '2021-01-01'],
    ['February 2021', date(2021, 2, null), null, '2021-02'],
    // no year yet: a possible day waits for its neighbours (`completeYears`)
    ['29 February', date(null, 2, 29), null, null],
  ])('%s', (written, expected, error, iso) => {
    const { dates } = parseDates(written);
    expect(dates).toEqual([expected]);
    expect(calendarError(dates[0]!)).toBe(error);
    expect(isoDate(dates[0]!)).toBe(iso);
  });

  it.each([
    // before, a day outside 1-31 was dropped from the list, and `0 March 2021` alone stored as `2021-03`
    ['0 and 5 March 2021', [null, '2021-03-05']],
    ['30 and 31 April 2021', ['2021-04-30', null]],
    ['0 March 2021', [null]],
  ])('a list keeps each day it names, an impossible one without an ISO date: %s', (written, expected) => {
    expect(parseDates(written).dates.map(isoDate)).toEqual(expected);
  });

  it.each(['up to 50 may', 'the 45 March figures', '0 may'])(
    'a number out of range before a month word with no year is no date: %s',
    (text) => {
      expect(parseDates(text)).toEqual({ dates: [], rest: text });
    },
  );

  it('a line that is only an impossible date is still a date line (a stamp is skipped, not read as a position)', () => {
    expect(loneDates('31 February 2021')).toEqual([date(2021, 2, 31)]);
  });

  it('a heading keeps its impossible date as a date, so that the compiler can name it', () => {
    const parsed = parseHeading('Report Stage, House of Lords, 31 February 2021');
    expect(parsed).toMatchObject({ house: 'lords', stage: 'report', leftover: '' });
    expect(parsed.dates.map(calendarError)).toEqual(['31 February 2021 is not a date (February 2021 has 28 days)']);
  });
});

describe('completeYears: a date without a year takes a year that has its day', () => {
  it.each<[string, ParsedDate[][], string[][]]>([
    [
      '29 February beside 2021: 2020, a leap year',
      [[date(null, 2, 29)], [date(2021, 1, 10)]],
      [['2020-02-29'], ['2021-01-10']],
    ],
    ['29 February beside 2022: no year near has it', [[date(null, 2, 29)], [date(2022, 3, 1)]], [[], ['2022-03-01']]],
    ['4 July beside 2022: the nearest', [[date(null, 7, 4)], [date(2022, 6, 20)]], [['2022-07-04'], ['2022-06-20']]],
    ['an impossible neighbour gives no year', [[date(null, 7, 4)], [date(2022, 2, 31)]], [[], []]],
  ])('%s', (_name, sections, expected) => {
    expect(completeYears(sections)).toEqual(expected);
  });
});

describe('occasionDate: the date opening prose gives the occasion, when no heading does', () => {
  // [opening paragraphs, the ISO dates read]
  it.each<[string[], string[]]>([
    [['LGA briefing for the debate on 12 March 2024'], ['2024-03-12']],
    [
      ['The Bill was introduced on 5 January 2024. Peers will debate the Bill on Tuesday 4 March 2025.'],
      ['2025-03-04'],
    ],
    [['We welcome the Bill.', 'This briefing is for the second reading on 26 January 2015.'], ['2015-01-26']],
    // a heading copied into the prose, with no date
    [["Renters' Rights Bill, Second Reading, House of Lords"], []],
    // a date on no calendar is no date
    [['Peers will debate the Bill on 31 February 2025.'], []],
    // not a full date, or more than one: the occasion is not read from them
    [['Peers will debate the Bill on Tuesday 4 March.'], []],
    [['The committee stage debate is in June 2022.'], []],
    [['The Bill will be debated on 10 and 22 March 2023.'], []],
    // a date in a sentence about something other than the debate or stage
    [['The Bill was published on 5 January 2024.'], []],
  ])('%j -> %j', (paragraphs, expected) => {
    expect(occasionDate(paragraphs)).toEqual(expected);
  });
});

describe('dateFromText (page adapters): an impossible date is no date', () => {
  it.each([
    ['Volume 690: debated on Wednesday 31 February 2021', null],
    ['debated on 29 February 2021', null],
    ['debated on 0 March 2021', null],
    ['debated on 31 April 2021', null],
    ['debated on 29 February 2020', '2020-02-29'],
    ['debated on 30 April 2021', '2021-04-30'],
  ])('%s -> %s', (text, expected) => {
    expect(dateFromText(text)).toBe(expected);
  });
});
