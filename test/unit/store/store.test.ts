import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Dataset, Position, StanceCorrection } from '../../../src/model';
import { IdbStore, MemoryStore, openDatabase, openStore, SCHEMA_VERSION, STORES_AT_VERSION } from '../../../src/store';
import type { DataStore } from '../../../src/store/types';
import { CSWB, CWSB, fixtureDataset, POSITIONS } from '../../fixtures/store/dataset';
import { type DatabaseDump, dumpDatabase, restoreDump } from '../../fixtures/store/dump';
import { USER_BILL, userBriefingRecord } from '../../fixtures/store/user-briefing';

const fixture = (version: number): DatabaseDump =>
  JSON.parse(readFileSync(new URL(`../../fixtures/store/v${version}.json`, import.meta.url), 'utf8'));

/** Records in a stable order (a dump lists them in key order, a fixture in the order they were written). */
const sorted = (records: unknown[] | undefined) => (records ?? []).map((r) => JSON.stringify(r)).sort();

async function freshIdbStore(factory = new IDBFactory()): Promise<IdbStore> {
  const store = await openStore(factory);
  if (!(store instanceof IdbStore)) throw new Error(`expected IndexedDB, got ${store.problem}`);
  return store;
}

/** The same behaviour is expected of both ways of keeping the data. */
const backends: Array<[string, () => Promise<DataStore>]> = [
  ['IndexedDB', () => freshIdbStore()],
  ['memory', async () => new MemoryStore('test')],
];

