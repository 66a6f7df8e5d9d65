import { describe, expect, it, vi } from 'vitest';
import { type BrowserApis, createPlatform, forwardCommand, wireToolbarButton } from '../../../src/background/platform';

type Fakes = ReturnType<typeof fakes>;

/** The two browsers' shapes: Chrome MV3 (`action`, `sidePanel`) and Firefox MV2 (`browserAction`, `sidebarAction`). */
function fakes(browser: 'chrome' | 'firefox') {
  const clicked: Array<(tab?: unknown) => unknown> = [];
  const actionApi = {
    setBadgeText: vi.fn(async () => {}),
    setBadgeBackgroundColor: vi.fn(async () => {}),
    onClicked: {
      addListener: (cb: (tab: unknown) => unknown) => {
        clicked.push(cb);
      },
    },
  };
  const sidePanel = { open: vi.fn(async () => {}), setPanelBehavior: vi.fn(async () => {}) };
  const sidebarAction = { open: vi.fn(async () => {}), toggle: vi.fn(async () => {}) };
  const tabs = {
    query: vi.fn(async () => [{ id: 7 }]),
    sendMessage: vi.fn(async () => null),
  };
  const apis: BrowserApis =
    browser === 'chrome' ? { action: actionApi, sidePanel, tabs } : { browserAction: actionApi, sidebarAction, tabs };
  return { apis, actionApi, sidePanel, sidebarAction, tabs, clicked };
}

describe.each(['chrome', 'firefox'] as const)('%s', (browser) => {
  it('sets the badge text of one tab', async () => {
    const f: Fakes = fakes(browser);
    await createPlatform(f.apis, async () => {}).setBadge(3, '12');
    expect(f.actionApi.setBadgeText).toHaveBeenCalledWith({ tabId: 3, text: '12' });
  });

  it('opens the panel at once (no await before it) and the toolbar button opens it too', async () => {
    const f = fakes(browser);
    void createPlatform(f.apis, async () => {}).openPanel(9, 1);
    if (browser === 'chrome') expect(f.sidePanel.open).toHaveBeenCalledWith({ tabId: 9 });
    else expect(f.sidebarAction.open).toHaveBeenCalled();

    await wireToolbarButton(f.apis);
    if (browser === 'chrome') {
      expect(f.sidePanel.setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
      expect(f.clicked).toHaveLength(0);
    } else {
      expect(f.clicked).toHaveLength(1);
      await f.clicked[0]?.();
      expect(f.sidebarAction.toggle).toHaveBeenCalled();
    }
  });
});

describe('keyboard commands', () => {
  it.each([
    ['next-reference', 1],
    ['previous-reference', -1],
  ] as const)('%s steps the active tab by %i', async (command, direction) => {
    const f = fakes('chrome');
    expect(await forwardCommand(f.apis, command)).toBe(true);
    expect(f.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'focusStep', direction });
  });

  it('ignores other commands and tabs without a content script', async () => {
    const f = fakes('chrome');
    expect(await forwardCommand(f.apis, '_execute_action')).toBe(false);
    f.tabs.sendMessage.mockRejectedValueOnce(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await forwardCommand(f.apis, 'next-reference')).toBe(false);
  });
});
