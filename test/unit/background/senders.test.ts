import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ALLOWED_SENDERS, type MessageSender, type SenderKind, senderKind } from '../../../src/background/senders';
import { createBackgroundService } from '../../../src/background/service';
import { BACKGROUND_REQUEST_TYPES, type BackgroundRequest } from '../../../src/messaging';
import { EXTENSION, SENDERS } from '../../factories';
import { CWSB, fixtureDataset } from '../../fixtures/store/dataset';

const BRIEFING = `LGA briefing: Children’s Wellbeing and Schools Bill

Report Stage, House of Lords, 1 May 2025

Key messages

  • We oppose clause 7, which should be removed.
`;

/** A shipped position of the fixture dataset, which the reader has corrected before each case. */
const FIRST_POSITION = fixtureDataset().positions[0]?.id ?? '';
const FIRST_BRIEFING = fixtureDataset().positions[0]?.briefingId ?? '';

/** One well-formed message of every type. */
const MESSAGES: Record<BackgroundRequest['type'], BackgroundRequest> = {
  lookup: {
    type: 'lookup',
    page: { bill: null, billId: CWSB, house: 'commons', stage: 'committee', stageLabel: null, date: '2025-02-11' },
    references: [{ kind: 'clause', number: '7' }],
  },
  topics: {
    type: 'topics',
    page: { bill: null, billId: CWSB, house: 'commons', stage: 'committee', stageLabel: null, date: '2025-02-11' },
    paragraphs: ['Care leavers need support from every council.'],
  },
  bill: { type: 'bill', bill: CWSB },
  briefingsForBill: { type: 'briefingsForBill', billId: CWSB },
  briefingPositions: { type: 'briefingPositions', briefingId: FIRST_BRIEFING, from: 0, to: 200 },
  positions: { type: 'positions', ids: [FIRST_POSITION] },
  bills: { type: 'bills' },
  search: { type: 'search', query: 'care leavers' },
  status: { type: 'status' },
  pageSummary: { type: 'pageSummary', applies: 1, total: 2 },
  openPanel: { type: 'openPanel', briefingId: `${CWSB}/lga/0` },
  loadPopover: { type: 'loadPopover' },
  addBriefing: { type: 'addBriefing', fileName: 'planted.txt', text: BRIEFING.replace('oppose', 'support') },
  planBriefing: { type: 'planBriefing', fileName: 'planted.txt', text: BRIEFING },
  captureStatus: { type: 'captureStatus', text: BRIEFING },
  captureBriefing: { type: 'captureBriefing', text: BRIEFING, pageDate: null },
  pendingCapture: { type: 'pendingCapture', id: 'x' },
  removeBriefing: { type: 'removeBriefing', source: 'mine.txt' },
  correctStance: { type: 'correctStance', positionId: FIRST_POSITION, ref: null, stance: 'support' },
  undoCorrection: { type: 'undoCorrection', positionId: FIRST_POSITION, ref: null },
  exportUserData: { type: 'exportUserData' },
  importUserData: {
    type: 'importUserData',
    json: JSON.stringify({
      format: 'lga-positions-user-data',
      formatVersion: 1,
      exportedAt: '',
      briefings: [{ source: 'imported.txt', text: BRIEFING, addedAt: '2026-11-22T10:00:00.000Z' }],
      userData: [],
    }),
  },
};

const CONTEXTS: Array<[string, MessageSender, SenderKind]> = [
  ['content script of a parliament page', SENDERS.contentScript(), 'content-script'],
  ['side panel', SENDERS.sidePanel(), 'extension-page'],
  ['options page in a tab', SENDERS.optionsTab(), 'extension-page'],
  ['another extension', SENDERS.otherExtension(), 'other'],
  ['a tab whose document claims our URL', SENDERS.contentScriptClaimingOurUrl(), 'other'],
  ['no sender', SENDERS.noSender(), 'other'],
  ['our id from a page that is not http(s)', { id: EXTENSION.id, url: 'file:///x.html', tab: { id: 3 } }, 'other'],
];

const USER_DATA_TYPES = new Set([
  'addBriefing',
  'removeBriefing',
  'exportUserData',
  'importUserData',
  'correctStance',
  'undoCorrection',
]);

describe('who may send what', () => {
  it.each(CONTEXTS)('tells a %s apart', (_name, sender, kind) => {
    expect(senderKind(sender, EXTENSION)).toBe(kind);
  });

  it('keeps user data to the extension’s own pages, and gives other senders nothing', () => {
    for (const type of BACKGROUND_REQUEST_TYPES) {
      expect(ALLOWED_SENDERS[type]).not.toContain('other');
      if (USER_DATA_TYPES.has(type)) expect(ALLOWED_SENDERS[type]).toEqual(['extension-page']);
    }
    const forContentScripts = BACKGROUND_REQUEST_TYPES.filter((t) => ALLOWED_SENDERS[t].includes('content-script'));
    expect(forContentScripts.sort()).toEqual([
      'bills',
      'captureBriefing',
      'captureStatus',
      'loadPopover',
      'lookup',
      'openPanel',
      'pageSummary',
      'topics',
    ]);
  });

  const cases = CONTEXTS.flatMap(([name, sender, kind]) =>
    BACKGROUND_REQUEST_TYPES.map((type) => [type, name, sender, ALLOWED_SENDERS[type].includes(kind)] as const),
  );

  it.each(cases)('%s from %s: allowed %s', async (type, _name, sender, allowed) => {
    const factory = new IDBFactory();
    const svc = createBackgroundService({ indexedDB: factory, dataset: fixtureDataset, extension: EXTENSION });
    const owner = SENDERS.optionsTab();
    // The reader's own briefing, which a refused sender must neither read, remove nor replace.
    const mine = await svc.handle({ type: 'addBriefing', fileName: 'mine.txt', text: BRIEFING }, owner);
    expect(mine.ok).toBe(true);
    // And their correction of a shipped position, which a refused sender must neither undo nor change.
    const corrected = await svc.handle(
      { type: 'correctStance', positionId: FIRST_POSITION, ref: null, stance: 'oppose' },
      owner,
    );
    expect(corrected.ok).toBe(true);
    const exportNow = async () => {
      const reply = await svc.handle({ type: 'exportUserData' }, owner);
      if (!reply.ok) throw new Error(reply.error);
      const { briefings, corrections } = JSON.parse((reply.data as { json: string }).json);
      return { briefings, corrections };
    };
    const before = await exportNow();

    const reply = await svc.handle(MESSAGES[type], sender);
    const refused = !reply.ok && /is refused from/.test(reply.error);
    expect(refused).toBe(!allowed);
    // Capture requests are let through to their handler, which also wants an LGA briefing page (not this Hansard one).
    if (allowed && !type.startsWith('capture')) expect(reply).toMatchObject({ ok: true });
    if (!allowed) {
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^${type} is refused from`)) });
      expect(await exportNow()).toEqual(before);
    }
  });
});
