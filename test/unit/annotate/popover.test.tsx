// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPopoverHost, HOST_TAG } from '../../../src/annotate/popover/host';
import { orderPositions, Popover, popoverAnnouncement } from '../../../src/annotate/popover/Popover';
import { placePopover } from '../../../src/annotate/popover/place';
import { parseCssColour, schemeOf } from '../../../src/annotate/popover/scheme';
import type { Applicability, Briefing, MatchedPosition, Stance } from '../../../src/model';

const TEXT =
  'The LGA welcomes the duty on councils. We support clause 7, which gives local authorities a clear role. We ask for funding to match.';
const EVIDENCE = { start: TEXT.indexOf('We support'), end: TEXT.indexOf(' We ask') };
const MENTION = { start: TEXT.indexOf('clause 7'), end: TEXT.indexOf('clause 7') + 'clause 7'.length };

function briefing(overrides: Partial<Briefing> = {}): Briefing {
  return {
    id: 'cwsb/lga/0',
    billId: 'cwsb',
    source: 'lga.txt',
    heading: 'Report Stage, House of Lords, 18 October 2016',
    house: 'lords',
    stage: 'report',
    stageDetail: null,
    dates: ['2016-10-18'],
    order: 0,
    line: 1,
    userAdded: false,
    ...overrides,
  };
}

function match(
  id: string,
  stance: Stance,
  applies: Applicability,
  b: Briefing = briefing(),
  text = TEXT,
): MatchedPosition {
  const ref = {
    kind: 'clause' as const,
    number: '7',
    stance,
    cue: null,
    decidedBy: [],
    evidence: EVIDENCE,
    mention: MENTION,
  };
  return {
    position: {
      id,
      billId: 'cwsb',
      briefingId: b.id,
      text,
      part: 'key-messages',
      subheading: null,
      line: 3,
      refs: [ref],
      stance,
      cue: null,
      decidedBy: [],
      caveat: null,
    },
    briefing: b,
    ref,
    applies,
    print: applies === 'applies' ? 'this' : 'earlier',
    reason: applies === 'applies' ? 'same print' : 'numbered for Lords Report, 18 October 2016',
  };
}

let container: HTMLElement | null = null;
function mount(node: preact.ComponentChild): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}
afterEach(() => {
  if (container) {
    render(null, container);
    container.remove();
    container = null;
  }
  document.documentElement.querySelector(HOST_TAG)?.remove();
});

function accessibleName(dialog: Element): string {
  const id = dialog.getAttribute('aria-labelledby');
  return id ? (dialog.querySelector(`#${id}`)?.textContent ?? '') : (dialog.getAttribute('aria-label') ?? '');
}

