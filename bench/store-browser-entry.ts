/**
 * The page side of `bench/store-browser.ts`: bundled with esbuild and run in headless Chromium, so the real store
 * (src/store) and background service (src/background/service.ts) work against the browser's own IndexedDB.
 *
 * It exposes `window.storeBench` for the Node side to drive; every figure is measured here, in the page, with
 * `performance.now()` (the page is cross-origin isolated, so the timer is not coarsened to 0.1 ms).
 */
import { createBackgroundService } from '../src/background/service';
import type { PageContext, Reference, ReferenceKind } from '../src/model';
import { DB_NAME, type IdbStore, openStore } from '../src/store';
import { BENCH_EXTENSION, BENCH_SENDER } from './sender';
import { generateDataset, KINDS, random } from './store';

/** As in bench/store.ts: a page of the Lords report stage of one bill, scanning 150 references. */
const LOOKUP_REFERENCES = 150;
const DATASET_VERSION = 'bench-1';

const dataset = generateDataset(DATASET_VERSION);

function lookupRequest(): { type: 'lookup'; page: PageContext; references: Reference[] } {
  const next = random(7);
  const references = Array.from({ length: LOOKUP_REFERENCES }, () => ({
    kind: KINDS[Math.floor(next() * KINDS.length)] as ReferenceKind,
    number: String(1 + Math.floor(next() * 60)),
  }));
  const page: PageContext = {
    bill: 'Bench Bill 17',
    billId: null,
    house: 'lords',
    stage: 'report',
    stageLabel: null,
    date: '2025-06-10',
  };
  return { type: 'lookup', page, references };
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
  });
}

/** Opens the store at a database of its own; refuses the memory fallback (a figure from it would mean nothing). */
async function openIdb(name: string): Promise<IdbStore> {
  const store = await openStore(indexedDB, { name });
  if (store.mode !== 'indexeddb') throw new Error(`IndexedDB did not open: ${store.problem}`);
  return store as IdbStore;
}

function matchedPositions(reply: { ok: boolean; data?: unknown; error?: string }): number {
  if (!reply.ok) throw new Error(`lookup failed: ${reply.error}`);
  const data = reply.data as { matches: Array<{ positions: unknown[] }>; storage: string };
  if (data.storage !== 'indexeddb') throw new Error(`lookup answered from ${data.storage}, not IndexedDB`);
  return data.matches.reduce((sum, match) => sum + match.positions.length, 0);
}

const bench = {
  counts: () => ({
    bills: dataset.bills.length,
    briefings: dataset.briefings.length,
    positions: dataset.positions.length,
  }),

  /** `IdbStore.seed` of the whole dataset into a database that has never held it, timed to the transaction's commit. */
  async seed(run: number): Promise<{ ms: number; stored: number }> {
    const name = `bench-seed-${run}-${Date.now()}`;
    const store = await openIdb(name);
    const start = performance.now();
    const outcome = await store.seed(dataset);
    const ms = performance.now() - start;
    if (!outcome.seeded) throw new Error('seed skipped on a fresh database');
    const { positions: stored } = await store.counts();
    store.db.close();
    await deleteDatabase(name);
    return { ms, stored };
  },

  /**
   * The background as the extension runs it (its own database name): the first service seeds, then
   * `ensureSeeded()` with the version unchanged (every browser start) is timed.
   */
  async startupSkip(runs: number): Promise<{ firstReadyMs: number; skipMs: number[] }> {
    await deleteDatabase(DB_NAME);
    const firstStart = performance.now();
    const svc = createBackgroundService({ indexedDB, dataset: () => dataset, extension: BENCH_EXTENSION });
    const store = (await svc.ready) as IdbStore;
    const firstReadyMs = performance.now() - firstStart;
    if (store.mode !== 'indexeddb') throw new Error(`the service fell back to memory: ${store.problem}`);
    const skipMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const outcome = await svc.ensureSeeded();
      skipMs.push(performance.now() - start);
      if (outcome.seeded) throw new Error('an unchanged version was seeded again');
    }
    store.db.close();
    return { firstReadyMs, skipMs };
  },

  /**
   * Cold: a service just started (the service worker woken for a page), so bills and the bill's data come from
   * IndexedDB. `wakeMs` is start to answer (open + version check + lookup); `lookupMs` is the lookup alone.
   */
  async coldLookup(): Promise<{ wakeMs: number; lookupMs: number; matched: number }> {
    const request = lookupRequest();
    const start = performance.now();
    const svc = createBackgroundService({ indexedDB, dataset: () => dataset, extension: BENCH_EXTENSION });
    const store = (await svc.ready) as IdbStore;
    const lookupStart = performance.now();
    const reply = await svc.handle(request, BENCH_SENDER);
    const end = performance.now();
    const matched = matchedPositions(reply);
    store.db.close();
    return { wakeMs: end - start, lookupMs: end - lookupStart, matched };
  },

  /** Warm: one running service answering the page's lookup again and again (later sections, rescans). */
  async warmLookups(runs: number): Promise<{ ms: number[]; matched: number }> {
    const request = lookupRequest();
    const svc = createBackgroundService({ indexedDB, dataset: () => dataset, extension: BENCH_EXTENSION });
    const store = (await svc.ready) as IdbStore;
    const ms: number[] = [];
    let matched = 0;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const reply = await svc.handle(request, BENCH_SENDER);
      ms.push(performance.now() - start);
      matched = matchedPositions(reply);
    }
    store.db.close();
    return { ms, matched };
  },

  /** The search index the background builds after seeding (not part of `seed`): build + save, then load. */
  async searchIndex(): Promise<{ buildMs: number; loadMs: number }> {
    const builder = createBackgroundService({ indexedDB, dataset: () => dataset, extension: BENCH_EXTENSION });
    await builder.ready;
    const buildStart = performance.now();
    await builder.prepareSearch();
    const buildMs = performance.now() - buildStart;
    const loader = createBackgroundService({ indexedDB, dataset: () => dataset, extension: BENCH_EXTENSION });
    await loader.ready;
    const loadStart = performance.now();
    await loader.prepareSearch();
    const loadMs = performance.now() - loadStart;
    for (const svc of [builder, loader]) ((await svc.ready) as IdbStore).db.close();
    return { buildMs, loadMs };
  },
};

export type StoreBench = typeof bench;

declare global {
  interface Window {
    storeBench?: StoreBench;
  }
}

window.storeBench = bench;
