/**
 * `dataset`: a summary of the bundled dataset: bills, source files, briefings, positions, references by kind, stances.
 * A briefing is one stage's section of a source file (as the options page and the side panel count them).
 */
import { bundledDataset } from '../dataset';
import { REFERENCE_KINDS, STANCES } from '../model';

export const usage = '            summarise the bundled dataset (src/generated/dataset.json)';

export async function run(_args: string[]): Promise<unknown> {
  const dataset = bundledDataset();
  const referencesByKind = Object.fromEntries(REFERENCE_KINDS.map((kind) => [kind, 0])) as Record<string, number>;
  const referenceStances = Object.fromEntries(STANCES.map((stance) => [stance, 0])) as Record<string, number>;
  const positionStances = Object.fromEntries(STANCES.map((stance) => [stance, 0])) as Record<string, number>;
  for (const position of dataset.positions) {
    positionStances[position.stance] = (positionStances[position.stance] ?? 0) + 1;
    for (const ref of position.refs) {
      referencesByKind[ref.kind] = (referencesByKind[ref.kind] ?? 0) + 1;
      referenceStances[ref.stance] = (referenceStances[ref.stance] ?? 0) + 1;
    }
  }
  const sources = new Set(dataset.briefings.map((briefing) => briefing.source));
  return {
    version: dataset.version,
    builtAt: dataset.builtAt,
    bills: dataset.bills.length,
    sources: sources.size,
    briefings: dataset.briefings.length,
    positions: dataset.positions.length,
    references: Object.values(referencesByKind).reduce((a, b) => a + b, 0),
    referencesByKind,
    stances: { references: referenceStances, positions: positionStances },
    perBill: dataset.bills.map((bill) => ({
      id: bill.id,
      title: bill.title,
      briefings: dataset.briefings.filter((b) => b.billId === bill.id).length,
      positions: dataset.positions.filter((p) => p.billId === bill.id).length,
    })),
  };
}
