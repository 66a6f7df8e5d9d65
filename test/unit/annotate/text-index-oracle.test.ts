/**
 * The text index against its oracle (text-index-oracle.ts, the first builder, one character at a time): the same text,
 * the same DOM position for every character and the same ranges, on every real page the tests have (../shared/corpus
 * and test/fixtures/pages, each adapter section and the whole body) and on generated trees built to hit every rule at
 * once (whitespace of every kind across node and block boundaries, zero-width characters, mapped quotes, skipped
 * subtrees, empty elements, adjacent text nodes). Built at once and in steps of a few nodes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import billsJson from '../../../assets/bills.json';
import { scanText } from '../../../src/annotate/scan';
import { createTextIndexBuilder, type TextIndex, type TextIndexOptions } from '../../../src/annotate/text-index';
import { parseHtml } from '../../../src/cli/refs';
import type { BillRecord } from '../../../src/model';
import { pageUrlOf, understandPage } from '../../../src/pages';
import { type OracleIndex, oracleIndex } from './text-index-oracle';

const BILLS = (billsJson as { bills: BillRecord[] }).bills;
const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus');
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/pages');

function build(root: Element, options: TextIndexOptions, nodesPerStep: number): TextIndex {
  const builder = createTextIndexBuilder(root, options);
  while (!builder.step(nodesPerStep)) {
    // keep stepping
  }
  return builder.result();
}

/** The range the oracle's positions give a span: first mapped character at or after start to the last before end. */
function oracleRange(oracle: OracleIndex, start: number, end: number): [Text, number, Text, number] | null {
  let first = start;
  while (first < end && !oracle.positions[first]) first++;
  let last = end - 1;
  while (last >= first && !oracle.positions[last]) last--;
  if (first >= end) return null;
  const a = oracle.positions[first]!;
  const b = oracle.positions[last]!;
  return [a.node, a.offset, b.node, b.offset + 1];
}

/** The first difference between the index and the oracle, in words (null when they agree). */
function difference(index: TextIndex, oracle: OracleIndex, spans: Array<[number, number]>) {
  if (index.text !== oracle.text) {
    let at = 0;
    while (index.text[at] === oracle.text[at]) at++;
    return `text differs at ${at}: ${JSON.stringify(index.text.slice(at - 20, at + 20))} vs ${JSON.stringify(oracle.text.slice(at - 20, at + 20))}`;
  }
  for (let i = 0; i < oracle.text.length; i++) {
    const got = index.positionAt(i);
    const want = oracle.positions[i] ?? null;
    if (got?.node !== want?.node || got?.offset !== want?.offset) {
      return `position of ${i} (${JSON.stringify(oracle.text.slice(i - 10, i + 10))}): ${got?.offset} vs ${want?.offset}`;
    }
  }
  for (const offset of [-1, oracle.text.length]) if (index.positionAt(offset) !== null) return `position of ${offset}`;
  for (const [start, end] of spans) {
    const want = oracleRange(oracle, start, end);
    let got: [Node, number, Node, number] | null = null;
    try {
      const r = index.toRange(start, end);
      got = [r.startContainer, r.startOffset, r.endContainer, r.endOffset];
    } catch {
      got = null;
    }
    if (got === null || want === null) {
      if (got !== want)
        return `range of [${start}, ${end}): ${got ? 'made' : 'refused'}, the oracle's ${want ? 'made' : 'refused'}`;
    } else if (got.some((v, k) => v !== want[k])) return `range of [${start}, ${end})`;
  }
  return null;
}

/** At most `n` of the items, spread evenly. */
function sample<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, k) => items[Math.floor((k * items.length) / n)] as T);
}

/** Every span of `size` characters starting at a multiple of 97. */
function windows(length: number, size: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let at = 0; at + size <= length; at += 97) spans.push([at, at + size]);
  return spans;
}

interface Root {
  name: string;
  root: Element;
  options: TextIndexOptions;
}

/** Each adapter section's roots, as the scanner indexes them, and the whole body. */
function rootsOf(name: string, html: string, url: string | null): Root[] {
  const doc = parseHtml(html, url);
  const roots: Root[] = [];
  const understood = url ? understandPage(doc, url, BILLS) : null;
  understood?.sections.forEach((section, s) => {
    for (const root of section.roots) {
      roots.push({ name: `${name} section ${s}`, root, options: { extraSkip: section.skip } });
    }
  });
  roots.push({ name: `${name} body`, root: doc.body, options: {} });
  return roots;
}

