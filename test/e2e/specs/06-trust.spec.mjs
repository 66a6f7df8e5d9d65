/**
 * Trust boundaries in the real browsers (issue 10): what the content-script world may ask the background (a page's
 * renderer can be compromised, so it gets lookups, not the reader's data), and a suite of hostile imports whose
 * counts are printed: tried / ran / rendered as HTML / data lost.
 */

import { CWSB_COMMITTEE_CONTEXT } from '../lib/fixtures.mjs';
import { popoverState, readyState } from '../lib/in-page.mjs';

const BRIEFING = `LGA briefing: Children’s Wellbeing and Schools Bill

Committee Stage, House of Commons, 11 February 2025

Key messages

  • We oppose clause 7 entirely.
`;

const USER_DATA = (briefings, userData = []) =>
  JSON.stringify({ format: 'lga-positions-user-data', formatVersion: 1, exportedAt: '', briefings, userData });

async function exportedBriefings(b) {
  const { json } = await b.message({ type: 'exportUserData' });
  return JSON.parse(json);
}

export default [
  {
    name: 'trust: the content-script world is refused the reader’s data, and still gets its lookups',
    async run(b, assert) {
      await b.message({ type: 'addBriefing', fileName: 'trust-mine.txt', text: BRIEFING, replace: true });
      const before = await exportedBriefings(b);
      const mine = (
        await b.message({ type: 'briefingsForBill', billId: 'childrens-wellbeing-and-schools-bill' })
      ).briefings.find((x) => x.briefing.source === 'trust-mine.txt');
      // From an extension page they are answered.
      assert.equal(
        (await b.message({ type: 'briefingPositions', briefingId: mine.briefingId, from: 0, to: 200 })).positions
          .length,
        1,
      );
      assert.equal(
        (await b.message({ type: 'positions', ids: [mine.positions[0].id] }))[0].position.id,
        mine.positions[0].id,
      );
      const tab = await b.open('cwsbCommittee');
      await tab.waitFor(readyState, undefined, { timeout: 15_000, what: 'the content script to draw' });
      const page = CWSB_COMMITTEE_CONTEXT;
      const userDataOps = [
        { type: 'exportUserData' },
        { type: 'removeBriefing', source: 'trust-mine.txt' },
        { type: 'addBriefing', fileName: 'planted.txt', text: BRIEFING },
        {
          type: 'importUserData',
          json: USER_DATA([{ source: 'planted.txt', text: BRIEFING, addedAt: '2026-01-01T00:00:00Z' }]),
        },
        // The side panel's reads of the reader's briefings (a page at a time, by id): extension pages only.
        { type: 'briefingsForBill', billId: page.billId },
        { type: 'briefingPositions', briefingId: mine.briefingId, from: 0, to: 200 },
        { type: 'positions', ids: [mine.positions[0].id] },
      ];
      const allowedOps = [{ type: 'lookup', page, references: [{ kind: 'clause', number: '7' }] }, { type: 'bills' }];
      const replies = await tab.sendFromContentScript([...userDataOps, ...allowedOps]);
      const refused = replies.slice(0, userDataOps.length);
      for (const [i, reply] of refused.entries()) {
        assert.equal(reply.ok, false, `${userDataOps[i].type} from the content script must be refused`);
        assert.match(reply.error, new RegExp(`^${userDataOps[i].type} is refused from a content script`));
      }
      const [lookup, bills] = replies.slice(userDataOps.length);
      assert.equal(lookup.ok, true, `lookup from the content script: ${JSON.stringify(lookup).slice(0, 200)}`);
      assert.ok(lookup.data.matches[0].positions.length > 0, 'the lookup found clause 7’s positions');
      assert.equal(bills.ok, true);
      const after = await exportedBriefings(b);
      assert.deepEqual(
        [after.briefings, after.userData],
        [before.briefings, before.userData],
        'the reader’s data is as it was',
      );
      console.log(
        `  trust: content-script world: ${userDataOps.length} user-data requests tried, ${refused.filter((r) => !r.ok).length} refused, ${allowedOps.length} page requests answered`,
      );
      await b.message({ type: 'removeBriefing', source: 'trust-mine.txt' });
    },
  },
  {
    name: 'trust: hostile imports change nothing and each says why (counts printed)',
    async run(b, assert) {
      await b.message({ type: 'addBriefing', fileName: 'trust-keep.txt', text: BRIEFING, replace: true });
      const before = await exportedBriefings(b);
      const hostile = [
        ['not JSON', '{"format": '],
        ['JSON that is not an object', '[1, 2, 3]'],
        ['another format', JSON.stringify({ format: 'x', formatVersion: 1, briefings: [] })],
        [
          'a newer format version',
          JSON.stringify({ format: 'lga-positions-user-data', formatVersion: 99, briefings: [] }),
        ],
        [
          'briefings not an array',
          JSON.stringify({ format: 'lga-positions-user-data', formatVersion: 1, briefings: {} }),
        ],
        [
          'a briefing that does not compile',
          USER_DATA([{ source: 'x.txt', text: 'not a briefing', addedAt: '2026-01-01T00:00:00Z' }]),
        ],
        [
          'a source with a folder',
          USER_DATA([{ source: '../x.txt', text: BRIEFING, addedAt: '2026-01-01T00:00:00Z' }]),
        ],
        [
          'the same source twice',
          USER_DATA([1, 2].map(() => ({ source: 'd.txt', text: BRIEFING, addedAt: '2026-01-01T00:00:00Z' }))),
        ],
        [
          'a source already added, unconfirmed',
          USER_DATA([
            { source: 'trust-keep.txt', text: BRIEFING.replace('oppose', 'support'), addedAt: '2026-01-01T00:00:00Z' },
          ]),
        ],
        [
          'prototype keys',
          '{"format":"lga-positions-user-data","formatVersion":1,"briefings":[],"__proto__":{"polluted":1},"userData":[{"key":"__proto__","value":{"x":1}}]}',
        ],
        [
          'a value nested 100,000 deep',
          `{"format":"lga-positions-user-data","formatVersion":1,"briefings":[],"userData":[{"key":"k","value":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`,
        ],
      ];
      // Accepted on purpose: its name and text are markup, which the options page must show as text.
      const MARKUP = '<img src="x" onerror="globalThis.__lgaRan = true"><b data-lga-injected>bold<b>';
      const markupFile = USER_DATA([
        {
          source: `${MARKUP}.txt`,
          text: BRIEFING.replace('We oppose', `${MARKUP} We oppose`),
          addedAt: '2026-01-01T00:00:00Z',
        },
      ]);
      let tried = 0;
      let refused = 0;
      let lost = 0;
      const unclear = [];
      for (const [name, json] of hostile) {
        tried++;
        let error = null;
        try {
          await b.message({ type: 'importUserData', json });
        } catch (e) {
          error = e.message;
        }
        if (error) refused++;
        if (error && !/nothing was changed/.test(error)) unclear.push(`${name}: ${error}`);
        const after = await exportedBriefings(b);
        if (JSON.stringify(after.briefings) !== JSON.stringify(before.briefings)) lost++;
        if (!error && name !== 'prototype keys') unclear.push(`${name}: accepted`);
      }
      await b.message({ type: 'importUserData', json: markupFile });
      tried++;
      const options = await b.extensionPage('options.html');
      const shown = await options.waitFor(
        (markup) => {
          const item = [...document.querySelectorAll('[data-testid="user-briefing"]')].find(
            (e) => e.dataset.source === `${markup}.txt`,
          );
          if (!item) return null;
          return {
            rendered: document.querySelectorAll('img[src="x"], [data-lga-injected]').length,
            ran: globalThis.__lgaRan === true,
            asText: item.textContent.includes(markup),
          };
        },
        MARKUP,
        { what: 'the imported briefing listed' },
      );
      const ran = shown.ran ? 1 : 0;
      const rendered = shown.rendered;
      console.log(
        `  trust: hostile imports: tried ${tried} / ran ${ran} / rendered as HTML ${rendered} / data lost ${lost} (refused ${refused})`,
      );
      assert.equal(ran, 0, 'no payload ran');
      assert.equal(rendered, 0, 'no payload was rendered as HTML');
      assert.ok(shown.asText, 'the markup is shown as text');
      await b.message({ type: 'removeBriefing', source: `${MARKUP}.txt` });
      assert.equal(lost, 0, 'no import changed the stored briefings');
      assert.deepEqual(unclear, [], 'every refusal says nothing was changed');
      await b.message({ type: 'removeBriefing', source: 'trust-keep.txt' });
    },
  },
  {
    name: "trust: keys and clicks the page's own scripts dispatch do nothing; the reader's own key still works",
    async run(b, assert) {
      const tab = await b.open('cwsbCommittee');
      await tab.bringToFront();
      await tab.waitFor(readyState, undefined, { timeout: 15_000, what: 'the content script' });
      // From the page's own world: the shortcut, then a click and pointer moves over the first reference.
      const dispatched = await tab.evaluate(() => {
        const key = { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true };
        for (let i = 0; i < 5; i++) document.dispatchEvent(new KeyboardEvent('keydown', key));
        const p = [...document.querySelectorAll('.contribution .content p.hs_Para')].find((el) =>
          el.textContent.includes('Clause 7'),
        );
        const r = p.getBoundingClientRect();
        for (const type of ['pointermove', 'pointerover', 'click']) {
          p.dispatchEvent(new PointerEvent(type, { clientX: r.x + 5, clientY: r.y + 5, bubbles: true }));
        }
        return 8;
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(await tab.evaluate(popoverState), null, `${dispatched} page-made events opened nothing`);
      await tab.press('Alt+Shift+N');
      const popover = await tab.waitFor(popoverState, undefined, { timeout: 5_000, what: "the reader's Alt+Shift+N" });
      assert.match(popover.name, /^LGA position/);
      console.log(
        `  trust: page-made input: ${dispatched} events dispatched, 0 acted on; the reader's key opened the card`,
      );
    },
  },
];
