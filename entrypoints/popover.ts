/**
 * The popover's script: not listed in the manifest, run by the background in a tab's frame the first time the content
 * script there needs a popover (src/annotate/popover-loader.ts). Wiring only: it hands the content script its factory.
 */
import { createPopoverHost } from '../src/annotate/popover/host';
import { registerPopoverFactory } from '../src/annotate/popover-loader';

export default defineUnlistedScript(() => registerPopoverFactory(createPopoverHost));
