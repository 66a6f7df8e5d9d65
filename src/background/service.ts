/**
 * The background service: answers every `BackgroundRequest` from the content scripts, the side panel and the
 * options page with a `Reply`, never a thrown error. This file is the table of handlers (request type -> handler)
 * and the wiring they share: the store (IndexedDB, else memory) seeded from the bundled dataset, the data kept
 * between requests, and the search index. Each job is its own module beside it: the reader's corrections
 * (corrections.ts), LGA pages' hand-overs (capture-queue.ts), saving a briefing (saving.ts), the reader's data file
 * and its writes (user-data.ts), search replies (search-reply.ts), the Bill view's pages (bill-pages.ts), topics
 * (topics.ts), who may send what (senders.ts), refusals (errors.ts). Browser specifics (badge, side panel) come in
 * as a `Platform` (platform.ts), so this file runs under vitest with fake-indexeddb; `entrypoints/background.ts`
 * only wires it to `browser`.
 */

import { resolveBill } from '../bills';
import { compileBriefing } from '../briefings';
import { captureState } from '../capture/duplicates';
import { captureSourceName } from '../capture/sites';
import { billIdOfBriefing } from '../ids';
import { LIMITS } from '../limits';
import { billForPage, boundMatches, distinctReferences, matchReferences, parliamentaryOrder } from '../matching';
import type { BackgroundRequest, BackgroundResponses, DatasetStatus, Reply } from '../messaging';
import type { BillRecord, Briefing, Dataset, Position, Reference, StanceCorrection } from '../model';
import { type IndexChange, SearchIndexCache } from '../search/cache';
import { describeError, openStore, type UserDataKeeper } from '../store';
import { BillDataCache } from '../store/bill-cache';
import { positionsWithBriefings } from '../store/positions-by-id';
import { correctionsOrphaned, correctsRecord } from '../store/records';
import { seedOrMemory } from '../store/seed-or-memory';
import type { DataStore, SeedOutcome } from '../store/types';
import { referenceWords, sameProvision } from '../vocabulary';
import { briefingEntry, positionsAsked, StanceGridCache } from './bill-pages';
import { briefingPageOf, CaptureQueue } from './capture-queue';
import { CorrectionsCache } from './corrections';
import { errorReply, UserFacingError } from './errors';
import type { Platform } from './platform';
import { compileSaving, originOf, planSaving, replacedBy } from './saving';
import { searchReply } from './search-reply';
import { type ExtensionIdentity, type MessageSender, refusal } from './senders';
import { TopicIndexCache, topicsReply } from './topics';
import {
  confirmImportReplacing,
  confirmSaveReplacing,
  exportUserDataFile,
  importFailed,
  orphanedBy,
  readImport,
  replacedSource,
  type UserDataWrite,
  writeUserData,
} from './user-data';
import { validateRequest } from './validate';

export interface ServiceOptions {
  /** The browser's `indexedDB`; undefined or a failing factory gives the in-memory store. */
  indexedDB: IDBFactory | undefined | null;
  dataset: () => Dataset;
  /** Our extension's id and page origin: what a sender must show to be let in (src/background/senders.ts). */
  extension: ExtensionIdentity;
  platform?: Partial<Platform>;
  now?: () => Date;
  openTimeoutMs?: number;
  /**
   * Where the reader's data is kept when IndexedDB cannot be used (the extension's `storage.local`), so it outlives
   * the background; without one, memory mode says plainly that what is added will not last.
   */
  keeper?: UserDataKeeper | null;
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

const DEFAULT_SEARCH_LIMIT = 20;
/** After the reader's data changes, how long to wait before building the search index again. */
const SEARCH_PREPARE_DELAY_MS = 1_000;

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
  const billData = new BillDataCache();
  const searchIndex = new SearchIndexCache();
  /** Topic indexes by bill, built from every position once (the weights read the LGA's wording on all bills). */
  const topicIndexes = new TopicIndexCache(() => store.everything());
  const corrections = new CorrectionsCache(() => store);
  /** The Bill view's stance grid rows, kept by the bill's kept positions and the corrections map above. */
  const grids = new StanceGridCache();
  const captures = new CaptureQueue();

  async function positionById(positionId: string): Promise<Position> {
    const [position] = await store.positionsByIds([positionId]);
    if (!position) throw new UserFacingError(`no position "${positionId}" in the dataset`);
    return position;
  }

  /** A correction was made or undone (or the briefings they apply to changed): read them again, and tell open views. */
  function correctionsChanged(): void {
    corrections.clear();
    void Promise.resolve(platform.dataChanged?.()).catch(() => {});
  }

  /** Seeds, and if IndexedDB fails while writing, carries on from memory (src/store/seed-or-memory.ts). */
  async function seed(): Promise<SeedOutcome> {
    try {
      return await seedOrMemory(store, bundled, options.keeper ?? null, (memory) => {
        store = memory;
      });
    } finally {
      billsCache = null;
      billData.clear();
      topicIndexes.clear();
    }
  }

