/**
 * The options page (issue 6, "Must show"): a briefing added from text makes its positions appear on a fixture
 * page; a broken briefing shows its errors with lines and stores nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeLgaPage, withHostileMarkup } from '../../fixtures/lga/compose.mjs';
import { popoverState, readyState, textBox } from '../lib/in-page.mjs';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'e2e');
const RENTERS = fs.readFileSync(path.join(FIXTURES, 'user-briefing-renters-rights-bill.txt'), 'utf8');
const BROKEN = fs.readFileSync(path.join(FIXTURES, 'user-briefing-broken.txt'), 'utf8');

/** Puts text into the briefing box as a paste would (one input event). */
function pasteBriefing(text) {
  const area = document.querySelector('[data-testid="briefing-text"]');
  if (!area) return false;
  area.focus();
  area.value = text;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  return true;
}

/** The preview once it shows what `want` asks for (`bill`, or `errors`); null before. */
function preview(want) {
  const root = document.querySelector('[data-testid="briefing-preview"]');
  if (!root) return null;
  const save = document.querySelector('[data-testid="briefing-save"]');
  const shown = {
    bill: root.querySelector('[data-testid="preview-bill"]')?.textContent.trim() ?? null,
    counts: root.querySelector('[data-testid="preview-counts"]')?.textContent.replace(/\s+/g, ' ').trim() ?? null,
    sections: root.querySelectorAll('[data-testid="preview-section"]').length,
    errors: [...root.querySelectorAll('[data-testid="preview-error"]')].map((e) => ({
      line: e.dataset.line,
      text: e.textContent.trim(),
    })),
    saveDisabled: save ? save.disabled : null,
  };
  return (want === 'bill' ? shown.bill : shown.errors.length > 0) ? shown : null;
}

/** The user briefings listed, once there are more than `atLeast`. */
function userBriefings(atLeast) {
  const listed = {
    sources: [...document.querySelectorAll('[data-testid="user-briefing"]')].map((e) => e.dataset.source),
    empty: !!document.querySelector('[data-testid="user-briefings-empty"]'),
    message: document.querySelector('[data-testid="briefing-save-message"]')?.textContent.trim() ?? '',
  };
  return listed.sources.length > atLeast ? listed : null;
}

/**
 * Chooses a file in the briefing file input as a reader would (DataTransfer -> input.files, one change event), with
 * a listener for CSP reports put on the page first; resolves once the text box holds what the file was read as.
 */
async function chooseFile({ name, type, content }) {
  globalThis.__lgaCspReports ??= [];
  if (!globalThis.__lgaCspListening) {
    globalThis.__lgaCspListening = true;
    document.addEventListener('securitypolicyviolation', (e) =>
      globalThis.__lgaCspReports.push(`${e.violatedDirective} ${e.sample}`),
    );
  }
  const area = document.querySelector('[data-testid="briefing-text"]');
  area.value = ''; // emptied as a reader would, so the same text read again shows again
  area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 50));
  const input = document.querySelector('[data-testid="briefing-file"]');
  const files = new DataTransfer();
  files.items.add(new File([content], name, { type }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  for (let waited = 0; waited < 10_000 && !area.value; waited += 50) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 500)); // time for an image error, a load or a refresh to fire, if any could
  return {
    text: area.value,
    bill: document.querySelector('[data-testid="preview-bill"]')?.textContent.trim() ?? null,
    counts: document.querySelector('[data-testid="preview-counts"]')?.textContent.replace(/\s+/g, ' ').trim() ?? null,
    reports: [...globalThis.__lgaCspReports],
    ran: globalThis.__lgaRan ?? null,
    rendered: document.querySelectorAll('img, iframe, object, embed, video, audio, svg image').length,
  };
}

/**
 * Chooses `files` ({name, type, size | content | repeat}) in the file input `testid`, counting every read of a file
 * (Blob text/arrayBuffer/stream/bytes, FileReader) from then on; resolves with the section's message once it
 * changes, the reads counted, and what the page shows.
 */
