/**
 * Issue 9, "Must show" in real browsers: one stance per provision and one per position, the same in every view.
 * On two fixture pages (Clause 1 and Clause 9 in a CWSB committee sitting; Amendment 66 and clause 32 at the CSWB
 * Lords Report), the popover, the side panel's On this page and Bill views (position headline, provision line and
 * the stance chips) and search all show the same stance for each position the popover lists. The reservation of a
 * mixed position is shown without expanding. A correction made from the popover ("Not right?" opens the panel's
 * form) shows in the panel and the popover, survives a restart of the background, and is undone in one click.
 */
import { popoverClosed, popoverElementBox, popoverState, readyState, textBox } from '../lib/in-page.mjs';
import { openPanel, selectBill, showPanelTab } from '../lib/panel.mjs';

const SPEECH = '.contribution .content p.hs_Para';
const PANEL_SIZE = { width: 420, height: 1000 };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each position of the open popover: its id, the stance shown for the provision, and the position's headline. */
function popoverStances() {
  const root = document.querySelector('lga-positions-root')?.shadowRoot;
  const dialog = root?.querySelector('[role="dialog"]');
  if (!dialog) return null;
  return [...dialog.querySelectorAll('[data-testid="lga-position"]')].map((li) => {
    const stance = li.querySelector('.lga-position-head [data-stance]')?.dataset.stance ?? null;
    return {
      id: li.dataset.positionId,
      stance,
      // Shown only where the position as a whole reads otherwise than on this provision.
      headline: li.querySelector('[data-testid="lga-headline"]')?.dataset.stance ?? stance,
      corrected: !!li.querySelector('.lga-position-head [data-testid="stance-corrected"]'),
      text: li.textContent.replace(/\s+/g, ' ').trim(),
    };
  });
}

/** True once the page is the one shown in its window (`tab.bringToFront()` takes effect asynchronously). */
function pageShown() {
  return document.visibilityState === 'visible' || null;
}

/** The page's runs so far (`data-lga-runs`) once the latest is ready (null while one is under way), above `after`. */
function runsReady(after = -1) {
  const d = document.documentElement.dataset;
  const runs = Number(d.lgaRuns);
  return d.lgaPositions === 'ready' && runs > after ? runs : null;
}

/**
 * Hovers the reference and reads the popover's stances. A second try moves the pointer away and back: on a machine
 * under load the first dwell can fall in a page still settling after the extension restarted.
 *
 * The page is brought to the front first, as a reader's page is while they hover it: the side panel here is a tab of
 * its own, and a page behind it is hidden, where Firefox does not run its animation frames (the pointer is read and
 * the popover placed in one), so a hover there may never open the popover.
 */
async function hoverReference(tab, text, attempts = 2) {
  await tab.bringToFront();
  await tab.waitFor(pageShown, undefined, { timeout: 5_000, what: 'the page to be shown' });
  for (let attempt = 1; ; attempt++) {
    const box = await tab.evaluate(textBox, { selector: SPEECH, text });
    if (!box) throw new Error(`"${text}" not found in the page's speeches`);
    await tab.mouseMove(5, 5);
    await tab.waitFor(popoverClosed, undefined, { timeout: 5_000, what: 'no popover before hovering' });
    await tab.hoverRect(box);
    try {
      await tab.waitFor(popoverState, undefined, { timeout: 5_000, what: `the popover for ${text}` });
    } catch (error) {
      if (attempt >= attempts) throw error;
      continue;
    }
    await sleep(150);
    return tab.evaluate(popoverStances);
  }
}

async function openPage(b, pageId) {
  const tab = await b.open(pageId);
  await tab.bringToFront();
  await tab.waitFor(readyState, undefined, { timeout: 15_000, what: `the content script on ${pageId}` });
  return tab;
}

