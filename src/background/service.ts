/**
 * The background service: answers every `BackgroundRequest` from the content scripts, the side panel and the
 * options page with a `Reply`, never a thrown error. It opens the store (IndexedDB, else memory), seeds it from the
 * bundled dataset, and keeps the search index. Browser specifics (badge, side panel) come in as a `Platform`, so
 * this file runs under vitest with fake-indexeddb; `entrypoints/background.ts` only wires it to `browser`.
 */

import type MiniSearch from 'minisearch';
import { resolveBill } from '../bills';
import { compileBriefing, type Diagnostic } from '../briefings';
import { type BriefingOrigin, captureState, planSave, type SavePlan } from '../capture/duplicates';
import { briefingSite, captureSourceName } from '../capture/sites';
import { billForPage, distinctReferences, matchReferences, parliamentaryOrder } from '../matching';
import type {
  BackgroundRequest,
  BackgroundResponses,
  DatasetStatus,
  PanelTarget,
  PendingCapture,
  Reply,
  SearchHit,
  TabRequest,
} from '../messaging';
import type { BillRecord, Briefing, Dataset, Position, Reference } from '../model';
import {
  buildSearchIndex,
  loadSearchIndex,
  SEARCH_INDEX_FORMAT,
  type SearchDocument,
  searchPositions,
  serializeSearchIndex,
} from '../search';
import { MemoryStore, openStore } from '../store';
import { namespaceUserRecords } from '../store/records';
import type { UserBriefingRecord } from '../store/schema';
import type { DataStore, SeedOutcome } from '../store/types';
import { TopicIndexCache, topicsReply } from './topics';
import { exportUserDataFile, parseUserDataFile } from './user-data';
import { validateRequest } from './validate';

export type { PanelTarget } from '../messaging';

export interface Platform {
  setBadge(tabId: number, text: string): Promise<void> | void;
  /** Must act before its first `await`: Chrome opens the side panel only inside the user's gesture. */
  openPanel(tabId: number | null, windowId: number | null): Promise<void> | void;
  setPanelTarget(target: PanelTarget): Promise<void> | void;
  /** Opens the preview page of a briefing read from an LGA page, next to the tab it came from. */
  openCapturePage(captureId: string, tabId: number | null): Promise<void> | void;
  /** Tells a tab's content script something (a failure is ignored: the tab may be gone). */
  tellTab(tabId: number, request: TabRequest): Promise<void> | void;
}

export interface MessageSender {
  tab?: { id?: number; windowId?: number };
  /** The sending frame's URL as the browser reports it: a page's for content scripts, the extension's for its pages. */
  url?: string;
}

export interface ServiceOptions {
  /** The browser's `indexedDB`; undefined or a failing factory gives the in-memory store. */
  indexedDB: IDBFactory | undefined | null;
  dataset: () => Dataset;
  platform?: Partial<Platform>;
  now?: () => Date;
  openTimeoutMs?: number;
}

export interface BackgroundService {
  /** Resolves once the store is open and holds the bundled dataset's version. */
  readonly ready: Promise<DataStore>;
  /** Seeds again if the stored version is not the bundled one (install, update, startup). */
  ensureSeeded(): Promise<SeedOutcome>;
  /** Builds (or loads) the search index ahead of the first search. */
  prepareSearch(): Promise<void>;
  handle(message: unknown, sender?: MessageSender): Promise<Reply<unknown>>;
}

type Handlers = {
  [T in BackgroundRequest['type']]: (
    request: Extract<BackgroundRequest, { type: T }>,
    sender: MessageSender,
  ) => Promise<BackgroundResponses[T]>;
};

/** An error meant for the reader, as opposed to a bug. */
class UserFacingError extends Error {}

