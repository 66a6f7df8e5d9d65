/**
 * Topic links on the page (issue 14): after a section's lookup, its contribution paragraphs go to the background in
 * one `topics` request; the reply is drawn here, apart from the reference highlights.
 *
 * - A marker in the margin of each paragraph linked to (or echoing) an LGA position: a button in our own shadow root,
 *   placed from the paragraph's rect; the page's text is never touched. Its name says what it opens ("The LGA on this
 *   subject: 2 positions"); hover (after a dwell), focus or click opens a popover "The LGA on this subject" with each
 *   position's stance in words, its text, its briefing's stage and date, and any echo ("echoes the LGA briefing of
 *   8 January 2025"). Escape closes it and gives focus back to the marker.
 * - LGA mentions: ranges in the `lga-topic-mention` highlight (CSS Custom Highlight API; styled in the generated
 *   highlight stylesheet). Where the API is missing they are listed, not drawn: we never split the page's text.
 *
 * What tests can rely on: `lga-topic-markers` on `<html>` with an open shadow root holding
 * `[data-testid="lga-topic-marker"]` buttons (`data-paragraph`: the paragraph's index in the section's request) and,
 * when open, `[data-testid="lga-topic-popover"]` with `[data-testid="lga-topic-position"]` items; `<html
 * data-lga-topics="N">`: markers drawn.
 */
import type { BackgroundRequest, Reply, ResponseFor, TopicsReply } from '../messaging';
import type { Briefing, PageContext, Position } from '../model';
import { stanceForPosition } from '../stance/shown';
import type { TextSpan } from '../topics';
import { briefingLabel, formatDates } from '../ui/shared/labels';
import { STANCE_COLOUR, STANCE_GLYPH, STANCE_LABEL } from '../ui/shared/stance';
import { highlightApiOf, TOPIC_MENTION_HIGHLIGHT } from './highlight';
import { type TopicParagraph, topicParagraphs, topicsRequest, withoutShownPositions } from './topic-paragraphs';

export const TOPIC_HOST_TAG = 'lga-topic-markers';
/** Dwell before hover opens a marker's popover, and grace before leaving closes it. */
const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 300;
const MARKER_SIZE = 22;
const POPOVER_WIDTH = 340;

