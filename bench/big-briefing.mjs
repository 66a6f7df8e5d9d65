/**
 * A very large briefing, in real browsers: `node bench/big-briefing.mjs` (part of `npm run bench`; needs the built
 * extension in .output/ and /usr/bin/chromium, /usr/bin/firefox-esr, as the e2e tests do).
 *
 * Issue 10, finding 4: a 999,000-character briefing with 21,001 bullets on clause 7 (within the limits) once made
 * the lookup reply 22 MB, the popover take 9.1 s (7.7 s of blocked main thread) and each panel view 11-28 s. This
 * adds such a briefing through the options page's own request (`addBriefing`, from an extension page), then on the
 * e2e fixture page of a CWSB committee sitting opens the clause 7 popover from the keyboard (Alt+Shift+N: no hover
 * dwell in the figure) and times, in the page:
 * - `open`: from the key press (the event's own timestamp) to the first frame that shows the dialog;
 * - `longest frame gap`: the longest time between two animation frames from the key press to 1.5 s later (the
 *   page's main thread blocked; Firefox has no Long Tasks API, so this is the figure both browsers give);
 * - `longest task` (Chromium's Long Tasks API) over the same window;
 * - the side panel's Bill view for the bill: from choosing it to the big briefing's list shown, and how many
 *   positions it put in the page.
 * The same popover is measured before the briefing is added (the shipped data only), as the reference.
 * Aims (the issue's): the popover open within 200 ms, no task over 50 ms on the page.
 */
import os from 'node:os';
import path from 'node:path';
// The e2e drivers: one way to drive both browsers with the built extension loaded.
import { launchChromium } from '../test/e2e/lib/chromium.mjs';
import { launchFirefox } from '../test/e2e/lib/firefox.mjs';
import { routes } from '../test/e2e/lib/fixtures.mjs';
import { startFixtureServer } from '../test/e2e/lib/server.mjs';
// Run in the page as source: kept in their own file, so that nothing rewrites them with helpers the page lacks.
import { arm, collect, panelBillView } from './big-briefing-page.mjs';
import {
  addBigBriefing,
  BULLETS,
  bigBriefing,
  openFixturePage,
  optionsPage,
  send,
  sleep,
} from './big-briefing-shared.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const BILL_ID = 'childrens-wellbeing-and-schools-bill';
/** The fixture page's context, as its content script sends it. */
const PAGE_CONTEXT = {
  bill: null,
  billId: BILL_ID,
  house: 'commons',
  stage: 'committee',
  stageLabel: null,
  date: '2025-02-11',
};
const CLAUSE_7 = { kind: 'clause', number: '7' };

/** `--runs N`: opens the popover in N fresh tabs for each data set (the spread matters: a long task is not steady). */
const RUNS = Number(argument('--runs') ?? 1);
/** `--popover-only`: skips the search and side panel figures. */
const POPOVER_ONLY = process.argv.includes('--popover-only');
/** `--browser chromium|firefox`: one browser only. */
const BROWSER = argument('--browser');

function argument(name) {
  const at = process.argv.indexOf(name);
  return at === -1 ? null : process.argv[at + 1];
}

/** A one-bullet briefing: adding it changes the data the search index is built from. */
const SMALL =
  'LGA briefing: Renters’ Rights Bill\n\nSecond Reading, House of Commons, 9 October 2024\n\nKey messages\n\n  • We support clause 1.\n';

const time = (v) => (v === null || v === undefined ? 'n/a' : `${v.toFixed(0)} ms`);

async function popoverFigures(b) {
  const tab = await openFixturePage(b);
  try {
    await tab.evaluate(arm);
    await sleep(200);
    await tab.press('Alt+Shift+N');
    await sleep(1700);
    const figures = await tab.evaluate(collect);
    if (!figures) throw new Error('the page saw no key press');
    return figures;
  } finally {
    await tab.close();
  }
}

/** `open 17-25 ms (median 19), frame gap …, task …` over several runs. */
function spread(runs) {
  const range = (values) => {
    const known = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
    if (!known.length) return 'n/a';
    const median = known[Math.floor(known.length / 2)];
    return `${known[0].toFixed(0)}-${known.at(-1).toFixed(0)} ms (median ${median.toFixed(0)})`;
  };
  const tasks = runs[0].longTasksApi ? range(runs.map((r) => r.longestTaskMs)) : 'n/a';
  return (
    `over ${runs.length} runs: open ${range(runs.map((r) => r.openMs))}, frame gap ` +
    `${range(runs.map((r) => r.longestFrameGapMs))}, longest task ${tasks}`
  );
}

