/**
 * Hostile text in every view (issue 10, "Must show": the hostile-payload and hostile-briefing suites, counts printed
 * as tried / ran / rendered as HTML / data lost). Markup that would render or run if a view inserted text as HTML
 * (test/fixtures/hostile/compose.mjs) is put where our views show page text and briefing text; each view must show
 * it as text. The import suite is in 06-trust.
 */
import { hostileBriefing, PAGE_PLACES, PAYLOADS } from '../../fixtures/hostile/compose.mjs';
import { popoverState, readyState, textBox } from '../lib/in-page.mjs';
import { openPanel, selectBill, showPanelTab } from '../lib/panel.mjs';

const CWSB = 'childrens-wellbeing-and-schools-bill';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * In this document and in every open shadow root in it (our popover's, each topic marker's): how many elements a
 * payload made, whether a payload's script ran, and whether `needle` shows as text somewhere.
 */
function injected(needle) {
  const roots = [document, ...[...document.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))];
  const ours = roots.slice(1);
  return {
    rendered: roots.reduce((n, root) => n + root.querySelectorAll('[data-lga-injected]').length, 0),
    ran: globalThis.__lgaRan === 1,
    shownAsText: needle ? [document.body, ...ours].some((root) => (root.textContent ?? '').includes(needle)) : null,
    shadowRoots: ours.length,
  };
}

/** The reader's data as exported: what "data lost" compares. */
async function exported(b) {
  const { json } = await b.message({ type: 'exportUserData' });
  const data = JSON.parse(json);
  return JSON.stringify([data.briefings, data.userData, data.corrections ?? null]);
}

/** Rests the pointer on the first `reference` that starts `text` in a speech, and waits for the popover. */
async function hoverReference(tab, reference, text = reference) {
  const box = await tab.evaluate(textBox, { selector: '.contribution .content p.hs_Para', text });
  if (!box) throw new Error(`"${text}" not found in the page's speeches`);
  await tab.mouseMove(5, 5);
  await sleep(50);
  await tab.hoverRect({ ...box, width: (box.width * reference.length) / text.length });
  return tab.waitFor(popoverState, undefined, { timeout: 5_000, what: `the popover for ${reference} in "${text}"` });
}

