/**
 * What the extension shows in a real browser is what `npm run cli -- annotate` says it would show on the same page
 * (architecture.md: "annotate: what the extension would show on that page"). For each fixture page, the references
 * with positions the content script reports (its page summary, as the side panel reads it) must equal the CLI's.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { PAGES } from '../lib/fixtures.mjs';
import { readyState } from '../lib/in-page.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
/**
 * Every parliament fixture page saved as a file (ours and the page adapters'), but the 2.7 MB real day (no positions;
 * the CLI takes long). Pages composed at run time (the local.gov.uk briefing pages) are not parliament pages.
 */
const PAGE_IDS = Object.keys(PAGES).filter((id) => id !== 'realCommonsDay' && PAGES[id].file);

/** `kind number "text" applies|other-print ×positions`, one line per reference with positions. */
const line = (kind, number, text, applies, count) => `${kind} ${number} "${text}" ${applies} ×${count}`;

let cliAnswers;
/** The CLI's view of every fixture page, computed once for both browsers (one tsx process for all pages). */
function cliViews() {
  cliAnswers ??= new Promise((resolve, reject) => {
    const child = execFile(
      TSX,
      [path.join(import.meta.dirname, '..', 'lib', 'annotate-all.ts')],
      { cwd: ROOT, maxBuffer: 64 << 20 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
    );
    child.stdin.end(
      JSON.stringify(
        PAGE_IDS.map((id) => ({ id, file: PAGES[id].file, url: `https://${PAGES[id].host}${PAGES[id].path}` })),
      ),
    );
  }).then((outputs) =>
    Object.fromEntries(
      PAGE_IDS.map((id) => [
        id,
        outputs[id].references
          .filter((r) => r.positions?.length)
          .map((r) =>
            line(
              r.kind,
              r.number,
              r.text,
              r.positions.some((p) => p.applies === 'applies') ? 'applies' : 'other-print',
              r.positions.length,
            ),
          )
          .sort(),
      ]),
    ),
  );
  return cliAnswers;
}

// Started when the runner loads the specs, so the CLI works while the first browser starts and runs.
cliViews().catch(() => {});

/** Asks a tab's content script for its page summary, from an extension page (as the side panel does). */
async function pageSummaryOf({ url }) {
  const api = globalThis.browser ?? globalThis.chrome;
  const tab = (await api.tabs.query({})).find((t) => t.url === url);
  if (!tab) return null;
  const answer = await api.tabs.sendMessage(tab.id, { type: 'pageSummary' });
  return answer && typeof answer === 'object' && 'ok' in answer ? (answer.ok ? answer.data : null) : answer;
}

export default [
  {
    name: 'the extension shows on each fixture page what the annotate CLI says it would',
    async run(b, assert) {
      const cli = await cliViews();
      const ext = await b.extensionPage('options.html');
      for (const id of PAGE_IDS) {
        const tab = await b.open(id);
        await tab
          .waitFor(readyState, undefined, { timeout: 15_000, what: `the content script on ${id}` })
          .catch(() => {});
        const summary = await ext.evaluate(pageSummaryOf, { url: b.pageUrl(id) });
        const shown = (summary?.references ?? [])
          .map((r) => line(r.kind, r.number, r.text, r.applies ? 'applies' : 'other-print', r.positionIds.length))
          .sort();
        assert.deepEqual(shown, cli[id], `${id}: browser (actual) vs annotate CLI (expected)`);
        await tab.close();
      }
      assert.ok(cli.cwsbCommittee.length > 0 && cli.cswbLordsReport.length > 0, 'the comparison is not vacuous');
    },
  },
];
