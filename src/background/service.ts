/**
 * The background service: answers every `BackgroundRequest` from the content scripts, the side panel and the
 * options page with a `Reply`, never a thrown error. It opens the store (IndexedDB, else memory), seeds it from the
 * bundled dataset, and keeps the search index. Browser specifics (badge, side panel) come in as a `Platform`, so
 * this file runs under vitest with fake-indexeddb; `entrypoints/background.ts` only wires it to `browser`.
 */

import { resolveBill } from '../bills';
import { compileBriefing } from '../briefings';
import { type BriefingOrigin, captureState, planSave, type SavePlan } from '../capture/duplicates';
import { briefingSite, captureSourceName } from '../capture/sites';
import { billIdOfBriefing, briefingIdOfPosition } from '../ids';
import { LIMITS } from '../limits';
import { billForPage, boundMatches, distinctReferences, matchReferences, parliamentaryOrder } from '../matching';
import {
  type BackgroundRequest,
  type BackgroundResponses,
  type DatasetStatus,
  NOTHING_CHANGED,
  type PanelTarget,
  type PendingCapture,
  type ReplacedSource,
  type Reply,
  type SearchHit,
  type TabRequest,
} from '../messaging';
import type { BillRecord, Briefing, Dataset, Position, Reference, StanceCorrection } from '../model';
import { parseQuery, searchPositions } from '../search';
import { type IndexChange, SearchIndexCache } from '../search/cache';
import { attachCorrections, correctionsByPosition } from '../stance/corrections';
import { sameProvision, takesStance } from '../stance/shown';
import { describeError, MemoryStore, openStore, type UserDataKeeper } from '../store';
import { BillDataCache, type WholeBill } from '../store/bill-cache';
import { correctionsOrphaned, correctsRecord } from '../store/records';
import type { UserBriefingRecord, UserDataRecord } from '../store/schema';
import type { DataStore, SeedOutcome } from '../store/types';
import { briefingEntry, briefingPositions, pageHolding, StanceGridCache } from './bill-pages';
import { type ExtensionIdentity, type MessageSender, refusal } from './senders';
import { TopicIndexCache, topicsReply } from './topics';
import {
  compileUserBriefings,
  describeReplaced,
  exportUserDataFile,
  formatDiagnostic,
  parseUserDataFile,
  replacedSource,
  userDataTooLarge,
} from './user-data';
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
  /** The reader's data changed (corrections, briefings): open pages and panels read again (DATA_REVISION_KEY). */
  dataChanged(): Promise<void> | void;
  /** Runs the popover's script (POPOVER_SCRIPT) in one frame of a tab, beside our content script there. */
  injectPopover(tabId: number, frameId: number): Promise<void> | void;
}

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

/** An error meant for the reader, as opposed to a bug. */
class UserFacingError extends Error {}

/**
 * Refused, and the reader's data left as it was: `why` alone goes in the reply's `unchanged` (a page words the rest
 * itself); the message is `nothing was changed: why`, or after `what` (`import failed, nothing was changed:` and the
 * reasons a line each).
 */
class NothingChanged extends UserFacingError {
  constructor(
    readonly why: string,
    what = '',
  ) {
    super(what ? `${what}, ${NOTHING_CHANGED}:\n${why}` : `${NOTHING_CHANGED}: ${why}`);
  }
}

/** Refused until the reader confirms replacing what they added (the reply lists it). */
class ConfirmReplace extends UserFacingError {
  constructor(
    message: string,
    readonly replaces: ReplacedSource[],
  ) {
    super(message);
  }
}

const DEFAULT_SEARCH_LIMIT = 20;
/** After the reader's data changes, how long to wait before building the search index again. */
const SEARCH_PREPARE_DELAY_MS = 1_000;
/** Briefing texts handed over by LGA pages and not yet saved or dropped: a few tabs' worth, the oldest dropped first. */
const PENDING_CAPTURES = 8;
/** One preview page opened at a time per tab: a second click within this time opens nothing more. */
const CAPTURE_COOLDOWN_MS = 1_000;

/**
 * The LGA briefing page a content script's message comes from, by the browser's word (never the message's). The
 * sender table (senders.ts) has already said it is our content script; this says it is on an LGA briefing page.
 */
