/**
 * The typed messages between the content script, the background and the extension pages (side panel, options).
 *
 * Background requests (`BackgroundRequest`) go through `browser.runtime.sendMessage` and are answered with a
 * `Reply`: never a thrown error across the boundary. Tab requests (`TabRequest`) go from the side panel to the
 * content script of the active tab through `browser.tabs.sendMessage`.
 */

import type { CaptureState, Duplicate, SavePlan } from './capture/duplicates';
import type {
  BillRecord,
  Briefing,
  PageContext,
  Position,
  PrintRelation,
  Reference,
  ReferenceMatch,
  Stance,
} from './model';
import type { StanceCell } from './stance/grid';
import type { Echo, TextSpan, TopicLink } from './topics';

/**
 * `browser.storage.local` key the background bumps whenever the reader's data changes (stance corrections, briefings
 * added, removed or imported): open pages annotate again and the side panel reads again, so every view shows it.
 */
export const DATA_REVISION_KEY = 'dataRevision';

interface StorageChanges {
  onChanged: {
    addListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
    removeListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
  };
}

/** Calls back whenever the background announces changed reader data; returns the remover. */
export function watchDataRevision(api: StorageChanges, callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && DATA_REVISION_KEY in changes) callback();
  };
  api.onChanged.addListener(listener);
  return () => api.onChanged.removeListener(listener);
}

/** Where the background's data comes from: IndexedDB, or the bundled dataset in memory when storage is unavailable. */
export type StorageMode = 'indexeddb' | 'memory';

export interface DatasetStatus {
  version: string;
  builtAt: string;
  storage: StorageMode;
  /** Why storage is `memory`, in plain words. */
  storageProblem: string | null;
  /** Whether what the reader adds outlives the background (false only in memory mode with nowhere to keep it). */
  userDataLasts: boolean;
  counts: { bills: number; briefings: number; positions: number; userBriefings: number };
}

/**
 * Which of a briefing's positions the panel shows: `from` (0-based, in the briefing's order) up to `to` (exclusive).
 * A reply never carries more than `LIMITS.panelWindow` of one briefing's positions.
 */
export interface PositionWindow {
  briefingId: string;
  from: number;
  to: number;
}

/** Some of a briefing's positions, in its order: `positions[0]` is the briefing's position number `from` (0-based). */
export interface BriefingPositions {
  briefingId: string;
  /** How many positions the briefing has in all. */
  total: number;
  from: number;
  positions: Position[];
}

export interface BriefingEntry extends BriefingPositions {
  briefing: Briefing;
  /**
   * The briefing's row of the stance grid, computed in the background from all its positions (corrections applied;
   * src/stance/grid.ts), so it is whole even when `positions` is one page.
   */
  cells: StanceCell[];
}

export interface BillBriefings {
  bill: BillRecord;
  /**
   * In parliamentary order (house of origin first, stage order, date). Each carries its first `LIMITS.panelPage`
   * positions, or the window the request asked for; `briefingPositions` fetches others.
   */
  briefings: BriefingEntry[];
}

export interface SearchHit {
  position: Position;
  briefing: Briefing;
  bill: BillRecord;
  score: number;
  /** Words of the query that matched, for marking. */
  terms: string[];
  /** References of the query the position names, for marking where it names them. */
  refs: Reference[];
}

