/**
 * Topic links wired into the content script's run lifecycle (the controller's `afterSection`/`onReset` extension
 * point): after a section's lookup, its paragraphs go to the background in one `topics` request, unless the reader
 * switched topic links off; switching them off removes the markers at once, switching them on runs the page again.
 */
import type { BackgroundRequest, PageTopicsSummary, Reply, ResponseFor } from '../messaging';
import type { MatchedPosition, PageContext } from '../model';
import type { Settings } from '../settings';
import { stanceForPosition } from '../stance/shown';
import { briefingLabel } from '../vocabulary';
import { WRAP_TAG } from './highlight';
import { POPOVER_HOST_TAG as HOST_TAG } from './late-content';
import { createTopicLayer, type TopicLayer } from './topic-layer';

export interface TopicHookDeps {
  doc: Document;
  send<R extends BackgroundRequest>(request: R): Promise<Reply<ResponseFor<R>> | undefined>;
  getSettings(): Promise<Settings>;
  /** The reference marks drawn so far (`controller.marks`): their positions are not repeated as topics. */
  marks(): ReadonlyArray<{ range: Range; matches: readonly MatchedPosition[] }>;
  scheme(): 'light' | 'dark';
  /** Runs the page again (`controller.refresh`). */
  refresh(): void;
  log?(message: string, error?: unknown): void;
}

export interface TopicHook {
  afterSection(section: { context: PageContext; roots: Element[] }, scanned: unknown, isCurrent: () => boolean): void;
  onReset(): void;
  /** A settings change: off removes the markers, on runs the page again. */
  settingsChanged(settings: Settings): void;
  /** What was found, once the requests already sent are answered. */
  summary(): Promise<PageTopicsSummary>;
  teardown(): void;
  readonly layer: TopicLayer;
}

/** Position ids shown by reference marks that start inside `paragraph`. */
export function positionsShownIn(
  marks: ReadonlyArray<{ range: Range; matches: readonly MatchedPosition[] }>,
  paragraph: Element,
): Set<string> {
  const shown = new Set<string>();
  for (const mark of marks) {
    if (!mark.matches.length || !paragraph.contains(mark.range.startContainer)) continue;
    for (const match of mark.matches) shown.add(match.position.id);
  }
  return shown;
}

export function createTopicHook(deps: TopicHookDeps): TopicHook {
  const log = deps.log ?? (() => {});
  let enabled: boolean | null = null;
  /** Requests sent and not yet answered: the panel's summary waits for them. */
  const inflight = new Set<Promise<void>>();
  const layer = createTopicLayer({
    doc: deps.doc,
    send: deps.send,
    isOurs: (element) => !!element.closest(`${HOST_TAG}, ${WRAP_TAG}`),
    shownIn: (paragraph) => positionsShownIn(deps.marks(), paragraph),
    scheme: deps.scheme,
    log,
  });
  return {
    layer,
    afterSection(section, _scanned, isCurrent) {
      const work = (async () => {
        enabled = (await deps.getSettings()).topicLinks;
        if (!enabled || !isCurrent()) return;
        await layer.afterSection(section, isCurrent);
      })().catch((error) => log('topic links failed', error));
      inflight.add(work);
      void work.finally(() => inflight.delete(work));
    },
    onReset() {
      layer.reset();
    },
    settingsChanged(settings) {
      if (enabled === settings.topicLinks) return;
      const was = enabled;
      enabled = settings.topicLinks;
      if (!settings.topicLinks) layer.reset();
      else if (was === false) deps.refresh();
    },
    async summary() {
      while (inflight.size) await Promise.allSettled([...inflight]);
      const { subjects, mentions } = layer.summary();
      return {
        subjects: subjects.map((s) => ({
          positionId: s.position.id,
          briefingId: s.briefing.id,
          text: s.position.text,
          stance: stanceForPosition(s.position).stance,
          briefing: briefingLabel(s.briefing),
          paragraphs: s.paragraphs,
        })),
        mentions: mentions.length,
        speakers: [...new Set(mentions.flatMap((m) => (m.speaker ? [m.speaker] : [])))],
      };
    },
    teardown() {
      layer.destroy();
    },
  };
}
