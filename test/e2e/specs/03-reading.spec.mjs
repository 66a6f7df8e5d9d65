/**
 * Reading comfort (issue 12), measured in real browsers: where the popover sits at 1366×800, 800 px wide and 200 %
 * zoom (a 683×400 CSS-px viewport), its fixed header while the body scrolls, a slow pointer sweep that opens nothing,
 * the keyboard path (shortcuts shown, Alt+Shift+N between distinct provisions, Tab kept inside, focus back after
 * Escape), screenshots in light and dark, and axe over the page with the popover open.
 */
import { seriousViolations } from '../lib/axe.mjs';
import { popoverClosed, popoverState, readyState } from '../lib/in-page.mjs';

const SPEECH = '.contribution .content p.hs_Para';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function openAndWait(b, pageId) {
  const tab = await b.open(pageId);
  await tab.bringToFront();
  const ready = await tab.waitFor(readyState, undefined, { timeout: 15_000, what: 'the content script to draw' });
  return { tab, ready };
}

/**
 * The `nth` occurrence of `text` in a speech, scrolled to `at` of the viewport's height: its first line box, the line
 * height, and its paragraph's box (viewport coordinates).
 */
function referenceGeometry({ selector, text, nth = 0, at = 0.5 }) {
  let seen = 0;
  for (const el of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let i = node.data.indexOf(text);
      while (i !== -1) {
        if (seen++ === nth) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + text.length);
          const before = range.getClientRects()[0];
          window.scrollBy(0, before.top - window.innerHeight * at);
          const r = range.getClientRects()[0];
          const p = el.getBoundingClientRect();
          const line = parseFloat(getComputedStyle(el).lineHeight) || r.height * 1.2;
          return {
            box: { x: r.x, y: r.y, width: r.width, height: r.height },
            line,
            paragraph: { x: p.x, y: p.y, width: p.width, height: p.height },
          };
        }
        i = node.data.indexOf(text, i + 1);
      }
    }
  }
  return null;
}

async function hoverAt(tab, text, { nth = 0, at = 0.5 } = {}) {
  const geo = await tab.evaluate(referenceGeometry, { selector: SPEECH, text, nth, at });
  if (!geo) throw new Error(`"${text}" not found in the page's speeches`);
  // Placing the reference scrolls the page; Firefox delivers that scroll event on its next refresh, and a scroll
  // closes the popover (and restarts the dwell), so let it arrive before the pointer comes to rest.
  await sleep(150);
  await tab.mouseMove(2, 2);
  await tab.waitFor(popoverClosed, undefined, { timeout: 5_000, what: 'no popover before hovering' });
  await tab.hoverRect(geo.box);
  const popover = await tab.waitFor(popoverState, undefined, {
    timeout: 5_000,
    what: `the popover for ${text} at ${at} in ${await tab.evaluate(() => `${innerWidth}x${innerHeight}`)}`,
  });
  // Let the entering fade and the "n more" count settle, then read again.
  await sleep(200);
  return { geo, popover: (await tab.evaluate(popoverState)) ?? popover };
}

/**
 * The text being read: the reference's line and the next two, across the paragraph's width. True when the popover's
 * box covers any of it.
 */
function coversReading(popoverBox, geo) {
  const band = {
    x: geo.paragraph.x,
    y: geo.box.y,
    width: geo.paragraph.width,
    height: geo.box.y + geo.box.height + 2 * geo.line - geo.box.y,
  };
  const a = popoverBox;
  return a.x < band.x + band.width && band.x < a.x + a.width && a.y < band.y + band.height && band.y < a.y + a.height;
}

const VIEWPORTS = [
  { name: '1366x800', width: 1366, height: 800 },
  { name: '800px', width: 800, height: 800 },
  { name: 'zoom200', width: 683, height: 400 },
];