export type BackgroundRequest =
  /** One round trip per page scan: every reference of one page section. */
  | { type: 'lookup'; page: PageContext; references: Reference[] }
  /** One round trip per page section: the text of its contribution paragraphs, for topic links, mentions and echoes. */
  | { type: 'topics'; page: PageContext; paragraphs: string[] }
  | { type: 'bill'; bill: string }
  /** The bill's briefings, each with its first page of positions (or the window asked for) and its stance grid row. */
  | { type: 'briefingsForBill'; billId: string; windows?: PositionWindow[] }
  /**
   * More of one briefing's positions for the panel: `from`-`to` (at most `LIMITS.panelWindow`), or with `at` the page
   * of `LIMITS.panelPage` holding that position (a stance-grid chip, a popover's or search result's target).
   */
  | { type: 'briefingPositions'; briefingId: string; from?: number; to?: number; at?: string }
  /** Positions by id with their briefings (the panel's On this page: the positions its page summary names). */
  | { type: 'positions'; ids: string[] }
  | { type: 'bills' }
  | { type: 'search'; query: string; limit?: number }
  | { type: 'status' }
  /** The content script reports how many positions apply on its page (for the toolbar badge). */
  | { type: 'pageSummary'; applies: number; total: number }
  /**
   * Opens the side panel, at a briefing when given (must run inside the user's gesture in Chrome); with `correct`, at
   * that position's "Not right?" form (for the provision `ref`, or the whole position when null).
   */
  | { type: 'openPanel'; briefingId?: string; positionId?: string; correct?: { ref: Reference | null } }
  /**
   * The reader sets the stance of a position (`ref` null) or of one provision of it; `undoCorrection` takes it back.
   * From extension pages only (the side panel): a page's scripts can click inside our popover, so the popover only
   * opens the panel at the form.
   */
  | { type: 'correctStance'; positionId: string; ref: Reference | null; stance: Stance }
  | { type: 'undoCorrection'; positionId: string; ref: Reference | null }
  /**
   * The content script's first popover on a page: the background runs the popover's script (POPOVER_SCRIPT) in the
   * sender's frame, beside the content script (the popover and Preact are not loaded on pages that never open one).
   */
  | { type: 'loadPopover' }
  /**
   * Saves a briefing (extension pages). `origin`: the LGA page it was read from (its URL decides duplicates with
   * other copies of that page); `captureId`: the pending capture it came from, whose tab is told it was saved.
   * Saving over briefings already added (the same page, words or name) is refused unless `replace` says the reader
   * confirmed it.
   */
  | {
      type: 'addBriefing';
      fileName: string;
      text: string;
      origin?: { url: string; pageDate: string | null };
      captureId?: string;
      replace?: boolean;
    }
  /** What saving this text would replace (extension pages: the preview says so before the reader saves). */
  | { type: 'planBriefing'; fileName: string; text: string; url?: string }
  /** The content script on an LGA briefing page: is this page's briefing saved, and is it still the same? */
  | { type: 'captureStatus'; text: string }
  /** The content script on an LGA briefing page, after the reader's click: opens the preview page with this text. */
  | { type: 'captureBriefing'; text: string; pageDate: string | null }
  /** The preview page: the text a content script handed over. */
  | { type: 'pendingCapture'; id: string }
  | { type: 'removeBriefing'; source: string }
  | { type: 'exportUserData' }
  /** Importing a file that names a briefing already added is refused unless `replace` says the reader confirmed it. */
  | { type: 'importUserData'; json: string; replace?: boolean };

/** Where saving a briefing would go, what it replaces, and how many of the reader's corrections that would remove. */
export type PlannedSave = SavePlan & { corrections: number };

/** A briefing the reader added that a save or an import replaces, as they are told of it. */
export interface ReplacedSource {
  source: string;
  billTitle: string;
  /** Its stage sections. */
  briefings: number;
  addedAt: string;
  /** The reader's stance corrections of it that its new version no longer holds: removed with it (said before and after). */
  corrections: number;
}

/** What the background found in one paragraph of a `topics` request (paragraphs with nothing found are left out). */
export interface ParagraphTopicsReply {
  /** Index in the request's `paragraphs`. */
  index: number;
  links: TopicLink[];
  lgaMentions: TextSpan[];
  echoes: Echo[];
}

export interface TopicsReply {
  /** The page's bill as the dataset knows it, or null (then only LGA mentions are looked for). */
  billId: string | null;
  paragraphs: ParagraphTopicsReply[];
  /** Every position linked or echoed, with its briefing, once. */
  positions: Array<{ position: Position; briefing: Briefing }>;
}

export interface BackgroundResponses {
  lookup: { matches: ReferenceMatch[]; storage: StorageMode };
  topics: TopicsReply;
  bill: BillRecord | null;
  briefingsForBill: BillBriefings | null;
  briefingPositions: BriefingPositions;
  positions: Array<{ position: Position; briefing: Briefing }>;
  bills: BillRecord[];
  search: SearchHit[];
  status: DatasetStatus;
  pageSummary: null;
  openPanel: null;
  /** The position as the views now show it (its corrections attached). */
  correctStance: Position;
  undoCorrection: Position;
  loadPopover: null;
  addBriefing: {
    bill: BillRecord;
    briefings: number;
    positions: number;
    warnings: string[];
    /** The name it was saved under (a duplicate's, when it replaced one). */
    source: string;
    /** The saved briefings it replaced (the same page, the same words, or the same name). */
    replaced: Duplicate[];
    /** The reader's stance corrections of what it replaced that no longer match a position: removed in the same write. */
    corrections: number;
  };
  planBriefing: PlannedSave;
  captureStatus: CaptureState;
  captureBriefing: { id: string };
  pendingCapture: PendingCapture | null;
  /** `removed`: its briefing sections; `corrections`: the reader's stance corrections of its positions, removed with it. */
  removeBriefing: { removed: number; corrections: number };
  exportUserData: { json: string };
  importUserData: { briefings: number; corrections: number; replaced: ReplacedSource[] };
}

