// @vitest-environment happy-dom

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentCss } from '../../../scripts/build-highlight-css';
import {
  activeName,
  allLooks,
  createHighlighter,
  groupByLook,
  type HighlightApi,
  type HighlightEntry,
  highlightApiOf,
  highlightName,
  WRAP_TAG,
} from '../../../src/annotate/highlight';
import { createHitIndex } from '../../../src/annotate/hit-test';
import { blockChunks, groupIntoMarks, lookOf, mergeMatches } from '../../../src/annotate/marks';
import type { FoundReference, MatchedPosition, Stance } from '../../../src/model';
import { findReferences } from '../../../src/references';

/** A stand-in for `CSS.highlights` + `Highlight`, recording what is registered. */
function fakeApi() {
  const registry = new Map<string, { ranges: Range[] }>();
  const api: HighlightApi = {
    registry: {
      set: (name, value) => registry.set(name, value as { ranges: Range[] }),
      delete: (name) => registry.delete(name),
    },
    create: (ranges) => ({ ranges }),
  };
  return { api, registry };
}

function page(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html; // test fixture only
  document.body.append(root);
  return root;
}

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** A range over the first occurrence of `phrase` within one text node. */
function rangeOf(root: Node, phrase: string): Range {
  for (const node of textNodes(root)) {
    const at = node.data.indexOf(phrase);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      return range;
    }
  }
  throw new Error(`fixture: "${phrase}" not found`);
}

afterEach(() => {
  document.body.replaceChildren();
  document.head.replaceChildren();
});

describe('highlight names and grouping', () => {
  it.each<[Stance | null, boolean, string]>([
    ['support', true, 'lga-support'],
    ['support', false, 'lga-support-other'],
    ['oppose', true, 'lga-oppose'],
    ['mixed', false, 'lga-mixed-other'],
    [null, false, 'lga-detected'],
  ])('stance %s, applies %s -> %s', (stance, applies, name) => {
    expect(highlightName({ stance, applies })).toBe(name);
  });

  it('groups entries by stance and applicability, keeping their order', () => {
    const r = document.createRange();
    const entries = [
      { index: 0, range: r, stance: 'support' as const, applies: true },
      { index: 1, range: r, stance: 'support' as const, applies: false },
      { index: 2, range: r, stance: 'support' as const, applies: true },
      { index: 3, range: r, stance: 'oppose' as const, applies: true },
      { index: 4, range: r, stance: null, applies: false },
    ];
    const groups = groupByLook(entries);
    expect([...groups.keys()]).toEqual(['lga-support', 'lga-support-other', 'lga-oppose', 'lga-detected']);
    expect(groups.get('lga-support')!.map((e) => e.index)).toEqual([0, 2]);
  });

  it.each([
    [{ style: 'underline', scheme: 'light' }, 'lga-support-other'],
    [{ style: 'background', scheme: 'light' }, 'lga-support-other-bg'],
    [{ style: 'underline', scheme: 'dark' }, 'lga-support-other-dark'],
    [{ style: 'background', scheme: 'dark' }, 'lga-support-other-bg-dark'],
  ] as const)('variant %j names the look %s', (variant, name) => {
    expect(highlightName({ stance: 'support', applies: false }, variant)).toBe(name);
  });
});

