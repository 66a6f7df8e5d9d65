import { describe, expect, it } from 'vitest';
import {
  billForPage,
  briefingsForStage,
  matchReferences,
  numberingBriefing,
  resolvePageStage,
} from '../../../src/matching';
import type { House, PageContext, Reference, ReferenceKind, ReferenceMatch, Stage } from '../../../src/model';
import { buildBill, CSWB, CWSB, cswb, cwsb } from './fixtures';

function page(house: House | null, stage: Stage | null, date: string | null, bill: string | null = null): PageContext {
  return { bill, billId: null, house, stage, stageLabel: null, date };
}

const ref = (kind: ReferenceKind, number: string): Reference => ({ kind, number });

/** One line per matched position: `applies lords report 2016-10-18`. */
function summary(match: ReferenceMatch | undefined): string[] {
  return (match?.positions ?? []).map(
    (m) => `${m.applies} ${m.briefing.house} ${m.briefing.stage} ${m.briefing.dates.join('+')}`,
  );
}

type Data = typeof cswb;
type Case = [string, Data, PageContext, Reference, string[]];

describe('matchReferences: the cases that must hold (hand-made fixtures mirroring the seeds)', () => {
  const cases: Case[] = [
    [
      'CWSB Public Bill Committee, clause 7: the Second Reading positions apply (same print)',
      cwsb,
      page('commons', 'committee', '2025-02-11'),
      ref('clause', '7'),
      ['applies commons second-reading 2025-01-08', 'applies commons second-reading 2025-01-08'],
    ],
    [
      'CWSB Lords Third Reading, clause 23: numbered for the Commons print',
      cwsb,
      page('lords', 'third-reading', '2026-02-09'),
      ref('clause', '23'),
      ['other-print commons second-reading 2025-01-08'],
    ],
    [
      'CSWB Lords Report 18 October, amendment 7: the Report briefing applies',
      cswb,
      page('lords', 'report', '2016-10-18'),
      ref('amendment', '7'),
      ['applies lords report 2016-10-18'],
    ],
    [
      'CSWB Lords Committee, amendment 7: the Report amendment 7 is another amendment, left out',
      cswb,
      page('lords', 'committee', '2016-07-04'),
      ref('amendment', '7'),
      [],
    ],
    [
      'CSWB Lords Report 8 November, clause 29: both Report briefings apply (own day first); Third Reading is a later print',
      cswb,
      page('lords', 'report', '2016-11-08'),
      ref('clause', '29'),
      [
        'applies lords report 2016-11-08',
        'applies lords report 2016-10-18',
        'other-print lords third-reading 2016-11-23',
      ],
    ],
    [
      'CSWB Commons Committee, clause 29: nothing applies',
      cswb,
      page('commons', 'committee', '2016-12-13'),
      ref('clause', '29'),
      [
        'other-print lords third-reading 2016-11-23',
        'other-print lords report 2016-11-08',
        'other-print lords report 2016-10-18',
      ],
    ],
    [
      'CSWB page with no stage on 18 October in the Lords: stage inferred as Report, amendment 7 applies',
      cswb,
      page('lords', null, '2016-10-18'),
      ref('amendment', '7'),
      ['applies lords report 2016-10-18'],
    ],
  ];

  it.each(cases)('%s', (_name, data, p, r, expected) => {
    const [match] = matchReferences(p, [r], data);
    expect(summary(match)).toEqual(expected);
  });

  it('a bills.parliament.uk page (no House, stage or date) gets every position, none applies', () => {
    const [clause29, amendment61] = matchReferences(
      page(null, null, null, 'Children and Social Work Act 2017'),
      [ref('clause', '29'), ref('amendment', '61')],
      cswb,
    );
    expect(summary(clause29)).toEqual([
      'other-print lords third-reading 2016-11-23',
      'other-print lords report 2016-11-08',
      'other-print lords report 2016-10-18',
    ]);
    expect(summary(amendment61)).toEqual([
      'other-print lords report 2016-11-08',
      'other-print lords report 2016-10-18',
    ]);
    expect(amendment61?.positions[0]?.reason).toBe(
      'Numbered for Lords Report (day 2), 8 November 2016: this page does not say which stage it debates, and numbers restart at every stage, so amendment 61 may be a different amendment',
    );
  });
});

