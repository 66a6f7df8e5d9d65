/**
 * Small hand-made briefings and positions that mirror the seeds' sections (../shared/seeds): the stages, dates and
 * references each section carries, with the text cut short. Used where the compiled dataset is not needed.
 */
import type {
  BillRecord,
  Briefing,
  House,
  Position,
  Reference,
  ReferenceKind,
  Stage,
  Stance,
} from '../../../src/model';
import { makeBriefing, makePosition, makeRef } from '../../factories';

export const CWSB: BillRecord = {
  id: 'childrens-wellbeing-and-schools-bill',
  title: 'Children’s Wellbeing and Schools Bill',
  aliases: [],
  parliamentId: 3909,
  originatingHouse: 'commons',
  actTitle: null,
  session: '2024-26',
};

export const CSWB: BillRecord = {
  id: 'children-and-social-work-bill',
  title: 'Children and Social Work Bill',
  aliases: [],
  parliamentId: null,
  originatingHouse: 'lords',
  actTitle: 'Children and Social Work Act 2017',
  session: '2016-17',
};

interface SectionSpec {
  house: House | null;
  stage: Stage | null;
  dates: string[];
  heading: string;
  stageDetail?: string;
  /** One entry per position: its references as `clause 29`, `amendment 7`, `part 1` ... and a stance. */
  positions: { refs: string[]; stance?: Stance; text?: string }[];
}

const KIND_WORDS: Record<string, ReferenceKind> = {
  clause: 'clause',
  'new-clause': 'new-clause',
  amendment: 'amendment',
  schedule: 'schedule',
  'new-schedule': 'new-schedule',
  part: 'part',
  chapter: 'chapter',
};

function parseRef(words: string): Reference {
  const [kind, number] = words.split(' ');
  const known = kind ? KIND_WORDS[kind] : undefined;
  if (!known || !number) throw new Error(`fixture: bad reference "${words}"`);
  return { kind: known, number };
}

/** Builds the briefings and positions of one bill from section specs in source order (newest first, as the seeds). */
export function buildBill(bill: BillRecord, source: string, sections: SectionSpec[]) {
  const briefings: Briefing[] = [];
  const positions: Position[] = [];
  sections.forEach((s, order) => {
    const briefing = makeBriefing({
      billId: bill.id,
      source: `${source}.txt`,
      heading: s.heading,
      house: s.house,
      stage: s.stage,
      stageDetail: s.stageDetail ?? null,
      dates: s.dates,
      order,
      line: order * 20 + 1,
    });
    briefings.push(briefing);
    s.positions.forEach((p, index) => {
      const stance = p.stance ?? 'neutral';
      const text = p.text ?? `${s.heading}: position ${index} on ${p.refs.join(', ')}`;
      const refs = p.refs.map((r) => {
        const { kind, number } = parseRef(r);
        // Where a reference is written (its mention) plays no part in matching: the first character stands in.
        return makeRef(text, kind, number, stance, { mention: { start: 0, end: 1 } });
      });
      positions.push(makePosition(briefing, index, { text, line: briefing.line + 4 + index, refs, stance }));
    });
  });
  return { bill, briefings, positions };
}

export const cwsb = buildBill(CWSB, 'lga-childrens-wellbeing-and-schools-bill', [
  {
    house: 'commons',
    stage: 'second-reading',
    dates: ['2025-01-08'],
    heading: 'Children’s Wellbeing and Schools Bill, Second Reading, House of Commons, 8 January 2025',
    positions: [
      { refs: ['clause 7'], stance: 'mixed' },
      { refs: ['clause 9'], stance: 'support' },
      { refs: ['clause 2'], stance: 'concern' },
      { refs: ['clause 25', 'clause 26'], stance: 'support' },
      { refs: ['clause 1'], stance: 'support' },
      { refs: ['clause 7'], stance: 'mixed' },
      { refs: ['clause 23', 'clause 31', 'clause 44', 'clause 51'], stance: 'support' },
    ],
  },
]);

