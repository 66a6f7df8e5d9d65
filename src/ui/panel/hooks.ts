/**
 * The panel's data: the active tab's page summary (following the tab as it changes), bills and briefings from the
 * background, search as you type, and the briefing a popover asked to open at. The views stay presentational.
 */

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from '#imports';
import { LIMITS } from '../../limits';
import { type BillBriefings, type SearchHit, watchDataRevision } from '../../messaging';
import type { BillRecord } from '../../model';
import {
  activeTab,
  ask,
  askTab,
  type PanelTarget,
  panelTargetItem,
  panelWindowsItem,
  shortcutHintShownItem,
} from '../client';
import type { BillState } from './BillView';
import type { PageState } from './PageView';
import type { PositionEntry, PositionIndex } from './page-model';
import { type BillPaging, billPaging, windowsOfBill, windowsToKeep } from './paging';
import type { SearchState } from './SearchView';

/**
 * Goes up whenever the background says the reader's data changed (a stance corrected or undone, briefings added or
 * imported): the views that read from the background read again, so they show it.
 */
export function useDataRevision(): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => watchDataRevision(browser.storage as never, () => setRevision((r) => r + 1)), []);
  return revision;
}

/** After a tab finishes loading its content script may still be scanning: ask again a few times before giving up. */
const SUMMARY_RETRIES_MS = [250, 600, 1200, 2500];

export function usePageSummary(revision = 0): { state: PageState; tabId: number | null; refresh: () => void } {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);
  const generation = useRef(0);

  const load = async () => {
    const mine = ++generation.current;
    const tab = await activeTab().catch(() => null);
    if (mine !== generation.current) return;
    setTabId(tab?.id ?? null);
    if (!tab) {
      setState({ kind: 'not-parliament', url: null });
      return;
    }
    for (let attempt = 0; ; attempt++) {
      const summary = await askTab(tab.id, { type: 'pageSummary' });
      if (mine !== generation.current) return;
      if (summary) {
        setState({ kind: 'ready', summary });
        return;
      }
      const wait = SUMMARY_RETRIES_MS[attempt];
      if (wait === undefined) {
        setState({ kind: 'not-parliament', url: tab.url });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (mine !== generation.current) return;
    }
  };

  useEffect(() => {
    void load();
    const onActivated = () => void load();
    const onUpdated = (updatedId: number, change: { status?: string; url?: string }) => {
      if (change.status === 'complete' || change.url) {
        void activeTab().then((tab) => {
          if (tab?.id === updatedId) void load();
        });
      }
    };
    const onFocus = () => void load();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows?.onFocusChanged?.addListener(onFocus);
    return () => {
      generation.current++;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows?.onFocusChanged?.removeListener(onFocus);
    };
  }, []);

  // Changed data: the page's content script annotates again on the same signal; ask once it has had a moment to start.
  useEffect(() => {
    if (revision === 0) return;
    const timer = setTimeout(() => void load(), 300);
    return () => clearTimeout(timer);
  }, [revision]);

  return { state, tabId, refresh: () => void load() };
}

export function useBills(): BillRecord[] {
  const [bills, setBills] = useState<BillRecord[]>([]);
  useEffect(() => {
    ask({ type: 'bills' })
      .then((list) => setBills([...list].sort((a, b) => a.title.localeCompare(b.title))))
      .catch(() => setBills([]));
  }, []);
  return bills;
}

/**
 * The positions a page summary names (On this page), asked for by id: a page names a few positions per provision, and
 * a bill's briefings may hold thousands (the Bill view gets those a page at a time).
 */
