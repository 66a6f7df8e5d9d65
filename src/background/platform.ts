/**
 * The browser behind the background service: toolbar badge, side panel (Chrome) or sidebar (Firefox), keyboard
 * commands. Written against the few API members it uses, so tests hand it plain fakes and both browsers' shapes.
 *
 * Chrome MV3 has `action` and `sidePanel`; Firefox MV2 has `browserAction` and `sidebarAction` (WXT's polyfill does
 * not map `action` onto `browserAction` for MV2, so both are looked for).
 */
import { type PanelTarget, POPOVER_SCRIPT, type TabRequest } from '../messaging';

/** What the background service asks of the browser (./service.ts); tests hand it fakes. */
export interface Platform {
  setBadge(tabId: number, text: string): Promise<void> | void;
  /** Must act before its first `await`: Chrome opens the side panel only inside the user's gesture. */
  openPanel(tabId: number | null, windowId: number | null): Promise<void> | void;
  setPanelTarget(target: PanelTarget): Promise<void> | void;
  /** Opens the preview page of a briefing read from an LGA page, next to the tab it came from. */
  openCapturePage(captureId: string, tabId: number | null): Promise<void> | void;
  /** Tells a tab's content script something (a failure is ignored: the tab may be gone). */
  tellTab(tabId: number, request: TabRequest): Promise<void> | void;
  /** The reader's data changed (corrections, briefings): open pages and panels read again (DATA_REVISION_KEY). */
  dataChanged(): Promise<void> | void;
  /** Runs the popover's script (POPOVER_SCRIPT) in one frame of a tab, beside our content script there. */
  injectPopover(tabId: number, frameId: number): Promise<void> | void;
}

type Listener<A extends unknown[]> = { addListener(callback: (...args: A) => unknown): void };

interface ActionApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor?(details: { color: string }): Promise<void> | void;
  onClicked?: Listener<[unknown]>;
}

/** The parts of `browser` (and Chrome's `chrome.sidePanel`) the background uses. */
export interface BrowserApis {
  action?: ActionApi;
  browserAction?: ActionApi;
  sidebarAction?: { open(): Promise<void>; toggle?(): Promise<void> };
  sidePanel?: {
    open(options: { tabId?: number; windowId?: number }): Promise<void>;
    setPanelBehavior?(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
  };
  tabs: {
    query(query: { active: boolean; currentWindow: boolean }): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: TabRequest): Promise<unknown>;
    create?(properties: { url: string; active?: boolean; openerTabId?: number }): Promise<unknown>;
  };
  /** Runs one of the extension's scripts in a tab's frame, in the content scripts' world (Chrome MV3, Firefox 102+). */
  scripting?: {
    executeScript(injection: { target: { tabId: number; frameIds?: number[] }; files: string[] }): Promise<unknown>;
  };
  /** The extension's own URL of one of its pages (`runtime.getURL`). */
  getURL?(path: string): string;
  commands?: { onCommand: Listener<[string]> };
}

/** LGA brand-ish teal, legible under white badge text. */
const BADGE_COLOUR = '#00636b';

export function createPlatform(
  apis: BrowserApis,
  savePanelTarget: (target: PanelTarget) => Promise<void>,
  announceDataChanged: () => Promise<void> | void = () => {},
): Platform {
  const action = apis.action ?? apis.browserAction;
  return {
    async setBadge(tabId, text) {
      if (!action) return;
      await action.setBadgeText({ tabId, text });
    },
    // No await before the open call: Chrome honours sidePanel.open() only within the user's gesture.
    openPanel(tabId, windowId) {
      if (apis.sidePanel) {
        if (tabId !== null) return apis.sidePanel.open({ tabId });
        if (windowId !== null) return apis.sidePanel.open({ windowId });
        return;
      }
      return apis.sidebarAction?.open();
    },
    setPanelTarget: savePanelTarget,
    async openCapturePage(captureId, tabId) {
      if (!apis.tabs.create || !apis.getURL) return;
      const url = `${apis.getURL('/capture.html')}?id=${encodeURIComponent(captureId)}`;
      await apis.tabs.create({ url, active: true, ...(tabId === null ? {} : { openerTabId: tabId }) });
    },
    async tellTab(tabId, request) {
      await apis.tabs.sendMessage(tabId, request);
    },
    dataChanged: announceDataChanged,
    async injectPopover(tabId, frameId) {
      if (!apis.scripting) throw new Error('no scripting API');
      await apis.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [POPOVER_SCRIPT] });
    },
  };
}

/** The toolbar button opens the panel: by Chrome's panel behaviour, or by toggling Firefox's sidebar on click. */
export async function wireToolbarButton(apis: BrowserApis): Promise<void> {
  const action = apis.action ?? apis.browserAction;
  await action?.setBadgeBackgroundColor?.({ color: BADGE_COLOUR });
  if (apis.sidePanel?.setPanelBehavior) {
    await apis.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
    return;
  }
  const sidebar = apis.sidebarAction;
  if (sidebar) action?.onClicked?.addListener(() => (sidebar.toggle ?? sidebar.open).call(sidebar));
}

export const COMMAND_DIRECTIONS: Record<string, 1 | -1> = { 'next-reference': 1, 'previous-reference': -1 };

/** `next-reference` / `previous-reference` (wxt.config.ts) go to the active tab's content script as `focusStep`. */
export function wireCommands(apis: BrowserApis): void {
  apis.commands?.onCommand.addListener((command) => forwardCommand(apis, command));
}

export async function forwardCommand(apis: BrowserApis, command: string): Promise<boolean> {
  const direction = COMMAND_DIRECTIONS[command];
  if (!direction) return false;
  const [tab] = await apis.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return false;
  try {
    await apis.tabs.sendMessage(tab.id, { type: 'focusStep', direction });
    return true;
  } catch {
    // No content script on this tab (not a Parliament page): nothing to step through.
    return false;
  }
}