const range = (kind: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${kind} ${from + i}`);

export const cswb = buildBill(CSWB, 'lga-children-and-social-work-bill', [
  {
    house: 'commons',
    stage: 'remaining-stages',
    dates: ['2017-03-07'],
    heading: 'Remaining Stages, House of Commons, 7 March 2017',
    positions: [{ refs: ['clause 8', 'clause 9'], stance: 'support' }],
  },
  {
    house: 'commons',
    stage: 'committee',
    dates: ['2016-12-13'],
    heading: 'Committee Stage, House of Commons, Tuesday 13 December 2016',
    positions: [{ refs: ['clause 8', 'clause 9'], stance: 'support' }],
  },
  {
    house: 'commons',
    stage: 'second-reading',
    dates: ['2016-12-05'],
    heading: 'Second Reading, House of Commons, 5 December 2016',
    positions: [
      { refs: ['part 1', 'chapter 1'], stance: 'mixed' },
      { refs: ['clause 8', 'clause 9'], stance: 'support' },
      { refs: ['part 1', 'chapter 2'], stance: 'mixed' },
      { refs: ['part 2'], stance: 'support' },
    ],
  },
  {
    house: 'lords',
    stage: 'third-reading',
    dates: ['2016-11-23'],
    heading: 'Third Reading, House of Lords, 23 November 2016',
    positions: [{ refs: ['clause 29'], stance: 'oppose' }],
  },
  {
    house: 'lords',
    stage: 'report',
    stageDetail: 'day 2',
    dates: ['2016-11-08'],
    heading: 'Report Stage, House of Lords, 8 November 2016',
    positions: [
      { refs: ['clause 29', 'amendment 61'], stance: 'support' },
      { refs: ['amendment 60', 'amendment 62', 'amendment 65'], stance: 'support' },
      { refs: ['clause 32', 'amendment 66'], stance: 'concern' },
      { refs: ['amendment 70'], stance: 'support' },
    ],
  },
  {
    house: 'lords',
    stage: 'report',
    dates: ['2016-10-18'],
    heading: 'Report stage, House of Lords 18 October 2016',
    positions: [
      { refs: ['amendment 7'], stance: 'mixed' },
      { refs: ['amendment 12', 'amendment 13'], stance: 'concern' },
      { refs: ['amendment 35'], stance: 'concern' },
      { refs: ['amendment 54', 'amendment 33'], stance: 'support' },
      { refs: range('clause', 15, 22), stance: 'mixed' },
      { refs: ['clause 29', 'amendment 59'], stance: 'support' },
      { refs: ['amendment 61', 'amendment 60', 'amendment 62', 'amendment 65'], stance: 'support' },
      { refs: ['clause 32', 'amendment 66'], stance: 'oppose' },
      { refs: ['amendment 70'], stance: 'support' },
    ],
  },
  {
    house: 'lords',
    stage: 'committee',
    stageDetail: 'days 4 and 5',
    dates: ['2016-07-11'],
    heading: 'Committee Stage day 4 and 5, House of Lords, 11 July 2016',
    positions: [
      { refs: range('clause', 11, 14), stance: 'concern' },
      { refs: range('amendment', 113, 126), stance: 'mixed' },
      { refs: ['amendment 132'], stance: 'support' },
      { refs: ['clause 18'], stance: 'concern' },
      { refs: ['amendment 136'], stance: 'support' },
    ],
  },
  {
    house: 'lords',
    stage: 'committee',
    stageDetail: 'day 2',
    dates: ['2016-07-04'],
    heading: 'House of Lords, Committee Stage day 2, Monday 4 July',
    positions: [
      {
        refs: ['amendment 30', 'amendment 32', 'amendment 34', 'amendment 43', 'amendment 44', 'amendment 48'],
        stance: 'concern',
      },
      { refs: ['amendment 91', 'amendment 92'], stance: 'mixed' },
      { refs: ['amendment 95'], stance: 'support' },
    ],
  },
  {
    house: 'lords',
    stage: 'second-reading',
    dates: ['2016-06-14'],
    heading: 'House of Lords, Second Reading, 14 June 2016',
    positions: [
      { refs: range('clause', 1, 7), stance: 'mixed' },
      { refs: ['clause 8', 'clause 9'], stance: 'support' },
      { refs: range('clause', 11, 14), stance: 'mixed' },
      { refs: [...range('clause', 15, 19), 'clause 18'], stance: 'concern' },
      { refs: ['part 2'], stance: 'concern' },
    ],
  },
  {
    house: 'lords',
    stage: 'committee',
    stageDetail: 'day 1',
    dates: ['2016-06-27'],
    heading: 'House of Lords, Committee Stage day 1, 27 June 2016',
    positions: [
      { refs: ['amendment 47'], stance: 'neutral' },
      { refs: ['amendment 2', 'amendment 3', 'amendment 4', 'amendment 5'], stance: 'support' },
      {
        refs: ['amendment 30', 'amendment 32', 'amendment 34', 'amendment 43', 'amendment 44', 'amendment 48'],
        stance: 'concern',
      },
      { refs: ['amendment 91', 'amendment 92'], stance: 'mixed' },
      { refs: ['amendment 95'], stance: 'support' },
    ],
  },
]);
