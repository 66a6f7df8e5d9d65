/**
 * The popover's script: not listed in the manifest, run by the background in a tab's frame the first time the content
 * script there needs a popover or has topic links to draw (src/annotate/popover-loader.ts). Wiring only: it hands the
 * content script its factories.
 */
import { createPopoverHost } from '../src/annotate/popover/host';
import { registerPopoverFactory, registerTopicLayerFactory } from '../src/annotate/popover-loader';
import { createTopicLayer } from '../src/annotate/topic-layer';

export default defineUnlistedScript(() => {
  registerPopoverFactory(createPopoverHost);
  registerTopicLayerFactory(createTopicLayer);
});
