// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { orderPositions, Popover } from '../../../src/annotate/popover/Popover';
import type { MatchedPosition } from '../../../src/model';
import { makeBriefing, makeMatch, makePosition } from '../../factories';

const lga = makeBriefing({ source: 'lga.txt' });
const other = makeBriefing({ source: 'lga-other.txt', order: 1, stage: 'committee' });
const mine = makeBriefing({ source: 'mine.txt', userAdded: true, id: 'user:cwsb/mine/0' });

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
});

const noop = () => {};

describe('the reader’s own positions in the popover', () => {
  const planted = makeMatch(makePosition(mine, 0, { text: 'Opposes clause 7.', stance: 'oppose' }), mine, 'applies');
  const lgaOther = makeMatch(makePosition(other, 0), other, 'other-print');
  const lgaApplies = makeMatch(makePosition(lga, 0), lga, 'applies');

  it('orders the LGA’s own first, whatever applies, then the reader’s', () => {
    expect(orderPositions([planted, lgaOther, lgaApplies]).map((m) => m.briefing.source)).toEqual([
      'lga.txt',
      'lga-other.txt',
      'mine.txt',
    ]);
  });

  it('labels a position the reader added, and only that one', () => {
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '7' }}
        positions={[planted, lgaApplies]}
        onReadBriefing={noop}
        onClose={noop}
      />,
    );
    const items = [...el.querySelectorAll('[data-testid=lga-position]')];
    expect(items.map((item) => /added by you/.test(item.textContent ?? ''))).toEqual([false, true]);
  });
});

describe('a provision with more positions than a reply carries', () => {
  it('renders what the background sent and counts what it left out', () => {
    const huge = makeBriefing({ source: 'huge.txt', userAdded: true });
    // What a bounded lookup sends for the 21,001-bullet briefing: three of its positions, and the rest counted.
    const positions: MatchedPosition[] = [0, 1, 2].map((i) => makeMatch(makePosition(huge, i), huge));
    const el = mount(
      <Popover
        reference={{ kind: 'clause', number: '7' }}
        positions={positions}
        omitted={20_998}
        onReadBriefing={noop}
        onClose={noop}
      />,
    );
    expect(el.querySelectorAll('[data-testid=lga-position]')).toHaveLength(3);
    expect(el.querySelector('[data-testid=lga-omitted]')?.textContent).toMatch(/^20998 more in the side panel\./);
    expect(el.querySelectorAll('*').length).toBeLessThan(150);
  });

  it('says nothing of more when nothing was left out', () => {
    const one = [makeMatch(makePosition(lga, 0), lga)];
    const el = mount(
      <Popover reference={{ kind: 'clause', number: '7' }} positions={one} onReadBriefing={noop} onClose={noop} />,
    );
    expect(el.querySelector('[data-testid=lga-omitted]')).toBeNull();
  });
});
