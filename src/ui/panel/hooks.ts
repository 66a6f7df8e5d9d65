/**
 * The panel's data: the active tab's page summary (following the tab as it changes), bills and briefings from the
 * background, search as you type, and the briefing a popover asked to open at. The views stay presentational.
 */

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from '#imports';
import { type BillBriefings, type SearchHit, watchDataRevision } from '../../messaging';
import type { BillRecord } from '../../model';
import { activeTab, ask, askTab, type PanelTarget, panelTargetItem, shortcutHintShownItem } from '../client';
import type { BillState } from './BillView';
import type { PageState } from './PageView';
import type { PositionEntry, PositionIndex } from './page-model';
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

/** Briefings of several bills at once (the page's bills), fetched once per bill and kept. */
export function useBriefingsOf(
  billIds: readonly string[],
  revision = 0,
): {
  byBill: ReadonlyMap<string, BillBriefings>;
  positions: PositionIndex;
  error: string | null;
} {
  const [byBill, setByBill] = useState<Map<string, BillBriefings>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const key = billIds.join('\n');
  useEffect(() => {
    let live = true;
    Promise.all(billIds.map((billId) => ask({ type: 'briefingsForBill', billId })))
      .then((answers) => {
        if (!live) return;
        const next = new Map<string, BillBriefings>();
        for (const answer of answers) if (answer) next.set(answer.bill.id, answer);
        setByBill(next);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [key, revision]);
  const positions = useMemo(() => {
    const index = new Map<string, PositionEntry>();
    for (const data of byBill.values()) {
      for (const { briefing, positions: list } of data.briefings) {
        for (const position of list) index.set(position.id, { position, briefing });
      }
    }
    return index;
  }, [byBill]);
  return { byBill, positions, error };
}

export function useBillBriefings(billId: string | null, revision = 0): BillState {
  const [state, setState] = useState<BillState>({ kind: billId ? 'loading' : 'none' });
  useEffect(() => {
    if (!billId) {
      setState({ kind: 'none' });
      return;
    }
    let live = true;
    // A re-read after changed data keeps showing the old data until the new arrives (no flash, scroll kept).
    setState((old) => (old.kind === 'ready' && old.data.bill.id === billId ? old : { kind: 'loading' }));
    ask({ type: 'briefingsForBill', billId })
      .then((data) => {
        if (!live) return;
        setState(data ? { kind: 'ready', data } : { kind: 'error', message: `No bill "${billId}" in the dataset.` });
      })
      .catch((e: unknown) => live && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [billId, revision]);
  return state;
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
