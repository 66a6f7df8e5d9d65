/**
 * Print epochs: which printing of a bill a stage debates.
 *
 * Clause, schedule, part and chapter numbers belong to a print of the bill, and the bill is reprinted as it goes
 * through Parliament, so "clause 29" at one stage can be a different clause at another. Two stages share numbering
 * only when they debate the same print. This file knows which stages debate which print, and the parliamentary order
 * of stages (house of origin first) used for ranking and for listing briefings.
 */
import type { BillRecord, Briefing, House, Stage } from '../model';
import { HOUSE_SHORT } from '../vocabulary';

export interface PrintEpoch {
  /**
   * Ordinal of the print in the bill's life (0 = the bill as introduced). Two stages with the same index number
   * clauses alike; null when the stage does not tell us the print (stage or House unknown, `other`).
   */
  index: number | null;
  /** Short name of the print: `L1` (first Lords print), `C2` (second Commons print), `amendments`, `Act`. */
  print: string | null;
  /** Plain words for the print: `the bill as brought from the Lords`. */
  description: string;
  /** Why this print: the rule applied, and any assumption made (an unknown house of origin). */
  reason: string;
}

function otherHouse(house: House): House {
  return house === 'commons' ? 'lords' : 'commons';
}

/** The House a bill starts in. Unknown: most bills start in the Commons, so assume it (callers say so). */
export function houseOfOrigin(bill: Pick<BillRecord, 'originatingHouse'>): House {
  return bill.originatingHouse ?? 'commons';
}

/**
 * The prints one House works through, in order, and which stages debate each. Each entry is a print; its stages
 * are the ones that debate it. `first` is true for the House of origin.
 */
function printsInHouse(house: House, first: boolean, origin: House): { stages: Stage[]; description: string }[] {
  // The second House starts from a fresh print of the bill as it left the first ("as brought from the Lords"), then
  // works through the same reprints as if it were the house of origin.
  const introduced = first
    ? `the bill as introduced in the ${HOUSE_SHORT[house]}`
    : `the bill as brought from the ${HOUSE_SHORT[origin]}`;
  if (house === 'lords') {
    return [
      // First reading only orders the bill to be printed; second reading and committee debate that first print.
      { stages: ['first-reading', 'second-reading', 'committee'], description: introduced },
      // The Lords reprint the bill after committee ("as amended in committee"); report debates that print.
      // Lords "remaining stages" (report and third reading taken together) starts from the same print.
      { stages: ['report', 'remaining-stages'], description: 'the bill as amended in committee (Lords)' },
      // The Lords reprint again after report ("as amended on report"): third reading debates that print, and
      // Lords third-reading amendments are made to it.
      { stages: ['third-reading'], description: 'the bill as amended on report (Lords)' },
    ];
  }
  return [
    // Second reading and committee (Public Bill Committee or Committee of the whole House) debate the first print.
    { stages: ['first-reading', 'second-reading', 'committee'], description: introduced },
    // The Commons reprint after committee ("as amended in Public Bill Committee"). Report and third reading
    // (together, "remaining stages") debate that print: the Commons do not reprint between report and third reading.
    {
      stages: ['report', 'third-reading', 'remaining-stages'],
      description: 'the bill as amended in Public Bill Committee (Commons)',
    },
  ];
}

interface PrintSlot {
  index: number;
  print: string;
  house: House | null;
  stages: Stage[];
  description: string;
  rule: string;
}

