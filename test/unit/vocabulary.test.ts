/**
 * The one vocabulary (issue 11): every label a reader meets is built in src/vocabulary.ts, and no other source file
 * spells the words again.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Briefing, House, Stage } from '../../src/model';
import { dateFromText } from '../../src/pages/context';
import {
  briefingLabel,
  formatDates,
  formatTimestamp,
  houseStageLabel,
  isCalendarDay,
  MONTH_PATTERN,
  monthNumber,
  numberKey,
  referenceKey,
  referenceLabel,
  referenceWords,
  STAGE_LABEL,
  sameProvision,
  shortDate,
  stageLabel,
  timestampDay,
} from '../../src/vocabulary';

type Facts = Pick<Briefing, 'house' | 'stage' | 'dates' | 'heading' | 'stageDetail'>;
const dayTwo: Facts = {
  house: 'lords',
  stage: 'report',
  dates: ['2016-11-08'],
  heading: 'Report Stage, House of Lords, 8 November 2016',
  stageDetail: 'day 2',
};

describe('dates', () => {
  it.each([
    [['2016-11-10', '2016-11-08'], '8 and 10 November 2016'],
    [['2016-11-01', '2016-10-31'], '31 October 2016 and 1 November 2016'],
    [['2016-11'], 'November 2016'],
    [['2016-11-08', 'no date'], '8 November 2016 and no date'],
  ])('formatDates(%j) = %s (calendar order, shortened within a month)', (dates, expected) => {
    expect(formatDates(dates)).toBe(expected);
  });

  it.each([
    ['2026-12-03T10:00:00', '3 Dec'],
    ['2025-05-09T10:00:00', '9 May 2025'],
    ['not a date', 'not a date'],
  ])('shortDate(%s) = %s (month from the one table)', (iso, expected) => {
    expect(shortDate(iso, new Date('2026-06-01T12:00:00'))).toBe(expected);
  });

  it.each([
    ['2026-11-23T10:04:00Z', '23 November 2026', '23 November 2026, 10:04 UTC'],
    ['2026-01-05T00:07:59.900Z', '5 January 2026', '5 January 2026, 00:07 UTC'],
    // The UTC day, not the writer's: 23:30 two hours west of Greenwich is 01:30 the next day.
    ['2026-12-31T23:30:00-02:00', '1 January 2027', '1 January 2027, 01:30 UTC'],
    ['not a time', null, 'not a time'],
  ])('timestampDay(%s) = %s, formatTimestamp: %s (UTC, month from the one table)', (timestamp, day, full) => {
    expect(timestampDay(timestamp)).toBe(day);
    expect(formatTimestamp(timestamp)).toBe(full);
  });

  it.each([
    ['Volume 669: debated on Thursday 9 January 2020', '2020-01-09'],
    ['debated on 1st september, 2016', '2016-09-01'],
    ['9 Janvier 2020', null],
  ])('a page date through MONTH_PATTERN: %s -> %s', (text, expected) => {
    expect(dateFromText(text)).toBe(expected);
  });

  it.each([
    ['March', 3],
    ['march', 3],
    ['Mar', 3],
    ['mar.', 3],
    ['Feb', 2],
    ['Dec.', 12],
    ['Sept', 9],
    ['Sept.', 9],
    ['september', 9],
    ['May', 5],
    ['may.', 5],
    ['Jun', 6],
    ['Jul', 7],
    // misspelt or another language: no month
    ['Febuary', 0],
    ['Fbr', 0],
    ['Septmber', 0],
    ['Janvier', 0],
  ])('monthNumber(%s) = %i (a name or its short form)', (word, expected) => {
    expect(monthNumber(word)).toBe(expected);
  });

  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2021, 4, 31, false],
    [2021, 12, 31, true],
    [2021, 3, 0, false],
    [2021, 13, 1, false],
    [2021, 0, 1, false],
  ])('isCalendarDay(%i, %i, %i) = %s (the one calendar check)', (year, month, day, expected) => {
    expect(isCalendarDay(year, month, day)).toBe(expected);
  });

  it.each([
    ['debated on 29 February 2024', '2024-02-29'],
    ['debated on 29 February 2023', null],
    ['debated on 31 April 2021', null],
  ])('a page date on no calendar is no date: %s -> %s', (text, expected) => {
    expect(dateFromText(text)).toBe(expected);
  });

  it('MONTH_PATTERN is one group of the twelve names', () => {
    expect(new RegExp(`^${MONTH_PATTERN}$`).exec('December')?.[1]).toBe('December');
  });
});

describe('houses, stages and briefings', () => {
  it.each<[House | null, Stage | null, string, string]>([
    ['lords', 'report', 'Lords Report', 'Lords Report'],
    ['commons', 'second-reading', 'Commons Second Reading', 'Commons Second Reading'],
    [null, 'committee', 'Committee', 'Committee'],
    ['lords', 'other', 'Lords Other stage', 'Lords Other stage'],
    ['lords', null, 'Lords', 'Lords, stage not stated'],
    [null, null, '', 'an unnamed stage'],
  ])('%s %s: label %j, in a sentence %j', (house, stage, label, sentence) => {
    expect(houseStageLabel(house, stage)).toBe(label);
    expect(stageLabel(house, stage)).toBe(sentence);
  });

  it('one stage table: every stage has a capitalised label', () => {
    for (const label of Object.values(STAGE_LABEL)) expect(label).toMatch(/^[A-Z]/);
  });

  it.each<[Facts, boolean, string]>([
    [dayTwo, false, 'Lords Report, 8 November 2016'],
    [dayTwo, true, 'Lords Report (day 2), 8 November 2016'],
    [{ ...dayTwo, stage: null, stageDetail: null }, false, 'Lords, 8 November 2016'],
    [{ ...dayTwo, house: null, stage: null }, true, 'Report Stage, House of Lords, 8 November 2016'],
  ])('briefingLabel(%j, detail %s) = %s', (facts, detail, expected) => {
    expect(briefingLabel(facts, { detail })).toBe(expected);
  });
});

describe('references', () => {
  it.each([
    [{ kind: 'new-clause', number: '10' } as const, 'New clause 10', 'new clause 10'],
    [{ kind: 'amendment', number: '172A' } as const, 'Amendment 172A', 'amendment 172A'],
  ])('%j: label %s, in a sentence %s', (ref, label, words) => {
    expect(referenceLabel(ref)).toBe(label);
    expect(referenceWords(ref)).toBe(words);
  });

  it.each([
    [{ kind: 'amendment', number: '172a' } as const, { kind: 'amendment', number: '172A' } as const, true],
    [{ kind: 'clause', number: '7' } as const, { kind: 'new-clause', number: '7' } as const, false],
    [{ kind: 'clause', number: '7' } as const, { kind: 'clause', number: '17' } as const, false],
  ])('%j and %j: same provision %s, by one key', (a, b, same) => {
    expect(sameProvision(a, b)).toBe(same);
    expect(referenceKey(a) === referenceKey(b)).toBe(same);
    expect(numberKey(a.number) === numberKey(b.number)).toBe(same || a.number.toUpperCase() === b.number.toUpperCase());
  });

  it('numbers are one key whatever their letters’ case', () => {
    expect(numberKey('172a')).toBe(numberKey('172A'));
    expect(numberKey('7')).not.toBe(numberKey('17'));
    expect(numberKey('7A')).not.toBe(numberKey('7B'));
  });
});

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : sources(full);
    return /\.(tsx?)$/.test(name) ? [full] : [];
  });
}

/** The code without its comments (block comments, and `//` comments that start a line or follow whitespace). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

describe('no second spelling of the words outside src/vocabulary.ts', () => {
  const files = [...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'entrypoints'))].filter(
    (file) => path.relative(ROOT, file) !== path.join('src', 'vocabulary.ts'),
  );
  // Quoted words in code (comments, regular expressions and documentation in backticks may name them): a table or a
  // label spelt again.
  const spelt: Array<[string, RegExp]> = [
    ['a house name table', /['"](?:House of (?:Lords|Commons)|Lords|Commons)['"]/],
    ['a stage label', /['"](?:Second Reading|Third Reading|Remaining Stages|Other stage|another stage)['"]/],
    ['a month list', /['"`](?:January|Jan)['"`]\s*,\s*['"`](?:February|Feb)['"`]/],
    ['a month alternation', /January\|February\|March/],
    ['a provision number case rule', /\.number\.to(?:Upper|Lower)Case\(\)/],
    ['a formatDate of its own', /function formatDates?\b/],
    ['a table of reference kind labels', /['"]new-clause['"]\s*:\s*['"`]/],
    ['the words for a stage not stated', /stage not stated/],
  ];
  const code = new Map(files.map((file) => [file, withoutComments(readFileSync(file, 'utf8'))]));
  it.each(spelt)('%s', (_what, pattern) => {
    const offenders = files.filter((file) => pattern.test(code.get(file)!));
    expect(offenders.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
