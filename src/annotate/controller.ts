/**
 * The content script's work on a parliament page, as one run lifecycle: understand the page (src/pages), scan each
 * section in idle slices (section-scanner.ts, slices.ts), ask the background once per section (lookup.ts), draw the
 * highlights (highlight.ts), answer the reader (page-input.ts, popover-driver.ts) and the side panel; run again on
 * late content (late-content.ts), navigation and settings; tear down cleanly when the extension goes away.
 *
 * What tests (test/e2e) can rely on:
 * - `document.documentElement.dataset.lgaPositions === 'ready'` once every section's highlights are drawn, with
 *   `data-lga-references` (highlighted marks), `data-lga-applies` (marks with a position that applies to this print),
 *   `data-lga-detected` (every reference the scanner found), `data-lga-mode` (`highlight-api` or `wrap`),
 *   `data-lga-busy-ms` (main-thread time of the run) and `data-lga-runs` (runs so far); `performance` marks
 *   `lga:start` and `lga:ready` for the bench (ready-state.ts).
 *   A page no adapter understands (or a site switched off) is left untouched: no attribute at all.
 * - The popover: `lga-positions-root` (also `[data-testid="lga-positions-root"]`) appended to `<html>`, with an open
 *   shadow root holding `[role="dialog"]` named `LGA position: Clause 7` (`[data-testid="lga-popover"]`); each
 *   position is `[data-testid="lga-position"]` (`data-applies="applies|other-print"`), the other-print warning is
 *   `[data-testid="lga-other-print"]`, the panel button `[data-testid="lga-read-briefing"]`.
 * - Highlights: `CSS.highlights.get('lga-support')` etc. (see highlight.ts); in wrap mode `lga-ref` elements.
 *
 * Extension point: `deps.afterSection` is called once per section, after its highlights are drawn, with the section
 * (context, roots) and its scanned roots (each root's text index: `text`, `toRange`); work it starts belongs to the
 * run (`isCurrent()` turns false when the page is rescanned, and `onReset` is called then): e.g. a second batched
 * message with the section's paragraphs, and marks of its own.
 */
import type { BackgroundRequest, PageSummary, Reply, ResponseFor, TabRequest } from '../messaging';
import type { BillRecord, PageContext } from '../model';
import type { PageSection, PageUnderstanding } from '../pages/types';
import type { Settings } from '../settings-defaults';
import { type ColourScheme, compareRanges, createHighlighter, type Highlighter, highlightModeOf } from './highlight';
import { createHitIndex, type HitIndex } from './hit-test';
import { createLateContentObserver } from './late-content';
import { lookupReferences } from './lookup';
import { type Mark, marksOf } from './marks';
import { createNavigationGate } from './navigation';
import { createListeners, type PageInput, wirePageInput } from './page-input';
import type { PopoverDriver, PopoverDriverDeps } from './popover-driver';
import { clearReady, markMode, markReady, markStart, removeLeftovers } from './ready-state';
import { createSectionScanner, type ScannedRoot, viewportFirst } from './section-scanner';
import { settingsChange } from './settings-reader';
import { clock, nextIdle, runInSlices, timed } from './slices';
import { summariseMarks } from './summary';

export type { Mark } from './marks';
export { NAVIGATION_MIN_INTERVAL_MS } from './navigation';
export { removeLeftovers } from './ready-state';

/** How many times late content may make us look again at a page no adapter understood. */
const MAX_LATE_RETRIES = 3;

