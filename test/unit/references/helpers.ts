import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FindOptions, findReferences } from '../../../src/references';

const here = path.dirname(fileURLToPath(import.meta.url));
export const corpusDir = path.resolve(here, '../../../..', 'shared', 'corpus');

/** References as `kind number` strings, in the order found: easy to read in a table. */
export function refsOf(text: string, options?: FindOptions): string[] {
  return findReferences(text, options).map((r) => `${r.kind} ${r.number}`);
}

/** `seq('clause', 31, 38)` -> `clause 31` .. `clause 38`: for long expected ranges, written out by hand elsewhere. */
export function seq(kind: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(`${kind} ${n}`);
  return out;
}

/** A debate-text corpus file: only what follows the first line that is exactly `----` is page text. */
export function debatePageText(file: string): string {
  const raw = readFileSync(path.join(corpusDir, 'debate-text', file), 'utf8');
  const lines = raw.split('\n');
  const marker = lines.indexOf('----');
  if (marker < 0) throw new Error(`${file}: no '----' line ends the provenance header`);
  return lines.slice(marker + 1).join('\n');
}

/** An LGA briefing corpus file without its line 1 (`SOURCE: <url>`). */
export function briefingText(file: string): string {
  const raw = readFileSync(path.join(corpusDir, 'lga-briefings', file), 'utf8');
  if (!raw.startsWith('SOURCE:')) throw new Error(`${file}: line 1 is not 'SOURCE: <url>'`);
  return raw.slice(raw.indexOf('\n') + 1);
}
