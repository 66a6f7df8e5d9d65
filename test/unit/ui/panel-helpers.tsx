/**
 * Test helpers for the panel and options components: mounting into happy-dom, and small builders for the model's
 * records (the Children and Social Work Bill's briefings as the seed heads them).
 */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { briefingEntry } from '../../../src/background/bill-pages';
import { briefingId } from '../../../src/ids';
import type { BillBriefings } from '../../../src/messaging';
import type { BillRecord, Briefing, House, Position, PositionRef, Stage, Stance } from '../../../src/model';
import type { AddBriefingProps } from '../../../src/ui/options/AddBriefing';
import type { BillPaging } from '../../../src/ui/panel/paging';
import { makeBriefing, makePosition, makeRef } from '../../factories';

/**
 * A bill's briefings as the background sends them (src/background/bill-pages.ts: the first page of each, the stance
 * grid row from all its positions), from every position of each.
 */
export function billBriefings(
  bill: BillRecord,
  list: ReadonlyArray<{ briefing: Briefing; positions: readonly Position[] }>,
): BillBriefings {
  return {
    bill,
    briefings: list.map(({ briefing, positions }) => briefingEntry(briefing, positions, undefined, new Map())),
  };
}

/** For views that are never paged in a test (every briefing within a page): paging would be a failure. */
export const NO_PAGING: BillPaging = {
  more: () => Promise.reject(new Error('this test pages nothing')),
  show: () => Promise.reject(new Error('this test pages nothing')),
};

/** The add-a-briefing form with nothing typed, chosen or said, and handlers that do nothing, but for `overrides`. */
export function addBriefingProps(overrides: Partial<AddBriefingProps> = {}): AddBriefingProps {
  return {
    text: '',
    onText: () => undefined,
    onFile: () => undefined,
    fileName: null,
    preview: null,
    saving: false,
    onSave: () => undefined,
    message: null,
    ...overrides,
  };
}

export function mount(vnode: ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => {
    render(vnode, container);
  });
  return container;
}

export function unmountAll(): void {
  for (const child of [...document.body.children]) {
    act(() => render(null, child as HTMLElement));
    child.remove();
  }
}

export function texts(root: ParentNode, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((el) => (el.textContent ?? '').trim());
}

export const CSW_BILL: BillRecord = {
  id: 'children-and-social-work-bill',
  title: 'Children and Social Work Bill',
  aliases: ['Children and Social Work Bill [HL]'],
  parliamentId: 1920,
  originatingHouse: 'lords',
  actTitle: 'Children and Social Work Act 2017',
  session: '2016-17',
};

export function briefing(
  order: number,
  house: House | null,
  stage: Stage | null,
  dates: string[],
  heading: string,
  extra: Partial<Briefing> = {},
): Briefing {
  const source = 'lga-children-and-social-work-bill.txt';
  // The id stays the shipped file's whatever `extra` says of the source (a reader's copy in the options tests).
  const id = briefingId(CSW_BILL.id, source, order);
  return makeBriefing({
    id,
    billId: CSW_BILL.id,
    source,
    order,
    heading,
    house,
    stage,
    dates,
    line: 1 + order * 20,
    ...extra,
  });
}

/** A position whose text names references; `refs` give each reference's text (found in `text`) and stance. */
export function position(
  owner: Briefing,
  index: number,
  text: string,
  refs: Array<{ kind: PositionRef['kind']; number: string; mention: string; stance: Stance }>,
  stance: Stance = refs[0]?.stance ?? 'neutral',
): Position {
  return makePosition(owner, index, {
    text,
    stance,
    line: owner.line + 4 + index,
    refs: refs.map((r) => {
      const start = text.indexOf(r.mention);
      if (start < 0) throw new Error(`"${r.mention}" is not in "${text}"`);
      return makeRef(text, r.kind, r.number, r.stance, { mention: { start, end: start + r.mention.length } });
    }),
  });
}

/**
 * The Children and Social Work Bill's briefings in parliamentary order (a Lords bill: Lords stages first), with a
 * few of the seed's positions.
 */
export function cswBriefings(): BillBriefings {
  const lordsSecond = briefing(
    7,
    'lords',
    'second-reading',
    ['2016-06-14'],
    'Second Reading, House of Lords, 14 June 2016',
  );
  const lordsCommittee = briefing(
    5,
    'lords',
    'committee',
    ['2016-07-11'],
    'Committee Stage day 4 and 5, House of Lords, 11 July 2016',
    {
      stageDetail: 'days 4 and 5',
    },
  );
  const lordsReport1 = briefing(3, 'lords', 'report', ['2016-10-18'], 'Report stage, House of Lords 18 October 2016');
  const lordsReport2 = briefing(2, 'lords', 'report', ['2016-11-08'], 'Report Stage, House of Lords, 8 November 2016');
  const commonsCommittee = briefing(
    1,
    'commons',
    'committee',
    ['2016-12-13'],
    'Committee Stage, House of Commons, Tuesday 13 December 2016',
  );
  const commonsRemaining = briefing(
    0,
    'commons',
    'remaining-stages',
    ['2017-03-07'],
    'Remaining Stages, House of Commons, 7 March 2017',
  );
  return billBriefings(CSW_BILL, [
    {
      briefing: lordsSecond,
      positions: [
        position(lordsSecond, 0, 'We support the innovation power in Clauses 15 to 19, which must be fully funded.', [
          { kind: 'clause', number: '15', mention: 'Clauses 15 to 19', stance: 'mixed' },
          { kind: 'clause', number: '19', mention: 'Clauses 15 to 19', stance: 'mixed' },
        ]),
      ],
    },
    {
      briefing: lordsCommittee,
      positions: [position(lordsCommittee, 0, 'Corporate parenting principles are welcome.', [], 'support')],
    },
    {
      briefing: lordsReport1,
      positions: [
        position(
          lordsReport1,
          0,
          'Any duties to co-operate, such as those proposed in amendment 7, should be reciprocal.',
          [{ kind: 'amendment', number: '7', mention: 'amendment 7', stance: 'mixed' }],
        ),
        position(lordsReport1, 1, 'We support amendment 54 led by Lord Nash.', [
          { kind: 'amendment', number: '54', mention: 'amendment 54', stance: 'support' },
        ]),
      ],
    },
    {
      briefing: lordsReport2,
      positions: [
        position(lordsReport2, 0, 'We welcome the ability to test the new ways of working under clause 29.', [
          { kind: 'clause', number: '29', mention: 'clause 29', stance: 'support' },
        ]),
        position(
          lordsReport2,
          1,
          'We remain concerned that clause 32 gives the Secretary of State the power to remove legislative provisions.',
          [{ kind: 'clause', number: '32', mention: 'clause 32', stance: 'concern' }],
        ),
        position(lordsReport2, 2, 'We urge the Government to accept amendment 66 to remove clause 32 from the Bill.', [
          { kind: 'amendment', number: '66', mention: 'amendment 66', stance: 'support' },
          { kind: 'clause', number: '32', mention: 'clause 32', stance: 'oppose' },
        ]),
      ],
    },
    {
      briefing: commonsCommittee,
      positions: [
        position(commonsCommittee, 0, 'The provisions outlined in clauses 8 and 9 reflect existing good practice.', [
          { kind: 'clause', number: '8', mention: 'clauses 8 and 9', stance: 'support' },
          { kind: 'clause', number: '9', mention: 'clauses 8 and 9', stance: 'support' },
        ]),
      ],
    },
    { briefing: commonsRemaining, positions: [] },
  ]);
}
