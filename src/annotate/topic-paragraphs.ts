/**
 * The content script's side of topic links (issue 14), kept apart from the run lifecycle so it can be hooked in where
 * a section is handled: the section's contribution paragraphs, read once into one batched `topics` request, and the
 * reply with what numbered references already show removed (a paragraph whose references show a position does not
 * show it again as a topic).
 *
 * Cheap on the page's main thread: one `querySelectorAll` per root and the paragraphs' `textContent`, as they stand
 * (the background reads words, not spacing). On the real 2.7 MB Hansard day that is a few milliseconds
 * (`npm run bench`, bench/topics.ts).
 */
import type { BackgroundRequest, TopicsReply } from '../messaging';
import type { PageContext } from '../model';

/** Which elements are contribution paragraphs, as data: Hansard's `p.hs_Para` and the plain `p` of other pages. */
export const TOPIC_PARAGRAPHS = {
  selector: 'p',
  /** Shorter text (a column number, `Hon. Members: Hear, hear!`) carries no subject. */
  minChars: 40,
  /** One request stays within what the background accepts (src/background/validate.ts `LIMITS.paragraphs`). */
  maxParagraphs: 10_000,
} as const;

export interface TopicParagraph {
  element: Element;
  text: string;
}

/** The section's paragraphs in document order, each once (roots may nest), skipping the extension's own UI. */
export function topicParagraphs(
  roots: readonly Element[],
  skip: (element: Element) => boolean = () => false,
): TopicParagraph[] {
  const seen = new Set<Element>();
  const out: TopicParagraph[] = [];
  for (const root of roots) {
    const candidates = root.matches(TOPIC_PARAGRAPHS.selector) ? [root] : [];
    candidates.push(...root.querySelectorAll(TOPIC_PARAGRAPHS.selector));
    for (const element of candidates) {
      if (seen.has(element) || skip(element)) continue;
      seen.add(element);
      const text = element.textContent ?? '';
      if (text.trim().length < TOPIC_PARAGRAPHS.minChars) continue;
      out.push({ element, text });
      if (out.length === TOPIC_PARAGRAPHS.maxParagraphs) return out;
    }
  }
  return out;
}

export type TopicsRequest = Extract<BackgroundRequest, { type: 'topics' }>;

/** The one request for a section. */
export function topicsRequest(context: PageContext, paragraphs: readonly TopicParagraph[]): TopicsRequest {
  return { type: 'topics', page: context, paragraphs: paragraphs.map((p) => p.text) };
}

/**
 * Numbered references keep priority: a link to a position that a reference mark inside the same paragraph already
 * shows is dropped (mentions and echoes stay), and positions no longer linked or echoed leave the reply.
 */
export function withoutShownPositions(
  reply: TopicsReply,
  shownIn: (paragraph: number) => ReadonlySet<string>,
): TopicsReply {
  const paragraphs = reply.paragraphs
    .map((p) => {
      const shown = shownIn(p.index);
      return shown.size ? { ...p, links: p.links.filter((l) => !shown.has(l.positionId)) } : p;
    })
    .filter((p) => p.links.length || p.lgaMentions.length || p.echoes.length);
  const used = new Set(paragraphs.flatMap((p) => [...p.links, ...p.echoes].map((x) => x.positionId)));
  return { ...reply, paragraphs, positions: reply.positions.filter((p) => used.has(p.position.id)) };
}

/** `<html data-lga-topics="N" data-lga-topic-mentions="M">`: what the topic layer drew (null: nothing, removed). */
export function markTopicCounts(doc: Document, counts: { markers: number; mentions: number } | null): void {
  const data = doc.documentElement.dataset;
  if (!counts) {
    delete data.lgaTopics;
    delete data.lgaTopicMentions;
    return;
  }
  data.lgaTopics = String(counts.markers);
  data.lgaTopicMentions = String(counts.mentions);
}