export default [
  {
    name: 'hostile page text: shown as text in the popover, topic markers and side panel (counts printed)',
    async run(b, assert) {
      const before = await exported(b);
      const panel = await openPanel(b);
      const tab = await b.open('hostileCwsb');
      await tab.bringToFront();
      const ready = await tab.waitFor(readyState, undefined, { timeout: 15_000, what: 'the content script to draw' });
      assert.ok(ready.references >= PAYLOADS.length, `each hostile speech's clause 7 is read (${ready.references})`);

      // The popover on a clause named beside a payload, and the topic markers beside the LGA mentions.
      const popover = await hoverReference(tab, 'clause 7', 'clause 7 as drafted');
      assert.equal(popover.name, 'LGA position: Clause 7');
      await tab.waitFor(() => document.querySelectorAll('lga-topic-marker').length || null, undefined, {
        timeout: 10_000,
        what: 'topic markers beside the LGA mentions',
      });
      const inPage = await tab.evaluate(injected, null);

      // The side panel shows the page's sections and who mentioned the LGA: speakers' names carry the payloads.
      await panel.waitFor(showPanelTab, 'page', { what: 'the On this page tab' });
      const mentions = await panel.waitFor(
        () => document.querySelector('[data-testid="page-mentions"]')?.textContent ?? null,
        undefined,
        { timeout: 15_000, what: 'the LGA mentions line' },
      );
      assert.match(mentions, /Member 1 /, `the speakers are named: ${mentions.slice(0, 200)}`);
      const inPanel = await panel.evaluate(injected, PAYLOADS[0][1]);
      const after = await exported(b);

      const tried = PAYLOADS.length * PAGE_PLACES.length;
      const ran = Number(inPage.ran) + Number(inPanel.ran);
      const rendered = inPage.rendered + inPanel.rendered;
      const lost = before === after ? 0 : 1;
      console.log(
        `  hostile page: tried ${tried} (${PAYLOADS.length} payloads x ${PAGE_PLACES.length} places) / ran ${ran} / rendered as HTML ${rendered} / data lost ${lost} (looked in the page, ${inPage.shadowRoots} shadow roots of ours and the side panel)`,
      );
      assert.ok(inPage.shadowRoots >= 2, 'the popover and at least one topic marker were looked in');
      assert.equal(ran, 0, 'no payload ran');
      assert.equal(rendered, 0, 'no payload was rendered as HTML');
      assert.equal(lost, 0, "the reader's data is as it was");
      assert.ok(inPanel.shownAsText, 'the panel shows the speaker’s markup as text');
      assert.deepEqual(await tab.extensionErrors(), []);
    },
  },
  {
    name: 'hostile briefing text: shown as text in the popover, the Bill view and search (counts printed)',
    async run(b, assert) {
      const before = await exported(b);
      const fileName = `hostile ${PAYLOADS[0][1]}.txt`;
      await b.message({ type: 'addBriefing', fileName, text: hostileBriefing(), replace: true });
      const added = await exported(b);
      const lostOnAdd = JSON.parse(before)[0].every((x) => added.includes(JSON.stringify(x))) ? 0 : 1;

      // The popover on Clause 7 lists the LGA's positions first, then the reader's (each labelled).
      const tab = await b.open('cwsbCommittee');
      await tab.bringToFront();
      await tab.waitFor(readyState, undefined, { timeout: 15_000, what: 'the content script to draw' });
      const popover = await hoverReference(tab, 'Clause 7');
      assert.match(popover.text, /hostile \d+/, 'the hostile positions are in the popover');
      const inPopover = await tab.evaluate(injected, '<img src=x');

      // The Bill view, with the hostile briefing's positions listed.
      const panel = await openPanel(b);
      await panel.bringToFront();
      await panel.waitFor(showPanelTab, 'bill', { what: 'the Bill tab' });
      await panel.waitFor(selectBill, CWSB, { what: 'the bill in the picker' });
      const listed = await panel.waitFor(
        () => {
          const texts = [...document.querySelectorAll('[data-testid="briefing-position"]')]
            .map((p) => p.textContent)
            .filter((t) => /hostile \d+/.test(t));
          return texts.length ? texts.length : null;
        },
        undefined,
        { timeout: 15_000, what: 'the hostile positions in the Bill view' },
      );
      assert.equal(listed, PAYLOADS.length, 'every hostile position is listed');
      const inBillView = await panel.evaluate(injected, '<svg data-lga-injected');

      // Search.
      await panel.waitFor(showPanelTab, 'search', { what: 'the Search tab' });
      await panel.evaluate(() => document.querySelector('input[type="search"]')?.focus());
      await panel.type('hostile');
      const results = await panel.waitFor(
        () => document.querySelectorAll('[data-testid="search-result"]').length || null,
        undefined,
        { timeout: 15_000, what: 'search results for "hostile"' },
      );
      const inSearch = await panel.evaluate(injected, 'hostile');

      await b.message({ type: 'removeBriefing', source: fileName });
      const after = await exported(b);
      const views = [inPopover, inBillView, inSearch];
      const tried = PAYLOADS.length * views.length + 2; // each bullet in each view, the sub-heading, the file name
      const ran = views.filter((v) => v.ran).length;
      const rendered = views.reduce((n, v) => n + v.rendered, 0);
      const lost = lostOnAdd + (after === before ? 0 : 1);
      console.log(
        `  hostile briefing: tried ${tried} (${PAYLOADS.length} bullets x ${views.length} views, sub-heading, file name) / ran ${ran} / rendered as HTML ${rendered} / data lost ${lost} (${results} search results)`,
      );
      assert.equal(ran, 0, 'no payload ran');
      assert.equal(rendered, 0, 'no payload was rendered as HTML');
      assert.equal(lost, 0, 'adding and removing it kept every other briefing');
      assert.ok(inPopover.shownAsText, 'the popover shows the markup as text');
      assert.ok(inBillView.shownAsText, 'the Bill view shows the markup as text');
      assert.deepEqual(await tab.extensionErrors(), []);
    },
  },
];
