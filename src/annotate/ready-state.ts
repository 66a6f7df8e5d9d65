/**
 * What the page shows of our state, for tests (test/e2e) and the benchmark, and how a new instance clears what an
 * earlier one left. What they can rely on:
 * - `document.documentElement.dataset.lgaPositions === 'ready'` once every section's highlights are drawn, with
 *   `data-lga-references` (highlighted marks), `data-lga-applies` (marks with a position that applies to this print),
 *   `data-lga-detected` (every reference the scanner found), `data-lga-mode` (`highlight-api` or `wrap`),
 *   `data-lga-busy-ms` (main-thread time of the run) and `data-lga-runs` (runs so far); `performance` marks
 *   `lga:start` and `lga:ready` for the bench.
 *   A page no adapter understands (or a site switched off) is left untouched: no attribute at all.
 * - The popover: `lga-positions-root` (also `[data-testid="lga-positions-root"]`) appended to `<html>`, with an open
 *   shadow root holding `[role="dialog"]` named `LGA position: Clause 7` (`[data-testid="lga-popover"]`); each
 *   position is `[data-testid="lga-position"]` (`data-applies="applies|other-print"`), the other-print warning is
 *   `[data-testid="lga-other-print"]`, the panel button `[data-testid="lga-read-briefing"]`.
 * - Highlights: `CSS.highlights.get('lga-support')` etc. (see highlight.ts); in wrap mode `lga-ref` elements.
 */
import { allHighlightNames, highlightApiOf, unwrap, WRAP_TAG } from './highlight';
import { LEGACY_TOPIC_HOST_TAG, POPOVER_HOST_TAG, TOPIC_HOST_TAG } from './late-content';

export interface ReadyState {
  /** Marks drawn (every detected one in mode `all`). */
  references: number;
  /** Marks with a position that applies to this print. */
  applies: number;
  /** Every reference the scanner found. */
  detected: number;
  /** Main-thread time of the run. */
  busyMs: number;
  /** Runs so far on this page (navigation and late content add runs): bounded however the page behaves. */
  runs: number;
}

const READY_KEYS = ['lgaPositions', 'lgaReferences', 'lgaApplies', 'lgaDetected', 'lgaMode', 'lgaBusyMs', 'lgaRuns'];

export function markStart(): void {
  performance.mark?.('lga:start');
}

/** Set as soon as a run can draw: what `removeLeftovers` looks for before searching for wrappers. */
export function markMode(doc: Document, mode: 'highlight-api' | 'wrap'): void {
  doc.documentElement.dataset.lgaMode = mode;
}

export function markReady(doc: Document, state: ReadyState): void {
  const data = doc.documentElement.dataset;
  data.lgaPositions = 'ready';
  data.lgaBusyMs = state.busyMs.toFixed(1);
  performance.mark?.('lga:ready');
  data.lgaReferences = String(state.references);
  data.lgaApplies = String(state.applies);
  data.lgaDetected = String(state.detected);
  data.lgaRuns = String(state.runs);
}

export function clearReady(doc: Document): void {
  const data = doc.documentElement.dataset;
  for (const key of READY_KEYS) delete data[key];
}

/**
 * What an earlier instance of this content script may have left: after an extension update Firefox injects the new
 * script while the old one's code can no longer run to clean up. Removes our popover hosts and topic markers, unwraps
 * fallback wrappers, unregisters our highlights and our attributes on `<html>`. Cheap when there is nothing (no search of the
 * whole document): hosts are only ever children of `<html>`, and wrappers and highlights exist only where an
 * instance set its attributes (`data-lga-mode` is set as soon as it can draw).
 */
export function removeLeftovers(doc: Document): void {
  for (const child of [...doc.documentElement.children]) if (child.localName === POPOVER_HOST_TAG) child.remove();
  const data = doc.documentElement.dataset;
  const keys = Object.keys(data).filter((key) => key.startsWith('lga'));
  if (!keys.length) return;
  unwrap(doc.querySelectorAll(WRAP_TAG));
  // Topic markers sit inside the paragraphs they mark (and, before that, in one host on <html>).
  for (const host of doc.querySelectorAll(`${TOPIC_HOST_TAG}, ${LEGACY_TOPIC_HOST_TAG}`)) host.remove();
  const api = doc.defaultView ? highlightApiOf(doc.defaultView as Window & typeof globalThis) : null;
  if (api) for (const name of allHighlightNames()) api.registry.delete(name);
  for (const key of keys) delete data[key];
}
