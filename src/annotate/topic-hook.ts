/**
 * Topic links wired into the content script's run lifecycle (the controller's `afterSection`/`onReset` extension
 * point): after a section's lookup, its paragraphs go to the background in one `topics` request, unless the reader
 * switched topic links off; switching them off removes the markers at once, switching them on runs the page again.
 *
 * The layer that draws what comes back (topic-layer.ts: markers, their popover, mention highlights; it also leaves out
 * what reference marks already show) is not part of the content script: most pages have no topic links. It is loaded
 * (`loadLayer`) the first time the background's reply names a paragraph; until then the page has none of it, not even
 * its observers.
 */
import type { BackgroundRequest, PageTopicsSummary, Reply, ResponseFor } from '../messaging';
import type { MatchedPosition, PageContext } from '../model';
import type { Settings } from '../settings-defaults';
import { WRAP_TAG } from './highlight';
import { POPOVER_HOST_TAG as HOST_TAG } from './late-content';
import { timed } from './slices';
import type { TopicLayer, TopicLayerDeps } from './topic-layer';
import { markTopicCounts, topicParagraphs, topicsRequest } from './topic-paragraphs';

/** `createTopicLayer`, as the popover's script hands it over (src/annotate/popover-loader.ts). */
export type TopicLayerFactory = (deps: TopicLayerDeps) => TopicLayer;

export interface TopicHookDeps {
  doc: Document;
  send<R extends BackgroundRequest>(request: R): Promise<Reply<ResponseFor<R>> | undefined>;
  getSettings(): Promise<Settings>;
  /** The reference marks drawn so far (`controller.marks`): their positions are not repeated as topics. */
  marks(): ReadonlyArray<{ range: Range; matches: readonly MatchedPosition[] }>;
  scheme(): 'light' | 'dark';
  /** Runs the page again (`controller.refresh`). */
  refresh(): void;
  /** The layer's factory, loaded on first need; null when it could not be (tried again at the next reply). */
  loadLayer(): Promise<TopicLayerFactory | null>;
  log?(message: string, error?: unknown): void;
  /** Main-thread time of each synchronous step and slice (bench/topics.ts sums it). */
  onBusy?(ms: number): void;
}

/** What a page shows of the layer before it is loaded: nothing. */
type LayerView = Pick<TopicLayer, 'markers' | 'summary'>;

export interface TopicHook {
  afterSection(section: { context: PageContext; roots: Element[] }, scanned: unknown, isCurrent: () => boolean): void;
  onReset(): void;
  /** A settings change: off removes the markers, on runs the page again. */
  settingsChanged(settings: Settings): void;
  /** What was found, once the requests already sent are answered. */
  summary(): Promise<PageTopicsSummary>;
  teardown(): void;
  /** The layer drawing the markers (an empty one until a reply had something to draw). */
  readonly layer: LayerView;
}

const NO_LAYER: LayerView = { markers: [], summary: () => ({ subjects: [], mentions: [] }) };

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
  const { doc } = deps;
  const log = deps.log ?? (() => {});
  const busy = deps.onBusy ?? (() => {});
  let enabled: boolean | null = null;
  /**
   * Bumped when the markers are dropped (a new run, links switched off, teardown): replies for the old ones are not
   * drawn, and a draw under way stops (the layer draws while the `current` it is given holds).
   */
  let generation = 0;
  let torn = false;
  let layer: TopicLayer | null = null;
  let loading: Promise<TopicLayer | null> | null = null;
  /** Requests sent and not yet answered: the panel's summary waits for them. */
  const inflight = new Set<Promise<void>>();
  /** Our own UI (reference wrappers, popover host) is never read as a paragraph. */
  const isOurs = (element: Element) => !!element.closest(`${HOST_TAG}, ${WRAP_TAG}`);

  function ensureLayer(): Promise<TopicLayer | null> {
    if (layer) return Promise.resolve(layer);
    loading ??= deps
      .loadLayer()
      .catch((error: unknown) => {
        log('the topic layer could not be loaded', error);
        return null;
      })
      .then((create) => {
        loading = null;
        if (create && !torn) {
          layer ??= create({
            doc,
            scheme: deps.scheme,
            shownIn: (paragraph) => positionsShownIn(deps.marks(), paragraph),
            log,
            onBusy: deps.onBusy,
          });
        }
        return layer;
      });
    return loading;
  }

  function reset(): void {
    generation++;
    layer?.reset();
  }

  return {
    get layer() {
      return layer ?? NO_LAYER;
    },
    afterSection(section, _scanned, isCurrent) {
      const mine = generation;
      const current = () => mine === generation && isCurrent();
      const work = (async () => {
        enabled = (await deps.getSettings()).topicLinks;
        if (!enabled || !current()) return;
        const paragraphs = timed(busy, () => topicParagraphs(section.roots, isOurs));
        if (!paragraphs.length) return;
        const reply = await deps.send(timed(busy, () => topicsRequest(section.context, paragraphs)));
        if (!current()) return;
        if (!reply?.ok) {
          log(`topics failed: ${reply ? reply.error : 'no answer from the background'}`);
          return;
        }
        if (!reply.data.paragraphs.length && !layer) {
          markTopicCounts(doc, { markers: 0, mentions: 0 });
          return;
        }
        const drawing = await ensureLayer();
        if (!drawing || !current()) return;
        await drawing.draw(reply.data, paragraphs, current);
      })().catch((error) => log('topic links failed', error));
      inflight.add(work);
      void work.finally(() => inflight.delete(work));
    },
    onReset: reset,
    settingsChanged(settings) {
      if (enabled === settings.topicLinks) return;
      const was = enabled;
      enabled = settings.topicLinks;
      if (!settings.topicLinks) reset();
      else if (was === false) deps.refresh();
    },
    async summary() {
      while (inflight.size) await Promise.allSettled([...inflight]);
      return layer ? layer.pageSummary() : { subjects: [], mentions: 0, speakers: [] };
    },
    teardown() {
      torn = true;
      generation++;
      layer?.destroy();
      layer = null;
    },
  };
}
