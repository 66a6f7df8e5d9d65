/**
 * The popover's script: not listed in the manifest, run by the background in a tab's frame the first time the content
 * script there has positions to show, a reader reaching for one, or topic links to draw (src/annotate/popover-loader.ts).
 * Wiring only: it hands the content script its factories (the popover's driver and view, the topic layer).
 */
import { createPopoverHost } from '../src/annotate/popover/host';
import { createPopoverDriver } from '../src/annotate/popover-driver';
import {
  registerPopoverDriverFactory,
  registerPopoverFactory,
  registerTopicLayerFactory,
} from '../src/annotate/popover-loader';
import { createTopicLayer } from '../src/annotate/topic-layer';

export default defineUnlistedScript(() => {
  registerPopoverDriverFactory(createPopoverDriver);
  registerPopoverFactory(createPopoverHost);
  registerTopicLayerFactory(createTopicLayer);
});