describe('Popover', () => {
  const noop = () => {};

  it('is a dialog named after the reference', () => {
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '7' }}
        positions={[match('p1', 'support', 'applies')]}
        onReadBriefing={noop}
        onClose={noop}
      />,
    );
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog).not.toBeNull();
    expect(accessibleName(dialog)).toBe('LGA position: Clause 7');
  });

  it.each<[Stance, string]>([
    ['support', 'Supports'],
    ['mixed', 'Supports with reservations'],
    ['concern', 'Concerned'],
    ['oppose', 'Opposes'],
    ['neutral', 'No stance stated'],
  ])('says the stance %s in words: "%s"', (stance, words) => {
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '7' }}
        positions={[match('p1', stance, 'applies')]}
        onReadBriefing={noop}
        onClose={noop}
      />,
    );
    expect(el.querySelector('.lga-stance-words')?.textContent).toBe(words);
  });

  it('shows the sentence carrying the reference with the reference marked, not the whole bullet', () => {
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '7' }}
        positions={[match('p1', 'support', 'applies')]}
        onReadBriefing={noop}
        onClose={noop}
      />,
    );
    const excerpt = el.querySelector('[data-testid="lga-excerpt"]')!;
    expect(excerpt.querySelector('mark')?.textContent).toBe('clause 7');
    expect(excerpt.textContent).toBe('We support clause 7, which gives local authorities a clear role.');
  });

  it('expands to the whole key message and back', async () => {
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '7' }}
        positions={[match('p1', 'support', 'applies')]}
        onReadBriefing={noop}
        onClose={noop}
      />,
    );
    const button = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Show the whole key message')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(el.querySelector('[data-testid="lga-excerpt"]')?.textContent).toBe(TEXT);
    expect(el.querySelector('[data-testid="lga-excerpt"] mark')?.textContent).toBe('clause 7');
    const less = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Show less')!;
    expect(less.getAttribute('aria-expanded')).toBe('true');
  });

  it('has no expand button when the sentence is the whole bullet', () => {
    const short = 'We support clause 7.';
    const m = match('p1', 'support', 'applies', briefing(), short);
    m.ref = { ...m.ref, evidence: { start: 0, end: short.length }, mention: { start: 11, end: 19 } };
    const el = mount(
      <Popover reference={{ kind: 'clause', number: '7' }} positions={[m]} onReadBriefing={noop} onClose={noop} />,
    );
    expect([...el.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Show the whole key message');
  });

  it('gives the briefing house, stage and date', () => {
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '7' }}
        positions={[match('p1', 'support', 'applies')]}
        onReadBriefing={noop}
        onClose={noop}
      />,
    );
    expect(el.querySelector('.lga-source')?.textContent).toBe(
      'LGA briefing for House of Lords Report stage, 18 October 2016',
    );
  });

  it('warns in plain words for a position numbered for another print, and only for it', () => {
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '7' }}
        positions={[match('p-other', 'concern', 'other-print'), match('p-here', 'support', 'applies')]}
        onReadBriefing={noop}
        onClose={noop}
      />,
    );
    const items = [...el.querySelectorAll('[data-testid="lga-position"]')];
    expect(items.map((i) => i.getAttribute('data-applies'))).toEqual(['applies', 'other-print']);
    expect(items[0]!.querySelector('[data-testid="lga-other-print"]')).toBeNull();
    expect(items[1]!.querySelector('[data-testid="lga-other-print"]')?.textContent).toBe(
      '⚠ Numbered for Lords Report, 18 October 2016. The bill has been reprinted since: clause 7 there may be a different clause here.',
    );
  });

  it('calls onReadBriefing synchronously inside the click, with the position clicked', () => {
    const onRead = vi.fn();
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '7' }}
        positions={[match('p1', 'support', 'applies')]}
        onReadBriefing={onRead}
        onClose={noop}
      />,
    );
    el.querySelector<HTMLButtonElement>('[data-testid="lga-read-briefing"]')!.click();
    expect(onRead).toHaveBeenCalledTimes(1);
    expect(onRead.mock.calls[0]![0].position.id).toBe('p1');
  });

  it('renders dataset text as text, never as markup', () => {
    const evil = 'We support clause 7 <img src=x onerror=alert(1)>.';
    const m = match('p1', 'support', 'applies', briefing(), evil);
    m.ref = { ...m.ref, evidence: { start: 0, end: evil.length }, mention: { start: 11, end: 19 } };
    const el = mount(
      <Popover reference={{ kind: 'clause', number: '7' }} positions={[m]} onReadBriefing={noop} onClose={noop} />,
    );
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('[data-testid="lga-excerpt"]')?.textContent).toBe(evil);
  });
});

describe('ordering and announcement', () => {
  it('puts applicable positions first and keeps the ranking within each group', () => {
    const ordered = orderPositions([
      match('o1', 'concern', 'other-print'),
      match('a1', 'support', 'applies'),
      match('o2', 'oppose', 'other-print'),
      match('a2', 'mixed', 'applies'),
    ]);
    expect(ordered.map((m) => m.position.id)).toEqual(['a1', 'a2', 'o1', 'o2']);
  });

  it('announces the title, the stance in words and the sentence', () => {
    expect(popoverAnnouncement({ kind: 'clause', number: '7' }, [match('a', 'mixed', 'applies')])).toBe(
      'LGA position: Clause 7. Supports with reservations. We support clause 7, which gives local authorities a clear role.',
    );
  });
});

