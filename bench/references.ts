/**
 * How fast the reference grammar reads a real Hansard page: the 2.7 MB Commons whole-day page, tags stripped
 * crudely (the page scanner reads text nodes, so this is about the same text). Prints ms per MB.
 * Run: npx tsx bench/references.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findReferences } from '../src/references';

const here = path.dirname(fileURLToPath(import.meta.url));
const page = path.resolve(
  here,
  '../..',
  'shared/corpus/hansard-html/hansard-commons-2020-01-09-CommonsChamber-aggregate.raw.html',
);

const html = readFileSync(page, 'utf8');
const text = html
  .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
  .replace(/<[^>]*>/g, ' ')
  .replace(/&nbsp;/g, '\u00a0')
  .replace(/&amp;/g, '&')
  .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
const megabytes = Buffer.byteLength(text, 'utf8') / 1e6;

// Warm up the JIT and the regex compilation, then time several runs and report the median.
for (let i = 0; i < 3; i++) findReferences(text);
const runs: number[] = [];
let found = 0;
for (let i = 0; i < 15; i++) {
  const t0 = performance.now();
  found = findReferences(text).length;
  runs.push(performance.now() - t0);
}
runs.sort((a, b) => a - b);
const median = runs[Math.floor(runs.length / 2)]!;
const cold = (() => {
  const t0 = performance.now();
  findReferences(`${text} `, { sectionsAreClauses: true });
  return performance.now() - t0;
})();
console.log(
  JSON.stringify(
    {
      textMB: Number(megabytes.toFixed(2)),
      references: found,
      medianMs: Number(median.toFixed(1)),
      msPerMB: Number((median / megabytes).toFixed(1)),
      fastestMsPerMB: Number((runs[0]! / megabytes).toFixed(1)),
      otherOptionsFirstRunMs: Number(cold.toFixed(1)),
    },
    null,
    2,
  ),
);
