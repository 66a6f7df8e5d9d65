import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileBriefing, MAX_BRIEFING_CHARS } from '../../../src/briefings/compile';
import { readShared, SHARED } from './paths';

const BRIEFING = `Test Bill, Second Reading, House of Commons, 2 September 2025

Key messages

  • We support clause 3.
`;

describe('bad input: a clear error or warning naming source and line, never a crash or a silent empty result', () => {
  it.each([
    ['empty file', '', 1, /empty file/],
    ['blank lines only', '\n  \n\t\n', 1, /empty file/],
    ['no recognisable title', 'Hello there\n\nKey messages\n\n  • We support clause 1.\n', 1, /no recognisable title/],
    ['title after blank lines', '\n\nNot a title at all.\n', 3, /no recognisable title.*Not a title at all/],
    ['binary data (NUL bytes)', `PDF\u0000\u0001\u0002${'\u0000'.repeat(50)}`, 1, /binary data|NUL/],
    [
      'binary data (control codes)',
      Array.from({ length: 400 }, (_, i) => String.fromCharCode(i % 31 === 9 ? 1 : i % 31)).join(''),
      1,
      /not a text briefing/,
    ],
    [
      'a section with no positions',
      'Test Bill, Report Stage, House of Lords, 1 May 2024\n\nKey messages\n\nRead the full briefing\n',
      1,
      /has no key messages or other positions/,
    ],
  ])('%s', (_name, text, line, message) => {
    const result = compileBriefing(text, 'bad.txt', []);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0]).toMatchObject({ source: 'bad.txt', line });
    expect(result.errors[0]!.message).toMatch(message);
  });

  // Debates and amendment papers name bills but are no briefing: refused at their first line, not read as positions.
  const debates = readdirSync(`${SHARED}corpus/debate-text`).filter((f) => !f.includes('thirdparty'));
  it.each(debates)('refuses the debate text %s as not an LGA briefing', (file) => {
    const result = compileBriefing(readShared(`corpus/debate-text/${file}`), file, []);
    expect(result.positions).toEqual([]);
    expect(result.errors).toEqual([{ source: file, line: 1, message: expect.stringMatching(/not an LGA briefing/) }]);
  });

  it('refuses a 10 MB file quickly, naming it', () => {
    const huge = BRIEFING + '  • We welcome clause 4 and much else besides. '.repeat(220_000);
    expect(huge.length).toBeGreaterThan(10_000_000);
    const result = compileBriefing(huge, 'huge.txt', []);
    expect(result.errors).toEqual([
      {
        source: 'huge.txt',
        line: 1,
        message: expect.stringMatching(
          new RegExp(`file too large: ${huge.length} characters \\(limit ${MAX_BRIEFING_CHARS}\\)`),
        ),
      },
    ]);
  });

  it('compiles a large but legal file (one very long line) without error', () => {
    const text = `${BRIEFING}  • ${'We welcome the measures. '.repeat(30_000)}\n`;
    const result = compileBriefing(text, 'long.txt', []);
    expect(result.errors).toEqual([]);
    expect(result.positions).toHaveLength(2);
  });

  it('warns about a heading it does not know, keeping its bullets', () => {
    const text =
      'Test Bill, Second Reading, House of Commons, 2 September 2025\n\nOur asks of Peers\n\n  • We support clause 3.\n';
    const result = compileBriefing(text, 'odd.txt', []);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      {
        source: 'odd.txt',
        line: 3,
        message: 'unknown heading "Our asks of Peers": its bullets are kept as part "other"',
      },
    ]);
    expect(result.positions[0]).toMatchObject({ part: 'other', subheading: 'Our asks of Peers', line: 5 });
  });

  it('warns when a title names no stage, house or date and the prose does not either', () => {
    const result = compileBriefing('Test Bill\n\nKey messages\n\n  • We support clause 3.\n', 'bare.txt', []);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      { source: 'bare.txt', line: 1, message: 'heading "Test Bill" names no stage, house or date' },
    ]);
    expect(result.briefings[0]).toMatchObject({ house: null, stage: null, dates: [] });
  });

  it('warns when a date has no year and no section gives one', () => {
    const result = compileBriefing(
      'Test Bill, Report Stage, House of Lords, Monday 4 July\n\nKey messages\n\n  • We support clause 3.\n',
      'y.txt',
      [],
    );
    expect(result.warnings.map((w) => w.message)).toEqual([
      'date without a year in "Test Bill, Report Stage, House of Lords, Monday 4 July" and no neighbouring section gives one',
    ]);
  });

  it('never throws on arbitrary text', () => {
    for (const text of [
      '\u0000',
      '•',
      'Bill',
      'Bill\n•\n•',
      ':::\n\n',
      'A Bill\n\n  • \n',
      '\r\n\r\nX Bill\r\n\r\n  • We support clause 1.\r\n',
    ]) {
      expect(() => compileBriefing(text, 'x.txt', [])).not.toThrow();
    }
  });
});

