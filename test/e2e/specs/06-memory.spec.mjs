/**
 * Memory mode keeps the reader's data across a background restart (issue 10, finding 6), in both browsers: the
 * extension's database is left at a newer schema version than this build reads (as after a downgrade), so the
 * background cannot open it and serves from memory; a briefing and a stance correction saved then are kept in the
 * extension's storage.local; the background is restarted (Chromium: the service worker stopped, as Chrome stops an
 * idle one; Firefox: the extension reloaded) and they are still there, drawn on a page; once the database works
 * again they move into it. The database is made anew at the end, so the specs after this one find it as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readyState } from '../lib/in-page.mjs';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'e2e');
const RENTERS = fs.readFileSync(path.join(FIXTURES, 'user-briefing-renters-rights-bill.txt'), 'utf8');
const SOURCE = 'memory-mode-renters.txt';

async function readerData(b) {
  const file = JSON.parse((await b.message({ type: 'exportUserData' })).json);
  return { briefings: file.briefings.map((x) => x.source), corrections: file.corrections ?? [] };
}

export default [
  {
    name: 'memory mode: a briefing and a correction saved without IndexedDB survive a background restart, and move into IndexedDB when it works again',
    async run(b, assert) {
      const before = await readerData(b);
      let status = await b.breakIndexedDB();
      try {
        assert.equal(status.storage, 'memory');
        assert.match(status.storageProblem, /VersionError/);
        assert.equal(status.userDataLasts, true, `what is added lasts: ${status.storageProblem}`);
        const options = await b.extensionPage('options.html');
        const warning = await options.waitFor(
          () => document.querySelector('[data-testid="status-memory-warning"]')?.textContent ?? null,
          undefined,
          { what: 'the memory-mode warning' },
        );
        assert.match(warning, /kept in the extension's browser storage meanwhile/);

        await b.message({ type: 'addBriefing', fileName: SOURCE, text: RENTERS });
        const { briefings } = await b.message({ type: 'briefingsForBill', billId: 'renters-rights-bill' });
        const position = briefings.flatMap((x) => x.positions).find((p) => /clear written terms/.test(p.text));
        await b.message({ type: 'correctStance', positionId: position.id, ref: null, stance: 'oppose' });
        const saved = await readerData(b);
        assert.ok(saved.briefings.includes(SOURCE));

        const how = await b.restartBackground();
        status = await b.message({ type: 'status' });
        assert.equal(status.storage, 'memory', `still memory mode after the restart (${how})`);
        assert.deepEqual(await readerData(b), saved, `the reader's data after the restart (${how})`);
        console.log(`  memory mode: briefing and correction kept across a background restart (${how})`);
        const page = await b.open('unknownBill');
        await page.bringToFront();
        const ready = await page.waitFor(readyState, undefined, {
          timeout: 15_000,
          what: 'the content script to draw',
        });
        assert.ok(ready.applies >= 1, `the kept briefing's positions are drawn (${JSON.stringify(ready)})`);
      } finally {
        status = await b.repairIndexedDB();
      }
      assert.equal(status.storage, 'indexeddb');
      const moved = await readerData(b);
      assert.ok(moved.briefings.includes(SOURCE), 'the kept briefing moved into IndexedDB');
      assert.equal(moved.corrections.length, before.corrections.length + 1, 'and the correction');
      const left = await (await b.extensionPage('options.html')).evaluate(async () =>
        Object.keys(await (globalThis.browser ?? globalThis.chrome).storage.local.get('keptUserData')),
      );
      assert.deepEqual(left, [], 'nothing is left in storage.local');
      const correction = moved.corrections.find((c) => !before.corrections.some((o) => o.positionId === c.positionId));
      if (correction) await b.message({ type: 'undoCorrection', positionId: correction.positionId, ref: null });
      await b.message({ type: 'removeBriefing', source: SOURCE });
      assert.deepEqual(await readerData(b), before, 'left as found');
    },
  },
];
