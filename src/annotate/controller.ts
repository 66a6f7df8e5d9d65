/**
 * The content script's work on a parliament page, as one run lifecycle: understand the page (src/pages), scan each
 * section in idle slices (section-scanner.ts, slices.ts), ask the background once per section (lookup.ts), draw the
 * marks (drawing.ts), answer the reader (page-input.ts, popover-driver.ts) and the side panel (tab-requests.ts); run
 * again on late content (late-content.ts), navigation and settings; tear down cleanly when the extension goes away.
 * What tests and the benchmark can rely on seeing in the page is listed in ready-state.ts.
 *
 * Extension point: `deps.afterSection` is called once per section, after its highlights are drawn, with the section
 * (context, roots) and its scanned roots (each root's text index: `text`, `toRange`); work it starts belongs to the
 * run (`isCurrent()` turns false when the page is rescanned, and `onReset` is called then): e.g. a second batched
 * message with the section's paragraphs, and marks of its own.
 */
import type { BackgroundRequest, PageSummary, Reply, ResponseFor, TabRequest } from '../messaging';
import type { BillRecord, PageContext } from '../model';
import type { PageSection, PageUnderstanding } from '../pages/types';
import { DEFAULT_SETTINGS, type Settings } from '../settings-defaults';
import { createDrawing } from './drawing';
import { type ColourScheme, compareRanges, highlightModeOf } from './highlight';
import { createLateContentObserver } from './late-content';
import { type Mark, marksOf } from './marks';
import { createNavigationGate } from './navigation';
import { createListeners } from './page-input';
import { createPageSettings, switchedOffAt } from './page-settings';
import type { PopoverDriver, PopoverDriverDeps } from './popover-driver';
import { clearReady, markMode, markReady, removeLeftovers } from './ready-state';
import { lookUpSection } from './section-lookup';
import { type ScannedRoot, viewportFirst } from './section-scanner';
import { clock, nextIdle, timed } from './slices';
import { countMarks, mentionedProvisions, summariseMarks } from './summary';
import { createTabRequestAnswers } from './tab-requests';

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
  /**
   * Calls back on navigation within the page (navigation.ts `watchLocation`; the page can fire it too: the gate bounds
   * the reruns); returns its remover.
   */
  onLocationChange?(callback: () => void): () => void;
  /** What else the content script listens for (more listeners), started with the ones above; returns its stopper. */
  alsoListen?(): () => void;
  /** Called with the teardown function (the extension itself going away: lifetime.ts). */
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
  /**
   * Starts listening and the first run when `begin` resolves: by default the next idle moment, so that the script's own
   * start-up stays short (the page's first paint and input come first); a caller already in one passes it resolved.
   */
  start(begin?: Promise<void>): Promise<void>;
  /** Drops everything and runs again (navigation, late content, settings). */
  refresh(): Promise<void>;
  handleTabRequest(request: TabRequest): unknown;
  focusMark(index: number, focus?: boolean): boolean;
  step(direction: 1 | -1): boolean;
  teardown(): void;
  readonly marks: readonly Mark[];
  readonly summary: PageSummary | null;
}