export default [
  {
    name: 'the popover never covers the reference’s line or the next two, at 1366×800, 800 px and 200 % zoom',
    async run(b, assert) {
      const { tab } = await openAndWait(b, 'cswbLordsReport');
      try {
        for (const vp of VIEWPORTS) {
          await tab.setViewport(vp.width, vp.height);
          await sleep(150);
          // Near the top, the middle and the bottom of the viewport: each side gets tried.
          for (const at of [0.2, 0.5, 0.8]) {
            for (const text of ['clause 29', 'Amendment 7']) {
              const { geo, popover } = await hoverAt(tab, text, { at });
              assert.ok(
                !coversReading(popover.box, geo),
                `${vp.name}, ${text} at ${at}: popover ${JSON.stringify(popover.box)} (${popover.side}) covers the lines ` +
                  `from ${JSON.stringify(geo.box)} (line ${geo.line}) in ${JSON.stringify(geo.paragraph)}`,
              );
              assert.ok(
                popover.box.x >= 0 && popover.box.x + popover.box.width <= vp.width,
                `${vp.name}: inside the viewport`,
              );
              if (at === 0.5 && text === 'clause 29') await tab.screenshot(`reading-popover-${vp.name}-light`);
            }
          }
        }
        await tab.colorScheme('dark');
        for (const vp of VIEWPORTS) {
          await tab.setViewport(vp.width, vp.height);
          await sleep(150);
          const { geo, popover } = await hoverAt(tab, 'clause 29');
          assert.ok(!coversReading(popover.box, geo), `${vp.name} dark: clear of the lines being read`);
          await tab.screenshot(`reading-popover-${vp.name}-dark`);
        }
      } finally {
        await tab.colorScheme('light');
        await tab.setViewport(1366, 800);
      }
      assert.deepEqual(await tab.extensionErrors(), []);
    },
  },
  {
    name: 'at 200 % zoom: a summary line per position first, "n more positions", and the header stays when the body scrolls',
    async run(b, assert) {
      const { tab } = await openAndWait(b, 'cswbLordsReport');
      try {
        await tab.setViewport(683, 400);
        await sleep(150);
        const { popover } = await hoverAt(tab, 'clause 29', { at: 0.8 });
        assert.ok(popover.positions.length >= 2, `clause 29 has several positions (${popover.positions.length})`);
        assert.equal(popover.summary.length, popover.positions.length, 'one summary line per position');
        for (const line of popover.summary)
          assert.match(line, /(Supports|Concerned|Opposes|No stance).*(Lords|Commons)/);
        assert.ok(popover.body.scrollHeight > popover.body.clientHeight, 'the body scrolls at this size');
        assert.match(popover.more ?? '', /^\d+ more positions?/, 'says there is more below');
        // Keep it open while the body scrolls (the pointer goes into the popover), then scroll to the end.
        await tab.mouseMove(Math.round(popover.box.x + popover.box.width / 2), Math.round(popover.body.y + 10));
        await tab.evaluate(() => {
          const body = document
            .querySelector('lga-positions-root')
            .shadowRoot.querySelector('[data-testid="lga-popover-body"]');
          body.scrollTop = body.scrollHeight;
        });
        await sleep(150);
        const scrolled = await tab.evaluate(popoverState);
        assert.ok(scrolled.body.scrollTop > 0, 'the body scrolled');
        assert.ok(
          scrolled.header.top >= scrolled.box.y - 1 && scrolled.header.bottom <= scrolled.body.top + 1,
          `the header ${JSON.stringify(scrolled.header)} stays above the body ${JSON.stringify(scrolled.body)}`,
        );
        assert.ok(scrolled.header.top >= 0, 'the header is on screen');
        assert.match(scrolled.name, /^LGA position: Clause 29/);
        await tab.screenshot('reading-popover-zoom200-scrolled-light');
      } finally {
        await tab.setViewport(1366, 800);
      }
    },
  },
  {
    name: 'a slow pointer sweep along the lines opens nothing; resting on the word does',
    async run(b, assert) {
      const { tab } = await openAndWait(b, 'cswbLordsReport');
      const geo = await tab.evaluate(referenceGeometry, { selector: SPEECH, text: 'clause 29', at: 0.5 });
      await tab.mouseMove(2, 2);
      await tab.waitFor(popoverClosed, undefined, { timeout: 5_000, what: 'no popover to start with' });
      // About 100 px/s (a reader's pointer following the text) along the reference's line and the next, from the
      // paragraph's left edge to its right, passing over the reference.
      const y0 = Math.round(geo.box.y + geo.box.height / 2);
      const left = Math.round(geo.paragraph.x + 2);
      const right = Math.round(Math.min(geo.paragraph.x + geo.paragraph.width - 2, geo.box.x + geo.box.width + 120));
      // The page's own clock times each pointer move, so a sweep the machine stalled (a move delivered after the
      // pointer had rested for the hover delay, which opens the card as it should) is told apart from the card
      // opening on a pointer that never rested: a stalled sweep is swept again, up to three times.
      await tab.evaluate(() => {
        window.__lgaMoves = [];
        addEventListener('pointermove', (e) => window.__lgaMoves.push(e.timeStamp), { capture: true, passive: true });
      });
      const HOVER_DELAY_MS = 250;
      const sweeps = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        await tab.mouseMove(2, 2);
        await tab.waitFor(popoverClosed, undefined, { timeout: 5_000, what: 'no popover before the sweep' });
        await tab.evaluate(() => {
          window.__lgaMoves.length = 0;
        });
        let opened = 0;
        for (const y of [y0, Math.round(y0 + geo.line)]) {
          for (let x = y === y0 ? left : right; y === y0 ? x <= right : x >= left; x += y === y0 ? 5 : -5) {
            await tab.mouseMove(x, y);
            await sleep(50);
            if (!(await tab.evaluate(popoverClosed))) opened++;
          }
        }
        const longestRest = await tab.evaluate(() =>
          window.__lgaMoves.slice(1).reduce((most, t, i) => Math.max(most, t - window.__lgaMoves[i]), 0),
        );
        sweeps.push({ opened, longestRest: Math.round(longestRest) });
        if (longestRest < HOVER_DELAY_MS) break;
      }
      const steady = sweeps.filter((sweep) => sweep.longestRest < HOVER_DELAY_MS);
      assert.ok(
        steady.length > 0,
        `a sweep at reading speed (the machine stalled every one: ${JSON.stringify(sweeps)})`,
      );
      assert.equal(steady[0].opened, 0, `no popover opened during the sweep (${JSON.stringify(sweeps)})`);
      await tab.hoverRect(geo.box);
      const popover = await tab.waitFor(popoverState, undefined, { timeout: 5_000, what: 'resting opens it' });
      assert.match(popover.name, /Clause 29/);
    },
  },
  {
    name: 'keyboard: shortcuts shown, Alt+Shift+N steps between distinct provisions, Tab stays inside, Escape gives focus back',
    async run(b, assert) {
      const { tab } = await openAndWait(b, 'cswbLordsReport');
      await tab.mouseMove(2, 2);
      await tab.evaluate(() => {
        window.scrollTo(0, 0);
        document.activeElement?.blur();
      });
      // Step once round the page: each provision once, however often it is mentioned (Amendment 7 four times).
      const names = [];
      for (let i = 0; i < 12; i++) {
        await tab.press('Alt+Shift+N');
        const state = await tab.waitFor(popoverState, undefined, { timeout: 3_000, what: 'Alt+Shift+N to open one' });
        if (names.includes(state.name)) break;
        names.push(state.name);
        if (i === 0) {
          assert.match(state.shortcuts ?? '', /Alt\+Shift\+N \/ Alt\+Shift\+P: next \/ previous provision/);
          assert.ok(state.focusInside, 'focus moved into the popover');
          await tab.screenshot('reading-keyboard-popover-light');
        }
      }
      const mentions = await tab.evaluate(() => Number(document.documentElement.dataset.lgaReferences));
      assert.ok(names.length >= 2, `several provisions reached: ${names.join(', ')}`);
      assert.ok(names.length < mentions, `fewer stops (${names.length}) than highlighted mentions (${mentions})`);
      assert.equal(new Set(names).size, names.length, `each provision once: ${names.join(', ')}`);
      assert.equal(names.filter((n) => /Amendment 7$/.test(n)).length, 1, 'Amendment 7 is one stop');

      // Tab goes round the popover's controls and never leaves it.
      for (let i = 0; i < 8; i++) await tab.press('Tab');
      assert.ok((await tab.evaluate(popoverState)).focusInside, 'Tab kept inside the popover');
      const violations = await seriousViolations(tab);
      assert.deepEqual(violations, [], 'axe: no serious violations with the popover open');

      await tab.press('Escape');
      await tab.waitFor(popoverClosed, undefined, { timeout: 3_000, what: 'Escape to close' });
      const focus = await tab.evaluate(() => ({
        tag: document.activeElement?.localName ?? null,
        text: document.activeElement?.textContent?.slice(0, 400) ?? '',
      }));
      assert.notEqual(focus.tag, 'body', 'focus did not drop to <body>');
      assert.match(focus.text, /amendment|clause/i, `focus is at the reference's paragraph (${focus.tag})`);
      assert.deepEqual(await tab.extensionErrors(), []);
    },
  },
];
