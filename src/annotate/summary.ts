/** What the side panel is told about the page's marks: one row per reference with a position (pure). */
import type { PageReferenceSummary } from '../messaging';
import type { PageContext } from '../model';
import { lookOf, type Mark } from './marks';

export function summariseMarks(marks: readonly Mark[], sections: readonly PageContext[]): PageReferenceSummary[] {
  const references: PageReferenceSummary[] = [];
  for (const m of marks) {
    for (const ref of m.refs) {
      const own = m.matches.filter((x) => x.ref.kind === ref.kind && x.ref.number === ref.number);
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
        positionIds: own.map((x) => x.position.id),
      });
    }
  }
  return references;
}
