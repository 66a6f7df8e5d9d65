/**
 * The side panel (issue 6, "Must show"): opened as a tab next to a fixture page, it lists the positions for the
 * page's references and opens their popovers in the page; the bill view lists the Children and Social Work Bill's
 * briefings in parliamentary order; search finds "corporate parenting" in both seed bills; axe finds no serious or
 * critical violation.
 */
import { seriousViolations } from '../lib/axe.mjs';
import { popoverState, readyState } from '../lib/in-page.mjs';
import { billOffered, openPanel, selectBill, showPanelTab } from '../lib/panel.mjs';

/** The panel's "On this page" list, once it shows some reference with its position's words. */
function pageRefs() {
  const refs = [...document.querySelectorAll('[data-testid="page-ref"]')];
  if (!refs.some((r) => r.querySelector('[data-testid="page-ref-position"] [data-testid="lga-excerpt"]'))) return null;
  return {
    bills: [...document.querySelectorAll('[data-testid="page-bill"]')].map((e) => e.textContent.trim()),
    stages: [...document.querySelectorAll('[data-testid="page-stage"]')].map((e) => e.textContent.trim()),
    dates: [...document.querySelectorAll('[data-testid="page-date"]')].map((e) => e.textContent.trim()),
    refs: refs.map((r) => ({
      kind: r.dataset.kind,
      number: r.dataset.number,
      stance: r.querySelector('[data-testid="stance"]')?.dataset.stance ?? null,
      stanceWords: r.querySelector('.lga-stance-words')?.textContent.trim() ?? null,
      text: r.textContent.replace(/\s+/g, ' ').trim(),
      words: [...r.querySelectorAll('[data-testid="page-ref-position"] [data-testid="lga-excerpt"]')].map((e) =>
        e.textContent.replace(/\s+/g, ' ').trim(),
      ),
      otherPrint: !!r.querySelector('[data-testid="page-ref-other-print"]'),
    })),
  };
}

function chooseRef({ kind, number }) {
  const ref = document.querySelector(`[data-testid="page-ref"][data-kind="${kind}"][data-number="${number}"]`);
  const button = ref?.querySelector('[data-testid="page-ref-focus"]');
  if (!button) return false;
  button.click();
  return true;
}

/** The Bill view's briefings, once one of their labels matches `wanted` (a RegExp source). */
function billBriefings(wanted) {
  const items = [...document.querySelectorAll('[data-testid="bill-briefings"] [data-testid="briefing"]')];
  const listed = items.map((b) => ({
    id: b.dataset.briefingId,
    label: b.querySelector('[data-testid="briefing-label"]')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
    positions: b.querySelectorAll('[data-testid="briefing-position"]').length,
  }));
  return listed.some((x) => new RegExp(wanted).test(x.label)) ? listed : null;
}

function focusSearch() {
  const input = document.querySelector('input[role="searchbox"], input[type="search"]');
  if (!input) return null;
  input.focus();
  const label =
    input.getAttribute('aria-label') ??
    (input.id ? document.querySelector(`label[for="${input.id}"]`)?.textContent.trim() : null);
  // <input type=search> without a list has the implicit ARIA role searchbox.
  const role = input.getAttribute('role') ?? (input.type === 'search' && !input.list ? 'searchbox' : input.type);
  return { focused: document.activeElement === input, label, role };
}

function searchResults() {
  const results = [...document.querySelectorAll('[data-testid="search-result"]')];
  if (!results.length) return null;
  return results.map((r) => ({
    bill: r.querySelector('[data-testid="search-result-bill"]')?.textContent.trim() ?? '',
    marked: [...r.querySelectorAll('[data-testid="search-result-excerpt"] mark')].map((m) =>
      m.textContent.toLowerCase(),
    ),
  }));
}

/** The Children and Social Work Bill [HL] began in the Lords: its stages in parliamentary order, as the seed dates them. */
const CSWB_ORDER = [
  ['Lords', /Second Reading/, '14 June 2016'],
  ['Lords', /Committee/, '27 June 2016'],
  ['Lords', /Committee/, '4 July 2016'],
  ['Lords', /Committee/, '11 July 2016'],
  ['Lords', /Report/, '18 October 2016'],
  ['Lords', /Report/, '8 November 2016'],
  ['Lords', /Third Reading/, '23 November 2016'],
  ['Commons', /Second Reading/, '5 December 2016'],
  ['Commons', /Committee/, '13 December 2016'],
  ['Commons', /Remaining Stages/, '7 March 2017'],
];