describe('matchReferences: print-numbered references (clauses, schedules, parts, chapters)', () => {
  it('applies the nearest earlier briefing in the same print when the page’s own stage has none', () => {
    // Lords committee 11 July: clause 18 named at Lords Second Reading (same print L1) and at committee days 4-5.
    const [clause18] = matchReferences(page('lords', 'committee', '2016-07-11'), [ref('clause', '18')], cswb);
    expect(summary(clause18)).toEqual([
      'applies lords committee 2016-07-11',
      'applies lords second-reading 2016-06-14',
      'other-print lords report 2016-10-18',
    ]);
  });

  it('says why in plain words', () => {
    const [clause7] = matchReferences(page('commons', 'committee', '2025-02-11'), [ref('clause', '7')], cwsb);
    expect(clause7?.positions[0]?.reason).toBe(
      'Same print: briefing for Commons Second Reading, 8 January 2025; this page is Commons Committee, 11 February 2025',
    );
    const [clause29] = matchReferences(page('commons', 'committee', '2016-12-13'), [ref('clause', '29')], cswb);
    expect(clause29?.positions.map((m) => m.reason)).toContain(
      'Numbered for Lords Report (day 2), 8 November 2016: this page debates a later print, so clause 29 may be a different clause',
    );
    const [early] = matchReferences(page('lords', 'second-reading', '2016-06-14'), [ref('clause', '29')], cswb);
    expect(early?.positions[0]?.reason).toMatch(
      /this page debates an earlier print, so clause 29 may be a different clause$/,
    );
  });

  it.each([
    [
      'part',
      '2',
      'commons',
      'committee',
      ['applies commons second-reading 2016-12-05', 'other-print lords second-reading 2016-06-14'],
    ],
    ['chapter', '1', 'commons', 'remaining-stages', ['other-print commons second-reading 2016-12-05']],
  ] as const)('%s %s on %s %s', (kind, number, house, stage, expected) => {
    const [match] = matchReferences(page(house, stage, null), [ref(kind, number)], cswb);
    expect(summary(match)).toEqual(expected);
  });

  it('Commons report, third reading and remaining stages share one print', () => {
    const [a] = matchReferences(page('commons', 'third-reading', '2017-03-07'), [ref('clause', '8')], cswb);
    expect(summary(a)[0]).toBe('applies commons remaining-stages 2017-03-07');
    const [b] = matchReferences(page('commons', 'report', null), [ref('clause', '8')], cswb);
    expect(summary(b)[0]).toBe('applies commons remaining-stages 2017-03-07');
  });
});

describe('matchReferences: stage-numbered references (amendments, new clauses)', () => {
  it('amendment numbers persist across the days of one stage', () => {
    // Committee day 2 (4 July) page; amendment 95 was briefed for day 1 (27 June) and day 2.
    const [a95] = matchReferences(page('lords', 'committee', '2016-07-04'), [ref('amendment', '95')], cswb);
    expect(summary(a95)).toEqual(['applies lords committee 2016-07-04', 'applies lords committee 2016-06-27']);
    expect(a95?.positions[1]?.reason).toBe(
      'Same House and stage (numbers run through all days of a stage): briefing for Lords Committee (day 1), 27 June 2016; this page is Lords Committee, 4 July 2016',
    );
  });

  it('leaves out an amendment from another stage or House when the page’s stage is known', () => {
    for (const [house, stage] of [
      ['lords', 'third-reading'],
      ['commons', 'report'],
      ['commons', 'committee'],
      ['lords', 'consideration-of-amendments'],
    ] as const) {
      const [a61] = matchReferences(page(house, stage, null), [ref('amendment', '61')], cswb);
      expect(a61?.positions, `${house} ${stage}`).toEqual([]);
    }
  });

  it('a briefing for an unnamed stage is never claimed as applying', () => {
    const data = {
      ...cswb,
      briefings: cswb.briefings.map((b) => (b.dates.includes('2016-10-18') ? { ...b, stage: null } : b)),
    };
    const [a7] = matchReferences(page('lords', 'report', '2016-10-18'), [ref('amendment', '7')], data);
    expect(summary(a7)).toEqual(['other-print lords null 2016-10-18']);
    const [c29] = matchReferences(page('lords', 'report', '2016-11-08'), [ref('clause', '29')], data);
    expect(summary(c29)).toContain('other-print lords null 2016-10-18');
  });
});