export interface TopicLayerDeps {
  doc: Document;
  send<R extends BackgroundRequest>(request: R): Promise<Reply<ResponseFor<R>> | undefined>;
  /** Elements of our own UI (reference wrappers, popover host): never read as paragraphs. */
  isOurs(element: Element): boolean;
  /** Position ids that reference marks inside this paragraph already show (numbered references keep priority). */
  shownIn(paragraph: Element): ReadonlySet<string>;
  /** The colour scheme of the page now. */
  scheme(): 'light' | 'dark';
  log?(message: string, error?: unknown): void;
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
  /** Reads the section's paragraphs and asks the background (once); draws what comes back while `isCurrent()`. */
  afterSection(section: { context: PageContext; roots: readonly Element[] }, isCurrent: () => boolean): Promise<void>;
  /** Drops markers, mentions and the popover (a new run, or links switched off). */
  reset(): void;
  summary(): TopicSummary;
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
:host { all: initial; }
.marker {
  position: absolute; width: ${MARKER_SIZE}px; height: ${MARKER_SIZE}px; padding: 0; margin: 0;
  border: 1px solid var(--lga-topic-ink); border-radius: 50%; background: var(--lga-topic-bg);
  color: var(--lga-topic-ink); font: 600 12px/1 system-ui, sans-serif; cursor: pointer;
}
.marker:focus-visible { outline: 3px solid var(--lga-topic-focus); outline-offset: 2px; }
.popover {
  position: absolute; box-sizing: border-box; width: ${POPOVER_WIDTH}px; max-height: 60vh; overflow: auto;
  padding: 10px 12px; border: 1px solid var(--lga-topic-ink); border-radius: 6px; background: var(--lga-topic-bg);
  color: var(--lga-topic-text); font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,0.25);
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

export function createTopicLayer(deps: TopicLayerDeps): TopicLayer {
  const { doc } = deps;
  const win = doc.defaultView as Window & typeof globalThis;
  const log = deps.log ?? (() => {});
  const api = highlightApiOf(win);
  // An earlier instance's markers (extension updated while the page stayed open).
  for (const old of doc.querySelectorAll(TOPIC_HOST_TAG)) old.remove();

  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let markers: TopicMarker[] = [];
  const buttons = new Map<TopicMarker, HTMLButtonElement>();
  let mentions: TopicMention[] = [];
  let mentionRanges: Range[] = [];
  let popover: { marker: TopicMarker; element: HTMLElement } | null = null;
  let openTimer = 0;
  let closeTimer = 0;
  let generation = 0;
  let returningFocus = false;

  function ensureRoot(): ShadowRoot {
    if (root) return root;
    host = doc.createElement(TOPIC_HOST_TAG);
    host.setAttribute(
      'style',
      'all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483646;',
    );
    root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    root.append(style);
    applyScheme();
    // Outside <body>: the page's layout and our own mutation observer (which watches <body>) never see it.
    doc.documentElement.append(host);
    win.addEventListener('resize', place);
    return root;
  }

  function applyScheme(): void {
    const s = SCHEME[deps.scheme()];
    host?.style.setProperty('--lga-topic-bg', s.bg);
    host?.style.setProperty('--lga-topic-text', s.text);
    host?.style.setProperty('--lga-topic-ink', s.ink);
    host?.style.setProperty('--lga-topic-focus', s.focus);
  }

  /** Document coordinates of a paragraph's left margin. */
  function spotOf(paragraph: Element): { top: number; left: number; rect: DOMRect } {
    const rect = paragraph.getBoundingClientRect();
    return {
      rect,
      top: rect.top + win.scrollY + 2,
      left: Math.max(2, rect.left + win.scrollX - MARKER_SIZE - 8),
    };
  }

  function place(): void {
    for (const [marker, button] of buttons) {
      const spot = spotOf(marker.paragraph);
      button.style.top = `${spot.top}px`;
      button.style.left = `${spot.left}px`;
    }
    if (popover) placePopover(popover.marker, popover.element);
  }

  /** Beside the paragraph when the viewport has room (the text being read stays clear), else below it. */
  function placePopover(marker: TopicMarker, element: HTMLElement): void {
    const { rect } = spotOf(marker.paragraph);
    const width = Math.min(POPOVER_WIDTH, win.innerWidth - 16);
    element.style.width = `${width}px`;
    if (win.innerWidth - rect.right >= width + 16) {
      element.style.left = `${rect.right + win.scrollX + 8}px`;
      element.style.top = `${rect.top + win.scrollY}px`;
    } else if (rect.left >= width + 16) {
      element.style.left = `${rect.left + win.scrollX - width - 8}px`;
      element.style.top = `${rect.top + win.scrollY}px`;
    } else {
      element.style.left = `${Math.max(8, rect.left + win.scrollX)}px`;
      element.style.top = `${rect.bottom + win.scrollY + 6}px`;
    }
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
    const shadow = ensureRoot();
    const element = el('div', 'popover');
    element.setAttribute('role', 'dialog');
    element.setAttribute('aria-labelledby', 'lga-topic-title');
    element.dataset.testid = 'lga-topic-popover';
    element.tabIndex = -1;
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
    shadow.append(element);
    placePopover(marker, element);
    buttons.get(marker)?.setAttribute('aria-expanded', 'true');
    popover = { marker, element };
    if (focus) element.focus();
  }

  function close(returnFocus: boolean): void {
    win.clearTimeout(openTimer);
    win.clearTimeout(closeTimer);
    if (!popover) return;
    const button = buttons.get(popover.marker);
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
    const shadow = ensureRoot();
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
    buttons.set(marker, button);
    shadow.append(button);
  }

  function drawMentions(): void {
    if (!api) return;
    if (mentionRanges.length) api.registry.set(TOPIC_MENTION_HIGHLIGHT, api.create(mentionRanges));
    else api.registry.delete(TOPIC_MENTION_HIGHLIGHT);
  }

  function markReady(): void {
    doc.documentElement.dataset.lgaTopics = String(markers.length);
    doc.documentElement.dataset.lgaTopicMentions = String(mentions.length);
  }

  return {
    get markers() {
      return markers;
    },
    async afterSection(section, isCurrent) {
      const mine = generation;
      const current = () => mine === generation && isCurrent();
      const paragraphs = topicParagraphs(section.roots, deps.isOurs);
      if (!paragraphs.length) return;
      const reply = await deps.send(topicsRequest(section.context, paragraphs));
      if (!current()) return;
      if (!reply?.ok) {
        log(`topics failed: ${reply ? reply.error : 'no answer from the background'}`);
        return;
      }
      const shown = withoutShownPositions(reply.data, (i) => {
        const paragraph = paragraphs[i]?.element;
        return paragraph ? deps.shownIn(paragraph) : new Set();
      });
      const found = markersOf(shown, paragraphs);
      for (const marker of found.markers) {
        markers.push(marker);
        drawMarker(marker);
      }
      for (const { paragraph, spans } of found.mentions) {
        const speaker = speakerOf(paragraph);
        for (const span of spans) {
          mentions.push({ paragraph, text: span.text, speaker });
          const range = rangeInText(doc, paragraph, span.start, span.end);
          if (range) mentionRanges.push(range);
        }
      }
      if (found.markers.length) place();
      drawMentions();
      markReady();
    },
    reset() {
      generation++;
      close(false);
      for (const button of buttons.values()) button.remove();
      buttons.clear();
      markers = [];
      mentions = [];
      mentionRanges = [];
      api?.registry.delete(TOPIC_MENTION_HIGHLIGHT);
      delete doc.documentElement.dataset.lgaTopics;
      delete doc.documentElement.dataset.lgaTopicMentions;
      applyScheme();
    },
    summary() {
      const subjects = new Map<string, TopicSummary['subjects'][number]>();
      for (const marker of markers) {
        for (const link of new Map(marker.links.map((l) => [l.position.id, l])).values()) {
          const entry = subjects.get(link.position.id);
          if (entry) entry.paragraphs++;
          else subjects.set(link.position.id, { position: link.position, briefing: link.briefing, paragraphs: 1 });
        }
      }
      return { subjects: [...subjects.values()], mentions: [...mentions] };
    },
    destroy() {
      this.reset();
      win.removeEventListener('resize', place);
      host?.remove();
      host = null;
      root = null;
    },
  };
}
