/**
 * Where the big briefing's popover spends the page's main thread, in Chromium: `node bench/big-briefing-profile.mjs
 * [--shipped]` (after `npm run build`). Adds the 21,001-bullet briefing of bench/big-briefing.mjs (not with
 * `--shipped`), opens the clause 7 popover from the keyboard on the CWSB committee page under a Chrome trace and a V8
 * CPU profile, and prints every main-thread task over 16 ms in the 1.5 s after the key press: wall time and the thread's
 * own CPU time (the machine is shared: wall time includes waiting for a core), with what it was made of. The trace goes
 * to /tmp/big-briefing-trace.json (chrome://tracing, DevTools Performance) and the profile to
 * /tmp/big-briefing.cpuprofile. `CATEGORIES=devtools.timeline,blink,fonts` adds trace categories (fonts shows each font
 * looked up); `SETTLE_MS` is the wait between the page being drawn and the key press (200).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../test/e2e/lib/chromium.mjs';
import { routes } from '../test/e2e/lib/fixtures.mjs';
import { startFixtureServer } from '../test/e2e/lib/server.mjs';
import { addBigBriefing, openFixturePage, optionsPage, sleep } from './big-briefing-shared.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
/** `--cpu-profile`: a V8 CPU profile as well (it slows scripts down: leave it out for the figures). */
const CPU_PROFILE = process.argv.includes('--cpu-profile');
/** `--runs N`: N fresh tabs, each traced; the longest task of each is summed up at the end. */
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1] || 1);
const CATEGORIES = process.env.CATEGORIES ?? 'devtools.timeline,v8.execute,toplevel';

async function trace(tab, during) {
  const session = await tab.page.context().newCDPSession(tab.page);
  if (CPU_PROFILE) {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
  }
  const events = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
  await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  if (CPU_PROFILE) {
    await session.send('Profiler.start');
    // The profiler's start interrupts the next script run: let that be this one, not the key press's handlers.
    await tab.evaluate(() => 1);
  }
  await during();
  if (CPU_PROFILE) {
    const { profile } = await session.send('Profiler.stop');
    fs.writeFileSync('/tmp/big-briefing.cpuprofile', JSON.stringify(profile));
  }
  await session.send('Tracing.end');
  await done;
  await session.detach();
  return events;
}

/** The page's main thread (the one that ran the key press): its tasks over 16 ms and what they were made of. */
function summarise(events) {
  // The thread that ran the key press.
  const keyEvent = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  if (!keyEvent) throw new Error('no keydown in the trace');
  const main = `${keyEvent.pid}:${keyEvent.tid}`;
  const on = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.ts >= keyEvent.ts - 1000);
  const all = on.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  // Top-level tasks only (a RunTask may nest another).
  const tasks = all.filter(
    (t) => t.dur > 16_000 && !all.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur >= t.ts + t.dur && o.dur > t.dur),
  );
  const out = [];
  const wall = Math.max(0, ...all.map((t) => t.dur / 1000));
  const cpu = Math.max(0, ...all.map((t) => (t.tdur ?? 0) / 1000));
  for (const task of tasks) {
    const inside = on.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur);
    const byName = new Map();
    for (const e of inside) {
      const d = e.args?.data ?? {};
      const label =
        e.name === 'FunctionCall'
          ? `FunctionCall ${d.functionName || '(anon)'} ${String(d.url ?? '')
              .split('/')
              .pop()}:${d.lineNumber}`
          : e.name === 'EvaluateScript'
            ? `EvaluateScript ${String(d.url ?? '')
                .split('/')
                .pop()}`
            : e.name === 'EventDispatch'
              ? `EventDispatch ${d.type}`
              : e.name;
      byName.set(label, (byName.get(label) ?? 0) + e.dur);
    }
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12);
    const cpu = task.tdur === undefined ? '' : ` (CPU ${(task.tdur / 1000).toFixed(1)} ms)`;
    out.push(
      `task at +${((task.ts - keyEvent.ts) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(1)} ms${cpu}\n` +
        top.map(([name, us]) => `    ${(us / 1000).toFixed(1).padStart(6)} ms  ${name}`).join('\n'),
    );
  }
  return { lines: out, wall, cpu };
}

async function main() {
  const server = await startFixtureServer(routes());
  const b = await launchChromium({ extensionDir: path.join(ROOT, '.output', 'chrome-mv3'), proxyPort: server.port });
  try {
    const options = await optionsPage(b);
    if (!process.argv.includes('--shipped')) await addBigBriefing(options);
    const longest = [];
    for (let run = 0; run < RUNS; run++) {
      const tab = await openFixturePage(b);
      try {
        await sleep(Number(process.env.SETTLE_MS ?? 200));
        const events = await trace(tab, async () => {
          await tab.press('Alt+Shift+N');
          await sleep(1500);
        });
        fs.writeFileSync('/tmp/big-briefing-trace.json', JSON.stringify({ traceEvents: events }));
        const { lines, wall, cpu } = summarise(events);
        console.log(
          `run ${run + 1}: longest task ${wall.toFixed(1)} ms wall, most CPU in one task ${cpu.toFixed(1)} ms`,
        );
        for (const line of lines) console.log(`  ${line.replaceAll('\n', '\n  ')}`);
        longest.push({ wall, cpu });
      } finally {
        await tab.close();
      }
    }
    const range = (values) => `${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)} ms`;
    console.log(
      `${process.argv.includes('--shipped') ? 'shipped data only' : 'with the big briefing'}, ${RUNS} runs, load ` +
        `${os.loadavg()[0].toFixed(1)}: longest task ${range(longest.map((l) => l.wall))} wall, ` +
        `${range(longest.map((l) => l.cpu))} CPU`,
    );
  } finally {
    await b.close();
    await server.close();
  }
}

await main();
