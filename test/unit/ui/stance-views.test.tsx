// @vitest-environment happy-dom
/**
 * Issue 9: one stance per provision and one per position, the same in every view. Every position of the two seed
 * briefings (compiled as the extension ships them) is rendered in each view that shows a stance: the popover on each
 * of its provisions, the panel's On this page (the provision's row and the position under it, with the page summary
 * built as the content script builds it), the Bill tab (its chips and the briefing list) and a search result. A view
 * that shows a provision a stance other than `PositionRef.stance`, or a position one other than `Position.stance`
 * (after the reader's corrections), fails. The property test corrects random stances and checks again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { leadPrint, lookOf } from '../../../src/annotate/marks';
import { Popover } from '../../../src/annotate/popover/Popover';
import { compileDataset } from '../../../src/briefings/dataset';
import type { BillBriefings, PageSummary, SearchHit } from '../../../src/messaging';
import {
  type BillRecord,
  type Briefing,
  type MatchedPosition,
  type Position,
  type PositionRef,
  type Reference,
  STANCES,
  type Stance,
  type StanceCorrection,
} from '../../../src/model';
import { BillView } from '../../../src/ui/panel/BillView';
import { PageView } from '../../../src/ui/panel/PageView';
import type { PositionEntry } from '../../../src/ui/panel/page-model';
import { SearchResults } from '../../../src/ui/panel/SearchView';
import { billBriefings, mount, NO_PAGING, unmountAll } from './panel-helpers';

// happy-dom's import.meta.url is not a file URL: read the assets from the project root vitest runs in.
const readAsset = (relative: string) => readFileSync(join(process.cwd(), 'assets', relative), 'utf8');
const registryBills = (): BillRecord[] => JSON.parse(readAsset('bills.json')).bills;

const SEEDS = ['lga-children-and-social-work-bill.txt', 'lga-childrens-wellbeing-and-schools-bill.txt'];
const { dataset } = compileDataset(
  SEEDS.map((source) => ({ source, text: readAsset(`briefings/${source}`) })),
  registryBills(),
);

afterEach(unmountAll);

const same = (a: Reference, b: Reference) => a.kind === b.kind && a.number.toUpperCase() === b.number.toUpperCase();

/** What the record says, corrections applied, worked out here without src/stance (the views must agree with it). */
function expectedForPosition(position: Position): Stance {
  const fix = position.corrections?.find((c) => c.ref === null && c.text === position.text);
  return fix?.stance ?? position.stance;
}
function expectedForProvision(position: Position, ref: Reference): Stance {
  const own = position.refs.find((r) => same(r, ref));
  if (!own) return expectedForPosition(position);
  const fix = position.corrections?.find((c) => c.ref && same(c.ref, ref) && c.text === position.text);
  return fix?.stance ?? own.stance;
}

const distinctRefs = (position: Position): PositionRef[] =>
  position.refs.filter((ref, i) => position.refs.findIndex((r) => same(r, ref)) === i);

function billData(positions: readonly Position[], bill: BillRecord): BillBriefings {
  const briefings = dataset.briefings.filter((b) => b.billId === bill.id);
  return billBriefings(
    bill,
    briefings.map((briefing) => ({ briefing, positions: positions.filter((p) => p.briefingId === briefing.id) })),
  );
}

const briefingOf = (position: Position): Briefing => dataset.briefings.find((b) => b.id === position.briefingId)!;
const billOf = (position: Position): BillRecord => dataset.bills.find((b) => b.id === position.billId)!;

function match(position: Position, ref: PositionRef): MatchedPosition {
  return { position, briefing: briefingOf(position), ref, applies: 'applies', reason: 'same print' };
}

/** The popover on one provision of one position: the stance it shows. */
function popoverStance(position: Position, ref: PositionRef): string | null {
  const root = mount(
    <Popover reference={ref} positions={[match(position, ref)]} onReadBriefing={() => {}} onClose={() => {}} />,
  );
  const shown = root.querySelector('[data-testid=lga-position] [data-stance]')?.getAttribute('data-stance') ?? null;
  unmountAll();
  return shown;
}

/** On this page, with the summary the content script makes (`lookOf` of the provision's positions). */
function pageStances(position: Position, ref: PositionRef): { head: string | null; row: string | null } {
  const look = lookOf([match(position, ref)]);
  const summary: PageSummary = {
    url: 'https://hansard.parliament.uk/x',
    sections: [],
    mentioned: 1,
    references: [
      {
        index: 0,
        kind: ref.kind,
        number: ref.number,
        text: `${ref.kind} ${ref.number}`,
        sectionBill: null,
        stance: look.stance,
        applies: look.applies,
        print: leadPrint([match(position, ref)]),
        positionIds: [position.id],
      },
    ],
  };
  const positions = new Map<string, PositionEntry>([[position.id, { position, briefing: briefingOf(position) }]]);
  const root = mount(
    <PageView state={{ kind: 'ready', summary }} positions={positions} onFocusReference={() => {}} onStep={() => {}} />,
  );
  const item = root.querySelector('[data-testid=page-ref]');
  const head = item?.querySelector('.provision-head [data-testid=stance]')?.getAttribute('data-stance') ?? null;
  const row = item?.querySelector('[data-testid=page-ref-position] [data-testid=stance]')?.getAttribute('data-stance');
  unmountAll();
  return { head, row: row ?? null };
}

/** A position as a list shows it (Bill tab, search result): its headline, and the stance it shows for a provision. */
function listed(item: Element, headlineSelector: string) {
  const headline = item.querySelector(`${headlineSelector} [data-testid=stance]`)?.getAttribute('data-stance') ?? null;
  const provision = (ref: Reference) =>
    item
      .querySelector(`[data-testid=provision-stance][data-ref="${ref.kind} ${ref.number}"] [data-testid=stance]`)
      ?.getAttribute('data-stance') ??
    headline ??
    'neutral';
  return { headline, provision };
}