async function chooseAndWait({ testid, messageTestid, files }) {
  if (!globalThis.__lgaReadsCounted) {
    globalThis.__lgaReadsCounted = true;
    globalThis.__lgaReads = 0;
    for (const [proto, names] of [
      [Blob.prototype, ['text', 'arrayBuffer', 'stream', 'bytes']],
      [FileReader.prototype, ['readAsText', 'readAsArrayBuffer', 'readAsDataURL', 'readAsBinaryString']],
    ]) {
      for (const name of names) {
        const original = proto[name];
        if (!original) continue;
        proto[name] = function (...args) {
          globalThis.__lgaReads++;
          return original.apply(this, args);
        };
      }
    }
  }
  const status = document.querySelector(`[data-testid="${messageTestid}"]`);
  const before = status.textContent;
  const reads = globalThis.__lgaReads;
  const input = document.querySelector(`[data-testid="${testid}"]`);
  const chosen = new DataTransfer();
  for (const f of files) {
    const content = f.content ?? (f.size ? 'x'.repeat(f.size) : '');
    chosen.items.add(new File([content], f.name, { type: f.type }));
  }
  input.files = chosen.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const batch = () => document.querySelectorAll('[data-testid="batch-item"]').length > 0;
  const answered = () =>
    files.length > 1 ? batch() : status.textContent.trim() !== '' && status.textContent !== before;
  for (let waited = 0; waited < 20_000 && !answered(); waited += 50) await new Promise((r) => setTimeout(r, 50));
  return {
    message: status.textContent.trim(),
    reads: globalThis.__lgaReads - reads,
    batch: [...document.querySelectorAll('[data-testid="batch-item"]')].map((item) => ({
      file: item.dataset.file,
      status: item.dataset.status,
      text: item.textContent.replace(/\s+/g, ' ').trim(),
    })),
    confirm: [...document.querySelectorAll('[data-testid="confirm-replace-item"]')].map((e) => e.dataset.source),
  };
}

async function openOptions(b) {
  const options = await b.extensionPage('options.html');
  await options.waitFor(() => !!document.querySelector('[data-testid="briefing-text"]'), undefined, {
    what: 'the add-briefing form',
  });
  return options;
}

