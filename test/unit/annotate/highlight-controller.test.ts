// @vitest-environment happy-dom
/**
 * The content script's controller end to end in happy-dom: real page scanner and text index, a stand-in background,
 * and a stand-in `CSS.highlights` (happy-dom has none).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type ControllerDeps,
  createController,
  NAVIGATION_MIN_INTERVAL_MS,
  removeLeftovers,
} from '../../../src/annotate/controller';
import { WRAP_TAG } from '../../../src/annotate/highlight';
import { createLateContentObserver, LEGACY_TOPIC_HOST_TAG, TOPIC_HOST_TAG } from '../../../src/annotate/late-content';
import { HOST_TAG } from '../../../src/annotate/popover/host';
import { pageScheme } from '../../../src/annotate/popover/scheme';
import { createPopoverDriver } from '../../../src/annotate/popover-driver';
import { settingsReader } from '../../../src/annotate/settings-reader';
import { validateRequest } from '../../../src/background/validate';
import type { BackgroundRequest, PageSummary } from '../../../src/messaging';
import type { Briefing, MatchedPosition, PageContext, ReferenceMatch } from '../../../src/model';
import { DEFAULT_SETTINGS, type Settings, withDefaults } from '../../../src/settings-defaults';
import { makeBriefing, makeMatch, makePosition, makeRef } from '../../factories';

const CONTEXT: PageContext = {
  bill: "Children's Wellbeing and Schools Bill",
  billId: 'cwsb',
  house: 'commons',
  stage: 'committee',
  stageLabel: 'Fourteenth Sitting',
  date: '2025-02-11',
};

const BRIEFING: Briefing = makeBriefing({
  order: 1,
  heading: 'Committee Stage, House of Commons, 11 February 2025',
  house: 'commons',
  stage: 'committee',
  dates: ['2025-02-11'],
  line: 10,
});

const POSITION_TEXT = 'We support Clause 7, which puts children first.';
function clause7(): MatchedPosition {
  const ref = makeRef(POSITION_TEXT, 'clause', '7', 'support', { cue: 'We support' });
  return makeMatch(makePosition(BRIEFING, 0, { text: POSITION_TEXT, refs: [ref], cue: 'We support' }), BRIEFING);
}

const SETTINGS: Settings = {
  disabledSites: [],
  highlightMode: 'positions',
  highlightStyle: 'underline',
  hoverDelayMs: 250,
  topicLinks: true,
};

function fakeHighlights() {
  const registry = new Map<string, { ranges: Range[] }>();
  class FakeHighlight {
    ranges: Range[];
    constructor(...ranges: Range[]) {
      this.ranges = ranges;
    }
  }
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal('Highlight', FakeHighlight);
  return registry;
}

function setupPage(): HTMLElement {
  const main = document.createElement('main');
  const p1 = document.createElement('p');
  p1.textContent = 'I rise to speak to Clause 7 and its purpose.';
  const p2 = document.createElement('p');
  p2.textContent = 'Turning to clause 9, the Minister has said little.';
  main.append(p1, p2);
  document.body.append(main);
  return main;
}

function deps(overrides: Partial<ControllerDeps> = {}) {
  const sent: BackgroundRequest[] = [];
  const send = vi.fn(async (request: BackgroundRequest) => {
    sent.push(request);
    switch (request.type) {
      case 'bills':
        return { ok: true as const, data: [] };
      case 'lookup': {
        const matches: ReferenceMatch[] = request.references.map((r) => ({
          ...r,
          positions: r.kind === 'clause' && r.number === '7' ? [clause7()] : [],
        }));
        return { ok: true as const, data: { matches, storage: 'memory' as const } };
      }
      default:
        return { ok: true as const, data: null };
    }
  });
  const main = document.querySelector('main')!;
  const d: ControllerDeps = {
    doc: document,
    // Every event here is synthetic (jsdom): it stands for the reader's own.
    isReaderInput: () => true,
    url: () =>
      'https://hansard.parliament.uk/Commons/2025-02-11/debates/x/ChildrenSWellbeingAndSchoolsBill(FourteenthSitting)',
    send: send as unknown as ControllerDeps['send'],
    getSettings: async () => SETTINGS,
    understand: () => ({ adapter: 'test', sections: [{ context: CONTEXT, roots: [main] }] }),
    popover: { driver: createPopoverDriver, scheme: pageScheme },
    ...overrides,
  };
  return { d, sent, send };
}

async function ready(): Promise<void> {
  await vi.waitFor(() => expect(document.documentElement.dataset.lgaPositions).toBe('ready'), { timeout: 3000 });
}

function textSnapshot(root: Node): Array<[Text, string]> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Array<[Text, string]> = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push([n as Text, (n as Text).data]);
  return out;
}

let teardowns: Array<() => void> = [];
beforeEach(() => {
  teardowns = [];
});
afterEach(() => {
  for (const t of teardowns) t();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
  document.head.replaceChildren();
  document.querySelector(HOST_TAG)?.remove();
  for (const key of Object.keys(document.documentElement.dataset)) delete document.documentElement.dataset[key];
});

describe('controller', () => {
  it('draws highlights for references with a position, after one lookup, without changing a text node', async () => {
    const registry = fakeHighlights();
    const main = setupPage();
    const before = textSnapshot(main);
    const { d, sent } = deps();
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();

    const lookups = sent.filter((r) => r.type === 'lookup');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toMatchObject({
      page: CONTEXT,
      references: [
        { kind: 'clause', number: '7' },
        { kind: 'clause', number: '9' },
      ],
    });
    expect([...registry.keys()]).toEqual(['lga-support']);
    expect(registry.get('lga-support')!.ranges.map((r) => r.toString())).toEqual(['Clause 7']);
    const el = document.documentElement;
    expect(el.dataset.lgaReferences).toBe('1');
    expect(el.dataset.lgaApplies).toBe('1');
    expect(el.dataset.lgaDetected).toBe('2');
    expect(el.dataset.lgaMode).toBe('highlight-api');
    expect(textSnapshot(main)).toEqual(before);
    expect(main.querySelector(WRAP_TAG)).toBeNull();
    expect(sent.find((r) => r.type === 'pageSummary')).toEqual({ type: 'pageSummary', applies: 1, total: 1 });
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('highlightMode all also draws references without a position, in the neutral style', async () => {
    const registry = fakeHighlights();
    setupPage();
    const { d } = deps({ getSettings: async () => ({ ...SETTINGS, highlightMode: 'all' }) });
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();
    expect(registry.get('lga-detected')!.ranges.map((r) => r.toString())).toEqual(['clause 9']);
    expect(document.documentElement.dataset.lgaReferences).toBe('2');
  });

  it('a page with nothing to show reads no colour scheme and listens to no pointer or key; its first mark does', async () => {
    const registry = fakeHighlights();
    const main = setupPage();
    (main.firstElementChild as HTMLElement).textContent = 'I rise to speak to Clause 8 and its purpose.';
    const scheme = vi.fn(pageScheme);
    const added = vi.spyOn(document, 'addEventListener');
    const { d } = deps({ popover: { driver: createPopoverDriver, scheme } });
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();
    expect(document.documentElement.dataset.lgaDetected).toBe('2');
    expect(registry.size).toBe(0);
    expect(scheme).not.toHaveBeenCalled();
    expect(added.mock.calls.map(([type]) => type)).not.toContain('keydown');
    expect(document.documentElement.dataset.lgaMode).toBe('highlight-api');
    // The same page once it names a provision with a position: scheme read, input listened to, mark drawn.
    (main.firstElementChild as HTMLElement).textContent = 'I rise to speak to Clause 7 and its purpose.';
    await controller.refresh();
    expect(scheme).toHaveBeenCalled();
    expect(added.mock.calls.map(([type]) => type)).toContain('keydown');
    expect([...registry.values()].flatMap((h) => h.ranges.map((r) => r.toString()))).toContain('Clause 7');
    added.mockRestore();
  });

  it('leaves a page no adapter understands untouched', async () => {
    const registry = fakeHighlights();
    const main = setupPage();
    const html = document.documentElement.outerHTML;
    const { d, sent } = deps({ understand: () => null });
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(sent.map((r) => r.type)).toEqual(['bills']);
    expect(registry.size).toBe(0);
    expect(document.documentElement.outerHTML).toBe(html);
    expect(main.querySelector(WRAP_TAG)).toBeNull();
  });

  it('does nothing at all on a site the reader switched off', async () => {
    fakeHighlights();
    setupPage();
    const { d, sent } = deps({ getSettings: async () => ({ ...SETTINGS, disabledSites: ['hansard.parliament.uk'] }) });
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual([]);
    expect(document.documentElement.dataset.lgaPositions).toBeUndefined();
  });

  it('answers the side panel: page summary, focus a reference (popover with focus), Escape closes', async () => {
    fakeHighlights();
    setupPage();
    const { d, send } = deps();
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();

    const summary = (await controller.handleTabRequest({ type: 'pageSummary' })) as PageSummary;
    expect(summary.sections).toEqual([CONTEXT]);
    // Clause 7 (a position) and clause 9 (none): the panel says how many the page mentions when none has a position.
    expect(summary.mentioned).toBe(2);
    expect(summary.references).toEqual([
      {
        index: 0,
        kind: 'clause',
        number: '7',
        text: 'Clause 7',
        sectionBill: CONTEXT.bill,
        stance: 'support',
        applies: true,
        print: 'this',
        positionIds: ['cwsb/lga/1/0'],
      },
    ]);

    expect(controller.handleTabRequest({ type: 'focusReference', index: 0 })).toBe(true);
    const shadow = document.querySelector(HOST_TAG)!.shadowRoot!;
    const dialog = shadow.querySelector('[role="dialog"]')!;
    expect(shadow.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('LGA position: Clause 7');
    // Focus moves in once the card is placed, in the next frame (popover/host.tsx).
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(shadow.activeElement).toBe(dialog);
    expect(dialog.querySelector('mark')?.textContent).toBe('Clause 7');

    // "Read the briefing" sends openPanel inside the click, before any await.
    send.mockClear();
    shadow.querySelector<HTMLButtonElement>('[data-testid="lga-read-briefing"]')!.click();
    expect(send).toHaveBeenCalledWith({ type: 'openPanel', briefingId: BRIEFING.id, positionId: 'cwsb/lga/1/0' });

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
  });

  it.each([
    [0, null],
    [1, '1 more in the side panel.'],
    [5, '5 more in the side panel.'],
  ])('a lookup reply that left %i positions out says so in the popover: %s', async (more, said) => {
    fakeHighlights();
    setupPage();
    const { d } = deps();
    const send = vi.fn(async (request: BackgroundRequest) => {
      if (request.type !== 'lookup') return { ok: true as const, data: request.type === 'bills' ? [] : null };
      const matches: ReferenceMatch[] = request.references.map((r) =>
        r.kind === 'clause' && r.number === '7'
          ? { ...r, positions: [clause7()], ...(more ? { more } : {}) }
          : { ...r, positions: [] },
      );
      return { ok: true as const, data: { matches, storage: 'memory' as const } };
    });
    const controller = createController({ ...d, send: send as unknown as ControllerDeps['send'] });
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();

    expect(controller.handleTabRequest({ type: 'focusReference', index: 0 })).toBe(true);
    const shadow = document.querySelector(HOST_TAG)!.shadowRoot!;
    const omitted = shadow.querySelector('[data-testid="lga-omitted"]');
    expect(omitted?.textContent?.replace(/\s*Open it$/, '') ?? null).toBe(said);
  });

  it('start-up does no run work: settings, background and leftovers wait for the first idle moment', async () => {
    fakeHighlights();
    setupPage();
    document.documentElement.dataset.lgaMode = 'wrap';
    document.documentElement.append(document.createElement(HOST_TAG));
    const getSettings = vi.fn(async () => SETTINGS);
    const { d, sent } = deps({ getSettings });
    const controller = createController(d);
    teardowns.push(controller.teardown);
    const started = controller.start();
    expect(getSettings).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    await started;
    await ready();
    expect(getSettings).toHaveBeenCalledTimes(1);
    expect(sent.map((r) => r.type)).toContain('bills');
    expect(document.documentElement.dataset.lgaMode).toBe('highlight-api');

    // Torn down before that moment: no run at all.
    const quiet = deps();
    const gone = createController(quiet.d);
    const starting = gone.start();
    gone.teardown();
    await starting;
    expect(quiet.sent).toEqual([]);
  });

  it('a page summary asked while the page is still being scanned waits for the references', async () => {
    fakeHighlights();
    setupPage();
    const { d } = deps();
    const controller = createController(d);
    teardowns.push(controller.teardown);
    const started = controller.start();
    const early = controller.handleTabRequest({ type: 'pageSummary' }) as Promise<PageSummary | null>;
    await started;
    const summary = await early;
    expect(summary?.references.map((r) => `${r.kind} ${r.number}`)).toEqual(['clause 7']);
  });

  it('steps to the next highlighted reference with Alt+Shift+N', async () => {
    fakeHighlights();
    setupPage();
    const { d } = deps();
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();
    document.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true }),
    );
    const dialog = document.querySelector(HOST_TAG)!.shadowRoot!.querySelector('[role="dialog"]');
    expect(dialog).not.toBeNull();
    expect(controller.handleTabRequest({ type: 'focusStep', direction: 1 })).toBe(true);
  });

  it("ignores a shortcut the page's own scripts dispatch (not the reader's: isTrusted false)", async () => {
    fakeHighlights();
    setupPage();
    // The default: the browser's word on whether the reader made the event.
    const { d } = deps({ isReaderInput: undefined });
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();
    document.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true }),
    );
    // The same key from the reader opens the card at once (the test above); from the page, nothing.
    expect(document.querySelector(HOST_TAG)?.shadowRoot?.querySelector('[role="dialog"]') ?? null).toBeNull();
  });

  it('falls back to <lga-ref> wrappers only when the Highlight API is missing', async () => {
    vi.stubGlobal('CSS', {});
    vi.stubGlobal('Highlight', undefined);
    const main = setupPage();
    const text = main.textContent;
    const { d } = deps();
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();
    expect(document.documentElement.dataset.lgaMode).toBe('wrap');
    expect([...main.querySelectorAll(WRAP_TAG)].map((w) => w.textContent)).toEqual(['Clause 7']);
    expect(main.textContent).toBe(text);
    controller.teardown();
    expect(main.querySelector(WRAP_TAG)).toBeNull();
    expect(main.textContent).toBe(text);
  });

  it('tears down cleanly: highlights, stylesheet, shadow host, attributes and listeners', async () => {
    const registry = fakeHighlights();
    setupPage();
    let invalidate: () => void = () => {};
    const { d } = deps({ onInvalidated: (cb) => (invalidate = cb) });
    const controller = createController(d);
    await controller.start();
    await ready();
    invalidate();
    expect(registry.size).toBe(0);
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(document.head.querySelector('style')).toBeNull();
    expect(document.documentElement.dataset.lgaPositions).toBeUndefined();
    // No listener left: the shortcut does nothing.
    document.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true }),
    );
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('picks up late content (debounced MutationObserver)', async () => {
    const registry = fakeHighlights();
    const main = setupPage();
    const { d, sent } = deps();
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();
    const p = document.createElement('p');
    p.textContent = 'And Clause 7 again, later.';
    main.append(p);
    await vi.waitFor(() => expect(registry.get('lga-support')?.ranges).toHaveLength(2), { timeout: 3000 });
    expect(sent.filter((r) => r.type === 'lookup')).toHaveLength(2);
  });

  it('picks up text edited in place (no node added), as a page that rewrites a paragraph does', async () => {
    const registry = fakeHighlights();
    const main = setupPage();
    const { d, sent } = deps();
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();
    const text = main.querySelector('p')!.firstChild as Text;
    text.data = 'I rise to speak to Clause 7, and to Clause 7 once more.';
    await vi.waitFor(() => expect(registry.get('lga-support')?.ranges).toHaveLength(2), { timeout: 3000 });
    expect(sent.filter((r) => r.type === 'lookup')).toHaveLength(2);
  });
});

describe('extension updates', () => {
  it('an orphaned instance tears down at the first input once the extension is gone', async () => {
    const registry = fakeHighlights();
    setupPage();
    let alive = true;
    const { d } = deps({ isAlive: () => alive });
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();
    controller.focusMark(0);
    expect(document.querySelector(HOST_TAG)).not.toBeNull();
    alive = false;
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 5, clientY: 5, bubbles: true }));
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(registry.size).toBe(0);
    expect(document.documentElement.dataset.lgaPositions).toBeUndefined();
  });

  it('a new instance removes what a dead one left (hosts, wrappers, highlights, attributes)', async () => {
    const registry = fakeHighlights();
    const main = setupPage();
    const text = main.textContent;
    // The dead instance's leftovers.
    const stale = document.createElement(HOST_TAG);
    document.documentElement.append(stale);
    const p = main.querySelector('p')!;
    const node = p.firstChild as Text;
    const rest = node.splitText(19);
    rest.splitText(8);
    const wrapper = document.createElement(WRAP_TAG);
    p.insertBefore(wrapper, rest);
    wrapper.append(rest);
    // Its topic markers: one inside a paragraph, and one host on <html> as an earlier version drew them.
    p.prepend(document.createElement(TOPIC_HOST_TAG));
    document.documentElement.append(document.createElement(LEGACY_TOPIC_HOST_TAG));
    registry.set('lga-support', { ranges: [] });
    registry.set('page-own', { ranges: [] });
    document.documentElement.dataset.lgaPositions = 'ready';

    removeLeftovers(document);
    expect(document.querySelector(`${TOPIC_HOST_TAG}, ${LEGACY_TOPIC_HOST_TAG}`)).toBeNull();
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(main.querySelector(WRAP_TAG)).toBeNull();
    expect(p.childNodes).toHaveLength(1);
    expect(main.textContent).toBe(text);
    expect([...registry.keys()]).toEqual(['page-own']);
    expect(document.documentElement.dataset.lgaPositions).toBeUndefined();

    // And a controller starting on such a page ends with exactly one host.
    document.documentElement.append(document.createElement(HOST_TAG));
    const { d } = deps();
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });
});

describe('late content', () => {
  it('ignores changes outside the scanned roots (a ticking clock in the page header)', async () => {
    fakeHighlights();
    setupPage();
    const clock = document.createElement('span');
    clock.textContent = '10:00';
    document.body.prepend(clock);
    const { d, sent } = deps();
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();
    clock.textContent = '10:01';
    clock.append(document.createTextNode(' and Clause 7'));
    await new Promise((r) => setTimeout(r, 900));
    expect(sent.filter((r) => r.type === 'lookup')).toHaveLength(1);
  });

  it('looks again when late content arrives on a page not understood yet, a few times at most', async () => {
    const registry = fakeHighlights();
    setupPage();
    let understood = false;
    const main = document.querySelector('main')!;
    const { d, sent } = deps({
      understand: () => (understood ? { adapter: 'test', sections: [{ context: CONTEXT, roots: [main] }] } : null),
    });
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    expect(document.documentElement.dataset.lgaPositions).toBeUndefined();
    understood = true;
    const p = document.createElement('p');
    p.textContent = 'The debate arrives late.';
    main.append(p);
    await ready();
    expect(registry.get('lga-support')?.ranges.map((r) => r.toString())).toEqual(['Clause 7']);
    expect(sent.filter((r) => r.type === 'bills')).toHaveLength(2);
  });
});

describe('settings as the content script reads them', () => {
  it.each([
    [undefined, DEFAULT_SETTINGS],
    [{ highlightMode: 'all' }, { ...DEFAULT_SETTINGS, highlightMode: 'all' }],
    [{ hoverDelayMs: 'soon', highlightStyle: 'neon' }, DEFAULT_SETTINGS],
    [
      { hoverDelayMs: 99999, disabledSites: ['bills.parliament.uk'] },
      { ...DEFAULT_SETTINGS, hoverDelayMs: 1000, disabledSites: ['bills.parliament.uk'] },
    ],
    [{ topicLinks: false }, { ...DEFAULT_SETTINGS, topicLinks: false }],
    [{ topicLinks: 'no' }, DEFAULT_SETTINGS],
  ])('withDefaults(%j)', (stored, expected) => {
    expect(withDefaults(stored)).toEqual(expected);
  });

  it('reads and watches the `settings` key of storage.local', async () => {
    let listener: ((changes: Record<string, { newValue?: unknown }>, area: string) => void) | null = null;
    const reader = settingsReader({
      local: { get: async (key: string) => ({ [key]: { highlightStyle: 'background' } }) },
      onChanged: {
        addListener: (cb) => {
          listener = cb;
        },
        removeListener: () => {
          listener = null;
        },
      },
    });
    expect((await reader.get()).highlightStyle).toBe('background');
    const seen: Settings[] = [];
    const stop = reader.watch((next) => seen.push(next));
    listener!({ settings: { newValue: { highlightMode: 'all' } } }, 'local');
    listener!({ settings: { newValue: { highlightMode: 'positions' } } }, 'sync');
    listener!({ other: { newValue: 1 } }, 'local');
    expect(seen.map((x) => x.highlightMode)).toEqual(['all']);
    stop();
    expect(listener).toBeNull();
  });
});

describe('what a page can send (issue 10, finding 2)', () => {
  // How each of the 20 events changes the URL: not at all, to another page (a query), or to an anchor on this page.
  const NEXT_URL = {
    same: (url: string) => url,
    page: (url: string, i: number) => `${url.split('?')[0]}?view=${i}`,
    anchor: (url: string, i: number) => `${url.split('#')[0]}#contribution-${i}`,
  } as const;

  it.each([
    ['the same URL 20 times (a replayed event)', 'same', 0, 0],
    ['20 different URLs at once (pushState in a loop)', 'page', 1, 2],
    // An anchor is the same page: nothing to rescan, and an open card stays open.
    ['20 anchors of the page at once', 'anchor', 0, 0],
  ] as const)('navigation events: %s cause a bounded number of rescans', async (_name, change, least, most) => {
    fakeHighlights();
    setupPage();
    let url = 'https://hansard.parliament.uk/Commons/2025-02-11/debates/x/ChildrenSWellbeingAndSchoolsBill';
    let navigate: (() => void) | null = null;
    const { d, sent } = deps({
      url: () => url,
      onLocationChange: (callback) => {
        navigate = callback;
        return () => {};
      },
    });
    const controller = createController(d);
    teardowns.push(controller.teardown);
    await controller.start();
    await ready();
    const runsBefore = sent.filter((r) => r.type === 'bills').length;
    for (let i = 0; i < 20; i++) {
      url = NEXT_URL[change](url, i);
      navigate!();
    }
    await new Promise((resolve) => setTimeout(resolve, NAVIGATION_MIN_INTERVAL_MS * 1.5));
    await ready();
    const reruns = sent.filter((r) => r.type === 'bills').length - runsBefore;
    expect(reruns).toBeGreaterThanOrEqual(least);
    expect(reruns).toBeLessThanOrEqual(most);
    // Highlights, the popover and the shortcuts still work.
    expect(document.documentElement.dataset.lgaReferences).toBe('1');
    expect(controller.step(1)).toBe(true);
    expect(document.querySelector(HOST_TAG)?.shadowRoot?.querySelector('[role="dialog"]')).not.toBeNull();
  });
});

describe('late content that never stops (issue 10, finding 8)', () => {
  it('a page changing every 10 ms is still rescanned, at most once per max-wait', async () => {
    const changes: number[] = [];
    const target = document.createElement('div');
    document.body.append(target);
    const observer = createLateContentObserver({
      win: window as Window & typeof globalThis,
      target: () => document.body,
      isRelevant: () => true,
      onTextChange: () => changes.push(Date.now()),
      debounceMs: 60,
      maxWaitMs: 150,
    });
    observer.watch();
    const ticker = setInterval(() => {
      target.textContent = `tick ${Date.now()}`;
    }, 10);
    await new Promise((resolve) => setTimeout(resolve, 700));
    clearInterval(ticker);
    observer.stop();
    // The debounce alone (60 ms, restarted every 10 ms) would never fire; the max-wait fires about every 150 ms.
    expect(changes.length).toBeGreaterThanOrEqual(2);
    expect(changes.length).toBeLessThanOrEqual(700 / 150 + 1);
  });
});

describe('many references in one section (issue 10, finding 3)', () => {
  /** A stand-in background that refuses what the real one refuses (src/background/validate.ts). */
  function validatingDeps(positionsFor: (ref: { kind: string; number: string }) => MatchedPosition[]) {
    const base = deps();
    const lookups: number[] = [];
    const send = async (request: BackgroundRequest) => {
      const valid = validateRequest(request);
      if (!valid.ok) return { ok: false as const, error: valid.error };
      if (request.type === 'lookup') {
        lookups.push(request.references.length);
        const matches: ReferenceMatch[] = request.references.map((r) => ({ ...r, positions: positionsFor(r) }));
        return { ok: true as const, data: { matches, storage: 'memory' as const } };
      }
      return base.send(request);
    };
    return { d: { ...base.d, send: send as unknown as ControllerDeps['send'] }, lookups };
  }

  it.each([
    ['2,001', 2_001],
    ['20,000', 20_000],
  ])(
    '%s distinct references: looked up in batches, every highlight drawn',
    async (_label, count) => {
      const registry = fakeHighlights();
      const main = document.createElement('main');
      // One sentence: amendment 1 … amendment 9999 (numbers have at most four digits), then clauses, then new clauses.
      const parts: string[] = [];
      for (let n = 1; n <= count; n++) {
        if (n <= 9_999) parts.push(`amendment ${n}`);
        else if (n <= 19_998) parts.push(`clause ${n - 9_999}`);
        else parts.push(`new clause ${n - 19_998}`);
      }
      const p = document.createElement('p');
      p.textContent = `We debate ${parts.join(', and ')}.`;
      main.append(p);
      document.body.append(main);
      const { d, lookups } = validatingDeps(() => [clause7()]);
      const controller = createController(d);
      teardowns.push(controller.teardown);
      await controller.start();
      await ready();
      expect(lookups.reduce((a, b) => a + b, 0)).toBe(count);
      expect(Math.max(...lookups)).toBeLessThanOrEqual(2_000);
      expect(Number(document.documentElement.dataset.lgaReferences)).toBe(count);
      expect(registry.get('lga-support')!.ranges).toHaveLength(count);
    },
    60_000,
  );
});