  const ready = (async () => {
    store = await openStore(options.indexedDB, { timeoutMs: options.openTimeoutMs, keeper: options.keeper ?? null });
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

  async function findBill(nameOrId: string): Promise<BillRecord | null> {
    return (await store.bill(nameOrId)) ?? resolveBill(nameOrId, await allBills());
  }

  let preparing: ReturnType<typeof setTimeout> | null = null;
  /**
   * The reader's briefings changed (the store's search stamp was `before`): what was kept of them goes, and the search
   * index held is updated in place (src/search/cache.ts).
   */
  async function userDataChanged(before: string, change: IndexChange): Promise<void> {
    billsCache = null;
    billData.clear();
    topicIndexes.clear();
    correctionsChanged();
    // The search index is built again ahead of the next search (in slices: see src/search/cache.ts), once the reader's
    // changes have settled, so the first search after adding a large briefing does not wait for it.
    if (preparing !== null) clearTimeout(preparing);
    preparing = setTimeout(() => {
      preparing = null;
      void prepareSearch().catch(() => undefined);
    }, SEARCH_PREPARE_DELAY_MS);
    const after = await store.searchStamp();
    void searchIndex.update(store, before, after, change).catch(() => undefined);
  }

  /** Writes the reader's data (./user-data.ts) and returns the corrections it removed. */
  async function saveUserData(write: UserDataWrite): Promise<StanceCorrection[]> {
    const { orphaned, stampBefore, change } = await writeUserData(store, allBills, write);
    await userDataChanged(stampBefore, change);
    return orphaned;
  }

  const handlers: Handlers = {
    async lookup({ page, references }) {
      const wanted: Reference[] = distinctReferences(references);
      const bill = billForPage(page, await allBills());
      if (!bill) return { matches: wanted.map((ref) => ({ ...ref, positions: [] })), storage: store.mode };
      const data = await billData.lookup(store, bill.id, wanted);
      const positions = await corrections.attach(data.positions);
      const matches = boundMatches(matchReferences(page, wanted, { bill, ...data, positions }), {
        perReference: LIMITS.positionsPerReference,
        perBriefing: LIMITS.positionsPerBriefing,
      });
      return { matches, storage: store.mode };
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

    async briefingsForBill({ billId, windows }) {
      const bill = await findBill(billId);
      if (!bill) return null;
      const whole = await billData.whole(store, bill.id);
      const byPosition = await corrections.byPosition();
      const asked = new Map((windows ?? []).map((w) => [w.briefingId, w]));
      return {
        bill,
        briefings: parliamentaryOrder(whole.briefings, bill).map((briefing) =>
          briefingEntry(briefing, whole.byBriefing.get(briefing.id) ?? [], asked.get(briefing.id), byPosition, grids),
        ),
      };
    },

    async briefingPositions(request) {
      const whole = await billData.whole(store, billIdOfBriefing(request.briefingId));
      return positionsAsked(whole, request, await corrections.byPosition());
    },

    async positions({ ids }) {
      const found = await positionsWithBriefings(store, billData, ids);
      const read = await corrections.attach(found.map((f) => f.position));
      return read.map((position, i) => ({ position, briefing: (found[i] as { briefing: Briefing }).briefing }));
    },

    async search({ query, limit }) {
      return searchReply(query, limit ?? DEFAULT_SEARCH_LIMIT, {
        index: () => searchIndex.index(store),
        corrections,
        positions: (ids) => positionsWithBriefings(store, billData, ids),
        bills: allBills,
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
        userDataLasts: store.keepsUserData,
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

    async loadPopover(_request, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new UserFacingError('loadPopover must come from a tab');
      await platform.injectPopover?.(tabId, sender.frameId ?? 0);
      return null;
    },

    // The panel itself was opened synchronously in `handle`; this only records where it should show.
    async openPanel({ briefingId, positionId, correct }, sender) {
      await platform.setPanelTarget?.({
        briefingId: briefingId ?? null,
        positionId: positionId ?? null,
        correct: correct ?? null,
        tabId: sender.tab?.id ?? null,
        requestedAt: now().getTime(),
      });
      return null;
    },

    async correctStance({ positionId, ref, stance }) {
      const position = await positionById(positionId);
      const own = ref && position.refs.find((r) => sameProvision(r, ref));
      if (ref && !own) throw new UserFacingError(`the position does not name ${referenceWords(ref)}`);
      await store.putCorrection({
        positionId,
        ref: own ? { kind: own.kind, number: own.number } : null,
        stance,
        text: position.text,
        at: now().toISOString(),
      });
      correctionsChanged();
      return (await corrections.attach([position]))[0] as Position;
    },

    async undoCorrection({ positionId, ref }) {
      const position = await positionById(positionId);
      if (!(await store.removeCorrection(positionId, ref)))
        throw new UserFacingError('there was no correction to undo');
      correctionsChanged();
      return (await corrections.attach([position]))[0] as Position;
    },

    async addBriefing({ fileName, text, origin, captureId, replace }) {
      const from = originOf(origin);
      const saved = await store.userBriefings();
      const saving = planSaving(fileName, text, from?.url ?? null, await allBills(), saved);
      const { record, errors } = compileSaving(saving, text, from, {
        saved,
        at: now().toISOString(),
        bills: await allBills(),
      });
      if (saving.replaces.length && !replace) {
        const replaced = replacedBy(saving, saved);
        const orphaned = record ? await orphanedBy(store, replaced, [record]) : [];
        throw confirmSaveReplacing(replaced.map((r) => replacedSource(r, orphaned)));
      }
      if (errors.length || !record) throw new UserFacingError(errors.join('\n'));
      const others = saving.replaces.map((d) => d.source).filter((source) => source !== record.source);
      const orphaned = await saveUserData({ records: [record], replacing: others });
      const capture = captureId ? captures.take(captureId) : null;
      if (capture) {
        void Promise.resolve(platform.tellTab?.(capture.tabId, { type: 'captureChanged' })).catch(() => {});
      }
      return {
        bill: record.bill,
        briefings: record.briefings.length,
        positions: record.positions.length,
        warnings: record.warnings,
        source: record.source,
        replaced: saving.replaces,
        corrections: orphaned.length,
      };
    },

    async planBriefing({ fileName, text, url }) {
      const saved = await store.userBriefings();
      const saving = planSaving(fileName, text, url ?? null, await allBills(), saved);
      const replaced = replacedBy(saving, saved);
      // Compiled again under the name it would be saved as (ids follow the name) only when a correction could go.
      const stored = await store.corrections();
      if (!stored.some((c) => replaced.some((r) => correctsRecord(c, r)))) return { ...saving, corrections: 0 };
      const from = url ? originOf({ url, pageDate: null }) : null;
      const { record } = compileSaving(saving, text, from, { saved, at: now().toISOString(), bills: await allBills() });
      return { ...saving, corrections: record ? correctionsOrphaned(stored, replaced, [record]).length : 0 };
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
      const id = captures.hold(
        { ...page, text, pageDate, source: captureSourceName(page.url) },
        tabId,
        now().getTime(),
      );
      await platform.openCapturePage?.(id, tabId);
      return { id };
    },

    async pendingCapture({ id }) {
      return captures.get(id);
    },

    async removeBriefing({ source }) {
      const before = await store.searchStamp();
      const removed = await store.removeUserBriefing(source);
      if (removed.briefings === 0) throw new UserFacingError(`no briefing you added is called "${source}"`);
      await userDataChanged(before, {
        removed: removed.positions,
        added: { bills: [], briefings: [], positions: [] },
      });
      return { removed: removed.briefings, corrections: removed.corrections };
    },

    async exportUserData() {
      return {
        json: exportUserDataFile(await store.userBriefings(), await store.userData(), now(), await store.corrections()),
      };
    },

    async importUserData({ json, replace }) {
      const { file, records } = await readImport(json, allBills);
      const stored = new Map((await store.userBriefings()).map((record) => [record.source, record]));
      const replacedRecords = file.briefings.flatMap((item) => stored.get(item.source) ?? []);
      // Said before confirming: the corrections of a replaced briefing the file's version no longer holds.
      const orphaned = await orphanedBy(store, replacedRecords, records, file.corrections);
      const replaced = replacedRecords.map((record) => replacedSource(record, orphaned));
      if (replaced.length && !replace) throw confirmImportReplacing(replaced);
      // Only the write can fail with nothing changed: what follows it (caches, the search index) runs once it is
      // stored, so its failure is never reported as an import that changed nothing.
      let written: Awaited<ReturnType<typeof writeUserData>>;
      try {
        written = await writeUserData(store, allBills, {
          records,
          userData: file.userData,
          corrections: file.corrections,
        });
      } catch (error) {
        if (error instanceof UserFacingError) throw error;
        throw importFailed([`storing it failed (${describeError(error)})`]);
      }
      await userDataChanged(written.stampBefore, written.change);
      const removed = written.orphaned;
      return {
        briefings: records.length,
        corrections: file.corrections.length,
        replaced: replacedRecords.map((record) => replacedSource(record, removed)),
      };
    },
  };

  function handle(message: unknown, sender: MessageSender = {}): Promise<Reply<unknown>> {
    const validated = validateRequest(message);
    if (!validated.ok) return Promise.resolve({ ok: false, error: validated.error });
    const { request } = validated;
    const refused = refusal(request.type, sender, options.extension);
    if (refused) return Promise.resolve({ ok: false, error: refused });
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
        return errorReply(error, request.type);
      }
    })();
  }

  async function prepareSearch(): Promise<void> {
    await ready;
    await searchIndex.index(store);
    await searchIndex.saved;
  }

  return { ready, ensureSeeded, prepareSearch, handle };
}
