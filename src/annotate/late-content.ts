/**
 * Late content: the page adding or rewriting text after we scanned it (a live debate, a page that fills itself in).
 * Changes are gathered and judged as a whole once the page is quiet for `debounceMs`; a page that never goes quiet is
 * still looked at every `maxWaitMs`, so it is rescanned at least that often and at most that often.
 */
import { WRAP_TAG } from './highlight';

/** The popover's host element (popover/host.tsx uses this name; kept here so the observer loads no popover code). */
export const POPOVER_HOST_TAG = 'lga-positions-root';
/**
 * A topic marker's host (topic-layer.ts): one per linked paragraph, its first child, so the marker is met in reading
 * and Tab order with its paragraph. It holds no light-DOM node, so the paragraph's text is as served.
 */
export const TOPIC_HOST_TAG = 'lga-topic-marker';
/** Where an earlier version drew every topic marker (one host on `<html>`): removed when found. */
export const LEGACY_TOPIC_HOST_TAG = 'lga-topic-markers';

export const LATE_CONTENT_DEBOUNCE_MS = 600;
export const LATE_CONTENT_MAX_WAIT_MS = 3000;

/** True for our own elements (popover host, topic markers, fallback wrappers) and anything inside them. */
export function isOurs(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType !== 1) continue;
    const name = (n as Element).localName;
    if (name === POPOVER_HOST_TAG || name === WRAP_TAG || name === TOPIC_HOST_TAG) return true;
  }
  return false;
}

/** A record that only adds or removes our own elements (or touches them) is not the page changing. */
function onlyOurs(r: MutationRecord): boolean {
  const nodes = [...r.addedNodes, ...r.removedNodes];
  return isOurs(r.target) || (nodes.length > 0 && nodes.every(isOurs));
}

/** Text added, removed or edited outside our own elements, where `isRelevant` says it matters. */
export function changesText(records: readonly MutationRecord[], isRelevant: (node: Node) => boolean): boolean {
  return records.some(
    (r) =>
      !isOurs(r.target) &&
      isRelevant(r.target) &&
      (r.type === 'characterData' ||
        [...r.addedNodes, ...r.removedNodes].some((n) => !isOurs(n) && (n.textContent ?? '').trim().length > 0)),
  );
}

export interface LateContentOptions {
  win: Window & typeof globalThis;
  /** The node to watch (the body). */
  target(): Node;
  /** Whether a change at this node can matter (inside or around what was scanned). */
  isRelevant(node: Node): boolean;
  /** Any change by the page (our hit-test boxes may have moved). */
  onPageChange?(): void;
  /** Text changed where it matters: rescan. */
  onTextChange(): void;
  debounceMs?: number;
  maxWaitMs?: number;
}

export interface LateContentObserver {
  /** (Re)starts watching. */
  watch(): void;
  /** Stops watching while we change the page, first taking in what the page changed and was not yet reported. */
  pause(): void;
  /** Stops for good: no pending decision fires. */
  stop(): void;
}

export function createLateContentObserver(options: LateContentOptions): LateContentObserver {
  const { win } = options;
  const debounceMs = options.debounceMs ?? LATE_CONTENT_DEBOUNCE_MS;
  const maxWaitMs = options.maxWaitMs ?? LATE_CONTENT_MAX_WAIT_MS;
  let observer: MutationObserver | null = null;
  let quietTimer: number | null = null;
  let maxWaitTimer: number | null = null;
  /**
   * Whether the changes since the last decision touched text that matters. Decided as records arrive, and only until
   * it is true: a page changing every few milliseconds costs one check per record, and nothing piles up.
   */
  let textChanged = false;

  function clearTimers(): void {
    if (quietTimer !== null) win.clearTimeout(quietTimer);
    if (maxWaitTimer !== null) win.clearTimeout(maxWaitTimer);
    quietTimer = maxWaitTimer = null;
  }

  function decide(): void {
    clearTimers();
    const changed = textChanged;
    textChanged = false;
    if (changed) options.onTextChange();
  }

  function onMutations(records: MutationRecord[]): void {
    const pageChanges = records.filter((r) => !onlyOurs(r));
    if (!pageChanges.length) return;
    options.onPageChange?.();
    if (!textChanged) textChanged = changesText(pageChanges, options.isRelevant);
    if (quietTimer !== null) win.clearTimeout(quietTimer);
    quietTimer = win.setTimeout(decide, debounceMs);
    maxWaitTimer ??= win.setTimeout(decide, maxWaitMs);
  }

  return {
    watch() {
      observer ??= new win.MutationObserver(onMutations);
      observer.observe(options.target(), { childList: true, subtree: true, characterData: true });
    },
    pause() {
      if (!observer) return;
      onMutations(observer.takeRecords());
      observer.disconnect();
    },
    stop() {
      observer?.disconnect();
      observer = null;
      clearTimers();
      textChanged = false;
    },
  };
}
