/**
 * Topic links on the page (issue 14), drawn: the content script's topic hook (topic-hook.ts) sends a section's
 * contribution paragraphs to the background in one `topics` request and hands the reply here when it has something to
 * draw. This module is not in the content script: it comes with the popover's script (entrypoints/popover.ts), run in
 * the page's frame when a reply first names a paragraph (most pages have no topic links).
 *
 * - A marker in the margin of each paragraph linked to (or echoing) an LGA position: a button in a shadow root whose
 *   host is the paragraph's first child (an empty inline element: no text node of the page is touched, and its lines
 *   lay out as before). So the marker is met in reading order and Tab order with its paragraph, and flows with it when
 *   the page's layout changes. Its name says what it opens ("The LGA on this subject: 2 positions"); hover (after a
 *   dwell), focus or click opens a popover "The LGA on this subject" (in the top layer, after the marker in Tab order)
 *   with each position's stance in words, its text, its briefing's stage and date, and any echo ("echoes the LGA
 *   briefing of 8 January 2025"). Escape closes it and gives focus back to the marker; focus moving on closes it.
 * - LGA mentions: ranges in the `lga-topic-mention` highlight (CSS Custom Highlight API; styled in the generated
 *   highlight stylesheet). Where the API is missing they are listed, not drawn: we never split the page's text.
 *
 * What tests can rely on: an `lga-topic-marker` host first in each marked paragraph, with an open shadow root holding
 * its `[data-testid="lga-topic-marker"]` button (`data-paragraph`: the paragraph's index in the section's request) and,
 * when open, `[data-testid="lga-topic-popover"]` with `[data-testid="lga-topic-position"]` items; `<html
 * data-lga-topics="N">`: markers drawn.
 */
import type { PageTopicsSummary, TopicsReply } from '../messaging';
import type { Briefing, Position } from '../model';
import { stanceForPosition } from '../stance/shown';
import type { TextSpan } from '../topics';
import { STANCE_COLOUR, STANCE_GLYPH, STANCE_LABEL } from '../ui/shared/stance';
import { briefingLabel, formatDates } from '../vocabulary';
import { highlightApiOf, TOPIC_MENTION_HIGHLIGHT } from './highlight';
import { TOPIC_HOST_TAG } from './late-content';
import { clock, runInSlices, timed } from './slices';
import { markTopicCounts, type TopicParagraph, withoutShownPositions } from './topic-paragraphs';

export { TOPIC_HOST_TAG };

/** Dwell before hover opens a marker's popover, and grace before leaving closes it. */
const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 300;
const MARKER_SIZE = 22;
const POPOVER_WIDTH = 340;

export interface TopicLayerDeps {
  doc: Document;
  /** Position ids that reference marks inside this paragraph already show (numbered references keep priority). */
  shownIn(paragraph: Element): ReadonlySet<string>;
  /** The colour scheme of the page now. */
  scheme(): 'light' | 'dark';
  log?(message: string, error?: unknown): void;
  /** Main-thread time spent in each synchronous step and slice (the benchmark sums it). */
  onBusy?(ms: number): void;
}

/** One paragraph's marker: what it links to, for the popover and the side panel. */
export interface TopicMarker {
  paragraph: Element;
  /** Index in its section's request (tests and the panel name it so). */
  index: number;
  links: Array<{ position: Position; briefing: Briefing; strength: 'direct' | 'related'; terms: string[] }>;
  echoes: Array<{ position: Position; briefing: Briefing; text: string }>;
}

export interface TopicMention {
  paragraph: Element;
  text: string;
  /** The speaker, where the page says who spoke (Hansard's contribution header). */
  speaker: string | null;
}

export interface TopicSummary {
  /** Positions linked on this page, each once, in page order, with how many paragraphs link to it. */
  subjects: Array<{ position: Position; briefing: Briefing; paragraphs: number }>;
  mentions: TopicMention[];
}