export interface ControllerDeps {
  doc: Document;
  /** The page's URL now (SPA navigation changes it). */
  url(): string;
  send<R extends BackgroundRequest>(request: R): Promise<Reply<ResponseFor<R>> | undefined>;
  getSettings(): Promise<Settings>;
  /** Listens for settings changes; returns its remover. Started at the first idle moment, as the listeners below. */
  watchSettings?(callback: (settings: Settings) => void): () => void;
  understand(doc: Document, url: string, bills: readonly BillRecord[]): PageUnderstanding | null;
  /** The popover (content-script UI): made when a page first has something to show. */
  popover: {
    /**
     * The driver of hover, clicks, stepping and keys over the run's marks, which makes the popover it opens
     * (`createPopoverDriver`, or one loaded on first need: popover-loader.ts `lazyPopoverDriver`).
     */
    driver(deps: PopoverDriverDeps): PopoverDriver;
    /** The page's colour scheme now. */
    scheme(doc: Document): ColourScheme;
  };
  /** Registers the listener for side panel / background requests; returns its remover. */
  onTabRequest?(handler: (request: TabRequest) => unknown): () => void;
  /** Calls back on SPA navigation (WXT's `wxt:locationchange`; the page can fake it: rate-limited here). */
  onLocationChange?(callback: () => void): void;
  /** What else the content script listens for (more listeners), started with the ones above; returns its stopper. */
  alsoListen?(): () => void;
  /** Called with the teardown function (the extension itself going away). */
  onInvalidated?(callback: () => void): void;
  /**
   * False once the extension is gone (updated, reloaded or removed) while the page stays open. Checked on input, so
   * an orphaned content script notices as soon as the reader moves and tears down.
   */
  isAlive?(): boolean;
  /**
   * True when an input event is the reader's own (default: the browser says so, `event.isTrusted`). A page's scripts
   * can dispatch keys, clicks and pointer moves; those must not step, open or pin anything. Unit tests, whose events
   * are all synthetic, stand in for the reader here.
   */
  isReaderInput?(event: Event): boolean;
  /** Errors are reported, never thrown into the page. */
  log?(message: string, error?: unknown): void;
  /** More work per section (see the top of this file). Its errors are logged; it never holds up the next section. */
  afterSection?(section: PageSection, scanned: readonly ScannedRoot[], isCurrent: () => boolean): void;
  /** The run is dropped (rescan, teardown): undo what `afterSection` added to the page. */
  onReset?(): void;
}

