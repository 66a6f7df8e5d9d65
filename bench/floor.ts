/**
 * The floor: the least code that does the content script's job on a page section, for the highlighting benchmark to
 * measure ours against. Same roots (the page adapter's), same grammar (`scanText`), same skipped elements, a Range
 * per reference; none of the rest (no slices, no normalisation of quotes and spaces, no marks, no lookup, no drawing).
 * Bundled with esbuild and run in the page by bench/highlight.ts.
 */
import billsJson from '../assets/bills.json';
import { scanText } from '../src/annotate/scan';
import { BLOCK_TAGS, DEFAULT_SKIP } from '../src/annotate/text-index';
import type { BillRecord } from '../src/model';
import { understandPage } from '../src/pages';
import { HANSARD_SKIP } from '../src/pages/hansard-common';

const BILLS = (billsJson as { bills: BillRecord[] }).bills;

/** The elements ours skips, as one selector. */
export const SKIP_SELECTOR = [
  ...DEFAULT_SKIP.tags,
  ...[...DEFAULT_SKIP.classes, ...HANSARD_SKIP.classes].map((c) => `.${c}`),
  ...DEFAULT_SKIP.classPrefixes.map((p) => `[class^="${p}"], [class*=" ${p}"]`),
  ...DEFAULT_SKIP.roles.map((r) => `[role="${r}"]`),
  ...DEFAULT_SKIP.attributes.map((a) => `[${a}]`),
].join(', ');

/** The roots ours scans on this page (the adapter's sections), found outside the timed work. */
export function rootsOf(url: string): Element[] {
  return understandPage(document, url, BILLS)?.sections.flatMap((s) => s.roots) ?? [];
}

/** The job, at its simplest: each root's text (block boundaries as newlines), the grammar over it, a Range each. */
export function floorScan(roots: readonly Element[]): { references: number; ranges: Range[] } {
  const ranges: Range[] = [];
  let references = 0;
  for (const root of roots) {
    const nodes: Text[] = [];
    const starts: number[] = [];
    const parts: string[] = [];
    let length = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.nodeType === 1 && (node as Element).matches(SKIP_SELECTOR)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 1) {
        if (BLOCK_TAGS.has((node as Element).localName)) {
          parts.push('\n');
          length++;
        }
        continue;
      }
      const data = (node as Text).data;
      nodes.push(node as Text);
      starts.push(length);
      parts.push(data);
      length += data.length;
    }
    const text = parts.join('');
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
    for (const ref of scanText(text)) {
      references++;
      const a = at(ref.start);
      const b = at(ref.end - 1);
      const range = document.createRange();
      range.setStart(nodes[a] as Text, Math.min(ref.start - (starts[a] as number), (nodes[a] as Text).length));
      range.setEnd(nodes[b] as Text, Math.min(ref.end - (starts[b] as number), (nodes[b] as Text).length));
      ranges.push(range);
    }
  }
  return { references, ranges };
}

(globalThis as unknown as { __lgaFloor: unknown }).__lgaFloor = { rootsOf, floorScan, SKIP_SELECTOR };
