// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPopoverHost, HOST_TAG } from '../../../src/annotate/popover/host';
import { orderPositions, Popover, popoverAnnouncement } from '../../../src/annotate/popover/Popover';
import { placePopover } from '../../../src/annotate/popover/place';
import { parseCssColour, schemeOf } from '../../../src/annotate/popover/scheme';
import type { Applicability, Briefing, MatchedPosition, Stance } from '../../../src/model';
import { makeBriefing, makeMatch, makePosition, makeRef } from '../../factories';

const TEXT =
  'The LGA welcomes the duty on councils. We support clause 7, which gives local authorities a clear role. We ask for funding to match.';
const EVIDENCE = { start: TEXT.indexOf('We support'), end: TEXT.indexOf(' We ask') };
const MENTION = { start: TEXT.indexOf('clause 7'), end: TEXT.indexOf('clause 7') + 'clause 7'.length };

/** A position on clause 7 of `b`, as a lookup answers it; another print's match says which print it is from. */
function match(
  id: string,
  stance: Stance,
  applies: Applicability,
  b: Briefing = makeBriefing(),
  text = TEXT,
): MatchedPosition {
  const ref = makeRef(text, 'clause', '7', stance, { evidence: EVIDENCE, mention: MENTION });
  return {
    ...makeMatch(makePosition(b, 0, { id, text, refs: [ref], stance }), b, applies),
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
    const m = match('p1', 'support', 'applies', makeBriefing(), short);
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
    const m = match('p1', 'support', 'applies', makeBriefing(), evil);
    m.ref = { ...m.ref, evidence: { start: 0, end: evil.length }, mention: { start: 11, end: 19 } };
    const el = mount(
      <Popover reference={{ kind: 'clause', number: '7' }} positions={[m]} onReadBriefing={noop} onClose={noop} />,
    );
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('[data-testid="lga-excerpt"]')?.textContent).toBe(evil);
  });
});

