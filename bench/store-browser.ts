/**
 * Store benchmark in a real browser: `npx tsx bench/store-browser.ts [warm runs]`.
 *
 * bench/store.ts measures seeding and lookups with fake-indexeddb, an in-memory JavaScript IndexedDB; this measures
 * the same things against Chromium's own IndexedDB (LevelDB on disk, structured clone, a separate storage process).
 * The real store and service code (src/store, src/background/service.ts) and bench/store.ts's 10,000-position
 * generator are bundled with esbuild (bench/store-browser-entry.ts), served from 127.0.0.1 to headless Chromium,
 * and timed in the page:
 * - seeding the dataset into a fresh database (median of 5, a new database each run),
 * - the startup check when the stored version is already the bundled one (skip),
 * - a page's batched lookup of 150 references through the service: cold (a service just started, its first
 *   lookup) and warm (the same service's later lookups).
 *
 * Issue 4's aims: seeding under 1 s, a page's batched lookup under 5 ms in the background.
 *
 * Where seeding's time went with one record per position (schema v2, measured in this page with raw IndexedDB beside
 * `IdbStore.seed`): most of it was the cost of each of 10,000 put requests (clone, message to the storage backend,
 * LevelDB write), paid even for records without text or indexes; the position indexes added about a quarter;
 * durability ('relaxed' or 'strict') and idb's promise per request made no difference. Schema v3 therefore stores a
 * briefing's positions as one record (about 400 puts instead of 10,000), which made seeding three to four times faster.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { chromium } from 'playwright-core';
import type { StoreBench } from './store-browser-entry';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEED_RUNS = 5;
const SKIP_RUNS = 20;
const COLD_RUNS = 15;
const WARM_RUNS = Number(process.argv[2] ?? 100);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const loadAverage = () => os.loadavg()[0]!.toFixed(1);
const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;
const spread = (values: number[]) =>
  `min ${Math.min(...values).toFixed(2)}, max ${Math.max(...values).toFixed(2)}, n=${values.length}`;

/**
 * bench/store.ts installs fake-indexeddb as the global `indexedDB` for its own Node run; in the page that would
 * replace the browser's IndexedDB with the fake, so both imports resolve to nothing here.
 */