export function usePositionsOf(ids: readonly string[], revision = 0): PositionIndex {
  const [index, setIndex] = useState<PositionIndex>(new Map());
  const key = ids.join('\n');
  useEffect(() => {
    let live = true;
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += LIMITS.positionIds) chunks.push(ids.slice(i, i + LIMITS.positionIds));
    Promise.all(chunks.map((chunk) => ask({ type: 'positions', ids: chunk })))
      .then((answers) => {
        if (!live) return;
        const next = new Map<string, PositionEntry>();
        for (const entry of answers.flat()) next.set(entry.position.id, entry);
        setIndex(next);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [key, revision]);
  return index;
}

/**
 * The Bill view's data for one bill, and its paging (./paging.ts). What the reader opened of each briefing is kept in
 * session storage and asked for again when the panel is reloaded or the data change, so it stays open.
 */
export function useBillBriefings(billId: string | null, revision = 0): { state: BillState; paging: BillPaging } {
  const [state, setState] = useState<BillState>({ kind: billId ? 'loading' : 'none' });
  const current = useRef(state);
  current.current = state;
  const paging = useMemo(
    () =>
      billPaging(
        ask,
        () => (current.current.kind === 'ready' ? current.current.data : null),
        (change) => setState((old) => (old.kind === 'ready' ? { kind: 'ready', data: change(old.data) } : old)),
      ),
    [],
  );
  // What is shown of each briefing, kept for a reloaded panel (written only where it changed from what was kept).
  useEffect(() => {
    if (state.kind === 'ready') void keepWindows(state.data);
  }, [state]);
  useEffect(() => {
    if (!billId) {
      setState({ kind: 'none' });
      return;
    }
    let live = true;
    // A re-read after changed data keeps showing the old data until the new arrives (no flash, scroll kept).
    setState((old) => (old.kind === 'ready' && old.data.bill.id === billId ? old : { kind: 'loading' }));
    void (async () => {
      const kept = await panelWindowsItem.getValue().catch(() => []);
      const windows = windowsOfBill(kept ?? [], billId);
      const data = await ask({ type: 'briefingsForBill', billId, ...(windows.length ? { windows } : {}) });
      if (!live) return;
      setState(data ? { kind: 'ready', data } : { kind: 'error', message: `No bill "${billId}" in the dataset.` });
    })().catch(
      (e: unknown) => live && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [billId, revision]);
  return { state, paging };
}

/** One write at a time, in order: the last windows shown are the ones kept. */
let keeping: Promise<unknown> = Promise.resolve();
function keepWindows(data: BillBriefings): Promise<unknown> {
  keeping = keeping
    .then(async () => {
      const kept = (await panelWindowsItem.getValue()) ?? [];
      const next = windowsToKeep(kept, data);
      if (JSON.stringify(next) !== JSON.stringify(kept)) await panelWindowsItem.setValue(next);
    })
    .catch(() => undefined);
  return keeping;
}

export const SEARCH_DEBOUNCE_MS = 120;

export function useSearch(query: string, limit = 30, revision = 0): SearchState {
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  useEffect(() => {
    const trimmed = query.trim();
    if (!trimmed) {
      setState({ kind: 'idle' });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setState({ kind: 'searching' });
      ask({ type: 'search', query: trimmed, limit })
        .then((hits: SearchHit[]) => live && setState({ kind: 'done', query: trimmed, hits }))
        .catch(
          (e: unknown) => live && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
        );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, limit, revision]);
  return state;
}

/** The briefing the background asked the panel to open at: read on load and whenever it changes. */
/**
 * How long before the panel loaded a "Read the briefing" request may have been made and still be what opened it
 * (opening a panel takes well under a second; a slow machine gets ten).
 */
export const PANEL_TARGET_FRESH_MS = 10_000;

/**
 * Where a popover's "Read the briefing" asked the panel to open. Only a request made just before this panel loaded
 * (the click that opened it) or while it is open counts: opening the panel later is never sent to an old briefing.
 */
export function usePanelTarget(): PanelTarget | null {
  const [target, setTarget] = useState<PanelTarget | null>(null);
  useEffect(() => {
    const loadedAt = Date.now();
    const take = (value: PanelTarget | null | undefined) => {
      if (value && value.requestedAt >= loadedAt - PANEL_TARGET_FRESH_MS) setTarget(value);
    };
    void panelTargetItem
      .getValue()
      .then(take)
      .catch(() => undefined);
    return panelTargetItem.watch(take);
  }, []);
  return target;
}

/**
 * The first-use note on the keyboard shortcuts: shown the first time the panel lists positions on a page, once. It is
 * marked shown in storage as soon as it appears (so a later panel never shows it again) and stays until dismissed or
 * the panel closes: it never comes back to interrupt a reader who has seen it.
 */
export function useShortcutHint(hasPositions: boolean): { shown: boolean; dismiss: () => void } {
  const [state, setState] = useState<'unknown' | 'not-yet' | 'shown' | 'done'>('unknown');
  useEffect(() => {
    let live = true;
    void shortcutHintShownItem
      .getValue()
      .then((shown) => live && setState((now) => (now === 'unknown' ? (shown ? 'done' : 'not-yet') : now)))
      .catch(() => live && setState('done'));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (state !== 'not-yet' || !hasPositions) return;
    setState('shown');
    void shortcutHintShownItem.setValue(true).catch(() => undefined);
  }, [state, hasPositions]);
  return { shown: state === 'shown', dismiss: () => setState('done') };
}