function searchItem(position: Position): Element {
  const hit: SearchHit = {
    position,
    briefing: briefingOf(position),
    bill: billOf(position),
    score: 1,
    terms: [],
    refs: [],
  };
  const root = mount(<SearchResults state={{ kind: 'done', query: 'q', hits: [hit] }} onOpen={() => {}} />);
  return root.querySelector('[data-testid=search-result]')!;
}

/** Every disagreement between a view and the record, for the given (possibly corrected) positions. */
function disagreements(positions: readonly Position[]): string[] {
  const found: string[] = [];
  const say = (view: string, position: Position, ref: Reference | null, shown: string | null, want: Stance) => {
    if (shown !== want)
      found.push(
        `${view}: ${position.id} ${ref ? `${ref.kind} ${ref.number}` : '(position)'} shows ${shown}, record ${want}`,
      );
  };
  for (const bill of dataset.bills) {
    const mine = positions.filter((p) => p.billId === bill.id);
    const root = mount(
      <BillView
        bills={[bill]}
        selectedBillId={bill.id}
        onSelectBill={() => {}}
        state={{ kind: 'ready', data: billData(mine, bill) }}
        paging={NO_PAGING}
        page={null}
        target={null}
      />,
    );
    for (const position of mine) {
      const row = root.querySelector(`[data-testid=stance-row][data-briefing-id="${position.briefingId}"]`)!;
      const item = root.querySelector(`#position-${position.id.replace(/[^A-Za-z0-9_-]/g, '_')}`)!;
      const inList = listed(item, '[data-testid=position-stance]');
      const headline = expectedForPosition(position);
      // A neutral headline is not shown in the Bill list (no stance stated), unless the reader set it.
      say('Bill list', position, null, inList.headline ?? 'neutral', headline);
      for (const ref of distinctRefs(position)) {
        const want = expectedForProvision(position, ref);
        const chip = row.querySelector(
          `[data-testid=stance-cell][data-ref="${ref.kind} ${ref.number}"][data-stance="${want}"]`,
        );
        if (!chip) found.push(`Bill chips: ${position.id} ${ref.kind} ${ref.number} has no ${want} chip`);
        say('Bill list', position, ref, inList.provision(ref), want);
      }
    }
    // No chip without a position showing that stance on that provision.
    for (const chip of root.querySelectorAll('[data-testid=stance-cell]')) {
      const row = chip.closest('[data-testid=stance-row]')!.getAttribute('data-briefing-id');
      const [kind, number] = (chip.getAttribute('data-ref') ?? '').split(' ') as [Reference['kind'], string];
      const backed = mine.some(
        (p) =>
          p.briefingId === row &&
          p.refs.some((r) => same(r, { kind, number })) &&
          expectedForProvision(p, { kind, number }) === chip.getAttribute('data-stance'),
      );
      if (!backed)
        found.push(`Bill chips: ${row} ${kind} ${number} ${chip.getAttribute('data-stance')} stands for no position`);
    }
    unmountAll();
  }
  for (const position of positions) {
    const inSearch = listed(searchItem(position), '');
    say('Search', position, null, inSearch.headline, expectedForPosition(position));
    for (const ref of distinctRefs(position))
      say('Search', position, ref, inSearch.provision(ref), expectedForProvision(position, ref));
    unmountAll();
    for (const ref of distinctRefs(position)) {
      const want = expectedForProvision(position, ref);
      say('Popover', position, ref, popoverStance(position, ref), want);
      const page = pageStances(position, ref);
      say('On this page (provision)', position, ref, page.head, want);
      say('On this page (position)', position, ref, page.row, want);
    }
  }
  return found;
}

describe('every view shows the record’s stance', () => {
  it('compiles the seeds into positions with provisions (the walk below has something to walk)', () => {
    expect(dataset.positions.length).toBeGreaterThan(40);
    expect(dataset.positions.filter((p) => p.refs.length > 0).length).toBeGreaterThan(20);
  });

  it('for every seed position and every provision in it: popover, On this page, Bill chips and list, search', () => {
    expect(disagreements(dataset.positions)).toEqual([]);
  }, 60_000);

  it('with the reader’s corrections (property: random corrections of positions and provisions)', () => {
    const withRefs = dataset.positions.filter((p) => p.refs.length > 0);
    const correction = fc.record({
      which: fc.nat({ max: withRefs.length - 1 }),
      refIndex: fc.option(fc.nat({ max: 20 }), { nil: null }),
      stance: fc.constantFrom(...STANCES),
      stale: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(correction, { minLength: 1, maxLength: 4 }), (picked) => {
        const byId = new Map<string, StanceCorrection[]>();
        for (const c of picked) {
          const position = withRefs[c.which]!;
          const ref = c.refIndex === null ? null : position.refs[c.refIndex % position.refs.length]!;
          const list = byId.get(position.id) ?? [];
          // A stale correction (made on other words) must not apply anywhere.
          const text = c.stale ? `${position.text} (older words)` : position.text;
          list.unshift({
            positionId: position.id,
            ref: ref && { kind: ref.kind, number: ref.number },
            stance: c.stance,
            text,
            at: '2026-12-01T00:00:00.000Z',
          });
          byId.set(position.id, list);
        }
        const corrected = dataset.positions.map((p) => (byId.has(p.id) ? { ...p, corrections: byId.get(p.id) } : p));
        const touched = corrected.filter((p) => byId.has(p.id));
        expect(disagreements(touched)).toEqual([]);
      }),
      { numRuns: 20 },
    );
  }, 60_000);
});
