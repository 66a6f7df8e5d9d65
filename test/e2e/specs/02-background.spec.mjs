/**
 * The background seeds IndexedDB from the bundled dataset on install and answers lookups (issue 4, "Must show":
 * in real browsers the built extension seeds IndexedDB on install and a lookup round trip returns the expected
 * positions), and topic requests from the stored positions (issue 14).
 */
import fs from 'node:fs';
import path from 'node:path';

const DATASET = path.resolve(import.meta.dirname, '..', '..', '..', 'src', 'generated', 'dataset.json');

/** Counts the records of the extension's own IndexedDB, opened from an extension page (same origin as the background). */
function countStores() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('lga-positions');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      // Schema v3 keeps positions grouped, one record per briefing (src/store/schema.ts, PositionGroup).
      const names = ['bills', 'briefings', 'positionGroups', 'meta'];
      const tx = db.transaction(names, 'readonly');
      const counts = {};
      let shippedPositions = 0;
      let positions = 0;
      for (const name of names) {
        const r = tx.objectStore(name).count();
        r.onsuccess = () => {
          counts[name] = r.result;
        };
      }
      const cursor = tx.objectStore('positionGroups').openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        positions += c.value.positions.length;
        if (c.value.origin === 'shipped') shippedPositions += c.value.positions.length;
        c.continue();
      };
      const meta = tx.objectStore('meta').get('dataset');
      tx.oncomplete = () => {
        db.close();
        resolve({ counts: { ...counts, positions }, shippedPositions, meta: meta.result ?? null, version: db.version });
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

const CWSB_COMMITTEE_PAGE = {
  bill: "Children's Wellbeing and Schools Bill",
  billId: null,
  house: 'commons',
  stage: 'committee',
  stageLabel: null,
  date: '2025-02-11',
};

export default [
  {
    name: 'background seeds IndexedDB with every position of the bundled dataset',
    async run(b, assert) {
      const dataset = JSON.parse(fs.readFileSync(DATASET, 'utf8'));
      const status = await b.messageUntil({ type: 'status' }, (s) => s.counts.positions > 0, {
        what: 'the background to report a seeded dataset',
      });
      assert.equal(status.storage, 'indexeddb', `storage mode (problem: ${status.storageProblem})`);
      assert.equal(status.version, dataset.version, 'the extension was built from src/generated/dataset.json');
      const tab = await b.extensionPage('options.html');
      const db = await tab.evaluate(countStores);
      assert.equal(db.meta?.version, dataset.version, 'meta records the seeded dataset version');
      assert.equal(db.shippedPositions, dataset.positions.length, 'every dataset position stored as shipped');
      assert.equal(db.counts.briefings >= dataset.briefings.length, true, 'every shipped briefing stored');
      assert.equal(db.counts.bills >= dataset.bills.length, true, 'every bill stored');
      assert.equal(status.counts.positions, db.counts.positions, 'status counts what IndexedDB holds');
    },
  },
  {
    name: 'topics round trip: a CWSB paragraph on branded uniform links to the uniform position; an LGA mention is found',
    async run(b, assert) {
      const reply = await b.message({
        type: 'topics',
        page: CWSB_COMMITTEE_PAGE,
        paragraphs: [
          'Parents pay hundreds of pounds for school uniform when schools insist on branded items from one supplier; the limit on branded items will bring the cost down.',
          'Free breakfast clubs will mean that no child starts the school day hungry.',
          'The Local Government Association has briefed every Member on this.',
        ],
      });
      assert.deepEqual(
        reply.paragraphs.map((p) => p.index),
        [0, 2],
      );
      const link = reply.paragraphs[0].links[0];
      const linked = reply.positions.find((p) => p.position.id === link.positionId);
      assert.match(linked.position.text, /branded items in school uniform/);
      assert.ok(link.terms.length > 0, 'the words that linked it');
      assert.deepEqual(
        reply.paragraphs[1].lgaMentions.map((m) => m.text),
        ['Local Government Association'],
      );
    },
  },
  {
    name: 'lookup round trip: CWSB committee sitting, Clause 7 -> Second Reading position applies',
    async run(b, assert) {
      const reply = await b.message({
        type: 'lookup',
        page: CWSB_COMMITTEE_PAGE,
        references: [
          { kind: 'clause', number: '7' },
          { kind: 'clause', number: '999' },
        ],
      });
      const clause7 = reply.matches.find((m) => m.kind === 'clause' && m.number === '7');
      assert.ok(
        clause7,
        `a match for clause 7 in ${JSON.stringify(reply.matches.map((m) => `${m.kind} ${m.number}`))}`,
      );
      const applying = clause7.positions.filter((p) => p.applies === 'applies');
      assert.ok(applying.length > 0, 'at least one position on clause 7 applies to the committee print');
      for (const p of applying) {
        assert.equal(p.briefing.house, 'commons');
        assert.equal(p.briefing.stage, 'second-reading');
        assert.match(p.position.text, /care leavers/);
        assert.ok(p.position.refs.some((r) => r.kind === 'clause' && r.number === '7'));
      }
      const none = reply.matches.find((m) => m.number === '999');
      assert.ok(!none || none.positions.length === 0, 'no position for a clause no briefing mentions');
    },
  },
  {
    name: 'lookup round trip: CWSB Lords Third Reading, Clause 23 -> nothing applies (other print)',
    async run(b, assert) {
      const reply = await b.message({
        type: 'lookup',
        page: { ...CWSB_COMMITTEE_PAGE, house: 'lords', stage: 'third-reading', date: '2026-02-09' },
        references: [{ kind: 'clause', number: '23' }],
      });
      const clause23 = reply.matches.find((m) => m.number === '23');
      assert.ok(clause23 && clause23.positions.length > 0, 'the Second Reading position on clause 23 is offered');
      assert.deepEqual(
        clause23.positions.map((p) => p.applies),
        clause23.positions.map(() => 'other-print'),
        'every position on clause 23 is marked as numbered for another print',
      );
    },
  },
  {
    name: 'malformed request gets an error reply, and the background keeps answering',
    async run(b, assert) {
      await assert.rejects(
        b.message({ type: 'lookup', page: null, references: 'clause 7' }),
        /background refused lookup/,
      );
      const status = await b.message({ type: 'status' });
      assert.ok(status.counts.positions > 0);
    },
  },
];
