// @vitest-environment happy-dom
/**
 * Topic links on the page: a section's paragraphs sent to the real background service (fake-indexeddb, the bundled
 * seed dataset), markers drawn in our own shadow root beside the linked paragraphs (the page's text untouched), named
 * for screen readers, opening "The LGA on this subject"; positions that reference marks already show are not repeated;
 * the setting switches them off; the panel's mention line.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createTopicHook, positionsShownIn } from '../../../src/annotate/topic-hook';
import {
  createTopicLayer,
  echoLine,
  markerName,
  markerOffset,
  rangeInText,
  speakerOf,
  TOPIC_HOST_TAG,
  type TopicMarker,
} from '../../../src/annotate/topic-layer';
import { topicParagraphs, topicsRequest } from '../../../src/annotate/topic-paragraphs';
import { createBackgroundService } from '../../../src/background/service';
import { bundledDataset } from '../../../src/dataset';
import type { BackgroundRequest, Reply, ResponseFor } from '../../../src/messaging';
import type { Briefing, MatchedPosition, Position } from '../../../src/model';
import type { Settings } from '../../../src/settings';
import { mentionLine } from '../../../src/ui/panel/TopicsView';
import { CWSB_SECOND_READING, EXTENSION, SENDERS } from '../../factories';

const _CWSB = 'childrens-wellbeing-and-schools-bill';
const context = CWSB_SECOND_READING;

const UNIFORM =
  'Parents in my constituency pay hundreds of pounds for school uniform because schools insist on branded items from one supplier. The limit on branded items will bring that cost down.';
const BREAKFAST = 'Free breakfast clubs will mean that no child starts the school day hungry, and that is welcome.';
const MENTION = 'The <em>Local Government Association</em> has briefed every Member on this, and I thank it.';
const ACT = 'The Local Government Act 2003 gave councils powers that they still use to this day in every region.';

const DEBATE = `
<div class="debate-item debate-item-contributiondebateitem"><div class="contribution">
  <div class="header"><a class="attributed-to-details"><div class="primary-text"> Jane Doe </div></a></div>
  <div class="content">
    <p class="hs_Para">${UNIFORM}</p>
    <p class="hs_Para">${BREAKFAST}</p>
  </div>
</div></div>
<div class="debate-item debate-item-contributiondebateitem"><div class="contribution">
  <div class="header"><a class="attributed-to-details"><div class="primary-text">Sam Sample</div></a></div>
  <div class="content"><p class="hs_Para">${MENTION}</p><p class="hs_Para">${ACT}</p></div>
</div></div>`;

function realSend() {
  const svc = createBackgroundService({
    indexedDB: new IDBFactory(),
    dataset: bundledDataset,
    openTimeoutMs: 500,
    extension: EXTENSION,
  });
  const sent: BackgroundRequest[] = [];
  const send = async <R extends BackgroundRequest>(request: R) => {
    sent.push(request);
    return (await svc.handle(request, SENDERS.contentScript(1))) as Reply<ResponseFor<R>>;
  };
  return { send, sent };
}

function setup(
  options: { topicLinks?: boolean; marks?: () => Array<{ range: Range; matches: MatchedPosition[] }> } = {},
) {
  document.body.innerHTML = DEBATE;
  for (const old of document.querySelectorAll(TOPIC_HOST_TAG)) old.remove();
  const settings = { topicLinks: options.topicLinks ?? true } as Settings;
  const { send, sent } = realSend();
  let refreshed = 0;
  const hook = createTopicHook({
    doc: document,
    send,
    getSettings: async () => settings,
    marks: () => options.marks?.() ?? [],
    scheme: () => 'light',
    refresh: () => {
      refreshed++;
    },
    // The layer the popover's script brings, here as the module itself.
    loadLayer: async () => createTopicLayer,
  });
  const roots = [...document.querySelectorAll('.contribution .content')];
  const section = { context, roots };
  return { hook, sent, section, refreshed: () => refreshed, paragraphs: [...document.querySelectorAll('p')] };
}

function markers() {
  return [...document.querySelectorAll(TOPIC_HOST_TAG)].flatMap((host) => [
    ...(host.shadowRoot?.querySelectorAll<HTMLButtonElement>('[data-testid="lga-topic-marker"]') ?? []),
  ]);
}

function textDigest(): string[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n.nodeValue ?? '');
  return out;
}

describe('topic markers', () => {
  it('sends the section in one request and marks only the linked paragraph, leaving the page text as it was', async () => {
    const { hook, sent, section } = setup();
    const before = textDigest();
    hook.afterSection(section, [], () => true);
    const summary = await hook.summary();
    expect(sent.filter((r) => r.type === 'topics')).toHaveLength(1);
    const found = markers();
    expect(found).toHaveLength(1);
    expect(found[0]?.dataset.paragraph).toBe('0');
    expect(found[0]?.getAttribute('aria-label')).toMatch(/^The LGA on this subject: \d+ positions?/);
    expect(hook.layer.markers[0]?.paragraph.textContent).toContain('branded items');
    expect(summary.subjects.map((s) => s.text).join(' ')).toMatch(/branded items in school uniform/);
    expect(summary.mentions).toBe(1);
    expect(summary.speakers).toEqual(['Sam Sample']);
    expect(textDigest()).toEqual(before);
    // The marker's host is the linked paragraph's first child (reading and Tab order), holding nothing but its shadow.
    const hosts = document.querySelectorAll(TOPIC_HOST_TAG);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.parentElement).toBe(hook.layer.markers[0]?.paragraph);
    expect(hosts[0]?.parentElement?.firstChild).toBe(hosts[0]);
    expect(hosts[0]?.childNodes).toHaveLength(0);
    expect(hook.layer.markers[0]?.paragraph.textContent).toBe(UNIFORM);
  });

  it('opens "The LGA on this subject" on click with the stance in words and the briefing; Escape returns focus', async () => {
    const { hook, section } = setup();
    hook.afterSection(section, [], () => true);
    await hook.summary();
    const marker = markers()[0]!;
    marker.click();
    const root = marker.getRootNode() as ShadowRoot;
    const popover = root.querySelector<HTMLElement>('[data-testid="lga-topic-popover"]')!;
    expect(popover.getAttribute('role')).toBe('dialog');
    expect(popover.textContent).toContain('The LGA on this subject');
    expect(popover.textContent).toMatch(/Supports|Concerned|Opposes|No stance stated/);
    expect(popover.textContent).toMatch(/Second Reading, 8 January 2025/);
    expect(root.activeElement).toBe(popover);
    popover.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(root.querySelector('[data-testid="lga-topic-popover"]')).toBeNull();
    expect(root.activeElement).toBe(marker);
    expect(marker.getAttribute('aria-expanded')).toBe('false');
  });

  it('does not repeat a position that a reference mark in the same paragraph already shows', async () => {
    const first = setup();
    first.hook.afterSection(first.section, [], () => true);
    const linked = (await first.hook.summary()).subjects.map((s) => s.positionId);
    expect(linked.length).toBeGreaterThan(0);
    const matches = linked.map((id) => ({ position: { id } }) as unknown as MatchedPosition);
    // A reference mark in the uniform paragraph already showing those positions.
    const second = setup({
      marks: () => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('p')!);
        return [{ range, matches }];
      },
    });
    second.hook.afterSection(second.section, [], () => true);
    await second.hook.summary();
    const summary = second.hook.layer.summary();
    expect(summary.subjects).toEqual([]);
    // (An echo of the briefing's words may still mark the paragraph: echoes are not provisions.)
    expect(second.hook.layer.markers.flatMap((m) => m.links)).toEqual([]);
  });

  it('draws nothing when switched off, removes markers when switched off, runs the page again when switched on', async () => {
    const off = setup({ topicLinks: false });
    off.hook.afterSection(off.section, [], () => true);
    await off.hook.summary();
    expect(off.sent.filter((r) => r.type === 'topics')).toHaveLength(0);
    expect(markers()).toHaveLength(0);

    const on = setup();
    on.hook.afterSection(on.section, [], () => true);
    await on.hook.summary();
    expect(markers()).toHaveLength(1);
    on.hook.settingsChanged({ topicLinks: false } as Settings);
    expect(markers()).toHaveLength(0);
    expect(on.refreshed()).toBe(0);
    on.hook.settingsChanged({ topicLinks: true } as Settings);
    expect(on.refreshed()).toBe(1);
  });

  it('closes the popover when focus moves on to the page, and takes the markers out of the paragraphs on reset', async () => {
    const { hook, section, paragraphs } = setup();
    hook.afterSection(section, [], () => true);
    await hook.summary();
    const marker = markers()[0]!;
    const root = marker.getRootNode() as ShadowRoot;
    marker.focus();
    expect(root.querySelector('[data-testid="lga-topic-popover"]')).not.toBeNull();
    // Focus into the popover keeps it open; on to the next paragraph's link closes it.
    const closeButton = root.querySelector<HTMLButtonElement>('.close')!;
    marker.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: closeButton }));
    expect(root.querySelector('[data-testid="lga-topic-popover"]')).not.toBeNull();
    const link = document.createElement('a');
    link.href = '#next';
    paragraphs[1]!.append(link);
    closeButton.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: link }));
    expect(root.querySelector('[data-testid="lga-topic-popover"]')).toBeNull();
    link.remove();
    hook.onReset();
    expect(document.querySelectorAll(TOPIC_HOST_TAG)).toHaveLength(0);
    expect(paragraphs[0]!.textContent).toBe(UNIFORM);
  });

  it('drops a reply that comes back after the page was read again', async () => {
    const { hook, section } = setup();
    let current = true;
    hook.afterSection(section, [], () => current);
    current = false;
    hook.onReset();
    await hook.summary();
    expect(markers()).toHaveLength(0);
  });

  it.each([
    ['its run still current: drawn', true, 1],
    ['its run no longer current (the hook dropped it): nothing drawn', false, 0],
  ] as const)(
    'the layer draws a reply only while the run it was given is current: %s',
    async (_name, current, drawn) => {
      const { section } = setup();
      const paragraphs = topicParagraphs(section.roots);
      const reply = await realSend().send(topicsRequest(context, paragraphs));
      if (!reply?.ok) throw new Error('the background did not answer');
      const layer = createTopicLayer({ doc: document, shownIn: () => new Set(), scheme: () => 'light' });
      await layer.draw(reply.data, paragraphs, () => current);
      expect(layer.markers).toHaveLength(drawn);
      expect(markers()).toHaveLength(drawn);
      layer.destroy();
      expect(markers()).toHaveLength(0);
    },
  );
});

describe('topic words', () => {
  const briefing = (dates: string[]): Briefing =>
    ({ house: 'commons', stage: 'second-reading', dates, heading: 'Second Reading' }) as Briefing;
  const link = (id: string) => ({
    position: { id } as Position,
    briefing: briefing([]),
    strength: 'direct' as const,
    terms: [],
  });

  it.each([
    [{ links: [link('a')], echoes: [] }, 'The LGA on this subject: 1 position'],
    [{ links: [link('a'), link('b')], echoes: [] }, 'The LGA on this subject: 2 positions'],
    [
      { links: [], echoes: [{ position: { id: 'a' } as Position, briefing: briefing(['2025-01-08']), text: '' }] },
      'The LGA on this subject: echoes the LGA briefing of 8 January 2025',
    ],
  ] as Array<[Pick<TopicMarker, 'links' | 'echoes'>, string]>)('markerName %#', (marker, name) => {
    expect(markerName(marker)).toBe(name);
  });

  // Host: the empty inline box at the start of the paragraph's first line (viewport coordinates).
  it.each([
    ['left-aligned, no indent', { left: 200, top: 100 }, { left: 200, top: 104 }, 0, { left: -30, top: -2 }],
    ['first line indented 32px', { left: 200, top: 100 }, { left: 232, top: 104 }, 0, { left: -62, top: -2 }],
    ['paragraph at the left edge', { left: 10, top: 50 }, { left: 10, top: 50 }, 0, { left: -8, top: 2 }],
    ['scrolled right, at the edge', { left: 10, top: 50 }, { left: 10, top: 50 }, 100, { left: -30, top: 2 }],
  ])('markerOffset: %s', (_name, paragraph, host, scrollX, offset) => {
    expect(markerOffset(paragraph, host, scrollX)).toEqual(offset);
  });

  it('says which briefing an echo repeats', () => {
    expect(echoLine(briefing(['2025-01-08']))).toBe('echoes the LGA briefing of 8 January 2025');
    expect(echoLine(briefing([]))).toBe('echoes the LGA briefing for Commons Second Reading');
  });

  it.each([
    [0, 'The Local Government Association has briefed every Member on this.', 'Sam Sample', 1],
    [1, 'Local Government Association', 'Sam Sample', 1],
  ])('mention line %#', (_i, _text, speaker, n) => {
    expect(mentionLine(n, [speaker])).toBe('The LGA was mentioned once on this page: by Sam Sample.');
  });

  it.each([
    [3, ['Jane Doe', 'Sam Sample'], 'The LGA was mentioned 3 times on this page: by Jane Doe and Sam Sample.'],
    [2, [], 'The LGA was mentioned 2 times on this page.'],
  ])('mentionLine(%i, %j)', (n, speakers, line) => {
    expect(mentionLine(n, speakers)).toBe(line);
  });

  it('finds a span of a paragraph across its inline elements, and who spoke it', () => {
    document.body.innerHTML = DEBATE;
    const p = document.querySelectorAll('p')[2]!;
    const start = (p.textContent ?? '').indexOf('Local Government Association');
    const range = rangeInText(document, p, start, start + 'Local Government Association'.length);
    expect(range?.toString()).toBe('Local Government Association');
    expect(speakerOf(p)).toBe('Sam Sample');
    expect(speakerOf(document.createElement('p'))).toBeNull();
  });

  it('counts positions shown by reference marks starting inside a paragraph', () => {
    document.body.innerHTML = DEBATE;
    const [p0, p1] = document.querySelectorAll('p');
    const range = document.createRange();
    range.selectNodeContents(p0!);
    const marks = [{ range, matches: [{ position: { id: 'x' } } as unknown as MatchedPosition] }];
    expect([...positionsShownIn(marks, p0!)]).toEqual(['x']);
    expect([...positionsShownIn(marks, p1!)]).toEqual([]);
  });
});