describe('matchReferences: references and bills', () => {
  it('gives one entry per kind and number, in the order first seen', () => {
    const matches = matchReferences(
      page('lords', 'report', '2016-10-18'),
      [ref('clause', '29'), ref('amendment', '7'), ref('clause', '29'), ref('amendment', '29')],
      cswb,
    );
    expect(matches.map((m) => `${m.kind} ${m.number}`)).toEqual(['clause 29', 'amendment 7', 'amendment 29']);
    expect(matches[2]?.positions).toEqual([]);
  });

  it('carries the stance of the reference that matched', () => {
    const [c32] = matchReferences(page('lords', 'report', '2016-10-18'), [ref('clause', '32')], cswb);
    expect(c32?.positions.map((m) => [m.briefing.dates[0], m.ref.stance])).toEqual([
      ['2016-10-18', 'oppose'],
      ['2016-11-08', 'concern'],
    ]);
  });

  it('gives no positions on a page that names another bill', () => {
    const [c7] = matchReferences(
      page('commons', 'committee', '2025-02-11', 'Children and Social Work Bill'),
      [ref('clause', '7')],
      cwsb,
    );
    expect(c7?.positions).toEqual([]);
  });

  it('ignores briefings and positions of other bills passed in the same data', () => {
    const mixed = {
      bill: CWSB,
      briefings: [...cwsb.briefings, ...cswb.briefings],
      positions: [...cwsb.positions, ...cswb.positions],
    };
    const [c9] = matchReferences(page('commons', 'committee', '2025-02-11'), [ref('clause', '9')], mixed);
    expect(summary(c9)).toEqual(['applies commons second-reading 2025-01-08']);
  });

  it.each([
    [{ billId: 'children-and-social-work-bill', bill: null }, CSWB.id],
    [{ billId: null, bill: 'Children and Social Work Bill [HL]' }, CSWB.id],
    [{ billId: null, bill: 'ChildrenSWellbeingAndSchoolsBill' }, CWSB.id],
    [{ billId: null, bill: 'Children and Social Work Act 2017' }, CSWB.id],
    [{ billId: null, bill: 'Renters’ Rights Bill' }, null],
    [{ billId: null, bill: null }, null],
  ])('billForPage(%o) is %s', (p, id) => {
    expect(billForPage(p, [CWSB, CSWB])?.id ?? null).toBe(id);
  });
});

