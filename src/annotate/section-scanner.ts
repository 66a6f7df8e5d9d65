/**
 * The one scanner over a page section: the text index of each root, then the references in its text (scan.ts). The
 * CLI drives it to the end in one go (`scanSection`); the content script drives it in idle slices (`step` with a
 * deadline), so the e2e parity test, which compares the two, guards one path.
 */
import type { PageSection } from '../pages/types';
import { blockChunks } from './marks';
import { scanText, type TextReference } from './scan';
import { clock } from './slices';
import { createTextIndexBuilder, type TextIndex, type TextIndexBuilder } from './text-index';

/** Nodes the text index visits between clock checks (about 0.1 ms of work: a slice is 8). */
const NODES_PER_CHECK = 400;
/**
 * Text scanned in one call. The grammar reads about 40 characters per microsecond (a 424,000-character Hansard day in
 * 10-16 ms), so a whole root is one call; only longer texts are cut, at block boundaries (an implicit `the clause`
 * right after a cut loses its heading).
 */
const CHARS_PER_CHUNK = 250_000;

/** One root of a section, scanned: its text index and the references in its text (offsets into `index.text`). */
export interface ScannedRoot {
  /** Index of the root in `section.roots`. */
  root: number;
  index: TextIndex;
  refs: TextReference[];
}

export interface SectionScanner {
  /** Works until `deadline` (a `clock()` time; `Infinity` to finish now); true once the whole section is scanned. */
  step(deadline: number): boolean;
  /** The roots scanned so far, in order (all of them once `step` returned true). */
  readonly roots: readonly ScannedRoot[];
}

export interface SectionScannerOptions {
  /** A chunk the grammar failed on is reported and skipped; the rest of the section is still scanned. */
  onError?(message: string, error: unknown): void;
}

/** What is being worked on: a root's index being built, then its text being scanned chunk by chunk. */
type Work =
  | { phase: 'index'; root: number; builder: TextIndexBuilder }
  | {
      phase: 'scan';
      root: number;
      index: TextIndex;
      chunks: Array<[number, number]>;
      next: number;
      refs: TextReference[];
    };

export function createSectionScanner(section: PageSection, options: SectionScannerOptions = {}): SectionScanner {
  const roots: ScannedRoot[] = [];
  let nextRoot = 0;
  let work: Work | null = null;

  /** The next connected root's index builder, or null when every root is done. */
  function startRoot(): Work | null {
    while (nextRoot < section.roots.length) {
      const root = section.roots[nextRoot++] as Element;
      if (!root.isConnected) continue;
      const builder = createTextIndexBuilder(root, { extraSkip: section.skip });
      return { phase: 'index', root: nextRoot - 1, builder };
    }
    return null;
  }

  function startScan(root: number, index: TextIndex): Work {
    return { phase: 'scan', root, index, chunks: blockChunks(index.text, CHARS_PER_CHUNK), next: 0, refs: [] };
  }

  function scanChunk(w: Extract<Work, { phase: 'scan' }>): void {
    const [start, end] = w.chunks[w.next++] as [number, number];
    try {
      const found = scanText(w.index.text.slice(start, end), {
        printedLineNumbers: section.printedLineNumbers,
        bill: section.context.bill,
      });
      for (const ref of found) {
        if (start === 0) w.refs.push(ref);
        else
          w.refs.push({
            ...ref,
            start: ref.start + start,
            end: ref.end + start,
            numberStart: ref.numberStart === undefined ? undefined : ref.numberStart + start,
            numberEnd: ref.numberEnd === undefined ? undefined : ref.numberEnd + start,
          });
      }
    } catch (error) {
      options.onError?.('reference scan failed', error);
    }
  }

  /** Does one unit of work (a batch of nodes, or one chunk of text); false when nothing is left. */
  function advance(): boolean {
    work ??= startRoot();
    if (!work) return false;
    if (work.phase === 'index') {
      if (work.builder.step(NODES_PER_CHECK)) work = startScan(work.root, work.builder.result());
      return true;
    }
    if (work.next < work.chunks.length) {
      scanChunk(work);
      return true;
    }
    roots.push({ root: work.root, index: work.index, refs: work.refs });
    work = null;
    return true;
  }

  /** At least one unit of work per call, however late, so a driver always makes progress. */
  function step(deadline: number): boolean {
    do {
      if (!advance()) return true;
    } while (clock() < deadline);
    return false;
  }

  return { step, roots };
}

/** A reference found by `scanSection`: where it is (section, root) and its DOM range on demand. */
export interface ScannedReference extends TextReference {
  /** Index of the page section the reference was found in. */
  section: number;
  /** Index of the root (in `section.roots`) whose text `start`/`end` are offsets into. */
  root: number;
  /** The DOM range of the reference's text, computed on demand. */
  range(): Range;
}

/** The references in one page section, scanned at once (the CLI, tests): the content script's scanner, run to the end. */
export function scanSection(section: PageSection, sectionIndex = 0): ScannedReference[] {
  const scanner = createSectionScanner(section);
  scanner.step(Number.POSITIVE_INFINITY);
  return scanner.roots.flatMap(({ root, index, refs }) =>
    refs.map((ref) => ({ ...ref, section: sectionIndex, root, range: () => index.toRange(ref.start, ref.end) })),
  );
}

/** Sections whose roots are on screen first; the rest in page order. */
export function viewportFirst<T extends { roots: Element[] }>(sections: readonly T[], viewportHeight: number): T[] {
  // One section (most pages) has no order to choose: no layout is read for it.
  if (sections.length < 2) return [...sections];
  const visible = (s: T) =>
    s.roots.some((root) => {
      const r = root.getBoundingClientRect();
      return r.bottom >= 0 && r.top <= viewportHeight;
    });
  return [...sections.filter(visible), ...sections.filter((s) => !visible(s))];
}
