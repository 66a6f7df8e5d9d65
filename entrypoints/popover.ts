/**
 * The popover's script: not listed in the manifest, run by the background in a tab's frame the first time the content
 * script there has positions to show, a reader reaching for one, or topic links to draw (src/annotate/popover-loader.ts).
 * Wiring only: it hands the content script its factories (the popover's driver, which makes the popover, and the topic
 * layer).
 */
import { createPopoverDriver } from '../src/annotate/popover-driver';
import { registerFactories } from '../src/annotate/popover-loader';
import { createTopicLayer } from '../src/annotate/topic-layer';

export default defineUnlistedScript(() => {
  registerFactories({ popoverDriver: createPopoverDriver, topicLayer: createTopicLayer });
});
