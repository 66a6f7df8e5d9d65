/** What a page debates: its bill (from a list of bills) and its House and stage, inferred from the date if need be. */
import { resolveBill } from '../bills';
import type { BillRecord, Briefing, House, PageContext, Stage } from '../model';

/**
 * The bill a page is about: by the dataset id the page adapter resolved, else by the title as written (any alias,
 * `[HL]` or not, the Act's name). Null when the page names no bill we know.
 */
export function billForPage(
  page: Pick<PageContext, 'bill' | 'billId'>,
  bills: readonly BillRecord[],
): BillRecord | null {
  if (page.billId) {
    const byId = bills.find((b) => b.id === page.billId);
    if (byId) return byId;
  }
  return page.bill ? resolveBill(page.bill, bills) : null;
}

/** True when the page names a bill and it is not `bill` (so none of `bill`'s positions belong on it). */
export function pageNamesAnotherBill(page: Pick<PageContext, 'bill' | 'billId'>, bill: BillRecord): boolean {
  if (page.billId) return page.billId !== bill.id;
  if (page.bill) return resolveBill(page.bill, [bill]) === null;
  return false;
}

export interface PageStage {
  house: House | null;
  stage: Stage | null;
  /** The briefing whose dates named the page's day, when the stage was inferred from it; else null. */
  inferredFrom: Briefing | null;
}

/** A full ISO day (`2016-10-18`), not a month alone. */
function isDay(date: string | null): date is string {
  return date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date);
}

/**
 * The House and stage the page debates. A page that does not state its stage (a Hansard page whose heading lacks
 * it, a text given without `--stage`) but states its House and date takes the stage of the briefing for that House
 * which names that day. Nothing is inferred when briefings for that day disagree, or from a month alone.
 */
export function resolvePageStage(
  page: Pick<PageContext, 'house' | 'stage' | 'date'>,
  briefings: readonly Briefing[],
): PageStage {
  if (page.stage !== null || page.house === null || !isDay(page.date)) {
    return { house: page.house, stage: page.stage, inferredFrom: null };
  }
  const date = page.date;
  const naming = briefings.filter((b) => b.house === page.house && b.stage !== null && b.dates.includes(date));
  const stages = new Set(naming.map((b) => b.stage));
  const [only] = naming;
  if (stages.size !== 1 || !only) return { house: page.house, stage: null, inferredFrom: null };
  return { house: page.house, stage: only.stage, inferredFrom: only };
}