function pages(): Array<[string, string, string | null]> {
  const found: Array<[string, string, string | null]> = [];
  for (const dir of [path.join(CORPUS, 'hansard-html'), path.join(CORPUS, 'bills-html'), FIXTURES]) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path.join(dir, file), 'utf8');
      found.push([file, html, pageUrlOf(parseHtml(html, null))]);
    }
  }
  return found;
}

describe('the text index gives what its oracle gives', () => {
  it.each(pages())('%s', { timeout: 240_000 }, (name, html, url) => {
    const roots = rootsOf(name, html, url);
    for (const { name: rootName, root, options } of roots) {
      const oracle = oracleIndex(root, options);
      // References the grammar finds and sentence-sized windows, as spans to map back (a sample of each: happy-dom
      // takes tens of milliseconds per Range on a big page; every position is compared above anyway).
      const refs = scanText(oracle.text).map((r): [number, number] => [r.start, r.end]);
      const spans = [...sample(refs, 30), ...sample(windows(oracle.text.length, 40), 30)];
      for (const nodesPerStep of [10_000, 7]) {
        const problem = difference(build(root, options, nodesPerStep), oracle, spans);
        expect(problem, `${rootName} in steps of ${nodesPerStep}`).toBeNull();
      }
      expect(oracle.text.length, rootName).toBeGreaterThan(0);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Generated trees
// ---------------------------------------------------------------------------------------------

const PIECES = [
  'clause',
  '7',
  ' ',
  '  ',
  '\n',
  '\t',
  '\r\n',
  '\u00a0',
  '\u3000',
  '\ufeff',
  '\u2028',
  '\u200b',
  '\u00ad',
  '\u2060',
  '\u2019',
  '\u201c',
  '\u2010',
  '\u2212',
  '–',
  '—',
  'a b',
  ' new',
  'x ',
  'é',
];

type Tree = { text: string } | { comment: true } | Elem;
interface Elem {
  tag: string;
  className: string;
  role: string | null;
  hidden: boolean;
  children: Tree[];
}

const treeArb = fc.letrec<{ tree: Tree; elem: Elem }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(fc.constantFrom(...PIECES), { maxLength: 5 }).map((parts) => ({ text: parts.join('') })),
    fc.constant({ comment: true as const }),
    tie('elem'),
  ),
  elem: fc.record({
    tag: fc.constantFrom('p', 'div', 'span', 'em', 'li', 'br', 'h3', 'td', 'b', 'script', 'nav', 'button', 'section'),
    className: fc.constantFrom(
      '',
      '',
      'other',
      'column-number',
      'column-number-range',
      'x sr-only',
      'share',
      'timestamp',
    ),
    role: fc.constantFrom(null, null, 'navigation', 'note'),
    hidden: fc.constantFrom(false, false, false, true),
    children: fc.array(tie('tree'), { maxLength: 4 }),
  }),
}));

function materialise(doc: Document, tree: Tree): Node {
  if ('text' in tree) return doc.createTextNode(tree.text);
  if ('comment' in tree) return doc.createComment('clause 9');
  const el = doc.createElement(tree.tag);
  if (tree.className) el.setAttribute('class', tree.className);
  if (tree.role) el.setAttribute('role', tree.role);
  if (tree.hidden) el.setAttribute('hidden', '');
  for (const child of tree.children) el.append(materialise(doc, child));
  return el;
}

describe('the text index on generated trees', () => {
  const doc = parseHtml('<!DOCTYPE html><html><body></body></html>', null);

  // About 1 s alone; the whole suite runs files in parallel, so it gets the corpus tests' room rather than 5 s.
  it('gives what its oracle gives, built at once and node by node', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.array(treeArb.tree, { maxLength: 6 }), fc.integer({ min: 1, max: 5 }), (trees, nodesPerStep) => {
        const root = doc.createElement('div');
        for (const tree of trees) root.append(materialise(doc, tree));
        const options: TextIndexOptions = { extraSkip: { classes: ['timestamp'] } };
        const oracle = oracleIndex(root, options);
        const spans: Array<[number, number]> = [];
        for (let a = 0; a < oracle.text.length; a++)
          for (let b = a + 1; b <= Math.min(oracle.text.length, a + 6); b++) spans.push([a, b]);
        for (const steps of [10_000, nodesPerStep]) {
          expect(difference(build(root, options, steps), oracle, spans)).toBeNull();
        }
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});