async function main() {
  const server = await startFixtureServer(routes());
  const text = bigBriefing();
  const lines = [];
  try {
    for (const [name, launch, dir] of [
      ['chromium', launchChromium, 'chrome-mv3'],
      ['firefox', launchFirefox, 'firefox-mv2'],
    ].filter(([name]) => !BROWSER || name === BROWSER)) {
      const b = await launch({ extensionDir: path.join(ROOT, '.output', dir), proxyPort: server.port });
      try {
        const options = await optionsPage(b);
        const before = [];
        for (let run = 0; run < RUNS; run++) before.push(await popoverFigures(b));
        const addMs = await addBigBriefing(options);
        let t;
        const after = [];
        for (let run = 0; run < RUNS; run++) after.push(await popoverFigures(b));
        lines.push(`${name.padEnd(8)} adding it took ${time(addMs)}`);
        for (const [label, runs] of [
          ['shipped data only', before],
          [`+ ${BULLETS} bullets on cl 7`, after],
        ]) {
          for (const r of runs) {
            const task = r.longTasksApi
              ? `${time(r.longestTaskMs)}${r.longestTaskAtMs === null ? '' : ` at +${time(r.longestTaskAtMs)}`}`
              : 'n/a (no Long Tasks API)';
            lines.push(
              `${name.padEnd(8)} ${label.padEnd(26)} popover open ${time(r.openMs)}, longest frame gap ` +
                `${time(r.longestFrameGapMs)}, longest task ${task}, key handlers ${time(r.keyHandlersMs)}; ` +
                `${r.positionsShown} positions shown` +
                (r.more ? ` ("${r.more}")` : ''),
            );
          }
          if (runs.length > 1) lines.push(`${name.padEnd(8)} ${label.padEnd(26)} ${spread(runs)}`);
        }
        // What the popover is sent for clause 7 (the lookup reply: bounded per provision, the rest counted).
        const lookup = await send(options, { type: 'lookup', page: PAGE_CONTEXT, references: [CLAUSE_7] });
        const clause7 = lookup?.data?.matches?.[0];
        lines.push(
          `${name.padEnd(8)} lookup reply for clause 7: ${(JSON.stringify(lookup).length / 1000).toFixed(1)} kB, ` +
            `${clause7?.positions.length} positions and ${clause7?.more ?? 0} more counted`,
        );
        if (POPOVER_ONLY) continue;
        // The first search after adding it: the background builds the search index ahead of it (in slices, a second
        // after the data changed), so by now it is built; Firefox runs extension pages on the background's thread, so
        // the panel is opened after it. A second search is the steady state.
        for (const which of ['first', 'second']) {
          t = performance.now();
          await send(options, { type: 'search', query: which === 'first' ? 'care leavers' : 'clause 7' });
          lines.push(`${name.padEnd(8)} the ${which} search after adding it: ${time(performance.now() - t)}`);
        }
        // What the Bill view is sent: each briefing's first page and its stance grid row, not every position.
        t = performance.now();
        const reply = await send(options, { type: 'briefingsForBill', billId: BILL_ID });
        const replyMs = performance.now() - t;
        const size = JSON.stringify(reply).length;
        lines.push(
          `${name.padEnd(8)} briefingsForBill reply: ${(size / 1000).toFixed(0)} kB in ${time(replyMs)} (` +
            `${reply.data.briefings.reduce((n, b) => n + b.positions.length, 0)} positions of ` +
            `${reply.data.briefings.reduce((n, b) => n + (b.total ?? b.positions.length), 0)})`,
        );
        // The same request again (the panel reloading, another window): the bill's data and each briefing's stance
        // grid row are kept until the data or the reader's corrections change.
        t = performance.now();
        await send(options, { type: 'briefingsForBill', billId: BILL_ID });
        lines.push(`${name.padEnd(8)} briefingsForBill again: ${time(performance.now() - t)}`);
        const panel = await b.newExtensionTab('sidepanel.html');
        const bill = await panel.evaluate(panelBillView, BILL_ID);
        lines.push(
          bill
            ? `${name.padEnd(8)} panel Bill view with it: ${time(bill.ms)}, ${bill.positionsInPage} positions in the ` +
                `page (${bill.ofTheBigOne} of the big briefing's ${BULLETS})`
            : `${name.padEnd(8)} panel Bill view with it: did not show the big briefing within 60 s`,
        );
        // The index built cold: a search at once after another (small) briefing is added waits for the whole index,
        // the big briefing's 21,001 positions included, to be built again.
        await send(options, { type: 'addBriefing', fileName: 'bench-small.txt', text: SMALL, replace: true });
        t = performance.now();
        await send(options, { type: 'search', query: 'care leavers' });
        lines.push(
          `${name.padEnd(8)} a search at once after another change (index built then): ${time(performance.now() - t)}`,
        );
        await send(options, { type: 'removeBriefing', source: 'bench-small.txt' });
      } catch (error) {
        // Reported, not thrown: the other browser's figures are still worth having.
        lines.push(`${name.padEnd(8)} did not finish: ${error.message}`);
      } finally {
        await b.close();
      }
    }
  } finally {
    await server.close();
  }
  console.log(`big briefing: ${(text.length / 1000).toFixed(0)} k characters, ${BULLETS} bullets naming clause 7`);
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (${os.cpus().length} cores)`,
  );
  for (const line of lines) console.log(line);
}

await main();