describe('Popover: compact layout, grouping and keys', () => {
  const noop = () => {};
  const other = makeBriefing({
    id: 'cwsb/lga/1',
    heading: 'Third Reading, House of Lords',
    stage: 'third-reading',
    dates: ['2016-11-23'],
  });

  it('gives each briefing’s stage and date once, however many positions it has', () => {
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '7' }}
        positions={[
          match('a', 'support', 'applies'),
          match('b', 'mixed', 'applies'),
          match('c', 'oppose', 'applies', other),
        ]}
        onReadBriefing={noop}
        onClose={noop}
      />,
    );
    expect([...el.querySelectorAll('.lga-source')].map((e) => e.textContent)).toEqual([
      'LGA briefing for House of Lords Report stage, 18 October 2016',
      'LGA briefing for House of Lords Third Reading stage, 23 November 2016',
    ]);
    expect(el.querySelectorAll('[data-testid="lga-position"]')).toHaveLength(3);
  });

  it('marks a briefing the reader added', () => {
    const mine = makeBriefing({ id: 'user:1/0', userAdded: true });
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '7' }}
        positions={[match('u', 'support', 'applies', mine)]}
        onReadBriefing={noop}
        onClose={noop}
      />,
    );
    expect(el.querySelector('[data-testid="lga-added-by"]')?.textContent).toBe(' · added by you');
    expect(el.querySelector('[data-testid="lga-summary"]')).toBeNull();
  });

  it.each([
    [false, 0],
    [true, 3],
  ])('compact %s: a one-line summary of every position before any text (%i lines)', (compact, lines) => {
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '7' }}
        positions={[
          match('a', 'support', 'applies'),
          match('b', 'mixed', 'applies'),
          match('c', 'oppose', 'applies', other),
        ]}
        onReadBriefing={noop}
        onClose={noop}
        compact={compact}
      />,
    );
    const summary = [...el.querySelectorAll('[data-testid="lga-summary"] li')].map((li) => li.textContent);
    expect(summary).toHaveLength(lines);
    if (compact) {
      expect(summary[2]).toBe('✕OpposesLords Third Reading, 23 November 2016');
      const body = el.querySelector('[data-testid="lga-popover-body"]')!;
      expect(body.firstElementChild?.getAttribute('data-testid')).toBe('lga-summary');
    }
  });

  it('shows the keys that step through the page', () => {
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '7' }}
        positions={[match('a', 'support', 'applies')]}
        onReadBriefing={noop}
        onClose={noop}
      />,
    );
    expect(el.querySelector('[data-testid="lga-shortcuts"]')?.textContent).toBe(
      'Alt+Shift+N / Alt+Shift+P: next / previous provision · Esc closes',
    );
  });

  it('labels each position by its provision when the mark stands for several (a range’s unwritten members)', () => {
    const twelve = match('p12', 'support', 'applies');
    twelve.ref = { ...twelve.ref, number: '12' };
    const thirteen = match('p13', 'oppose', 'applies');
    thirteen.ref = { ...thirteen.ref, number: '13' };
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '12' }}
        references={[
          { kind: 'clause', number: '12' },
          { kind: 'clause', number: '13' },
        ]}
        positions={[twelve, thirteen]}
        onReadBriefing={noop}
        onClose={noop}
      />,
    );
    expect(accessibleName(el.querySelector('[role="dialog"]')!)).toBe('LGA positions: Clause 12 and 13');
    expect([...el.querySelectorAll('.lga-provision')].map((e) => e.textContent)).toEqual(['Clause 12', 'Clause 13']);
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
    // The issue: directly below the reference covered the next lines being read.
    [
      'below, clear of the reference’s line and the next two, when above has no room',
      { top: 100, bottom: 120, left: 50, right: 120 },
      undefined,
      'below',
      166,
    ],
    [
      'above (lines already read) when it fits',
      { top: 700, bottom: 720, left: 50, right: 120 },
      undefined,
      'above',
      494,
    ],
    ['above before below when both fit', { top: 400, bottom: 420, left: 50, right: 120 }, undefined, 'above', 194],
    [
      'beside the paragraph when the viewport has room on its right',
      { top: 400, bottom: 420, left: 50, right: 120 },
      { left: 40, right: 560 },
      'beside',
      392,
    ],
    [
      'beside, on the left, when only the left has room',
      { top: 400, bottom: 420, left: 600, right: 660 },
      { left: 450, right: 990 },
      'beside',
      392,
    ],
    [
      'not beside when neither side has room',
      { top: 400, bottom: 420, left: 50, right: 120 },
      { left: 200, right: 800 },
      'above',
      194,
    ],
  ] as const)('%s', (_name, anchor, column, side, top) => {
    const p = placePopover(anchor, size, viewport, { lineHeight: 20, column });
    expect(p.side).toBe(side);
    expect(p.top).toBe(top);
  });

  it('beside the paragraph it covers none of the paragraph', () => {
    const column = { left: 40, right: 560 };
    const p = placePopover({ top: 400, bottom: 420, left: 50, right: 120 }, size, viewport, { column });
    expect(p.left).toBeGreaterThanOrEqual(column.right);
  });

  const viewports = [
    { width: 1366, height: 800 },
    { width: 800, height: 800 },
    { width: 683, height: 400 }, // 1366×800 at 200 % zoom
  ];
  const anchors = [
    { top: 100, bottom: 120, left: 50, right: 120 },
    { top: 300, bottom: 322, left: 300, right: 380 },
    { top: 700, bottom: 720, left: 600, right: 680 },
    { top: 390, bottom: 410, left: 10, right: 40 },
    { top: 20, bottom: 40, left: 10, right: 40 },
  ];
  const cases = viewports.flatMap((v) => anchors.filter((a) => a.bottom < v.height).map((a) => [v, a] as const));
  it.each(cases)('in %j never covers the reference %j, its line or the next two lines', (vp, anchor) => {
    const line = anchor.bottom - anchor.top;
    const p = placePopover(anchor, { width: Math.min(400, vp.width - 16), height: 500 }, vp, { lineHeight: line });
    const bottom = p.top + Math.min(500, p.maxHeight);
    const guardTop = anchor.top;
    const guardBottom = anchor.bottom + 2 * line;
    expect(p.top < guardBottom && bottom > guardTop).toBe(false);
    expect(p.left).toBeGreaterThanOrEqual(8);
    expect(p.left + Math.min(400, vp.width - 16)).toBeLessThanOrEqual(vp.width - 8);
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

  /** The host places the card and moves focus into it in the frame after `show`. */
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  it('moves focus into the dialog when opened by keyboard and gives it back when hidden', async () => {
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
    await nextFrame();
    expect(host.shadow.activeElement).toBe(dialog);
    expect(dialog.style.position === '' || dialog.style.position === 'fixed').toBe(true);
    host.hide();
    expect(host.shadow.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(button);
    host.destroy();
    button.remove();
  });

  it('lays out, places and focuses the card in the frame after show, never inside the reader’s key press', async () => {
    const measured = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    const host = createPopoverHost(document, 'light');
    host.show({
      reference: { kind: 'clause', number: '7' },
      positions: [match('p1', 'support', 'applies'), match('p2', 'oppose', 'applies'), match('p3', 'mixed', 'applies')],
      anchor: anchor(),
      focus: true,
      onReadBriefing: () => {},
      onClose: () => {},
    });
    const dialog = host.shadow.querySelector('[role="dialog"]') as HTMLElement;
    expect(measured).not.toHaveBeenCalled();
    expect(dialog.style.top).toBe('');
    expect(dialog.hasAttribute('data-placing')).toBe(true);
    expect(host.shadow.activeElement).toBeNull();
    await nextFrame();
    expect(measured).toHaveBeenCalled();
    expect(dialog.style.top).toMatch(/px$/);
    expect(dialog.hasAttribute('data-placing')).toBe(false);
    expect(host.shadow.activeElement).toBe(dialog);
    // happy-dom lays nothing out: every position counts as below the body's bottom edge.
    await nextFrame();
    expect(host.shadow.querySelector('[data-testid="lga-more"]')?.textContent).toMatch(/^3 more positions/);
    measured.mockRestore();
    host.destroy();
  });

  it('closed before its frame, the card is neither placed nor focused', async () => {
    const host = createPopoverHost(document, 'light');
    host.show({
      reference: { kind: 'clause', number: '7' },
      positions: [match('p1', 'support', 'applies')],
      anchor: anchor(),
      focus: true,
      onReadBriefing: () => {},
      onClose: () => {},
    });
    host.hide();
    await nextFrame();
    expect(host.shadow.querySelector('[role="dialog"]')).toBeNull();
    expect(host.shadow.activeElement).toBeNull();
    host.destroy();
  });

  it('keeps Tab inside the dialog until it closes', () => {
    const host = createPopoverHost(document, 'light');
    host.show({
      reference: { kind: 'clause', number: '7' },
      positions: [match('p1', 'support', 'applies')],
      anchor: anchor(),
      focus: true,
      onReadBriefing: () => {},
      onClose: () => {},
    });
    const dialog = host.shadow.querySelector('[role="dialog"]') as HTMLElement;
    const buttons = [...dialog.querySelectorAll('button')];
    const last = buttons.at(-1)!;
    last.focus();
    last.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true, cancelable: true }));
    expect(dialog.contains(host.shadow.activeElement)).toBe(true);
    expect(host.shadow.activeElement).not.toBe(last);
    host.destroy();
  });

  it('after closing, gives focus to the reference’s paragraph when nothing had it before', async () => {
    const para = document.createElement('p');
    para.textContent = 'We support clause 7 here.';
    document.body.append(para);
    const range = document.createRange();
    range.setStart(para.firstChild!, 11);
    range.setEnd(para.firstChild!, 19);
    (document.activeElement as HTMLElement | null)?.blur();
    const host = createPopoverHost(document, 'light');
    host.show({
      reference: { kind: 'clause', number: '7' },
      positions: [match('p1', 'support', 'applies')],
      anchor: anchor(),
      range,
      focus: true,
      onReadBriefing: () => {},
      onClose: () => {},
    });
    await nextFrame();
    host.hide();
    expect(document.activeElement).toBe(para);
    host.destroy();
    para.remove();
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
