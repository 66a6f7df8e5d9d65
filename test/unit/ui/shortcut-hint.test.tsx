// @vitest-environment happy-dom
/**
 * The panel's first-use note on the keyboard shortcuts is shown once: the first panel that lists positions shows it
 * (and keeps it until dismissed), every later panel does not. WXT's in-memory browser stands in for browser.storage.
 */
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { shortcutHintShownItem } from '../../../src/storage-items';
import { useShortcutHint } from '../../../src/ui/panel/hooks';
import { mount, unmountAll } from './panel-helpers';

let last: { shown: boolean; dismiss: () => void } | null = null;
function Probe({ hasPositions }: { hasPositions: boolean }) {
  last = useShortcutHint(hasPositions);
  return <p data-shown={String(last.shown)} />;
}

/** Lets the storage promises settle and the effects run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
}

beforeEach(() => fakeBrowser.reset());
afterEach(unmountAll);

describe('the shortcut hint is shown once', () => {
  it.each([
    ['a page with positions, first time', false, true, true],
    ['a page without positions, first time', false, false, false],
    ['a page with positions, already shown', true, true, false],
  ])('%s: shown %s', async (_case, before, hasPositions, expected) => {
    await shortcutHintShownItem.setValue(before);
    mount(<Probe hasPositions={hasPositions} />);
    await settle();
    expect(last?.shown).toBe(expected);
    // Remembered the moment it is shown, not only when dismissed.
    expect(await shortcutHintShownItem.getValue()).toBe(before || expected);
  });

  it('stays while the panel is open, goes on Got it, and a later panel does not show it', async () => {
    mount(<Probe hasPositions={false} />);
    await settle();
    expect(last?.shown).toBe(false);
    act(() => unmountAll());
    mount(<Probe hasPositions={true} />);
    await settle();
    expect(last?.shown).toBe(true);
    act(() => last?.dismiss());
    expect(last?.shown).toBe(false);
    act(() => unmountAll());
    mount(<Probe hasPositions={true} />);
    await settle();
    expect(last?.shown).toBe(false);
  });
});