describe.each(backends)('%s store', (_name, makeStore) => {
  it('keeps the reader’s stance corrections: one per position or provision, through reseeding, removable', async () => {
    const store = await makeStore();
    await store.seed(fixtureDataset('v1'));
    const [position] = POSITIONS.filter((p) => p.refs.length > 0);
    const ref = { kind: position!.refs[0]!.kind, number: position!.refs[0]!.number };
    const base = { positionId: position!.id, text: position!.text, at: '2026-12-01T21:00:00.000Z' };
    await store.putCorrection({ ...base, ref, stance: 'concern' });
    await store.putCorrection({ ...base, ref: { ...ref, number: ref.number.toLowerCase() }, stance: 'oppose' });
    await store.putCorrection({ ...base, ref: null, stance: 'mixed' });
    // The same provision again replaces; the position as a whole is its own correction.
    expect((await store.corrections()).map((c) => [c.ref?.number ?? null, c.stance]).sort()).toEqual(
      [
        [null, 'mixed'],
        [ref.number.toLowerCase(), 'oppose'],
      ].sort(),
    );
    await store.seed(fixtureDataset('v2'));
    expect(await store.corrections()).toHaveLength(2);
    expect(await store.removeCorrection(position!.id, null)).toBe(true);
    expect(await store.removeCorrection(position!.id, null)).toBe(false);
    expect((await store.corrections()).map((c) => c.stance)).toEqual(['oppose']);
  });

  it('seeds a dataset and records its version and counts', async () => {
    const store = await makeStore();
    expect(await store.meta()).toBeNull();
    const outcome = await store.seed(fixtureDataset('v1'));
    expect(outcome).toEqual({ seeded: true, version: 'v1' });
    const meta = await store.meta();
    expect(meta).toMatchObject({ version: 'v1', counts: { bills: 2, briefings: 4, positions: POSITIONS.length } });
    expect(await store.counts()).toEqual({ bills: 2, briefings: 4, positions: POSITIONS.length, userBriefings: 0 });
  });

  it('skips seeding when the version is unchanged', async () => {
    const store = await makeStore();
    await store.seed(fixtureDataset('v1'));
    const before = await store.meta();
    // Same version, different content: a skipped seeding must not write it.
    const outcome = await store.seed(fixtureDataset('v1', { positions: POSITIONS.slice(0, 1) }));
    expect(outcome.seeded).toBe(false);
    expect((await store.counts()).positions).toBe(POSITIONS.length);
    expect((await store.meta())?.seededAt).toBe(before?.seededAt);
  });

  it('replaces shipped data with a new version and keeps user briefings', async () => {
    const store = await makeStore();
    await store.seed(fixtureDataset('v1'));
    await store.putUserBriefings([userBriefingRecord()]);
    const next = fixtureDataset('v2', { positions: POSITIONS.filter((p) => p.billId === CWSB) });
    expect((await store.seed(next)).seeded).toBe(true);

    const everything = await store.everything();
    expect(everything.positions.filter((p) => p.billId === CSWB)).toEqual([]);
    expect(everything.positions.filter((p) => p.billId === CWSB)).toHaveLength(next.positions.length);
    expect((await store.userBriefings()).map((r) => r.source)).toEqual(['my-devolution-briefing.txt']);
    expect(await store.bill(USER_BILL.id)).toEqual(USER_BILL);
    const userData = await store.billData(USER_BILL.id);
    expect(userData.briefings.map((b) => b.userAdded)).toEqual([true]);
    expect(userData.positions).toHaveLength(1);
  });

  it('reads the positions on given references of one bill', async () => {
    const store = await makeStore();
    await store.seed(fixtureDataset());
    const { briefings, positions } = await store.lookupData(CWSB, [{ kind: 'clause', number: '7' }]);
    expect(briefings.map((b) => b.billId)).toEqual([CWSB]);
    expect(positions.map((p) => p.id).sort()).toEqual([`${CWSB}/lga-${CWSB}/0/0`, `${CWSB}/lga-${CWSB}/0/3`]);
    // Stored index keys never leak into what the store hands out.
    expect(Object.keys(positions[0] ?? {})).not.toContain('refKeys');
  });

  it('keeps bills apart: clause 7 of one bill is not clause 7 of another', async () => {
    const store = await makeStore();
    await store.seed(fixtureDataset());
    const { positions } = await store.lookupData(CSWB, [{ kind: 'clause', number: '7' }]);
    expect(positions.map((p) => p.billId)).toEqual([CSWB]);
  });

  it('answers a page of many references the same way as a few (whole-bill read)', async () => {
    const store = await makeStore();
    await store.seed(fixtureDataset());
    const many = Array.from({ length: 100 }, (_, i) => ({ kind: 'clause' as const, number: String(i + 1) }));
    const few = [
      { kind: 'clause' as const, number: '7' },
      { kind: 'clause' as const, number: '25' },
    ];
    const manyIds = (await store.lookupData(CWSB, many)).positions.map((p) => p.id).sort();
    const fewIds = (await store.lookupData(CWSB, few)).positions.map((p) => p.id).sort();
    expect(fewIds).toHaveLength(3);
    expect(manyIds).toEqual(
      POSITIONS.filter((p) => p.billId === CWSB && p.refs.length > 0)
        .map((p) => p.id)
        .sort(),
    );
  });

  it('reads positions and briefings by id (search hits), in the order asked, skipping unknown ids', async () => {
    const store = await makeStore();
    await store.seed(fixtureDataset());
    await store.putUserBriefings([userBriefingRecord()]);
    const userPosition = (await store.billData(USER_BILL.id)).positions[0]!;
    const ids = [POSITIONS[3]!.id, userPosition.id, `${POSITIONS[0]!.briefingId}/999`, POSITIONS[0]!.id];
    expect((await store.positionsByIds(ids)).map((p) => p.id)).toEqual([ids[0], ids[1], ids[3]]);
    expect((await store.positionsByIds(ids)).map((p) => Object.keys(p))).not.toContainEqual(
      expect.arrayContaining(['refKeys']),
    );
    const briefingIds = [POSITIONS[0]!.briefingId, 'nope'];
    expect((await store.briefingsByIds(briefingIds)).map((b) => b.id)).toEqual([POSITIONS[0]!.briefingId]);
  });

  it('removes a user briefing with its records, its user-only bill and the corrections of its positions', async () => {
    const store = await makeStore();
    await store.seed(fixtureDataset());
    await store.putUserBriefings([userBriefingRecord()]);
    const mine = (await store.billData(USER_BILL.id)).positions[0]!;
    const shipped = POSITIONS[0]!;
    const at = '2026-12-01T00:00:00.000Z';
    await store.putCorrection({ positionId: mine.id, ref: null, stance: 'oppose', text: mine.text, at });
    await store.putCorrection({ positionId: shipped.id, ref: null, stance: 'oppose', text: shipped.text, at });
    // The corrections go with it (issue 10: one left behind could be neither shown nor undone); others stay.
    expect(await store.removeUserBriefing('my-devolution-briefing.txt')).toEqual({
      briefings: 1,
      corrections: 1,
      positions: [mine.id],
    });
    expect((await store.corrections()).map((c) => c.positionId)).toEqual([shipped.id]);
    expect(await store.bill(USER_BILL.id)).toBeNull();
    expect((await store.billData(USER_BILL.id)).positions).toEqual([]);
    expect(await store.removeUserBriefing('my-devolution-briefing.txt')).toEqual({
      briefings: 0,
      corrections: 0,
      positions: [],
    });
    expect((await store.counts()).positions).toBe(POSITIONS.length);
  });

  it('replacing a user briefing keeps the corrections its new version still holds and removes the others', async () => {
    const store = await makeStore();
    await store.seed(fixtureDataset());
    const first = userBriefingRecord('a.txt');
    const kept = first.positions[0]!;
    const changed: Position = { ...kept, id: `${kept.briefingId}/1`, text: 'We oppose clause 7 as it stands.' };
    await store.putUserBriefings([{ ...first, positions: [kept, changed] }]);
    const at = '2026-12-01T00:00:00.000Z';
    const corrections: StanceCorrection[] = [
      { positionId: kept.id, ref: null, stance: 'oppose', text: kept.text, at },
      { positionId: kept.id, ref: { kind: 'clause', number: '7' }, stance: 'support', text: kept.text, at },
      { positionId: changed.id, ref: null, stance: 'support', text: changed.text, at },
      { positionId: POSITIONS[0]!.id, ref: null, stance: 'oppose', text: POSITIONS[0]!.text, at },
    ];
    for (const correction of corrections) await store.putCorrection(correction);
    // The new version keeps the first bullet word for word, rewords the second and adds a third.
    const reworded = { ...changed, text: 'We support clause 7.' };
    const added = { ...kept, id: `${kept.briefingId}/2`, text: 'A new bullet on clause 7.' };
    const removed = await store.putUserBriefings([{ ...first, positions: [kept, reworded, added] }]);
    expect(removed).toEqual([corrections[2]]);
    const left = (c: StanceCorrection) => `${c.positionId}|${c.ref?.number ?? '-'}`;
    expect((await store.corrections()).map(left).sort()).toEqual(
      [corrections[0]!, corrections[1]!, corrections[3]!].map(left).sort(),
    );
    // A briefing replaced under another name (a duplicate) takes its corrections: its ids are gone; an import's own
    // corrections of the new version are put, not counted as removed.
    const renamed = userBriefingRecord('b.txt');
    const again = { ...corrections[0]!, positionId: renamed.positions[0]!.id };
    expect(await store.putUserBriefings([renamed], [], ['a.txt'], [again])).toHaveLength(2);
    expect((await store.corrections()).map(left).sort()).toEqual([again, corrections[3]!].map(left).sort());
  });

  it('replacing a user briefing by source leaves no stale records', async () => {
    const store = await makeStore();
    await store.seed(fixtureDataset());
    await store.putUserBriefings([userBriefingRecord('a.txt')]);
    await store.putUserBriefings([userBriefingRecord('a.txt')]);
    expect((await store.billData(USER_BILL.id)).positions).toHaveLength(1);
    expect(await store.bill(USER_BILL.id)).not.toBeNull();
  });

  it('changes the search stamp when the dataset or user data change', async () => {
    const store = await makeStore();
    await store.seed(fixtureDataset('v1'));
    const first = await store.searchStamp();
    await store.putUserBriefings([userBriefingRecord()]);
    const second = await store.searchStamp();
    await store.seed(fixtureDataset('v2'));
    const third = await store.searchStamp();
    expect(new Set([first, second, third]).size).toBe(3);
  });
});

