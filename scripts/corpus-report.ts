/**
 * `npm run corpus`: runs the page scanner over the real corpus in ../shared/corpus (debate texts, bill texts, the
 * Hansard whole-day page), prints per file what it found, and compares it with the expected results the tests pin
 * (test/unit/pages/corpus-expected.ts): what the current grammar and scanner gain and lose against them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scanText } from '../src/annotate/scan';
import { buildTextIndex } from '../src/annotate/text-index';
import { bodyOfText, parseHtml, refsOfDocument } from '../src/cli/refs';
import { CORPUS_TEXTS, HANSARD_PAGE } from '../test/unit/pages/corpus-expected';

const CORPUS = resolve(import.meta.dirname ?? __dirname, '..', '..', 'shared', 'corpus');

/** Multiset difference: entries of `a` not matched by an entry of `b`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

interface FileResult {
  file: string;
  found: string[];
  expected: string[];
}

const results: FileResult[] = [];
const lines: string[] = [];

for (const { folder, file, printedLineNumbers, refs } of CORPUS_TEXTS) {
  const path = resolve(CORPUS, folder, file);
  let text: string;
  try {
    text = bodyOfText(readFileSync(path, 'utf8'));
  } catch (error) {
    lines.push(`${folder}/${file}: cannot read (${error instanceof Error ? error.message : String(error)})`);
    continue;
  }
  const found = scanText(text, { printedLineNumbers }).map(
    (r) => `${r.kind} ${r.number}${r.implicit ? ' (implicit)' : ''}`,
  );
  results.push({ file: `${folder}/${file}`, found, expected: [...refs] });
}

// The Hansard page: parse, then time the text index and the grammar apart.
const pagePath = resolve(CORPUS, 'hansard-html', HANSARD_PAGE.file);
const html = readFileSync(pagePath, 'utf8');
let t0 = performance.now();
const doc = parseHtml(html, HANSARD_PAGE.url);
const parseMs = performance.now() - t0;
t0 = performance.now();
const output = refsOfDocument(doc, HANSARD_PAGE.url);
const sectionMs = performance.now() - t0;
t0 = performance.now();
const wholeIndex = buildTextIndex(doc.body);
const wholeIndexMs = performance.now() - t0;
t0 = performance.now();
const wholeRefs = scanText(wholeIndex.text);
const wholeGrammarMs = performance.now() - t0;
results.push({
  file: `hansard-html/${HANSARD_PAGE.file}`,
  found: output.references.map((r) => `${r.kind} ${r.number}: ${r.text}`),
  expected: HANSARD_PAGE.sections.flatMap((s) => [...s.refs]),
});

let gains = 0;
let losses = 0;
for (const { file, found, expected } of results) {
  const gained = minus(found, expected);
  const lost = minus(expected, found);
  gains += gained.length;
  losses += lost.length;
  const status = gained.length || lost.length ? 'CHANGED' : 'same';
  lines.push(`${file}: ${found.length} found, ${expected.length} expected (${status})`);
  lines.push(`  found: ${found.join(', ') || '(none)'}`);
  if (gained.length) lines.push(`  + gained: ${gained.join(', ')}`);
  if (lost.length) lines.push(`  - lost: ${lost.join(', ')}`);
}

const sections = output.sections.map((s) => `${s.bill} (${s.house}, ${s.stage}, ${s.date})`).join('; ');
lines.push('');
lines.push(`Hansard page sections: ${sections}`);
lines.push(
  `Hansard page timings: parse ${parseMs.toFixed(0)} ms (happy-dom); bill sections index + grammar ${sectionMs.toFixed(0)} ms; ` +
    `whole page index ${wholeIndexMs.toFixed(0)} ms (${wholeIndex.text.length} chars) + grammar ${wholeGrammarMs.toFixed(0)} ms ` +
    `(${wholeRefs.length} references anywhere on the page)`,
);
lines.push(`Total: ${results.length} files, ${gains} gained, ${losses} lost against the pinned expectations`);
process.stdout.write(`${lines.join('\n')}\n`);
