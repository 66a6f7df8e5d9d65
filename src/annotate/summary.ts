/**
 * What a run tells of the page's marks (pure): the side panel one row per reference with a position, the page
 * (ready-state.ts) and the background (the toolbar badge) how many there are.
 */
import type { PageReferenceSummary } from '../messaging';
import type { PageContext } from '../model';
import type { HighlightMode } from '../settings-defaults';
import { provisionKey, sameProvision } from '../vocabulary';
import { leadPrint, lookOf, type Mark } from './marks';

export function summariseMarks(marks: readonly Mark[], sections: readonly PageContext[]): PageReferenceSummary[] {
  const references: PageReferenceSummary[] = [];
  for (const m of marks) {
    for (const ref of m.refs) {
      // The position's own entry for this reference, by the lookup's key rule: the page's `172a` is the LGA's `172A`.
      const own = m.matches.filter((x) => sameProvision(x.ref, ref));
      if (!own.length) continue;
      const look = lookOf(own);
      references.push({
        index: m.index,
        kind: ref.kind,
        number: ref.number,
        text: ref.text,
        sectionBill: sections[m.section]?.bill ?? null,
        stance: look.stance,
        applies: look.applies,
        print: leadPrint(own),
        positionIds: own.map((x) => x.position.id),
      });
    }
  }
  return references;
}

/** The provisions the marks mention, with a position or not, each once (`provisionKey`: per section's bill). */
export function mentionedProvisions(marks: readonly Mark[], sections: readonly PageContext[]): number {
  const keys = new Set<string>();
  for (const m of marks) {
    const sectionBill = sections[m.section]?.bill ?? null;
    for (const ref of m.refs) keys.add(provisionKey({ ...ref, sectionBill }));
  }
  return keys.size;
}

export interface MarkCounts {
  /** Marks drawn: those with a position, or every one in highlight mode `all`. */
  shown: number;
  /** Marks with a position. */
  withPositions: number;
  /** Marks with a position that applies to this print. */
  applies: number;
}

export function countMarks(marks: readonly Mark[], mode: HighlightMode): MarkCounts {
  const withPositions = marks.filter((m) => m.matches.length > 0);
  return {
    shown: mode === 'all' ? marks.length : withPositions.length,
    withPositions: withPositions.length,
    applies: withPositions.filter((m) => m.applies).length,
  };
}