export interface TopicLayer {
  /**
   * Draws a section's reply over the paragraphs its request was read from, while `isCurrent()`, leaving out positions
   * that reference marks in the same paragraph already show. `isCurrent()` is the caller's one notion of a current run
   * (topic-hook.ts): it turns false before the caller resets or destroys the layer, so a draw never outlives its run.
   */
  draw(reply: TopicsReply, paragraphs: readonly TopicParagraph[], isCurrent: () => boolean): Promise<void>;
  /** Drops markers, mentions and the popover (a new run, or links switched off). */
  reset(): void;
  summary(): TopicSummary;
  /** The summary as the side panel lists it. */
  pageSummary(): PageTopicsSummary;
  readonly markers: readonly TopicMarker[];
  destroy(): void;
}

/** `The LGA on this subject: 2 positions` (and its echoes). */
export function markerName(marker: Pick<TopicMarker, 'links' | 'echoes'>): string {
  const parts: string[] = [];
  const n = new Set(marker.links.map((l) => l.position.id)).size;
  if (n) parts.push(`${n} position${n === 1 ? '' : 's'}`);
  for (const echo of marker.echoes) parts.push(echoLine(echo.briefing));
  return `The LGA on this subject: ${[...new Set(parts)].join('; ')}`;
}

/** `echoes the LGA briefing of 8 January 2025` (the briefing's stage when it has no date). */
export function echoLine(briefing: Briefing): string {
  return briefing.dates.length
    ? `echoes the LGA briefing of ${formatDates(briefing.dates)}`
    : `echoes the LGA briefing for ${briefingLabel(briefing)}`;
}

/** The reply's paragraphs as markers (links or echoes) and mentions, positions resolved. */
export function markersOf(
  reply: TopicsReply,
  paragraphs: readonly TopicParagraph[],
): { markers: TopicMarker[]; mentions: Array<{ paragraph: Element; spans: TextSpan[] }> } {
  const byId = new Map(reply.positions.map((p) => [p.position.id, p]));
  const markers: TopicMarker[] = [];
  const mentions: Array<{ paragraph: Element; spans: TextSpan[] }> = [];
  for (const p of reply.paragraphs) {
    const paragraph = paragraphs[p.index]?.element;
    if (!paragraph) continue;
    if (p.lgaMentions.length) mentions.push({ paragraph, spans: p.lgaMentions });
    const links = p.links.flatMap((l) => {
      const found = byId.get(l.positionId);
      return found ? [{ ...found, strength: l.strength, terms: l.terms }] : [];
    });
    const echoes = p.echoes.flatMap((e) => {
      const found = byId.get(e.positionId);
      return found ? [{ ...found, text: e.quote }] : [];
    });
    if (links.length || echoes.length) markers.push({ paragraph, index: p.index, links, echoes });
  }
  return { markers, mentions };
}

