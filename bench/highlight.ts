/**
 * The highlighting benchmark (issue 5): the built Chrome extension on the real 2.7 MB Hansard page in headless
 * Chromium, against mark.js doing the same job on the same page.
 *
 * Ours: wall time from the content script's start (`performance` mark `lga:start`) to all highlights drawn
 * (`lga:ready`; every detected reference is drawn, `highlightMode: 'all'`, so drawing is measured on a page whose
 * bill the LGA has not briefed on), the main-thread time the content script spent in its slices (`data-lga-busy-ms`), the longest
 * renderer main-thread task in that window (from a Chromium trace), text nodes changed (a MutationObserver installed
 * before any script runs), and the JS heap added.
 * Start-up: the content script's own evaluation (parse, compile and its synchronous start) from the same trace, wall and
 * thread time (`startup_cpu_ms`: steadier on a loaded machine), against its floor: a content script that only says it
 * ran, evaluated on the same page at the same moment (`startup_floor_ms`).
 * The floor (bench/floor.ts): the least work doing the same job (same roots, text nodes, grammar, a Range per
 * reference, with the cheapest walk measured), run once cold in a fresh page of its own with no garbage collection
 * forced before it (ours runs while the page loads and gets none: a forced one just before the floor took its 2x walk
 * from 27.9 to 17.3 ms, so the floor measured after one was not the same job in the same conditions); and mark.js 8 `markRegExp` (`acrossElements: true`, the same skipped elements) on the same roots ours
 * scans (the adapter's bill sections), both on the same page served from another host (where the extension does not
 * run), timed around the call.
 * Sizes: the page as it is, and with its bill sections cut to a quarter or doubled (an init script does it before
 * the content script runs), so the cost per node shows.
 *
 * Usage: npx tsx bench/highlight.ts [runs]   (expects `npm run build` to have produced .output/chrome-mv3)
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildSync } from 'esbuild';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXT = path.join(ROOT, '.output/chrome-mv3');
const PAGE_FILE = path.resolve(
  ROOT,
  '../shared/corpus/hansard-html/hansard-commons-2020-01-09-CommonsChamber-aggregate.raw.html',
);
const PAGE_PATH = '/commons/2020-01-09/debates/f558af45-2e9e-4f22-9692-ae71794a6469/CommonsChamber';
const MARKJS = path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js');
/** The elements both tools skip: column pins, screen-reader-only text, share bars, navigation, scripts. */
const SKIP = [
  '.column-number',
  '.sr-only',
  '.share-bar',
  'nav',
  'header',
  'footer',
  'script',
  'style',
  'noscript',
  '.breadcrumb',
];
/**
 * mark.js's job, stated as one regular expression: the reference phrases our grammar reads (a kind word or NC/NS, a
 * number, and list or range continuations). It finds the phrases; our scanner additionally expands and filters them.
 */
const REFERENCE_PHRASE =
  '\\b(?:(?:new\\s+)?(?:clauses?|schedules?)|amendments?|parts?|chapters?|NC|NS)\\s*\\d+[A-Z]{0,2}(?:(?:\\s*,\\s*|\\s+(?:and|to|or)\\s+|\\s*[-–]\\s*)\\d+[A-Z]{0,2})*';

const runs = Number(process.argv[2] ?? 5);
/**
 * Page sizes measured (the bill sections' content scaled), each as many runs as the page itself: the aims hold at every
 * size, and on a loaded two-core machine a median of three at a quarter moved by half its value from one bench to the
 * next.
 */
const SCALES = [0.25, 1, 2] as const;

/** The floor, bundled for the page. */
const FLOOR_BUNDLE = buildSync({
  entryPoints: [path.join(ROOT, 'bench/floor.ts')],
  bundle: true,
  format: 'iife',
  write: false,
  target: 'chrome120',
  logLevel: 'silent',
}).outputFiles[0]!.text;

/**
 * Scales the bill sections before any extension script runs (at DOMContentLoaded; the content script runs at
 * document_idle): a quarter keeps the first quarter of each section's items, a double appends a copy of them.
 */
