/**
 * The cases that must hold, over the REAL seeds compiled by the real briefing compiler: if the compiler or the
 * matcher breaks the print-epoch rules on the seed bills, these fail.
 */
import { describe, expect, it } from 'vitest';
import { matchReferences } from '../../../src/matching';
import type { House, PageContext, ReferenceKind, ReferenceMatch, Stage } from '../../../src/model';
import { compiledSeeds, dataFor } from './seeds';

const dataset = compiledSeeds();
const cwsb = dataFor(dataset, 'childrens-wellbeing-and-schools-bill');
const cswb = dataFor(dataset, 'children-and-social-work-bill');

function page(bill: string, house: House | null, stage: Stage | null, date: string | null): PageContext {
  return { bill, billId: null, house, stage, stageLabel: null, date };
}

function matchOne(p: PageContext, kind: ReferenceKind, number: string, data: typeof cwsb): ReferenceMatch {
  const [match] = matchReferences(p, [{ kind, number }], data);
  if (!match) throw new Error('no match entry');
  return match;
}

const applying = (m: ReferenceMatch) => m.positions.filter((p) => p.applies === 'applies');
const where = (m: ReferenceMatch) =>
  m.positions.map((p) => `${p.applies} ${p.briefing.house} ${p.briefing.stage} ${p.briefing.dates.join('+')}`);

describe('must hold on the compiled seeds: Children’s Wellbeing and Schools Bill (Commons bill)', () => {
  it('a Public Bill Committee sitting (11 February 2025) gets the Second Reading positions on Clause 7 as applying', () => {
    const m = matchOne(
      page('Children’s Wellbeing and Schools Bill', 'commons', 'committee', '2025-02-11'),
      'clause',
      '7',
      cwsb,
    );
    expect(m.positions.length).toBeGreaterThan(0);
    expect(where(m).every((w) => w === 'applies commons second-reading 2025-01-08')).toBe(true);
    expect(m.positions.every((p) => /care leavers/.test(p.position.text))).toBe(true);
    expect(m.positions[0]?.reason).toBe(
      'Same print: briefing for Commons Second Reading, 8 January 2025; this page is Commons Committee, 11 February 2025',
    );
  });

  it('the Lords Third Reading (9 February 2026) gets nothing that applies for Clause 23, only the other print', () => {
    const m = matchOne(
      page('Children’s Wellbeing and Schools Bill', 'lords', 'third-reading', '2026-02-09'),
      'clause',
      '23',
      cwsb,
    );
    expect(applying(m)).toEqual([]);
    expect(where(m)).toEqual(['other-print commons second-reading 2025-01-08']);
    expect(m.positions[0]?.reason).toMatch(/this page debates a later print, so clause 23 may be a different clause$/);
  });
});

describe('must hold on the compiled seeds: Children and Social Work Bill [HL] (Lords bill)', () => {
  const bill = 'Children and Social Work Bill [HL]';

  it('Lords Report 18 October 2016: amendment 7 gets the Report-stage position as applying', () => {
    const m = matchOne(page(bill, 'lords', 'report', '2016-10-18'), 'amendment', '7', cswb);
    expect(where(m)).toEqual(['applies lords report 2016-10-18']);
    expect(m.positions[0]?.position.text).toMatch(/duties to co-operate, such as those proposed in amendment 7/);
  });

  it.each(['2016-06-27', '2016-07-04', '2016-07-11'])('Lords Committee %s: amendment 7 gets nothing', (date) => {
    const m = matchOne(page(bill, 'lords', 'committee', date), 'amendment', '7', cswb);
    expect(m.positions).toEqual([]);
  });

  it('Lords Report 8 November 2016: clause 29 gets the Report-stage positions as applying', () => {
    const m = matchOne(page(bill, 'lords', 'report', '2016-11-08'), 'clause', '29', cswb);
    expect(where(m)).toEqual([
      'applies lords report 2016-11-08',
      'applies lords report 2016-10-18',
      'other-print lords third-reading 2016-11-23',
    ]);
    expect(m.positions[0]?.position.text).toMatch(/Powers in clause 29/);
  });

  it('Commons Committee 13 December 2016: clause 29 gets nothing that applies', () => {
    const m = matchOne(page(bill, 'commons', 'committee', '2016-12-13'), 'clause', '29', cswb);
    expect(applying(m)).toEqual([]);
    expect(m.positions.length).toBeGreaterThan(0);
    expect(m.positions.every((p) => /later print, so clause 29 may be a different clause$/.test(p.reason))).toBe(true);
  });

  it('a Lords page dated 18 October 2016 with no stage is read as Report (the briefing names that day)', () => {
    const m = matchOne(page(bill, 'lords', null, '2016-10-18'), 'amendment', '7', cswb);
    expect(where(m)).toEqual(['applies lords report 2016-10-18']);
    expect(m.positions[0]?.reason).toMatch(/this page is Lords Report, 18 October 2016 \(stage inferred/);
  });

  it('a bills.parliament.uk page (no House, stage or date) gets every position, none applying', () => {
    const p = page('Children and Social Work Act 2017', null, null, null);
    const refs = [
      ...new Map(cswb.positions.flatMap((pos) => pos.refs).map((r) => [`${r.kind}:${r.number}`, r])).values(),
    ];
    const matches = matchReferences(p, refs, cswb);
    const positionsWithRef = (kind: string, number: string) =>
      cswb.positions.filter((pos) => pos.refs.some((r) => r.kind === kind && r.number === number)).length;
    for (const m of matches) {
      expect(m.positions.length, `${m.kind} ${m.number}`).toBe(positionsWithRef(m.kind, m.number));
      expect(applying(m)).toEqual([]);
    }
    const amendment61 = matches.find((m) => m.kind === 'amendment' && m.number === '61');
    expect(amendment61?.positions.map((x) => x.reason)).toEqual([
      'Numbered for Lords Report, 8 November 2016: this page does not say which stage it debates, and numbers restart at every stage, so amendment 61 may be a different amendment',
      'Numbered for Lords Report, 18 October 2016: this page does not say which stage it debates, and numbers restart at every stage, so amendment 61 may be a different amendment',
    ]);
  });

  it('the innovation clauses: clauses 15 to 19 at Lords Second Reading apply on a Lords Committee day, not at Report', () => {
    const committee = matchOne(page(bill, 'lords', 'committee', '2016-07-11'), 'clause', '18', cswb);
    expect(where(committee)).toEqual([
      'applies lords committee 2016-07-11',
      'applies lords second-reading 2016-06-14',
      'other-print lords report 2016-10-18',
    ]);
    const report = matchOne(page(bill, 'lords', 'report', '2016-10-18'), 'clause', '18', cswb);
    expect(applying(report).map((p) => p.briefing.dates[0])).toEqual(['2016-10-18']);
  });
});
