/**
 * What bench/big-briefing.mjs and bench/big-briefing-profile.mjs share: the big briefing of issue 10, finding 4 (built
 * once per run), and the steps both take in the browser: wait for the background, add the briefing through the options
 * page's own request, open the CWSB committee fixture page with its content script ready.
 */
import { pageUrl } from '../test/e2e/lib/fixtures.mjs';
import { readyState } from '../test/e2e/lib/in-page.mjs';

export const BULLETS = 21_001;
/** The fixture page both open: a CWSB committee sitting whose speeches name clause 7. */
export const PAGE = 'cwsbCommittee';

let text = null;

/** A Second Reading briefing of the CWSB (the page's print) whose every bullet names clause 7. */
export function bigBriefing() {
  if (text !== null) return text;
  const head =
    'LGA briefing: Children’s Wellbeing and Schools Bill\n\nSecond Reading, House of Commons, 8 January 2025\n\nKey messages\n\n';
  const lines = [];
  for (let i = 0; i < BULLETS; i++) lines.push(`  • We support clause 7 (${i + 1}).`);
  text = `${head}${lines.join('\n')}\n`;
  return text;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request to the background from an extension page, as the options page sends it; resolves with its Reply. */
export function send(tab, request) {
  return tab.evaluate((message) => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage(message), request);
}

/** The options page, once the background answers (it opens and seeds its store first). */
export async function optionsPage(b) {
  const options = await b.newExtensionTab('options.html');
  for (let i = 0; i < 50 && !(await send(options, { type: 'status' }).catch(() => null))?.ok; i++) await sleep(200);
  return options;
}

/** Adds the big briefing from the options page; resolves with how long the request took, throws if it is refused. */
export async function addBigBriefing(options) {
  const t = performance.now();
  const added = await send(options, { type: 'addBriefing', fileName: 'big-briefing.txt', text: bigBriefing() });
  const ms = performance.now() - t;
  if (!added?.ok) throw new Error(`the big briefing was refused: ${added?.error}`);
  return ms;
}

/** A new tab on the fixture page, in front, its content script done with the page. */
export async function openFixturePage(b) {
  const tab = await b.newTab(pageUrl(PAGE));
  await tab.bringToFront();
  await tab.waitFor(readyState, undefined, { timeout: 30_000, what: 'the content script' });
  return tab;
}
