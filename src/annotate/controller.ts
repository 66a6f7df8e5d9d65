/**
 * The content script's work on a parliament page: understand it, scan it in idle slices, ask the background once per
 * section, draw highlights, answer the pointer, the keyboard and the side panel; redo on late content and navigation;
 * tear down cleanly when the extension is updated.
 *
 * What tests (test/e2e) can rely on:
 * - `document.documentElement.dataset.lgaPositions === 'ready'` once every section's highlights are drawn, with
 *   `data-lga-references` (highlighted marks), `data-lga-applies` (marks with a position that applies to this print),
 *   `data-lga-detected` (every reference the scanner found), `data-lga-mode` (`highlight-api` or `wrap`) and
 *   `data-lga-busy-ms` (main-thread time of the run); `performance` marks `lga:start` and `lga:ready` for the bench.
 *   A page no adapter understands (or a site switched off) is left untouched: no attribute at all.
 * - The popover: `lga-positions-root` (also `[data-testid="lga-positions-root"]`) appended to `<html>`, with an open
 *   shadow root holding `[role="dialog"]` named `LGA position: Clause 7` (`[data-testid="lga-popover"]`); each
 *   position is `[data-testid="lga-position"]` (`data-applies="applies|other-print"`), the other-print warning is
 *   `[data-testid="lga-other-print"]`, the panel button `[data-testid="lga-read-briefing"]`.
 * - Highlights: `CSS.highlights.get('lga-support')` etc. (see highlight.ts); in wrap mode `lga-ref` elements.
 */
import type {
  BackgroundRequest,
  PageReferenceSummary,
  PageSummary,
  Reply,
  ResponseFor,
  TabRequest,
} from '../messaging';
import type { BillRecord, FoundReference, MatchedPosition, PageContext, ReferenceMatch } from '../model';
import type { PageSection, PageUnderstanding } from '../pages/types';
import type { Settings } from '../settings';
import {
  allHighlightNames,
  createHighlighter,
  type HighlightEntry,
  type Highlighter,
  highlightApiOf,
  WRAP_TAG,
} from './highlight';
import { createHitIndex, type HitIndex } from './hit-test';
import { createHoverController, DEFAULT_CLOSE_DELAY_MS, type HoverController } from './hover';
import { blockChunks, groupIntoMarks, lookOf, mergeMatches } from './marks';
import { createPopoverHost, HOST_TAG, type PopoverHost } from './popover/host';
import { pageScheme } from './popover/scheme';
import { nextStop, stopsOf } from './stepping';
import { createTextIndexBuilder, type TextIndex } from './text-index';

/** Work per idle slice: well under a frame, so no task comes near 50 ms. */
const SLICE_MS = 8;
/** Nodes the text index visits between clock checks. */
const NODES_PER_CHECK = 100;
/**
 * Text scanned in one call. The grammar reads about 40 characters per microsecond (a 424,000-character Hansard day in
 * 10-16 ms), so a whole root is one call; only longer texts are cut, at block boundaries (an implicit `the clause`
 * right after a cut loses its heading).
 */
const CHARS_PER_CHUNK = 250_000;
const MUTATION_DEBOUNCE_MS = 600;
/** How many times late content may make us look again at a page no adapter understood. */
const MAX_LATE_RETRIES = 3;

export interface ControllerDeps {
  doc: Document;
  /** The page's URL now (SPA navigation changes it). */
  url(): string;
  send<R extends BackgroundRequest>(request: R): Promise<Reply<ResponseFor<R>> | undefined>;
  getSettings(): Promise<Settings>;
  watchSettings?(callback: (settings: Settings) => void): () => void;
  understand(doc: Document, url: string, bills: readonly BillRecord[]): PageUnderstanding | null;
  /** The page scanner over one text (src/annotate/scan.ts `scanText`). */
  scanText(
    text: string,
    options: { printedLineNumbers?: boolean; headingOffsets?: readonly number[] },
  ): FoundReference[];
  /** Registers the listener for side panel / background requests; returns its remover. */
  onTabRequest?(handler: (request: TabRequest) => unknown): () => void;
  /** Calls back on SPA navigation (WXT's `wxt:locationchange`). */
  onLocationChange?(callback: () => void): void;
  /** Called with the teardown function (WXT's `ctx.onInvalidated`). */
  onInvalidated?(callback: () => void): void;
  /**
   * False once the extension is gone (updated, reloaded or removed) while the page stays open. Checked on input, so
   * an orphaned content script notices as soon as the reader moves and tears down.
   */
  isAlive?(): boolean;
  /** Errors are reported, never thrown into the page. */
  log?(message: string, error?: unknown): void;
}