describe('placePopover', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 400, height: 200 };
  it.each([
    ['below when there is room', { top: 100, bottom: 120, left: 50, right: 120 }, 'below', 126],
    ['above when there is no room below', { top: 700, bottom: 720, left: 50, right: 120 }, 'above', 494],
  ])('%s', (_name, anchor, side, top) => {
    const p = placePopover(anchor, size, viewport);
    expect(p.side).toBe(side);
    expect(p.top).toBe(top);
  });

  it.each([
    { top: 100, bottom: 120, left: 50, right: 120 },
    { top: 700, bottom: 720, left: 900, right: 980 },
    { top: 390, bottom: 410, left: 10, right: 40 },
  ])('never covers the reference %j', (anchor) => {
    const p = placePopover(anchor, { width: 400, height: 500 }, viewport);
    const bottom = p.top + Math.min(500, p.maxHeight);
    const overlaps = p.top < anchor.bottom && bottom > anchor.top;
    expect(overlaps).toBe(false);
    expect(p.left).toBeGreaterThanOrEqual(8);
    expect(p.left + 400).toBeLessThanOrEqual(992);
  });
});

describe('colour scheme', () => {
  it.each([
    [['rgb(255, 255, 255)'], 'normal', true, 'light'],
    [['rgb(20, 20, 24)'], 'normal', false, 'dark'],
    [['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], 'light dark', true, 'dark'],
    [['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], 'light dark', false, 'light'],
    [['rgba(0, 0, 0, 0)'], 'normal', true, 'light'],
    [['rgba(0, 0, 0, 0)'], 'dark', false, 'dark'],
  ] as const)('backgrounds %j, color-scheme %s, system dark %s -> %s', (bgs, cs, dark, expected) => {
    expect(schemeOf(bgs, cs, dark)).toBe(expected);
  });

  it.each([
    ['rgb(1, 2, 3)', [1, 2, 3, 1]],
    ['rgba(1, 2, 3, 0.5)', [1, 2, 3, 0.5]],
    ['rgb(1 2 3 / 50%)', [1, 2, 3, 0.5]],
    ['transparent', null],
  ])('parseCssColour(%s)', (value, expected) => {
    expect(parseCssColour(value)).toEqual(expected);
  });
});

describe('popover host', () => {
  function anchor() {
    return { top: 100, bottom: 120, left: 40, right: 100 };
  }

  it('lives in one open shadow root on <html>', () => {
    const host = createPopoverHost(document, 'light');
    expect(host.element.localName).toBe(HOST_TAG);
    expect(host.element.parentElement).toBe(document.documentElement);
    expect(host.element.shadowRoot).toBe(host.shadow);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    host.destroy();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('moves focus into the dialog when opened by keyboard and gives it back when hidden', () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    const host = createPopoverHost(document, 'dark');
    host.show({
      reference: { kind: 'clause', number: '7' },
      positions: [match('p1', 'support', 'applies')],
      anchor: anchor(),
      focus: true,
      onReadBriefing: () => {},
      onClose: () => {},
    });
    const dialog = host.shadow.querySelector('[role="dialog"]') as HTMLElement;
    expect(host.shadow.activeElement).toBe(dialog);
    expect(dialog.style.position === '' || dialog.style.position === 'fixed').toBe(true);
    host.hide();
    expect(host.shadow.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(button);
    host.destroy();
    button.remove();
  });

  it('announces through a polite live region when opened by hover, without taking focus', () => {
    const host = createPopoverHost(document, 'light');
    host.show({
      reference: { kind: 'clause', number: '7' },
      positions: [match('p1', 'oppose', 'applies')],
      anchor: anchor(),
      focus: false,
      onReadBriefing: () => {},
      onClose: () => {},
    });
    const live = host.shadow.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toMatch(/^LGA position: Clause 7\. Opposes\./);
    expect(host.shadow.activeElement).toBeNull();
    host.hide();
    expect(live.textContent).toBe('');
    host.destroy();
  });
});
