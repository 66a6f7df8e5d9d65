// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDrawing } from '../../../src/annotate/drawing';
import type { Mark } from '../../../src/annotate/marks';
import { createListeners, type PageInputHandlers } from '../../../src/annotate/page-input';
import type { ColourScheme } from '../../../src/model';
import { type Settings, withDefaults } from '../../../src/settings-defaults';
import { makeBriefing, makeMatch, makePosition } from '../../factories';

const BRIEFING = makeBriefing();
const POSITIONS = withDefaults(null);
const cleanups: Array<() => void> = [];
const ALL = { ...POSITIONS, highlightMode: 'all' } as const;

function fakeHighlights() {
  const registry = new Map<string, { ranges: Range[] }>();
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal(
    'Highlight',
    class {
      ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    },
  );
  return registry;
}

/** "Clause 7" with a position, "clause 9" without; a drawing over them with the given settings. */
function page(initial: Settings | null, withPosition = [true, false]) {
  const registry = fakeHighlights();
  const p = document.createElement('p');
  p.textContent = 'I rise to speak to Clause 7 and to clause 9.';
  document.body.append(p);
  const text = p.firstChild as Text;
  const marks = ['Clause 7', 'clause 9']
    .map((words) => [text.data.indexOf(words), text.data.indexOf(words) + words.length])
    .map(([start, end], index): Mark => {
      const range = document.createRange();
      range.setStart(text, start!);
      range.setEnd(text, end!);
      const matches = withPosition[index] ? [makeMatch(makePosition(BRIEFING, 0), BRIEFING)] : [];
      return {
        index,
        section: 0,
        range,
        refs: [],
        matches,
        more: 0,
        stance: matches.length ? 'support' : null,
        applies: matches.length > 0,
      };
    });
  let settings = initial;
  let scheme: ColourScheme = 'light';
  const schemeReads: ColourScheme[] = [];
  const observer: string[] = [];
  const listeners = createListeners(
    undefined,
    () => {},
    () => true,
  );
  const input = { schemeChanged: () => {} } as PageInputHandlers;
  const drawing = createDrawing({
    doc: document,
    listeners,
    input,
    settings: () => settings,
    scheme: () => {
      schemeReads.push(scheme);
      return scheme;
    },
    lateContent: { pause: () => observer.push('pause'), watch: () => observer.push('watch') },
  });
  const drawn = () => [...registry].flatMap(([name, h]) => h.ranges.map((r) => `${name}: ${r.toString()}`)).sort();
  return {
    marks,
    drawing,
    drawn,
    listeners,
    schemeReads,
    observer,
    set: (next: Settings) => {
      settings = next;
    },
    setScheme: (next: ColourScheme) => {
      scheme = next;
    },
  };
}

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('drawing the run’s marks', () => {
  it.each([
    [
      'before the settings are read: nothing drawn (a mark with a position counts as shown)',
      null,
      [true, false],
      [],
      ['Clause 7'],
    ],
    ['no mark with a position: nothing made, nothing listened to', POSITIONS, [false, false], [], []],
    ['a mark with a position: drawn, and only it', POSITIONS, [true, false], ['lga-support: Clause 7'], ['Clause 7']],
    [
      'mode all: every mark drawn',
      ALL,
      [true, false],
      ['lga-detected: clause 9', 'lga-support: Clause 7'],
      ['Clause 7', 'clause 9'],
    ],
    [
      'mode all with no position: the detected ones drawn',
      ALL,
      [false, false],
      ['lga-detected: Clause 7', 'lga-detected: clause 9'],
      ['Clause 7', 'clause 9'],
    ],
  ] as const)('%s', (_name, settings, withPosition, expected, shown) => {
    const p = page(settings, [...withPosition]);
    expect(p.drawing.shown(p.marks).map((m) => m.range.toString())).toEqual(shown);
    p.drawing.draw(p.marks);
    expect(p.drawn()).toEqual(expected);
    const made = expected.length > 0;
    expect(p.drawing.highlighter !== null).toBe(made);
    expect(p.drawing.hit?.size ?? 0).toBe(expected.length);
    // The highlighter reads the page's colour scheme, and the reader's input is listened to, only once a mark shows.
    expect(p.schemeReads.length > 0).toBe(made);
    expect(p.listeners.size > 0).toBe(made);
    // The observer of late content does not see our own drawing.
    expect(p.observer).toEqual(made ? ['pause', 'watch'] : []);
  });

  it('restyles in place with the settings and colour scheme now', () => {
    const p = page(POSITIONS);
    p.drawing.restyle();
    p.drawing.draw(p.marks);
    p.set({ ...POSITIONS, highlightStyle: 'background' });
    p.drawing.restyle();
    expect(p.drawn()).toEqual(['lga-support-bg: Clause 7']);
    p.setScheme('dark');
    p.drawing.restyle();
    expect(p.drawn()).toEqual(['lga-support-bg-dark: Clause 7']);
  });

  it('clears what it drew for a new run, keeping the reader’s input wired once', () => {
    const p = page(POSITIONS);
    p.drawing.draw(p.marks);
    const listening = p.listeners.size;
    p.drawing.clear();
    expect(p.drawn()).toEqual([]);
    expect([p.drawing.highlighter, p.drawing.hit]).toEqual([null, null]);
    p.drawing.draw(p.marks);
    expect(p.drawn()).toEqual(['lga-support: Clause 7']);
    expect(p.listeners.size).toBe(listening);
  });
});
