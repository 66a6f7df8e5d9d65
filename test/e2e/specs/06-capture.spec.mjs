/**
 * Adding a briefing from its LGA page (issue 13, "Adding a briefing from the page itself"). The local.gov.uk pages
 * are COMPOSED at run time: no real local.gov.uk page markup is saved anywhere we could find, so their markup is
 * inferred from a current Drupal article page (test/fixtures/lga/compose.mjs) and carries the corpus briefing's text
 * read from ../shared (the LGA's Commons Committee Stage briefing on the Levelling Up and Regeneration Bill, June
 * 2022). The Hansard page is test/fixtures/e2e/lurb-commons-pbc-2022-06-28.html. The bill is not in
 * assets/bills.json: the reader adds nothing but the briefing, and the Hansard page's "Levelling-up and Regeneration
 * Bill" resolves to the bill the briefing made (titles compare folded: case, hyphens, apostrophes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeLgaPage, lurbBriefingText } from '../lib/fixtures.mjs';
import { popoverState, readyState, textBox } from '../lib/in-page.mjs';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'e2e');
const LURB_URL =
  'https://www.local.gov.uk/parliament/briefings-and-responses/lga-briefing-levelling-and-regeneration-bill-committee-stage';

/** Chooses several files in the options page's file input at once, as the file dialog does. */
function chooseFiles(files) {
  const input = document.querySelector('[data-testid="briefing-file"]');
  if (!input) return false;
  const chosen = new DataTransfer();
  for (const f of files) chosen.items.add(new File([f.text], f.name, { type: f.type }));
  input.files = chosen.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/** The batch once every file is previewed and every good one planned; null before. */
function batchState(count) {
  const items = [...document.querySelectorAll('[data-testid="batch-item"]')].map((item) => ({
    file: item.dataset.file,
    status: item.dataset.status,
    bill: item.querySelector('[data-testid="preview-bill"]')?.textContent.trim() ?? null,
    errors: [...item.querySelectorAll('[data-testid="preview-error"]')].map((e) => e.dataset.line),
    outcome: item.querySelector('[data-testid="batch-outcome"]')?.textContent.trim() ?? null,
  }));
  if (items.length !== count) return null;
  return {
    items,
    summary: document.querySelector('[data-testid="batch-summary"]')?.textContent.trim() ?? '',
    save: document.querySelector('[data-testid="batch-save"]')?.textContent.trim() ?? null,
    message: document.querySelector('[data-testid="briefing-save-message"]')?.textContent.trim() ?? '',
  };
}

/** The control's state, text and button, read from its open shadow root; null before it is drawn. */
function control(want) {
  const host = document.querySelector('lga-positions-capture');
  const root = host?.shadowRoot;
  if (!root) return null;
  const button = root.querySelector('button');
  const shown = {
    state: host.dataset.state ?? null,
    status: root.querySelector('[role="status"]')?.hidden
      ? ''
      : (root.querySelector('[role="status"]')?.textContent ?? ''),
    button: button && !button.hidden ? button.textContent : null,
    box:
      button && !button.hidden
        ? (({ x, y, width, height }) => ({ x, y, width, height }))(button.getBoundingClientRect())
        : null,
  };
  return !want || shown.state === want ? shown : null;
}

/** The capture preview once it has compiled the briefing; null before. */
function capturePreview() {
  const root = document.querySelector('[data-testid="briefing-preview"]');
  const bill = root?.querySelector('[data-testid="preview-bill"]')?.textContent.trim();
  if (!bill) return null;
  return {
    bill,
    sections: root.querySelectorAll('[data-testid="preview-section"]').length,
    counts: root.querySelector('[data-testid="preview-counts"]')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
    errors: root.querySelectorAll('[data-testid="preview-error"]').length,
    source: document.querySelector('[data-testid="capture-source"]')?.textContent ?? null,
    replaces: document.querySelector('[data-testid="capture-replaces"]')?.textContent.trim() ?? null,
    saveDisabled: document.querySelector('[data-testid="capture-save"]')?.disabled ?? null,
  };
}

function saveAndWait() {
  document.querySelector('[data-testid="capture-save"]').click();
}

function saveMessage() {
  const text = document.querySelector('[data-testid="capture-message"]')?.textContent.trim();
  return text || null;
}

/** Opens the LGA page, clicks its control as the reader does, and returns the preview tab the extension opened. */
async function addFromPage(b, assert, pageId, wantState) {
  const page = await b.open(pageId);
  await page.bringToFront();
  const shown = await page.waitFor(control, wantState, { timeout: 10_000, what: `the control in state ${wantState}` });
  assert.ok(shown.box, `a button to press (${JSON.stringify(shown)})`);
  await page.hoverRect(shown.box);
  await page.click(Math.round(shown.box.x + shown.box.width / 2), Math.round(shown.box.y + shown.box.height / 2));
  const preview = await b.adoptExtensionTab('capture.html');
  const compiled = await preview.waitFor(capturePreview, undefined, { what: 'the capture preview' });
  return { page, preview, compiled };
}

async function userSources(b) {
  const bills = await b.message({ type: 'bills' });
  const sources = new Set();
  for (const bill of bills) {
    const data = await b.message({ type: 'briefingsForBill', billId: bill.id });
    for (const { briefing } of data?.briefings ?? []) if (briefing.userAdded) sources.add(briefing.source);
  }
  return [...sources];
}

async function removeAll(b, sources) {
  for (const source of sources) await b.message({ type: 'removeBriefing', source }).catch(() => {});
}

export default [
  {
    name: 'capture: Add on a local.gov.uk page, preview, save; the positions show on a Hansard page of the bill; twice does not double',
    async run(b, assert) {
      const before = await b.message({ type: 'status' });
      const existing = await userSources(b);
      try {
        const page = await b.open('lgaLurbCommittee');
        await page.bringToFront();
        const first = await page.waitFor(control, 'new', { timeout: 10_000, what: 'the Add control' });
        assert.equal(first.button, 'Add to LGA positions');
        // A page script's click is not the reader's: nothing opens.
        await page.evaluate(() =>
          document.querySelector('lga-positions-capture').shadowRoot.querySelector('button').click(),
        );
        await new Promise((resolve) => setTimeout(resolve, 700));
        assert.equal((await page.evaluate(control)).state, 'new', 'a scripted click opens no preview');
        await page.screenshot('capture-control');

        const { page: addedFrom, preview, compiled } = await addFromPage(b, assert, 'lgaLurbCommittee', 'new');
        assert.match(compiled.bill, /Levelling Up and Regeneration Bill/);
        assert.equal(compiled.sections, 1);
        assert.equal(compiled.errors, 0);
        assert.equal(compiled.replaces, null, 'nothing to replace yet');
        assert.match(compiled.source, /local\.gov\.uk\/parliament\/briefings-and-responses\//);
        await preview.screenshot('capture-preview');

        // The reader clicks Add a second time (another tab of the same page) before saving the first preview.
        await new Promise((resolve) => setTimeout(resolve, 1100)); // the background opens one preview a second
        const second = await addFromPage(b, assert, 'lgaLurbCommittee', 'new');

        await preview.bringToFront();
        await preview.evaluate(saveAndWait);
        const saved = await preview.waitFor(saveMessage, undefined, { what: 'the save message' });
        assert.match(saved, /^Saved: Levelling Up and Regeneration Bill/);
        const afterOne = await b.message({ type: 'status' });
        assert.equal(afterOne.counts.userBriefings, before.counts.userBriefings + 1, 'one briefing stored');

        // The page's control now says it is added (the background told the tab).
        const added = await addedFrom.waitFor(control, 'added', { timeout: 10_000, what: 'the control to say Added' });
        assert.match(added.status, /^Added · updated \d{1,2} [A-Z][a-z]{2}$/);
        assert.equal(added.button, null);

        // Saving the second preview would replace the first: it says so first (never replaced silently), then the
        // reader's Update replaces it: still one.
        await second.preview.bringToFront();
        await second.preview.evaluate(saveAndWait);
        const asked = await second.preview.waitFor(
          () => {
            const text = document.querySelector('[data-testid="capture-message"]')?.textContent.trim();
            const replaces = document.querySelector('[data-testid="capture-replaces"]')?.textContent.trim();
            const button = document.querySelector('[data-testid="capture-save"]')?.textContent.trim();
            return text && replaces ? { text, replaces, button } : null;
          },
          undefined,
          { what: 'the second preview saying what it would replace' },
        );
        assert.match(asked.text, /^Not saved: this briefing was saved meanwhile/);
        assert.equal(asked.button, 'Update briefing');
        await second.preview.evaluate(saveAndWait);
        const again = await second.preview.waitFor(
          () => {
            const text = document.querySelector('[data-testid="capture-message"]')?.textContent.trim();
            return text?.startsWith('Updated: ') ? text : null;
          },
          undefined,
          { what: 'the second save message' },
        );
        assert.match(again, /^Updated: /);
        const afterTwo = await b.message({ type: 'status' });
        assert.equal(afterTwo.counts.userBriefings, afterOne.counts.userBriefings, 'adding twice does not double');
        assert.equal(afterTwo.counts.positions, afterOne.counts.positions);

        // The same briefing at its old journal-content URL on the bare host is known as added.
        const old = await b.open('lgaLurbCommitteeOld');
        const oldShown = await old.waitFor(control, 'added', { timeout: 10_000, what: 'the old URL known as added' });
        assert.match(oldShown.status, /^Added · updated /);

        // The positions on a Hansard page of the bill, labelled as the reader's own from local.gov.uk.
        const hansard = await b.open('lurbCommittee');
        await hansard.bringToFront();
        const ready = await hansard.waitFor(readyState, undefined, {
          timeout: 15_000,
          what: 'the content script to draw',
        });
        assert.ok(ready.applies >= 2, `clause 72 and amendment 45 apply (state ${JSON.stringify(ready)})`);
        const box = await hansard.evaluate(textBox, {
          selector: '.contribution .content p.hs_Para',
          text: 'Clause 72',
        });
        await hansard.hoverRect(box);
        const popover = await hansard.waitFor(popoverState, undefined, { timeout: 5_000, what: 'the popover' });
        assert.equal(popover.name, 'LGA position: Clause 72');
        assert.match(popover.text, /premium council tax/, "the briefing's words");
        assert.match(popover.text, /added by you from local\.gov\.uk/);
        assert.equal(popover.positions[0].applies, 'applies');
        await hansard.screenshot('popover-captured-briefing');
        for (const tab of [page, hansard, preview]) assert.deepEqual(await tab.extensionErrors(), []);
      } finally {
        await removeAll(
          b,
          (await userSources(b)).filter((s) => !existing.includes(s)),
        );
      }
      const cleaned = await b.message({ type: 'status' });
      assert.equal(cleaned.counts.userBriefings, before.counts.userBriefings, 'removed again');
    },
  },
  {
    name: 'capture: Update after the page text changes replaces the briefing with the new words',
    async run(b, assert) {
      const before = await b.message({ type: 'status' });
      const existing = await userSources(b);
      try {
        const { preview } = await addFromPage(b, assert, 'lgaLurbCommittee', 'new');
        await preview.evaluate(saveAndWait);
        await preview.waitFor(saveMessage, undefined, { what: 'the save message' });
        const saved = await b.message({ type: 'status' });

        // The LGA edits the page: one key message says something new.
        const changed = lurbBriefingText().replace(
          'We support the measures, set out in clauses 72 and 73',
          'We strongly support the measures, set out in clauses 72 and 73',
        );
        assert.notEqual(changed, lurbBriefingText(), 'the corpus text still holds the sentence this test edits');
        b.overridePage('lgaLurbCommittee', composeLgaPage(changed));
        try {
          const page = await b.open('lgaLurbCommittee');
          const shown = await page.waitFor(control, 'changed', { timeout: 10_000, what: 'the Update control' });
          assert.equal(shown.button, 'Update');
          await page.screenshot('capture-update');
          const update = await addFromPage(b, assert, 'lgaLurbCommittee', 'changed');
          assert.match(update.compiled.replaces, /^Updates the briefing you added on \d{1,2} [A-Z][a-z]{2}/);
          await update.preview.evaluate(saveAndWait);
          assert.match(
            await update.preview.waitFor(saveMessage, undefined, { what: 'the update message' }),
            /^Updated: /,
          );
          const after = await b.message({ type: 'status' });
          assert.equal(after.counts.userBriefings, saved.counts.userBriefings, 'updated, not doubled');
          await update.page.waitFor(control, 'added', { timeout: 10_000, what: 'the control to say Added again' });

          const hits = await b.message({ type: 'search', query: 'strongly support premium council tax' });
          assert.ok(
            hits.some((hit) => /We strongly support the measures/.test(hit.position.text)),
            'the new words are stored',
          );
          assert.ok(
            !hits.some((hit) => /^We support the measures/.test(hit.position.text) && hit.briefing.userAdded),
            'the old words are gone',
          );
        } finally {
          b.overridePage('lgaLurbCommittee', null);
        }
      } finally {
        await removeAll(
          b,
          (await userSources(b)).filter((s) => !existing.includes(s)),
        );
      }
      const cleaned = await b.message({ type: 'status' });
      assert.equal(cleaned.counts.userBriefings, before.counts.userBriefings, 'removed again');
    },
  },
  {
    name: 'capture: a bulk add of three files with one broken saves two and names the third',
    async run(b, assert) {
      const before = await b.message({ type: 'status' });
      const existing = await userSources(b);
      const files = [
        { name: 'lurb-committee.html', type: 'text/html', text: composeLgaPage(lurbBriefingText(), { url: LURB_URL }) },
        {
          name: 'renters-rights.txt',
          type: 'text/plain',
          text: fs.readFileSync(path.join(FIXTURES, 'user-briefing-renters-rights-bill.txt'), 'utf8'),
        },
        {
          name: 'broken.txt',
          type: 'text/plain',
          text: fs.readFileSync(path.join(FIXTURES, 'user-briefing-broken.txt'), 'utf8'),
        },
      ];
      try {
        const options = await b.extensionPage('options.html');
        await options.waitFor(() => !!document.querySelector('[data-testid="briefing-file"]'), undefined, {
          what: 'the file input',
        });
        assert.ok(await options.evaluate(chooseFiles, files));
        const shown = await options.waitFor(batchState, 3, { what: 'three previews' });
        assert.deepEqual(
          shown.items.map((i) => [i.file, i.status]),
          [
            ['lurb-committee.html', 'ready'],
            ['renters-rights.txt', 'ready'],
            ['broken.txt', 'error'],
          ],
        );
        assert.match(shown.items[0].bill, /Levelling Up and Regeneration Bill/);
        assert.match(shown.items[1].bill, /Renters.? Rights Bill/);
        assert.deepEqual(shown.items[2].errors, ['1'], 'the broken file names its line');
        assert.match(shown.summary, /^2 briefings ready to save; 1 file with errors/);
        assert.equal(shown.save, 'Save 2 briefings');
        await options.screenshot('options-bulk-preview');

        await options.evaluate(() => document.querySelector('[data-testid="batch-save"]').click());
        const done = await options.waitFor(
          (n) => {
            const message = document.querySelector('[data-testid="briefing-save-message"]')?.textContent.trim();
            return message && /^Saved/.test(message) ? { message, n } : null;
          },
          3,
          { what: 'the bulk save message' },
        );
        assert.match(done.message, /^Saved 2 briefings: lurb-committee\.html, renters-rights\.txt\./);
        assert.match(done.message, /Not saved, nothing of it stored: broken\.txt, line 1: /);
        const after = await b.message({ type: 'status' });
        assert.equal(after.counts.userBriefings, before.counts.userBriefings + 2, 'two stored, the broken one not');
        const added = (await userSources(b)).filter((s) => !existing.includes(s));
        assert.deepEqual(added.sort(), ['lurb-committee.html', 'renters-rights.txt']);

        // The same briefing pasted again: the preview says it updates the one added, and saving does not double.
        await options.evaluate((text) => {
          const area = document.querySelector('[data-testid="briefing-text"]');
          area.value = text;
          area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        }, lurbBriefingText());
        const replaces = await options.waitFor(
          () => document.querySelector('[data-testid="briefing-replaces"]')?.textContent.trim() ?? null,
          undefined,
          { what: 'the pasted briefing to say what it replaces' },
        );
        assert.match(replaces, /^Updates the briefing you added on \d{1,2} [A-Z][a-z]{2}/);
        await options.evaluate(() => document.querySelector('[data-testid="briefing-save"]').click());
        const pastedMessage = await options.waitFor(
          () => {
            const text = document.querySelector('[data-testid="briefing-save-message"]')?.textContent.trim();
            return text?.startsWith('Updated') ? text : null;
          },
          undefined,
          { what: 'the update message' },
        );
        assert.match(pastedMessage, /It replaced the briefing you added on/);
        assert.equal(
          (await b.message({ type: 'status' })).counts.userBriefings,
          after.counts.userBriefings,
          'not doubled',
        );

        // The saved HTML page names its URL (canonical link): it is the page's briefing, labelled as from local.gov.uk.
        const bills = await b.message({ type: 'bills' });
        const lurb = bills.find((bill) => /Levelling Up/.test(bill.title));
        const data = await b.message({ type: 'briefingsForBill', billId: lurb.id });
        assert.deepEqual(
          data.briefings.map(({ briefing }) => briefing.addedFrom),
          ['local.gov.uk'],
        );
      } finally {
        await removeAll(
          b,
          (await userSources(b)).filter((s) => !existing.includes(s)),
        );
      }
      const cleaned = await b.message({ type: 'status' });
      assert.equal(cleaned.counts.userBriefings, before.counts.userBriefings, 'removed again');
    },
  },
];
