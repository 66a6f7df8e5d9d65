/**
 * Issue 5: "an extension update while a page is open tears down cleanly". Reloading the extension (what an update
 * does) while a Hansard page is open must leave the page with at most one, live, instance of the extension: Chrome
 * does not inject the new content script into open tabs, so the old one must remove its highlights and popover host
 * when it finds itself invalidated; Firefox injects the new one, which must not stack on the dead one's leftovers.
 * Chromium does not bring back an extension loaded from the command line after `runtime.reload()` (it unloads it):
 * there the old content script is orphaned for good and the page must be left with nothing of ours.
 * Runs last (07-): in Chromium the extension is gone afterwards.
 */
import { readyState, textBox, textNodeDigest } from '../lib/in-page.mjs';

function leftovers() {
  const roots = document.querySelectorAll('lga-positions-root').length;
  const styles = document.querySelectorAll('#lga-positions-highlight-style').length;
  const highlights =
    typeof CSS !== 'undefined' && CSS.highlights ? [...CSS.highlights.keys()].filter((k) => k.startsWith('lga-')) : [];
  const dataset = Object.keys(document.documentElement.dataset).filter((k) => k.startsWith('lga'));
  const dialogs = [...document.querySelectorAll('lga-positions-root')].reduce(
    (n, h) => n + (h.shadowRoot?.querySelectorAll('[role="dialog"]').length ?? 0),
    0,
  );
  return { roots, styles, highlights, dataset, dialogs };
}

/** The content script answering in the tab, asked by the (reloaded) extension as the side panel would. */
async function liveSummary({ url }) {
  const api = globalThis.browser ?? globalThis.chrome;
  const tab = (await api.tabs.query({})).find((t) => t.url === url);
  if (!tab) return 'no tab';
  try {
    const answer = await api.tabs.sendMessage(tab.id, { type: 'pageSummary' });
    return answer ? 'answers' : 'no answer';
  } catch (error) {
    return `unreachable: ${error.message}`;
  }
}

export default [
  {
    name: 'extension update with a page open: the page keeps at most one live instance, no leftovers',
    async run(b, assert) {
      const tab = await b.open('cwsbCommittee');
      await tab.bringToFront();
      await tab.waitFor(readyState, undefined, { timeout: 15_000, what: 'the content script to draw' });
      const cameBack = await b.reloadExtension();
      // Give an orphaned content script time to notice (WXT checks its context on timers and events), with input.
      await tab.bringToFront();
      const box = await tab.evaluate(textBox, { selector: '.contribution .content p.hs_Para', text: 'Clause 7' });
      await tab.mouseMove(5, 5);
      await tab.hoverRect(box);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const left = await tab.evaluate(leftovers);
      await tab.screenshot('after-extension-reload');
      assert.ok(left.roots <= 1, `one popover host at most, found ${left.roots}`);
      assert.ok(left.styles <= 1, `one highlight stylesheet at most, found ${left.styles}`);
      assert.ok(left.dialogs <= 1, `one popover at most, found ${left.dialogs}`);
      const anything = left.roots || left.styles || left.highlights.length || left.dataset.length;
      if (anything && !cameBack) {
        assert.fail(`the extension is gone (unloaded) but its content script left ${JSON.stringify(left)} on the page`);
      }
      if (anything) {
        const ext = await b.extensionPage('options.html');
        const live = await ext.evaluate(liveSummary, { url: b.pageUrl('cwsbCommittee') });
        assert.equal(
          live,
          'answers',
          `what the extension left on the page (${JSON.stringify(left)}) belongs to a live instance`,
        );
      }
      const digest = await tab.evaluate(textNodeDigest, b.pageHtml('cwsbCommittee'));
      assert.equal(digest.firstDifference, null, 'every text node as served');
    },
  },
];
