// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Briefing } from '../../../src/model';
import {
  excerptParts,
  otherPrintWarning,
  PositionExcerpt,
  STANCE_LABEL,
  StanceLabel,
  whyLine,
} from '../../../src/ui/shared';
import { cueWindows } from '../../../src/ui/shared/excerpt';
import { briefingLabel, briefingTitle, formatDate, formatDates, referenceLabel } from '../../../src/vocabulary';

type Facts = Pick<Briefing, 'house' | 'stage' | 'dates' | 'heading' | 'stageDetail'>;
const lordsReport: Facts = {
  house: 'lords',
  stage: 'report',
  dates: ['2016-10-18'],
  heading: 'Report Stage, House of Lords, 18 October 2016',
  stageDetail: null,
};

describe('dates', () => {
  it.each([
    ['2016-10-18', '18 October 2016'],
    ['2025-02-01', '1 February 2025'],
    ['2016-11', 'November 2016'],
    ['2016', '2016'],
    ['not a date', 'not a date'],
    ['2016-13-01', '2016-13-01'],
  ])('formatDate(%s) = %s', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });

  it.each([
    [['2016-11-08', '2016-11-10'], '8 and 10 November 2016'],
    [['2016-11-08', '2016-11-10', '2016-11-15'], '8, 10 and 15 November 2016'],
    [['2016-10-31', '2016-11-01'], '31 October 2016 and 1 November 2016'],
    [[], ''],
  ])('formatDates(%j) = %s', (dates, expected) => {
    expect(formatDates(dates)).toBe(expected);
  });
});

describe('briefing labels', () => {
  it.each<[Facts, string, string]>([
    [lordsReport, 'Lords Report, 18 October 2016', 'LGA briefing for House of Lords Report stage, 18 October 2016'],
    [
      {
        ...lordsReport,
        house: 'commons',
        stage: 'committee',
        dates: ['2025-02-11'],
        stageDetail: 'Public Bill Committee',
      },
      'Commons Committee, 11 February 2025',
      'LGA briefing for House of Commons Committee stage (Public Bill Committee), 11 February 2025',
    ],
    [
      { ...lordsReport, house: 'lords', stage: 'second-reading', dates: [] },
      'Lords Second Reading',
      'LGA briefing for House of Lords Second Reading stage',
    ],
    [
      { house: null, stage: null, dates: [], heading: 'General briefing', stageDetail: null },
      'General briefing',
      'LGA briefing: General briefing',
    ],
  ])('%j', (facts, short, long) => {
    expect(briefingLabel(facts)).toBe(short);
    expect(briefingTitle(facts)).toBe(long);
  });

  it.each([
    [{ kind: 'clause', number: '7' }, 'Clause 7'],
    [{ kind: 'new-clause', number: '10' }, 'New clause 10'],
    [{ kind: 'amendment', number: '172A' }, 'Amendment 172A'],
    [{ kind: 'schedule', number: '2' }, 'Schedule 2'],
  ] as const)('referenceLabel(%j) = %s', (ref, expected) => {
    expect(referenceLabel(ref)).toBe(expected);
  });

  it.each([
    [
      'earlier',
      'Numbered for Lords Report, 18 October 2016. The bill has been reprinted since: clause 29 there may be a different clause here.',
    ],
    [
      'later',
      'Numbered for Lords Report, 18 October 2016, a later print of the bill than this debate: clause 29 there may be a different clause here.',
    ],
    [
      'unknown',
      "Numbered for Lords Report, 18 October 2016. We can't tell whether this page shows the same print of the bill: clause 29 there may be a different clause here.",
    ],
  ] as const)('warns in plain words for a clause numbered for an %s print', (print, expected) => {
    expect(otherPrintWarning(lordsReport, { kind: 'clause', number: '29' }, print)).toBe(expected);
  });

  it('never says "reprinted since" unless the print was earlier', () => {
    for (const print of ['later', 'unknown', undefined] as const) {
      expect(otherPrintWarning(lordsReport, { kind: 'clause', number: '29' }, print)).not.toMatch(/reprinted since/);
    }
  });

  it('says amendments are renumbered at every stage', () => {
    expect(otherPrintWarning(lordsReport, { kind: 'amendment', number: '7' })).toMatch(
      /^Numbered for Lords Report, 18 October 2016\. Amendments are renumbered at every stage: amendment 7 there/,
    );
  });
});