function scaleScript(scale: number): string {
  return `document.addEventListener('DOMContentLoaded', () => {
  const scale = ${scale};
  if (scale === 1) return;
  const heading = 'h2[data-tag="hs_2BillTitle"], h2[data-tag="hs_2cBillTitle"]';
  for (const section of document.querySelectorAll('.child-debate')) {
    if (!section.querySelector(':scope > ' + heading.split(', ').join(', :scope > '))) continue;
    const items = [...section.children].filter((child) => !child.matches(heading));
    if (scale < 1) for (const item of items.slice(Math.ceil(items.length * scale))) item.remove();
    else for (let copy = 1; copy < scale; copy++) for (const item of items) section.append(item.cloneNode(true));
  }
});`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Counts text nodes changed: character data edits, and text nodes removed from or added to the page. */
// tsx compiles this file with esbuild's keepNames, which wraps functions in `__name(...)`; the functions handed to
// page.evaluate are serialised with those calls in them, so the page needs the helper too.
const MUTATION_COUNTER = `window.__name = (f) => f;
(() => {
  window.__textNodesChanged = 0;
  const count = (records) => {
    for (const r of records) {
      if (r.type === 'characterData') window.__textNodesChanged++;
      for (const n of r.removedNodes) if (n.nodeType === 3) window.__textNodesChanged++;
      for (const n of r.addedNodes) if (n.nodeType === 3) window.__textNodesChanged++;
    }
  };
  const start = () => new MutationObserver(count).observe(document, { subtree: true, childList: true, characterData: true });
  if (document.documentElement) start(); else document.addEventListener('readystatechange', start, { once: true });
})();`;

/**
 * The start-up floor: a content script that does nothing but say it ran, on the same page at the same moment
 * (`document_idle`), its evaluation read from the same trace. What any content script costs before its first line of
 * work (setting up the isolated world it runs in); ours adds compiling its code and its own start.
 */
const STARTUP_FLOOR_SCRIPT = 'startup-floor.js';

function writeStartupFloorExtension(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lga-bench-floor-ext-'));
  const manifest = {
    manifest_version: 3,
    name: 'start-up floor',
    version: '1.0',
    content_scripts: [
      { matches: ['*://hansard.parliament.uk/*'], js: [STARTUP_FLOOR_SCRIPT], run_at: 'document_idle' },
    ],
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  fs.writeFileSync(
    path.join(dir, STARTUP_FLOOR_SCRIPT),
    "performance.mark('lga:start'); document.documentElement.dataset.lgaPositions = 'ready'; performance.mark('lga:ready');",
  );
  return dir;
}

async function launch(
  port: number,
  withExtension: boolean,
  extension = EXT,
): Promise<{ context: BrowserContext; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lga-bench-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=MAP hansard.parliament.uk 127.0.0.1:${port},MAP markjs.test 127.0.0.1:${port},MAP * ~NOTFOUND`,
    ...(withExtension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
  ];
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
  });
  return { context, dir };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: unknown;
}

/**
 * Runs `work` under a Chromium trace and gives the longest renderer main-thread task (ms) that overlaps the window
 * between two `performance.mark`s (user timing is in the trace too), and the longest of the whole trace (the page's
 * own parsing and layout of 2.7 MB included), for context.
 */
async function traced<T>(
  page: Page,
  work: () => Promise<T>,
  [startMark, endMark]: [string, string],
  scriptFile = '/parliament.js',
): Promise<{
  result: T;
  longestTaskMs: number;
  longestPageTaskMs: number;
  scriptEvalMs: number;
  scriptEvalCpuMs: number;
}> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing',
  });
  const result = await work();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  // The renderer main thread is the one named CrRendererMain.
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const markTs = (name: string) => events.find((e) => e.name === name)?.ts;
  const from = markTs(startMark);
  const to = markTs(endMark);
  if (from === undefined || to === undefined) throw new Error(`no ${startMark}/${endMark} marks in the trace`);
  // The content script's evaluation (parse, compile, run to its first await), from the events naming its file.
  let scriptEval = 0;
  // Its thread time too: on a loaded machine the wall time includes waiting for a core.
  let scriptEvalCpu = 0;
  for (const e of events) {
    const url = (e.args as { data?: { url?: string } } | undefined)?.data?.url ?? '';
    if (e.ph === 'X' && e.name === 'EvaluateScript' && url.endsWith(scriptFile)) {
      scriptEval += (e.dur ?? 0) / 1000;
      scriptEvalCpu += ((e as TraceEvent & { tdur?: number }).tdur ?? e.dur ?? 0) / 1000;
    }
  }
  let longest = 0;
  let longestPage = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const ms = (e.dur ?? 0) / 1000;
    longestPage = Math.max(longestPage, ms);
    if (e.ts + (e.dur ?? 0) >= from && e.ts <= to) longest = Math.max(longest, ms);
  }
  return {
    result,
    longestTaskMs: longest,
    longestPageTaskMs: longestPage,
    scriptEvalMs: scriptEval,
    scriptEvalCpuMs: scriptEvalCpu,
  };
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

interface OursRun {
  wallMs: number;
  /** The content script's evaluation before its first await (parse, compile, start). */
  startupMs: number;
  /** The same, in the renderer thread's own time. */
  startupCpuMs: number;
  /** The longest main-thread task of the whole visit (the page's own parsing and layout), for context. */
  longestPageTaskMs: number;
  busyMs: number;
  longestTaskMs: number;
  textNodesChanged: number;
  heapAddedKb: number;
  highlights: number;
  detected: number;
}

async function runOurs(port: number, scale: number): Promise<OursRun> {
  const { context, dir } = await launch(port, true);
  try {
    // A first visit lets the background seed IndexedDB on install; the measured visit is the steady state.
    const warm = await context.newPage();
    await warm.goto(`http://hansard.parliament.uk${PAGE_PATH}`, { waitUntil: 'load', timeout: 60_000 });
    await warm.waitForFunction(() => document.documentElement.dataset.lgaPositions === 'ready', null, {
      timeout: 60_000,
    });
    await warm.close();
    // Every detected reference drawn (`highlightMode: 'all'`): the page's bill (the European Union (Withdrawal
    // Agreement) Bill) has no LGA briefing, so in the default mode nothing would be drawn and the drawing went
    // unmeasured (`highlights=0`).
    const [worker] = context.serviceWorkers();
    if (!worker) throw new Error('bench: no extension service worker');
    await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set({
        settings: { highlightMode: 'all' },
      }),
    );
    const page = await context.newPage();
    await page.addInitScript(MUTATION_COUNTER);
    await page.addInitScript(scaleScript(scale));
    const { result, longestTaskMs, longestPageTaskMs, scriptEvalMs, scriptEvalCpuMs } = await traced(page, async () => {
      await page.goto(`http://hansard.parliament.uk${PAGE_PATH}`, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForFunction(() => document.documentElement.dataset.lgaPositions === 'ready', null, {
        timeout: 60_000,
      });
      return page.evaluate(() => {
        const start = performance.getEntriesByName('lga:start')[0]?.startTime ?? Number.NaN;
        const ready = performance.getEntriesByName('lga:ready')[0]?.startTime ?? Number.NaN;
        const d = document.documentElement.dataset;
        return {
          wallMs: ready - start,
          busyMs: Number(d.lgaBusyMs ?? Number.NaN),
          highlights: Number(d.lgaReferences ?? 0),
          detected: Number(d.lgaDetected ?? 0),
          textNodesChanged: (window as unknown as { __textNodesChanged: number }).__textNodesChanged,
        };
      });
    }, ['lga:start', 'lga:ready']);
    // Heap the content script holds: its world's heap now, against the same page without the extension (below).
    const heap = await heapUsed(page);
    return {
      ...result,
      longestTaskMs,
      longestPageTaskMs,
      startupMs: scriptEvalMs,
      startupCpuMs: scriptEvalCpuMs,
      heapAddedKb: heap / 1024,
    };
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The start-up floor's evaluation on the page (see STARTUP_FLOOR_SCRIPT), wall and thread time. */
async function runStartupFloor(port: number, extension: string): Promise<{ ms: number; cpuMs: number }> {
  const { context, dir } = await launch(port, true, extension);
  try {
    const visit = async (page: Page) => {
      await page.goto(`http://hansard.parliament.uk${PAGE_PATH}`, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForFunction(() => document.documentElement.dataset.lgaPositions === 'ready', null, {
        timeout: 60_000,
      });
    };
    const warm = await context.newPage();
    await visit(warm);
    await warm.close();
    const page = await context.newPage();
    const { scriptEvalMs, scriptEvalCpuMs } = await traced(
      page,
      () => visit(page),
      ['lga:start', 'lga:ready'],
      `/${STARTUP_FLOOR_SCRIPT}`,
    );
    return { ms: scriptEvalMs, cpuMs: scriptEvalCpuMs };
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface BaselineRun {
  /** The floor's job on the same roots, and what it found. */
  floorMs: number;
  floorReferences: number;
  heapKb: number;
  textNodesChanged: number;
  markjsMs: number;
  markjsMarks: number;
  longestTaskMs: number;
}

async function runBaseline(port: number, scale: number): Promise<BaselineRun> {
  const { context, dir } = await launch(port, false);
  try {
    // The floor in a page of its own, with no forced garbage collection before it: ours gets none either (it runs while
    // the page loads), and one just before the floor took a third off its time (the 2x walk 27.9 -> 17.3 ms).
    const floorPage = await context.newPage();
    await floorPage.addInitScript(scaleScript(scale));
    await floorPage.goto(`http://markjs.test${PAGE_PATH}`, { waitUntil: 'load', timeout: 60_000 });
    await floorPage.addScriptTag({ content: FLOOR_BUNDLE });
    const floor = await floorPage.evaluate(
      (url) =>
        (
          window as unknown as { __lgaFloor: { timeFloor(u: string): { ms: number; references: number } } }
        ).__lgaFloor.timeFloor(url),
      `https://hansard.parliament.uk${PAGE_PATH}`,
    );
    await floorPage.close();
    const page = await context.newPage();
    await page.addInitScript(MUTATION_COUNTER);
    await page.addInitScript(scaleScript(scale));
    await page.goto(`http://markjs.test${PAGE_PATH}`, { waitUntil: 'load', timeout: 60_000 });
    const heap = await heapUsed(page);
    await page.addScriptTag({ content: FLOOR_BUNDLE });
    const before = await page.evaluate(() => (window as unknown as { __textNodesChanged: number }).__textNodesChanged);
    await page.addScriptTag({ path: MARKJS });
    const { result, longestTaskMs } = await traced(
      page,
      () =>
        page.evaluate(
          ({ source, exclude, url }) =>
            new Promise<{ ms: number; marks: number }>((resolve) => {
              const Mark = (
                window as unknown as {
                  Mark: new (el: Element) => { markRegExp: (re: RegExp, options: object) => void };
                }
              ).Mark;
              // The same roots ours scans (the adapter's bill sections), found before the clock starts.
              const roots = (window as unknown as { __lgaFloor: { rootsOf(u: string): Element[] } }).__lgaFloor.rootsOf(
                url,
              ) as unknown as Element;
              performance.mark('markjs:start');
              const t0 = performance.now();
              new Mark(roots).markRegExp(new RegExp(source, 'gi'), {
                acrossElements: true,
                exclude: exclude.map((s: string) => `${s}, ${s} *`),
                done: (marks: number) => {
                  performance.mark('markjs:done');
                  resolve({ ms: performance.now() - t0, marks });
                },
              });
            }),
          { source: REFERENCE_PHRASE, exclude: SKIP, url: `https://hansard.parliament.uk${PAGE_PATH}` },
        ),
      ['markjs:start', 'markjs:done'],
    );
    const after = await page.evaluate(() => (window as unknown as { __textNodesChanged: number }).__textNodesChanged);
    return {
      floorMs: floor.ms,
      floorReferences: floor.references,
      heapKb: heap / 1024,
      textNodesChanged: after - before,
      markjsMs: result.ms,
      markjsMarks: result.marks,
      longestTaskMs,
    };
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(EXT, 'manifest.json'))) throw new Error('no build: run `npm run build` first');
  const html = fs.readFileSync(PAGE_FILE);
  const server = http.createServer((req, res) => {
    if (req.url?.split('?')[0] === PAGE_PATH) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const floorExtension = writeStartupFloorExtension();
  try {
    const bySize = new Map<number, { ours: OursRun[]; theirs: BaselineRun[] }>();
    const startupFloor: Array<{ ms: number; cpuMs: number }> = [];
    for (const scale of SCALES) {
      const ours: OursRun[] = [];
      const theirs: BaselineRun[] = [];
      for (let i = 0; i < runs; i++) {
        ours.push(await runOurs(port, scale));
        theirs.push(await runBaseline(port, scale));
        if (scale === 1) startupFloor.push(await runStartupFloor(port, floorExtension));
        const o = ours.at(-1)!;
        const t = theirs.at(-1)!;
        console.error(
          `x${scale} run ${i + 1}: ours wall=${o.wallMs.toFixed(1)}ms busy=${o.busyMs.toFixed(1)}ms startup=${o.startupMs.toFixed(1)}ms (cpu ${o.startupCpuMs.toFixed(1)}) longest=${o.longestTaskMs.toFixed(1)}ms ` +
            `highlights=${o.highlights} detected=${o.detected} text_nodes_changed=${o.textNodesChanged}; ` +
            `floor ${t.floorMs.toFixed(1)}ms references=${t.floorReferences}; ` +
            `mark.js ${t.markjsMs.toFixed(1)}ms marks=${t.markjsMarks} longest=${t.longestTaskMs.toFixed(1)}ms text_nodes_changed=${t.textNodesChanged}`,
        );
      }
      bySize.set(scale, { ours, theirs });
    }
    const overFloor = (scale: number) => {
      const { ours, theirs } = bySize.get(scale)!;
      const o = median(ours.map((r) => r.busyMs));
      const f = median(theirs.map((r) => r.floorMs));
      // The fastest run of each: on a shared machine the least disturbed, so the steadier comparison.
      const oMin = Math.min(...ours.map((r) => r.busyMs));
      const fMin = Math.min(...theirs.map((r) => r.floorMs));
      // Each of our runs against the floor's run just after it: a shared machine slows both alike for a while (the
      // floor's own median moved 10 to 17 ms between runs of this bench in one morning), so the median of the pairs'
      // ratios is the steadiest of the three.
      const paired = median(ours.map((r, i) => r.busyMs / (theirs[i] as BaselineRun).floorMs));
      const found = new Set([...ours.map((r) => r.detected), ...theirs.map((r) => r.floorReferences)]);
      return { ours: o, floor: f, ratio: o / f, oursMin: oMin, floorMin: fMin, paired, sameJob: found.size === 1 };
    };
    const { ours, theirs } = bySize.get(1)!;
    const oursMs = median(ours.map((o) => o.busyMs));
    const wallMs = median(ours.map((o) => o.wallMs));
    const floorMs = median(theirs.map((t) => t.floorMs));
    const startupMs = median(ours.map((o) => o.startupMs));
    const startupCpuMs = median(ours.map((o) => o.startupCpuMs));
    const startupFloorMs = median(startupFloor.map((f) => f.ms));
    const startupFloorCpuMs = median(startupFloor.map((f) => f.cpuMs));
    const markjsMs = median(theirs.map((t) => t.markjsMs));
    const longest = Math.max(...ours.map((o) => o.longestTaskMs));
    const changed = Math.max(...ours.map((o) => o.textNodesChanged));
    const pageLongest = median(ours.map((o) => o.longestPageTaskMs));
    const heapAdded = median(ours.map((o) => o.heapAddedKb)) - median(theirs.map((t) => t.heapKb));
    const bundle = fs.readFileSync(path.join(EXT, 'parliament.js'));
    const gzipKb = zlib.gzipSync(bundle).length / 1024;
    const lazy = fs.readFileSync(path.join(EXT, 'popover.js'));
    console.log(
      `content script: ${(bundle.length / 1024).toFixed(1)} kB, ${gzipKb.toFixed(1)} kB gzip (loaded on every page); ` +
        `popover script (popover, its driver, topic layer: loaded on first need): ${(zlib.gzipSync(lazy).length / 1024).toFixed(1)} kB gzip`,
    );
    console.log(
      `ours: main-thread ${oursMs.toFixed(1)} ms in slices, ${wallMs.toFixed(1)} ms wall from start to drawn; start-up (script evaluation) ${startupMs.toFixed(1)} ms (cpu ${startupCpuMs.toFixed(1)} ms)`,
    );
    console.log(
      `start-up floor (a content script that only says it ran, same page, same moment): ${startupFloorMs.toFixed(1)} ms (cpu ${startupFloorCpuMs.toFixed(1)} ms); ours/floor ${(startupMs / startupFloorMs).toFixed(2)}`,
    );
    for (const scale of SCALES) {
      const r = overFloor(scale);
      console.log(
        `x${scale} of the bill sections: ours ${r.ours.toFixed(1)} ms, floor ${r.floor.toFixed(1)} ms, ours/floor ${r.ratio.toFixed(2)} (medians); ` +
          `fastest runs ours ${r.oursMin.toFixed(1)} ms, floor ${r.floorMin.toFixed(1)} ms, ours/floor ${(r.oursMin / r.floorMin).toFixed(2)}; ` +
          `run by run (median of each run's ours/floor) ${r.paired.toFixed(2)}` +
          (r.sameJob ? '' : ' (NOT the same job: the floor and ours found different numbers of references)'),
      );
    }
    console.log(
      `longest main-thread task from our start to drawn: ${longest.toFixed(1)} ms (worst of ${runs} runs); the page's own longest task while loading: ${pageLongest.toFixed(1)} ms (median)`,
    );
    console.log(`heap added by the extension on the page: ${heapAdded.toFixed(0)} kB (median, against the page alone)`);
    console.log(
      `mark.js on the same roots: ${markjsMs.toFixed(1)} ms, ${median(theirs.map((t) => t.markjsMarks))} marks, ` +
        `longest task ${Math.max(...theirs.map((t) => t.longestTaskMs)).toFixed(1)} ms, text nodes changed ${median(theirs.map((t) => t.textNodesChanged))}`,
    );
    console.log(
      `bench: ours_ms=${oursMs.toFixed(1)} floor_ms=${floorMs.toFixed(1)} ours_over_floor=${(oursMs / floorMs).toFixed(2)} ` +
        `ours_over_floor_quarter=${overFloor(0.25).ratio.toFixed(2)} ours_over_floor_double=${overFloor(2).ratio.toFixed(2)} ` +
        `paired_over_floor=${overFloor(1).paired.toFixed(2)} paired_over_floor_quarter=${overFloor(0.25).paired.toFixed(2)} ` +
        `paired_over_floor_double=${overFloor(2).paired.toFixed(2)} ` +
        `markjs_ms=${markjsMs.toFixed(1)} ratio=${(markjsMs / oursMs).toFixed(1)} longest_task_ms=${longest.toFixed(1)} ` +
        `text_nodes_changed=${changed} startup_ms=${startupMs.toFixed(1)} startup_cpu_ms=${startupCpuMs.toFixed(1)} startup_floor_ms=${startupFloorMs.toFixed(1)} script_gzip_kb=${gzipKb.toFixed(1)}`,
    );
  } finally {
    server.close();
    fs.rmSync(floorExtension, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