/** Every print of a bill, in order: the house of origin's prints, then the second House's, then ping-pong, the Act. */
function printSlots(origin: House): PrintSlot[] {
  const slots: PrintSlot[] = [];
  for (const [house, first] of [
    [origin, true],
    [otherHouse(origin), false],
  ] as const) {
    printsInHouse(house, first, origin).forEach((p, n) => {
      slots.push({
        index: slots.length,
        print: `${house === 'lords' ? 'L' : 'C'}${n + 1}`,
        house,
        stages: p.stages,
        description: p.description,
        rule:
          n === 0
            ? first
              ? `${HOUSE_SHORT[house]} is the house of origin; its second reading and committee debate the bill as introduced`
              : `the bill is reprinted when it passes to the ${HOUSE_SHORT[house]}`
            : house === 'lords' && n === 2
              ? 'the Lords reprint the bill after report; third reading debates that print'
              : `the ${HOUSE_SHORT[house]} reprint the bill after committee; ${house === 'commons' ? 'report and third reading debate' : 'report debates'} that print`,
      });
    });
  }
  // Consideration of amendments (ping-pong), in either House, debates the other House's amendments, numbered in
  // their own paper (Lords amendment 3, Commons amendment 3B) and keyed to the bill as it left the origin House:
  // not any print a stage above debated. Kept apart so nothing numbered for another stage claims to apply there.
  slots.push({
    index: slots.length,
    print: 'amendments',
    house: null,
    stages: ['consideration-of-amendments'],
    description: 'the paper of the other House’s amendments (ping-pong)',
    rule: 'consideration of amendments debates the other House’s amendments, numbered in their own paper',
  });
  // After Royal Assent the bill is an Act: sections, renumbered from the final print.
  slots.push({
    index: slots.length,
    print: 'Act',
    house: null,
    stages: ['royal-assent'],
    description: 'the Act as passed',
    rule: 'at Royal Assent the bill becomes an Act, numbered afresh in sections',
  });
  return slots;
}

/** Computed once per house of origin. */
const PRINT_SLOTS: Record<House, PrintSlot[]> = { commons: printSlots('commons'), lords: printSlots('lords') };

/** The print of `bill` that the given House and stage debate. */
export function printEpoch(
  bill: Pick<BillRecord, 'originatingHouse'>,
  house: House | null,
  stage: Stage | null,
): PrintEpoch {
  const origin = houseOfOrigin(bill);
  const assumed = bill.originatingHouse
    ? ''
    : ' (house of origin unknown: assumed to be the Commons, where most bills start)';
  if (stage === null || stage === 'other') {
    return {
      index: null,
      print: null,
      description: 'an unknown print',
      reason: stage === null ? 'the stage is not known' : 'the stage is not one that debates a known print',
    };
  }
  const slot = PRINT_SLOTS[origin].find((s) => s.stages.includes(stage) && (s.house === null || s.house === house));
  if (!slot) {
    return {
      index: null,
      print: null,
      description: 'an unknown print',
      reason: `the House is not known, and ${stage} happens in both Houses on different prints`,
    };
  }
  return { index: slot.index, print: slot.print, description: slot.description, reason: `${slot.rule}${assumed}` };
}

/** Within one House, stages in the order they happen. Commons remaining stages are report and third reading in one. */
const STAGE_STEP: Partial<Record<Stage, number>> = {
  'first-reading': 0,
  'second-reading': 1,
  committee: 2,
  report: 3,
  'remaining-stages': 3.5,
  'third-reading': 4,
};

/**
 * A number that orders stages as they happen to `bill`: the house of origin's stages, then the second House's, then
 * consideration of amendments, then Royal Assent. Stages we cannot place (no House, `other`, unknown) come last.
 */
export function stageOrder(
  bill: Pick<BillRecord, 'originatingHouse'>,
  house: House | null,
  stage: Stage | null,
): number {
  if (stage === 'consideration-of-amendments') return 20;
  if (stage === 'royal-assent') return 30;
  const step = stage === null ? undefined : STAGE_STEP[stage];
  if (step === undefined || house === null) return 40;
  return (house === houseOfOrigin(bill) ? 0 : 10) + step;
}

/** The earliest date a briefing names, or '' when it names none (sorts first among equals). */
export function firstDate(briefing: Pick<Briefing, 'dates'>): string {
  return [...briefing.dates].sort()[0] ?? '';
}

/** The latest date a briefing names, or ''. */
export function lastDate(briefing: Pick<Briefing, 'dates'>): string {
  return [...briefing.dates].sort().at(-1) ?? '';
}

/** Briefings in the order a reader follows the bill: house of origin first, then stage order, then date. */
export function parliamentaryOrder<B extends Briefing>(briefings: readonly B[], bill: BillRecord): B[] {
  return [...briefings].sort(
    (a, b) =>
      stageOrder(bill, a.house, a.stage) - stageOrder(bill, b.house, b.stage) ||
      firstDate(a).localeCompare(firstDate(b)) ||
      a.source.localeCompare(b.source) ||
      a.order - b.order,
  );
}