/** One highlighted (or, in mode `all`, detected) span of the page and what the LGA says of its references. */
export interface Mark extends HighlightEntry {
  section: number;
  refs: FoundReference[];
  matches: MatchedPosition[];
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

function idle(win: Window, callback: () => void): void {
  const ric = (win as Window & { requestIdleCallback?: typeof requestIdleCallback }).requestIdleCallback;
  if (typeof ric === 'function') ric.call(win, () => callback(), { timeout: 100 });
  else win.setTimeout(callback, 0);
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function refKey(ref: { kind: string; number: string }): string {
  return `${ref.kind}:${ref.number}`;
}

function isOurs(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.localName === HOST_TAG || el.localName === WRAP_TAG) return true;
  }
  return false;
}

/**
 * What an earlier instance of this content script may have left: after an extension update Firefox injects the new
 * script while the old one's code can no longer run to clean up. Removes our popover hosts, unwraps fallback
 * wrappers, unregisters our highlights and our attributes on `<html>`.
 */
export function removeLeftovers(doc: Document): void {
  for (const host of doc.querySelectorAll(HOST_TAG)) host.remove();
  const parents = new Set<Node>();
  for (const wrapper of doc.querySelectorAll(WRAP_TAG)) {
    const parent = wrapper.parentNode;
    if (!parent) continue;
    while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
    wrapper.remove();
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
  const api = doc.defaultView ? highlightApiOf(doc.defaultView as Window & typeof globalThis) : null;
  if (api) for (const name of allHighlightNames()) api.registry.delete(name);
  const data = doc.documentElement.dataset;
  for (const key of Object.keys(data)) if (key.startsWith('lga')) delete data[key];
}

/** Sections whose roots are on screen first; the rest in page order. */
export function viewportFirst<T extends { roots: Element[] }>(sections: readonly T[], viewportHeight: number): T[] {
  const visible = (s: T) =>
    s.roots.some((root) => {
      const r = root.getBoundingClientRect();
      return r.bottom >= 0 && r.top <= viewportHeight;
    });
  return [...sections.filter(visible), ...sections.filter((s) => !visible(s))];
}

export function createController(deps: ControllerDeps): Controller {
  const { doc } = deps;
  const win = doc.defaultView as Window & typeof globalThis;
  const log = deps.log ?? (() => {});

  let run = 0;
  let settings: Settings | null = null;
  let highlighter: Highlighter | null = null;
  let host: PopoverHost | null = null;
  let hover: HoverController<number> | null = null;
  let hit: HitIndex | null = null;
  let marks: Mark[] = [];
  let detected = 0;
  let sections: PageContext[] = [];
  /** The elements scanned by the last run: later mutations matter only inside (or around) them. */
  let scannedRoots: Element[] = [];
  /** Retries for a page the adapters did not (yet) understand: late content may still bring the debate. */
  let lateRetries = 0;
  let references: PageReferenceSummary[] = [];
  let observer: MutationObserver | null = null;
  let mutationTimer: number | null = null;
  let pointerFrame = 0;
  let scrollFrame = 0;
  let lastPointer: { x: number; y: number; inPopover: boolean } | null = null;
  let pointerOver: number | null = null;
  let inPopover = false;
  let cleanups: Array<() => void> = [];
  let torn = false;
  /** Main-thread time spent by this run (slices and the synchronous steps between them), for the benchmark. */
  let busyMs = 0;
  function timed<T>(work: () => T): T {
    const t0 = now();
    try {
      return work();
    } finally {
      busyMs += now() - t0;
    }
  }
  const listeners: Array<() => void> = [];

  function on<K extends keyof DocumentEventMap>(
    target: Document | Window,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void {
    const h = ((event: DocumentEventMap[K]) => {
      if (deps.isAlive && !deps.isAlive()) {
        teardown();
        return;
      }
      handler(event);
    }) as EventListener;
    target.addEventListener(type, h, options);
    listeners.push(() => target.removeEventListener(type, h, options));
  }

  // ------------------------------------------------------------------------------------------- scanning

  /** Builds the text index of one root in idle slices. */
  function indexRoot(root: Element, section: PageSection, token: number): Promise<TextIndex | null> {
    const builder = createTextIndexBuilder(root, {
      extraSkip: section.skip,
      mark: section.clauseHeadings.filter((heading) => root.contains(heading)),
    });
    return new Promise((resolve) => {
      const work = () => {
        if (token !== run) return resolve(null);
        const until = now() + SLICE_MS;
        try {
          while (now() < until) {
            if (builder.step(NODES_PER_CHECK)) return resolve(builder.result());
          }
        } catch (error) {
          log('text index failed', error);
          return resolve(null);
        }
        idle(win, slice);
      };
      const slice = () => timed(work);
      slice();
    });
  }

  /** Finds the references of an index's text in idle slices (chunks cut at block boundaries). */
  function scanText(index: TextIndex, section: PageSection, token: number): Promise<FoundReference[] | null> {
    const chunks = blockChunks(index.text, CHARS_PER_CHUNK);
    const headings = section.clauseHeadings
      .map((heading) => index.offsetOf(heading))
      .filter((offset): offset is number => offset !== undefined);
    const found: FoundReference[] = [];
    let next = 0;
    return new Promise((resolve) => {
      const work = () => {
        if (token !== run) return resolve(null);
        const until = now() + SLICE_MS;
        while (next < chunks.length && now() < until) {
          const [start, end] = chunks[next++]!;
          try {
            const options = {
              printedLineNumbers: section.printedLineNumbers,
              bill: section.context.bill,
              headingOffsets: headings.filter((h) => h >= start && h < end).map((h) => h - start),
            };
            for (const ref of deps.scanText(index.text.slice(start, end), options)) {
              found.push({
                ...ref,
                start: ref.start + start,
                end: ref.end + start,
                numberStart: ref.numberStart === undefined ? undefined : ref.numberStart + start,
                numberEnd: ref.numberEnd === undefined ? undefined : ref.numberEnd + start,
              });
            }
          } catch (error) {
            log('reference scan failed', error);
          }
        }
        if (next >= chunks.length) resolve(found);
        else idle(win, slice);
      };
      const slice = () => timed(work);
      slice();
    });
  }

  async function lookup(context: PageContext, found: readonly FoundReference[]): Promise<Map<string, ReferenceMatch>> {
    const distinct = new Map<string, { kind: FoundReference['kind']; number: string }>();
    for (const ref of found) distinct.set(refKey(ref), { kind: ref.kind, number: ref.number });
    const result = new Map<string, ReferenceMatch>();
    if (!distinct.size) return result;
    const reply = await deps.send({ type: 'lookup', page: context, references: [...distinct.values()] });
    if (!reply?.ok) {
      log(`lookup failed: ${reply ? reply.error : 'no answer from the background'}`);
      return result;
    }
    for (const match of reply.data.matches) result.set(refKey(match), match);
    return result;
  }

  // ------------------------------------------------------------------------------------------- drawing

  function ensureHost(): PopoverHost {
    if (!host) host = createPopoverHost(doc, pageScheme(doc));
    return host;
  }

  function redraw(): void {
    if (!highlighter || !settings) return;
    const visible = marks.filter((m) => m.matches.length > 0 || settings!.highlightMode === 'all');
    stopObserving();
    const drawn = highlighter.draw(visible);
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
    observe();
  }

  function summarise(): void {
    references = [];
    for (const m of marks) {
      for (const ref of m.refs) {
        const own = m.matches.filter((x) => x.ref.kind === ref.kind && x.ref.number === ref.number);
        if (!own.length) continue;
        const look = lookOf(own);
        references.push({
          index: m.index,
          kind: ref.kind,
          number: ref.number,
          text: ref.text,
          sectionBill: sections[m.section]?.bill ?? null,
          stance: look.stance,
          applies: look.applies,
          positionIds: own.map((x) => x.position.id),
        });
      }
    }
  }

  function setReady(): void {
    const drawn = marks.filter((m) => m.matches.length > 0);
    const el = doc.documentElement;
    el.dataset.lgaPositions = 'ready';
    el.dataset.lgaBusyMs = busyMs.toFixed(1);
    performance.mark?.('lga:ready');
    el.dataset.lgaReferences = String(settings?.highlightMode === 'all' ? marks.length : drawn.length);
    el.dataset.lgaApplies = String(drawn.filter((m) => m.applies).length);
    el.dataset.lgaDetected = String(detected);
    if (highlighter) el.dataset.lgaMode = highlighter.mode;
  }

  function clearReady(): void {
    const el = doc.documentElement;
    for (const key of ['lgaPositions', 'lgaReferences', 'lgaApplies', 'lgaDetected', 'lgaMode', 'lgaBusyMs'])
      delete el.dataset[key];
  }

  // ------------------------------------------------------------------------------------------- popover

  /**
   * The box the popover must not cover: the whole reference vertically (it may wrap onto two lines), its first line's
   * left edge horizontally (where the reader's eye is).
   */
  function markRect(mark: Mark): DOMRect | null {
    const whole = mark.range.getBoundingClientRect();
    if (!whole.width && !whole.height) return null;
    const first = mark.range.getClientRects()[0];
    return first ? new DOMRect(first.left, whole.top, whole.right - first.left, whole.height) : whole;
  }

  function openPopover(index: number, reason: 'hover' | 'click' | 'keyboard'): void {
    const mark = marks[index];
    if (!mark) return;
    const anchor = markRect(mark) ?? new DOMRect(0, 0, 0, 0);
    const firstRef = mark.matches[0]?.ref ?? mark.refs[0]!;
    ensureHost().show({
      reference: { kind: firstRef.kind, number: firstRef.number },
      references: mark.refs.map((r) => ({ kind: r.kind, number: r.number })),
      positions: mark.matches,
      anchor,
      range: mark.range,
      focus: reason !== 'hover',
      onReadBriefing: (match) => {
        // Synchronously, inside the click: Chrome opens the side panel only within the user's gesture.
        void deps
          .send({ type: 'openPanel', briefingId: match.briefing.id, positionId: match.position.id })
          .catch((error) => log('openPanel failed', error));
      },
      onClose: () => hover?.escape(),
    });
    highlighter?.setActive(mark);
  }

  function closePopover(): void {
    host?.hide();
    highlighter?.setActive(null);
  }

  function ensureHover(): HoverController<number> {
    if (!hover) {
      hover = createHoverController<number>(
        { open: (index, reason) => openPopover(index, reason), close: () => closePopover() },
        { openDelayMs: settings?.hoverDelayMs ?? 250, closeDelayMs: DEFAULT_CLOSE_DELAY_MS },
        win,
      );
    }
    return hover;
  }

  function onPointer(): void {
    pointerFrame = 0;
    const p = lastPointer;
    if (!p || !hit) return;
    const h = ensureHover();
    if (p.inPopover) {
      if (!inPopover) {
        inPopover = true;
        h.pointerEnterPopover();
      }
      return;
    }
    if (inPopover) {
      inPopover = false;
      h.pointerLeavePopover();
    }
    const entry = hit.at(p.x, p.y);
    const index = entry ? entry.index : null;
    if (index === pointerOver) {
      if (index !== null) h.pointerMoveOnReference(p);
      return;
    }
    if (pointerOver !== null) h.pointerLeaveReference();
    pointerOver = index;
    if (index !== null) h.pointerEnterReference(index, p);
  }

  function onScroll(): void {
    scrollFrame = 0;
    const h = hover;
    if (!h || h.openId === null) return;
    const mark = marks[h.openId];
    const rect = mark ? markRect(mark) : null;
    if (!rect || rect.bottom < 0 || rect.top > win.innerHeight) h.referenceScrolledOut();
    else host?.reposition(rect);
  }

  function visibleOrder(): Mark[] {
    return marks.filter((m) => m.matches.length > 0 || settings?.highlightMode === 'all');
  }

  function focusMark(index: number, focus = true): boolean {
    const mark = marks[index];
    if (!mark) return false;
    const target = mark.range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'auto' });
    const h = ensureHover();
    if (focus) h.openByKeyboard(index);
    else h.clickReference(index);
    return true;
  }

  /** Alt+Shift+N/P: the next distinct provision (`every`: the next mention), from the open one or the screen. */
  function step(direction: 1 | -1, every = false): boolean {
    const order = visibleOrder();
    if (!order.length) return false;
    const current = hover?.openId ?? null;
    let at = current === null ? -1 : order.findIndex((m) => m.index === current);
    if (at === -1) {
      // Nothing open: start from the screen, the first reference below the top (or above it, going back).
      const below = order.findIndex((m) => (markRect(m)?.top ?? -1) >= 0);
      at = direction === 1 ? (below === -1 ? order.length : below) - 1 : below === -1 ? order.length : below;
    }
    const next = order[nextStop(stopsOf(order, every), at, direction)];
    return next ? focusMark(next.index, true) : false;
  }

  // ------------------------------------------------------------------------------------------- wiring

  /** Page changes gathered since the last rescan decision, so a burst of changes is judged as a whole. */
  let pendingRecords: MutationRecord[] = [];

  /** A record that only adds our own elements (or touches them) is not the page changing. */
  const onlyOurs = (r: MutationRecord) =>
    isOurs(r.target) || (r.addedNodes.length > 0 && r.removedNodes.length === 0 && [...r.addedNodes].every(isOurs));

  function onMutations(records: MutationRecord[]): void {
    const pageChanges = records.filter((r) => !onlyOurs(r));
    if (!pageChanges.length) return;
    hit?.invalidate();
    pendingRecords.push(...pageChanges);
    if (mutationTimer !== null) win.clearTimeout(mutationTimer);
    mutationTimer = win.setTimeout(() => {
      mutationTimer = null;
      const batch = pendingRecords;
      pendingRecords = [];
      if (changedText(batch)) void refresh();
    }, MUTATION_DEBOUNCE_MS);
  }

  function observe(): void {
    observer ??= new win.MutationObserver(onMutations);
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  /** Stops watching, first handing on what the page changed and the observer has not yet reported. */
  function stopObserving(): void {
    if (!observer) return;
    onMutations(observer.takeRecords());
    observer.disconnect();
  }

  /** Late content worth a rescan: text added or changed outside our own elements. */
  function changedText(records: MutationRecord[]): boolean {
    const relevant = (target: Node) =>
      !scannedRoots.length || scannedRoots.some((root) => root.contains(target) || target.contains(root));
    return records.some(
      (r) =>
        !isOurs(r.target) &&
        relevant(r.target) &&
        (r.type === 'characterData' ||
          [...r.addedNodes, ...r.removedNodes].some((n) => !isOurs(n) && (n.textContent ?? '').trim().length > 0)),
    );
  }

  function wireInput(): void {
    if (listeners.length) return;
    on(
      doc,
      'pointermove',
      (event) => {
        lastPointer = { x: event.clientX, y: event.clientY, inPopover: !!host?.contains(event) };
        if (!pointerFrame) pointerFrame = win.requestAnimationFrame(onPointer);
      },
      { passive: true },
    );
    on(doc, 'pointerleave', () => {
      lastPointer = null;
      if (pointerOver !== null) hover?.pointerLeaveReference();
      pointerOver = null;
    });
    on(doc, 'click', (event) => {
      if (host?.contains(event)) return;
      const entry = hit?.at(event.clientX, event.clientY);
      if (entry) ensureHover().clickReference(entry.index);
      else hover?.clickOutside();
    });
    on(doc, 'keydown', (event) => {
      if (event.key === 'Escape' && hover?.openId != null) {
        hover.escape();
        return;
      }
      // In-page fallback for the `commands` shortcuts (the browser takes the keys first when they are bound).
      // With Ctrl as well: every mention rather than every provision.
      if (event.altKey && event.shiftKey && !event.metaKey) {
        if (event.code === 'KeyN' && step(1, event.ctrlKey)) event.preventDefault();
        else if (event.code === 'KeyP' && step(-1, event.ctrlKey)) event.preventDefault();
      }
    });
    on(
      win,
      'scroll',
      () => {
        if (!scrollFrame) scrollFrame = win.requestAnimationFrame(onScroll);
      },
      { passive: true, capture: true },
    );
    // The system switching light/dark (a page honouring it repaints; we follow it).
    const media = typeof win.matchMedia === 'function' ? win.matchMedia('(prefers-color-scheme: dark)') : null;
    if (media) {
      const rescheme = () => {
        const scheme = pageScheme(doc);
        host?.setScheme(scheme);
        if (settings) highlighter?.restyle(settings.highlightStyle, scheme);
      };
      media.addEventListener('change', rescheme);
      listeners.push(() => media.removeEventListener('change', rescheme));
    }
    on(win, 'resize', () => {
      hit?.invalidate();
      if (!scrollFrame) scrollFrame = win.requestAnimationFrame(onScroll);
    });
  }

  // ------------------------------------------------------------------------------------------- the run

  function reset(): void {
    run++;
    hover?.dispose();
    hover = null;
    highlighter?.clear();
    highlighter = null;
    marks = [];
    references = [];
    sections = [];
    scannedRoots = [];
    detected = 0;
    busyMs = 0;
    hit = null;
    pointerOver = null;
    inPopover = false;
    clearReady();
  }

  async function go(): Promise<void> {
    const token = ++run;
    settings = await deps.getSettings();
    if (token !== run) return;
    const url = deps.url();
    let hostname = '';
    try {
      hostname = new URL(url).hostname;
    } catch {
      // not a URL: leave the hostname empty
    }
    if (settings.disabledSites.includes(hostname)) return;
    const billsReply = await deps.send({ type: 'bills' });
    if (token !== run) return;
    const bills = billsReply?.ok ? billsReply.data : [];
    const t0 = now();
    let understanding: PageUnderstanding | null = null;
    try {
      understanding = deps.understand(doc, url, bills);
    } catch (error) {
      log('page adapter failed', error);
    }
    if (!understanding?.sections.length) {
      // Nothing to annotate (yet): watch a little while for late content, without touching the page.
      if (lateRetries++ < MAX_LATE_RETRIES) observe();
      else observer?.disconnect();
      return;
    }
    scannedRoots = understanding.sections.flatMap((section) => section.roots);

    sections = understanding.sections.map((s) => s.context);
    highlighter = createHighlighter(doc, { style: settings.highlightStyle, scheme: pageScheme(doc) });
    wireInput();
    observe();
    const order = viewportFirst(
      understanding.sections.map((s, i) => ({ ...s, i })),
      win.innerHeight,
    );
    busyMs += now() - t0;
    for (const section of order) {
      const found: Array<{ ref: FoundReference; index: TextIndex }> = [];
      for (const root of section.roots) {
        if (!root.isConnected) continue;
        const index = await indexRoot(root, section, token);
        if (!index) return;
        const refs = await scanText(index, section, token);
        if (!refs) return;
        for (const ref of refs) found.push({ ref, index });
      }
      if (token !== run) return;
      detected += found.length;
      const matches = await lookup(
        section.context,
        found.map((f) => f.ref),
      ).catch((error) => {
        log('lookup failed', error);
        return new Map<string, ReferenceMatch>();
      });
      if (token !== run) return;
      const t1 = now();
      // Marks per root index (offsets belong to one index).
      const byIndex = new Map<TextIndex, FoundReference[]>();
      for (const f of found) {
        const list = byIndex.get(f.index);
        if (list) list.push(f.ref);
        else byIndex.set(f.index, [f.ref]);
      }
      for (const [index, refs] of byIndex) {
        for (const span of groupIntoMarks(refs)) {
          let range: Range;
          try {
            range = index.toRange(span.start, span.end);
          } catch {
            continue;
          }
          const merged = mergeMatches(span.refs.map((r) => matches.get(refKey(r))?.positions ?? []));
          const look = lookOf(merged);
          marks.push({
            index: marks.length,
            section: section.i,
            range,
            refs: span.refs,
            matches: merged,
            stance: look.stance,
            applies: look.applies,
          });
        }
      }
      redraw();
      busyMs += now() - t1;
    }
    if (token !== run) return;
    const t2 = now();
    // Page order for stepping and the side panel (viewport-first scanning drew them out of order). A popover opened
    // while later sections were scanning would point at a renumbered mark: close it first.
    if (order.some((section, k) => section.i !== k)) {
      hover?.escape();
      marks.sort((a, b) => {
        try {
          return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
        } catch {
          return 0;
        }
      });
      marks.forEach((m, i) => {
        m.index = i;
      });
      redraw();
    }
    summarise();
    if (marks.some((m) => m.matches.length > 0)) ensureHost();
    busyMs += now() - t2;
    setReady();
    const applies = marks.filter((m) => m.applies).length;
    const total = marks.filter((m) => m.matches.length > 0).length;
    void deps.send({ type: 'pageSummary', applies, total }).catch(() => {});
  }

  /** The run in progress (or the last one): the side panel's page summary waits for it. */
  let running: Promise<void> = Promise.resolve();

  async function refresh(): Promise<void> {
    if (torn) return;
    reset();
    running = go().catch((error) => log('annotating the page failed', error));
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

  function handleTabRequest(request: TabRequest): unknown {
    switch (request.type) {
      case 'pageSummary':
        return settledSummary();
      case 'focusReference':
        return focusMark(request.index, true);
      case 'focusStep':
        return step(request.direction);
      default:
        return null;
    }
  }

  function teardown(): void {
    if (torn) return;
    reset();
    torn = true;
    observer?.disconnect();
    observer = null;
    if (mutationTimer !== null) win.clearTimeout(mutationTimer);
    if (pointerFrame) win.cancelAnimationFrame(pointerFrame);
    if (scrollFrame) win.cancelAnimationFrame(scrollFrame);
    for (const remove of listeners.splice(0)) remove();
    for (const cleanup of cleanups.splice(0)) cleanup();
    host?.destroy();
    host = null;
  }

  const controller: Controller = {
    get marks() {
      return marks;
    },
    get summary(): PageSummary | null {
      if (!sections.length) return null;
      return { url: deps.url(), sections, references };
    },
    async start() {
      performance.mark?.('lga:start');
      try {
        removeLeftovers(doc);
      } catch (error) {
        log('could not remove an earlier instance', error);
      }
      if (deps.onTabRequest) cleanups.push(deps.onTabRequest(handleTabRequest));
      if (deps.watchSettings) {
        cleanups.push(
          deps.watchSettings((next) => {
            const old = settings;
            settings = next;
            if (
              !old ||
              old.highlightMode !== next.highlightMode ||
              old.disabledSites.join() !== next.disabledSites.join()
            ) {
              void refresh();
              return;
            }
            hover?.setTiming({ openDelayMs: next.hoverDelayMs });
            highlighter?.restyle(next.highlightStyle, pageScheme(doc));
          }),
        );
      }
      deps.onLocationChange?.(() => {
        lateRetries = 0;
        void refresh();
      });
      deps.onInvalidated?.(teardown);
      await refresh();
    },
    refresh,
    handleTabRequest,
    focusMark,
    step,
    teardown,
  };
  cleanups = [...cleanups];
  return controller;
}
