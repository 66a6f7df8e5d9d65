/**
 * The bundled dataset: every briefing source compiled, with the bills they name. Pure: the build script reads the
 * files, this compiles them.
 */
import type { BillRecord, Briefing, Dataset, Position } from '../model';
import { compileBriefing, type Diagnostic } from './compile';
import { cyrb53 } from './hash';

export interface DatasetResult {
  dataset: Dataset;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

export function compileDataset(
  sources: ReadonlyArray<{ source: string; text: string }>,
  bills: readonly BillRecord[],
  options: { builtAt?: string } = {},
): DatasetResult {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const billsById = new Map<string, BillRecord>();
  const briefings: Briefing[] = [];
  const positions: Position[] = [];
  const seenSources = new Set<string>();
  for (const { source, text } of sources) {
    if (seenSources.has(source)) {
      errors.push({ source, line: 1, message: 'the same source name appears twice' });
      continue;
    }
    seenSources.add(source);
    const result = compileBriefing(text, source, bills);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    if (result.errors.length > 0) continue;
    if (!billsById.has(result.bill.id)) billsById.set(result.bill.id, result.bill);
    briefings.push(...result.briefings);
    positions.push(...result.positions);
  }
  if (sources.length === 0) errors.push({ source: '(dataset)', line: 1, message: 'no briefing sources' });
  else if (positions.length === 0 && errors.length === 0) {
    errors.push({ source: '(dataset)', line: 1, message: 'the sources gave no positions' });
  }
  const content = { bills: [...billsById.values()], briefings, positions };
  const dataset: Dataset = {
    version: cyrb53(JSON.stringify(content)),
    builtAt: options.builtAt ?? new Date().toISOString(),
    ...content,
  };
  return { dataset, errors, warnings };
}
