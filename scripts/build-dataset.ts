/**
 * Build the bundled dataset: compile assets/briefings/*.txt with assets/bills.json into src/generated/dataset.json.
 * One summary line on stderr; on any error, `file:line: message` lines and exit code 1.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDataset } from '../src/briefings/dataset';
import type { BillRecord } from '../src/model';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const briefingsDir = path.join(root, 'assets', 'briefings');
const outFile = path.join(root, 'src', 'generated', 'dataset.json');

function main(): number {
  const bills = (JSON.parse(readFileSync(path.join(root, 'assets', 'bills.json'), 'utf8')) as { bills: BillRecord[] })
    .bills;
  const files = readdirSync(briefingsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const sources = files.map((name) => ({ source: name, text: readFileSync(path.join(briefingsDir, name), 'utf8') }));
  const { dataset, errors, warnings } = compileDataset(sources, bills);
  const where = (source: string) => (source.startsWith('(') ? source : path.join('assets', 'briefings', source));
  for (const w of warnings) process.stderr.write(`${where(w.source)}:${w.line}: warning: ${w.message}\n`);
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`${where(e.source)}:${e.line}: ${e.message}\n`);
    process.stderr.write(`dataset: ${errors.length} error(s); ${path.relative(root, outFile)} not written\n`);
    return 1;
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(dataset)}\n`);
  const refs = dataset.positions.reduce((n, p) => n + p.refs.length, 0);
  process.stderr.write(
    `dataset ${dataset.version}: ${files.length} sources, ${dataset.bills.length} bills, ${dataset.briefings.length} briefings (one per stage), ${dataset.positions.length} positions, ${refs} references -> ${path.relative(root, outFile)}\n`,
  );
  return 0;
}

process.exitCode = main();