/** A range over `[start, end)` of an element's `textContent`, or null when the text moved. */
export function rangeInText(doc: Document, element: Element, start: number, end: number): Range | null {
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let offset = 0;
  let range: Range | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (!range && start < offset + length) {
      range = doc.createRange();
      range.setStart(node, start - offset);
    }
    if (range && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}

/** Hansard writes the speaker's name in the contribution's header, just before its paragraphs. */
export function speakerOf(paragraph: Element): string | null {
  const contribution = paragraph.closest('.contribution, .debate-item-contributiondebateitem, [data-speaker]');
  const named = contribution?.getAttribute('data-speaker');
  if (named) return named.trim();
  const header = contribution?.querySelector('.primary-text, .attributed-to-details .name, .speaker');
  const name = header?.textContent?.replace(/\s+/g, ' ').trim();
  return name || null;
}

const CSS = `
:host { all: initial; position: relative; }
.marker {
  position: absolute; top: 0; left: -${MARKER_SIZE + 8}px; width: ${MARKER_SIZE}px; height: ${MARKER_SIZE}px;
  padding: 0; margin: 0; border: 1px solid var(--lga-topic-ink); border-radius: 50%; background: var(--lga-topic-bg);
  color: var(--lga-topic-ink); font: 600 12px/1 system-ui, sans-serif; cursor: pointer; user-select: none;
  z-index: 1;
}
.marker:focus-visible { outline: 3px solid var(--lga-topic-focus); outline-offset: 2px; }
.popover {
  position: absolute; inset: auto; margin: 0; box-sizing: border-box; width: ${POPOVER_WIDTH}px; max-height: 60vh;
  overflow: auto; padding: 10px 12px; border: 1px solid var(--lga-topic-ink); border-radius: 6px;
  background: var(--lga-topic-bg); color: var(--lga-topic-text); font: 14px/1.4 system-ui, sans-serif;
  box-shadow: 0 4px 16px rgba(0,0,0,0.25); z-index: 2147483646; user-select: text;
}
.popover h2 { font-size: 15px; margin: 0 0 6px; }
.popover ul { list-style: none; margin: 0; padding: 0; }
.popover li { margin: 0 0 8px; }
.stance { font-weight: 600; }
.meta, .echo { font-size: 12.5px; }
.close { float: right; border: none; background: none; color: inherit; font-size: 16px; cursor: pointer; }
.close:focus-visible { outline: 3px solid var(--lga-topic-focus); }
`;

const SCHEME = {
  light: { bg: '#ffffff', text: '#1b1b1b', ink: '#1f4f8f', focus: '#1f5fbf' },
  dark: { bg: '#1e1e1e', text: '#f0f0f0', ink: '#8ab4f8', focus: '#8ab4f8' },
} as const;

/**
 * Where a marker's button goes, relative to its host (the paragraph's first child, an empty inline box at the start
 * of its first line): in the paragraph's left margin, level with its first line, whatever the paragraph's indent or
 * alignment; never off the page's left edge. Pure arithmetic on rects read in one batch.
 */
export function markerOffset(
  paragraph: { left: number; top: number },
  host: { left: number; top: number },
  scrollX: number,
): { left: number; top: number } {
  const left = Math.max(2 - (host.left + scrollX), paragraph.left - host.left - MARKER_SIZE - 8);
  return { left: Math.round(left), top: Math.round(paragraph.top - host.top + 2) };
}

/** One paragraph's marker as drawn: its host (the paragraph's first child), the host's shadow root and the button. */
interface Drawn {
  host: HTMLElement;
  root: ShadowRoot;
  button: HTMLButtonElement;
}

export function createTopicLayer(deps: TopicLayerDeps): TopicLayer {
  const { doc } = deps;
  const win = doc.defaultView as Window & typeof globalThis;
  const log = deps.log ?? (() => {});
  const api = highlightApiOf(win);
  // An earlier instance's markers (extension updated while the page stayed open) are removeLeftovers' (ready-state.ts):
  // it searches the document only where an instance ran, not on every page as a search here did.

  let markers: TopicMarker[] = [];
  const drawn = new Map<TopicMarker, Drawn>();
  const byParagraph = new Map<Element, TopicMarker>();
  let mentions: TopicMention[] = [];
  let mentionRanges: Range[] = [];
  let popover: { marker: TopicMarker; element: HTMLElement } | null = null;
  let openTimer = 0;
  let closeTimer = 0;
  let returningFocus = false;

  /**
   * The markers flow with their paragraphs (content inserted above, fonts loading, collapsibles: no work at all);
   * only a paragraph's own box changing (width, indent) can move its marker against its first line, so the marked
   * paragraphs are observed, and the page's body while a popover is open (the popover sits in the top layer, placed
   * in page coordinates). Each callback re-places only what it names: bounded by the markers on the page. Its first
   * callback for a paragraph (right after the layout that follows drawing) places the new marker.
   */
  const observer =
    typeof win.ResizeObserver === 'function'
      ? new win.ResizeObserver((entries) => {
          const moved: TopicMarker[] = [];
          for (const entry of entries) {
            const marker = byParagraph.get(entry.target);
            if (marker) moved.push(marker);
          }
          place(moved);
          if (popover) placePopover(popover.marker, popover.element);
        })
      : null;
  if (!observer) win.addEventListener('resize', placeAll);
  else if (doc.body) observer.observe(doc.body);

  function placeAll(): void {
    place(markers);
    if (popover) placePopover(popover.marker, popover.element);
  }

  function schemeStyle(host: HTMLElement): void {
    const s = SCHEME[deps.scheme()];
    host.style.setProperty('--lga-topic-bg', s.bg);
    host.style.setProperty('--lga-topic-text', s.text);
    host.style.setProperty('--lga-topic-ink', s.ink);
    host.style.setProperty('--lga-topic-focus', s.focus);
  }

  /** Reads every rect first, then writes: one layout for the batch. */
  function place(batch: readonly TopicMarker[]): void {
    const spots = batch.flatMap((marker) => {
      const d = drawn.get(marker);
      if (!d) return [];
      const paragraph = marker.paragraph.getBoundingClientRect();
      // A hidden paragraph (a collapsed section) hides its marker with it: nothing to place.
      if (!paragraph.width && !paragraph.height) return [];
      return [{ d, offset: markerOffset(paragraph, d.host.getBoundingClientRect(), win.scrollX) }];
    });
    for (const { d, offset } of spots) {
      d.button.style.left = `${offset.left}px`;
      d.button.style.top = `${offset.top}px`;
    }
  }

  /** Whether the popover is in the top layer (placed in page coordinates) rather than inside its host. */
  function inTopLayer(element: HTMLElement): boolean {
    try {
      return element.matches(':popover-open');
    } catch {
      return false;
    }
  }

  /** Beside the paragraph when the viewport has room (the text being read stays clear), else below it. */
  function placePopover(marker: TopicMarker, element: HTMLElement): void {
    const rect = marker.paragraph.getBoundingClientRect();
    const width = Math.min(POPOVER_WIDTH, win.innerWidth - 16);
    let left: number;
    let top: number;
    if (win.innerWidth - rect.right >= width + 16) {
      left = rect.right + 8;
      top = rect.top;
    } else if (rect.left >= width + 16) {
      left = rect.left - width - 8;
      top = rect.top;
    } else {
      left = Math.max(8, rect.left);
      top = rect.bottom + 6;
    }
    // In the top layer the containing block is the page; otherwise (no popover API) it is the marker's host.
    const host = drawn.get(marker)?.host.getBoundingClientRect();
    const origin = inTopLayer(element) || !host ? { x: -win.scrollX, y: -win.scrollY } : { x: host.left, y: host.top };
    element.style.width = `${width}px`;
    element.style.left = `${left - origin.x}px`;
    element.style.top = `${top - origin.y}px`;
  }

  function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
    const e = doc.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function open(marker: TopicMarker, focus: boolean): void {
    win.clearTimeout(closeTimer);
    if (popover?.marker === marker) {
      if (focus) popover.element.focus();
      return;
    }
    close(false);
    const d = drawn.get(marker);
    if (!d) return;
    const element = el('div', 'popover');
    element.setAttribute('role', 'dialog');
    element.setAttribute('aria-labelledby', 'lga-topic-title');
    element.dataset.testid = 'lga-topic-popover';
    element.tabIndex = -1;
    // The top layer: above the page's own stacking and clipping, yet after the marker in Tab order.
    element.setAttribute('popover', 'manual');
    const closeButton = el('button', 'close', '×');
    closeButton.type = 'button';
    closeButton.setAttribute('aria-label', 'Close');
    closeButton.addEventListener('click', () => close(true));
    const title = el('h2', '', 'The LGA on this subject');
    title.id = 'lga-topic-title';
    element.append(closeButton, title);
    const scheme = deps.scheme();
    if (marker.links.length) {
      const list = el('ul', '');
      const seen = new Set<string>();
      for (const link of marker.links) {
        if (seen.has(link.position.id)) continue;
        seen.add(link.position.id);
        const item = el('li', '');
        item.dataset.testid = 'lga-topic-position';
        item.dataset.positionId = link.position.id;
        // A subject, not a provision: the position's headline, with the reader's correction if any.
        const shown = stanceForPosition(link.position).stance;
        const stance = el('div', 'stance', `${STANCE_GLYPH[shown]} ${STANCE_LABEL[shown]}`);
        stance.style.color = STANCE_COLOUR[scheme][shown];
        const meta = el('div', 'meta', `LGA briefing: ${briefingLabel(link.briefing)}`);
        item.append(stance, el('div', 'text', link.position.text), meta);
        if (link.terms.length) item.append(el('div', 'meta', `Linked by: ${link.terms.slice(0, 4).join(', ')}`));
        list.append(item);
      }
      element.append(list);
    }
    for (const line of new Set(marker.echoes.map((e) => echoLine(e.briefing)))) {
      const echo = el('p', 'echo', `This passage ${line}.`);
      echo.dataset.testid = 'lga-topic-echo';
      element.append(echo);
    }
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        close(true);
      }
    });
    element.addEventListener('pointerenter', () => win.clearTimeout(closeTimer));
    element.addEventListener('pointerleave', () => scheduleClose());
    d.root.append(element);
    try {
      element.showPopover?.();
    } catch (error) {
      log('topic popover not in the top layer', error);
    }
    placePopover(marker, element);
    d.button.setAttribute('aria-expanded', 'true');
    popover = { marker, element };
    if (focus) element.focus();
  }

  function close(returnFocus: boolean): void {
    win.clearTimeout(openTimer);
    win.clearTimeout(closeTimer);
    if (!popover) return;
    const button = drawn.get(popover.marker)?.button;
    button?.setAttribute('aria-expanded', 'false');
    popover.element.remove();
    popover = null;
    if (returnFocus && button) {
      // Focus coming back is not a request to open again.
      returningFocus = true;
      button.focus();
      returningFocus = false;
    }
  }

  function scheduleClose(): void {
    win.clearTimeout(closeTimer);
    closeTimer = win.setTimeout(() => close(false), CLOSE_DELAY_MS);
  }

  function drawMarker(marker: TopicMarker): void {
    const host = doc.createElement(TOPIC_HOST_TAG);
    // Inline and empty in the light DOM: the paragraph's lines, text and indent stay as they were.
    host.setAttribute('style', 'all: initial; position: relative;');
    schemeStyle(host);
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    const button = el('button', 'marker', 'L');
    button.type = 'button';
    button.dataset.testid = 'lga-topic-marker';
    button.dataset.paragraph = String(marker.index);
    button.setAttribute('aria-label', markerName(marker));
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', () => open(marker, true));
    button.addEventListener('focus', () => {
      if (!returningFocus) open(marker, false);
    });
    button.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && popover) {
        event.stopPropagation();
        close(true);
      }
    });
    button.addEventListener('pointerenter', () => {
      win.clearTimeout(closeTimer);
      win.clearTimeout(openTimer);
      openTimer = win.setTimeout(() => open(marker, false), OPEN_DELAY_MS);
    });
    button.addEventListener('pointerleave', () => {
      win.clearTimeout(openTimer);
      scheduleClose();
    });
    // Focus moving on from the marker and its popover to the page closes the popover (Tab through the debate).
    root.addEventListener('focusout', (event) => {
      const to = (event as FocusEvent).relatedTarget as Node | null;
      if (popover?.marker === marker && to && !root.contains(to) && !host.contains(to)) close(false);
    });
    root.append(style, button);
    // The paragraph's first child: met with it in reading order and in Tab order.
    marker.paragraph.prepend(host);
    drawn.set(marker, { host, root, button });
    byParagraph.set(marker.paragraph, marker);
    observer?.observe(marker.paragraph);
  }

  function drawMentions(): void {
    if (!api) return;
    if (mentionRanges.length) api.registry.set(TOPIC_MENTION_HIGHLIGHT, api.create(mentionRanges));
    else api.registry.delete(TOPIC_MENTION_HIGHLIGHT);
  }

  function summary(): TopicSummary {
    const subjects = new Map<string, TopicSummary['subjects'][number]>();
    for (const marker of markers) {
      for (const link of new Map(marker.links.map((l) => [l.position.id, l])).values()) {
        const entry = subjects.get(link.position.id);
        if (entry) entry.paragraphs++;
        else subjects.set(link.position.id, { position: link.position, briefing: link.briefing, paragraphs: 1 });
      }
    }
    return { subjects: [...subjects.values()], mentions: [...mentions] };
  }

  return {
    get markers() {
      return markers;
    },
    async draw(reply, paragraphs, isCurrent) {
      const busy = deps.onBusy ?? (() => {});
      const found = timed(busy, () => {
        const shown = withoutShownPositions(reply, (i) => {
          const paragraph = paragraphs[i]?.element;
          return paragraph ? deps.shownIn(paragraph) : new Set();
        });
        return markersOf(shown, paragraphs);
      });
      // Drawn in idle slices: a debate on the bill's own subjects may mark most of its paragraphs.
      let next = 0;
      const finished = await runInSlices(
        win,
        (deadline) => {
          while (next < found.markers.length) {
            const marker = found.markers[next++] as TopicMarker;
            // A paragraph marked by an earlier section's reply keeps its one marker.
            if (byParagraph.has(marker.paragraph)) continue;
            markers.push(marker);
            drawMarker(marker);
            if (clock() >= deadline) break;
          }
          return next >= found.markers.length;
        },
        { isCurrent, onBusy: busy },
      );
      if (!finished || !isCurrent()) return;
      timed(busy, () => {
        for (const { paragraph, spans } of found.mentions) {
          const speaker = speakerOf(paragraph);
          for (const span of spans) {
            mentions.push({ paragraph, text: span.text, speaker });
            const range = rangeInText(doc, paragraph, span.start, span.end);
            if (range) mentionRanges.push(range);
          }
        }
        // With a ResizeObserver the markers are placed in its first callback, after the browser's own layout (reading
        // rects here would force a layout of the whole page); the stylesheet's offset holds until then.
        if (found.markers.length && !observer) place(found.markers);
        drawMentions();
        markTopicCounts(doc, { markers: markers.length, mentions: mentions.length });
      });
    },
    reset() {
      close(false);
      for (const [marker, d] of drawn) {
        observer?.unobserve(marker.paragraph);
        d.host.remove();
      }
      drawn.clear();
      byParagraph.clear();
      markers = [];
      mentions = [];
      mentionRanges = [];
      api?.registry.delete(TOPIC_MENTION_HIGHLIGHT);
      markTopicCounts(doc, null);
    },
    summary,
    pageSummary() {
      const found = summary();
      return {
        subjects: found.subjects.map((s) => ({
          positionId: s.position.id,
          briefingId: s.briefing.id,
          text: s.position.text,
          stance: stanceForPosition(s.position).stance,
          briefing: briefingLabel(s.briefing),
          paragraphs: s.paragraphs,
        })),
        mentions: found.mentions.length,
        speakers: [...new Set(found.mentions.flatMap((m) => (m.speaker ? [m.speaker] : [])))],
      };
    },
    destroy() {
      this.reset();
      observer?.disconnect();
      win.removeEventListener('resize', placeAll);
    },
  };
}