const DEFAULT_SEARCH_LIMIT = 20;
/** A lookup of more distinct references than this reads the bill's whole data once and keeps it for the next sections. */
const WHOLE_BILL_READ_FROM = 24;
/** Bills whose whole data is kept between lookups (a page is about one bill; a few tabs about a few). */
const BILL_CACHE_SIZE = 4;
/** Briefing texts handed over by LGA pages and not yet saved or dropped: a few tabs' worth, the oldest dropped first. */
const PENDING_CAPTURES = 8;
/** One preview page opened at a time per tab: a second click within this time opens nothing more. */
const CAPTURE_COOLDOWN_MS = 1_000;

/** The LGA briefing page a content script's message comes from, by the browser's word (never the message's). */
function briefingPageOf(sender: MessageSender): { url: string; site: string } {
  const site = sender.url ? briefingSite(sender.url) : null;
  if (!sender.url || !site || sender.tab?.id === undefined) {
    throw new UserFacingError('only the content script of an LGA briefing page may send this');
  }
  return { url: sender.url, site: site.name };
}

/** Extension pages (options, side panel, the capture preview) have the extension's own URL; pages never do. */
function requireExtensionPage(sender: MessageSender): void {
  let protocol = '';
  try {
    protocol = new URL(sender.url ?? '').protocol;
  } catch {}
  if (protocol !== 'chrome-extension:' && protocol !== 'moz-extension:') {
    throw new UserFacingError('only the extension’s own pages may send this');
  }
}

interface PendingCaptureEntry extends PendingCapture {
  tabId: number;
  at: number;
}

type BillData = { briefings: Briefing[]; positions: Position[] };