describe('a reseed that fails part way', () => {
  it('leaves the previous dataset whole when a record cannot be written', async () => {
    const store = await freshIdbStore();
    await store.seed(fixtureDataset('v1'));
    const before = await store.everything();
    // A position without a briefing makes a group without a key: its put throws after the clears and earlier puts
    // were queued.
    const broken = fixtureDataset('v2', {
      positions: [...POSITIONS.slice(0, 2), { ...POSITIONS[2]!, briefingId: undefined as unknown as string }],
    });
    await expect(store.seed(broken)).rejects.toThrow();
    expect((await store.meta())?.version).toBe('v1');
    expect(sorted((await store.everything()).positions)).toEqual(sorted(before.positions));
  });
});

describe('replacing a user briefing that fails part way', () => {
  it('keeps the previous version of the briefing whole', async () => {
    const store = await freshIdbStore();
    await store.seed(fixtureDataset('v1'));
    await store.putUserBriefings([userBriefingRecord()]);
    const before = await store.everything();
    // The same source again, but its briefing has no id (no key): the old records' deletes were already queued.
    const good = userBriefingRecord();
    const broken = { ...good, briefings: [{ ...good.briefings[0]!, id: undefined as unknown as string }] };
    await expect(store.putUserBriefings([broken])).rejects.toThrow();
    expect(sorted((await store.everything()).briefings)).toEqual(sorted(before.briefings));
    expect((await store.userBriefings()).map((r) => r.source)).toEqual(['my-devolution-briefing.txt']);
    expect((await store.billData(USER_BILL.id)).positions).toHaveLength(1);
  });
});

