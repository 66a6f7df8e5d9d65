/** The real seeds (../shared/seeds) compiled by the real briefing compiler, with the project's bills.json. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileDataset } from '../../../src/briefings';
import type { BillRecord, Dataset } from '../../../src/model';

const root = path.resolve(import.meta.dirname, '../../..');
const seedsDir = path.resolve(root, '..', 'shared', 'seeds');

export function compiledSeeds(): Dataset {
  const bills = (JSON.parse(readFileSync(path.join(root, 'assets', 'bills.json'), 'utf8')) as { bills: BillRecord[] })
    .bills;
  const sources = readdirSync(seedsDir)
    .filter((name) => name.startsWith('lga-') && name.endsWith('.txt'))
    .sort()
    .map((name) => ({ source: name, text: readFileSync(path.join(seedsDir, name), 'utf8') }));
  const { dataset, errors } = compileDataset(sources, bills, { builtAt: '2026-01-01T00:00:00.000Z' });
  if (errors.length > 0)
    throw new Error(`seeds did not compile: ${errors.map((e) => `${e.source}:${e.line}: ${e.message}`).join('; ')}`);
  return dataset;
}

/** The dataset restricted to one bill, as `matchReferences` takes it. */
export function dataFor(dataset: Dataset, billId: string) {
  const bill = dataset.bills.find((b) => b.id === billId);
  if (!bill) throw new Error(`no bill ${billId} in the compiled seeds`);
  return {
    bill,
    briefings: dataset.briefings.filter((b) => b.billId === billId),
    positions: dataset.positions.filter((p) => p.billId === billId),
  };
}

/** A debate excerpt from ../shared/corpus/debate-text without its provenance header (ended by a `----` line). */
export function debateText(name: string): string {
  const raw = readFileSync(path.resolve(root, '..', 'shared', 'corpus', 'debate-text', name), 'utf8');
  const cut = raw.indexOf('\n----\n');
  if (cut < 0) throw new Error(`${name}: no provenance header`);
  return raw.slice(cut + '\n----\n'.length);
}
