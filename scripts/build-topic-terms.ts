/**
 * Learn how common each word and two-word phrase is in real parliamentary debate, for topic matching (src/topics):
 * a term found in many Hansard paragraphs (`hon. Friend`, `Government`, `important`, `support`) says nothing about
 * what a speech is about; a rare one (`branded uniform`, `care leavers`) does.
 *
 * Reads the real Hansard pages in ../shared/corpus/hansard-html and the debate excerpts in ../shared/corpus/debate-text
 * (not the labelled topic passages, which measure the matcher), counts in how many paragraphs each term occurs; does
 * the same for the LGA briefings on other bills in ../shared/corpus/lga-briefings (words every LGA briefing uses,
 * `appropriately resourced`, `councils`, `welcome`, are how the LGA writes, not a subject); and writes src/generated/topic-terms.json (not committed; run by `npm run dataset`, `postinstall` and `build`).
 * Terms seen in one paragraph only are left out: the matcher treats them as rare, as it does unseen ones.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type LearntTerms,
  paragraphsOfBriefingText,
  paragraphsOfDebateText,
  paragraphsOfHansardHtml,
  type TermCounts,
} from '../src/topics/corpus';
import { termsOf, tokenize } from '../src/topics/text';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus');
const outFile = path.join(root, 'src', 'generated', 'topic-terms.json');
const REQUIRED = path.join('hansard-html', 'hansard-commons-2020-01-09-CommonsChamber-aggregate.raw.html');

function main(): number {
  if (!existsSync(path.join(corpus, REQUIRED))) {
    process.stderr.write(
      `topic-terms: ${path.join(corpus, REQUIRED)} not found: topic weights are learnt at build time from the real Hansard pages in ../shared/corpus (beside this checkout)\n`,
    );
    return 1;
  }
  const sources: string[] = [];
  const paragraphs: string[] = [];
  const htmlDir = path.join(corpus, 'hansard-html');
  for (const name of readdirSync(htmlDir)
    .filter((n) => n.endsWith('.html'))
    .sort()) {
    paragraphs.push(...paragraphsOfHansardHtml(readFileSync(path.join(htmlDir, name), 'utf8')));
    sources.push(`hansard-html/${name}`);
  }
  const textDir = path.join(corpus, 'debate-text');
  if (existsSync(textDir)) {
    for (const name of readdirSync(textDir)
      .filter((n) => n.endsWith('.txt'))
      .sort()) {
      paragraphs.push(...paragraphsOfDebateText(readFileSync(path.join(textDir, name), 'utf8')));
      sources.push(`debate-text/${name}`);
    }
  }
  const briefingParagraphs: string[] = [];
  const briefingDir = path.join(corpus, 'lga-briefings');
  if (existsSync(briefingDir)) {
    for (const name of readdirSync(briefingDir)
      .filter((n) => n.endsWith('.txt'))
      .sort()) {
      briefingParagraphs.push(...paragraphsOfBriefingText(readFileSync(path.join(briefingDir, name), 'utf8')));
      sources.push(`lga-briefings/${name}`);
    }
  }
  const out: LearntTerms = { sources, hansard: counts(paragraphs, 2), briefings: counts(briefingParagraphs, 1) };
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(out)}\n`);
  process.stderr.write(
    `topic-terms: ${paragraphs.length} debate paragraphs (${Object.keys(out.hansard.df).length} terms), ${briefingParagraphs.length} LGA briefing paragraphs, from ${sources.length} sources -> ${path.relative(root, outFile)}\n`,
  );
  return 0;
}

/** Paragraph counts of each term, keeping terms seen in at least `min` paragraphs. */
function counts(paragraphs: readonly string[], min: number): TermCounts {
  const df = new Map<string, number>();
  for (const paragraph of paragraphs) {
    for (const key of new Set(termsOf(tokenize(paragraph)).map((t) => t.key))) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const kept = [...df].filter(([, n]) => n >= min).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { paragraphs: paragraphs.length, df: Object.fromEntries(kept) };
}

process.exitCode = main();