export interface Controller {
  start(): Promise<void>;
  /** Drops everything and runs again (navigation, late content, settings). */
  refresh(): Promise<void>;
  handleTabRequest(request: TabRequest): unknown;
  focusMark(index: number, focus?: boolean): boolean;
  step(direction: 1 | -1): boolean;
  teardown(): void;
  readonly marks: readonly Mark[];
  readonly summary: PageSummary | null;
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function createController(deps: ControllerDeps): Controller {
  const { doc } = deps;
  const win = doc.defaultView as Window & typeof globalThis;
  const log = deps.log ?? (() => {});

  // The current run: everything below is dropped by `reset` and rebuilt by `annotatePage`.
  let run = 0;
  let runs = 0;
  let settings: Settings | null = null;
  let highlighter: Highlighter | null = null;
  let hit: HitIndex | null = null;
  let marks: Mark[] = [];
  let detected = 0;
  let sections: PageContext[] = [];
  /** The elements scanned by the last run: later mutations matter only inside (or around) them. */
  let scannedRoots: Element[] = [];
  /** Main-thread time spent by this run (slices and the synchronous steps between them), for the benchmark. */
  let busyMs = 0;
  const addBusy = (ms: number) => {
    busyMs += ms;
  };

  // Across runs.
  /** Retries for a page the adapters did not (yet) understand: late content may still bring the debate. */
  let lateRetries = 0;
  let torn = false;
  let input: PageInput | null = null;
  const listeners = createListeners(deps.isAlive, () => teardown(), deps.isReaderInput);
  const popover = deps.popover.driver({
    doc,
    marks: () => marks,
    drawnMarks: () => marks.filter(isShown),
    hit: () => hit,
    highlighter: () => highlighter,
    hoverDelayMs: () => settings?.hoverDelayMs ?? 250,
    scheme: () => deps.popover.scheme(doc),
    send: (request) => deps.send(request),
    log,
  });
  const lateContent = createLateContentObserver({
    win,
    target: () => doc.body ?? doc.documentElement,
    isRelevant: (node) =>
      !scannedRoots.length || scannedRoots.some((root) => root.contains(node) || node.contains(root)),
    onPageChange: () => hit?.invalidate(),
    onTextChange: () => void refresh(),
  });

  function isShown(m: Mark): boolean {
    return m.matches.length > 0 || settings?.highlightMode === 'all';
  }

  function redraw(): void {
    if (!settings) return;
    const shown = marks.filter(isShown);
    if (!highlighter) {
      // Made for the first mark to show: the highlighter reads the page's colour scheme (styles computed) and the
      // reader's input is listened to only then; most pages show none (no LGA position on their bill).
      if (!shown.length) return;
      highlighter = createHighlighter(doc, { style: settings.highlightStyle, scheme: deps.popover.scheme(doc) });
      wireInput();
    }
    lateContent.pause();
    const drawn = highlighter.draw(shown);
    // In wrap mode ranges are re-made around our wrappers.
    const byIndex = new Map(drawn.map((e) => [e.index, e.range]));
    for (const m of marks) {
      const range = byIndex.get(m.index);
      if (range) m.range = range;
    }
    hit = createHitIndex(
      doc,
      marks.filter((m) => byIndex.has(m.index)),
    );
    lateContent.watch();
  }

  function wireInput(): void {
    if (input) return;
    input = wirePageInput(doc, listeners, {
      ...popover,
      schemeChanged() {
        popover.schemeChanged();
        if (settings) highlighter?.restyle(settings.highlightStyle, deps.popover.scheme(doc));
      },
    });
  }

  function reset(): void {
    run++;
    popover.reset();
    highlighter?.clear();
    highlighter = null;
    marks = [];
    sections = [];
    scannedRoots = [];
    detected = 0;
    busyMs = 0;
    hit = null;
    clearReady(doc);
    try {
      deps.onReset?.();
    } catch (error) {
      log('onReset failed', error);
    }
  }

  /** Scan one section in idle slices, look its references up, draw its marks. False when the run was superseded. */
  async function annotateSection(section: PageSection, sectionIndex: number, token: number): Promise<boolean> {
    const isCurrent = () => token === run;
    const scanner = createSectionScanner(section, { onError: log });
    if (!(await runInSlices(win, scanner.step, { isCurrent, onBusy: addBusy }))) return false;
    const roots: readonly ScannedRoot[] = scanner.roots;
    for (const root of roots) detected += root.refs.length;
    const matches = await lookupReferences(
      deps.send,
      section.context,
      roots.flatMap((root) => root.refs),
      log,
      isCurrent,
    );
    if (!isCurrent()) return false;
    timed(addBusy, () => {
      for (const { index, refs } of roots) {
        marks.push(...marksOf(refs, matches, index.toRange, sectionIndex, marks.length));
      }
      redraw();
      // The first section with positions readies the popover, before `afterSection` sends more work to the background.
      if (marks.some((m) => m.matches.length > 0)) popover.prepare();
    });
    try {
      deps.afterSection?.(section, roots, isCurrent);
    } catch (error) {
      log('afterSection failed', error);
    }
    return true;
  }

  async function annotatePage(): Promise<void> {
    const token = ++run;
    runs++;
    settings = await deps.getSettings();
    if (token !== run) return;
    const url = deps.url();
    if (settings.disabledSites.includes(hostnameOf(url))) return;
    const billsReply = await deps.send({ type: 'bills' });
    if (token !== run) return;
    const bills = billsReply?.ok ? billsReply.data : [];
    const t0 = clock();
    let understanding: PageUnderstanding | null = null;
    try {
      understanding = deps.understand(doc, url, bills);
    } catch (error) {
      log('page adapter failed', error);
    }
    if (!understanding?.sections.length) {
      // Nothing to annotate (yet): watch a little while for late content, without touching the page.
      if (lateRetries++ < MAX_LATE_RETRIES) lateContent.watch();
      else lateContent.stop();
      return;
    }
    scannedRoots = understanding.sections.flatMap((section) => section.roots);
    sections = understanding.sections.map((s) => s.context);
    markMode(doc, highlightModeOf(win));
    lateContent.watch();
    const order = viewportFirst(
      understanding.sections.map((s, i) => ({ ...s, i })),
      win.innerHeight,
    );
    busyMs += clock() - t0;
    // The first slice waits for the next idle moment: reading the page (above) and its first slice in one task made
    // the run's longest task (about 16 ms, a third of it compiling code run for the first time).
    await nextIdle(win);
    if (token !== run) return;
    for (const section of order) {
      if (!(await annotateSection(section, section.i, token))) return;
    }
    if (token !== run) return;
    timed(addBusy, () => {
      // Page order for stepping and the side panel (viewport-first scanning drew them out of order). A popover opened
      // while later sections were scanning would point at a renumbered mark: close it first.
      if (order.some((section, k) => section.i !== k)) {
        popover.close();
        marks.sort((a, b) => compareRanges(a.range, b.range));
        marks.forEach((m, i) => {
          m.index = i;
        });
        redraw();
      }
    });
    const withPositions = marks.filter((m) => m.matches.length > 0);
    markReady(doc, {
      references: settings.highlightMode === 'all' ? marks.length : withPositions.length,
      applies: withPositions.filter((m) => m.applies).length,
      detected,
      busyMs,
      runs,
    });
    void deps
      .send({ type: 'pageSummary', applies: marks.filter((m) => m.applies).length, total: withPositions.length })
      .catch(() => {});
  }

  /** The run in progress (or the last one): the side panel's page summary waits for it. */
  let running: Promise<void> = Promise.resolve();

  async function refresh(): Promise<void> {
    if (torn) return;
    reset();
    running = annotatePage().catch((error) => log('annotating the page failed', error));
    await running;
  }

  /** The summary once the page's highlights are drawn (a panel asking mid-scan would see no references). */
  async function settledSummary(): Promise<PageSummary | null> {
    let seen: Promise<void> | null = null;
    while (seen !== running) {
      seen = running;
      await seen;
    }
    return controller.summary;
  }

  const navigation = createNavigationGate(win, deps.url, () => {
    lateRetries = 0;
    void refresh();
  });

  function handleTabRequest(request: TabRequest): unknown {
    switch (request.type) {
      case 'pageSummary':
        return settledSummary();
      case 'focusReference':
        return popover.focusMark(request.index, true);
      case 'focusStep':
        return popover.step(request.direction);
      default:
        return null;
    }
  }

  function teardown(): void {
    if (torn) return;
    reset();
    torn = true;
    lateContent.stop();
    navigation.stop();
    input?.dispose();
    listeners.removeAll();
    popover.destroy();
  }

  function startListening(): void {
    if (deps.onTabRequest) listeners.add(deps.onTabRequest(handleTabRequest));
    if (deps.watchSettings) {
      listeners.add(
        deps.watchSettings((next) => {
          const change = settingsChange(settings, next);
          settings = next;
          if (change === 'rerun') {
            void refresh();
            return;
          }
          popover.setHoverDelay(next.hoverDelayMs);
          highlighter?.restyle(next.highlightStyle, deps.popover.scheme(doc));
        }),
      );
    }
    if (deps.onLocationChange) {
      deps.onLocationChange(navigation.navigated);
      navigation.navigated();
    }
    if (deps.alsoListen) listeners.add(deps.alsoListen());
  }

  const controller: Controller = {
    get marks() {
      return marks;
    },
    get summary(): PageSummary | null {
      if (!sections.length) return null;
      return { url: deps.url(), sections, references: summariseMarks(marks, sections) };
    },
    async start() {
      markStart();
      navigation.ranFor(deps.url());
      deps.onInvalidated?.(teardown);
      // The first run starts at an idle moment, as its slices run: the script's own start-up stays short (the page's
      // first paint and input come first). The listeners start then too (the run reads the settings itself; the side
      // panel asks again until a page answers; a navigation meanwhile is caught up with), and what an earlier instance
      // left is cleared, before the run.
      const first = nextIdle(win).then(() => {
        if (torn) return;
        // A listener that cannot start (the extension going away meanwhile) costs that listener, not the page's run.
        try {
          startListening();
        } catch (error) {
          log('could not start listening', error);
        }
        try {
          removeLeftovers(doc);
        } catch (error) {
          log('could not remove an earlier instance', error);
        }
        return refresh();
      });
      // The side panel's summary waits for it as for any run.
      running = first;
      await first;
    },
    refresh,
    handleTabRequest,
    focusMark: (index, focus) => popover.focusMark(index, focus),
    step: (direction) => popover.step(direction),
    teardown,
  };
  return controller;
}
