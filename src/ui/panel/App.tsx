/**
 * The side panel (Chrome side panel, Firefox sidebar): "On this page", "Bill", "Search".
 *
 * Selectors for browser tests (stable; prefer these to text):
 *   tabs            [role=tablist] [role=tab]#tab-page | #tab-bill | #tab-search (aria-selected="true" when shown);
 *                   panels #panel-page | #panel-bill | #panel-search ([hidden] when not shown)
 *   On this page    [data-testid=page-view]; not a parliament page: [data-testid=not-parliament]
 *                   [data-testid=page-sections] > li: [data-testid=page-bill], [data-testid=page-stage], [data-testid=page-date]
 *                   [data-testid=page-counts] (provisions by stance)
 *                   [data-testid=page-refs] > [data-testid=page-ref][data-kind][data-number]: one per provision with a position
 *                     [data-testid=page-ref-focus][data-index] button: scrolls the page to it and opens its popover
 *                     [data-testid=page-ref-mention][data-index] buttons: the provision's further mentions
 *                     [data-testid=stance][data-stance] (words in .lga-stance-words), [data-testid=page-ref-position] > [data-testid=lga-excerpt] (<mark> = reference)
 *                     [data-testid=page-ref-other-print]: numbered for another print
 *                   [data-testid=page-step-previous] / [data-testid=page-step-next]; [data-testid=page-refresh]
 *   Bill            [data-testid=bill-view]; select#bill-select ([data-testid=bill-select]); [data-testid=bill-title]
 *                   [data-testid=stance-grid] table > [data-testid=stance-row][data-briefing-id] > [data-testid=stance-cell][data-stance][data-ref="clause 29"]
 *                   [data-testid=bill-briefings] > [data-testid=briefing][data-briefing-id] (in parliamentary order; .is-target when opened at)
 *                     [data-testid=briefing-label], [data-testid=numbering-note], [data-testid=briefing-position], [data-testid=briefing-user-added]
 *   Search          input[type=search]#search-input ([data-testid=search-input], role searchbox, label "Search briefings")
 *                   [data-testid=search-status] (role=status), [data-testid=search-results] > [data-testid=search-result][data-position-id]
 *                     [data-testid=search-result-bill], [data-testid=search-result-briefing], [data-testid=search-result-excerpt] (<mark> = matched terms),
 *                     [data-testid=search-result-open] button (opens the Bill tab at that briefing)
 *   Panel target    the background writes `session:panelTarget` ({briefingId, positionId, tabId, requestedAt}; item in src/ui/client.ts) on openPanel; the panel
 *                   switches to the Bill tab and scrolls to [data-testid=briefing][data-briefing-id=...].
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { billIdOfBriefing } from '../../ids';
import type { SearchHit } from '../../messaging';
import { askTab } from '../client';
import { type BillTarget, BillView } from './BillView';
import {
  useBillBriefings,
  useBills,
  useDataRevision,
  usePageSummary,
  usePanelTarget,
  usePositionsOf,
  useSearch,
  useShortcutHint,
} from './hooks';
import { PageView } from './PageView';
import { groupProvisions, pageBillIds, pagePositionIds } from './page-model';
import { SearchView } from './SearchView';
import { TopicsView, usePageTopics } from './TopicsView';
import { StyleTokens } from './theme';

export type PanelTab = 'page' | 'bill' | 'search';

const TABS: ReadonlyArray<{ id: PanelTab; label: string }> = [
  { id: 'page', label: 'On this page' },
  { id: 'bill', label: 'Bill' },
  { id: 'search', label: 'Search' },
];

export { billIdOfBriefing };

export function App() {
  const [tab, setTab] = useState<PanelTab>('page');
  const revision = useDataRevision();
  const page = usePageSummary(revision);
  const summary = page.state.kind === 'ready' ? page.state.summary : null;
  const billIdsOnPage = pageBillIds(summary);
  const positions = usePositionsOf(pagePositionIds(summary), revision);
  const bills = useBills();

  const storedTarget = usePanelTarget();
  const [target, setTarget] = useState<BillTarget | null>(null);
  const [chosenBillId, setChosenBillId] = useState<string | null>(null);

  // A popover's "Read the briefing": show that briefing's bill and scroll to it.
  useEffect(() => {
    if (!storedTarget?.briefingId) return;
    setTarget({
      briefingId: storedTarget.briefingId,
      positionId: storedTarget.positionId ?? undefined,
      correct: storedTarget.correct ?? undefined,
      at: storedTarget.requestedAt,
    });
    setChosenBillId(billIdOfBriefing(storedTarget.briefingId));
    setTab('bill');
  }, [storedTarget?.briefingId, storedTarget?.positionId, storedTarget?.requestedAt]);

  const selectedBillId = chosenBillId ?? billIdsOnPage[0] ?? null;
  const { state: billState, paging } = useBillBriefings(selectedBillId, revision);
  const pageContext = summary?.sections.find((s) => s.billId === selectedBillId) ?? null;

  const [query, setQuery] = useState('');
  const searchState = useSearch(query, 30, revision);

  const openHit = (hit: SearchHit) => {
    setChosenBillId(hit.bill.id);
    setTarget({ briefingId: hit.briefing.id, positionId: hit.position.id, at: Date.now() });
    setTab('bill');
  };

  const shortcutHint = useShortcutHint(summary !== null && groupProvisions(summary).length > 0);
  const topics = usePageTopics(page.tabId, page.state.kind === 'ready' ? page.state.summary : null);
  const focusReference = (index: number) => {
    if (page.tabId !== null) void askTab(page.tabId, { type: 'focusReference', index });
  };
  const step = (direction: 1 | -1) => {
    if (page.tabId !== null) void askTab(page.tabId, { type: 'focusStep', direction });
  };

  return (
    <div class="app">
      <StyleTokens />
      <header class="app-header">
        <h1>LGA positions</h1>
      </header>
      <Tabs current={tab} onChange={setTab} />
      <main>
        <div role="tabpanel" id="panel-page" aria-labelledby="tab-page" hidden={tab !== 'page'}>
          <PageView
            state={page.state}
            positions={positions}
            onFocusReference={focusReference}
            onStep={step}
            shortcutHint={shortcutHint}
          />
          <TopicsView topics={topics} />
          <p>
            <button type="button" class="link-button small" onClick={page.refresh} data-testid="page-refresh">
              Read the page again
            </button>
          </p>
        </div>
        <div role="tabpanel" id="panel-bill" aria-labelledby="tab-bill" hidden={tab !== 'bill'}>
          <BillView
            bills={bills}
            selectedBillId={selectedBillId}
            onSelectBill={(id) => {
              setChosenBillId(id || null);
              setTarget(null);
            }}
            state={billState}
            paging={paging}
            page={pageContext}
            target={tab === 'bill' ? target : null}
          />
        </div>
        <div role="tabpanel" id="panel-search" aria-labelledby="tab-search" hidden={tab !== 'search'}>
          <SearchView query={query} onQuery={setQuery} state={searchState} onOpen={openHit} />
        </div>
      </main>
    </div>
  );
}

/** The WAI-ARIA tabs pattern: arrows, Home and End move between tabs; only the current tab is in the tab order. */
export function Tabs({ current, onChange }: { current: PanelTab; onChange: (tab: PanelTab) => void }) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const move = (to: number) => {
    const index = (to + TABS.length) % TABS.length;
    const next = TABS[index];
    if (!next) return;
    onChange(next.id);
    refs.current[index]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: TABS.length - 1,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    move(to);
  };
  return (
    <div role="tablist" aria-label="Panel sections" class="tabs">
      {TABS.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-controls={`panel-${t.id}`}
          aria-selected={current === t.id}
          tabIndex={current === t.id ? 0 : -1}
          onClick={() => onChange(t.id)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
