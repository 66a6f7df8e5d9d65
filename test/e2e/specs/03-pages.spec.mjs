/**
 * Reading Hansard with the LGA's positions overlaid (issue 5, "Real browser tests"): fixture pages written after
 * the real markup, served as hansard.parliament.uk, and the real 2.7 MB Commons day.
 */
import {
  extensionFootprint,
  layoutProbe,
  popoverClosed,
  popoverElementBox,
  popoverState,
  readyState,
  textBox,
  textNodeDigest,
} from '../lib/in-page.mjs';

const STANCE_WORDS = /Supports with reservations|Supports|Concerned|Opposes|No stance stated/;
const SPEECH = '.contribution .content p.hs_Para';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function openAndWait(b, pageId) {
  const tab = await b.open(pageId);
  await tab.bringToFront();
  const ready = await tab.waitFor(readyState, undefined, { timeout: 15_000, what: 'the content script to draw' });
  return { tab, ready };
}

/** Rests the pointer on the `nth` occurrence of `text` in a speech and waits for the popover. */
async function hoverReference(tab, text, nth = 0) {
  const box = await tab.evaluate(textBox, { selector: SPEECH, text, nth });
  if (!box) throw new Error(`"${text}" not found in the page's speeches`);
  await tab.mouseMove(5, 5); // start outside any reference, so the move below is an entry
  await sleep(50);
  await tab.hoverRect(box);
  const popover = await tab.waitFor(popoverState, undefined, { timeout: 5_000, what: `the popover for ${text}` });
  return { box, popover };
}

