/**
 * What a page adapter gives: per section of a page, what it is about (bill, house, stage, date) and the text roots
 * to scan. A page can hold several debates (a Hansard whole-day page), so context is per section.
 */
import type { SkipList } from '../annotate/text-index';
import type { BillRecord, PageContext } from '../model';

export interface PageSection {
  context: PageContext;
  /** The elements whose text belongs to this section (scanned in order). */
  roots: Element[];
  /** Headings inside the roots that set an implicit clause (`Clause 7` above `That the clause stand part`). */
  clauseHeadings: Element[];
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
  /** Pages this adapter claims, as real URLs: tested against every adapter (none may claim another's). */
  examples: readonly string[];
  /** True when the URL is a page of this kind. */
  matches(url: string): boolean;
  /** Read the page; null when the page holds nothing to annotate (e.g. a debate not about a bill). */
  understand(doc: Document, url: string, bills: readonly BillRecord[]): PageUnderstanding | null;
}