describe('excerptParts', () => {
  const text = 'We welcome the bill. We support clause 7 in full. Other things follow.';
  const evidence = { start: 21, end: 49 };
  const mention = { start: 32, end: 40 };

  it.each([
    ['evidence window', false, { before: 'We support ', marked: 'clause 7', after: ' in full.', partial: true }],
    [
      'whole text',
      true,
      {
        before: 'We welcome the bill. We support ',
        marked: 'clause 7',
        after: ' in full. Other things follow.',
        partial: false,
      },
    ],
  ])('%s', (_name, whole, expected) => {
    expect(excerptParts(text, evidence, mention, whole)).toEqual(expected);
  });

  it.each([
    ['mention outside window', { start: 0, end: 20 }, mention, 'We welcome the bill.'],
    ['spans beyond the text are clamped', { start: 21, end: 9999 }, { start: 32, end: 40 }, 'We support '],
    ['empty evidence shows the whole text', { start: 5, end: 5 }, { start: 900, end: 901 }, text],
  ])('%s', (_name, ev, mn, before) => {
    expect(excerptParts(text, ev, mn).before).toBe(before);
  });
});

describe('components', () => {
  let host: HTMLElement;
  afterEach(() => {
    render(null, host);
    host.remove();
  });

  it('renders the mention inside <mark> and page text as text', () => {
    host = document.createElement('div');
    document.body.append(host);
    const text = 'Clause <b>7</b> is welcome';
    render(
      <PositionExcerpt text={text} evidence={{ start: 0, end: text.length }} mention={{ start: 0, end: 15 }} />,
      host,
    );
    const mark = host.querySelector('mark');
    expect(mark?.textContent).toBe('Clause <b>7</b>');
    expect(host.querySelector('b')).toBeNull();
    expect(host.textContent).toBe(text);
  });

  it('shows the sentence of every deciding word the why line quotes, even outside the evidence', () => {
    host = document.createElement('div');
    document.body.append(host);
    // The seed's CSWB clause 9 bullet: "We support" decides, two sentences before the one naming the clause.
    const text =
      'We support the model for Regional Care Cooperatives. It focuses on strategic planning. We want to ensure that this is trialled well [Clause 9].';
    const evidence = { start: text.indexOf('We want'), end: text.length };
    const decided = [{ start: 0, end: 'We support'.length }];
    render(<PositionExcerpt text={text} evidence={evidence} decided={decided} />, host);
    const cues = [...host.querySelectorAll('[data-testid=lga-cue]')].map((m) => m.textContent);
    expect(cues).toEqual(['We support']);
    expect(whyLine('mixed', text, decided)).toContain('“We support”');
    expect(host.textContent).toContain('We support the model for Regional Care Cooperatives.');
    // The sentence between them stays cut.
    expect(host.textContent).not.toContain('strategic planning');
  });

  it.each([
    ['a cue inside the window: nothing more', [{ start: 0, end: 5 }], [{ start: 1, end: 3 }], []],
    ['no window: the whole text shows', [], [{ start: 1, end: 3 }], []],
    ['a cue outside: its sentence', [{ start: 20, end: 30 }], [{ start: 1, end: 3 }], [{ start: 0, end: 10 }]],
  ])('cueWindows: %s', (_name, windows, decided, expected) => {
    expect(cueWindows('One thing. Two thing. Three thing.', windows, decided)).toEqual(expected);
  });

  it.each(Object.entries(STANCE_LABEL))('StanceLabel(%s) says "%s" in words', (stance, words) => {
    host = document.createElement('div');
    document.body.append(host);
    render(<StanceLabel stance={stance as keyof typeof STANCE_LABEL} />, host);
    expect(host.querySelector('.lga-stance-words')?.textContent).toBe(words);
    expect(host.querySelector('.lga-stance-marker')?.getAttribute('aria-hidden')).toBe('true');
  });
});