/** `2021-02-28` or `2021-02` is; `2021-02-31` is not. */
function isCalendarDay(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number | undefined];
  return day === undefined || new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** A page with a second stage whose heading is `heading`: the Commons stage first, then the Lords one. */
function twoStages(heading: string): string {
  return [
    'Test Bill, Second Reading, House of Commons, 2 September 2025',
    '',
    'Key messages',
    '',
    '  • We support clause 3.',
    '',
    heading,
    '',
    '  • We oppose clause 9.',
    '',
  ].join('\n');
}

describe('a stage heading it cannot read is an error naming its line and words, never the stage above', () => {
  // The tester's input: the corpus Fire Safety briefing pasted with a Lords stage added after it.
  const FIRE = '36-fire-safety-bill-second-reading-commons-2020-04-29.txt';
  const fireText = readShared(`corpus/lga-briefings/${FIRE}`);
  const withLordsStage = (heading: string) =>
    `${fireText}\n\n${heading}\n\n  • We oppose Clause 99, which would remove the duty on responsible persons.\n`;
  const headingLine = fireText.split('\n').length + 2;
  const commons = '"Fire Safety Bill: Second Reading, House of Commons, 29 April 2020" (line 3)';

  it('the tester’s briefing: a misspelt month stops the save, naming file, line and the words', () => {
    const result = compileBriefing(withLordsStage('Report Stage, House of Lords, 31 Febuary 2020'), FIRE, []);
    expect(result.errors).toEqual([
      {
        source: FIRE,
        line: headingLine,
        message: `"Report Stage, House of Lords, 31 Febuary 2020" looks like a stage heading, but "31 Febuary 2020" could not be read as a date or a House: correct the heading, or the bullets under it would be filed under the stage above, ${commons}`,
      },
    ]);
    // Nothing of the Lords stage in the Commons section, whatever the reader does next.
    const commonsId = result.briefings[0]!.id;
    expect(result.positions.filter((p) => p.briefingId === commonsId).map((p) => p.text)).not.toContainEqual(
      expect.stringContaining('Clause 99'),
    );
  });

  it('the tester’s briefing, month spelt right: 31 February 2021 is an error, never 2021-02-31', () => {
    const result = compileBriefing(withLordsStage('Report Stage, House of Lords, 31 February 2021'), FIRE, []);
    expect(result.errors).toEqual([
      {
        source: FIRE,
        line: headingLine,
        message:
          'stage heading "Report Stage, House of Lords, 31 February 2021": 31 February 2021 is not a date (February 2021 has 28 days); correct the date',
      },
    ]);
    expect(result.briefings.flatMap((b) => b.dates)).toEqual(['2020-04-29']);
  });

  it('the tester’s briefing, corrected: two stages, Clause 99 under the Lords one', () => {
    const result = compileBriefing(withLordsStage('Report Stage, House of Lords, 3 February 2021'), FIRE, []);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.briefings.map((b) => [b.house, b.stage, b.dates])).toEqual([
      ['commons', 'second-reading', ['2020-04-29']],
      ['lords', 'report', ['2021-02-03']],
    ]);
    const clause99 = result.positions.find((p) => p.text.includes('Clause 99'));
    expect(clause99?.briefingId).toBe(result.briefings[1]!.id);
  });

  // Dates as pages also write them: a short month, a run of sittings (its first and last days), a weekday.
  it.each([
    ['Report Stage, House of Lords, 3 Feb 2021', ['2021-02-03']],
    ['Report Stage, House of Lords, 3 Sept. 2021', ['2021-09-03']],
    ['Committee Stage, House of Lords, 12-14 January 2021', ['2021-01-12', '2021-01-14']],
    ['Committee Stage, House of Lords, 12 to 14 January 2021', ['2021-01-12', '2021-01-14']],
    ['Report Stage, House of Lords, Wednesday 3 February 2021', ['2021-02-03']],
    // A day of the stage before a short month: the day is the stage's, the number after it the date's.
    ['Report Stage, House of Lords, Day 2, 8 Nov 2016', ['2016-11-08']],
  ])('%s: read as the dates %j', (heading, dates) => {
    const result = compileBriefing(withLordsStage(heading), FIRE, []);
    expect(result.errors).toEqual([]);
    expect(result.briefings.map((b) => [b.house, b.stage, b.dates])).toEqual([
      ['commons', 'second-reading', ['2020-04-29']],
      ['lords', heading.startsWith('Committee') ? 'committee' : 'report', dates],
    ]);
  });

  // [heading, the words named]
  it.each([
    ['Report Stage, House of Lords, 31 Febuary 2020', '"31 Febuary 2020"'],
    ['Report Stage, House of Lords, 31st Febuary, 2020', '"31st Febuary, 2020"'],
    ['Report Stage, House of Loords, 3 February 2021', '"House of Loords"'],
    ['Report Stage, House of Loords', '"House of Loords"'],
    ['Third Reading, House of Lords, 21/02/2021', '"21/02/2021"'],
    ['Lords Report Stage, 3 Fbr 2021', '"3 Fbr 2021"'],
    ['Second Reading, 14 Septmber 2021', '"14 Septmber 2021"'],
    ['Report Stage 3, House of Lords, 21/02/2021', '"3" and "21/02/2021"'],
    ['Test Bill, Report Stage, House of Lords, 3 Febuary 2021', '"3 Febuary 2021"'],
  ])('%s', (heading, words) => {
    const result = compileBriefing(twoStages(heading), 'two.txt', []);
    expect(result.errors).toEqual([
      {
        source: 'two.txt',
        line: 7,
        message: `"${heading}" looks like a stage heading, but ${words} could not be read as a date or a House: correct the heading, or the bullets under it would be filed under the stage above, "Test Bill, Second Reading, House of Commons, 2 September 2025" (line 1)`,
      },
    ]);
  });

  // Lines that mention a stage with other words besides are sub-headings or prose, as before: no error.
  it.each([
    'Amendments to be debated at Report Stage in the House of Lords',
    'Our asks for Report Stage',
    'Committee Stage amendments we support',
    'Report Stage, House of Lords, 3 February 2021 (updated)',
    // A provision's number is not a date gone wrong: such sub-headings stopped the save.
    'Amendment 12 at Report Stage',
    'Clause 28: Committee stage amendments',
    'New clause 4 and amendments 60 to 62, Report Stage',
  ])('not a heading: %s', (line) => {
    const result = compileBriefing(twoStages(line), 'two.txt', []);
    expect(result.errors).toEqual([]);
    expect(result.briefings).toHaveLength(1);
  });

  // [page, the line with the impossible date, the date's error]
  it.each([
    [
      'an inner stage heading',
      twoStages('Report Stage, House of Lords, 31 April 2026'),
      7,
      'stage heading "Report Stage, House of Lords, 31 April 2026": 31 April 2026 is not a date (April 2026 has 30 days); correct the date',
    ],
    [
      'the title',
      'Test Bill, Second Reading, House of Commons, 29 February 2025\n\nKey messages\n\n  • We support clause 3.\n',
      1,
      'stage heading "Test Bill, Second Reading, House of Commons, 29 February 2025": 29 February 2025 is not a date (February 2025 has 28 days); correct the date',
    ],
    [
      'a heading continued on the next line',
      'Test Bill, Third Reading\n\nHouse of Lords, 0 March 2017\n\nKey messages\n\n  • We support clause 3.\n',
      3,
      'stage heading "House of Lords, 0 March 2017": 0 March 2017 is not a date (no month has a day 0); correct the date',
    ],
    [
      'a date without a year',
      twoStages('Report Stage, House of Lords, Monday 31 June'),
      7,
      'stage heading "Report Stage, House of Lords, Monday 31 June": 31 June is not a date (June has at most 30 days); correct the date',
    ],
  ])('an impossible date in %s is an error', (_name, text, line, message) => {
    const result = compileBriefing(text, 'date.txt', []);
    expect(result.errors).toEqual([{ source: 'date.txt', line, message }]);
    for (const iso of result.briefings.flatMap((b) => b.dates)) expect(isCalendarDay(iso)).toBe(true);
  });

  it('a title it cannot fully read keeps its stage and warns, naming the words (nothing is misfiled)', () => {
    const result = compileBriefing(
      'Test Bill, Second Reading, House of Commons, 2 Setpember 2025\n\nKey messages\n\n  • We support clause 3.\n',
      't.txt',
      [],
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      {
        source: 't.txt',
        line: 1,
        message:
          'title "Test Bill, Second Reading, House of Commons, 2 Setpember 2025": could not read "2 Setpember 2025" as a date or a House (left out)',
      },
    ]);
    expect(result.briefings[0]).toMatchObject({ house: 'commons', stage: 'second-reading', dates: [] });
  });

  it('an impossible date in prose is no date, not an error', () => {
    const result = compileBriefing(
      'Test Bill, Report Stage, House of Lords\n\nPeers will debate the Bill on 31 February 2025.\n\nKey messages\n\n  • We support clause 3.\n',
      'p.txt',
      [],
    );
    expect(result.errors).toEqual([]);
    expect(result.briefings[0]).toMatchObject({ house: 'lords', stage: 'report', dates: [] });
  });

  it('29 February without a year, beside a year that has none near it, warns and stores no date', () => {
    const result = compileBriefing(
      twoStages('Report Stage, House of Lords, Monday 29 February').replace('2 September 2025', '2 September 2022'),
      'leap.txt',
      [],
    );
    expect(result.errors).toEqual([]);
    expect(result.briefings.map((b) => b.dates)).toEqual([['2022-09-02'], []]);
    expect(result.warnings).toEqual([
      {
        source: 'leap.txt',
        line: 7,
        message:
          'date without a year in "Report Stage, House of Lords, Monday 29 February": no year near the neighbouring sections\' dates has that day',
      },
    ]);
  });
});