export function createController(deps: ControllerDeps): Controller {
  const { doc } = deps;
  const win = doc.defaultView as Window & typeof globalThis;
  const log = deps.log ?? (() => {});

  // The current run: everything below is dropped by `reset` and rebuilt by `annotatePage`.
  let run = 0;
  let runs = 0;
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
  const scheme = () => deps.popover.scheme(doc);
  const settings = createPageSettings(deps.getSettings, {
    rerun: () => void refresh(),
    restyle(next) {
      popover.setHoverDelay(next.hoverDelayMs);
      drawing.restyle();
    },
  });
  const listeners = createListeners(deps.isAlive, () => teardown(), deps.isReaderInput);
  const popover = deps.popover.driver({
    doc,
    marks: () => marks,
    drawnMarks: () => drawing.shown(marks),
    hit: () => drawing.hit,
    highlighter: () => drawing.highlighter,
    hoverDelayMs: () => settings.now?.hoverDelayMs ?? DEFAULT_SETTINGS.hoverDelayMs,
    scheme,
    send: (request) => deps.send(request),
    log,
  });
  const lateContent = createLateContentObserver({
    win,
    target: () => doc.body ?? doc.documentElement,
    isRelevant: (node) =>
      !scannedRoots.length || scannedRoots.some((root) => root.contains(node) || node.contains(root)),
    onPageChange: () => drawing.hit?.invalidate(),
    onTextChange: () => void refresh(),
  });
  const drawing = createDrawing({ doc, listeners, input: popover, settings: () => settings.now, scheme, lateContent });
  const tabRequests = createTabRequestAnswers(() => controller.summary, popover);

  function reset(): void {
    run++;
    popover.reset();
    drawing.clear();
    marks = [];
    sections = [];
    scannedRoots = [];
    detected = 0;
    busyMs = 0;
    clearReady(doc);
    reportErrors('onReset failed', () => deps.onReset?.());
  }

  /** Errors are reported, never thrown into the page (nor into the run: it goes on without that step's result). */
  function reportErrors<T>(what: string, work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      log(what, error);
      return undefined;
    }
  }

  /** Scan one section in idle slices, look its references up, draw its marks. False when the run was superseded. */
  async function annotateSection(section: PageSection, sectionIndex: number, token: number): Promise<boolean> {
    const isCurrent = () => token === run;
    const found = await lookUpSection(win, section, deps.send, { isCurrent, onBusy: addBusy, log });
    if (!found) return false;
    const { roots, matches } = found;
    for (const root of roots) detected += root.refs.length;
    timed(addBusy, () => {
      for (const { index, refs } of roots)
        marks.push(...marksOf(refs, matches, index.toRange, sectionIndex, marks.length));
      drawing.draw(marks);
      // The first section with positions readies the popover, before `afterSection` sends more work to the background.
      if (marks.some((m) => m.matches.length > 0)) popover.prepare();
    });
    reportErrors('afterSection failed', () => deps.afterSection?.(section, roots, isCurrent));
    return true;
  }

  async function annotatePage(): Promise<void> {
    const token = ++run;
    runs++;
    const now = await settings.read();
    if (token !== run) return;
    const url = deps.url();
    if (switchedOffAt(now, url)) return;
    const billsReply = await deps.send({ type: 'bills' });
    if (token !== run) return;
    const bills = billsReply?.ok ? billsReply.data : [];
    const t0 = clock();
    const understanding = reportErrors('page adapter failed', () => deps.understand(doc, url, bills));
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
        for (const [i, m] of marks.entries()) m.index = i;
        drawing.draw(marks);
      }
    });
    const counts = countMarks(marks, now.highlightMode);
    markReady(doc, { references: counts.shown, applies: counts.applies, detected, busyMs, runs });
    void deps.send({ type: 'pageSummary', applies: counts.applies, total: counts.withPositions }).catch(() => {});
  }

  async function refresh(): Promise<void> {
    if (torn) return;
    reset();
    await tabRequests.runStarted(annotatePage().catch((error) => log('annotating the page failed', error)));
  }

  const navigation = createNavigationGate(win, deps.url, () => {
    lateRetries = 0;
    void refresh();
  });

  function teardown(): void {
    if (torn) return;
    // First: a step below that fails (the extension's context gone) must not leave a run able to start listening.
    torn = true;
    reset();
    lateContent.stop();
    navigation.stop();
    drawing.dispose();
    listeners.removeAll();
    popover.destroy();
  }

  function startListening(): void {
    if (deps.onTabRequest) listeners.add(deps.onTabRequest(tabRequests.answer));
    if (deps.watchSettings) listeners.add(deps.watchSettings(settings.changed));
    if (deps.onLocationChange) {
      listeners.add(deps.onLocationChange(navigation.navigated));
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
      return {
        url: deps.url(),
        sections,
        references: summariseMarks(marks, sections),
        mentioned: mentionedProvisions(marks, sections),
      };
    },
    async start(begin = nextIdle(win)) {
      navigation.ranFor(deps.url());
      deps.onInvalidated?.(teardown);
      // The first run starts at an idle moment, as its slices run. The listeners start then too (the run reads the
      // settings itself; the side panel asks again until a page answers; a navigation meanwhile is caught up with), and
      // what an earlier instance left is cleared, before the run. The side panel's summary waits for it as for any run.
      await tabRequests.runStarted(
        begin.then(() => {
          if (torn) return;
          // A listener that cannot start (the extension going away meanwhile) costs that listener, not the page's run.
          reportErrors('could not start listening', startListening);
          reportErrors('could not remove an earlier instance', () => removeLeftovers(doc));
          return refresh();
        }),
      );
    },
    refresh,
    handleTabRequest: tabRequests.answer,
    focusMark: (index, focus) => popover.focusMark(index, focus),
    step: (direction) => popover.step(direction),
    teardown,
  };
  return controller;
}
