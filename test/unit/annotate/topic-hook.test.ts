// @vitest-environment happy-dom
/**
 * The topic layer loaded on first need (src/annotate/topic-hook.ts): a page whose paragraphs the background links to
 * nothing never loads it (and still says so: `data-lga-topics="0"`); the first reply that names a paragraph loads it,
 * once for the page; a failed load is reported and tried again at the next reply; a page torn down while it loads
 * draws nothing. Against the real background service (fake-indexeddb, the bundled seed dataset), as the content
 * script sends to it.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createTopicHook, type TopicLayerFactory } from '../../../src/annotate/topic-hook';
import { createTopicLayer, TOPIC_HOST_TAG } from '../../../src/annotate/topic-layer';
import { createBackgroundService } from '../../../src/background/service';
import { bundledDataset } from '../../../src/dataset';
import type { BackgroundRequest, Reply, ResponseFor } from '../../../src/messaging';
import type { PageContext } from '../../../src/model';
import type { Settings } from '../../../src/settings-defaults';
import { CWSB_SECOND_READING, EXTENSION, SENDERS } from '../../factories';

const context = CWSB_SECOND_READING;

/** A speech on a subject the seed briefings take a position on (the uniform limit), and two on nothing of theirs. */
const LINKED =
  'Parents in my constituency pay hundreds of pounds for school uniform because schools insist on branded items from one supplier. The limit on branded items will bring that cost down.';
const OFF_SUBJECT = [
  'The weather over the recess was unusually wet in the north, and the harvest there came in late this year.',
  'I thank the Clerks of the House for the care they took over the arrangements for this sitting today.',
];

function section(paragraphs: readonly string[]): { context: PageContext; roots: Element[] } {
  const root = document.createElement('div');
  root.className = 'content';
  for (const text of paragraphs) {
    const p = document.createElement('p');
    p.className = 'hs_Para';
    p.textContent = text;
    root.append(p);
  }
  document.body.append(root);
  return { context, roots: [root] };
}

function setup(loadLayer: () => Promise<TopicLayerFactory | null>) {
  document.body.replaceChildren();
  for (const key of Object.keys(document.documentElement.dataset)) delete document.documentElement.dataset[key];
  const svc = createBackgroundService({
    indexedDB: new IDBFactory(),
    dataset: bundledDataset,
    openTimeoutMs: 500,
    extension: EXTENSION,
  });
  const send = async <R extends BackgroundRequest>(request: R) =>
    (await svc.handle(request, SENDERS.contentScript(1))) as Reply<ResponseFor<R>>;
  const log = vi.fn();
  const load = vi.fn(loadLayer);
  const hook = createTopicHook({
    doc: document,
    send,
    getSettings: async () => ({ topicLinks: true }) as Settings,
    marks: () => [],
    scheme: () => 'light',
    refresh: () => {},
    loadLayer: load,
    log,
  });
  return { hook, load, log };
}

const markers = () => document.querySelectorAll(TOPIC_HOST_TAG).length;

describe('the topic layer, loaded on first need', () => {
  it('a page the background links to nothing never loads it, and says it drew nothing', async () => {
    const { hook, load } = setup(async () => createTopicLayer);
    hook.afterSection(section(OFF_SUBJECT), [], () => true);
    expect(await hook.summary()).toEqual({ subjects: [], mentions: 0, speakers: [] });
    expect(load).not.toHaveBeenCalled();
    expect(markers()).toBe(0);
    expect(document.documentElement.dataset.lgaTopics).toBe('0');
    expect(hook.layer.markers).toEqual([]);
  });

  it('the first reply naming a paragraph loads it, once for every section after', async () => {
    const { hook, load } = setup(async () => createTopicLayer);
    hook.afterSection(section(OFF_SUBJECT), [], () => true);
    await hook.summary();
    hook.afterSection(section([LINKED]), [], () => true);
    hook.afterSection(section([OFF_SUBJECT[0]!, LINKED]), [], () => true);
    const summary = await hook.summary();
    expect(load).toHaveBeenCalledTimes(1);
    expect(markers()).toBe(2);
    expect(document.documentElement.dataset.lgaTopics).toBe('2');
    expect(summary.subjects.map((s) => s.text).join(' ')).toMatch(/branded items in school uniform/);
  });

  it('a failed load is reported and tried again at the next reply', async () => {
    let attempt = 0;
    const { hook, load, log } = setup(async () => {
      attempt++;
      if (attempt === 1) throw new Error('no tab');
      return createTopicLayer;
    });
    hook.afterSection(section([LINKED]), [], () => true);
    await hook.summary();
    expect(log).toHaveBeenCalledWith('the topic layer could not be loaded', expect.any(Error));
    expect(markers()).toBe(0);
    hook.afterSection(section([LINKED]), [], () => true);
    await hook.summary();
    expect(load).toHaveBeenCalledTimes(2);
    expect(markers()).toBe(1);
  });

  it('a page torn down while the layer loads draws nothing', async () => {
    let finish: (factory: TopicLayerFactory) => void = () => {};
    let loading: () => void = () => {};
    const asked = new Promise<void>((resolve) => {
      loading = resolve;
    });
    const { hook } = setup(
      () =>
        new Promise((resolve) => {
          finish = resolve;
          loading();
        }),
    );
    hook.afterSection(section([LINKED]), [], () => true);
    // The reply has come and the load is under way: the page goes away before it lands.
    await asked;
    hook.teardown();
    finish(createTopicLayer);
    await hook.summary();
    expect(markers()).toBe(0);
    expect(hook.layer.markers).toEqual([]);
  });
});
