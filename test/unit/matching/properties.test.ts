/**
 * The safety rules, checked over random bills, briefings and pages: nothing numbered for another print is ever
 * claimed to apply, and an amendment from another known stage is never shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchReferences, printEpoch } from '../../../src/matching';
import { HOUSES, type PageContext, type Reference, STAGES } from '../../../src/model';
import { buildBill, CSWB } from './fixtures';

const house = fc.constantFrom(...HOUSES, null);
const stage = fc.constantFrom(...STAGES, null);
const day = fc.constantFrom('2016-06-14', '2016-07-04', '2016-10-18', '2016-11-08', '2016-12-13', null);
const kind = fc.constantFrom('clause', 'amendment', 'new-clause', 'schedule', 'part');
const number = fc.constantFrom('1', '7', '29');

const section = fc.record({
  house,
  stage,
  date: day,
  refs: fc.array(fc.tuple(kind, number), { minLength: 1, maxLength: 3 }),
});

const scenario = fc.record({
  origin: fc.constantFrom('commons' as const, 'lords' as const, null),
  sections: fc.array(section, { minLength: 1, maxLength: 8 }),
  page: fc.record({ house, stage, date: day }),
  refs: fc.array(fc.tuple(kind, number), { minLength: 1, maxLength: 4 }),
});

const STAGE_NUMBERED = new Set(['amendment', 'new-clause', 'new-schedule']);
const amendmentStage = (h: string | null, s: string | null) =>
  h === 'commons' && (s === 'report' || s === 'third-reading') ? 'remaining-stages' : s;

describe('matchReferences safety properties', () => {
  it('never claims another print or another stage applies; never shows another known stage’s amendment', () => {
    fc.assert(
      fc.property(scenario, ({ origin, sections, page: p, refs }) => {
        const bill = { ...CSWB, originatingHouse: origin };
        const data = buildBill(
          bill,
          'random',
          sections.map((s) => ({
            house: s.house,
            stage: s.stage,
            dates: s.date ? [s.date] : [],
            heading: 'random',
            positions: [{ refs: s.refs.map(([k, n]) => `${k} ${n}`) }],
          })),
        );
        const page: PageContext = { bill: null, billId: null, stageLabel: null, ...p };
        const wanted: Reference[] = refs.map(([k, n]) => ({ kind: k, number: n }));
        for (const match of matchReferences(page, wanted, data)) {
          for (const m of match.positions) {
            expect(m.ref.kind).toBe(match.kind);
            expect(m.ref.number).toBe(match.number);
            const b = m.briefing;
            // The page's stage may have been inferred from its date: the briefing that names the day gives it.
            const pageStage =
              p.stage ??
              (p.house && p.date
                ? (data.briefings.find((x) => x.house === p.house && x.stage && x.dates.includes(p.date!))?.stage ??
                  null)
                : null);
            if (m.applies !== 'applies') continue;
            if (STAGE_NUMBERED.has(match.kind)) {
              expect(b.house).toBe(p.house);
              expect(amendmentStage(b.house, b.stage)).toBe(amendmentStage(p.house, pageStage));
              expect(pageStage === 'other' || pageStage === null).toBe(false);
            } else {
              const here = printEpoch(bill, p.house, pageStage).index;
              expect(here).not.toBeNull();
              expect(printEpoch(bill, b.house, b.stage).index).toBe(here);
            }
          }
          if (STAGE_NUMBERED.has(match.kind) && p.house && p.stage && p.stage !== 'other') {
            for (const m of match.positions) {
              const b = m.briefing;
              const briefingKnown = b.house !== null && b.stage !== null && b.stage !== 'other';
              if (briefingKnown) expect(amendmentStage(b.house, b.stage)).toBe(amendmentStage(p.house, p.stage));
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