/** The On this page row of a provision: the row's stance and each position's, once its positions are listed. */
function pageRow({ kind, number }) {
  const row = document.querySelector(`[data-testid="page-ref"][data-kind="${kind}"][data-number="${number}"]`);
  const positions = [...(row?.querySelectorAll('[data-testid="page-ref-position"]') ?? [])];
  if (!row || positions.length === 0) return null;
  return {
    stance: row.querySelector('.provision-head [data-testid="stance"]')?.dataset.stance ?? null,
    positions: positions.map((li) => ({
      id: li.dataset.positionId,
      stance: li.querySelector('[data-testid="stance"]')?.dataset.stance ?? null,
      corrected: li.querySelector('[data-testid="stance"]')?.dataset.corrected === 'true',
    })),
  };
}

/**
 * The Bill view's stances for positions `ids` on provision `ref` ("clause 9"): each position's headline and its line
 * for the provision (shown only where it differs from the headline), and the stance chips of that provision that link
 * to it. Null until every position is listed.
 */
function billStances({ ids, ref }) {
  const out = {};
  for (const id of ids) {
    const li = document.querySelector(`[data-testid="briefing-position"][data-position-id="${CSS.escape(id)}"]`);
    if (!li) return null;
    const headline = li.querySelector('[data-testid="position-stance"] [data-testid="stance"]')?.dataset.stance;
    const line = li.querySelector(`[data-testid="provision-stance"][data-ref="${ref}"] [data-testid="stance"]`);
    // The stance grid has a chip per provision and stance in each briefing's row.
    const briefingId = li.closest('[data-testid="briefing"]')?.dataset.briefingId;
    const row = [...document.querySelectorAll('[data-testid="stance-row"]')].find(
      (r) => r.dataset.briefingId === briefingId,
    );
    const chips = [...(row?.querySelectorAll(`[data-testid="stance-cell"][data-ref="${ref}"]`) ?? [])];
    out[id] = {
      headline: headline ?? 'neutral',
      provision: line?.dataset.stance ?? headline ?? 'neutral',
      provisionCorrected: line ? line.dataset.corrected === 'true' : false,
      chips: chips.map((chip) => chip.dataset.stance),
      linked: chips
        .filter((chip) => chip.querySelector('a')?.getAttribute('href') === `#${li.id}`)
        .map((chip) => chip.dataset.stance),
    };
  }
  return out;
}

/** Chips in each briefing row of the stance grid, by kind, in the order shown: numbers must ascend. */
function chipOrder() {
  return [...document.querySelectorAll('[data-testid="stance-row"]')].map((row) =>
    [...row.querySelectorAll('[data-testid="stance-cell"]')].map((chip) => chip.dataset.ref),
  );
}

function searchFor(query) {
  const input = document.querySelector('[data-testid="search-input"]');
  if (!input) return false;
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}

/** Search results for positions `ids`: headline and provision line for `ref`, once all of them are listed. */
function searchStances({ ids, ref }) {
  const out = {};
  for (const id of ids) {
    const li = document.querySelector(`[data-testid="search-result"][data-position-id="${CSS.escape(id)}"]`);
    if (!li) return null;
    const headline = [...li.querySelectorAll('[data-testid="stance"]')].find(
      (s) => !s.closest('[data-testid="provision-stances"]'),
    )?.dataset.stance;
    const line = li.querySelector(`[data-testid="provision-stance"][data-ref="${ref}"] [data-testid="stance"]`);
    out[id] = {
      headline: headline ?? null,
      provision: line?.dataset.stance ?? headline ?? null,
      caveat: li.querySelector('[data-testid="search-result-caveat"]')?.textContent.trim() ?? null,
      text: li.textContent.replace(/\s+/g, ' ').trim(),
    };
  }
  return out;
}

/** The provisions of each seed page, with a search that finds their positions. */
const CASES = [
  {
    page: 'cwsbCommitteeClauses1And9',
    bill: "Children's Wellbeing and Schools Bill",
    provisions: [
      { text: 'Clause 1', kind: 'clause', number: '1', search: 'family group decision making' },
      { text: 'Clause 9', kind: 'clause', number: '9', search: 'regional care cooperatives' },
    ],
  },
  {
    page: 'cswbLordsReportClause32',
    bill: 'Children and Social Work Bill',
    provisions: [{ text: 'clause 32', kind: 'clause', number: '32', search: 'remove clause 32' }],
  },
];

