/**
 * Wiring only: the service (src/background/service.ts) answers messages; this file connects it to the browser.
 * Listeners are registered synchronously at start, as MV3 service workers require.
 */

import { type BrowserApis, createPlatform, wireCommands, wireToolbarButton } from '@/src/background/platform';
import { type MessageSender, originOf } from '@/src/background/senders';
import { createBackgroundService } from '@/src/background/service';
import { bundledDataset } from '@/src/dataset';
import { DATA_REVISION_KEY } from '@/src/messaging';
import { panelTargetItem, storageLocalKeeper } from '@/src/storage-items';

export default defineBackground(() => {
  // Chrome's sidePanel is not in the polyfill: take it from `chrome` itself. Firefox has sidebarAction instead.
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: BrowserApis['sidePanel'] } }).chrome?.sidePanel;
  const raw = browser as unknown as Partial<BrowserApis>;
  const apis: BrowserApis = {
    action: raw.action,
    browserAction: raw.browserAction,
    sidebarAction: raw.sidebarAction,
    sidePanel: chromeSidePanel,
    tabs: browser.tabs as unknown as BrowserApis['tabs'],
    commands: raw.commands,
    scripting: raw.scripting,
    getURL: (path) => browser.runtime.getURL(path as never),
  };
  const service = createBackgroundService({
    indexedDB: globalThis.indexedDB,
    dataset: bundledDataset,
    extension: { id: browser.runtime.id, origin: originOf(browser.runtime.getURL('/')) ?? '' },
    platform: createPlatform(
      apis,
      (target) => panelTargetItem.setValue(target),
      () => browser.storage.local.set({ [DATA_REVISION_KEY]: Date.now() }),
    ),
    keeper: storageLocalKeeper(),
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => service.handle(message, sender));
  browser.runtime.onInstalled.addListener(() => {
    void service.ensureSeeded().then(() => service.prepareSearch());
  });
  browser.runtime.onStartup.addListener(() => {
    void service.ensureSeeded();
  });
  wireCommands(apis);
  void wireToolbarButton(apis).catch((error) => console.warn('toolbar button:', error));
  void service.ready.catch((error) => console.error('background could not start:', error));
});
