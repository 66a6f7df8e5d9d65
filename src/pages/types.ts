/**
 * What a page adapter gives: per section of a page, what it is about (bill, house, stage, date) and the text roots
 * to scan. A page can hold several debates (a Hansard whole-day page), so context is per section.
 */
import type { BillRecord, PageContext } from '../model';

/** What the DOM text index leaves out, as data: a markup change is a one-line fix (src/annotate/text-index.ts). */
export interface SkipList {
  /** Lower-case tag names whose whole subtree is skipped. */
  tags: readonly string[];
  /** Class names whose element (and subtree) is skipped. */
  classes: readonly string[];
  /** Class name prefixes (`column-number` also skips `column-number-range`). */
  classPrefixes: readonly string[];
  /** ARIA roles whose subtree is skipped. */
  roles: readonly string[];
  /** Attributes whose presence skips the subtree (`hidden`, `aria-hidden` is NOT here: icons only). */
  attributes: readonly string[];
}

export interface PageSection {
  context: PageContext;
  /** The elements whose text belongs to this section (scanned in order). */
  roots: Element[];
  /** Printed line numbers are glued to words (`1 5Corporate parenting principles`): strip them before matching. */
  printedLineNumbers?: boolean;
  /** The adapter's own additions to the text index's skip list. */
  skip?: Partial<SkipList>;
}

export interface PageUnderstanding {
  /** The adapter's id. */
  adapter: string;
  sections: PageSection[];
}

export interface PageAdapter {
  /** Stable id, e.g. `hansard-debate`. */
  id: string;
  /** The hosts whose pages it reads: the content script runs there and the options page lists them. */
  hosts: readonly string[];
  /**
   * The adapter's claim on a URL: null when the URL is not a page of this kind, else how to read the page, with what
   * the URL says already read (once per page: claiming and reading used to parse it twice).
   */
  claim(url: string): PageReader | null;
}

/** Reads a claimed page; null when it holds nothing to annotate (e.g. a debate not about a bill). */
export type PageReader = (doc: Document, bills: readonly BillRecord[]) => PageUnderstanding | null;