export function createBackgroundService(options: ServiceOptions): BackgroundService {
  const now = options.now ?? (() => new Date());
  const platform = options.platform ?? {};
  let dataset: Dataset | null = null;
  const bundled = () => {
    dataset ??= options.dataset();
    return dataset;
  };

  let store: DataStore;
  let billsCache: BillRecord[] | null = null;
  /** Whole-bill data from earlier lookups, newest last; emptied whenever shipped or user data change. */
  const billDataCache = new Map<string, BillData>();
  let searchCache: { stamp: string; index: MiniSearch<SearchDocument> } | null = null;
  /** Topic indexes by bill, built from every position once (the weights read the LGA's wording on all bills). */
  const topicIndexes = new TopicIndexCache(() => store.everything());
  let searchBuilding: Promise<{ stamp: string; index: MiniSearch<SearchDocument> }> | null = null;

  /** Seeds, and if IndexedDB fails while writing (quota, a broken profile), carries on from memory. */
  async function seed(): Promise<SeedOutcome> {
    try {
      return await store.seed(bundled());
    } catch (error) {
      if (store.mode === 'memory') throw error;
      store = new MemoryStore(`Writing the dataset to IndexedDB failed (${describe(error)}); served from memory.`);
      return store.seed(bundled());
    } finally {
      billsCache = null;
      billDataCache.clear();
      topicIndexes.clear();
    }
  }

  const ready = (async () => {
    store = await openStore(options.indexedDB, { timeoutMs: options.openTimeoutMs });
    await seed();
    return store;
  })();

  let seeding: Promise<SeedOutcome> | null = null;
  async function ensureSeeded(): Promise<SeedOutcome> {
    await ready;
    // One seeding at a time: onInstalled and onStartup can fire together.
    seeding ??= seed().finally(() => {
      seeding = null;
    });
    return seeding;
  }

  async function allBills(): Promise<BillRecord[]> {
    billsCache ??= await store.bills();
    return billsCache;
  }

  function userDataChanged(): void {
    billsCache = null;
    billDataCache.clear();
    topicIndexes.clear();
  }

  /**
   * The briefings and positions a lookup needs. Few references: one index read per reference. Many (a page scan):
   * one read of the bill's positions, kept for the page's other sections and later scans.
   */
  async function lookupData(billId: string, refs: readonly Reference[]): Promise<BillData> {
    let whole = billDataCache.get(billId);
    if (!whole && refs.length <= WHOLE_BILL_READ_FROM) return store.lookupData(billId, refs);
    if (!whole) {
      whole = await store.billData(billId);
      billDataCache.set(billId, whole);
      if (billDataCache.size > BILL_CACHE_SIZE) billDataCache.delete(billDataCache.keys().next().value as string);
    }
    const wanted = new Set(refs.map((ref) => `${ref.kind}|${ref.number.toUpperCase()}`));
    const positions = whole.positions.filter((p) =>
      p.refs.some((r) => wanted.has(`${r.kind}|${r.number.toUpperCase()}`)),
    );
    return { briefings: whole.briefings, positions };
  }

  async function findBill(nameOrId: string): Promise<BillRecord | null> {
    return (await store.bill(nameOrId)) ?? resolveBill(nameOrId, await allBills());
  }

  async function searchIndex(): Promise<MiniSearch<SearchDocument>> {
    const stamp = `${await store.searchStamp()}|format ${SEARCH_INDEX_FORMAT}`;
    if (searchCache?.stamp === stamp) return searchCache.index;
    searchBuilding ??= (async () => {
      const stored = await store.loadSearchIndex();
      if (stored?.stamp === stamp) return { stamp, index: loadSearchIndex(stored.json) };
      const index = buildSearchIndex(await store.everything());
      await store.saveSearchIndex({ stamp, json: serializeSearchIndex(index) });
      return { stamp, index };
    })().finally(() => {
      searchBuilding = null;
    });
    searchCache = await searchBuilding;
    return searchCache.index;
  }

  /** Compiles briefing texts in order; later ones see the bills earlier ones introduced. */
  async function compileUserBriefings(
    items: ReadonlyArray<{
      source: string;
      text: string;
      addedAt: string;
      updatedAt?: string;
      origin?: BriefingOrigin | null;
    }>,
  ): Promise<{ records: UserBriefingRecord[]; errors: Diagnostic[] }> {
    const bills = [...(await allBills())];
    const records: UserBriefingRecord[] = [];
    const errors: Diagnostic[] = [];
    for (const item of items) {
      const result = compileBriefing(item.text, item.source, bills);
      if (result.errors.length) {
        errors.push(...result.errors);
        continue;
      }
      if (result.positions.length === 0) {
        errors.push({ source: item.source, line: 1, message: 'no key messages or background bullets were found' });
        continue;
      }
      if (!bills.some((bill) => bill.id === result.bill.id)) bills.push(result.bill);
      records.push({
        source: item.source,
        text: item.text,
        addedAt: item.addedAt,
        ...(item.updatedAt ? { updatedAt: item.updatedAt } : {}),
        ...(item.origin ? { origin: item.origin } : {}),
        bill: result.bill,
        ...namespaceUserRecords(result.briefings, result.positions, item.origin?.site ?? null),
        warnings: result.warnings.map(formatDiagnostic),
      });
    }
    return { records, errors };
  }

  const pendingCaptures = new Map<string, PendingCaptureEntry>();
  let lastCaptureAt = Number.NEGATIVE_INFINITY;

  function originOf(origin: { url: string; pageDate: string | null } | undefined): BriefingOrigin | null {
    if (!origin) return null;
    const site = briefingSite(origin.url);
    if (!site) throw new UserFacingError(`${origin.url} is not an LGA briefing page`);
    return { url: origin.url, site: site.name, pageDate: origin.pageDate };
  }

  /** Where saving `text` as `fileName` would go, and what it would replace (see src/capture/duplicates.ts). */
  async function plan(fileName: string, text: string, url: string | null): Promise<SavePlan> {
    const result = compileBriefing(text, fileName, await allBills());
    return planSave({ ...result, source: fileName, url }, await store.userBriefings());
  }

  const handlers: Handlers = {
    async lookup({ page, references }) {
      const wanted: Reference[] = distinctReferences(references);
      const bill = billForPage(page, await allBills());
      if (!bill) return { matches: wanted.map((ref) => ({ ...ref, positions: [] })), storage: store.mode };
      const data = await lookupData(bill.id, wanted);
      return { matches: matchReferences(page, wanted, { bill, ...data }), storage: store.mode };
    },

    async topics({ page, paragraphs }) {
      const bill = billForPage(page, await allBills());
      const index = bill ? await topicIndexes.get(bill) : null;
      return topicsReply(index, paragraphs);
    },

    async bill({ bill }) {
      return findBill(bill);
    },

    async bills() {
      return [...(await allBills())].sort((a, b) => a.title.localeCompare(b.title));
    },

    async briefingsForBill({ billId }) {
      const bill = await findBill(billId);
      if (!bill) return null;
      const { briefings, positions } = await store.billData(bill.id);
      return {
        bill,
        briefings: parliamentaryOrder(briefings, bill).map((briefing) => ({
          briefing,
          positions: positions.filter((p) => p.briefingId === briefing.id).sort((a, b) => a.line - b.line),
        })),
      };
    },

    async search({ query, limit }) {
      const hits = searchPositions(await searchIndex(), query, limit ?? DEFAULT_SEARCH_LIMIT);
      if (hits.length === 0) return [];
      const positions = new Map((await store.positionsByIds(hits.map((hit) => hit.id))).map((p) => [p.id, p]));
      const briefingIds = [...new Set([...positions.values()].map((p) => p.briefingId))];
      const briefings = new Map((await store.briefingsByIds(briefingIds)).map((b) => [b.id, b]));
      const bills = new Map((await allBills()).map((b) => [b.id, b]));
      return hits.flatMap((hit): SearchHit[] => {
        const position = positions.get(hit.id);
        const briefing = position && briefings.get(position.briefingId);
        const bill = position && bills.get(position.billId);
        return position && briefing && bill ? [{ position, briefing, bill, score: hit.score, terms: hit.terms }] : [];
      });
    },

    async status() {
      const meta = await store.meta();
      const counts = await store.counts();
      const status: DatasetStatus = {
        version: meta?.version ?? '',
        builtAt: meta?.builtAt ?? '',
        storage: store.mode,
        storageProblem: store.problem,
        counts: {
          bills: meta?.counts.bills ?? 0,
          briefings: meta?.counts.briefings ?? 0,
          positions: meta?.counts.positions ?? 0,
          userBriefings: counts.userBriefings,
        },
      };
      return status;
    },

    async pageSummary({ applies }, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new UserFacingError('pageSummary must come from a tab');
      await platform.setBadge?.(tabId, applies > 0 ? String(Math.min(applies, 999)) : '');
      return null;
    },

    // The panel itself was opened synchronously in `handle`; this only records where it should show.
    async openPanel({ briefingId, positionId }, sender) {
      await platform.setPanelTarget?.({
        briefingId: briefingId ?? null,
        positionId: positionId ?? null,
        tabId: sender.tab?.id ?? null,
        requestedAt: now().getTime(),
      });
      return null;
    },

    async addBriefing({ fileName, text, origin, captureId }) {
      const from = originOf(origin);
      const saving = await plan(fileName, text, from?.url ?? null);
      const at = now().toISOString();
      const { records, errors } = await compileUserBriefings([
        {
          source: saving.source,
          text,
          addedAt: saving.addedAt ?? at,
          ...(saving.addedAt ? { updatedAt: at } : {}),
          origin: from ?? savedOrigin(saving, await store.userBriefings()),
        },
      ]);
      const [record] = records;
      if (errors.length || !record) throw new UserFacingError(errors.map(formatDiagnostic).join('\n'));
      const others = saving.replaces.map((d) => d.source).filter((source) => source !== record.source);
      await store.putUserBriefings([record], [], others);
      userDataChanged();
      const capture = captureId ? pendingCaptures.get(captureId) : undefined;
      if (capture) {
        pendingCaptures.delete(capture.id);
        void Promise.resolve(platform.tellTab?.(capture.tabId, { type: 'captureChanged' })).catch(() => {});
      }
      return {
        bill: record.bill,
        briefings: record.briefings.length,
        positions: record.positions.length,
        warnings: record.warnings,
        source: record.source,
        replaced: saving.replaces,
      };
    },

    async planBriefing({ fileName, text, url }, sender) {
      requireExtensionPage(sender);
      return plan(fileName, text, url ?? null);
    },

    async captureStatus({ text }, sender) {
      const page = briefingPageOf(sender);
      const source = captureSourceName(page.url);
      const result = compileBriefing(text, source, await allBills());
      return captureState({ ...result, source, url: page.url }, await store.userBriefings());
    },

    async captureBriefing({ text, pageDate }, sender) {
      const page = briefingPageOf(sender);
      const tabId = sender.tab?.id as number;
      const at = now().getTime();
      if (at - lastCaptureAt < CAPTURE_COOLDOWN_MS) throw new UserFacingError('a preview is already opening');
      lastCaptureAt = at;
      const id = randomId();
      pendingCaptures.set(id, { id, ...page, text, pageDate, source: captureSourceName(page.url), tabId, at });
      while (pendingCaptures.size > PENDING_CAPTURES) pendingCaptures.delete(pendingCaptures.keys().next().value!);
      await platform.openCapturePage?.(id, tabId);
      return { id };
    },

    async pendingCapture({ id }, sender) {
      requireExtensionPage(sender);
      const entry = pendingCaptures.get(id);
      if (!entry) return null;
      const { tabId: _tab, at: _at, ...capture } = entry;
      return capture;
    },

    async removeBriefing({ source }) {
      const removed = await store.removeUserBriefing(source);
      if (removed === 0) throw new UserFacingError(`no briefing you added is called "${source}"`);
      userDataChanged();
      return { removed };
    },

    async exportUserData() {
      return { json: exportUserDataFile(await store.userBriefings(), await store.userData(), now()) };
    },

    async importUserData({ json }) {
      const parsed = parseUserDataFile(json);
      if (!parsed.ok) throw new UserFacingError(`import failed, nothing was changed:\n${parsed.errors.join('\n')}`);
      const { records, errors } = await compileUserBriefings(parsed.file.briefings);
      if (errors.length) {
        throw new UserFacingError(`import failed, nothing was changed:\n${errors.map(formatDiagnostic).join('\n')}`);
      }
      await store.putUserBriefings(records, parsed.file.userData);
      userDataChanged();
      return { briefings: records.length };
    },
  };

  function handle(message: unknown, sender: MessageSender = {}): Promise<Reply<unknown>> {
    const validated = validateRequest(message);
    if (!validated.ok) return Promise.resolve({ ok: false, error: validated.error });
    const { request } = validated;
    if (request.type === 'openPanel') {
      // Synchronously, before any await: Chrome's sidePanel.open() needs the user's gesture.
      try {
        void Promise.resolve(platform.openPanel?.(sender.tab?.id ?? null, sender.tab?.windowId ?? null)).catch(
          () => {},
        );
      } catch {
        // Opening can fail (no gesture, no window); the target is still recorded for the toolbar button.
      }
    }
    return (async (): Promise<Reply<unknown>> => {
      try {
        await ready;
        const handler = handlers[request.type] as (r: BackgroundRequest, s: MessageSender) => Promise<unknown>;
        return { ok: true, data: await handler(request, sender) };
      } catch (error) {
        if (error instanceof UserFacingError) return { ok: false, error: error.message };
        return { ok: false, error: `${request.type} failed: ${describe(error)}` };
      }
    })();
  }

  async function prepareSearch(): Promise<void> {
    await ready;
    await searchIndex();
  }

  return { ready, ensureSeeded, prepareSearch, handle };
}

/** A briefing saved again from a file keeps the page it was first read from. */
function savedOrigin(saving: SavePlan, saved: readonly UserBriefingRecord[]): BriefingOrigin | null {
  for (const duplicate of saving.replaces) {
    const origin = saved.find((r) => r.source === duplicate.source)?.origin;
    if (origin) return origin;
  }
  return null;
}

function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.source}:${d.line}: ${d.message}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