describe('schema versions', () => {
  it.each(Object.keys(STORES_AT_VERSION).map(Number))('fixture v%i has exactly the stores of its schema', async (v) => {
    const dump = fixture(v);
    expect(dump.schemaVersion).toBe(v);
    const factory = new IDBFactory();
    const opened = await openDatabase(factory, { version: v });
    if (!opened.ok) throw new Error(opened.problem);
    expect([...opened.db.objectStoreNames].sort()).toEqual(STORES_AT_VERSION[v]);
    expect(Object.keys(dump.stores).sort()).toEqual(STORES_AT_VERSION[v]);
  });

  it('has a fixture for the current schema version', () => {
    expect(fixture(SCHEMA_VERSION).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('upgrades v1 to v2 keeping every record and adding the search store and source index', async () => {
    const factory = new IDBFactory();
    const v1 = fixture(1);
    await restoreDump(factory, v1);
    const opened = await openDatabase(factory, { version: 2 });
    if (!opened.ok) throw new Error(opened.problem);
    const after = await dumpDatabase(opened.db);
    expect(after.schemaVersion).toBe(2);
    for (const [name, records] of Object.entries(v1.stores))
      expect(sorted(after.stores[name])).toEqual(sorted(records));
    expect(after.stores.searchIndex).toEqual([]);
    // The new index covers records written before it existed.
    const bySource = await opened.db.getAllFromIndex('briefings', 'bySource', 'my-devolution-briefing.txt');
    expect(bySource.map((b) => b.userAdded)).toEqual([true]);
  });

  it.each([1, 2])(
    'upgrades v%i to v3 keeping every record, positions grouped by briefing, unread indexes dropped',
    async (from) => {
      const factory = new IDBFactory();
      await restoreDump(factory, fixture(from));
      const opened = await openDatabase(factory, { version: 3 });
      if (!opened.ok) throw new Error(opened.problem);
      const after = await dumpDatabase(opened.db);
      const v3 = fixture(3);
      expect(Object.keys(after.stores).sort()).toEqual(Object.keys(v3.stores).sort());
      for (const [name, records] of Object.entries(v3.stores))
        expect(sorted(after.stores[name]), name).toEqual(sorted(records));
      expect([...opened.db.transaction('briefings').store.indexNames]).toEqual(['byBill']);
      // The new indexes cover the moved records, the user's included.
      const store = new IdbStore(opened.db);
      expect(
        (await store.lookupData(CWSB, [{ kind: 'clause', number: '7' }])).positions.map((p) => p.id).sort(),
      ).toEqual([`${CWSB}/lga-${CWSB}/0/0`, `${CWSB}/lga-${CWSB}/0/3`]);
      expect((await store.billData(USER_BILL.id)).positions).toHaveLength(1);
      expect(await store.counts()).toMatchObject({ positions: POSITIONS.length + 1, userBriefings: 1 });
    },
  );

  it('upgrades v3 to v4 keeping every record and adding an empty corrections store', async () => {
    const factory = new IDBFactory();
    const v3 = fixture(3);
    await restoreDump(factory, v3);
    const opened = await openDatabase(factory, { version: 4 });
    if (!opened.ok) throw new Error(opened.problem);
    const after = await dumpDatabase(opened.db);
    expect(after.schemaVersion).toBe(4);
    for (const [name, records] of Object.entries(v3.stores))
      expect(sorted(after.stores[name]), name).toEqual(sorted(records));
    expect(after.stores.corrections).toEqual([]);
    const store = new IdbStore(opened.db);
    expect(await store.counts()).toMatchObject({ positions: POSITIONS.length + 1, userBriefings: 1 });
  });

  it('opens a v4 database as it is; a dataset reseed keeps its corrections and user records', async () => {
    const factory = new IDBFactory();
    const v4 = fixture(4);
    await restoreDump(factory, v4);
    const store = await freshIdbStore(factory);
    const corrections = await store.corrections();
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({ stance: 'oppose', at: '2026-12-01T21:00:00.000Z' });
    expect(corrections[0]).not.toHaveProperty('key');
    await store.seed(fixtureDataset('v-fixture-2'));
    const after = await dumpDatabase(store.db);
    expect(after.stores.corrections).toEqual(v4.stores.corrections);
    expect(after.stores.userBriefings).toEqual(v4.stores.userBriefings);
  });

  it('opens a v3 database as it is and a dataset reseed keeps its user records', async () => {
    const factory = new IDBFactory();
    const v3 = fixture(3);
    await restoreDump(factory, v3);
    const store = await freshIdbStore(factory);
    expect(await store.meta()).toMatchObject({ version: 'v-fixture-1' });
    await store.seed(fixtureDataset('v-fixture-2'));
    const after = await dumpDatabase(store.db);
    expect(after.stores.userBriefings).toEqual(v3.stores.userBriefings);
    expect(after.stores.userData).toEqual(v3.stores.userData);
    expect(await store.bill(USER_BILL.id)).toEqual(USER_BILL);
    expect((await store.billData(USER_BILL.id)).positions).toHaveLength(1);
  });

  it('reads positions stored before the stance fields existed with decidedBy [] and caveat null', async () => {
    const factory = new IDBFactory();
    const v3 = fixture(3);
    const stored = JSON.stringify(v3.stores);
    expect(stored).not.toContain('decidedBy'); // the fixture was written before the fields existed
    await restoreDump(factory, v3);
    const store = await freshIdbStore(factory);
    const before = await store.everything();
    expect(before.positions.length).toBeGreaterThan(0);
    for (const position of before.positions) {
      expect(position.decidedBy).toEqual([]);
      expect(position.caveat).toBeNull();
      for (const ref of position.refs) expect(ref.decidedBy).toEqual([]);
    }
    // A reseed writes the user's old compiled records back beside the new shipped ones: still readable.
    await store.seed(fixtureDataset('v-fixture-2'));
    const [user] = (await store.billData(USER_BILL.id)).positions;
    expect(user).toMatchObject({ decidedBy: [], caveat: null });
    expect(user!.refs.every((ref) => Array.isArray(ref.decidedBy))).toBe(true);
  });
});

describe('when IndexedDB is unavailable', () => {
  const throwingFactory = {
    open() {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    },
  } as unknown as IDBFactory;

  const erroringFactory = {
    open() {
      const request = new EventTarget() as EventTarget & { error: DOMException };
      request.error = new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
      setTimeout(() => request.dispatchEvent(new Event('error')));
      return request;
    },
  } as unknown as IDBFactory;

  const hangingFactory = { open: () => new EventTarget() } as unknown as IDBFactory;

  it.each<[string, IDBFactory | undefined, RegExp]>([
    ['no indexedDB at all', undefined, /not available/],
    ['open throws', throwingFactory, /SecurityError/],
    ['open fails', erroringFactory, /InvalidStateError/],
    ['open never answers', hangingFactory, /did not open/],
  ])('falls back to memory when %s, saying why', async (_case, factory, problem) => {
    const store = await openStore(factory, { timeoutMs: 50 });
    expect(store.mode).toBe('memory');
    expect(store.problem).toMatch(problem);
    const dataset: Dataset = fixtureDataset();
    await store.seed(dataset);
    expect((await store.lookupData(CWSB, [{ kind: 'clause', number: '7' }])).positions).toHaveLength(2);
  });
});