export default [
  {
    name: 'side panel lists the page references with positions; choosing one opens its popover in the page',
    async run(b, assert) {
      const panel = await openPanel(b);
      const page = await b.open('cwsbCommittee');
      await page.bringToFront(); // the panel follows the active tab
      await page.waitFor(readyState, undefined, { timeout: 15_000, what: 'the content script to draw' });
      await panel.evaluate(showPanelTab, 'page');
      const listed = await panel.waitFor(pageRefs, undefined, {
        timeout: 15_000,
        what: 'the panel to list the references',
      });
      assert.ok(
        listed.bills.some((t) => /Children.s Wellbeing and Schools Bill/.test(t)),
        `bill: ${listed.bills}`,
      );
      assert.ok(
        listed.dates.some((t) => /11 February 2025/.test(t)),
        `date: ${listed.dates}`,
      );
      const clause7 = listed.refs.find((r) => r.kind === 'clause' && r.number === '7');
      assert.ok(clause7, `clause 7 listed among ${JSON.stringify(listed.refs.map((r) => `${r.kind} ${r.number}`))}`);
      assert.ok(clause7.stance && clause7.stanceWords, 'its stance, in words');
      assert.ok(
        clause7.words.some((w) => /care leavers/.test(w)),
        `the position's words: ${clause7.words}`,
      );
      assert.equal(clause7.otherPrint, false);
      assert.ok(!listed.refs.some((r) => r.number === '8'), 'clause 8 (no position) is not listed');

      await panel.screenshot('panel-page-light');
      await panel.colorScheme('dark');
      await panel.screenshot('panel-page-dark');
      await panel.colorScheme('light');

      assert.ok(await panel.evaluate(chooseRef, { kind: 'clause', number: '7' }), 'clause 7 has a focus button');
      const popover = await page.waitFor(popoverState, undefined, { timeout: 5_000, what: 'the popover in the page' });
      assert.equal(popover.name, 'LGA position: Clause 7');
      await page.screenshot('popover-from-panel');
    },
  },
  {
    name: 'side panel on a page whose bill the LGA has not briefed: says how many provisions it mentions, lists none',
    async run(b, assert) {
      const panel = await openPanel(b);
      // The real Commons day of 9 January 2020: the European Union (Withdrawal Agreement) Bill, no LGA briefing.
      const page = await b.open('realCommonsDay');
      await page.bringToFront();
      const ready = await page.waitFor(readyState, undefined, {
        timeout: 30_000,
        what: 'the content script to finish',
      });
      assert.ok(ready.detected > 0, `references detected on the page: ${ready.detected}`);
      await panel.evaluate(showPanelTab, 'page');
      const said = await panel.waitFor(
        () => document.querySelector('[data-testid="page-no-positions"]')?.textContent ?? null,
        undefined,
        { timeout: 15_000, what: 'the panel to say what the page mentions' },
      );
      const count = Number(
        /^(\d+) provisions? (?:is|are) mentioned on this page; the LGA's briefings take no position/.exec(said)?.[1],
      );
      assert.ok(count > 0 && count <= ready.detected, `"${said}" (detected ${ready.detected})`);
    },
  },
  {
    name: "side panel on a bill's page on bills.parliament.uk (its print unknown): says it can't tell, as the card does",
    async run(b, assert) {
      const panel = await openPanel(b);
      const page = await b.open('pages/bills-3909');
      await page.bringToFront();
      await page.waitFor(readyState, undefined, { timeout: 15_000, what: 'the content script to draw' });
      await panel.evaluate(showPanelTab, 'page');
      const notes = await panel.waitFor(
        () => {
          const found = [...document.querySelectorAll('[data-testid="page-ref-other-print"]')];
          return found.length ? found.map((n) => n.textContent.trim()) : null;
        },
        undefined,
        { timeout: 15_000, what: 'the panel to list the provisions with their print notes' },
      );
      for (const note of notes)
        assert.match(note, /^We can't tell whether this page shows the print/, 'not "another print": not known');
    },
  },
  {
    name: 'first-use note on the keyboard shortcuts: shown once when positions are first listed, reachable, remembered',
    async run(b, assert) {
      const panel = await openPanel(b);
      // Earlier specs may have shown it already in this profile: start as a reader who never has.
      await panel.evaluate(() => (globalThis.browser ?? globalThis.chrome).storage.local.remove('shortcutHintShown'));
      await panel.goto(panel.url());
      const page = await b.open('cwsbCommittee');
      await page.bringToFront();
      await page.waitFor(readyState, undefined, { timeout: 15_000, what: 'the content script to draw' });
      await panel.evaluate(showPanelTab, 'page');
      await panel.waitFor(pageRefs, undefined, { timeout: 15_000, what: 'the panel to list the references' });
      const hint = await panel.waitFor(
        () => {
          const note = document.querySelector('[data-testid="shortcut-hint"]');
          if (!note) return null;
          const button = note.querySelector('[data-testid="shortcut-hint-dismiss"]');
          button?.focus();
          return {
            role: note.getAttribute('role'),
            name: document.getElementById(note.getAttribute('aria-labelledby') ?? '')?.textContent.trim() ?? '',
            text: note.textContent.replace(/\s+/g, ' '),
            buttonFocused: !!button && document.activeElement === button,
            live: note.closest('[aria-live], [role="alert"], [role="status"]') !== null,
          };
        },
        undefined,
        { what: 'the shortcut note' },
      );
      assert.equal(hint.role, 'note');
      assert.match(hint.name, /keyboard/);
      assert.match(hint.text, /Alt\+Shift\+N goes to the next provision/);
      assert.match(hint.text, /Alt\+Shift\+P goes back/);
      assert.ok(hint.buttonFocused, 'its Got it button takes focus');
      assert.equal(hint.live, false, 'not announced over what the reader is doing');
      await panel.screenshot('panel-shortcut-hint-light');
      await panel.colorScheme('dark');
      await panel.screenshot('panel-shortcut-hint-dark');
      await panel.colorScheme('light');
      // Got it, from its focus. The panel stays behind the page's tab here (it follows the active tab), where Firefox's
      // WebDriver keys do not reach, so the focused button is activated as Enter on a button does: by a click on it.
      assert.ok(
        await panel.evaluate(() => {
          const button = document.querySelector('[data-testid="shortcut-hint-dismiss"]');
          button?.focus();
          const focused = !!button && document.activeElement === button;
          button?.click();
          return focused;
        }),
        'Got it takes focus and is activated',
      );
      const after = await panel.waitFor(
        () =>
          document.querySelector('[data-testid="shortcut-hint"]')
            ? null
            : { focus: document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.localName },
        undefined,
        { what: 'the note to go' },
      );
      assert.equal(after.focus, 'page-step-next', 'focus moves to the next control, not <body>');
      const stored = await panel.evaluate(() =>
        (globalThis.browser ?? globalThis.chrome).storage.local.get('shortcutHintShown'),
      );
      assert.equal(stored.shortcutHintShown, true, 'remembered in the extension storage');
      // A later panel lists the positions without it.
      await panel.goto(panel.url());
      await page.bringToFront();
      await panel.evaluate(showPanelTab, 'page');
      await panel.waitFor(pageRefs, undefined, { timeout: 15_000, what: 'the panel to list the references again' });
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(
        await panel.evaluate(() => document.querySelector('[data-testid="shortcut-hint"]') !== null),
        false,
        'shown once only',
      );
    },
  },
  {
    name: "side panel bill view lists the Children and Social Work Bill's briefings in parliamentary order",
    async run(b, assert) {
      const bills = await b.message({ type: 'bills' });
      const cswb = bills.find((x) => x.title === 'Children and Social Work Bill');
      assert.ok(cswb, `the bill is in ${bills.map((x) => x.title)}`);
      const panel = await openPanel(b);
      await panel.waitFor(showPanelTab, 'bill', { what: 'the Bill tab' });
      await panel.waitFor(billOffered, cswb.id, { what: 'the bill in the bill picker' });
      // Let the panel settle first: on opening it may jump to where a popover last asked it to (session:panelTarget).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.ok(await panel.evaluate(selectBill, cswb.id));
      const briefings = await panel.waitFor(billBriefings, 'Lords', { what: 'the briefings of the chosen bill' });
      const shipped = briefings.filter((x) => !x.id.startsWith('user:'));
      assert.equal(shipped.length, CSWB_ORDER.length, `briefings: ${shipped.map((x) => x.label).join(' | ')}`);
      CSWB_ORDER.forEach(([house, stage, date], i) => {
        const label = shipped[i].label;
        assert.ok(
          label.includes(house) && stage.test(label) && label.includes(date),
          `#${i + 1} ${label}: want ${house} ${stage} ${date}`,
        );
        assert.ok(shipped[i].positions > 0, `${label} shows its positions`);
      });
      await panel.screenshot('panel-bill-light');
      await panel.colorScheme('dark');
      await panel.screenshot('panel-bill-dark');
      await panel.colorScheme('light');
    },
  },
  {
    name: 'side panel bill view shows a briefing of 2,001 positions 200 at a time, keeps them open on reload, and a chip past them loads its page',
    async run(b, assert) {
      // Bullet 1,501 alone names clause 9: its chip's position is far past the pages shown.
      const bullets = Array.from({ length: 2001 }, (_, i) =>
        i === 1500 ? '  • We oppose clause 9 outright.' : `  • We support clause 7 (${i + 1}).`,
      ).join('\n');
      const text = `LGA briefing: Widgets Bill\n\nSecond Reading, House of Commons, 3 December 2025\n\nKey messages\n\n${bullets}\n`;
      const added = await b.message({ type: 'addBriefing', fileName: 'panel-many.txt', text, replace: true });
      try {
        const panel = await openPanel(b);
        await panel.waitFor(showPanelTab, 'bill', { what: 'the Bill tab' });
        await panel.waitFor(billOffered, added.bill.id, { what: 'the bill in the bill picker' });
        await new Promise((resolve) => setTimeout(resolve, 1000));
        assert.ok(await panel.evaluate(selectBill, added.bill.id));
        // The panel may read the bill again as the saved briefing's change reaches it: wait for the paged list itself.
        const shown = (want) =>
          panel.waitFor(
            (n) => {
              const state = {
                positions: document.querySelectorAll('[data-testid="briefing-position"]').length,
                showing: document.querySelector('[data-testid="briefing-showing"]')?.textContent ?? null,
                more: document.querySelector('[data-testid="briefing-show-more"]')?.textContent ?? null,
              };
              return state.positions === n && state.showing ? state : null;
            },
            want,
            { what: `${want} positions shown` },
          );
        assert.deepEqual(await shown(200), {
          positions: 200,
          showing: 'Showing 200 of 2,001 positions.',
          more: 'Show 200 more',
        });
        await panel.evaluate(() => document.querySelector('[data-testid="briefing-show-more"]').click());
        assert.equal((await shown(400)).showing, 'Showing 400 of 2,001 positions.');
        await panel.screenshot('panel-bill-paged');
        // The background sent the 400 a page at a time; the stance grid is still the whole briefing's.
        const reply = await b.message({ type: 'briefingsForBill', billId: added.bill.id });
        const big = reply.briefings.find((x) => x.briefing.source === 'panel-many.txt');
        assert.deepEqual([big.positions.length, big.total], [200, 2001], 'one page of positions in the reply');
        assert.deepEqual(
          big.cells.map((c) => `${c.kind} ${c.number} ${c.stance}`),
          ['clause 7 support', 'clause 9 oppose'],
        );

        // A reloaded panel shows what the reader had opened.
        await panel.goto(panel.url());
        await panel.waitFor(showPanelTab, 'bill', { what: 'the Bill tab after the reload' });
        await panel.waitFor(selectBill, added.bill.id, { what: 'the bill in the picker after the reload' });
        assert.equal((await shown(400)).showing, 'Showing 400 of 2,001 positions.', 'still 400 after a reload');

        // The clause 9 chip: its position (1,501st) is loaded with its page and focused.
        const chip = await panel.evaluate(() => {
          const link = document.querySelector('[data-testid="stance-cell"][data-ref="clause 9"] a');
          const id = link?.getAttribute('data-position-id') ?? null;
          const before = document.querySelector(
            `[data-testid="briefing-position"][data-position-id="${CSS.escape(id ?? '')}"]`,
          );
          link?.click();
          return { id, before: before !== null };
        });
        assert.equal(chip.before, false, 'the chip’s position was not in the page');
        const focused = await panel.waitFor(
          (id) => {
            const active = document.activeElement;
            if (active?.getAttribute('data-position-id') !== id) return null;
            return {
              text: active.textContent.replace(/\s+/g, ' '),
              showing: active.closest('[data-testid="briefing"]')?.querySelector('[data-testid="briefing-showing"]')
                ?.textContent,
              positions: document.querySelectorAll('[data-testid="briefing-position"]').length,
            };
          },
          chip.id,
          { what: 'the chip’s position loaded and focused' },
        );
        assert.match(focused.text, /We oppose clause 9 outright/);
        assert.equal(focused.showing, 'Showing positions 1,401–1,600 of 2,001.');
        assert.equal(focused.positions, 200);
      } finally {
        await b.message({ type: 'removeBriefing', source: 'panel-many.txt' });
      }
    },
  },
  {
    name: 'side panel search: "corporate parenting" finds positions of both seed bills',
    async run(b, assert) {
      const panel = await openPanel(b);
      await panel.bringToFront();
      await panel.waitFor(showPanelTab, 'search', { what: 'the Search tab' });
      const box = await panel.waitFor(focusSearch, undefined, { what: 'the search box' });
      assert.equal(box.role, 'searchbox');
      assert.equal(box.label, 'Search briefings');
      await panel.type('corporate parenting');
      const results = await panel.waitFor(searchResults, undefined, { what: 'search results as you type' });
      const billsFound = new Set(results.map((r) => r.bill));
      assert.ok(
        [...billsFound].some((t) => /Children and Social Work Bill/.test(t)),
        `bills: ${[...billsFound]}`,
      );
      assert.ok(
        [...billsFound].some((t) => /Children.s Wellbeing and Schools Bill/.test(t)),
        `bills: ${[...billsFound]}`,
      );
      assert.ok(
        results.some((r) => r.marked.some((m) => /corporate|parenting/.test(m))),
        'the matched words are marked',
      );
      await panel.screenshot('panel-search-light');
    },
  },
  {
    name: 'side panel search: "clause 8" marks where each result names clause 8 ("clauses 8 and 9"), never a longer number',
    async run(b, assert) {
      const panel = await openPanel(b);
      await panel.bringToFront();
      await panel.waitFor(showPanelTab, 'search', { what: 'the Search tab' });
      await panel.waitFor(focusSearch, undefined, { what: 'the search box' });
      await panel.type('clause 8');
      const results = await panel.waitFor(searchResults, undefined, { what: 'search results for clause 8' });
      assert.ok(results.length > 0, 'the seeds name clause 8');
      for (const result of results) {
        assert.ok(result.marked.length > 0, `a result marks where it names clause 8: ${JSON.stringify(result)}`);
        for (const mark of result.marked) assert.match(mark, /^clauses? 8(?!\d)/, `marked "${mark}"`);
      }
    },
  },
  {
    name: "side panel search: Enter on a result's Read the briefing moves focus to that briefing's heading in the Bill tab",
    async run(b, assert) {
      const panel = await openPanel(b);
      await panel.bringToFront();
      await panel.waitFor(showPanelTab, 'search', { what: 'the Search tab' });
      await panel.waitFor(focusSearch, undefined, { what: 'the search box' });
      await panel.type('corporate parenting');
      await panel.waitFor(searchResults, undefined, { what: 'search results' });
      const chosen = await panel.evaluate(() => {
        const button = document.querySelector('[data-testid="search-result"] [data-testid="search-result-open"]');
        button?.focus();
        return { focused: document.activeElement === button, label: button?.textContent ?? '' };
      });
      assert.ok(chosen.focused, 'the first result’s Read the briefing has focus');
      await panel.press('Enter');
      const focus = await panel.waitFor(
        () => {
          const active = document.activeElement;
          const tab = document.getElementById('panel-bill');
          // Until focus has settled somewhere in the shown Bill tab (the briefing's data may still be loading).
          if (!active || !tab || tab.hidden || !tab.contains(active)) return null;
          return {
            tag: active.localName,
            testid: active.getAttribute('data-testid'),
            text: active.textContent.trim(),
            inBillTab: tab.contains(active),
            briefing: active.closest('[data-testid="briefing"]')?.classList.contains('is-target') ?? false,
          };
        },
        undefined,
        { what: 'focus to move into the Bill tab after Enter (not stay behind or fall to <body>)' },
      );
      assert.equal(focus.tag, 'h4', `focus is on ${JSON.stringify(focus)}`);
      assert.equal(focus.testid, 'briefing-label');
      assert.ok(focus.inBillTab && focus.briefing, 'the heading is the target briefing’s, in the Bill tab');
      assert.ok(chosen.label.endsWith(focus.text), `the heading names the briefing the result named: ${focus.text}`);
    },
  },
  {
    name: 'axe-core: no serious or critical violations in the side panel (each view) and the options page, light and dark',
    async run(b, assert) {
      const panel = await openPanel(b);
      const options = await b.extensionPage('options.html');
      await options.waitFor(() => document.querySelector('[data-testid="settings"]') !== null, undefined, {
        what: 'the options page',
      });
      const found = [];
      try {
        for (const scheme of ['light', 'dark']) {
          await panel.colorScheme(scheme);
          await options.colorScheme(scheme);
          for (const view of ['page', 'bill', 'search']) {
            await panel.waitFor(showPanelTab, view, { what: `the ${view} tab` });
            await new Promise((resolve) => setTimeout(resolve, 300));
            for (const v of await seriousViolations(panel)) found.push({ page: `sidepanel/${view} (${scheme})`, ...v });
          }
          for (const v of await seriousViolations(options)) found.push({ page: `options (${scheme})`, ...v });
          await options.screenshot(`options-${scheme}`);
        }
      } finally {
        await panel.colorScheme('light');
        await options.colorScheme('light');
      }
      assert.deepEqual(found, [], JSON.stringify(found, null, 1));
    },
  },
];