const withoutFakeIndexedDb: Plugin = {
  name: 'without-fake-indexeddb',
  setup(b) {
    b.onResolve({ filter: /^fake-indexeddb(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export class IDBFactory {}', loader: 'js' }));
  },
};

/**
 * An ES module, not an IIFE: bench/store.ts ends in a top-level `await main()` (guarded to run only as a script),
 * which esbuild cannot put in an IIFE. In the page `process.argv` is empty and `import.meta.url` is the bundle's
 * http URL, so that guard is false and only the generator is used.
 */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'bench/store-browser-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    define: { 'process.argv': '[]' },
    alias: { '@': ROOT },
    plugins: [withoutFakeIndexedDb],
    logLevel: 'warning',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bundle');
  return file.text;
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>store bench</title>
<script type="module" src="/bench.js"></script>`;

/** Serves the page and the bundle, cross-origin isolated so `performance.now()` keeps 5 µs resolution. */
async function serve(script: string): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer((req, res) => {
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': 'no-store',
    };
    if (req.url === '/') res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (req.url === '/bench.js')
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' }).end(script);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function main(): Promise<void> {
  const bundleStart = performance.now();
  const script = await bundle();
  console.log(`bundle: ${(script.length / 1024).toFixed(0)} KB (esbuild, ${ms(performance.now() - bundleStart, 0)})`);
  const { server, origin } = await serve(script);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    // tsx compiles this file with esbuild's keepNames: functions handed to page.evaluate may call `__name`.
    await page.addInitScript('window.__name = (f) => f;');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => 'storeBench' in window || document.readyState === 'complete');
    await page
      .waitForFunction(() => 'storeBench' in window, null, { timeout: 30_000 })
      .catch(() => {
        throw new Error(`the bench page did not start: ${errors.join('; ') || 'no error reported'}`);
      });
    const call = <K extends keyof StoreBench>(name: K, ...args: Parameters<StoreBench[K]>) =>
      page.evaluate(
        ([n, a]) => (window.storeBench as unknown as Record<string, (...x: unknown[]) => unknown>)[n]!(...a),
        [name, args] as const,
      ) as Promise<Awaited<ReturnType<StoreBench[K]>>>;

    const version = browser.version();
    const isolated = await page.evaluate(() => crossOriginIsolated);
    const counts = await call('counts');
    console.log(`dataset: ${counts.bills} bills, ${counts.briefings} briefings, ${counts.positions} positions`);
    console.log(`IndexedDB: Chromium ${version}, headless, real IndexedDB (cross-origin isolated timer: ${isolated})`);
    // Wall times on a shared machine move with its load: it is printed so figures from different runs can be compared.
    console.log(`load average at start: ${loadAverage()} on ${os.cpus().length} CPUs`);

    const seeds: number[] = [];
    for (let run = 0; run < SEED_RUNS; run++) {
      const { ms: took, stored } = await call('seed', run);
      if (stored < counts.positions) throw new Error(`seeded ${stored} positions of ${counts.positions}`);
      seeds.push(took);
    }
    console.log(
      `seed 10,000 positions (fresh DB each run, one transaction): median ${ms(median(seeds))} (${spread(seeds)})`,
    );

    const startup = await call('startupSkip', SKIP_RUNS);
    console.log(`first start of the service (open + seed): ${ms(startup.firstReadyMs)}`);
    console.log(
      `startup check with unchanged version (skip): median ${ms(median(startup.skipMs), 2)} (${spread(startup.skipMs)})`,
    );

    const colds: Array<{ wakeMs: number; lookupMs: number; matched: number }> = [];
    for (let run = 0; run < COLD_RUNS; run++) colds.push(await call('coldLookup'));
    const coldLookup = median(colds.map((c) => c.lookupMs));
    console.log(
      `lookup of 150 references, cold (fresh service's first lookup; bills and the bill's data read from IndexedDB): median ${ms(coldLookup, 2)} (${spread(colds.map((c) => c.lookupMs))})`,
    );
    console.log(
      `  service wake to answer (open + version check + that lookup): median ${ms(median(colds.map((c) => c.wakeMs)), 2)}`,
    );

    const warm = await call('warmLookups', WARM_RUNS);
    const warmLookup = median(warm.ms);
    console.log(
      `lookup of 150 references, warm (same service, later sections and rescans): median ${ms(warmLookup, 2)} (${spread(warm.ms)}; first ${ms(warm.ms[0] ?? Number.NaN, 2)}), ${warm.matched} matched positions`,
    );
    if (colds[0] && colds[0].matched !== warm.matched) {
      throw new Error(`cold and warm lookups disagree: ${colds[0].matched} vs ${warm.matched} matched positions`);
    }

    const search = await call('searchIndex');
    console.log(
      `search index (after seeding, not part of it): build + save ${ms(search.buildMs, 0)}, load after restart ${ms(search.loadMs, 0)}`,
    );
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

    const aims = [
      `seeding ${median(seeds) < 1000 ? 'meets' : 'MISSES'} the 1 s aim`,
      `the cold lookup ${coldLookup < 5 ? 'meets' : 'MISSES'} and the warm lookup ${warmLookup < 5 ? 'meets' : 'MISSES'} the 5 ms aim`,
    ];
    console.log(`load average at end: ${loadAverage()}`);
    console.log(`aims (issue 4): ${aims.join('; ')}`);
    console.log(
      `store-browser: seed_ms=${median(seeds).toFixed(0)} lookup150_cold_ms=${coldLookup.toFixed(2)} lookup150_warm_ms=${warmLookup.toFixed(2)}`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