describe('the content stylesheet', () => {
  const css = contentCss();
  // One rule per `selector {…}` block (the file is laid out one declaration per line).
  const rules = [...css.matchAll(/^([^\s{][^{\n]*) \{\n((?: {2}[^\n]+\n)+)\}$/gm)].map(
    (m) => `${m[1]} { ${m[2]!.trim().replace(/\n\s*/g, ' ')} }`,
  );
  const highlightRules = rules.filter((r) => r.startsWith('::highlight('));
  const ruleFor = (name: string) => highlightRules.find((r) => r.startsWith(`::highlight(${name})`)) ?? '';

  it('is the file the manifest injects (regenerate with the command below if this fails)', () => {
    // npm run css (run by npm run build) writes it.
    const file = path.resolve(import.meta.dirname, '../../../assets/public/highlights.css');
    expect(readFileSync(file, 'utf8')).toBe(css);
  });

  it('is made of whole rules only, after its header comment', () => {
    const blocks = css.split('\n}\n').length - 1;
    expect(rules).toHaveLength(blocks);
    expect(css.startsWith('/* Generated')).toBe(true);
  });

  it('targets only highlights named lga-… and our own element', () => {
    for (const rule of rules)
      expect(rule).toMatch(/^(::highlight\(lga-[a-z-]+\)|lga-ref(\[data-lga-[a-z]+(="[a-z-]+")?\])?) \{ [^{}]+ \}$/);
  });

  it('has a rule for every look in every variant, and the active highlight per scheme', () => {
    for (const style of ['underline', 'background'] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        for (const look of allLooks()) expect(ruleFor(highlightName(look, { style, scheme }))).not.toBe('');
        expect(ruleFor(activeName({ style, scheme }))).toMatch(/background-color/);
      }
    }
  });

  it.each([
    ['lga-support', /underline solid #17692f 2px/],
    ['lga-support-other', /underline dashed/],
    ['lga-detected', /underline dotted/],
    ['lga-support-dark', /underline solid #6fd38f/],
    ['lga-support-bg', /background-color: rgba\(/],
  ])('%s is drawn %s (applies, other print and detected differ by line, not colour alone)', (name, pattern) => {
    expect(ruleFor(name)).toMatch(pattern);
  });

  it('the background style tints only positions that apply', () => {
    expect(ruleFor('lga-support-other-bg')).not.toMatch(/background-color/);
  });
});

describe('highlightApiOf', () => {
  it('needs both CSS.highlights and the Highlight constructor', () => {
    expect(highlightApiOf({ CSS: { highlights: new Map() } } as never)).toBeNull();
    expect(highlightApiOf({ Highlight: class {} } as never)).toBeNull();
    expect(highlightApiOf({ CSS: { highlights: new Map() }, Highlight: class {} } as never)).not.toBeNull();
  });
});

describe('createHighlighter with the Custom Highlight API', () => {
  it('registers one highlight per look and never touches the page text', () => {
    const root = page('<p>We discuss <em>Clause 7</em> and clause 9 and amendment 12 today.</p>');
    const before = textNodes(root);
    const beforeData = before.map((n) => n.data);
    const observer = new MutationObserver(() => {});
    observer.observe(root, { childList: true, characterData: true, subtree: true });
    const { api, registry } = fakeApi();
    const h = createHighlighter(document, { style: 'underline', scheme: 'light', api });
    const entries: HighlightEntry[] = [
      { index: 0, range: rangeOf(root, 'Clause 7'), stance: 'support', applies: true },
      { index: 1, range: rangeOf(root, 'clause 9'), stance: 'support', applies: false },
      { index: 2, range: rangeOf(root, 'amendment 12'), stance: 'support', applies: true },
    ];
    h.draw(entries);
    expect(h.mode).toBe('highlight-api');
    expect([...registry.keys()].sort()).toEqual(['lga-support', 'lga-support-other']);
    expect(registry.get('lga-support')!.ranges).toEqual([entries[0]!.range, entries[2]!.range]);
    expect(root.querySelector(WRAP_TAG)).toBeNull();
    expect(textNodes(root)).toEqual(before);
    expect(textNodes(root).map((n) => n.data)).toEqual(beforeData);
    expect(observer.takeRecords()).toEqual([]);
    expect(h.textNodesChanged).toBe(0);
    expect(document.querySelector('style')).toBeNull();

    h.setActive(entries[1]!);
    expect(registry.get('lga-active')!.ranges).toEqual([entries[1]!.range]);
    expect(registry.get('lga-support')!.ranges).toEqual([entries[0]!.range, entries[2]!.range]);
    h.setActive(null);
    expect(registry.has('lga-active')).toBe(false);

    h.clear();
    expect(registry.size).toBe(0);
  });

  it('switching to a dark page or the background style re-registers under the variant names, touching no DOM', () => {
    const root = page('<p>Clause 7 and clause 9.</p>');
    const { api, registry } = fakeApi();
    const h = createHighlighter(document, { style: 'underline', scheme: 'light', api });
    const entry: HighlightEntry = { index: 0, range: rangeOf(root, 'Clause 7'), stance: 'oppose', applies: false };
    h.draw([entry]);
    h.setActive(entry);
    const html = document.documentElement.outerHTML;
    h.restyle('background', 'dark');
    expect([...registry.keys()].sort()).toEqual(['lga-active-dark', 'lga-oppose-other-bg-dark']);
    expect(document.documentElement.outerHTML).toBe(html);
  });

  it('a redraw replaces the previous highlights', () => {
    const root = page('<p>Clause 7 and clause 9.</p>');
    const { api, registry } = fakeApi();
    const h = createHighlighter(document, { style: 'underline', scheme: 'light', api });
    h.draw([{ index: 0, range: rangeOf(root, 'Clause 7'), stance: 'oppose', applies: true }]);
    h.draw([{ index: 0, range: rangeOf(root, 'clause 9'), stance: 'concern', applies: true }]);
    expect([...registry.keys()]).toEqual(['lga-concern']);
  });
});

describe('createHighlighter fallback (no Custom Highlight API)', () => {
  it('wraps each reference in <lga-ref>, keeping the text the reader sees', () => {
    const root = page('<p>We discuss <em>Clause 7</em> and clause 9 today.</p>');
    const text = root.textContent;
    const h = createHighlighter(document, { style: 'underline', scheme: 'light', api: null });
    const drawn = h.draw([
      { index: 0, range: rangeOf(root, 'Clause 7'), stance: 'support', applies: true },
      { index: 1, range: rangeOf(root, 'clause 9'), stance: 'oppose', applies: false },
    ]);
    expect(h.mode).toBe('wrap');
    const wrappers = [...root.querySelectorAll(WRAP_TAG)];
    expect(wrappers.map((w) => w.textContent)).toEqual(['Clause 7', 'clause 9']);
    expect(wrappers.map((w) => w.getAttribute('data-lga-look'))).toEqual(['lga-support', 'lga-oppose-other']);
    expect(root.textContent).toBe(text);
    expect(drawn.map((e) => e.range.toString())).toEqual(['Clause 7', 'clause 9']);
    expect(h.textNodesChanged).toBeGreaterThan(0);

    h.setActive(drawn[1]!);
    expect(wrappers[1]!.getAttribute('data-lga-active')).toBe('light');
    h.restyle('underline', 'dark');
    expect(wrappers.map((w) => w.getAttribute('data-lga-look'))).toEqual(['lga-support-dark', 'lga-oppose-other-dark']);

    h.clear();
    expect(root.querySelector(WRAP_TAG)).toBeNull();
    expect(root.textContent).toBe(text);
    expect(root.innerHTML).toBe('<p>We discuss <em>Clause 7</em> and clause 9 today.</p>');
  });

  it('wraps a reference split across elements piece by piece', () => {
    const root = page('<p>see <b>clause</b> 7 here</p>');
    const p = root.querySelector('p')!;
    const range = document.createRange();
    range.setStart(root.querySelector('b')!.firstChild!, 0);
    range.setEnd(p.lastChild!, 2);
    const h = createHighlighter(document, { style: 'underline', scheme: 'light', api: null });
    h.draw([{ index: 0, range, stance: 'mixed', applies: true }]);
    expect([...root.querySelectorAll(WRAP_TAG)].map((w) => w.textContent)).toEqual(['clause', ' 7']);
    expect(p.textContent).toBe('see clause 7 here');
  });

  it('keeps what is already wrapped on a redraw and unwraps what is gone', () => {
    const root = page('<p>Clause 7 and clause 9.</p>');
    const h = createHighlighter(document, { style: 'underline', scheme: 'light', api: null });
    const first = h.draw([{ index: 0, range: rangeOf(root, 'Clause 7'), stance: 'support', applies: true }]);
    const second = h.draw([
      first[0]!,
      { index: 1, range: rangeOf(root, 'clause 9'), stance: 'support', applies: true },
    ]);
    expect(second.map((e) => e.range.toString())).toEqual(['Clause 7', 'clause 9']);
    expect(root.querySelectorAll(WRAP_TAG)).toHaveLength(2);
    h.draw([second[1]!]);
    expect([...root.querySelectorAll(WRAP_TAG)].map((w) => w.textContent)).toEqual(['clause 9']);
    expect(root.textContent).toBe('Clause 7 and clause 9.');
  });

  it.each([
    ['CSS.highlights and Highlight present', { highlights: new Map() }, class {}, 'highlight-api'],
    ['CSS without highlights', {}, class {}, 'wrap'],
    ['no Highlight constructor', { highlights: new Map() }, undefined, 'wrap'],
  ])('detection: %s -> %s', (_name, css, highlightCtor, mode) => {
    const root = page('<p>Clause 7.</p>');
    vi.stubGlobal('CSS', css);
    vi.stubGlobal('Highlight', highlightCtor);
    try {
      // happy-dom's window is the global object: detection sees the stubs.
      const h = createHighlighter(document, { style: 'underline', scheme: 'light' });
      h.draw([{ index: 0, range: rangeOf(root, 'Clause 7'), stance: 'support', applies: true }]);
      expect(h.mode).toBe(mode);
      expect(root.querySelectorAll(WRAP_TAG)).toHaveLength(mode === 'wrap' ? 1 : 0);
      h.clear();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('marks', () => {
  function found(
    kind: FoundReference['kind'],
    number: string,
    text: string,
    start: number,
    extra: Partial<FoundReference> = {},
  ): FoundReference {
    return { kind, number, text, start, end: start + text.length, ...extra };
  }

  it('one phrase, one reference: one mark over the phrase', () => {
    expect(groupIntoMarks([found('clause', '7', 'Clause 7', 10)])).toEqual([
      { start: 10, end: 18, refs: [found('clause', '7', 'Clause 7', 10)] },
    ]);
  });

  it('a list with each number located splits into one mark per number', () => {
    const text = 'clauses 25 and 26';
    const a = found('clause', '25', text, 0, { numberStart: 8, numberEnd: 10 });
    const b = found('clause', '26', text, 0, { numberStart: 15, numberEnd: 17 });
    expect(groupIntoMarks([b, a]).map((m) => [m.start, m.end, m.refs.map((r) => r.number)])).toEqual([
      [0, 10, ['25']],
      [15, 17, ['26']],
    ]);
  });

  it('a range keeps the unwritten numbers with the first mark', () => {
    const text = 'Clauses 11 to 14';
    const refs = [
      found('clause', '11', text, 0, { numberStart: 8, numberEnd: 10 }),
      found('clause', '12', text, 0),
      found('clause', '13', text, 0),
      found('clause', '14', text, 0, { numberStart: 14, numberEnd: 16 }),
    ];
    expect(groupIntoMarks(refs).map((m) => m.refs.map((r) => r.number))).toEqual([['11', '12', '13'], ['14']]);
  });

  it.each([
    [
      'Amendments 60 to 62',
      [
        ['Amendments 60', '60'],
        [' to ', '61'],
        ['62', '62'],
      ],
    ],
    [
      'Clauses 11 to 14',
      [
        ['Clauses 11', '11'],
        [' to ', '12 13'],
        ['14', '14'],
      ],
    ],
    [
      'amendments 60 to 62 and 65',
      [
        ['amendments 60', '60'],
        [' to ', '61'],
        ['62', '62'],
        ['65', '65'],
      ],
    ],
    [
      'clauses 3A to 3C',
      [
        ['clauses 3A', '3A'],
        [' to ', '3B'],
        ['3C', '3C'],
      ],
    ],
    [
      'clauses 25 and 26',
      [
        ['clauses 25', '25'],
        ['26', '26'],
      ],
    ],
  ])('pointing at a number of `%s` shows that number, never a neighbour (the grammar’s own spans)', (text, want) => {
    const marks = groupIntoMarks(findReferences(text));
    expect(marks.map((m) => [text.slice(m.start, m.end), m.refs.map((r) => r.number).join(' ')])).toEqual(want);
  });

  it('without number positions the phrase stays one mark with every reference', () => {
    const text = 'clauses 25 and 26';
    const marks = groupIntoMarks([found('clause', '25', text, 0), found('clause', '26', text, 0)]);
    expect(marks).toHaveLength(1);
    expect(marks[0]!.refs.map((r) => r.number)).toEqual(['25', '26']);
  });

  it('blockChunks cuts only at block separators and covers the text', () => {
    const text = 'aaaa\nbbbb\ncccc\ndddd';
    const chunks = blockChunks(text, 6);
    expect(chunks.map(([s, e]) => text.slice(s, e))).toEqual(['aaaa\nbbbb\n', 'cccc\ndddd']);
    expect(blockChunks('', 10)).toEqual([]);
  });

  const m = (id: string, stance: Stance, applies: 'applies' | 'other-print') => {
    const ref = { kind: 'clause', number: '7', stance };
    return { position: { id, text: '', stance, refs: [ref] }, ref, applies } as unknown as MatchedPosition;
  };

  it.each([
    [[m('a', 'concern', 'other-print'), m('b', 'support', 'applies')], { stance: 'support', applies: true }],
    [[m('a', 'concern', 'other-print')], { stance: 'concern', applies: false }],
    [[], { stance: null, applies: false }],
  ])('lookOf %#', (matches, look) => {
    expect(lookOf(matches)).toEqual(look);
  });

  it('mergeMatches keeps each position once, applicable first', () => {
    const merged = mergeMatches([
      [m('a', 'concern', 'other-print'), m('b', 'support', 'applies')],
      [m('b', 'support', 'applies')],
    ]);
    expect(merged.map((x) => x.position.id)).toEqual(['b', 'a']);
  });
});

describe('hit-testing', () => {
  it('finds the reference under the caret, confirmed by its boxes', () => {
    const root = page('<p>Clause 7 and clause 9.</p>');
    const entries: HighlightEntry[] = [
      { index: 0, range: rangeOf(root, 'Clause 7'), stance: 'support', applies: true },
      { index: 1, range: rangeOf(root, 'clause 9'), stance: 'oppose', applies: true },
    ];
    const node = textNodes(root)[0]!;
    const boxes = new Map([
      [entries[0]!.range, [new DOMRect(10, 10, 60, 16)]],
      [entries[1]!.range, [new DOMRect(110, 10, 60, 16)]],
    ]);
    for (const e of entries) vi.spyOn(e.range, 'getClientRects').mockReturnValue(boxes.get(e.range) as never);
    // happy-dom has no caret API: give the document one for this test.
    Object.defineProperty(document, 'caretPositionFromPoint', {
      configurable: true,
      value: (x: number) => ({ offsetNode: x < 200 ? node : document.body, offset: 0 }),
    });
    const index = createHitIndex(document, entries);
    expect(index.at(20, 15)?.index).toBe(0);
    expect(index.at(150, 20)?.index).toBe(1);
    // Same text node, but the pointer is between the two references.
    expect(index.at(90, 15)).toBeNull();
    // Below the line: the caret API still names the node, the boxes say no.
    expect(index.at(20, 60)).toBeNull();
    // A node we do not know.
    expect(index.at(300, 15)).toBeNull();
    Reflect.deleteProperty(document, 'caretPositionFromPoint');
  });

  it('without a caret API, scans the cached boxes', () => {
    const root = page('<p>Clause 7 and clause 9.</p>');
    const entries: HighlightEntry[] = [
      { index: 0, range: rangeOf(root, 'Clause 7'), stance: 'support', applies: true },
      { index: 1, range: rangeOf(root, 'clause 9'), stance: 'oppose', applies: true },
    ];
    vi.spyOn(entries[0]!.range, 'getClientRects').mockReturnValue([new DOMRect(10, 10, 60, 16)] as never);
    vi.spyOn(entries[1]!.range, 'getClientRects').mockReturnValue([new DOMRect(110, 10, 60, 16)] as never);
    const index = createHitIndex(document, entries);
    expect(index.at(20, 15)?.index).toBe(0);
    expect(index.at(120, 15)?.index).toBe(1);
    expect(index.at(90, 15)).toBeNull();
  });
});