/** Moves the pointer off the reference and waits for the popover to close (about 300 ms after leaving). */
async function leave(tab) {
  await tab.mouseMove(5, 5);
  await tab.waitFor(popoverClosed, undefined, { timeout: 5_000, what: 'the popover to close after leaving' });
}

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export default [
  {
    name: 'CWSB committee sitting: hovering Clause 7 opens the LGA position; Escape closes; Alt+Shift+N reaches it',
    async run(b, assert) {
      const { tab, ready } = await openAndWait(b, 'cwsbCommittee');
      assert.ok(ready.applies >= 1, `a highlight that applies (state ${JSON.stringify(ready)})`);

      const { box, popover } = await hoverReference(tab, 'Clause 7');
      assert.equal(popover.name, 'LGA position: Clause 7');
      assert.ok(popover.positions.length >= 1, 'at least one position shown');
      assert.equal(popover.positions[0].applies, 'applies', 'the applicable position comes first');
      assert.match(popover.text, /care leavers/, "the LGA's words on clause 7");
      assert.match(popover.text, STANCE_WORDS, 'the stance in words');
      assert.match(popover.text, /Second Reading/, "the briefing's stage");
      assert.equal(popover.positions[0].warning, null, 'no other-print warning on a position that applies');
      assert.match(
        popover.announced ?? '',
        /Clause 7/,
        'a popover opened by the pointer is announced to screen readers',
      );
      assert.ok(
        !overlaps(popover.box, box),
        `the popover ${JSON.stringify(popover.box)} leaves ${JSON.stringify(box)} visible`,
      );
      await tab.screenshot('popover-cwsb-clause-7-light');

      await tab.press('Escape');
      await tab.waitFor(popoverClosed, undefined, { timeout: 3_000, what: 'Escape to close the popover' });

      // Dark mode: this page follows the system's colour scheme, and the popover follows the page.
      await tab.colorScheme('dark');
      try {
        const dark = await hoverReference(tab, 'Clause 7');
        assert.equal(dark.popover.name, 'LGA position: Clause 7');
        assert.equal(
          dark.popover.scheme,
          'dark',
          `a dark popover on a dark page (background ${dark.popover.background})`,
        );
        assert.notEqual(dark.popover.background, popover.background, 'its background changed with the scheme');
        await tab.screenshot('popover-cwsb-clause-7-dark');
        await leave(tab);
      } finally {
        await tab.colorScheme('light');
      }

      // Keyboard: the in-page shortcut steps to the next highlighted reference and moves focus into its popover.
      // Focus sits on the page's skip link (a reader tabbing through the page), so we can see it come back.
      await tab.evaluate(() => {
        window.scrollTo(0, 0);
        document.querySelector('a.skip-to-content').focus();
      });
      await tab.press('Alt+Shift+N');
      const byKey = await tab.waitFor(popoverState, undefined, {
        timeout: 3_000,
        what: 'Alt+Shift+N to open a popover',
      });
      assert.equal(byKey.name, 'LGA position: Clause 7');
      assert.ok(byKey.focusInside, 'focus moved into the popover');
      await tab.press('Escape');
      await tab.waitFor(popoverClosed, undefined, { timeout: 3_000, what: 'Escape to close the keyboard popover' });
      const focusBack = await tab.evaluate(() => document.activeElement?.className ?? null);
      assert.equal(focusBack, 'skip-to-content', 'focus went back where it was');
      assert.deepEqual(await tab.extensionErrors(), []);
    },
  },
  {
    name: "the page's own scripts replay navigation events (the Navigation API's, and WXT's of old): no teardown, a bounded number of rescans (issue 10, finding 2)",
    async run(b, assert) {
      // The events' names are public: the extension's id and the entrypoint's name.
      const options = await b.extensionPage('options.html');
      const id = await options.evaluate(() => (globalThis.browser ?? globalThis.chrome).runtime.id);
      const { tab } = await openAndWait(b, 'cwsbCommittee');
      const runsBefore = await tab.evaluate(() => Number(document.documentElement.dataset.lgaRuns));
      // From the page's main world (tab.evaluate runs there): what a third-party script on Hansard could send.
      await tab.evaluate((prefix) => {
        const started = `${prefix}:parliament:wxt:content-script-started`;
        for (let i = 0; i < 5; i++) {
          const detail = { contentScriptName: 'parliament', messageId: `page-${i}` };
          document.dispatchEvent(new CustomEvent(started, { detail }));
          window.postMessage({ type: started, ...detail }, '*');
        }
        for (let i = 0; i < 20; i++) window.dispatchEvent(new Event(`${prefix}:parliament:wxt:locationchange`));
        // What the content script listens to now (src/annotate/navigation.ts): the page can fire it too.
        for (let i = 0; i < 20; i++) globalThis.navigation?.dispatchEvent(new Event('currententrychange'));
        // And 20 real navigations within the page, as fast as a script can make them.
        // (New queries, not anchors: an anchor is the same page and reruns nothing, src/annotate/navigation.ts.)
        for (let i = 0; i < 20; i++) history.pushState(null, '', `?replay=${i}`);
      }, id);
      await sleep(2_500);
      const ready = await tab.waitFor(readyState, undefined, {
        timeout: 10_000,
        what: 'the highlights after the replays',
      });
      assert.ok(ready.applies >= 1, `highlights still drawn (state ${JSON.stringify(ready)})`);
      const runsAfter = await tab.evaluate(() => Number(document.documentElement.dataset.lgaRuns));
      assert.ok(
        runsAfter - runsBefore <= 3,
        `65 events and 20 navigations caused ${runsAfter - runsBefore} rescans (at most 3: one per second)`,
      );
      const { popover } = await hoverReference(tab, 'Clause 7');
      assert.equal(popover.name, 'LGA position: Clause 7', 'the popover still opens');
      await leave(tab);
      await tab.evaluate(() => window.scrollTo(0, 0));
      await tab.press('Alt+Shift+N');
      const byKey = await tab.waitFor(popoverState, undefined, { timeout: 3_000, what: 'Alt+Shift+N still works' });
      assert.equal(byKey.name, 'LGA position: Clause 7');
      await tab.press('Escape');
      assert.deepEqual(await tab.extensionErrors(), []);
    },
  },
  {
    name: 'following an anchor on the page (a fragment of the same URL) reruns nothing and leaves an open card open',
    async run(b, assert) {
      const { tab } = await openAndWait(b, 'cwsbCommittee');
      const runsBefore = await tab.evaluate(() => Number(document.documentElement.dataset.lgaRuns));
      await tab.press('Alt+Shift+N');
      const open = await tab.waitFor(popoverState, undefined, { timeout: 3_000, what: 'Alt+Shift+N to open a card' });
      assert.equal(open.name, 'LGA position: Clause 7');
      // As a contents link or a contribution's link does, without the scroll that would move the card.
      await tab.evaluate(() => history.pushState(null, '', '#contribution-anchor'));
      await sleep(2_000);
      const still = await tab.evaluate(popoverState);
      assert.equal(still?.name, 'LGA position: Clause 7', 'the card is still open');
      const runsAfter = await tab.evaluate(() => Number(document.documentElement.dataset.lgaRuns));
      assert.equal(runsAfter, runsBefore, 'no rerun for an anchor');
      await tab.press('Escape');
      assert.deepEqual(await tab.extensionErrors(), []);
    },
  },
  {
    name: 'CSWB Lords Report 18 October 2016: amendment 7 and clause 29 get the Report-stage positions',
    async run(b, assert) {
      const { tab, ready } = await openAndWait(b, 'cswbLordsReport');
      assert.ok(
        ready.applies >= 2,
        `amendment 7 and clause 29 highlighted as applying (state ${JSON.stringify(ready)})`,
      );

      const amendment = (await hoverReference(tab, 'Amendment 7')).popover;
      assert.equal(amendment.name, 'LGA position: Amendment 7');
      assert.equal(amendment.positions[0].applies, 'applies');
      assert.match(amendment.positions[0].text, /House of Lords Report stage.*18 October 2016/);
      assert.match(amendment.positions[0].text, /duties to co-operate/);
      assert.ok(
        amendment.positions.every((p) => p.applies === 'applies' || /Amendments are renumbered/.test(p.warning ?? '')),
        'any amendment 7 of another stage carries the renumbering warning',
      );
      await tab.screenshot('popover-cswb-amendment-7-light');
      await leave(tab);

      const clause = (await hoverReference(tab, 'clause 29')).popover;
      assert.equal(clause.name, 'LGA position: Clause 29');
      assert.equal(clause.positions[0].applies, 'applies');
      assert.match(clause.positions[0].text, /House of Lords Report stage/);
      assert.match(clause.text, /clause 29/);
      for (const p of clause.positions.filter((x) => x.applies !== 'applies')) {
        assert.match(p.warning ?? '', /may be a different clause/, 'other-print positions carry the warning');
      }
      await leave(tab);
      assert.deepEqual(await tab.extensionErrors(), []);
    },
  },
  {
    name: 'CWSB Lords Third Reading: seed clause numbers shown only as other-print, with the warning',
    async run(b, assert) {
      const { tab, ready } = await openAndWait(b, 'cwsbLordsThirdReading');
      assert.equal(ready.applies, 0, `nothing applies on a later print (state ${JSON.stringify(ready)})`);
      assert.ok(ready.references >= 2, 'clause 7 and clause 23 are still highlighted, as other-print');
      for (const [text, name] of [
        ['Clause 7', 'LGA position: Clause 7'],
        ['Clause 23', 'LGA position: Clause 23'],
      ]) {
        const { popover } = await hoverReference(tab, text);
        assert.equal(popover.name, name);
        assert.ok(popover.positions.length > 0);
        for (const p of popover.positions) {
          assert.equal(p.applies, 'other-print', `${text}: ${p.text.slice(0, 80)}`);
          assert.match(p.warning ?? '', /Numbered for .*may be a different clause here/);
        }
        if (text === 'Clause 23') await tab.screenshot('popover-cwsb-clause-23-other-print');
        await leave(tab);
      }
      assert.deepEqual(await tab.extensionErrors(), []);
    },
  },
  {
    name: 'a page of an unknown bill is left untouched (ours and the page adapters’ fixture)',
    async run(b, assert) {
      const pages = ['unknownBill', 'pages/unknown-bill'].filter((id) => b.hasPage(id));
      for (const id of pages) {
        const tab = await b.open(id);
        await tab.bringToFront();
        // The content script marks a page it scanned as ready; a page it does not claim gets no attribute at all.
        // Either way give it the time a scan takes, then check that nothing changed.
        const ready = await tab.waitFor(readyState, undefined, { timeout: 3_000 }).catch(() => null);
        if (ready) assert.equal(ready.references, 0, `${id}: no highlight (state ${JSON.stringify(ready)})`);
        const footprint = await tab.evaluate(extensionFootprint);
        assert.equal(footprint.wrappers, 0, `${id}: no wrapped reference`);
        assert.equal(footprint.dialog, false, `${id}: no popover`);
        const box = await tab.evaluate(textBox, { selector: 'p', text: 'Clause ' });
        if (box) {
          await tab.hoverRect(box);
          await sleep(600);
          assert.ok(await tab.evaluate(popoverClosed), `${id}: hovering a clause number opens nothing`);
        }
        const digest = await tab.evaluate(textNodeDigest, b.pageHtml(id));
        assert.equal(digest.firstDifference, null, `${id}: every text node as served`);
        assert.equal(digest.elements, digest.servedElements, `${id}: no element added to or removed from <body>`);
        assert.deepEqual(await tab.extensionErrors(), [], `${id}: no extension error`);
      }
      assert.ok(pages.includes('unknownBill'));
    },
  },
  {
    name: 'the real 2.7 MB Commons day loads: no error, no text node changed',
    async run(b, assert) {
      const tab = await b.open('realCommonsDay');
      await tab.bringToFront();
      // The whole-day page is one the adapter claims (its sections name their bills): the scan must finish.
      const ready = await tab.waitFor(readyState, undefined, { timeout: 30_000, what: 'the scan of the real page' });
      assert.ok(ready.detected > 0, `references detected on the real page (state ${JSON.stringify(ready)})`);
      const digest = await tab.evaluate(textNodeDigest, b.pageHtml('realCommonsDay'));
      assert.ok(digest.textNodes > 10_000, `the whole page is there (${digest.textNodes} text nodes)`);
      assert.equal(digest.textNodes, digest.servedTextNodes, 'as many text nodes as served');
      assert.equal(digest.firstDifference, null, 'every text node as served');
      assert.equal(digest.elements, digest.servedElements, 'no element added to or removed from <body>');
      assert.deepEqual(await tab.extensionErrors(), [], 'the extension raised no error');
    },
  },
  {
    name: 'the toolbar badge shows how many highlighted references have a position that applies',
    async run(b, assert) {
      const cases = [];
      for (const pageId of ['cwsbCommittee', 'cwsbLordsThirdReading']) {
        const { ready } = await openAndWait(b, pageId);
        cases.push({ url: b.pageUrl(pageId), want: ready.applies > 0 ? String(ready.applies) : '' });
      }
      assert.notEqual(cases[0].want, '', 'the committee sitting has positions that apply');
      const ext = await b.extensionPage('options.html');
      for (const { url, want } of cases) {
        const badge = await ext.waitFor(
          async ({ url, want }) => {
            const api = globalThis.browser ?? globalThis.chrome;
            const action = api.action ?? api.browserAction;
            const tab = (await api.tabs.query({})).find((t) => t.url === url);
            if (!tab) return null;
            const text = await action.getBadgeText({ tabId: tab.id });
            return text === want ? { text } : null;
          },
          { url, want },
          { what: `the badge of ${url} to read "${want}"` },
        );
        assert.equal(badge.text, want);
      }
    },
  },
  {
    name: 'popover: no layout shift, stays open with the pointer inside, pins on click, closes on scroll away',
    async run(b, assert) {
      const { tab } = await openAndWait(b, 'cwsbCommittee');
      const before = await tab.evaluate(layoutProbe);
      const { box, popover } = await hoverReference(tab, 'Clause 7');
      assert.deepEqual(await tab.evaluate(layoutProbe), before, 'opening the popover moved nothing on the page');

      // From the reference into the popover: it stays open well past the close delay.
      await tab.hoverRect(popover.box);
      await sleep(800);
      assert.ok(await tab.evaluate(popoverState), 'open while the pointer is inside');
      await leave(tab);

      // A click pins it: leaving no longer closes it; Escape does.
      await tab.click(box.x + box.width / 2, box.y + box.height / 2);
      await tab.waitFor(popoverState, undefined, { timeout: 3_000, what: 'the popover to open on click' });
      await tab.mouseMove(1090, 690);
      await sleep(800);
      assert.ok(await tab.evaluate(popoverState), 'a pinned popover stays open after the pointer leaves');
      await tab.press('Escape');
      await tab.waitFor(popoverClosed, undefined, { timeout: 3_000, what: 'Escape to close the pinned popover' });

      // Scrolling the reference out of view closes it.
      await tab.setViewport(1100, 320);
      await hoverReference(tab, 'Clause 7');
      await tab.evaluate(() => window.scrollBy(0, 600));
      await tab.waitFor(popoverClosed, undefined, { timeout: 3_000, what: 'the popover to close on scroll away' });
      assert.deepEqual(await tab.extensionErrors(), []);
    },
  },
  {
    name: "popover's Read the briefing opens the side panel at that briefing",
    async run(b, assert) {
      const { tab } = await openAndWait(b, 'cwsbCommittee');
      await hoverReference(tab, 'Clause 7');
      // The card's body can hold the button below its visible part, under the "n more positions" line: bring it into
      // view first, as a reader scrolls the card.
      await tab.evaluate(
        (selector) =>
          document
            .querySelector('lga-positions-root')
            ?.shadowRoot?.querySelector(selector)
            ?.scrollIntoView({ block: 'nearest' }),
        '[data-testid="lga-read-briefing"]',
      );
      const button = await tab.evaluate(popoverElementBox, '[data-testid="lga-read-briefing"]');
      assert.ok(button, 'the popover has a Read the briefing button');
      await tab.click(button.x + button.width / 2, button.y + button.height / 2); // a real click: a user gesture
      const panel = await b.extensionPage('sidepanel.html');
      const target = await panel.waitFor(
        () => {
          const el = document.querySelector('[data-testid="briefing"].is-target');
          const tab = document.getElementById('tab-bill');
          return el && tab?.getAttribute('aria-selected') === 'true' ? { id: el.dataset.briefingId } : null;
        },
        undefined,
        { what: 'the panel to open the Bill view at the briefing' },
      );
      assert.match(target.id, /^childrens-wellbeing-and-schools-bill\//, `briefing ${target.id}`);
      assert.deepEqual(await tab.extensionErrors(), []);
    },
  },
  {
    name: 'late content and in-page navigation are picked up',
    async run(b, assert) {
      const { tab, ready } = await openAndWait(b, 'cwsbCommittee');
      // Late content: a speech arrives after the scan, naming Clause 23 (a position in the same print).
      await tab.evaluate(() => {
        const content = document.querySelectorAll('.contribution .content')[1];
        const p = document.createElement('p');
        p.className = 'hs_Para';
        p.textContent =
          'Clause 23 limits the number of branded items of school uniform, which councils have long asked for.';
        content.append(p);
      });
      const later = await tab.waitFor(
        (before) => {
          const d = document.documentElement.dataset;
          return d.lgaPositions === 'ready' && Number(d.lgaReferences) > before ? Number(d.lgaReferences) : null;
        },
        ready.references,
        { timeout: 5_000, what: 'the late paragraph to be highlighted' },
      );
      assert.equal(later, ready.references + 1);
      const { popover } = await hoverReference(tab, 'Clause 23');
      assert.equal(popover.name, 'LGA position: Clause 23');
      assert.equal(popover.positions[0].applies, 'applies');
      await leave(tab);

      // In-page navigation (history.pushState, as a single-page site does) to the Lords Third Reading: the page is
      // read again with its new URL and content, where the seed clause numbers no longer apply.
      await tab.evaluate(
        ({ html, path }) => {
          const next = new DOMParser().parseFromString(html, 'text/html');
          history.pushState({}, '', path);
          document.title = next.title;
          document.body.replaceWith(document.adoptNode(next.body));
        },
        {
          html: b.pageHtml('cwsbLordsThirdReading'),
          path: b.pageUrl('cwsbLordsThirdReading').replace(/^http:\/\/[^/]+/, ''),
        },
      );
      const after = await tab.waitFor(
        () => {
          const d = document.documentElement.dataset;
          return d.lgaPositions === 'ready' &&
            /Third Reading/.test(document.body.textContent) &&
            Number(d.lgaApplies) === 0
            ? { references: Number(d.lgaReferences), applies: Number(d.lgaApplies) }
            : null;
        },
        undefined,
        { timeout: 8_000, what: 'the navigated page to be read as the Lords Third Reading' },
      );
      assert.ok(
        after.references >= 2,
        `clause 7 and clause 23 still highlighted, as other-print (${JSON.stringify(after)})`,
      );
      const moved = await hoverReference(tab, 'Clause 23');
      assert.ok(moved.popover.positions.every((p) => p.applies === 'other-print'));
      assert.deepEqual(await tab.extensionErrors(), []);
    },
  },
];
