/**
 * The floor: the least work that does the content script's job on the benchmark's page, for bench/highlight.ts to
 * measure ours against. The same job: the same roots (the adapter's bill sections), each one's bill (read from its
 * heading, as the grammar needs it), the same text nodes (the same skip data), the same grammar (`scanText`, given
 * that bill), a Range per reference, drawn (one highlight of them all: ours draws every detected reference in the
 * bench, in its colours). None of the rest: no stage, House or date, no normalisation of quotes and spaces (the
 * grammar reads runs of spaces as one), no slices, marks, lookup or colours. Bundled with esbuild and run once, cold,
 * in a fresh page by bench/highlight.ts: nothing of ours runs in the page before its clock starts. (It used to be
 * handed the sections' bills by our page adapter, run in the same page just before the clock, which also warmed the
 * DOM methods and the shared code the floor then used. Reading the bills itself, cold, it takes 6.6 ms at a quarter of
 * the page against 5.8 handed them (medians of 9 side-by-side runs, a fresh browser each), 14.1 against 11.2 at the
 * page as it is (7). The check that its sections and bills are the adapter's runs after the clock.)
 *
 * The cheapest correct method, measured in the page (2.7 MB Hansard day, 7,900 elements and 13,500 text nodes in the
 * bill section; warm minimums): a plain firstChild/nextSibling walk with one check per element (tag set, then one
 * class pattern on `className`) 1.1 ms; the same with `getAttribute('class')` 1.2-1.5 ms; a TreeWalker whose filter
 * calls that check 6.3 ms; one `querySelectorAll` of the skipped elements into a Set, then any walk 4.2-4.4 ms;
 * `matches()` against one selector of every skipped element (the floor before) slower still. Text is joined with
 * `+=` (V8 ropes: no copy until the grammar reads it).
 */
import billsJson from '../assets/bills.json';
import { scanText } from '../src/annotate/scan';
import { BLOCK_TAGS, DEFAULT_SKIP } from '../src/annotate/text-index';
import type { BillRecord } from '../src/model';
import { understandPage } from '../src/pages';
import { billContext } from '../src/pages/context';
import { HANSARD_SELECTORS, HANSARD_SKIP } from '../src/pages/hansard-common';

const BILLS = (billsJson as { bills: BillRecord[] }).bills;

const SKIP_TAGS: ReadonlySet<string> = new Set(DEFAULT_SKIP.tags);
const SKIP_CLASS = new RegExp(
  `(?:^|\\s)(?:${[
    ...DEFAULT_SKIP.classes,
    ...HANSARD_SKIP.classes,
    ...DEFAULT_SKIP.classPrefixes.map((prefix) => `${prefix}\\S*`),
  ].join('|')})(?=\\s|$)`,
);
const SKIP_ROLES: ReadonlySet<string> = new Set(DEFAULT_SKIP.roles);

function skipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  // `className` is a string on HTML elements (SVG's is an object, but SVG is a skipped tag).
  const classes = (el as HTMLElement).className;
  if (classes && typeof classes === 'string' && SKIP_CLASS.test(classes)) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  for (const attribute of DEFAULT_SKIP.attributes) if (el.hasAttribute(attribute)) return true;
  return false;
}

const FLOOR_HIGHLIGHT = 'lga-floor';

/** The roots ours scans on this page (the adapter's sections, with their bill), found outside the timed work. */
export function sectionsOf(url: string): Array<{ root: Element; bill: string | null }> {
  return (
    understandPage(document, url, BILLS)?.sections.flatMap((s) =>
      s.roots.map((root) => ({ root, bill: s.context.bill })),
    ) ?? []
  );
}

/** The root elements ours scans, for mark.js. */
export function rootsOf(url: string): Element[] {
  return sectionsOf(url).map((s) => s.root);
}

/** One root's text nodes, in order, with where each starts in the root's text (block boundaries as newlines). */
function collect(root: Element): { nodes: Text[]; starts: number[]; text: string } {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    const type = node.nodeType;
    if (type === 3) {
      nodes.push(node as Text);
      starts.push(text.length);
      text += (node as Text).data;
    } else if (type === 1 && !skipped(node as Element)) {
      if (BLOCK_TAGS.has((node as Element).localName)) text += '\n';
      descend = node.firstChild !== null;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node !== root && !(node as Node).nextSibling) {
      node = (node as Node).parentNode as Node;
      if (node !== root && BLOCK_TAGS.has((node as Element).localName)) text += '\n';
    }
    if (node === root) break;
    node = (node as Node).nextSibling;
  }
  return { nodes, starts, text };
}

/** A section's bill as the adapter names it (`billContext`: the known bill its heading names, else the heading's title). */
function billOf(heading: Element): string | null {
  return billContext(heading.textContent, BILLS, { house: null, stage: null, stageLabel: null, date: null }).bill;
}

interface FloorSection {
  root: Element;
  bill: string | null;
}

/**
 * The whole job, timed by the bench: the roots (the tagged bill headings' sections: the cheapest way to the adapter's
 * roots on a Hansard day) and their bills, their text, the grammar, a Range per reference, drawn.
 */
export function floorScan(): { references: number; ranges: Range[]; sections: FloorSection[] } {
  const ranges: Range[] = [];
  const sections: FloorSection[] = [];
  let references = 0;
  for (const heading of document.querySelectorAll(HANSARD_SELECTORS.billHeading)) {
    const root = heading.parentElement as Element;
    const bill = billOf(heading);
    sections.push({ root, bill });
    const { nodes, starts, text } = collect(root);
    /** The text node holding `offset`, by binary search over the nodes' starts. */
    const at = (offset: number): number => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] as number) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    for (const ref of scanText(text, { bill })) {
      references++;
      const a = at(ref.start);
      const b = at(ref.end - 1);
      const range = document.createRange();
      range.setStart(nodes[a] as Text, Math.min(ref.start - (starts[a] as number), (nodes[a] as Text).length));
      range.setEnd(nodes[b] as Text, Math.min(ref.end - (starts[b] as number), (nodes[b] as Text).length));
      ranges.push(range);
    }
  }
  // Drawn, as the job is: the least drawing is one highlight of every range.
  CSS.highlights.set(FLOOR_HIGHLIGHT, new Highlight(...ranges));
  return { references, ranges, sections };
}

/**
 * Runs the floor once, timed, then checks (after the clock, so nothing of ours warms the page for it) that its sections
 * and their bills are the adapter's: a floor that scanned something else would not be the same job.
 */
export function timeFloor(url: string): { ms: number; references: number } {
  const t0 = performance.now();
  const { references, sections: used } = floorScan();
  const ms = performance.now() - t0;
  CSS.highlights.delete(FLOOR_HIGHLIGHT);
  const sections = sectionsOf(url);
  if (
    used.length !== sections.length ||
    used.some((section, i) => section.root !== sections[i]?.root || section.bill !== sections[i]?.bill)
  ) {
    throw new Error(`floor: its sections and bills are not the adapter's on ${url}`);
  }
  return { ms, references };
}

(globalThis as unknown as { __lgaFloor: unknown }).__lgaFloor = { rootsOf, timeFloor };
