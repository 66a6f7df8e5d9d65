/** Which briefings are "for" a page's stage, and whose clause numbering a page shares. */
import type { BillRecord, Briefing, House, PageContext, Stage } from '../model';
import { lastDate, printEpoch, stageOrder } from './epochs';
import { resolvePageStage } from './page';

/**
 * The stage whose amendment numbering a House and stage uses. Commons report and third reading are taken together
 * as "remaining stages" on one amendment paper, so all three name the same numbering. Lords report and third
 * reading have separate marshalled lists.
 */
function amendmentStage(house: House, stage: Stage): Stage {
  if (house === 'commons' && (stage === 'report' || stage === 'third-reading')) return 'remaining-stages';
  return stage;
}

/** True when the House and stage are known well enough to say whose amendment numbers they use. */
export function stageIsKnown(house: House | null, stage: Stage | null): boolean {
  return house !== null && stage !== null && stage !== 'other';
}

/** True when the briefing is for the given House and stage (any of the stage's days). */
export function sameStage(
  house: House | null,
  stage: Stage | null,
  briefing: Pick<Briefing, 'house' | 'stage'>,
): boolean {
  if (!stageIsKnown(house, stage) || !stageIsKnown(briefing.house, briefing.stage)) return false;
  return (
    house === briefing.house && amendmentStage(house!, stage!) === amendmentStage(briefing.house!, briefing.stage!)
  );
}

/** 0 for a briefing naming the page's day, 1 for one dated before it (or an undated page), 2 for one after. */
function dayFit(briefing: Briefing, date: string | null): number {
  if (date === null) return 1;
  if (briefing.dates.includes(date)) return 0;
  return briefing.dates.some((d) => d <= date) ? 1 : 2;
}

/**
 * The briefings for the page's own stage: House and stage match (the stage inferred from the page's House and date
 * when it does not state it). The briefing for the page's day first, then those before it (newest first), then later.
 */
export function briefingsForStage(
  page: Pick<PageContext, 'house' | 'stage' | 'date'>,
  briefings: readonly Briefing[],
): Briefing[] {
  const stage = resolvePageStage(page, briefings);
  return briefings
    .filter((b) => sameStage(stage.house, stage.stage, b))
    .sort((a, b) => dayFit(a, page.date) - dayFit(b, page.date) || lastDate(b).localeCompare(lastDate(a)));
}

/**
 * The briefing whose clause numbering the page shares: one for the page's own stage, else the nearest earlier
 * briefing in the same print (a Lords committee day with no briefing of its own still shares Lords second reading's
 * numbers). Null when no briefing numbers the page's print.
 */
export function numberingBriefing(
  page: Pick<PageContext, 'house' | 'stage' | 'date'>,
  briefings: readonly Briefing[],
  bill: BillRecord,
): Briefing | null {
  const [own] = briefingsForStage(page, briefings);
  if (own) return own;
  const stage = resolvePageStage(page, briefings);
  const epoch = printEpoch(bill, stage.house, stage.stage).index;
  if (epoch === null) return null;
  const here = stageOrder(bill, stage.house, stage.stage);
  const earlier = briefings
    .filter((b) => printEpoch(bill, b.house, b.stage).index === epoch && stageOrder(bill, b.house, b.stage) <= here)
    .sort(
      (a, b) =>
        stageOrder(bill, b.house, b.stage) - stageOrder(bill, a.house, a.stage) ||
        lastDate(b).localeCompare(lastDate(a)),
    );
  return earlier[0] ?? null;
}