function briefingPageOf(sender: MessageSender): { url: string; site: string } {
  const site = sender.url ? briefingSite(sender.url) : null;
  if (!sender.url || !site || sender.tab?.id === undefined) {
    throw new UserFacingError('only the content script of an LGA briefing page may send this');
  }
  return { url: sender.url, site: site.name };
}

interface PendingCaptureEntry extends PendingCapture {
  tabId: number;
  at: number;
}

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
  /** The reader's corrections by position, read once and kept until they change. */
  let correctionsCache: Map<string, StanceCorrection[]> | null = null;
  /** The Bill view's stance grid rows, kept by the bill's kept positions and the corrections map above. */
  const grids = new StanceGridCache();

  async function corrections(): Promise<Map<string, StanceCorrection[]>> {
    correctionsCache ??= correctionsByPosition(await store.corrections());
    return correctionsCache;
  }

  /** Every position the background returns goes out with the reader's corrections attached (src/stance/shown.ts). */
  async function corrected<P extends Position>(positions: readonly P[]): Promise<P[]> {
    return attachCorrections(positions, await corrections());
  }

  async function positionById(positionId: string): Promise<Position> {
    const [position] = await store.positionsByIds([positionId]);
    if (!position) throw new UserFacingError(`no position "${positionId}" in the dataset`);
    return position;
  }

  /**
   * Positions by id, with their briefings (in the order of `ids`; unknown ids left out): from a bill's kept data where
   * the Bill view or a lookup keeps it, else from storage by briefing (a search hit or a page's position in a small
   * briefing does not read a bill's briefing of thousands of positions).
   */
  async function positionsWithBriefings(
    ids: readonly string[],
  ): Promise<Array<{ position: Position; briefing: Briefing }>> {
    const billOf = (id: string) => billIdOfBriefing(briefingIdOfPosition(id));
    const kept = new Map<string, WholeBill>();
    for (const billId of new Set(ids.map(billOf))) {
      // A kept read that failed is read from storage below instead.
      const whole = await billData.kept(billId)?.catch(() => null);
      if (whole) kept.set(billId, whole);
    }
    const rest = ids.filter((id) => !kept.has(billOf(id)));
    const read = new Map((rest.length ? await store.positionsByIds(rest) : []).map((p) => [p.id, p]));
    const briefingIds = [...new Set([...read.values()].map((p) => p.briefingId))];
    const briefings = new Map(
      (briefingIds.length ? await store.briefingsByIds(briefingIds) : []).map((b) => [b.id, b]),
    );
    return ids.flatMap((id) => {
      const whole = kept.get(billOf(id));
      const position = whole ? whole.byId.get(id) : read.get(id);
      const briefing =
        position &&
        (whole ? whole.briefings.find((b) => b.id === position.briefingId) : briefings.get(position.briefingId));
      return position && briefing ? [{ position, briefing }] : [];
    });
  }

  function readerDataChanged(): void {
    void Promise.resolve(platform.dataChanged?.()).catch(() => {});
  }

  /** A correction was made or undone (or the briefings they apply to changed): read them again, and tell open views. */
  function correctionsChanged(): void {
    correctionsCache = null;
    readerDataChanged();
  }

  /** Seeds, and if IndexedDB fails while writing (quota, a broken profile), carries on from memory. */
  async function seed(): Promise<SeedOutcome> {
    try {
      return await store.seed(bundled());
    } catch (error) {
      if (store.mode === 'memory') throw error;
      store = await MemoryStore.open(
        `Writing the dataset to IndexedDB failed (${describeError(error)}).`,
        options.keeper ?? null,
      );
      return store.seed(bundled());
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

  let preparing: ReturnType<typeof setTimeout> | null = null;
  function userDataChanged(): void {
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
  }

  async function findBill(nameOrId: string): Promise<BillRecord | null> {
    return (await store.bill(nameOrId)) ?? resolveBill(nameOrId, await allBills());
  }

  /**
   * Writes user briefings (and records), replacing the sources named in `replacing` too, after checking that the
   * result still exports to a file import can read. Returns the reader's corrections the replacement removed (of
   * positions the new versions no longer hold: see `orphanedBy`).
   */
  async function writeUserData(
    records: readonly UserBriefingRecord[],
    userData: readonly UserDataRecord[] = [],
    replacing: readonly string[] = [],
    corrections: readonly StanceCorrection[] = [],
  ): Promise<StanceCorrection[]> {
    const going = new Set([...records.map((record) => record.source), ...replacing]);
    const saved = await store.userBriefings();
    const kept = saved.filter((record) => !going.has(record.source));
    const keys = new Set(userData.map((record) => record.key));
    const keptData = (await store.userData()).filter((record) => !keys.has(record.key));
    const tooLarge = userDataTooLarge([...kept, ...records], [...keptData, ...userData]);
    if (tooLarge) throw new NothingChanged(tooLarge);
    const before = await store.searchStamp();
    const bills = new Map([
      ...records.map((r) => [r.bill.id, r.bill] as const),
      ...(await allBills()).map((b) => [b.id, b] as const),
    ]);
    const orphaned = await store.putUserBriefings(records, userData, replacing, corrections);
    userDataChanged();
    await searchIndexChanged(before, {
      removed: saved.filter((record) => going.has(record.source)).flatMap((r) => r.positions.map((p) => p.id)),
      added: {
        bills: [...bills.values()],
        briefings: records.flatMap((r) => r.briefings),
        positions: records.flatMap((r) => r.positions),
      },
    });
    return orphaned;
  }

  /**
   * The reader's corrections that saving `incoming` in place of the saved `replaced` would remove (said before the
   * reader confirms; the store removes the same ones in its write: src/store/records.ts `correctionsOrphaned`).
   */
  async function orphanedBy(
    replaced: readonly UserBriefingRecord[],
    incoming: readonly UserBriefingRecord[],
    putAgain: readonly StanceCorrection[] = [],
  ): Promise<StanceCorrection[]> {
    if (!replaced.length) return [];
    return correctionsOrphaned(await store.corrections(), replaced, incoming, putAgain);
  }

  /** The search index held is updated in place for a change of the reader's briefings (src/search/cache.ts). */
  async function searchIndexChanged(before: string, change: IndexChange): Promise<void> {
    const after = await store.searchStamp();
    void searchIndex.update(store, before, after, change).catch(() => undefined);
  }

  const pendingCaptures = new Map<string, PendingCaptureEntry>();
  /** When each tab last asked for a preview (the cooldown is per tab: another page's click is not a double click). */
  const lastCaptureAt = new Map<number, number>();

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

  /** The user record saving `text` by `saving` would store, or the compiler's errors. */
  async function compileSaving(
    saving: SavePlan,
    text: string,
    from: BriefingOrigin | null,
    saved: readonly UserBriefingRecord[],
  ): Promise<{ record: UserBriefingRecord | undefined; errors: string[] }> {
    const at = now().toISOString();
    const { records, errors } = compileUserBriefings(
      [
        {
          source: saving.source,
          text,
          addedAt: saving.addedAt ?? at,
          ...(saving.addedAt ? { updatedAt: at } : {}),
          origin: from ?? savedOrigin(saving, saved),
        },
      ],
      await allBills(),
    );
    return { record: records[0], errors: errors.map(formatDiagnostic) };
  }

  /** The saved records a plan replaces. */
  function replacedBy(saving: SavePlan, saved: readonly UserBriefingRecord[]): UserBriefingRecord[] {
    return saving.replaces.flatMap((d) => saved.find((r) => r.source === d.source) ?? []);
  }

  const handlers: Handlers = {
    async lookup({ page, references }) {
      const wanted: Reference[] = distinctReferences(references);
      const bill = billForPage(page, await allBills());
      if (!bill) return { matches: wanted.map((ref) => ({ ...ref, positions: [] })), storage: store.mode };
      const data = await billData.lookup(store, bill.id, wanted);
      const positions = await corrected(data.positions);
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
      const byPosition = await corrections();
      const asked = new Map((windows ?? []).map((w) => [w.briefingId, w]));
      return {
        bill,
        briefings: parliamentaryOrder(whole.briefings, bill).map((briefing) =>
          briefingEntry(briefing, whole.byBriefing.get(briefing.id) ?? [], asked.get(briefing.id), byPosition, grids),
        ),
      };
    },

    async briefingPositions({ briefingId, from, to, at }) {
      const whole = await billData.whole(store, billIdOfBriefing(briefingId));
      if (!whole.briefings.some((b) => b.id === briefingId)) {
        throw new UserFacingError(`no briefing "${briefingId}" in the dataset`);
      }
      const positions = whole.byBriefing.get(briefingId) ?? [];
      let range = { from: from ?? 0, to: to ?? 0 };
      if (at !== undefined) {
        const index = positions.findIndex((p) => p.id === at);
        if (index < 0) throw new UserFacingError(`no position "${at}" in the briefing "${briefingId}"`);
        range = pageHolding(index, positions.length);
      }
      return briefingPositions(briefingId, positions, range, await corrections());
    },

    async positions({ ids }) {
      const found = await positionsWithBriefings(ids);
      const read = await corrected(found.map((f) => f.position));
      return read.map((position, i) => ({ position, briefing: (found[i] as { briefing: Briefing }).briefing }));
    },

    async search({ query, limit }) {
      const wanted = limit ?? DEFAULT_SEARCH_LIMIT;
      const byPosition = await corrections();
      const { stances } = parseQuery(query);
      // A corrected position the index kept for its compiled stance may not take it any more: ask for enough to spare.
      const spare = stances.length ? byPosition.size : 0;
      const hits = searchPositions(await searchIndex.index(store), query, wanted + spare, { corrected: byPosition });
      if (hits.length === 0) return [];
      const found = await positionsWithBriefings(hits.map((hit) => hit.id));
      const read = await corrected(found.map((f) => f.position));
      const positions = new Map(read.map((p, i) => [p.id, { position: p, briefing: found[i]?.briefing }]));
      const bills = new Map((await allBills()).map((b) => [b.id, b]));
      return hits
        .flatMap((hit): SearchHit[] => {
          const { position, briefing } = positions.get(hit.id) ?? {};
          const bill = position && bills.get(position.billId);
          if (!position || !briefing || !bill) return [];
          if (stances.length && !takesStance(position, stances)) return [];
          return [{ position, briefing, bill, score: hit.score, terms: hit.terms }];
        })
        .slice(0, wanted);
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
      if (ref && !own) throw new UserFacingError(`the position does not name ${ref.kind} ${ref.number}`);
      await store.putCorrection({
        positionId,
        ref: own ? { kind: own.kind, number: own.number } : null,
        stance,
        text: position.text,
        at: now().toISOString(),
      });
      correctionsChanged();
      return (await corrected([position]))[0] as Position;
    },

    async undoCorrection({ positionId, ref }) {
      const position = await positionById(positionId);
      if (!(await store.removeCorrection(positionId, ref)))
        throw new UserFacingError('there was no correction to undo');
      correctionsChanged();
      return (await corrected([position]))[0] as Position;
    },

    async addBriefing({ fileName, text, origin, captureId, replace }) {
      const from = originOf(origin);
      const saving = await plan(fileName, text, from?.url ?? null);
      const saved = await store.userBriefings();
      const { record, errors } = await compileSaving(saving, text, from, saved);
      if (saving.replaces.length && !replace) {
        const replaced = replacedBy(saving, saved);
        const orphaned = record ? await orphanedBy(replaced, [record]) : [];
        const replaces = replaced.map((r) => replacedSource(r, orphaned));
        throw new ConfirmReplace(
          `nothing was saved: it would replace ${replaces.map(describeReplaced).join('; ')}; confirm the replacement first`,
          replaces,
        );
      }
      if (errors.length || !record) throw new UserFacingError(errors.join('\n'));
      const others = saving.replaces.map((d) => d.source).filter((source) => source !== record.source);
      const orphaned = await writeUserData([record], [], others);
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
        corrections: orphaned.length,
      };
    },

    async planBriefing({ fileName, text, url }) {
      const saving = await plan(fileName, text, url ?? null);
      const saved = await store.userBriefings();
      const replaced = replacedBy(saving, saved);
      // Compiled again under the name it would be saved as (ids follow the name) only when a correction could go.
      const corrections = await store.corrections();
      if (!corrections.some((c) => replaced.some((r) => correctsRecord(c, r)))) return { ...saving, corrections: 0 };
      const { record } = await compileSaving(saving, text, url ? originOf({ url, pageDate: null }) : null, saved);
      return { ...saving, corrections: record ? correctionsOrphaned(corrections, replaced, [record]).length : 0 };
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
      if (at - (lastCaptureAt.get(tabId) ?? Number.NEGATIVE_INFINITY) < CAPTURE_COOLDOWN_MS) {
        throw new UserFacingError('a preview is already opening');
      }
      lastCaptureAt.set(tabId, at);
      // Bounded like the hand-overs: tabs come and go, so forget all but the newest few.
      while (lastCaptureAt.size > PENDING_CAPTURES) lastCaptureAt.delete(lastCaptureAt.keys().next().value!);
      const id = randomId();
      pendingCaptures.set(id, { id, ...page, text, pageDate, source: captureSourceName(page.url), tabId, at });
      while (pendingCaptures.size > PENDING_CAPTURES) pendingCaptures.delete(pendingCaptures.keys().next().value!);
      await platform.openCapturePage?.(id, tabId);
      return { id };
    },

    async pendingCapture({ id }) {
      const entry = pendingCaptures.get(id);
      if (!entry) return null;
      const { tabId: _tab, at: _at, ...capture } = entry;
      return capture;
    },

    async removeBriefing({ source }) {
      const before = await store.searchStamp();
      const { briefings, corrections, positions } = await store.removeUserBriefing(source);
      if (briefings === 0) throw new UserFacingError(`no briefing you added is called "${source}"`);
      userDataChanged();
      await searchIndexChanged(before, { removed: positions, added: { bills: [], briefings: [], positions: [] } });
      return { removed: briefings, corrections };
    },

    async exportUserData() {
      return {
        json: exportUserDataFile(await store.userBriefings(), await store.userData(), now(), await store.corrections()),
      };
    },

    async importUserData({ json, replace }) {
      const failed = (problems: readonly string[]) => new NothingChanged(problems.join('\n'), 'import failed');
      let parsed: ReturnType<typeof parseUserDataFile>;
      try {
        parsed = parseUserDataFile(json);
      } catch (error) {
        // A file nested past what the engine can hold (RangeError) or any other surprise: still nothing changed.
        throw failed([`the file could not be read (${describeError(error)})`]);
      }
      if (!parsed.ok) throw failed(parsed.errors);
      const stored = new Map((await store.userBriefings()).map((record) => [record.source, record]));
      const replacedRecords = parsed.file.briefings.flatMap((item) => stored.get(item.source) ?? []);
      const { records, errors } = compileUserBriefings(parsed.file.briefings, await allBills());
      // A file that cannot be imported is refused at once: not after the reader confirmed a replacement, nor with a
      // count of corrections lost to briefings that failed to compile.
      if (errors.length) throw failed(errors.map(formatDiagnostic));
      // Said before confirming: the corrections of a replaced briefing the file's version no longer holds.
      const orphaned = await orphanedBy(replacedRecords, records, parsed.file.corrections);
      const replaced = replacedRecords.map((record) => replacedSource(record, orphaned));
      if (replaced.length && !replace) {
        throw new ConfirmReplace(
          `import failed, ${NOTHING_CHANGED}:\nit would replace ${replaced.length === 1 ? 'a briefing' : `${replaced.length} briefings`} you added: ${replaced.map(describeReplaced).join('; ')}. Confirm the replacement to import it.`,
          replaced,
        );
      }
      let removed: StanceCorrection[];
      try {
        removed = await writeUserData(records, parsed.file.userData, [], parsed.file.corrections);
      } catch (error) {
        if (error instanceof UserFacingError) throw error;
        throw failed([`storing it failed (${describeError(error)})`]);
      }
      return {
        briefings: records.length,
        corrections: parsed.file.corrections.length,
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
        if (error instanceof ConfirmReplace) return { ok: false, error: error.message, replaces: error.replaces };
        if (error instanceof NothingChanged) return { ok: false, error: error.message, unchanged: error.why };
        if (error instanceof UserFacingError) return { ok: false, error: error.message };
        return { ok: false, error: `${request.type} failed: ${describeError(error)}` };
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

export { formatDiagnostic };
