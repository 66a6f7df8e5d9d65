/**
 * One page section's references and what the LGA says of them: the section scanned in idle slices (section-scanner.ts,
 * slices.ts), then its references looked up in one batched request (lookup.ts). Its own part so the run lifecycle
 * (controller.ts) only turns what a section holds into marks, and so a run superseded at either step stops there.
 */
import type { ReferenceMatch } from '../model';
import type { PageSection } from '../pages/types';
import { lookupReferences, type Send } from './lookup';
import { createSectionScanner, type ScannedRoot } from './section-scanner';
import { runInSlices } from './slices';

export interface SectionLookup {
  /** Each root's text index and the references in its text. */
  roots: readonly ScannedRoot[];
  /** What the LGA says of them, by `referenceKey`. */
  matches: Map<string, ReferenceMatch>;
}

export interface SectionLookupRun {
  /** False once a newer run started: no further slice or lookup batch runs, and the result is null. */
  isCurrent(): boolean;
  /** Main-thread time of each slice (the run's busy time). */
  onBusy(ms: number): void;
  log(message: string, error?: unknown): void;
}

export async function lookUpSection(
  win: Window,
  section: PageSection,
  send: Send,
  run: SectionLookupRun,
): Promise<SectionLookup | null> {
  const scanner = createSectionScanner(section, { onError: run.log });
  if (!(await runInSlices(win, scanner.step, { isCurrent: run.isCurrent, onBusy: run.onBusy }))) return null;
  const roots = scanner.roots;
  const found = roots.flatMap((root) => root.refs);
  const matches = await lookupReferences(send, section.context, found, run.log, run.isCurrent);
  return run.isCurrent() ? { roots, matches } : null;
}
