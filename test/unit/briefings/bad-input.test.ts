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