export default [
  {
    name: 'options: a briefing added from text makes its positions appear on a fixture page',
    async run(b, assert) {
      const before = await b.message({ type: 'status' });
      const options = await openOptions(b);
      let added = [];
      try {
        await options.evaluate(pasteBriefing, RENTERS);
        const shown = await options.waitFor(preview, 'bill', {
          what: 'the preview of the pasted briefing',
        });
        assert.match(shown.bill, /Renters.? Rights Bill/);
        assert.deepEqual(shown.errors, []);
        assert.equal(shown.saveDisabled, false);
        await options.screenshot('options-preview-light');
        await options.evaluate(() => document.querySelector('[data-testid="briefing-save"]').click());
        const stored = await options.waitFor(userBriefings, before.counts.userBriefings, {
          what: 'the saved briefing to be listed',
        });
        added = stored.sources;
        const after = await b.message({ type: 'status' });
        assert.equal(after.counts.userBriefings, before.counts.userBriefings + 1, 'one user briefing stored');

        const page = await b.open('unknownBill');
        await page.bringToFront();
        const ready = await page.waitFor(readyState, undefined, {
          timeout: 15_000,
          what: 'the content script to draw',
        });
        assert.ok(ready.applies >= 1, `the added positions are highlighted (state ${JSON.stringify(ready)})`);
        const box = await page.evaluate(textBox, { selector: '.contribution .content p.hs_Para', text: 'Clause 7' });
        await page.hoverRect(box);
        const popover = await page.waitFor(popoverState, undefined, { timeout: 5_000, what: 'the popover' });
        assert.equal(popover.name, 'LGA position: Clause 7');
        assert.match(popover.text, /clear written terms/, "the added briefing's words");
        assert.equal(popover.positions[0].applies, 'applies', 'Commons committee is in the Second Reading print');
        await page.screenshot('popover-user-briefing');
      } finally {
        for (const source of added) await b.message({ type: 'removeBriefing', source }).catch(() => {});
      }
      const cleaned = await b.message({ type: 'status' });
      assert.equal(cleaned.counts.userBriefings, before.counts.userBriefings, 'removed again');
    },
  },
  {
    name: 'options: a broken briefing shows its errors with lines and stores nothing',
    async run(b, assert) {
      const before = await b.message({ type: 'status' });
      const options = await openOptions(b);
      await options.evaluate(pasteBriefing, BROKEN);
      const shown = await options.waitFor(preview, 'errors', {
        what: 'the errors of the broken briefing',
      });
      assert.equal(shown.errors[0].line, '1', `errors: ${JSON.stringify(shown.errors)}`);
      assert.match(shown.errors[0].text, /title|bill/i);
      assert.equal(shown.saveDisabled, true, 'save is disabled while there are errors');
      await options.screenshot('options-broken-briefing');
      // Even a click on the disabled button must store nothing.
      await options.evaluate(() => document.querySelector('[data-testid="briefing-save"]')?.click());
      await new Promise((resolve) => setTimeout(resolve, 500));
      const after = await b.message({ type: 'status' });
      assert.equal(after.counts.userBriefings, before.counts.userBriefings, 'nothing stored');
      assert.equal(after.counts.positions, before.counts.positions, 'no position added');
    },
  },
  {
    name: 'options: a saved .html page with handlers, scripts and images reads inertly (no CSP report, request or handler) and as its clean copy',
    async run(b, assert) {
      const url = 'https://www.local.gov.uk/parliament/briefings-and-responses/renters-rights-bill-e2e';
      const clean = composeLgaPage(RENTERS, { url });
      const hostile = withHostileMarkup(clean, { origin: 'http://hostile.example' });
      const options = await openOptions(b);
      const since = Date.now();
      const fromText = await options.evaluate(chooseFile, {
        name: 'renters.txt',
        type: 'text/plain',
        content: RENTERS,
      });
      const fromClean = await options.evaluate(chooseFile, { name: 'renters.html', type: 'text/html', content: clean });
      const fromHostile = await options.evaluate(chooseFile, {
        name: 'renters.html',
        type: 'text/html',
        content: hostile,
      });
      const requests = b.server.unexpectedSince(since).map((e) => `${e.method} ${e.host}${e.path}`);
      console.log(
        `  options: hostile .html upload: ${fromHostile.reports.length} CSP reports, ${requests.length} requests, ran ${fromHostile.ran ?? 'nothing'}`,
      );
      assert.deepEqual(fromHostile.reports, [], 'no CSP report while reading the files');
      assert.deepEqual(requests, [], 'no request while reading the files');
      assert.equal(fromHostile.ran, null, 'no handler or script ran');
      assert.equal(fromHostile.rendered, 0, 'nothing of the file was put into the options page');
      assert.match(fromClean.bill, /Renters.? Rights Bill/);
      assert.equal(fromHostile.text, fromClean.text, 'the hostile page reads as its clean copy');
      assert.deepEqual(
        [fromHostile.bill, fromHostile.counts],
        [fromText.bill, fromText.counts],
        'and previews as the text file',
      );
      await options.evaluate(() => {
        const area = document.querySelector('[data-testid="briefing-text"]');
        area.value = '';
        area.dispatchEvent(new InputEvent('input', { bubbles: true }));
      });
    },
  },
  {
    name: 'options: every refused file says why at once (too large or empty: unread), and changes nothing',
    async run(b, assert) {
      const MB = 1024 * 1024;
      await b.message({ type: 'addBriefing', fileName: 'limits-keep.txt', text: RENTERS, replace: true });
      const exported = async () => JSON.parse((await b.message({ type: 'exportUserData' })).json).briefings;
      const before = await exported();
      const options = await openOptions(b);
      const addFile = (files) =>
        options.evaluate(chooseAndWait, { testid: 'briefing-file', messageTestid: 'briefing-save-message', files });
      const importFile = (file) =>
        options.evaluate(chooseAndWait, { testid: 'import-file', messageTestid: 'data-message', files: [file] });
      const deep = `{"format":"lga-positions-user-data","formatVersion":1,"briefings":[],"userData":[{"key":"k","value":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
      const cases = [
        [
          'a 6 MB briefing file',
          () => addFile([{ name: 'big.txt', type: 'text/plain', size: 6 * MB }]),
          /^Not read: big\.txt is 6 MB, over the 5 MB limit for a briefing file; it was not read\.$/,
          false,
        ],
        [
          'an empty briefing file',
          () => addFile([{ name: 'empty.txt', type: 'text/plain' }]),
          /^Not read: empty\.txt is empty\.$/,
          false,
        ],
        [
          'a saved page with no text',
          () =>
            addFile([
              { name: 'blank.html', type: 'text/html', content: '<html><body><script>1</script></body></html>' },
            ]),
          /^Not read: blank\.html has no text in it\.$/,
          true,
        ],
        [
          'a 51 MB import',
          () => importFile({ name: 'big.json', type: 'application/json', size: 51 * MB }),
          /^Nothing imported, nothing was changed: big\.json is 51 MB, over the 50 MB limit for a file of your data \(the most an export holds\); it was not read\.$/,
          false,
        ],
        [
          'an empty import',
          () => importFile({ name: 'empty.json', type: 'application/json' }),
          /^Nothing imported, nothing was changed: empty\.json is empty\.$/,
          false,
        ],
        [
          'an import nested 100,000 deep',
          () => importFile({ name: 'deep.json', type: 'application/json', content: deep }),
          /^Nothing imported from deep\.json, nothing was changed: (?!.*nothing was changed)(?!import failed)\S/s,
          true,
        ],
      ];
      let refused = 0;
      for (const [what, choose, want, read] of cases) {
        const shown = await choose();
        assert.match(shown.message, want, what);
        assert.equal(
          shown.reads > 0,
          read,
          `${what}: ${read ? 'read' : 'refused before reading'} (${shown.reads} reads)`,
        );
        refused++;
      }
      const batch = await addFile([
        { name: 'huge.html', type: 'text/html', size: 6 * MB },
        { name: 'renters.txt', type: 'text/plain', content: RENTERS },
      ]);
      assert.deepEqual(
        batch.batch.map((item) => [item.file, item.status]),
        [
          ['huge.html', 'error'],
          ['renters.txt', 'ready'],
        ],
      );
      assert.match(batch.batch[0].text, /huge\.html is 6 MB, over the 5 MB limit for a briefing file; it was not read/);
      assert.equal(batch.reads, 1, 'only the file within the limit was read');
      await options.evaluate(() => document.querySelector('[data-testid="batch"] button.link-button')?.click());

      // An import naming a briefing already added asks first; keeping what is there changes nothing.
      const mine = JSON.stringify({
        format: 'lga-positions-user-data',
        formatVersion: 1,
        exportedAt: '',
        briefings: [
          {
            source: 'limits-keep.txt',
            text: RENTERS.replace('We welcome', 'We oppose'),
            addedAt: '2026-01-01T00:00:00Z',
          },
        ],
        userData: [],
      });
      const asked = await importFile({ name: 'mine.json', type: 'application/json', content: mine });
      assert.deepEqual(asked.confirm, ['limits-keep.txt'], 'the import says what it would replace');
      assert.match(asked.message, /^Nothing imported from mine\.json yet: it replaces briefings you added\.$/);
      await options.evaluate(() => document.querySelector('[data-testid="confirm-replace-no"]').click());
      assert.deepEqual(await exported(), before, 'nothing changed by any refusal');
      console.log(`  options: ${refused} refused files, each with its reason; stored briefings unchanged`);
      await options.evaluate(chooseAndWait, {
        testid: 'import-file',
        messageTestid: 'data-message',
        files: [{ name: 'mine.json', type: 'application/json', content: mine }],
      });
      await options.evaluate(() => document.querySelector('[data-testid="confirm-replace-yes"]').click());
      const replaced = await options.waitFor(
        () => {
          const text = document.querySelector('[data-testid="data-message"]')?.textContent ?? '';
          return /^Imported/.test(text) ? text : null;
        },
        undefined,
        { what: 'the confirmed import' },
      );
      assert.equal(replaced, 'Imported 1 briefing from mine.json, replacing limits-keep.txt.');
      assert.match((await exported()).find((x) => x.source === 'limits-keep.txt').text, /We oppose/);
      await b.message({ type: 'removeBriefing', source: 'limits-keep.txt' });
    },
  },
  {
    name: 'options: settings reach an open page without reload (every reference; site switched off and on)',
    async run(b, assert) {
      const page = await b.open('cwsbCommittee');
      await page.bringToFront();
      const first = await page.waitFor(readyState, undefined, { timeout: 15_000, what: 'the content script to draw' });
      assert.ok(first.detected > first.references, `references without a position exist (${JSON.stringify(first)})`);
      const options = await openOptions(b);
      const click = (testid) =>
        options.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.click() ?? null, testid);
      const state = () => page.evaluate(readyState);
      try {
        await options.waitFor((id) => !!document.querySelector(`[data-testid="${id}"]`), 'mode-all', {
          what: 'the mode radios',
        });
        await click('mode-all');
        // Every detected reference drawn: more marks than those with a position (a phrase can hold several numbers).
        const all = await page.waitFor(
          (fewer) => {
            const d = document.documentElement.dataset;
            return d.lgaPositions === 'ready' && Number(d.lgaReferences) > fewer ? Number(d.lgaReferences) : null;
          },
          first.references,
          { timeout: 5_000, what: 'every detected reference to be highlighted' },
        );
        assert.ok(all <= first.detected, `${all} marks for ${first.detected} references`);
        await page.screenshot('mode-all-references');
        await click('mode-positions');
        await page.waitFor(
          (want) => document.documentElement.dataset.lgaReferences === String(want),
          first.references,
          { timeout: 5_000, what: 'only references with positions again' },
        );

        await click('site-hansard.parliament.uk');
        await page.waitFor(
          () => !document.documentElement.dataset.lgaPositions && !document.querySelector('lga-positions-root [role]'),
          undefined,
          { timeout: 5_000, what: 'the page to be cleared when its site is switched off' },
        );
        assert.equal(await state(), null);
        await click('site-hansard.parliament.uk');
        const back = await page.waitFor(readyState, undefined, { timeout: 5_000, what: 'the page to be read again' });
        assert.equal(back.references, first.references);
      } finally {
        // Leave the defaults for the specs that follow.
        await options.evaluate(() => {
          const box = document.querySelector('[data-testid="site-hansard.parliament.uk"]');
          if (box && !box.checked) box.click();
          document.querySelector('[data-testid="mode-positions"]')?.click();
        });
      }
    },
  },
];
