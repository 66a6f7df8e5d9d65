/**
 * Memory mode keeps the reader's data (issue 10, finding 6): where IndexedDB cannot be used, what the reader adds
 * (briefings, stance corrections) goes to the extension's `storage.local` through the real keeper
 * (src/storage-items.ts, on WXT's fake browser storage) before a change is made, and a background started afterwards
 * (the MV3 worker restarted) has it; when IndexedDB works again it moves there. Where nothing can keep it, the status
 * says so before anything is saved. The real background service and stores throughout; the browser test is e2e
 * 06-memory.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keptUserDataItem, storageLocalKeeper } from '../../../src/storage-items';
import { KEPT_FORMAT, type UserDataKeeper } from '../../../src/store/kept';
import { CWSB, fixtureDataset } from '../../fixtures/store/dataset';
import { type BackgroundService, ok, send, testService } from '../../service';

const BRIEFING = `LGA briefing: English Devolution and Community Empowerment Bill

Second Reading, House of Commons, 8 September 2025

Key messages

  • We oppose clause 12, which removes local choice over the committee system.
`;
const BILL = 'english-devolution-and-community-empowerment-bill';
const dataset = fixtureDataset();
const corrected = dataset.positions.find((p) => p.billId === CWSB)!;

/** A background as the browser starts it: IndexedDB as given (none: memory mode), the keeper as given. */
function background(keeper: UserDataKeeper | null, indexedDB: IDBFactory | undefined = undefined) {
  return testService({ indexedDB, dataset: () => dataset, keeper, openTimeoutMs: 200 });
}
type Service = BackgroundService;

/** What the reader has, as an export shows it (the timestamp aside). */
async function readerData(svc: Service) {
  const { exportedAt: _, ...rest } = JSON.parse((await ok(svc, { type: 'exportUserData' })).json);
  return rest;
}

const addBriefing = (svc: Service) => ok(svc, { type: 'addBriefing', fileName: 'devolution.txt', text: BRIEFING });
const correct = (svc: Service) =>
  ok(svc, { type: 'correctStance', positionId: corrected.id, ref: null, stance: 'oppose' });

beforeEach(() => fakeBrowser.reset());

describe('memory mode keeps what the reader adds in storage.local', () => {
  it('a briefing and a correction saved in memory mode are there after the background restarts', async () => {
    const first = background(storageLocalKeeper());
    const status = await ok(first, { type: 'status' });
    expect([status.storage, status.userDataLasts]).toEqual(['memory', true]);
    expect(status.storageProblem).toMatch(/kept in the extension's browser storage instead, so it lasts/);
    await addBriefing(first);
    await correct(first);
    const before = await readerData(first);
    expect(before.briefings.map((b: { source: string }) => b.source)).toEqual(['devolution.txt']);
    expect(before.corrections).toHaveLength(1);

    const restarted = background(storageLocalKeeper()); // a new worker: nothing of `first` in memory
    expect(await readerData(restarted)).toEqual(before);
    expect((await ok(restarted, { type: 'status' })).counts.userBriefings).toBe(1);
    const { matches } = await ok(restarted, {
      type: 'lookup',
      page: { bill: null, billId: BILL, house: 'commons', stage: 'second-reading', stageLabel: null, date: null },
      references: [{ kind: 'clause', number: '12' }],
    });
    expect(matches[0]?.positions[0]?.position.text).toMatch(/We oppose clause 12/);
  });

  it('a removal and an undone correction last too', async () => {
    const first = background(storageLocalKeeper());
    await addBriefing(first);
    await correct(first);
    await ok(first, { type: 'removeBriefing', source: 'devolution.txt' });
    await ok(first, { type: 'undoCorrection', positionId: corrected.id, ref: null });
    const restarted = background(storageLocalKeeper());
    const data = await readerData(restarted);
    expect([data.briefings, data.corrections]).toEqual([[], []]);
  });

  it('a change that cannot be kept is not made, and the reply says so', async () => {
    const keeper = storageLocalKeeper();
    const svc = background({
      ...keeper,
      save: async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
    });
    const reply = await send(svc, { type: 'addBriefing', fileName: 'devolution.txt', text: BRIEFING });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(
      /could not be kept in the extension's browser storage \(Error: QUOTA_BYTES quota exceeded\), so nothing was changed/,
    );
    expect((await readerData(svc)).briefings).toEqual([]);
    expect((await send(svc, { type: 'correctStance', positionId: corrected.id, ref: null, stance: 'oppose' })).ok).toBe(
      false,
    );
    expect((await readerData(svc)).corrections).toEqual([]);
  });

  it.each([
    [
      'storage that cannot be read',
      {
        load: async () => {
          throw new Error('storage is broken');
        },
      },
      /lasts only until the browser stops the extension's background.*could not be read \(Error: storage is broken\)/,
    ],
    [
      'data kept in a form this version does not read',
      { load: async () => ({ format: KEPT_FORMAT, version: 99 }) },
      /lasts only until .*not in a form this version reads/,
    ],
  ])('with %s, says before saving that nothing will last, and overwrites nothing', async (_, broken, problem) => {
    let saved = 0;
    const svc = background({
      ...storageLocalKeeper(),
      ...broken,
      save: async () => {
        saved++;
      },
    });
    const status = await ok(svc, { type: 'status' });
    expect(status.userDataLasts).toBe(false);
    expect(status.storageProblem).toMatch(problem);
    await addBriefing(svc); // still works for this background's life
    expect((await ok(svc, { type: 'status' })).counts.userBriefings).toBe(1);
    expect(saved).toBe(0);
  });

  it('without a keeper, says so', async () => {
    const status = await ok(background(null), { type: 'status' });
    expect(status.userDataLasts).toBe(false);
    expect(status.storageProblem).toMatch(/lasts only until .*there is nowhere else to keep it/);
  });
});

describe('when IndexedDB works again', () => {
  it('what was kept meanwhile moves into it, and leaves storage.local', async () => {
    const memory = background(storageLocalKeeper());
    await addBriefing(memory);
    await correct(memory);
    const kept = await readerData(memory);

    const indexedDB = new IDBFactory();
    const back = background(storageLocalKeeper(), indexedDB);
    const status = await ok(back, { type: 'status' });
    expect([status.storage, status.userDataLasts]).toEqual(['indexeddb', true]);
    expect(await readerData(back)).toEqual(kept);
    expect(await keptUserDataItem.getValue()).toBeNull();
  });

  it('a briefing changed in IndexedDB since is not replaced by the older kept copy', async () => {
    const indexedDB = new IDBFactory();
    const memory = background(storageLocalKeeper());
    await addBriefing(memory); // kept at one time…
    const newer = BRIEFING.replace('We oppose', 'We support');
    const later = testService({ indexedDB, dataset: () => dataset, now: () => new Date(Date.now() + 60_000) });
    await ok(later, { type: 'addBriefing', fileName: 'devolution.txt', text: newer }); // …and in IndexedDB later
    const back = background(storageLocalKeeper(), indexedDB);
    const data = await readerData(back);
    expect(data.briefings.map((b: { text: string }) => b.text)).toEqual([newer]);
    expect(await keptUserDataItem.getValue()).toBeNull();
  });
});