/** A briefing page's text handed from its content script to the preview page (capture.html). */
export interface PendingCapture {
  id: string;
  /** The page's URL, as the browser reported the sender (not as the page claims). */
  url: string;
  /** `local.gov.uk`. */
  site: string;
  text: string;
  pageDate: string | null;
  /** The name it would be saved under when it is new. */
  source: string;
}

/** Where the side panel should open: the briefing (and position) a popover's link named. */
export interface PanelTarget {
  briefingId: string | null;
  positionId: string | null;
  /** Open the position's "Not right?" form, for this provision (or the whole position when `ref` is null). */
  correct?: { ref: Reference | null } | null;
  tabId: number | null;
  requestedAt: number;
}

/** The words of a refusal that left the reader's data as it was, written once (the background's and the pages'). */
export const NOTHING_CHANGED = 'nothing was changed';

/**
 * `replaces`: the request would replace briefings the reader added and was refused until they confirm; sent again
 * with `replace: true` it goes ahead.
 */
export type Reply<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      /** Refused until the reader confirms replacing these (send it again with `replace`). */
      replaces?: ReplacedSource[];
      /**
       * Set when the request was refused and nothing stored changed: the reason alone (`not JSON: …`), for a page that
       * says "nothing was changed" in its own sentence; `error` is the same reason after those words.
       */
      unchanged?: string;
    };

export type ResponseFor<R extends BackgroundRequest> = BackgroundResponses[R['type']];

/** A reference on the page with what the background said of it, as the side panel lists it. */
export interface PageReferenceSummary {
  /** Index in the content script's own list, used to focus it. */
  index: number;
  kind: Reference['kind'];
  number: string;
  text: string;
  sectionBill: string | null;
  stance: Stance | null;
  applies: boolean;
  /**
   * How the print the lead position numbered this provision for relates to the page's (`this` when it applies): the
   * panel says "another print" only when that is known, as the card does.
   */
  print: PrintRelation;
  positionIds: string[];
}

export interface PageSummary {
  url: string;
  sections: PageContext[];
  /** The references that carry a position (a mention without one is not listed, only counted below). */
  references: PageReferenceSummary[];
  /**
   * How many provisions the page mentions, with a position or not (each provision of each section's bill once,
   * `provisionKey`): what the panel says when the LGA's briefings take no position on any of them.
   */
  mentioned: number;
}

/** What topic links found on the page (issue 14), for the side panel's On this page view. */
export interface PageTopicsSummary {
  /** Positions on subjects the page argues, each once, in the order first linked. */
  subjects: Array<{
    positionId: string;
    briefingId: string;
    text: string;
    /** The position's headline stance (`Position.stance`: a subject, not a provision). */
    stance: Stance;
    /** `Commons Second Reading, 8 January 2025`. */
    briefing: string;
    /** Paragraphs linked to it. */
    paragraphs: number;
  }>;
  /** LGA mentions on the page. */
  mentions: number;
  /** Who mentioned the LGA, where the page names its speakers. */
  speakers: string[];
}

export type TabRequest =
  | { type: 'pageSummary' }
  | { type: 'topicSummary' }
  | { type: 'focusReference'; index: number }
  | { type: 'focusStep'; direction: 1 | -1 }
  /** To an LGA briefing page's content script: its briefing was saved; ask for its status again. */
  | { type: 'captureChanged' };

/**
 * The popover's script, built from entrypoints/popover.ts (a WXT unlisted script), that `loadPopover` runs in a tab.
 * It is not a web-accessible resource: pages cannot load it or probe for it.
 */
export const POPOVER_SCRIPT = '/popover.js';

/** Compile-time list of request types, used to validate incoming messages. */
export const BACKGROUND_REQUEST_TYPES = [
  'lookup',
  'topics',
  'bill',
  'briefingsForBill',
  'briefingPositions',
  'positions',
  'bills',
  'search',
  'status',
  'pageSummary',
  'openPanel',
  'correctStance',
  'undoCorrection',
  'loadPopover',
  'addBriefing',
  'planBriefing',
  'captureStatus',
  'captureBriefing',
  'pendingCapture',
  'removeBriefing',
  'exportUserData',
  'importUserData',
] as const satisfies ReadonlyArray<BackgroundRequest['type']>;
