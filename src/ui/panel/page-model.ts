/**
 * The "On this page" tab's data, shaped for reading: the page's references grouped by provision, with the positions
 * the background found for them and counts by stance. Pure.
 */
import type { PageSummary } from '../../messaging';
import type { Briefing, Position, PrintRelation, Reference, Stance } from '../../model';
import { STANCES } from '../../model';
import { provisionKey } from '../../vocabulary';

export interface PositionEntry {
  position: Position;
  briefing: Briefing;
}

/** Positions by id, as the panel knows them (the `positions` the page summary names). */
export type PositionIndex = ReadonlyMap<string, PositionEntry>;

/** One provision named on the page (every mention of `clause 7` in one section's bill together). */
export interface PageProvision extends Reference {
  key: string;
  sectionBill: string | null;
  stance: Stance;
  /** True when at least one mention's positions apply to this print of the bill. */
  applies: boolean;
  /** How the positions' print relates to the page's: `this` once a mention applies, else the first mention's. */
  print: PrintRelation;
  /** The content script's indexes of each mention, in page order (the first is where "go to" goes). */
  indexes: number[];
  /** As written at the first mention. */
  text: string;
  positionIds: string[];
}

/** References that carry a position, grouped by provision in order of first mention. */
export function groupProvisions(summary: PageSummary): PageProvision[] {
  const groups = new Map<string, PageProvision>();
  const ordered = [...summary.references].sort((a, b) => a.index - b.index);
  for (const ref of ordered) {
    if (!ref.stance || ref.positionIds.length === 0) continue;
    const key = provisionKey(ref);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        key,
        kind: ref.kind,
        number: ref.number,
        sectionBill: ref.sectionBill,
        stance: ref.stance,
        applies: ref.applies,
        print: ref.print,
        indexes: [ref.index],
        text: ref.text,
        positionIds: [...ref.positionIds],
      });
      continue;
    }
    group.indexes.push(ref.index);
    if (ref.applies && !group.applies) {
      // A mention whose positions apply says more than one numbered for another print.
      group.applies = true;
      group.stance = ref.stance;
      group.print = ref.print;
    }
    for (const id of ref.positionIds) if (!group.positionIds.includes(id)) group.positionIds.push(id);
  }
  return [...groups.values()];
}

/** How many provisions the LGA takes each stance on, in the model's order, zero counts left out. */
export function countByStance(provisions: readonly PageProvision[]): Array<{ stance: Stance; count: number }> {
  return STANCES.map((stance) => ({ stance, count: provisions.filter((p) => p.stance === stance).length })).filter(
    (c) => c.count > 0,
  );
}

/** The bill ids the page's sections resolved to, in page order, without repeats. */
export function pageBillIds(summary: PageSummary | null): string[] {
  const ids: string[] = [];
  for (const section of summary?.sections ?? []) {
    if (section.billId && !ids.includes(section.billId)) ids.push(section.billId);
  }
  return ids;
}

/** Every position the page's references name, each once, in page order. */
export function pagePositionIds(summary: PageSummary | null): string[] {
  const ids = new Set<string>();
  for (const ref of summary?.references ?? []) for (const id of ref.positionIds) ids.add(id);
  return [...ids];
}