export default [
  {
    name: 'clauses 1, 9 and 32: the popover, the panel (On this page, Bill) and search show the same stances',
    async run(b, assert) {
      const bills = await b.message({ type: 'bills' });
      const panel = await openPanel(b, PANEL_SIZE);
      for (const { page, bill: title, provisions } of CASES) {
        const bill = bills.find((x) => x.title.replace(/’/g, "'") === title);
        assert.ok(bill, `${title} is in ${bills.map((x) => x.title)}`);
        const tab = await openPage(b, page);
        for (const p of provisions) {
          const ref = `${p.kind} ${p.number}`;
          const shown = await hoverReference(tab, p.text);
          assert.ok(shown.length > 0, `${ref}: the popover lists positions`);
          const ids = shown.map((s) => s.id);

          // The popover: a reservation is never hidden behind "Show the whole paragraph".
          for (const s of shown) {
            if (s.stance === 'mixed' || s.headline === 'mixed') {
              assert.match(
                s.text,
                /\b(however|but|must|would like to see|concerns?)\b/i,
                `${ref} ${s.id}: reservation shown`,
              );
            }
          }
          if (ref === 'clause 1') assert.match(shown[0].text, /must be fully funded/, 'clause 1: the funding caveat');
          if (ref === 'clause 9') {
            assert.ok(shown.length >= 2, 'clause 9: both positions');
            assert.ok(
              shown.some((s) => /mission creep/.test(s.text)),
              `clause 9: the second position's reservation without expanding: ${shown.map((s) => s.text).join(' | ')}`,
            );
          }
          if (ref === 'clause 32') {
            assert.ok(
              shown.every((s) => s.stance === 'oppose'),
              `clause 32: opposed: ${JSON.stringify(shown)}`,
            );
          }

          // The panel's On this page row for the provision.
          await tab.bringToFront();
          await panel.waitFor(showPanelTab, 'page', { what: 'the On this page tab' });
          const row = await panel.waitFor(
            pageRow,
            { kind: p.kind, number: p.number },
            {
              timeout: 15_000,
              what: `the panel to list ${ref}`,
            },
          );
          for (const s of shown) {
            const listed = row.positions.find((x) => x.id === s.id);
            assert.ok(listed, `${ref}: ${s.id} listed on this page`);
            assert.equal(listed.stance, s.stance, `${ref} ${s.id}: On this page vs popover`);
          }
          if (new Set(shown.map((s) => s.stance)).size === 1) {
            assert.equal(row.stance, shown[0].stance, `${ref}: the row's stance`);
          }

          // The Bill view: headline, the provision's line and its chips.
          await panel.waitFor(showPanelTab, 'bill', { what: 'the Bill tab' });
          await panel.waitFor(selectBill, bill.id, { what: `${title} in the bill picker` });
          const inBill = await panel.waitFor(
            billStances,
            { ids, ref },
            { timeout: 15_000, what: `${ref} in the Bill view` },
          );
          for (const s of shown) {
            assert.equal(inBill[s.id].headline, s.headline, `${ref} ${s.id}: Bill view headline vs popover`);
            assert.equal(inBill[s.id].provision, s.stance, `${ref} ${s.id}: Bill view provision line vs popover`);
            assert.ok(
              inBill[s.id].chips.includes(s.stance),
              `${ref} ${s.id}: a ${s.stance} chip in its briefing's row of the stance grid (${inBill[s.id].chips})`,
            );
            for (const chip of inBill[s.id].linked) assert.equal(chip, s.stance, `${ref} ${s.id}: its own chip`);
          }
          for (const row of await panel.evaluate(chipOrder)) {
            for (const kind of ['clause', 'amendment', 'schedule', 'new-clause']) {
              const numbers = row
                .filter((r) => r.startsWith(`${kind} `))
                .map((r) => Number.parseInt(r.split(' ')[1], 10));
              assert.deepEqual(
                numbers,
                [...numbers].sort((x, y) => x - y),
                `chips of one kind by number: ${row}`,
              );
            }
          }

          // Search.
          await panel.waitFor(showPanelTab, 'search', { what: 'the Search tab' });
          assert.ok(await panel.evaluate(searchFor, p.search), 'the search box');
          const found = await panel.waitFor(
            searchStances,
            { ids, ref },
            {
              timeout: 15_000,
              what: `search "${p.search}" to list the positions of ${ref}`,
            },
          );
          for (const s of shown) {
            assert.equal(found[s.id].headline, s.headline, `${ref} ${s.id}: search headline vs popover`);
            assert.equal(found[s.id].provision, s.stance, `${ref} ${s.id}: search provision line vs popover`);
          }
          await tab.bringToFront();
        }
        await tab.close();
      }
    },
  },
  {
    name: 'a correction made from the popover shows in the panel and the popover, survives a restart, is undone',
    async run(b, assert) {
      let tab = await openPage(b, 'cwsbCommitteeClauses1And9');
      const before = await hoverReference(tab, 'Clause 9');
      const first = before[0];
      assert.equal(first.corrected, false, 'not corrected to begin with');
      const wanted = first.stance === 'concern' ? 'oppose' : 'concern';

      // "Not right?" opens the side panel at the position's form (a real click: the panel opens in the gesture).
      const button = await tab.evaluate(popoverElementBox, '[data-testid="lga-not-right"]');
      assert.ok(button, 'the popover offers "Not right?"');
      await tab.click(button.x + button.width / 2, button.y + button.height / 2);
      let panel = await openPanel(b, PANEL_SIZE);
      const form = await panel.waitFor(
        (id) => {
          const li = document.querySelector(`[data-testid="briefing-position"][data-position-id="${CSS.escape(id)}"]`);
          const form = li?.querySelector('[data-testid="correct-form"]');
          if (!form) return null;
          return {
            scope: form.querySelector('[data-testid="correct-scope"]:checked')?.value ?? null,
            legend: form.querySelector('legend')?.textContent.replace(/\s+/g, ' ').trim(),
          };
        },
        first.id,
        { timeout: 15_000, what: 'the panel to open the position’s correction form' },
      );
      assert.ok(
        form.scope === 'clause 9' || /clause 9/.test(form.legend),
        `the form corrects clause 9: ${JSON.stringify(form)}`,
      );
      const runsBeforeCorrection = await tab.waitFor(runsReady, undefined, { what: 'the page read' });
      await panel.evaluate(
        ({ id, stance }) => {
          const li = document.querySelector(`[data-testid="briefing-position"][data-position-id="${CSS.escape(id)}"]`);
          li.querySelector(
            `[data-testid="correct-form"] [data-testid="correct-stance"][data-stance="${stance}"]`,
          ).click();
        },
        { id: first.id, stance: wanted },
      );
      const inBill = await panel.waitFor(
        ({ ids, ref }) => {
          const li = document.querySelector(
            `[data-testid="briefing-position"][data-position-id="${CSS.escape(ids[0])}"]`,
          );
          const line = li?.querySelector(`[data-testid="provision-stance"][data-ref="${ref}"] [data-testid="stance"]`);
          return line?.dataset.corrected === 'true' ? { stance: line.dataset.stance, text: line.textContent } : null;
        },
        { ids: [first.id], ref: 'clause 9' },
        { timeout: 10_000, what: 'the Bill view to show the correction' },
      );
      assert.equal(inBill.stance, wanted);
      assert.match(inBill.text, /corrected by you/);

      // The page reads again and the popover shows it.
      await tab.waitFor(runsReady, runsBeforeCorrection, { what: 'the page to read again with the correction' });
      const corrected = async (what) =>
        tab.waitFor(
          () => {
            const root = document.querySelector('lga-positions-root')?.shadowRoot;
            return root?.querySelector(
              '[data-testid="lga-position"] .lga-position-head [data-testid="stance-corrected"]',
            )
              ? true
              : null;
          },
          undefined,
          { timeout: 3_000, what },
        );
      let again;
      for (let attempt = 0; attempt < 6; attempt++) {
        again = await hoverReference(tab, 'Clause 9');
        if (again[0].corrected) break;
        await sleep(500);
      }
      assert.equal(again[0].id, first.id);
      assert.equal(again[0].stance, wanted, 'the popover shows the corrected stance');
      assert.equal(again[0].corrected, true, 'and says it is corrected by you');
      await corrected('the popover to say corrected by you');

      // On this page says the same.
      await tab.bringToFront();
      await panel.waitFor(showPanelTab, 'page', { what: 'the On this page tab' });
      const row = await panel.waitFor(
        (ref) => {
          const row = document.querySelector(
            `[data-testid="page-ref"][data-kind="${ref.kind}"][data-number="${ref.number}"]`,
          );
          const li = row?.querySelector(`[data-testid="page-ref-position"][data-position-id="${CSS.escape(ref.id)}"]`);
          const stance = li?.querySelector('[data-testid="stance"]');
          return stance?.dataset.corrected === 'true' ? stance.dataset.stance : null;
        },
        { kind: 'clause', number: '9', id: first.id },
        { timeout: 10_000, what: 'On this page to show the correction' },
      );
      assert.equal(row, wanted);

      // The background restarts (Firefox: the extension reloads; Chromium: its service worker is stopped).
      const how = await b.restartBackground();
      await tab.close();
      tab = await openPage(b, 'cwsbCommitteeClauses1And9');
      const kept = await hoverReference(tab, 'Clause 9');
      assert.equal(kept[0].stance, wanted, `after the restart (${how}), the correction is still shown`);
      assert.equal(kept[0].corrected, true);

      // Undo, in one click, from the panel.
      panel = await openPanel(b, PANEL_SIZE);
      await panel.waitFor(showPanelTab, 'page', { what: 'the On this page tab' });
      await tab.bringToFront();
      const runsBeforeUndo = await tab.waitFor(runsReady, undefined, { what: 'the page read' });
      await panel.waitFor(
        (id) => {
          const li = document.querySelector(`[data-testid="page-ref-position"][data-position-id="${CSS.escape(id)}"]`);
          const undo = li?.querySelector('[data-testid="undo-correction"]');
          if (!undo) return null;
          undo.click();
          return true;
        },
        first.id,
        { timeout: 15_000, what: 'the Undo button on this page' },
      );
      await tab.waitFor(runsReady, runsBeforeUndo, { what: 'the page to read again without the correction' });
      let undone;
      for (let attempt = 0; attempt < 6; attempt++) {
        undone = await hoverReference(tab, 'Clause 9');
        if (!undone[0].corrected) break;
        await sleep(500);
      }
      assert.equal(undone[0].corrected, false, 'undone');
      assert.equal(undone[0].stance, first.stance, 'the stance read from the briefing again');
      assert.deepEqual(await tab.extensionErrors(), []);
    },
  },
  {
    name: 'removing a briefing the reader added removes their corrections of it, and the options page says so',
    async run(b, assert) {
      const source = 'stance-removed.txt';
      const text =
        'LGA briefing: Children’s Wellbeing and Schools Bill\n\nCommittee Stage, House of Commons, 11 February 2025\n\nKey messages\n\n  • We oppose clause 7 entirely.\n';
      await b.message({ type: 'addBriefing', fileName: source, text, replace: true });
      const data = await b.message({ type: 'briefingsForBill', billId: 'childrens-wellbeing-and-schools-bill' });
      const [position] = data.briefings.find((x) => x.briefing.source === source).positions;
      await b.message({ type: 'correctStance', positionId: position.id, ref: null, stance: 'support' });
      const options = await b.extensionPage('options.html');
      const note = await options.waitFor(
        (name) => {
          const item = document.querySelector(`[data-testid="user-briefing"][data-source="${CSS.escape(name)}"]`);
          const button = item?.querySelector('[data-testid="user-briefing-remove"]');
          if (!button) return null;
          const said = document.querySelector('[data-testid="user-briefings-remove-note"]')?.textContent ?? '';
          button.click();
          return said;
        },
        source,
        { what: 'the briefing in the options page, with its Remove button' },
      );
      assert.match(note, /also removes your stance corrections/, 'said before removing');
      const message = await options.waitFor(
        () => document.querySelector('[data-testid="data-message"]')?.textContent.match(/^Removed .*/)?.[0] ?? null,
        undefined,
        { what: 'the removal message' },
      );
      assert.equal(message, `Removed ${source} (1 briefing, and your 1 stance correction of it).`);
      const { json } = await b.message({ type: 'exportUserData' });
      assert.deepEqual(
        JSON.parse(json).corrections.filter((c) => c.positionId === position.id),
        [],
        'no correction of it is left behind',
      );
    },
  },
  {
    name: 'replacing a briefing the reader added keeps the corrections its new words hold, removes the others, and says so before and after',
    async run(b, assert) {
      // The name the options page gives a pasted briefing of this bill and date: pasting the new words replaces it.
      const source = 'childrens-wellbeing-and-schools-bill-2025-02-11-pasted.txt';
      const briefing = (second) =>
        `LGA briefing: Children’s Wellbeing and Schools Bill\n\nCommittee Stage, House of Commons, 11 February 2025\n\nKey messages\n\n  • We oppose clause 7 entirely.\n  • ${second}\n`;
      await b.message({
        type: 'addBriefing',
        fileName: source,
        text: briefing('We support clause 8 as drafted.'),
        replace: true,
      });
      const data = await b.message({ type: 'briefingsForBill', billId: 'childrens-wellbeing-and-schools-bill' });
      const [kept, reworded] = data.briefings.find((x) => x.briefing.source === source).positions;
      await b.message({ type: 'correctStance', positionId: kept.id, ref: null, stance: 'support' });
      await b.message({ type: 'correctStance', positionId: reworded.id, ref: null, stance: 'oppose' });
      try {
        const options = await b.extensionPage('options.html');
        await options.waitFor(() => !!document.querySelector('[data-testid="briefing-text"]'), undefined, {
          what: 'the briefing box',
        });
        await options.evaluate((text) => {
          const area = document.querySelector('[data-testid="briefing-text"]');
          area.value = text;
          area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        }, briefing('We support clause 8, with changes.'));
        const before = await options.waitFor(
          () => {
            const text = document.querySelector('[data-testid="briefing-replaces"]')?.textContent ?? '';
            return /stance corrections/.test(text) ? text.replace(/\s+/g, ' ').trim() : null;
          },
          undefined,
          { what: 'the preview to say what saving replaces and removes' },
        );
        assert.match(before, /^Updates the briefing you added on /);
        assert.match(before, /, and 1 of your stance corrections no longer matches and will be removed\.$/);
        await options.evaluate(() => document.querySelector('[data-testid="briefing-save"]').click());
        const after = await options.waitFor(
          () => {
            const text = document.querySelector('[data-testid="briefing-save-message"]')?.textContent.trim();
            return text?.startsWith('Updated') ? text : null;
          },
          undefined,
          { what: 'the update message' },
        );
        assert.match(
          after,
          /It replaced the briefing you added on .*, and 1 of your stance corrections no longer matched and was removed\.$/,
        );
        const { json } = await b.message({ type: 'exportUserData' });
        const left = JSON.parse(json).corrections.filter(
          (c) => c.positionId === kept.id || c.positionId === reworded.id,
        );
        assert.deepEqual(
          left.map((c) => [c.positionId, c.stance]),
          [[kept.id, 'support']],
          'the correction of the bullet kept word for word stays; the reworded one’s goes',
        );
        const shown = await b.message({ type: 'briefingsForBill', billId: 'childrens-wellbeing-and-schools-bill' });
        const now = shown.briefings.find((x) => x.briefing.source === source).positions;
        assert.deepEqual(
          now.map((p) => (p.corrections ?? []).map((c) => c.stance)),
          [['support'], []],
          'shown where it still applies',
        );
      } finally {
        await b.message({ type: 'removeBriefing', source }).catch(() => {});
      }
    },
  },
];
