/**
 * What every CLI command reads: its input (a file or standard input), the dataset to match against, and a bill named
 * on the command line. One place, so each command fails the same way with the same words.
 */

import { readFileSync } from 'node:fs';
import { billForPage } from '../matching';
import type { BillRecord, Dataset } from '../model';

/** Standard input or a file, as text; a clear error naming the file. */
export async function readInput(input: string): Promise<string> {
  try {
    if (input !== '-') return readFileSync(input, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    const why =
      error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
    throw new Error(`cannot read ${input === '-' ? 'standard input' : input}: ${why}`);
  }
}

/** The dataset to match against: `--dataset FILE` (a compiled dataset JSON), else the bundled one. */
export async function loadDataset(file?: string): Promise<Dataset> {
  if (!file) {
    try {
      return (await import('../dataset')).bundledDataset();
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`no bundled dataset (${why}): build it with \`npm run --silent dataset\``);
    }
  }
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`cannot read dataset ${file}`);
  }
  let data: Partial<Dataset>;
  try {
    data = JSON.parse(raw) as Partial<Dataset>;
  } catch (error) {
    throw new Error(`dataset ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const key of ['bills', 'briefings', 'positions'] as const) {
    if (!Array.isArray(data[key])) throw new Error(`dataset ${file} has no "${key}" list`);
  }
  return data as Dataset;
}

/** `--bill`: a dataset id, a bills.parliament.uk id (`3909`) or a title in any of its forms. */
export function namedBill(value: string, bills: readonly BillRecord[]): BillRecord | null {
  if (/^\d+$/.test(value)) return bills.find((b) => b.parliamentId === Number(value)) ?? null;
  return billForPage({ billId: value, bill: value }, bills);
}