describe('resolvePageStage', () => {
  it.each([
    ['lords', null, '2016-10-18', 'report'],
    ['lords', null, '2016-07-04', 'committee'],
    ['commons', null, '2016-12-13', 'committee'],
    ['commons', null, '2016-10-18', null], // the Lords briefing does not name a Commons sitting
    [null, null, '2016-10-18', null], // no House, no inference
    ['lords', null, '2016-10-19', null], // no briefing names the day
    ['lords', null, '2016-10', null], // a month alone is not a day
    ['lords', 'committee', '2016-10-18', 'committee'], // a stated stage is kept
  ] as const)('%s, %s, %s -> %s', (house, stage, date, expected) => {
    expect(resolvePageStage(page(house, stage, date), cswb.briefings).stage).toBe(expected);
  });

  it('does not infer when two briefings for that day name different stages', () => {
    const clash = [...cswb.briefings, { ...cswb.briefings[5]!, id: 'x', stage: 'committee' as const }];
    expect(resolvePageStage(page('lords', null, '2016-10-18'), clash).stage).toBeNull();
  });

  it('says in the reason that the stage was inferred', () => {
    const [a7] = matchReferences(page('lords', null, '2016-10-18'), [ref('amendment', '7')], cswb);
    expect(a7?.positions[0]?.reason).toMatch(/this page is Lords Report, 18 October 2016 \(stage inferred/);
  });
});

describe('briefingsForStage and numberingBriefing', () => {
  const dates = (bs: { dates: string[] }[]) => bs.map((b) => b.dates.join('+'));

  it.each([
    [page('lords', 'committee', '2016-07-04'), ['2016-07-04', '2016-06-27', '2016-07-11']],
    [page('lords', 'report', '2016-11-08'), ['2016-11-08', '2016-10-18']],
    [page('lords', null, '2016-10-18'), ['2016-10-18', '2016-11-08']],
    [page('commons', 'third-reading', null), ['2017-03-07']],
    [page('commons', 'report', '2016-12-13'), ['2017-03-07']],
    [page('lords', 'consideration-of-amendments', '2017-04-25'), []],
    [page(null, null, null), []],
  ])('%# briefings for %o', (p, expected) => {
    expect(dates(briefingsForStage(p, cswb.briefings))).toEqual(expected);
  });

  it.each([
    [page('lords', 'committee', '2016-07-04'), '2016-07-04'],
    [page('lords', 'first-reading', null), null], // nothing earlier in the same print
    [page('commons', 'committee', '2016-12-14'), '2016-12-13'],
    [page('lords', 'third-reading', '2016-11-23'), '2016-11-23'],
    [page('lords', null, null), null],
  ] as const)('%# numbering briefing for %o is %s', (p, expected) => {
    expect(numberingBriefing(p, cswb.briefings, CSWB)?.dates[0] ?? null).toBe(expected);
  });

  it('falls back to the nearest earlier briefing of the same print when the page’s stage has none', () => {
    // CWSB Commons committee: no committee briefing; Second Reading (same print C1) numbers it.
    expect(numberingBriefing(page('commons', 'committee', '2025-02-11'), cwsb.briefings, CWSB)?.stage).toBe(
      'second-reading',
    );
    // CWSB Commons report: print C2; the Second Reading briefing numbers C1, so none.
    expect(numberingBriefing(page('commons', 'report', '2025-03-17'), cwsb.briefings, CWSB)).toBeNull();
  });
});

describe('reasons when the page lacks its House', () => {
  it('says the House is missing rather than the stage', () => {
    const [c29, a7] = matchReferences(
      page(null, 'report', '2016-10-18'),
      [ref('clause', '29'), ref('amendment', '7')],
      cswb,
    );
    expect(c29?.positions.every((m) => m.applies === 'other-print')).toBe(true);
    expect(c29?.positions[0]?.reason).toMatch(/: this page does not say which House it is, so clause 29 may be/);
    expect(a7?.positions[0]?.reason).toMatch(/: this page does not say which House it is, and numbers restart/);
  });
});

describe('a bill whose house of origin is unknown', () => {
  const unknownOrigin = { ...cswb, bill: { ...CSWB, originatingHouse: null } };

  it('still keeps prints apart by House and stage, and says which order it assumed', () => {
    const [c29] = matchReferences(page('commons', 'committee', '2016-12-13'), [ref('clause', '29')], unknownOrigin);
    expect(c29?.positions.every((m) => m.applies === 'other-print')).toBe(true);
    // Assumed to start in the Commons, the Lords prints come after Commons committee.
    expect(c29?.positions[0]?.reason).toMatch(
      /this page debates an earlier print \(the bill’s house of origin is not known: assumed to be the Commons\)/,
    );
    const [same] = matchReferences(page('lords', 'report', '2016-11-08'), [ref('clause', '29')], unknownOrigin);
    expect(same?.positions.filter((m) => m.applies === 'applies')).toHaveLength(2);
  });
});

describe('the print each position was numbered for, against the page’s (this, earlier, later, can’t tell)', () => {
  const cases: Array<[string, Data, PageContext, Reference, string[]]> = [
    [
      'Lords Report 8 November, clause 29: Report is this print, Third Reading (after the debate) a later one',
      cswb,
      page('lords', 'report', '2016-11-08'),
      ref('clause', '29'),
      ['this lords report', 'this lords report', 'later lords third-reading'],
    ],
    [
      'Commons Committee, clause 29: every Lords briefing is for an earlier print',
      cswb,
      page('commons', 'committee', '2016-12-13'),
      ref('clause', '29'),
      ['earlier lords third-reading', 'earlier lords report', 'earlier lords report'],
    ],
    [
      'CWSB Lords Third Reading, clause 23: the Commons Second Reading print is earlier',
      cwsb,
      page('lords', 'third-reading', '2026-02-09'),
      ref('clause', '23'),
      ['earlier commons second-reading'],
    ],
    [
      'a bill page (stage unknown), clause 29: no print can be told',
      cswb,
      page(null, null, null),
      ref('clause', '29'),
      ['unknown lords third-reading', 'unknown lords report', 'unknown lords report'],
    ],
    [
      'Lords Report, amendment 61: the same House and stage is this print',
      cswb,
      page('lords', 'report', '2016-11-08'),
      ref('amendment', '61'),
      ['this lords report', 'this lords report'],
    ],
  ];
  it.each(cases)('%s', (_name, data, p, r, expected) => {
    const [match] = matchReferences(p, [r], data);
    expect(match?.positions.map((m) => `${m.print} ${m.briefing.house} ${m.briefing.stage}`)).toEqual(expected);
  });

  it('orders this print first, then earlier prints, then later ones, whatever the source order', () => {
    const spec = (stage: Stage, date: string) => ({
      house: 'lords' as const,
      stage,
      dates: [date],
      heading: `${stage}, House of Lords, ${date}`,
      positions: [{ refs: ['clause 29'] }],
    });
    const data = buildBill(CSWB, 'order', [
      spec('third-reading', '2016-11-23'),
      spec('second-reading', '2016-06-14'),
      spec('report', '2016-11-08'),
    ]);
    const [match] = matchReferences(page('lords', 'report', '2016-11-08'), [ref('clause', '29')], data);
    expect(match?.positions.map((m) => `${m.print} ${m.briefing.stage}`)).toEqual([
      'this report',
      'earlier second-reading',
      'later third-reading',
    ]);
  });
});
